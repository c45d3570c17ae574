package io.liqvol.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiquidationImporterTest
{
    /** 2023-06-01T00:00:00Z. */
    private static final long DAY = 1_685_577_600_000L;

    @TempDir
    Path dir;

    @Test
    void shouldImportAPlainCsvIntoTheJournalAndTheAggregates() throws IOException
    {
        final Path file = csv("BTCUSDT-liquidationSnapshot-2023-06-01.csv", rows("BTCUSDT", 200));

        try (LiqvolEngine engine = engine())
        {
            final ImportReport report = new LiquidationImporter(engine).importFiles(List.of(file));
            assertThat(report).isEqualTo(new ImportReport(200, 200, 0, 0, List.of()));
            assertThat(engine.volume("BTCUSDT", Timeframe.D1, DAY, DAY + 1).get(0).totalNotional())
                .isEqualByComparingTo(referenceNotional(200));
        }
        try (LiqvolEngine engine = engine())
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(200);
        }
    }

    @Test
    void shouldImportEveryCsvOfAZipFile() throws IOException
    {
        final Path zip = dir.resolve("liquidationSnapshot.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)))
        {
            for (final String symbol : List.of("BTCUSDT", "ETHUSDT"))
            {
                out.putNextEntry(new ZipEntry(symbol + "-liquidationSnapshot-2023-06-01.csv"));
                out.write(String.join("\n", rows(symbol, 50)).getBytes(StandardCharsets.US_ASCII));
                out.closeEntry();
            }
        }

        try (LiqvolEngine engine = engine())
        {
            final ImportReport report = new LiquidationImporter(engine).importFiles(List.of(zip));
            assertThat(report.imported()).isEqualTo(100);
            assertThat(engine.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        }
    }

    @Test
    void shouldImportNothingTheSecondTimeEvenAfterARestart() throws IOException
    {
        final Path file = csv("BTCUSDT-liquidationSnapshot-2023-06-01.csv", rows("BTCUSDT", 500));
        try (LiqvolEngine engine = engine())
        {
            new LiquidationImporter(engine).importFiles(List.of(file));
        }

        try (LiqvolEngine engine = engine())
        {
            final ImportReport report = new LiquidationImporter(engine).importFiles(List.of(file));
            assertThat(report).isEqualTo(new ImportReport(500, 0, 500, 0, List.of()));
            assertThat(engine.volume("BTCUSDT", Timeframe.D1, DAY, DAY + 1).get(0).count()).isEqualTo(500);
        }
        try (LiqvolEngine engine = engine())
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(500);
        }
    }

    @Test
    void shouldCountARowRepeatedWithinAFileAsADuplicate() throws IOException
    {
        final List<String> lines = rows("BTCUSDT", 3);
        lines.add(lines.get(2));
        final Path file = csv("repeated.csv", lines);

        try (LiqvolEngine engine = engine())
        {
            assertThat(new LiquidationImporter(engine).importFiles(List.of(file)))
                .isEqualTo(new ImportReport(4, 3, 1, 0, List.of()));
        }
    }

    @Test
    void shouldRejectMalformedRowsWithTheirLineNumbersAndImportTheRest() throws IOException
    {
        final List<String> lines = new ArrayList<>();
        lines.add(LiquidationImporter.HEADER);
        lines.add(row(DAY, "BTCUSDT", "SELL", "0.014", "9910", "9910", "0.014"));
        lines.add("1685577600000,BTCUSDT,SELL,LIMIT,IOC,0.014,9910");
        lines.add(row(-5, "BTCUSDT", "SELL", "0.014", "9910", "9910", "0.014"));
        lines.add(row(DAY, "btc-usdt", "SELL", "0.014", "9910", "9910", "0.014"));
        lines.add(row(DAY, "BTCUSDT", "LONG", "0.014", "9910", "9910", "0.014"));
        lines.add(row(DAY, "BTCUSDT", "BUY", "0.014", "9910", "9910", "0.000000001"));
        lines.add(row(DAY, "BTCUSDT", "BUY", "0.014", "-1", "0", "0.014"));
        lines.add(row(DAY, "BTCUSDT", "BUY", "0", "9910", "9910", "0"));
        lines.add("");
        lines.add(row(DAY + 1, "BTCUSDT", "BUY", "0.5", "20000.5", "0", "0"));
        final Path file = csv("malformed.csv", lines);

        try (LiqvolEngine engine = engine())
        {
            final ImportReport report = new LiquidationImporter(engine).importFiles(List.of(file));
            assertThat(report.rowsRead()).isEqualTo(9);
            assertThat(report.imported()).isEqualTo(2);
            assertThat(report.rejected()).isEqualTo(7);
            assertThat(report.rejects()).extracting(ImportReport.RejectedRow::line)
                .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
            assertThat(report.rejects()).extracting(ImportReport.RejectedRow::reason).containsExactly(
                "expected 11 fields, found 7",
                "invalid time: -5",
                "invalid symbol: btc-usdt",
                "invalid side: LONG",
                "invalid quantity: too_precise",
                "invalid price: non_positive",
                "invalid quantity: non_positive");
            assertThat(report.rejects()).allSatisfy(r -> assertThat(r.file()).isEqualTo("malformed.csv"));
            final BucketSnapshot day = engine.volume("BTCUSDT", Timeframe.D1, DAY, DAY + 1).get(0);
            assertThat(day.sellNotional()).isEqualByComparingTo("138.74");
            assertThat(day.buyQuantity()).isEqualByComparingTo("0.5");
            assertThat(day.buyNotional()).isEqualByComparingTo("10000.25");
        }
    }

    @Test
    void shouldRefuseAnEngineWithoutDataDirectory()
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext()))
        {
            assertThatThrownBy(() -> new LiquidationImporter(engine)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private LiqvolEngine engine()
    {
        return LiqvolEngine.launch(new EngineContext().dataDir(dir.resolve("data")));
    }

    private Path csv(final String name, final List<String> lines) throws IOException
    {
        final Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file))
        {
            out.write(String.join("\n", lines).getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    private static List<String> rows(final String symbol, final int count)
    {
        final List<String> lines = new ArrayList<>();
        lines.add(LiquidationImporter.HEADER);
        for (int i = 0; i < count; i++)
        {
            final String side = i % 2 == 0 ? "BUY" : "SELL";
            lines.add(row(DAY + i * 60_000L, symbol, side, quantity(i), "26000", price(i), quantity(i)));
        }
        return lines;
    }

    private static String row(
        final long timeMs,
        final String symbol,
        final String side,
        final String originalQuantity,
        final String price,
        final String averagePrice,
        final String accumulatedQuantity)
    {
        return timeMs + "," + symbol + "," + side + ",LIMIT,IOC," + originalQuantity + "," + price + "," + averagePrice
            + ",FILLED," + accumulatedQuantity + "," + accumulatedQuantity;
    }

    private static String quantity(final int i)
    {
        return "0." + String.format("%03d", i + 1);
    }

    private static String price(final int i)
    {
        return "26000." + String.format("%02d", i % 100);
    }

    private static BigDecimal referenceNotional(final int count)
    {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < count; i++)
        {
            total = total.add(new BigDecimal(quantity(i)).multiply(new BigDecimal(price(i))));
        }
        return total;
    }
}
