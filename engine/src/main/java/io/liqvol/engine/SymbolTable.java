package io.liqvol.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Interns symbols to dense ids {@code 0..maxSymbols-1}. The decode thread is the single writer and looks symbols up
 * from their ASCII bytes without allocating; a new symbol allocates its name once. Other threads read names and ids
 * through concurrent structures. Only the first {@code admittedSymbols} get memory (the engine's budget): a symbol
 * seen after them keeps its name here so it is refused at the cost of a look-up, is counted and logged once, and
 * never reaches queries. The budget is spent per {@link Series} (a symbol on a venue) at its first sighting: a symbol
 * pays for its recent liquidations with its first series, and every series for its buckets and duplicate keys, so a
 * symbol that only one venue lists costs what it did before venues, and {@code admittedSymbols} is how many such
 * symbols the budget holds. A series beyond the budget is refused like a symbol.
 */
final class SymbolTable
{
    static final int MAX_SYMBOL_LENGTH = 32;
    static final int FULL = -1;
    static final int INVALID = -2;
    static final int OVER_BUDGET = -3;

    private static final System.Logger LOG = System.getLogger(SymbolTable.class.getName());
    private static final byte SERIES_ADMITTED = 1;
    private static final byte SERIES_REFUSED = 2;

    private final int maxSymbols;
    private final int admittedSymbols;
    private final EngineCounters counters;
    private final byte[] bytes;
    private final int[] lengths;
    private final int[] slots;
    private final int slotMask;
    private final AtomicReferenceArray<String> names;
    private final Map<String, Integer> idsByName = new ConcurrentHashMap<>();
    /** Per series: 0 until its first sighting, then {@link #SERIES_ADMITTED} or {@link #SERIES_REFUSED}. */
    private final byte[] seriesStates;
    private final long budgetBytes;
    private final long bytesPerSymbol;
    private final long bytesPerSeries;
    private long reservedBytes;
    private volatile int size;

    SymbolTable(final int maxSymbols)
    {
        this(maxSymbols, maxSymbols, new EngineCounters());
    }

    /**
     * {@code admittedSymbols}: how many symbols the memory budget holds, each on any number of venues;
     * {@code counters} counts those refused.
     */
    SymbolTable(final int maxSymbols, final int admittedSymbols, final EngineCounters counters)
    {
        this(maxSymbols, admittedSymbols, 1, 0, counters);
    }

    /**
     * A budget of {@code budgetBytes}: a symbol's first series takes {@code bytesPerSymbol + bytesPerSeries}, each
     * further one {@code bytesPerSeries}; {@code counters} counts symbols and series refused.
     */
    SymbolTable(
        final int maxSymbols,
        final long budgetBytes,
        final long bytesPerSymbol,
        final long bytesPerSeries,
        final EngineCounters counters)
    {
        this.maxSymbols = maxSymbols;
        this.budgetBytes = Math.max(0, budgetBytes);
        this.bytesPerSymbol = bytesPerSymbol;
        this.bytesPerSeries = bytesPerSeries;
        this.admittedSymbols = (int)Math.min(maxSymbols, this.budgetBytes / (bytesPerSymbol + bytesPerSeries));
        this.counters = counters;
        this.seriesStates = new byte[Series.capacity(maxSymbols)];
        this.bytes = new byte[maxSymbols * MAX_SYMBOL_LENGTH];
        this.lengths = new int[maxSymbols];
        final int slotCount = Integer.highestOneBit(maxSymbols * 2 - 1) << 1;
        this.slots = new int[slotCount];
        this.slotMask = slotCount - 1;
        this.names = new AtomicReferenceArray<>(maxSymbols);
    }

    /**
     * The id of the symbol in {@code text[offset, offset+length)}, interning it if new; {@link #INVALID} if it is
     * empty, longer than {@link #MAX_SYMBOL_LENGTH} or has a character outside {@code [A-Z0-9_]}; {@link #FULL} if
     * it is new and the table is full; {@link #OVER_BUDGET} if the memory budget refused it. Decode thread only.
     */
    int intern(final byte[] text, final int offset, final int length)
    {
        if (length == 0 || length > MAX_SYMBOL_LENGTH)
        {
            return INVALID;
        }
        int hash = 0;
        for (int i = 0; i < length; i++)
        {
            final byte c = text[offset + i];
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            {
                return INVALID;
            }
            hash = 31 * hash + c;
        }
        int slot = mix(hash) & slotMask;
        while (true)
        {
            final int entry = slots[slot];
            if (entry == 0)
            {
                return add(text, offset, length, slot);
            }
            final int id = entry - 1;
            if (matches(id, text, offset, length))
            {
                return id < admittedSymbols ? id : OVER_BUDGET;
            }
            slot = (slot + 1) & slotMask;
        }
    }

    /**
     * As {@link #intern(byte[], int, int)} for a liquidation on the venue of ordinal {@code venue}: also
     * {@link #OVER_BUDGET} when the symbol is admitted but the budget has no room for it on this venue. Decode
     * thread only.
     */
    int intern(final int venue, final byte[] text, final int offset, final int length)
    {
        final int id = intern(text, offset, length);
        if (id < 0 || seriesStates[Series.of(id, venue)] == SERIES_ADMITTED)
        {
            return id;
        }
        return admitSeries(id, venue) ? id : OVER_BUDGET;
    }

    /** The id of a symbol name, or -1 if never seen or refused; any thread. */
    int idOf(final String symbol)
    {
        final Integer id = idsByName.get(symbol);
        return id == null ? -1 : id;
    }

    /** The name of an interned id; any thread that learned the id from the engine. */
    String nameOf(final int id)
    {
        return names.get(id);
    }

    int size()
    {
        return size;
    }

    /** How many symbols the memory budget holds. */
    int admittedSymbols()
    {
        return admittedSymbols;
    }

    /** The admitted symbols' names. */
    List<String> names()
    {
        final int count = Math.min(size, admittedSymbols);
        final List<String> result = new ArrayList<>(count);
        for (int id = 0; id < count; id++)
        {
            result.add(names.get(id));
        }
        return result;
    }

    private int add(final byte[] text, final int offset, final int length, final int slot)
    {
        final int id = size;
        if (id == maxSymbols)
        {
            return FULL;
        }
        System.arraycopy(text, offset, bytes, id * MAX_SYMBOL_LENGTH, length);
        lengths[id] = length;
        slots[slot] = id + 1;
        final String name = new String(text, offset, length, StandardCharsets.US_ASCII);
        names.set(id, name);
        if (id >= admittedSymbols)
        {
            size = id + 1;
            counters.incrementSymbolsRefused();
            LOG.log(System.Logger.Level.WARNING, "symbol " + name + " refused: the memory budget holds "
                + admittedSymbols + " symbols (EngineContext.memoryBudgetBytes); its liquidations are rejected");
            return OVER_BUDGET;
        }
        idsByName.put(name, id);
        size = id + 1;
        return id;
    }

    private boolean admitSeries(final int id, final int venue)
    {
        final int series = Series.of(id, venue);
        if (seriesStates[series] == SERIES_REFUSED)
        {
            return false;
        }
        boolean first = true;
        for (int v = 0; v < Series.PER_SYMBOL; v++)
        {
            first &= seriesStates[Series.of(id, v)] != SERIES_ADMITTED;
        }
        final long cost = bytesPerSeries + (first ? bytesPerSymbol : 0);
        if (reservedBytes + cost > budgetBytes)
        {
            seriesStates[series] = SERIES_REFUSED;
            counters.incrementSymbolsRefused();
            LOG.log(System.Logger.Level.WARNING, "symbol " + names.get(id) + " on " + Venue.fromOrdinal(venue).code()
                + " refused: the memory budget is spent (EngineContext.memoryBudgetBytes); its liquidations there are"
                + " rejected");
            return false;
        }
        reservedBytes += cost;
        seriesStates[series] = SERIES_ADMITTED;
        return true;
    }

    private boolean matches(final int id, final byte[] text, final int offset, final int length)
    {
        final int base = id * MAX_SYMBOL_LENGTH;
        return lengths[id] == length && Arrays.equals(bytes, base, base + length, text, offset, offset + length);
    }

    private static int mix(final int hash)
    {
        final int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
