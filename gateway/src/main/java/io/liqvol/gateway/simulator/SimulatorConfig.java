package io.liqvol.gateway.simulator;

import java.nio.file.Path;
import java.util.List;

/**
 * Configuration of an {@link ExchangeSimulator}: fluent setters, then {@link #conclude()} validates. The defaults
 * are Binance's rules and a demo-friendly flow; tests shorten every interval so they run in milliseconds.
 */
public final class SimulatorConfig
{
    /** Generated history is kept as minute candles for twice its length: a week at most. */
    public static final long MAX_HISTORY_MS = 7 * 86_400_000L;

    private String host = "127.0.0.1";
    private int port;
    private long seed = 42;
    private List<SimulatedSymbol> symbols = SymbolUniverse.defaults();
    private long liquidationIntervalMs = 1000;
    private long pingIntervalMs = 180_000;
    private long pongTimeoutMs = 600_000;
    private long maxConnectionAgeMs = 24 * 3_600_000L;
    private int maxMessagesPerWindow = 10;
    private long rateWindowMs = 1000;
    private int maxStreamsPerConnection = 1024;
    private boolean generateFlow = true;
    private long tickMs = 100;
    private double quietLiquidationsPerSecond = 4;
    private long meanCascadeGapMs = 45_000;
    private long cascadeDurationMs = 10_000;
    private int cascadeMultiplier = 12;
    private long klinePushMs = 1000;
    private int historyCandles = 1500;
    private long historyMs;
    private Path replayFile;
    private double replaySpeed = 1;
    private long replayDelayMs = 1000;
    private long venueBatchMs = 500;
    private int venueLiquidationsPerBatch = 3;
    private int bybitMaxArgs = 10;
    private long bybitPingTimeoutMs = 60_000;
    private long okxSilenceTimeoutMs = 30_000;
    private boolean concluded;

    public SimulatorConfig host(final String host)
    {
        this.host = host;
        return this;
    }

    public String host()
    {
        return host;
    }

    /** 0 lets the operating system choose. */
    public SimulatorConfig port(final int port)
    {
        this.port = port;
        return this;
    }

    public int port()
    {
        return port;
    }

    /** The same seed gives the same prices and the same flow. */
    public SimulatorConfig seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    public long seed()
    {
        return seed;
    }

    public SimulatorConfig symbols(final List<SimulatedSymbol> symbols)
    {
        this.symbols = List.copyOf(symbols);
        return this;
    }

    public List<SimulatedSymbol> symbols()
    {
        return symbols;
    }

    /** Binance's snapshot rule: per symbol at most one liquidation (the latest) is pushed per this interval. */
    public SimulatorConfig liquidationIntervalMs(final long liquidationIntervalMs)
    {
        this.liquidationIntervalMs = liquidationIntervalMs;
        return this;
    }

    public long liquidationIntervalMs()
    {
        return liquidationIntervalMs;
    }

    public SimulatorConfig pingIntervalMs(final long pingIntervalMs)
    {
        this.pingIntervalMs = pingIntervalMs;
        return this;
    }

    public long pingIntervalMs()
    {
        return pingIntervalMs;
    }

    /** A client that has not answered a ping with a pong for this long is dropped. */
    public SimulatorConfig pongTimeoutMs(final long pongTimeoutMs)
    {
        this.pongTimeoutMs = pongTimeoutMs;
        return this;
    }

    public long pongTimeoutMs()
    {
        return pongTimeoutMs;
    }

    /** Binance cuts every connection after 24 hours. */
    public SimulatorConfig maxConnectionAgeMs(final long maxConnectionAgeMs)
    {
        this.maxConnectionAgeMs = maxConnectionAgeMs;
        return this;
    }

    public long maxConnectionAgeMs()
    {
        return maxConnectionAgeMs;
    }

    /** A client sending more messages (text, ping, pong) than this within one rate window is disconnected. */
    public SimulatorConfig maxMessagesPerWindow(final int maxMessagesPerWindow)
    {
        this.maxMessagesPerWindow = maxMessagesPerWindow;
        return this;
    }

    public int maxMessagesPerWindow()
    {
        return maxMessagesPerWindow;
    }

