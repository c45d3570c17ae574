package io.liqvol.gateway.simulator;

import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The simulated Bybit and OKX: their sessions and subscriptions, their keep-alive and disconnect rules, and their
 * liquidation pushes, drawn from one seeded random stream per venue every batch. Bybit pushes
 * {@code allLiquidation.{symbol}} per symbol with the position's side; OKX pushes one {@code liquidation-orders}
 * frame holding several instruments, sizes in contracts and details out of {@code ts} order. Market executor only,
 * except the counters and listeners.
 */
final class VenueHub
{
    /** Counted per venue (index {@link Venue#ordinal()}). */
    static final int PINGS = 0;
    static final int SUBSCRIBE_ERRORS = 1;
    static final int TIMEOUT_CUTS = 2;
    static final int FRAMES_PUSHED = 3;
    private static final int COUNTERS = 4;

    private final SimulatorConfig config;
    private final List<SimulatedSymbol> symbols;
    private final LongSupplier clockMs;
    private final Set<VenueSession> sessions = new LinkedHashSet<>();
    private final Map<Venue, SplittableRandom> randoms = new LinkedHashMap<>();
    private final AtomicLongArray counters = new AtomicLongArray(Venue.count() * COUNTERS);
    private final List<Consumer<VenueLiquidation>> listeners = new CopyOnWriteArrayList<>();

    VenueHub(final SimulatorConfig config, final LongSupplier clockMs)
    {
        this.config = config;
        this.symbols = config.symbols();
        this.clockMs = clockMs;
        randoms.put(Venue.BYBIT, new SplittableRandom(config.seed() * 31 + Venue.BYBIT.ordinal()));
        randoms.put(Venue.OKX, new SplittableRandom(config.seed() * 31 + Venue.OKX.ordinal()));
    }

    long counter(final Venue venue, final int counter)
    {
        return counters.get(venue.ordinal() * COUNTERS + counter);
    }

    void addListener(final Consumer<VenueLiquidation> listener)
    {
        listeners.add(listener);
    }

    void open(final VenueSession session)
    {
        sessions.add(session);
    }

    void remove(final VenueSession session)
    {
        sessions.remove(session);
    }

    int sessionCount(final Venue venue)
    {
        int count = 0;
        for (final VenueSession session : sessions)
        {
            count += session.venue() == venue ? 1 : 0;
        }
        return count;
    }

    /** Drops the venue's connections without a close frame, like a network failure. */
    void dropAll(final Venue venue)
    {
        for (final VenueSession session : new ArrayList<>(sessions))
        {
            if (session.venue() == venue)
            {
                sessions.remove(session);
                session.channel().close();
            }
        }
    }

    void onText(final VenueSession session, final String text)
    {
        if (!sessions.contains(session))
        {
            return;
        }
        final long nowMs = clockMs.getAsLong();
        session.active(nowMs);
        if (session.venue() == Venue.OKX && "ping".equals(text))
        {
            count(Venue.OKX, PINGS);
            send(session, "pong");
            return;
        }
        final VenueRequest request = VenueRequest.parse(text);
        if (session.venue() == Venue.BYBIT)
        {
            bybit(session, request, nowMs);
        }
        else
        {
            okx(session, request);
        }
    }

    /** Cuts the connections that broke their venue's keep-alive rule. */
    void enforceKeepAlive()
    {
        final long nowMs = clockMs.getAsLong();
        for (final VenueSession session : new ArrayList<>(sessions))
        {
            final boolean expired = session.venue() == Venue.BYBIT
                ? nowMs - session.lastPingMs() > config.bybitPingTimeoutMs()
                : nowMs - session.lastActivityMs() > config.okxSilenceTimeoutMs();
            if (expired)
            {
                count(session.venue(), TIMEOUT_CUTS);
                sessions.remove(session);
                session.channel().close();
            }
        }
    }

    /** One batch of each venue's liquidations, pushed to its subscribers. */
    void pushBatch()
    {
        final long nowMs = clockMs.getAsLong();
        pushBybit(nowMs);
        pushOkx(nowMs);
    }

