package io.liqvol.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Loads Binance's {@code liquidationSnapshot} daily CSV files (plain or zipped) into a running engine's journal,
 * idempotently. Each row is validated like an upstream event (quantity is the accumulated fill quantity, falling
 * back to the original quantity; price the average price, falling back to the order price; time the trade time).
 * <p>
 * Deduplication is exact and independent of the engine's short in-memory filter: for each symbol and UTC day a row
 * touches, the importer first reads the keys (side, time, quantity, price) of every liquidation the journal already
 * holds for that symbol and day — only segments whose roll-up time span overlaps the day are scanned — and then
 * imports a row only if its key is in neither that set nor among the rows imported before it. Importing the same
 * file twice therefore imports nothing the second time. Cold path: it allocates freely.
 */
public final class LiquidationImporter
{
    public static final String HEADER = "time,symbol,side,order_type,time_in_force,original_quantity,price,"
        + "average_price,order_status,last_fill_quantity,accumulated_fill_quantity";
    public static final int MAX_REPORTED_REJECTS = 1000;

    private static final int FIELDS = 11;
    private static final int TIME = 0;
    private static final int SYMBOL = 1;
    private static final int SIDE = 2;
    private static final int ORIGINAL_QUANTITY = 5;
    private static final int PRICE = 6;
    private static final int AVERAGE_PRICE = 7;
    private static final int ACCUMULATED_QUANTITY = 10;
    private static final long DAY_MS = 86_400_000L;
    /** Symbol-days whose key sets are kept; a daily file touches one. */
    private static final int CACHED_DAYS = 64;

