// End-to-end tests of the page in headless Chromium against the real gateway jar running its exchange
// simulator. Run by `npm run e2e` (Maven: the e2e profile of the gateway module).
//   LIQVOL_JAR      the gateway jar (default ../gateway/target/liqvol.jar)
//   CHROMIUM_PATH   the browser (default /usr/bin/chromium)
//   E2E_OUTPUT_DIR  where screenshots go (default ../gateway/target/e2e)
//   LIQVOL_E2E_BASE_URL  test an already running gateway instead of starting the jar
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { overflowProblems } from './layout.mjs';
import { busiestSymbol, getJson } from './market.mjs';
import { openSession, outputDir } from './session.mjs';

const SIZE_SEC = { '1m': 60, '5m': 300, '10m': 600 };

const chartState = (page) => page.evaluate(() => window.liqvol.chart());

async function chartBox(page)
{
    const box = await page.locator('#chart').boundingBox();
    assert.ok(box !== null, 'the chart has no box');
    return box;
}

/** Drags the chart to the right by dx pixels, as a user scrolling back in time. */
async function dragChart(page, dx)
{
    const box = await chartBox(page);
    const y = box.y + box.height * 0.4;
    const x = box.x + box.width * 0.3;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx, y, { steps: 12 });
    await page.mouse.up();
}

async function waitForDrawn(page, timeframe)
{
    await page.waitForFunction((tf) =>
    {
        const view = window.liqvol.view();
        const chart = window.liqvol.chart();
        return view !== null && view.timeframe === tf && chart.candles > 0 && chart.bars > 0;
    }, timeframe, { timeout: 30_000 });
}

/** Every bar lies on a candle of the timeframe, and every candle has its bar. */
async function assertAligned(page, timeframe)
{
    const { candles, bars } = await page.evaluate(() => ({
        candles: window.liqvol.plottedCandleTimes(),
        bars: window.liqvol.plottedVolumeTimes(),
    }));
    const candleSet = new Set(candles);
    const barSet = new Set(bars);
    const first = candles[0];
    const last = candles[candles.length - 1];
    const size = SIZE_SEC[timeframe];
    assert.ok(candles.length > 0 && bars.length > 0);
    for (const time of bars)
    {
        assert.equal(time % size, 0, `bar ${time} is not on a ${timeframe} boundary`);
        if (time >= first && time <= last)
        {
            assert.ok(candleSet.has(time), `bar ${time} has no candle`);
        }
    }
    const lastBar = bars[bars.length - 1];
    for (const time of candles)
    {
        if (time <= lastBar)
        {
            assert.ok(barSet.has(time), `candle ${time} has no bar`);
        }
    }
}