    public SimulatorConfig rateWindowMs(final long rateWindowMs)
    {
        this.rateWindowMs = rateWindowMs;
        return this;
    }

    public long rateWindowMs()
    {
        return rateWindowMs;
    }

    public SimulatorConfig maxStreamsPerConnection(final int maxStreamsPerConnection)
    {
        this.maxStreamsPerConnection = maxStreamsPerConnection;
        return this;
    }

    public int maxStreamsPerConnection()
    {
        return maxStreamsPerConnection;
    }

    /** Off: prices stand still and only injected or replayed liquidations are pushed (tests that count). */
    public SimulatorConfig generateFlow(final boolean generateFlow)
    {
        this.generateFlow = generateFlow;
        return this;
    }

    public boolean generateFlow()
    {
        return generateFlow;
    }

    /** Step of the market clock: prices move and liquidations are drawn once per tick. */
    public SimulatorConfig tickMs(final long tickMs)
    {
        this.tickMs = tickMs;
        return this;
    }

    public long tickMs()
    {
        return tickMs;
    }

    /** Mean liquidations per second across all symbols outside cascades, before the snapshot rule. */
    public SimulatorConfig quietLiquidationsPerSecond(final double quietLiquidationsPerSecond)
    {
        this.quietLiquidationsPerSecond = quietLiquidationsPerSecond;
        return this;
    }

    public double quietLiquidationsPerSecond()
    {
        return quietLiquidationsPerSecond;
    }

    /** Mean time between the starts of two cascades; 0 disables cascades. */
    public SimulatorConfig meanCascadeGapMs(final long meanCascadeGapMs)
    {
        this.meanCascadeGapMs = meanCascadeGapMs;
        return this;
    }

    public long meanCascadeGapMs()
    {
        return meanCascadeGapMs;
    }

    public SimulatorConfig cascadeDurationMs(final long cascadeDurationMs)
    {
        this.cascadeDurationMs = cascadeDurationMs;
        return this;
    }

    public long cascadeDurationMs()
    {
        return cascadeDurationMs;
    }

    /** How many times the quiet rate a cascade liquidates, all on one side, across the market. */
    public SimulatorConfig cascadeMultiplier(final int cascadeMultiplier)
    {
        this.cascadeMultiplier = cascadeMultiplier;
        return this;
    }

    public int cascadeMultiplier()
    {
        return cascadeMultiplier;
    }

    /** Period of kline stream updates of the open candle (Binance pushes USD-M klines every 250 ms). */
    public SimulatorConfig klinePushMs(final long klinePushMs)
    {
        this.klinePushMs = klinePushMs;
        return this;
    }

    public long klinePushMs()
    {
        return klinePushMs;
    }

    /** Candles kept per symbol and interval, back-filled before start so charts have history (REST limit). */
    public SimulatorConfig historyCandles(final int historyCandles)
    {
        this.historyCandles = historyCandles;
        return this;
    }

    public int historyCandles()
    {
        return historyCandles;
    }

    /** A file of recorded frames, one JSON frame per line, pushed to subscribers at their recorded pace. */
    /**
     * How far back the market had liquidations before the simulator started (0: none): generated deterministically
     * from the seed on one minute path per symbol that the candles share (see {@link ExchangeSimulator#history()}).
     */
    public SimulatorConfig historyMs(final long historyMs)
    {
        this.historyMs = historyMs;
        return this;
    }

    public long historyMs()
    {
        return historyMs;
    }

    public SimulatorConfig replayFile(final Path replayFile)
    {
        this.replayFile = replayFile;
        return this;
    }

    public Path replayFile()
    {
        return replayFile;
    }

    /** 2 replays twice as fast as recorded. */
    public SimulatorConfig replaySpeed(final double replaySpeed)
    {
        this.replaySpeed = replaySpeed;
        return this;
    }

    public double replaySpeed()
    {
        return replaySpeed;
    }

    /** Time from start to the first replayed frame, so that clients can connect first. */
    public SimulatorConfig replayDelayMs(final long replayDelayMs)
    {
        this.replayDelayMs = replayDelayMs;
        return this;
    }

