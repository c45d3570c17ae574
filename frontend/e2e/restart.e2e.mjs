// The real gateway stopped for a whole minute and started again on the same data directory and port: a page that
// stayed open and a page opened afterwards both draw that minute as not recorded (hatched, no bar) and mark the gap
// in the table. The downtime is real (the gateway's and the simulator's clocks are the wall clock), so the test
// waits from the stop until one whole minute has passed after it: between 60 and 120 s.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { startGateway } from './gateway.mjs';
import { busiestSymbol, getJson } from './market.mjs';

const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jarPath = path.resolve(frontendDir, process.env.LIQVOL_JAR ?? '../gateway/target/liqvol.jar');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const outputDir = path.resolve(frontendDir, process.env.E2E_OUTPUT_DIR ?? '../gateway/target/e2e');
const MINUTE_MS = 60_000;

/** Resolves once the minute bucket at minuteSec is hatched whole, has no bar, and no zero bar is drawn anywhere. */
async function waitForUnrecordedMinute(page, minuteSec)
{
    await page.waitForFunction((timeSec) =>
    {
        const shares = window.liqvol.shadeAt(timeSec);
        const hatched = shares.reduce((sum, [from, to]) => sum + to - from, 0);
        const bar = window.liqvol.plottedVolumeAt(timeSec);
        return hatched >= 0.999 && (bar === null || bar.total === 0) && window.liqvol.chart().zeroBars === 0;
    }, minuteSec, { timeout: 60_000 });
}

/** The table's gap mark: a row below the gap, whose mark spans the minute. */
async function assertGapMark(page, minuteMs)
{
    await page.waitForSelector('#rows tr.after-gap', { timeout: 30_000 });
    const marks = await page.evaluate(() => Array.from(document.querySelectorAll('#rows tr.after-gap'))
        .map((row) => ({ ts: Number(row.dataset.ts ?? 'NaN'), title: row.title })));
    assert.ok(marks.some((mark) => mark.title.startsWith('not recorded ') && !(mark.ts >= minuteMs)),
        `no gap mark below the minute: ${JSON.stringify(marks)}`);
}

describe('liqvol page across a real gateway stop and restart', () =>
{
    let gateway = null;
    let browser = null;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liqvol-e2e-restart-'));

    before(async () =>
    {
        fs.mkdirSync(outputDir, { recursive: true });
        gateway = await startGateway(jarPath, { dataDir });
        browser = await launchBrowser(chromiumPath);
    });

    after(async () =>
    {
        await browser?.close();
        await gateway?.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('should draw a minute without a gateway as not recorded on a page that stayed open and on a fresh one', async () =>
    {
        const baseUrl = gateway.baseUrl;
        const port = Number(new URL(baseUrl).port);
        const symbol = await busiestSymbol(baseUrl);
        const open = browser.context.pages()[0] ?? await browser.context.newPage();
        const pageErrors = [];
        open.on('pageerror', (error) => pageErrors.push(error.message));
        await open.goto(`${baseUrl}/?symbol=${symbol}&tf=1m`);
        await open.waitForSelector('#status[data-state="live"]', { timeout: 30_000 });
        await open.waitForSelector('#rows tr[data-ts]', { timeout: 60_000 });

        await gateway.stop();
        const stoppedMs = Date.now();
        // The first minute that begins after the stop, and the moment it is over.
        const minuteMs = Math.floor(stoppedMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
        await open.waitForSelector('#status[data-state="reconnecting"]', { timeout: 15_000 });
        await new Promise((resolve) => setTimeout(resolve, minuteMs + MINUTE_MS + 500 - Date.now()));
        gateway = await startGateway(jarPath, { dataDir, port });
        assert.equal(gateway.baseUrl, baseUrl);

        const gaps = (await getJson(`${baseUrl}/api/v1/gaps?start=${stoppedMs - MINUTE_MS}`)).gaps;
        const downtime = gaps.find((gap) => gap.kind === 'downtime');
        assert.ok(downtime !== undefined && downtime.from <= stoppedMs && downtime.to >= minuteMs + MINUTE_MS,
            `the downtime does not cover the minute: ${JSON.stringify(gaps)}`);
        const volume = await getJson(`${baseUrl}/api/v1/liquidation-volume/${symbol}/1m?start=${minuteMs}&end=${minuteMs + MINUTE_MS}`);
        assert.deepEqual(volume.data.map((bucket) => [bucket.count, bucket.coverage]), [[0, 0]]);

        await open.waitForSelector('#status[data-state="live"]', { timeout: 30_000 });
        await waitForUnrecordedMinute(open, minuteMs / 1000);
        await assertGapMark(open, minuteMs);
        await open.screenshot({ path: path.join(outputDir, 'liqvol-restart-stayed-open.png') });

        const fresh = await browser.context.newPage();
        fresh.on('pageerror', (error) => pageErrors.push(error.message));
        await fresh.goto(`${baseUrl}/?symbol=${symbol}&tf=1m`);
        await fresh.waitForSelector('#status[data-state="live"]', { timeout: 30_000 });
        await waitForUnrecordedMinute(fresh, minuteMs / 1000);
        await assertGapMark(fresh, minuteMs);
        await fresh.screenshot({ path: path.join(outputDir, 'liqvol-restart-fresh.png') });
        assert.deepEqual(pageErrors, []);
    });
});