describe('liqvol page against the simulated gateway', () =>
{
    let session = null;
    let page = null;
    let baseUrl = '';
    let symbol = '';
    let pageErrors = [];

    before(async () =>
    {
        session = await openSession();
        ({ page, baseUrl, pageErrors } = session);
        symbol = await busiestSymbol(baseUrl);
    });

    after(async () =>
    {
        await session?.close();
    });

    it('should draw candles and volume bars, fill the table and show the connection live', async () =>
    {
        await page.goto(`${baseUrl}/?symbol=${symbol}&tf=1m`);
        await waitForDrawn(page, '1m');
        await page.waitForSelector('#rows tr[data-ts]', { timeout: 30_000 });
        await page.waitForSelector('#status[data-state="live"]', { timeout: 15_000 });
        const state = await chartState(page);
        assert.ok(state.candles >= 10, `only ${state.candles} candles`);
        assert.equal(state.counters.volumeSets, 1, 'the initial volume is drawn with one setData');
        await assertAligned(page, '1m');
        const row = page.locator('#rows tr[data-ts]').first();
        assert.match(await row.locator('td.time').innerText(), /^\d{2}:\d{2}:\d{2}$/);
        assert.match(await row.locator('.side-badge').innerText(), /^(long|short)$/i);
        assert.match(await row.locator('td.notional').innerText(), /^-?[\d,]+\.\d{2}[KMB]?( ★)?$/);
        assert.equal(await page.evaluate(() => window.liqvol.malformedMessages()), 0);
        assert.ok(await page.locator('#rows tr').count() <= 50);
        assert.equal(await page.locator('#status-text').getAttribute('aria-live'), 'polite');
    });

    it('should show a new liquidation in the table and in its bar within one second', async () =>
    {
        const result = await page.evaluate(() => new Promise((resolve, reject) =>
        {
            const timeout = setTimeout(() => reject(new Error('no live liquidation within 60 s')), 60_000);
            const rows = document.querySelector('#rows');
            const observer = new MutationObserver(() =>
            {
                const row = rows.querySelector('tr.fresh[data-ts]');
                if (row === null)
                {
                    return;
                }
                observer.disconnect();
                clearTimeout(timeout);
                const seenAtMs = Date.now();
                const timestampMs = Number(row.dataset.ts);
                const side = row.dataset.side;
                const bucketSec = Math.floor(timestampMs / 60_000) * 60;
                // Every row of this bucket and side in the table must be counted in the bar, within one second.
                const expected = () => Array.from(rows.querySelectorAll('tr[data-ts]'))
                    .filter((r) => r.dataset.side === side && Math.floor(Number(r.dataset.ts) / 60_000) * 60 === bucketSec);
                const poll = () =>
                {
                    const bucket = window.liqvol.bucket(bucketSec);
                    const plotted = window.liqvol.plottedVolumeAt(bucketSec);
                    const mine = expected();
                    const count = bucket === null ? 0 : side === 'BUY' ? bucket.buyCount : bucket.sellCount;
                    const plottedSide = plotted === null ? 0 : side === 'BUY' ? plotted.total - plotted.longs : plotted.longs;
                    const rowsNotional = mine.reduce((sum, r) => sum + Number(r.dataset.notional), 0);
                    const drawn = bucket !== null && plotted !== null && Math.abs(plotted.total - Number(bucket.total)) < 1e-6;
                    if (drawn && count >= mine.length && plottedSide >= rowsNotional * (1 - 1e-9))
                    {
                        resolve({ timestampMs, seenAtMs, barAtMs: Date.now(), count, rows: mine.length });
                    }
                    else if (Date.now() - seenAtMs > 5000)
                    {
                        resolve({ timestampMs, seenAtMs, barAtMs: Number.POSITIVE_INFINITY, count, rows: mine.length });
                    }
                    else
                    {
                        requestAnimationFrame(poll);
                    }
                };
                poll();
            });
            observer.observe(rows, { subtree: true, attributes: true, attributeFilter: ['class'] });
        }));
        assert.ok(result.seenAtMs - result.timestampMs <= 1000,
            `row shown ${result.seenAtMs - result.timestampMs} ms after the liquidation's time`);
        assert.ok(result.barAtMs - result.timestampMs <= 1000,
            `bar showed it ${result.barAtMs - result.timestampMs} ms after the liquidation's time (count ${result.count}, rows ${result.rows})`);
    });

    it('should keep the viewport through 30 live updates', async () =>
    {
        await dragChart(page, 250);
        await page.waitForTimeout(300);
        const before = await chartState(page);
        const liveBefore = before.counters.candleUpdates + before.counters.volumeUpdates;
        await page.waitForFunction((start) =>
        {
            const c = window.liqvol.chart().counters;
            return c.candleUpdates + c.volumeUpdates >= start + 30;
        }, liveBefore, { timeout: 90_000 });
        const afterUpdates = await chartState(page);
        assert.deepEqual(afterUpdates.visibleTimeRange, before.visibleTimeRange);
        assert.equal(afterUpdates.barSpacing, before.barSpacing);
        assert.equal(afterUpdates.counters.volumeSets, before.counters.volumeSets, 'live volume must not setData');
        assert.equal(afterUpdates.counters.candleSets, before.counters.candleSets, 'live candles must not setData');
    });

    it('should load older candles and their volume when scrolled past the oldest, keeping the viewport', async () =>
    {
        const start = await chartState(page);
        // Hold the older klines answer until the viewport it has to keep is recorded.
        let release = () => {};
        const held = new Promise((resolve) => { release = resolve; });
        let requested = false;
        const isOlderKlines = (url) => url.pathname.startsWith('/api/v1/klines/') && url.searchParams.has('end');
        await page.route(isOlderKlines, async (route) =>
        {
            requested = true;
            await held;
            await route.continue();
        });
        for (let i = 0; i < 15 && !requested; i++)
        {
            await dragChart(page, 600);
        }
        assert.ok(requested, 'scrolling to the oldest candle did not ask for older ones');
        await page.waitForTimeout(300);
        const scrolled = await chartState(page);
        assert.equal(scrolled.firstCandleTime, start.firstCandleTime);
        release();
        await page.waitForFunction((first) =>
        {
            const chart = window.liqvol.chart();
            const oldest = window.liqvol.plottedVolumeTimes()[0];
            return chart.firstCandleTime < first && oldest <= chart.firstCandleTime;
        }, start.firstCandleTime, { timeout: 30_000 });
        await page.unroute(isOlderKlines);
        await page.waitForTimeout(500);
        const loaded = await chartState(page);
        assert.ok(loaded.candles > start.candles, `candles ${start.candles} -> ${loaded.candles}`);
        assert.ok(loaded.bars > start.bars, `bars ${start.bars} -> ${loaded.bars}`);
        assert.ok(loaded.counters.volumeSets > start.counters.volumeSets, 'the range answer was not drawn');
        // The same bar stays at the right edge at the same zoom; the left part, empty before, now shows the older bars.
        assert.equal(loaded.visibleTimeRange.to, scrolled.visibleTimeRange.to, 'merging older data moved the viewport');
        assert.equal(loaded.barSpacing, scrolled.barSpacing);
        const width = (range) => range.to - range.from;
        assert.ok(Math.abs(width(loaded.visibleLogicalRange) - width(scrolled.visibleLogicalRange)) < 1e-6, 'merging older data zoomed');
        assert.ok(loaded.visibleTimeRange.from < scrolled.visibleTimeRange.from, 'the older bars are not in view');
        await assertAligned(page, '1m');
    });

    it('should re-align bars with candles after switching the timeframe, and carry it in the URL', async () =>
    {
        await page.locator('button.tf[data-tf="5m"]').click();
        await waitForDrawn(page, '5m');
        await page.waitForFunction(() => window.liqvol.chart().counters.volumeSets >= 1, null, { timeout: 30_000 });
        await assertAligned(page, '5m');
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('tf'), '5m');
        assert.equal(url.searchParams.get('symbol'), symbol);
        await page.reload();
        await waitForDrawn(page, '5m');
        // no exchange= in the URL: every venue
        assert.deepEqual(await page.evaluate(() => window.liqvol.view()),
            { symbol, timeframe: '5m', venues: ['binance', 'bybit', 'okx'] });
    });

    it('should offer a custom timeframe, align its bars with candles built from base candles, and keep it in the URL', async () =>
    {
        // offered as buttons on wide screens, as the typed field's suggestions below 1500 px
        await page.setViewportSize({ width: 1600, height: 900 });
        await page.locator('button.tf[data-tf="10m"]').click();
        await page.setViewportSize({ width: 1440, height: 900 });
        assert.equal(await page.locator('button.tf[data-tf="10m"]').isVisible(), false);
        await waitForDrawn(page, '10m');
        await assertAligned(page, '10m');
        assert.equal(new URL(page.url()).searchParams.get('tf'), '10m');
        const typed = page.locator('[data-testid="timeframe-custom"]');
        await typed.fill('7m');
        await typed.press('Enter');
        assert.equal(await typed.getAttribute('aria-invalid'), 'true');
        await typed.fill('120m');
        await typed.press('Enter');
        await waitForDrawn(page, '2h');
        assert.equal(new URL(page.url()).searchParams.get('tf'), '2h');
        await page.goto(`${baseUrl}/?symbol=${symbol}&tf=5m`);
        await waitForDrawn(page, '5m');
    });

    it('should switch the delta view on from the legend and draw it from the same buckets', async () =>
    {
        await waitForDrawn(page, '5m');
        const panesBefore = (await chartState(page)).panes;
        await page.locator('[data-testid="trend-delta"]').click();
        assert.equal(await page.locator('[data-testid="trend-delta"]').getAttribute('aria-pressed'), 'true');
        await page.waitForFunction(() => window.liqvol.chart().trends.delta > 0, null, { timeout: 10_000 });
        const state = await chartState(page);
        assert.equal(state.panes, panesBefore + 1);
        assert.equal(state.trends.delta, state.bars);
        await page.locator('[data-testid="trend-cumulative-delta"]').click();
        await page.locator('[data-testid="trend-average"]').click();
        await page.locator('[data-testid="trend-ratio"]').click();
        await page.waitForFunction(() => window.liqvol.chart().trends.cumulativeDelta > 0, null, { timeout: 10_000 });
        const all = await chartState(page);
        assert.equal(all.panes, panesBefore + 2);
        assert.equal(all.trends.average, all.bars - 19);
        await page.screenshot({ path: path.join(outputDir, 'trends-1440.png') });
        for (const id of ['trend-delta', 'trend-cumulative-delta', 'trend-average', 'trend-ratio'])
        {
            await page.locator(`[data-testid="${id}"]`).click();
        }
        assert.equal((await chartState(page)).panes, panesBefore);
    });

    it('should switch symbol through the searchable picker', async () =>
    {
        const json = await getJson(`${baseUrl}/api/v1/symbols`);
        const list = (Array.isArray(json) ? json : json.symbols ?? json.data ?? []).map((e) => (typeof e === 'string' ? e : e.symbol));
        const other = list.find((s) => s !== symbol);
        assert.ok(other !== undefined, 'the simulator offers a single symbol');
        const input = page.locator('#symbol');
        assert.equal(await input.getAttribute('role'), 'combobox');
        assert.equal(await input.getAttribute('aria-expanded'), 'false');
        await input.focus();
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.closest('#symbol-list')), null, 'the list takes a Tab stop');
        await input.click();
        await input.fill(other.slice(0, -1).toLowerCase());
        await page.waitForSelector(`#symbol-list li[data-symbol="${other}"]`);
        assert.equal(await input.getAttribute('aria-expanded'), 'true');
        const active = await input.getAttribute('aria-activedescendant');
        assert.equal(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true');
        await page.locator(`#symbol-list li[data-symbol="${other}"]`).click();
        await page.waitForFunction((s) => window.liqvol.view()?.symbol === s, other);
        await waitForDrawn(page, '5m');
        assert.equal(new URL(page.url()).searchParams.get('symbol'), other);
        await page.goBack();
        await page.waitForFunction((s) => window.liqvol.view()?.symbol === s, symbol);
    });

    it('should mark data stale while disconnected, offer to retry now, and read the gaps again after reconnecting', async () =>
    {
        let refuse = false;
        const isLiquidations = (url) => url.pathname.startsWith('/api/v1/ws/liquidations/');
        const open = [];
        let attempts = 0;
        await page.routeWebSocket(isLiquidations, (ws) =>
        {
            attempts++;
            if (refuse)
            {
                // Closed at once, as a server that is going away.
                void ws.close({ code: 4001, reason: 'test: server away' });
                return;
            }
            ws.connectToServer();
            open.push(ws);
        });
        let gapReads = 0;
        const countGapReads = (request) =>
        {
            const url = new URL(request.url());
            gapReads += url.pathname === '/api/v1/gaps' || url.pathname === '/health' ? 1 : 0;
        };
        page.on('request', countGapReads);
        try
        {
            await page.goto(`${baseUrl}/?symbol=${symbol}&tf=1m`);
            await page.waitForSelector('#status[data-state="live"]', { timeout: 15_000 });
            assert.equal(await page.locator('#layout').getAttribute('data-stale'), 'false');
            const readsBefore = gapReads;
            refuse = true;
            await open.at(-1).close({ code: 4001, reason: 'test: server away' });
            await page.waitForFunction(() => document.querySelector('#status').dataset.state === 'reconnecting'
                && document.querySelector('#layout').dataset.stale === 'true' && !document.querySelector('#stale').hidden, null, { timeout: 5000 });
            // Refused again and again, the page waits longer each time, up to 5 s, offering "retry now" meanwhile.
            await page.waitForFunction(() => !document.querySelector('#retry').hidden
                && Number(document.querySelector('#status-countdown').textContent.replace(/\D/g, '')) >= 2, null, { timeout: 20_000 });
            const countdown = Number((await page.locator('#status-countdown').innerText()).replace(/\D/g, ''));
            assert.ok(countdown <= 5, `retry in ${countdown} s`);
            const attemptsBefore = attempts;
            await page.locator('#retry').click();
            for (let waited = 0; waited < 500 && attempts === attemptsBefore; waited += 25)
            {
                await new Promise((resolve) => setTimeout(resolve, 25));
            }
            assert.ok(attempts > attemptsBefore, '"retry now" did not connect at once');
            refuse = false;
            await page.waitForSelector('#status[data-state="live"]', { timeout: 10_000 });
            assert.equal(await page.locator('#layout').getAttribute('data-stale'), 'false');
            for (let waited = 0; waited < 3000 && gapReads === readsBefore; waited += 100)
            {
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            assert.ok(gapReads > readsBefore, 'the gaps were not read again after the reconnect');
        }
        finally
        {
            refuse = false;
            page.off('request', countGapReads);
            await page.unrouteAll({ behavior: 'ignoreErrors' });
        }
    });

    it('should update the table without shifting the layout', async () =>
    {
        await page.goto(`${baseUrl}/?symbol=${symbol}&tf=1m`);
        await page.waitForSelector('#rows tr[data-ts]', { timeout: 30_000 });
        const result = await page.evaluate(() => new Promise((resolve) =>
        {
            let shift = 0;
            let updates = 0;
            new PerformanceObserver((list) =>
            {
                for (const entry of list.getEntries())
                {
                    shift += entry.hadRecentInput ? 0 : entry.value;
                }
            }).observe({ type: 'layout-shift' });
            new MutationObserver(() => updates++).observe(document.querySelector('#rows'), { subtree: true, characterData: true, childList: true });
            // Eight seconds of updates at least; a loaded machine's symbol may stay quiet longer before its first one.
            const startedMs = Date.now();
            const settle = () =>
            {
                const elapsedMs = Date.now() - startedMs;
                if ((updates > 0 && elapsedMs >= 8000) || elapsedMs >= 60_000)
                {
                    resolve({ shift, updates });
                    return;
                }
                setTimeout(settle, 250);
            };
            settle();
        }));
        assert.ok(result.updates > 0, 'the table did not update in 60 s');
        assert.ok(result.shift < 0.01, `layout shift ${result.shift}`);
    });

    it('should validate the highlight threshold and remember it per symbol', async () =>
    {
        const input = page.locator('#threshold');
        const before = await page.evaluate(() => window.liqvol.threshold());
        for (const [typed, message] of [['-5', 'Must be 0 or more'], ['1000000000000', 'At most 1B USDT'], ['abc', 'Not a number']])
        {
            await input.fill(typed);
            assert.equal(await input.getAttribute('aria-invalid'), 'true', `${typed} was accepted`);
            assert.equal(await page.locator('#threshold-error').innerText(), message);
            assert.equal(await page.evaluate(() => window.liqvol.threshold()), before, `${typed} changed the threshold`);
        }
        await input.fill('25000');
        assert.equal(await input.getAttribute('aria-invalid'), 'false');
        assert.equal(await page.locator('#threshold-error').innerText(), '');
        const view = await page.evaluate(() => window.liqvol.view());
        assert.equal(await page.evaluate((s) => localStorage.getItem(`liqvol.threshold.${s}`), view.symbol), '25000');
        await page.reload();
        await waitForDrawn(page, view.timeframe);
        assert.equal(await input.inputValue(), '25000');
    });

    it('should clip nothing and overflow nothing at 390, 768, 1100, 1440 and 2560 px', async () =>
    {
        // Long names, long quantities and tiny prices (1000SHIBUSDT) as well as large prices (BTCUSDT).
        const listed = new Set((await getJson(`${baseUrl}/api/v1/symbols`)).map?.((e) => (typeof e === 'string' ? e : e.symbol)) ?? []);
        const symbols = [...new Set([symbol, '1000SHIBUSDT', 'BTCUSDT'])].filter((s) => s === symbol || listed.has(s));
        try
        {
            for (const shown of symbols)
            {
                await page.goto(`${baseUrl}/?symbol=${shown}&tf=1m`);
                await waitForDrawn(page, '1m');
                await page.waitForSelector('#rows tr[data-ts]', { timeout: 30_000 });
                for (const width of [390, 768, 1100, 1440, 2560])
                {
                    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
                    await page.waitForTimeout(400);
                    const problems = await page.evaluate(overflowProblems);
                    assert.deepEqual(problems, [], `${shown} at ${width} px`);
                    const headerHeight = await page.locator('.topbar').evaluate((e) => e.getBoundingClientRect().height);
                    assert.ok(headerHeight < 60, `the header is ${headerHeight} px tall at ${width} px`);
                }
                await page.setViewportSize({ width: 1440, height: 900 });
            }
        }
        finally
        {
            await page.setViewportSize({ width: 1440, height: 900 });
        }
    });

    it('should write screenshots of both themes at 390 and 1440 px', async () =>
    {
        await page.locator('button.tf[data-tf="1m"]').click();
        await waitForDrawn(page, '1m');
        await page.waitForSelector('#rows tr[data-ts]', { timeout: 30_000 });
        await page.waitForTimeout(1500);
        const files = [];
        for (const theme of ['dark', 'light'])
        {
            if (await page.evaluate(() => document.documentElement.dataset.theme) !== theme)
            {
                await page.locator('#theme').click();
            }
            assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
            for (const width of [390, 1440])
            {
                await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
                await page.waitForTimeout(400);
                const file = path.join(outputDir, `liqvol-${theme}-${width}.png`);
                await page.screenshot({ path: file, fullPage: width < 600 });
                files.push(file);
            }
        }
        await page.setViewportSize({ width: 1440, height: 900 });
        for (const file of files)
        {
            assert.ok(fs.statSync(file).size > 20_000, `${file} looks empty`);
        }
        assert.deepEqual(pageErrors, []);
    });

    it('should switch the realized heatmap on from the legend, draw it behind the candles, and off again', async () =>
    {
        await page.goto(`${baseUrl}/?symbol=${symbol}&tf=1m`);
        await waitForDrawn(page, '1m');
        const toggle = page.locator('[data-testid="heatmap-toggle"]');
        assert.equal(await toggle.innerText(), 'realized liquidations');
        assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
        const answer = page.waitForResponse((response) => response.url().includes(`/api/v1/heatmap/${symbol}/1m?`));
        await toggle.click();
        const heatmap = await (await answer).json();
        assert.equal(heatmap.kind, 'realized');
        assert.ok(heatmap.cells.length > 0, 'the heatmap has no cells');
        await page.waitForFunction((cells) => window.liqvol.chart().heatmapCells === cells, heatmap.cells.length,
            { timeout: 10_000 });
        await page.waitForFunction(() => window.liqvol.chart().heatmapDrawnCells > 0, null, { timeout: 10_000 });
        assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
        await page.waitForTimeout(400);
        const file = path.join(outputDir, 'liqvol-heatmap-dark-1440.png');
        await page.screenshot({ path: file });
        assert.ok(fs.statSync(file).size > 20_000, `${file} looks empty`);

        await toggle.click();
        await page.waitForFunction(() => window.liqvol.chart().heatmapCells === 0, null, { timeout: 5_000 });
        assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
        assert.deepEqual(pageErrors, []);
    });

    it('should say in the chart that an unknown symbol is not a market, not show the raw error', async () =>
    {
        await page.goto(`${baseUrl}/?symbol=NOSUCHCOIN&tf=1m`);
        const message = page.locator('#chart-message');
        await message.waitFor({ state: 'visible', timeout: 15_000 });
        assert.match(await message.innerText(), /No market .NOSUCHCOIN.[\s\S]*does not list/);
        await page.waitForSelector('#status[data-state="failed"]', { timeout: 15_000 });
        const status = await page.locator('#status-text').innerText();
        assert.equal(status, 'unknown symbol');
        assert.ok(!(await page.locator('body').innerText()).includes('unknown_symbol'), 'the raw error code is shown');
    });
});
