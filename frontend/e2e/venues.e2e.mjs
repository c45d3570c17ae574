// End-to-end test of the venue selector (docs/API.md §9) in headless Chromium against the real gateway jar running
// its simulator with every venue enabled (--venues binance,bybit,okx): the selection from the keyboard and in the
// URL, exchange= on every stream and REST call that takes it, the bars stacked by venue against REST
// by_exchange=true, the table's venue column, the market page, screenshots at 1440 and 390 px. Environment as
// page.e2e.mjs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { overflowProblems } from './layout.mjs';
import { getJson } from './market.mjs';
import { openSession, outputDir } from './session.mjs';

const ALL = ['binance', 'bybit', 'okx'];
const SHORT = { binance: 'BIN', bybit: 'BYB', okx: 'OKX' };
/** The API paths whose answer depends on the venues (docs/API.md §9); candles, symbols and health do not. */
const BY_VENUE = /\/api\/v1\/(ws\/liquidations\/|ws\/overview|gaps|heatmap\/|overview|liquidation-volume\/|distribution)/;

/** The symbol every venue lists, BTCUSDT where it is one. */
async function symbolOfEveryVenue(baseUrl)
{
    const json = await getJson(`${baseUrl}/api/v1/symbols`);
    const list = Array.isArray(json) ? json : json.symbols ?? json.data ?? [];
    const everywhere = list.filter((entry) => ALL.every((venue) => (entry.exchanges ?? []).includes(venue))).map((entry) => entry.symbol);
    assert.ok(everywhere.length > 0, 'no symbol is listed by every venue: is the gateway started with --venues binance,bybit,okx?');
    return everywhere.includes('BTCUSDT') ? 'BTCUSDT' : everywhere[0];
}

