package io.liqvol.engine;

import io.liqvol.engine.journal.JournalDescriptor;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * The child process of {@link LiqvolEngineCrashTest}: an engine on the given data directory fed an endless,
 * deterministic stream of liquidations; a listener prints the number of each one it is handed and flushes, so the
 * parent knows what a client could have been sent when it kills this process. With a second argument {@code idle}
 * it is fed nothing (a quiet market), prints {@code started} and waits to be killed.
 */
public final class CrashingEngineMain
{
    static final long T0 = 1_700_000_000_000L;
    static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
    static final long IDLE_HEARTBEAT_MS = 50;

    private CrashingEngineMain()
    {
    }

    public static void main(final String[] args)
    {
        final PrintStream out = System.out;
        final EngineContext context = new EngineContext()
            .dataDir(Path.of(args[0]))
            .segmentBytes(JournalDescriptor.recordOffset(4096))
            .listener(new EngineListener()
            {
                @Override
                public void onLiquidation(final LiquidationView liquidation)
                {
                    out.println(liquidation.tradeTimeMs() - T0);
                    out.flush();
                }

                @Override
                public void onBucketChanged(final BucketView bucket)
                {
                }
            });
        if (args.length > 1 && args[1].equals("idle"))
        {
            LiqvolEngine.launch(context.heartbeatIntervalMs(IDLE_HEARTBEAT_MS));
            out.println("started");
            out.flush();
            LockSupport.park();
            return;
        }
        final LiqvolEngine engine = LiqvolEngine.launch(context);
        for (int i = 0; ; i++)
        {
            engine.ingestLiquidation(symbol(i), side(i), quantityE8(i), priceE8(i), T0 + i, T0 + i);
        }
    }

    static String symbol(final int i)
    {
        return SYMBOLS[i % SYMBOLS.length];
    }

    static Side side(final int i)
    {
        return (i / 3) % 2 == 0 ? Side.BUY : Side.SELL;
    }

    static long quantityE8(final int i)
    {
        return 1_234_567L + 7L * i;
    }

    static long priceE8(final int i)
    {
        return 2_500_012_345_678L + 1_001L * i;
    }

    static BigDecimal notional(final int i)
    {
        return BigDecimal.valueOf(quantityE8(i), 8).multiply(BigDecimal.valueOf(priceE8(i), 8));
    }
}