    public long replayDelayMs()
    {
        return replayDelayMs;
    }

    /** Bybit pushes and OKX pushes leave every this often, each a batch (Bybit batches every 500 ms). */
    public SimulatorConfig venueBatchMs(final long venueBatchMs)
    {
        this.venueBatchMs = venueBatchMs;
        return this;
    }

    public long venueBatchMs()
    {
        return venueBatchMs;
    }

    /** Liquidations drawn per batch and venue; 0 stops the venues' flow. */
    public SimulatorConfig venueLiquidationsPerBatch(final int venueLiquidationsPerBatch)
    {
        this.venueLiquidationsPerBatch = venueLiquidationsPerBatch;
        return this;
    }

    public int venueLiquidationsPerBatch()
    {
        return venueLiquidationsPerBatch;
    }

    /** Topics one Bybit subscribe request may name; more is answered with an error. */
    public SimulatorConfig bybitMaxArgs(final int bybitMaxArgs)
    {
        this.bybitMaxArgs = bybitMaxArgs;
        return this;
    }

    public int bybitMaxArgs()
    {
        return bybitMaxArgs;
    }

    /** A Bybit connection that sent no ping for this long is dropped. */
    public SimulatorConfig bybitPingTimeoutMs(final long bybitPingTimeoutMs)
    {
        this.bybitPingTimeoutMs = bybitPingTimeoutMs;
        return this;
    }

    public long bybitPingTimeoutMs()
    {
        return bybitPingTimeoutMs;
    }

    /** An OKX connection on which nothing went either way for this long is dropped (OKX: 30 s). */
    public SimulatorConfig okxSilenceTimeoutMs(final long okxSilenceTimeoutMs)
    {
        this.okxSilenceTimeoutMs = okxSilenceTimeoutMs;
        return this;
    }

    public long okxSilenceTimeoutMs()
    {
        return okxSilenceTimeoutMs;
    }

    /** Validates every value; throws {@link IllegalArgumentException} naming the first bad one. */
    public SimulatorConfig conclude()
    {
        if (concluded)
        {
            return this;
        }
        require(port >= 0 && port <= 65_535, "port");
        require(symbols != null && !symbols.isEmpty(), "symbols");
        require(liquidationIntervalMs >= 1, "liquidationIntervalMs");
        require(pingIntervalMs >= 1, "pingIntervalMs");
        require(pongTimeoutMs >= pingIntervalMs, "pongTimeoutMs");
        require(maxConnectionAgeMs >= 1, "maxConnectionAgeMs");
        require(maxMessagesPerWindow >= 1, "maxMessagesPerWindow");
        require(rateWindowMs >= 1, "rateWindowMs");
        require(maxStreamsPerConnection >= 1, "maxStreamsPerConnection");
        require(tickMs >= 1, "tickMs");
        require(quietLiquidationsPerSecond >= 0, "quietLiquidationsPerSecond");
        require(meanCascadeGapMs >= 0, "meanCascadeGapMs");
        require(cascadeDurationMs >= tickMs, "cascadeDurationMs");
        require(cascadeMultiplier >= 1, "cascadeMultiplier");
        require(klinePushMs >= 1, "klinePushMs");
        require(historyCandles >= 1 && historyCandles <= 100_000, "historyCandles");
        require(historyMs >= 0 && historyMs <= MAX_HISTORY_MS, "historyMs");
        require(replaySpeed > 0, "replaySpeed");
        require(replayDelayMs >= 0, "replayDelayMs");
        require(venueBatchMs >= 1, "venueBatchMs");
        require(venueLiquidationsPerBatch >= 0, "venueLiquidationsPerBatch");
        require(bybitMaxArgs >= 1, "bybitMaxArgs");
        require(bybitPingTimeoutMs >= 1, "bybitPingTimeoutMs");
        require(okxSilenceTimeoutMs >= 1, "okxSilenceTimeoutMs");
        concluded = true;
        return this;
    }

    private static void require(final boolean valid, final String name)
    {
        if (!valid)
        {
            throw new IllegalArgumentException("invalid simulator setting: " + name);
        }
    }
}