    private void bybit(final VenueSession session, final VenueRequest request, final long nowMs)
    {
        if (request == null)
        {
            bybitAnswer(session, "", "subscribe", "error:request not supported");
            return;
        }
        if ("ping".equals(request.op()))
        {
            count(Venue.BYBIT, PINGS);
            session.pinged(nowMs);
            send(session, "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"sim\",\"req_id\":\""
                + request.requestId() + "\",\"op\":\"ping\"}");
            return;
        }
        if (!"subscribe".equals(request.op()) && !"unsubscribe".equals(request.op()))
        {
            bybitAnswer(session, request.requestId(), request.op(), "error:unknown op");
            return;
        }
        if (request.args().size() > config.bybitMaxArgs())
        {
            bybitAnswer(session, request.requestId(), request.op(), "error:args size >" + config.bybitMaxArgs());
            return;
        }
        for (final String topic : request.args())
        {
            if (bybitSymbol(topic) == null)
            {
                bybitAnswer(session, request.requestId(), request.op(), "error:handler not found,topic:" + topic);
                return;
            }
        }
        if ("subscribe".equals(request.op()))
        {
            session.topics().addAll(request.args());
        }
        else
        {
            request.args().forEach(session.topics()::remove);
        }
        bybitAnswer(session, request.requestId(), request.op(), null);
    }

    private void bybitAnswer(final VenueSession session, final String requestId, final String op, final String error)
    {
        if (error != null)
        {
            count(Venue.BYBIT, SUBSCRIBE_ERRORS);
        }
        send(session, "{\"success\":" + (error == null) + ",\"ret_msg\":\"" + (error == null ? "" : error)
            + "\",\"conn_id\":\"sim\",\"req_id\":\"" + requestId + "\",\"op\":\"" + op + "\"}");
    }

    private SimulatedSymbol bybitSymbol(final String topic)
    {
        for (final SimulatedSymbol symbol : symbols)
        {
            if (topic.equals("allLiquidation." + symbol.symbol()))
            {
                return symbol;
            }
        }
        return null;
    }

    private void okx(final VenueSession session, final VenueRequest request)
    {
        if (request == null || !"subscribe".equals(request.op()) && !"unsubscribe".equals(request.op()))
        {
            okxError(session, "60012", "Invalid request");
            return;
        }
        for (final String arg : request.args())
        {
            if (!"liquidation-orders:SWAP".equals(arg))
            {
                okxError(session, "60018", "Wrong URL or channel:" + arg + " doesn't exist.");
                return;
            }
        }
        for (final String arg : request.args())
        {
            if ("subscribe".equals(request.op()))
            {
                session.topics().add(arg);
            }
            else
            {
                session.topics().remove(arg);
            }
            send(session, "{\"event\":\"" + request.op() + "\",\"arg\":{\"channel\":\"liquidation-orders\","
                + "\"instType\":\"SWAP\"},\"connId\":\"sim\"}");
        }
    }

    private void okxError(final VenueSession session, final String code, final String message)
    {
        count(Venue.OKX, SUBSCRIBE_ERRORS);
        send(session, "{\"event\":\"error\",\"code\":\"" + code + "\",\"msg\":\"" + message
            + "\",\"connId\":\"sim\"}");
    }

    private void pushBybit(final long nowMs)
    {
        final SplittableRandom random = randoms.get(Venue.BYBIT);
        final Map<SimulatedSymbol, List<String>> bySymbol = new LinkedHashMap<>();
        final List<VenueLiquidation> drawn = new ArrayList<>();
        for (int i = 0; i < config.venueLiquidationsPerBatch(); i++)
        {
            final SimulatedSymbol symbol = symbols.get(random.nextInt(symbols.size()));
            final long quantityUnits = 1 + random.nextLong(5_000);
            final long priceUnits = price(symbol, random);
            final boolean longLiquidated = random.nextBoolean();
            final long tradeTimeMs = nowMs - random.nextLong(config.venueBatchMs());
            bySymbol.computeIfAbsent(symbol, key -> new ArrayList<>()).add("{\"T\":" + tradeTimeMs + ",\"s\":\""
                + symbol.symbol() + "\",\"S\":\"" + (longLiquidated ? "Buy" : "Sell") + "\",\"v\":\""
                + Decimals.format(quantityUnits, symbol.quantityPrecision()) + "\",\"p\":\""
                + Decimals.format(priceUnits, symbol.pricePrecision()) + "\"}");
            // Bybit's S is the position's side: "Buy", a long liquidated, is Binance's SELL order.
            drawn.add(new VenueLiquidation(Venue.BYBIT, symbol.symbol(), longLiquidated ? Side.SELL : Side.BUY,
                Decimals.decimal(quantityUnits, symbol.quantityPrecision()),
                Decimals.decimal(priceUnits, symbol.pricePrecision()), tradeTimeMs));
        }
        for (final Map.Entry<SimulatedSymbol, List<String>> entry : bySymbol.entrySet())
        {
            final String symbol = entry.getKey().symbol();
            final String topic = "allLiquidation." + symbol;
            final String frame = "{\"topic\":\"" + topic + "\",\"type\":\"snapshot\",\"ts\":" + nowMs + ",\"data\":["
                + String.join(",", entry.getValue()) + "]}";
            if (publish(Venue.BYBIT, topic, frame))
            {
                drawn.stream().filter(liquidation -> liquidation.canonicalSymbol().equals(symbol))
                    .forEach(liquidation -> listeners.forEach(listener -> listener.accept(liquidation)));
            }
        }
    }