    private final LiqvolEngine engine;
    private final Map<String, Set<Key>> keysBySymbolDay = new LinkedHashMap<>(16, 0.75f, true)
    {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, Set<Key>> eldest)
        {
            return size() > CACHED_DAYS;
        }
    };
    private final List<ImportReport.RejectedRow> rejects = new ArrayList<>();
    private long rowsRead;
    private long imported;
    private long duplicates;
    private long rejected;

    /** The engine must have a data directory: the journal is both where rows go and what they are checked against. */
    public LiquidationImporter(final LiqvolEngine engine)
    {
        if (engine.journal() == null)
        {
            throw new IllegalArgumentException("importing needs an engine with a data directory");
        }
        this.engine = engine;
    }

    /** Imports every file in order and returns the totals of this importer so far; waits until all is journaled. */
    public ImportReport importFiles(final List<Path> files) throws IOException
    {
        for (final Path file : files)
        {
            importFile(file);
        }
        return finish();
    }

    private void importFile(final Path file) throws IOException
    {
        final String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file))
        {
            if (!name.toLowerCase().endsWith(".zip"))
            {
                importCsv(name, in);
                return;
            }
            try (ZipInputStream zip = new ZipInputStream(in))
            {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null)
                {
                    if (!entry.isDirectory() && entry.getName().toLowerCase().endsWith(".csv"))
                    {
                        importCsv(name + "!" + entry.getName(), zip);
                    }
                }
            }
        }
    }

    private void importCsv(final String source, final InputStream in) throws IOException
    {
        final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        long lineNumber = 0;
        while ((line = reader.readLine()) != null)
        {
            lineNumber++;
            final String row = line.strip();
            if (row.isEmpty() || (lineNumber == 1 && row.equalsIgnoreCase(HEADER)))
            {
                continue;
            }
            rowsRead++;
            final String reason = importRow(row);
            if (reason != null)
            {
                rejected++;
                if (rejects.size() < MAX_REPORTED_REJECTS)
                {
                    rejects.add(new ImportReport.RejectedRow(source, lineNumber, reason));
                }
            }
        }
    }

    /** Imports or counts one row as a duplicate; returns why it was rejected, or null. */
    private String importRow(final String row)
    {
        final String[] fields = row.split(",", -1);
        if (fields.length != FIELDS)
        {
            return "expected " + FIELDS + " fields, found " + fields.length;
        }
        final long timeMs = parseTime(fields[TIME].strip());
        final EngineContext context = engine.context();
        if (timeMs < context.minTimeMs() || timeMs > context.epochClock().time() + context.acceptedFutureMs())
        {
            return "invalid time: " + fields[TIME];
        }
        final String symbol = fields[SYMBOL].strip();
        if (!symbol.matches("[A-Z0-9_]{1," + SymbolTable.MAX_SYMBOL_LENGTH + "}"))
        {
            return "invalid symbol: " + fields[SYMBOL];
        }
        final String sideText = fields[SIDE].strip();
        if (!sideText.equals("BUY") && !sideText.equals("SELL"))
        {
            return "invalid side: " + fields[SIDE];
        }
        final Side side = Side.valueOf(sideText);
        final long quantityE8 = parseFirstPositive(fields[ACCUMULATED_QUANTITY], fields[ORIGINAL_QUANTITY]);
        if (quantityE8 < 0)
        {
            return "invalid quantity: " + FixedPoint.rejectReasonOf(quantityE8).label();
        }
        final long priceE8 = parseFirstPositive(fields[AVERAGE_PRICE], fields[PRICE]);
        if (priceE8 < 0)
        {
            return "invalid price: " + FixedPoint.rejectReasonOf(priceE8).label();
        }
        importLiquidation(symbol, side, quantityE8, priceE8, timeMs);
        return null;
    }

    /**
     * Imports one valid liquidation (trade time {@code timeMs}) unless the journal or this importer already holds its
     * key; true when imported. {@link #finish()} waits until what was imported is journaled.
     */
    public boolean importLiquidation(
        final String symbol, final Side side, final long quantityE8, final long priceE8, final long timeMs)
    {
        if (!keysOf(symbol, Math.floorDiv(timeMs, DAY_MS)).add(new Key(side.ordinal(), timeMs, quantityE8, priceE8)))
        {
            duplicates++;
            return false;
        }
        engine.ingestLiquidation(symbol, side, quantityE8, priceE8, timeMs, timeMs);
        imported++;
        return true;
    }

    /** Waits until everything imported so far is journaled and returns the totals of this importer. */
    public ImportReport finish()
    {
        engine.drain();
        return new ImportReport(rowsRead, imported, duplicates, rejected, List.copyOf(rejects));
    }

    /** The keys the journal holds for a symbol and day, plus those imported since; read once per symbol-day. */
    private Set<Key> keysOf(final String symbol, final long day)
    {
        final String cacheKey = symbol + "/" + day;
        Set<Key> keys = keysBySymbolDay.get(cacheKey);
        if (keys == null)
        {
            engine.drain();
            final Set<Key> journaled = new HashSet<>();
            engine.journal().history().forEachLiquidation(symbol, day * DAY_MS, (day + 1) * DAY_MS,
                (side, tradeTimeMs, quantityE8, priceE8) ->
                    journaled.add(new Key(side, tradeTimeMs, quantityE8, priceE8)));
            keys = journaled;
            keysBySymbolDay.put(cacheKey, keys);
        }
        return keys;
    }

    private static long parseTime(final String text)
    {
        if (text.isEmpty() || text.length() > 15 || !text.chars().allMatch(c -> c >= '0' && c <= '9'))
        {
            return -1;
        }
        return Long.parseLong(text);
    }

    /**
     * The first decimal (E8), or the fallback where the first is zero or empty (as upstream: {@code z} else
     * {@code q}); a negative result is a parse error, a zero one is reported as non-positive.
     */
    private static long parseFirstPositive(final String first, final String fallback)
    {
        final long value = parse(first.strip());
        if (value != 0)
        {
            return value;
        }
        final long other = parse(fallback.strip());
        return other != 0 ? other : -1L - RejectReason.NON_POSITIVE.ordinal();
    }

    private static long parse(final String text)
    {
        if (text.isEmpty())
        {
            return 0;
        }
        final byte[] ascii = AsciiText.of(text);
        return FixedPoint.parseE8(ascii, 0, ascii.length);
    }

    private record Key(int side, long tradeTimeMs, long quantityE8, long priceE8)
    {
    }
}
