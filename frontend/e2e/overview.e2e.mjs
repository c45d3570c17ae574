// End-to-end test of the market page in headless Chromium against the real gateway jar running its exchange
// simulator: the overview stream's rows and the long/short histogram against REST, a row followed to its chart, back
// again, screenshots.
// Environment as page.e2e.mjs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { busiestSymbol, getJson } from './market.mjs';
import { openSession, outputDir } from './session.mjs';

/** What the market page shows: its rows as drawn and the message they were drawn from. */
const shown = (page) => page.evaluate(() => ({
    rows: [...document.querySelectorAll('#market-rows tr[data-symbol]')].map((row) => ({
        symbol: row.dataset.symbol,
        cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    })),
    overview: window.liqvol.market(),
}));

describe('the market page against the simulated gateway', () =>
{
    let session = null;
    let page = null;
    let baseUrl = '';
    let pageErrors = [];

    before(async () =>
    {
        session = await openSession();
        ({ page, baseUrl, pageErrors } = session);
        await busiestSymbol(baseUrl);
    });

    after(async () =>
    {
        await session?.close();
    });

    it('should rank the market live as REST does, follow a row to its chart and come back', async () =>
    {
        await page.goto(`${baseUrl}/?view=market&window=1h`);
        await page.waitForSelector('#market-rows tr[data-symbol]', { timeout: 30_000 });
        await page.waitForSelector('#market-state[data-state="open"]', { timeout: 15_000 });
        assert.equal(await page.locator('#layout').isHidden(), true, 'the chart is hidden on the market page');

        // the market moves on while we look: compare when the page and REST show the same liquidations
        let matched = false;
        const deadline = Date.now() + 45_000;
        while (!matched && Date.now() < deadline)
        {
            const before = await shown(page);
            const rest = await getJson(`${baseUrl}/api/v1/overview?window=1h`);
            const after = await shown(page);
            assert.deepEqual(before.rows.map((row) => row.symbol), before.overview.rows.map((row) => row.symbol),
                'the table draws the rows of the latest message, in its order');
            if (after.overview.market.count === rest.market.count && before.overview.market.count === rest.market.count)
            {
                assert.deepEqual(after.rows.map((row) => row.symbol), rest.symbols.map((row) => row.symbol));
                assert.deepEqual(after.overview.rows.map((row) => row.totalVolume), rest.symbols.map((row) => row.total_volume));
                assert.equal(after.overview.market.totalVolume, rest.market.total_volume);
                assert.equal(after.overview.endMs, rest.end_time);
                matched = true;
            }
            else
            {
                await new Promise((resolve) => setTimeout(resolve, 300));
            }
        }
        assert.ok(matched, 'the page never showed what REST answered');
        // the long/short histogram over the window: its closed bars as REST sums the market, full from the first one
        // (the simulator's day of history is recorded on the first start)
        await page.waitForFunction(() => window.liqvol.marketVolume() !== null, null, { timeout: 15_000 });
        const volume = await page.evaluate(() => window.liqvol.marketVolume());
        assert.equal(volume.timeframe, '1m');
        const rest = await getJson(`${baseUrl}/api/v1/volume?timeframe=1m&start=${volume.startMs}&end=${volume.endMs}`);
        const closed = (bars) => bars.slice(0, -1);
        assert.deepEqual(closed(volume.bars), closed(rest.data).map((row) => ({ timeMs: row.timestamp_ms,
            longVolume: row.sell_volume, shortVolume: row.buy_volume, count: row.count })));
        assert.ok(volume.bars.length >= 60, `a bar a minute over the hour, ${volume.bars.length}`);
        assert.ok(volume.bars[0].count > 0, 'the oldest minute of the hour has liquidations: history was recorded');
        assert.equal(await page.locator('#market-histogram .market-bar').count(), volume.bars.length);
        await page.locator('#market-histogram').screenshot({ path: path.join(outputDir, 'market-histogram-1h.png') });
        const classes = await page.locator('#market-distribution .size-class').count();
        assert.equal(classes, 5, 'five size classes');
        await page.screenshot({ path: path.join(outputDir, 'market-dark-1440.png') });

        const { rows } = await shown(page);
        const target = rows[0].symbol;
        await page.locator(`#market-rows tr[data-symbol="${target}"]`).click();
        await page.waitForFunction((symbol) =>
        {
            const view = window.liqvol.view();
            return view !== null && view.symbol === symbol && window.liqvol.chart().candles > 0;
        }, target, { timeout: 30_000 });
        const params = new URL(page.url()).searchParams;
        assert.equal(params.get('symbol'), target);
        assert.equal(params.get('view'), null);
        assert.equal(await page.locator('#market').isHidden(), true);
        assert.equal(await page.locator('#layout').isVisible(), true);
        await page.screenshot({ path: path.join(outputDir, `market-row-chart-${target}.png`) });

        await page.goBack();
        await page.waitForSelector('#market-rows tr[data-symbol]', { timeout: 15_000 });
        assert.equal(new URL(page.url()).searchParams.get('view'), 'market');

        await page.selectOption('#market-window', '24h');
        await page.waitForFunction(() => window.liqvol.market()?.window === '24h', null, { timeout: 15_000 });
        assert.equal(new URL(page.url()).searchParams.get('window'), '24h');
        await page.reload();
        await page.waitForFunction(() => window.liqvol.market()?.window === '24h', null, { timeout: 15_000 });
        assert.deepEqual(pageErrors, []);
    });
});