    private void pushOkx(final long nowMs)
    {
        final SplittableRandom random = randoms.get(Venue.OKX);
        final Map<SimulatedSymbol, List<String>> bySymbol = new LinkedHashMap<>();
        final List<VenueLiquidation> drawn = new ArrayList<>();
        for (int i = 0; i < config.venueLiquidationsPerBatch(); i++)
        {
            final SimulatedSymbol symbol = symbols.get(random.nextInt(symbols.size()));
            final long contracts = 1 + random.nextLong(500);
            final long priceUnits = price(symbol, random);
            final boolean longLiquidated = random.nextBoolean();
            // Details are listed newest first and out of order, as OKX warns they may be.
            final long tradeTimeMs = nowMs - random.nextLong(config.venueBatchMs());
            // a price per OKX unit (per PEPE of 1000PEPEUSDT): the same digits, shifted
            bySymbol.computeIfAbsent(symbol, key -> new ArrayList<>()).add(0, "{\"bkLoss\":\"0\",\"bkPx\":\""
                + Decimals.format(priceUnits, VenueInstruments.okxPricePrecision(symbol))
                + "\",\"ccy\":\"\",\"posSide\":\""
                + (longLiquidated ? "long" : "short") + "\",\"side\":\"" + (longLiquidated ? "sell" : "buy")
                + "\",\"sz\":\"" + contracts + "\",\"ts\":\"" + tradeTimeMs + "\"}");
            drawn.add(new VenueLiquidation(Venue.OKX, symbol.symbol(), longLiquidated ? Side.SELL : Side.BUY,
                VenueInstruments.okxContractValue(symbol).multiply(BigDecimal.valueOf(contracts))
                    .movePointLeft(VenueInstruments.okxScaleDigits(symbol)),
                Decimals.decimal(priceUnits, symbol.pricePrecision()), tradeTimeMs));
        }
        if (bySymbol.isEmpty())
        {
            return;
        }
        final StringBuilder frame = new StringBuilder(512)
            .append("{\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},\"data\":[");
        boolean first = true;
        for (final Map.Entry<SimulatedSymbol, List<String>> entry : bySymbol.entrySet())
        {
            final String base = VenueInstruments.okxBase(entry.getKey());
            frame.append(first ? "" : ",").append("{\"details\":[").append(String.join(",", entry.getValue()))
                .append("],\"instFamily\":\"").append(base).append("-USDT\",\"instId\":\"")
                .append(VenueInstruments.okxInstId(entry.getKey())).append("\",\"instType\":\"SWAP\",\"uly\":\"")
                .append(base).append("-USDT\"}");
            first = false;
        }
        if (publish(Venue.OKX, "liquidation-orders:SWAP", frame.append("]}").toString()))
        {
            drawn.forEach(liquidation -> listeners.forEach(listener -> listener.accept(liquidation)));
        }
    }

    /** Near the symbol's initial price, on its tick. */
    private static long price(final SimulatedSymbol symbol, final SplittableRandom random)
    {
        final long spreadTicks = Math.max(1, symbol.initialPriceUnits() / symbol.tickUnits() / 100);
        return symbol.initialPriceUnits() + (random.nextLong(2 * spreadTicks + 1) - spreadTicks) * symbol.tickUnits();
    }

    /** Sends the frame to every session of the venue holding the topic; whether any did. */
    private boolean publish(final Venue venue, final String topic, final String frame)
    {
        boolean delivered = false;
        final long nowMs = clockMs.getAsLong();
        for (final VenueSession session : sessions)
        {
            if (session.venue() == venue && session.topics().contains(topic))
            {
                count(venue, FRAMES_PUSHED);
                session.active(nowMs);
                session.channel().writeAndFlush(new TextWebSocketFrame(frame));
                delivered = true;
            }
        }
        return delivered;
    }

    private void send(final VenueSession session, final String text)
    {
        session.active(clockMs.getAsLong());
        session.channel().writeAndFlush(new TextWebSocketFrame(text));
    }

    private void count(final Venue venue, final int counter)
    {
        counters.incrementAndGet(venue.ordinal() * COUNTERS + counter);
    }
}