/** Waits until REST has recent liquidations of the symbol from every venue, so that the table can show each. */
async function waitForEveryVenue(baseUrl, symbol)
{
    const deadline = Date.now() + 60_000;
    let seen = new Set();
    while (Date.now() < deadline)
    {
        const recent = await getJson(`${baseUrl}/api/v1/liquidations/${symbol}?limit=200`);
        seen = new Set((recent.data ?? recent).map((row) => row.exchange));
        if (ALL.every((venue) => seen.has(venue)))
        {
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    assert.fail(`only ${[...seen].join(', ')} liquidated ${symbol} within a minute`);
}

async function waitForView(page, venues)
{
    await page.waitForFunction((wanted) =>
    {
        const view = window.liqvol.view();
        const chart = window.liqvol.chart();
        return view !== null && view.venues.join(',') === wanted && chart.candles > 0 && chart.bars > 0;
    }, venues.join(','), { timeout: 30_000 });
    await page.waitForSelector('#status[data-state="live"]', { timeout: 15_000 });
}

/** Exact decimal strings as numbers, the way the histogram's heights are. */
const sum = (...values) => values.reduce((total, value) => total + Number(value), 0);
const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The page's bars against REST for the same venues, on the closed buckets both hold (the current one still moves):
 * the total, and with several venues each venue's segment (buy + sell of its `exchanges` part) and no other venue.
 */
async function assertBarsMatchRest(page, baseUrl, symbol, venues)
{
    const several = venues.length > 1;
    const exchange = venues.length === ALL.length ? '' : `&exchange=${venues.join(',')}`;
    const nowMs = Date.now();
    const endMs = Math.floor(nowMs / 60_000) * 60_000;
    const startMs = endMs - 30 * 60_000;
    const rest = await getJson(`${baseUrl}/api/v1/liquidation-volume/${symbol}/1m?start=${startMs}&end=${endMs}`
        + `${several ? '&by_exchange=true' : ''}${exchange}`);
    const plotted = await page.evaluate((times) => times.map((time) => [time, window.liqvol.plottedVolumeAt(time)]),
        rest.data.map((row) => row.time));
    let compared = 0;
    let stacked = 0;
    for (const [time, bar] of plotted)
    {
        const row = rest.data.find((candidate) => candidate.time === time);
        if (bar === null)
        {
            continue;
        }
        compared++;
        assert.ok(close(bar.total, Number(row.total_volume)), `bar ${time}: ${bar.total} drawn, REST ${row.total_volume}`);
        if (!several)
        {
            assert.equal(bar.venues, null, `bar ${time} is stacked by venue with one venue selected`);
            continue;
        }
        const parts = row.exchanges ?? {};
        assert.deepEqual(Object.keys(bar.venues).sort(), Object.keys(parts).filter((venue) => sum(parts[venue].buy_volume,
            parts[venue].sell_volume) > 0).sort(), `bar ${time}: the venues drawn`);
        for (const [venue, height] of Object.entries(bar.venues))
        {
            assert.ok(venues.includes(venue), `bar ${time} has ${venue}, not selected`);
            assert.ok(close(height, sum(parts[venue].buy_volume, parts[venue].sell_volume)), `bar ${time}: ${venue} ${height}`);
        }
        stacked += Object.keys(bar.venues).length > 1 ? 1 : 0;
    }
    assert.ok(compared >= 5, `only ${compared} bars to compare`);
    return stacked;
}

/**
 * Runs check until it passes (a late liquidation, such as OKX's out-of-order pushes, may still change a closed bucket
 * between the page's update and the REST answer), failing with its last error after timeoutMs.
 */
async function eventually(check, timeoutMs)
{
    const deadline = Date.now() + timeoutMs;
    for (;;)
    {
        try
        {
            return await check();
        }
        catch (error)
        {
            if (Date.now() > deadline)
            {
                throw error;
            }
            await new Promise((resolve) => setTimeout(resolve, 1000));
        }
    }
}

/** The table's rows: venue of each (data-exchange) and the badge text shown. */
const tableVenues = (page) => page.evaluate(() => [...document.querySelectorAll('#rows tr[data-ts]')].map((row) => ({
    exchange: row.dataset.exchange ?? null,
    badge: row.querySelector('.venue-badge')?.textContent ?? null,
})));

describe('the venue selector against the simulated gateway with every venue', () =>
{
    let session = null;
    let page = null;
    let baseUrl = '';
    let symbol = '';
    let pageErrors = [];
    const opened = [];

    before(async () =>
    {
        session = await openSession({ gatewayArgs: ['--venues', ALL.join(',')] });
        ({ page, baseUrl, pageErrors } = session);
        page.on('websocket', (socket) => opened.push(socket.url()));
        page.on('request', (request) => opened.push(request.url()));
        symbol = await symbolOfEveryVenue(baseUrl);
        await waitForEveryVenue(baseUrl, symbol);
    });

    after(async () =>
    {
        await session?.close();
    });

    it('should stack the bars of all venues as REST does and name each row\'s venue, with URLs unchanged', async () =>
    {
        await page.goto(`${baseUrl}/?symbol=${symbol}&tf=1m`);
        await waitForView(page, ALL);
        assert.equal(new URL(page.url()).searchParams.get('exchange'), null);
        assert.match(await page.locator('#venues').innerText(), /All venues/);
        assert.equal(await page.locator('#venue-key').isVisible(), true, 'the key shows a colour per venue');
        assert.equal(await page.locator('#venue-key .swatch').count(), 3);
        // a minute with liquidations of several venues must have closed: up to two minutes after the first ones
        await eventually(async () => assert.ok(await assertBarsMatchRest(page, baseUrl, symbol, ALL) > 0,
            'no closed bar holds more than one venue'), 150_000);
        await page.waitForFunction(() => new Set([...document.querySelectorAll('#rows tr[data-exchange]')]
            .map((row) => row.dataset.exchange)).size === 3, null, { timeout: 30_000 });
        for (const row of await tableVenues(page))
        {
            assert.ok(ALL.includes(row.exchange), `a row without its venue: ${JSON.stringify(row)}`);
            assert.equal(row.badge, SHORT[row.exchange]);
        }
        const byVenue = opened.filter((url) => BY_VENUE.test(url));
        assert.ok(byVenue.some((url) => url.includes('/ws/liquidations/') && url.includes('by_exchange=true')));
        assert.deepEqual(byVenue.filter((url) => /[?&]exchange=/.test(url)), [], 'all venues are asked for without exchange=');
        await page.screenshot({ path: path.join(outputDir, 'venues-all-1440.png') });
    });

    it('should switch venues from the keyboard, keep one selected, and ask for exactly them everywhere', async () =>
    {
        await page.locator('#venues').focus();
        await page.keyboard.press('Enter');
        assert.equal(await page.locator('#venue-menu').isVisible(), true);
        assert.equal(await page.locator('#venues').getAttribute('aria-expanded'), 'true');
        // the focus is on Binance ("All" is checked and cannot be cleared): clearing it leaves Bybit and OKX
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.venue), 'binance');
        opened.length = 0;
        await page.keyboard.press('Space');
        await waitForView(page, ['bybit', 'okx']);
        assert.equal(new URL(page.url()).searchParams.get('exchange'), 'bybit,okx');
        await page.waitForFunction(() => document.querySelector('#rows tr[data-ts]') !== null, null, { timeout: 30_000 });
        for (const row of await tableVenues(page))
        {
            assert.ok(['bybit', 'okx'].includes(row.exchange), `a ${row.exchange} row with Bybit and OKX selected`);
        }
        await eventually(() => assertBarsMatchRest(page, baseUrl, symbol, ['bybit', 'okx']), 10_000);
        for (const url of opened.filter((candidate) => BY_VENUE.test(candidate)))
        {
            assert.match(url, /[?&]exchange=bybit,okx(&|$)/, `${url} is not for Bybit and OKX`);
        }
        assert.ok(opened.some((url) => url.includes('/ws/liquidations/')), 'the liquidations stream was reopened');

        // Bybit off too: OKX alone, whose box cannot be cleared, and today's bars by side
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.venue), 'bybit');
        opened.length = 0;
        await page.keyboard.press('Space');
        await waitForView(page, ['okx']);
        assert.equal(await page.locator('#venue-menu input[data-venue="okx"]').isDisabled(), true);
        assert.equal(await page.locator('#venue-key').isHidden(), true);
        await eventually(() => assertBarsMatchRest(page, baseUrl, symbol, ['okx']), 10_000);
        const liquidations = opened.find((url) => url.includes('/ws/liquidations/'));
        assert.ok(liquidations !== undefined && !liquidations.includes('by_exchange') && liquidations.includes('exchange=okx'), liquidations);
        await page.keyboard.press('Escape');
        assert.equal(await page.locator('#venue-menu').isHidden(), true);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'venues');

        // Binance and OKX through the URL, kept over a reload
        await page.goto(`${baseUrl}/?symbol=${symbol}&tf=1m&exchange=okx,binance`);
        await waitForView(page, ['binance', 'okx']);
        await page.reload();
        await waitForView(page, ['binance', 'okx']);
        assert.match(await page.locator('#venues').innerText(), /Binance, OKX/);
        await eventually(() => assertBarsMatchRest(page, baseUrl, symbol, ['binance', 'okx']), 10_000);
        await page.screenshot({ path: path.join(outputDir, 'venues-binance-okx-1440.png') });
    });

    it('should stream the market page for the selected venues and name each symbol\'s venues', async () =>
    {
        opened.length = 0;
        await page.goto(`${baseUrl}/?view=market&window=1h&exchange=bybit`);
        await page.waitForSelector('#market-rows tr[data-symbol]', { timeout: 30_000 });
        const overview = opened.find((url) => url.includes('/ws/overview'));
        assert.ok(overview !== undefined && /[?&]exchange=bybit(&|$)/.test(overview), overview);
        // the venues listing each symbol come from /api/v1/symbols, which may answer after the first overview
        await page.waitForFunction(() =>
        {
            const cells = [...document.querySelectorAll('#market-rows .venues')].map((cell) => cell.dataset.venues);
            return cells.length > 0 && cells.every((venues) => venues === 'bybit');
        }, null, { timeout: 15_000 });
        await page.screenshot({ path: path.join(outputDir, 'venues-market-1440.png') });
    });

    it('should fit the selector, its menu and the venue column at 390 px', async () =>
    {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${baseUrl}/?symbol=${symbol}&tf=1m&exchange=binance,okx`);
        await waitForView(page, ['binance', 'okx']);
        await page.waitForSelector('#rows tr[data-exchange]', { timeout: 30_000 });
        assert.equal(await page.locator('#venues .swatches .swatch.binance').isVisible(), true, 'the selection as its colours');
        assert.equal(await page.locator('#venues .swatches .swatch').count(), 2);
        assert.equal(await page.locator('#venues .long').isHidden(), true);
        assert.deepEqual(await page.evaluate(overflowProblems), []);
        await page.screenshot({ path: path.join(outputDir, 'venues-390.png'), fullPage: true });
        await page.locator('#venues').click();
        assert.equal(await page.locator('#venue-menu').isVisible(), true);
        assert.deepEqual(await page.evaluate(overflowProblems), []);
        await page.screenshot({ path: path.join(outputDir, 'venues-menu-390.png') });
        await page.keyboard.press('Escape');
        await page.goto(`${baseUrl}/?view=market&window=1h&exchange=binance,okx`);
        await page.waitForSelector('#market-rows .venues[data-venues="binance,okx"]', { timeout: 30_000 });
        assert.deepEqual(await page.evaluate(overflowProblems), []);
        await page.screenshot({ path: path.join(outputDir, 'venues-market-390.png'), fullPage: true });
        await page.setViewportSize({ width: 1440, height: 900 });
        assert.deepEqual(pageErrors, []);
    });
});
