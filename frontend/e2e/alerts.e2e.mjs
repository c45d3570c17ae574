// The alerts panel against the real gateway with its simulator: a rule made on the page (a single liquidation at or
// above 1 USDT of the busiest symbol, which the simulator triggers within seconds) fires, its event shows in the
// panel and its marker on the chart; the server's refusal is shown beside the field it names; edit and delete work.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { darkPage, launchBrowser } from './browser.mjs';
import { startGateway } from './gateway.mjs';
import { overflowProblems } from './layout.mjs';
import { busiestSymbol, getJson } from './market.mjs';

const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jarPath = path.resolve(frontendDir, process.env.LIQVOL_JAR ?? '../gateway/target/liqvol.jar');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const outputDir = path.resolve(frontendDir, process.env.E2E_OUTPUT_DIR ?? '../gateway/target/e2e');

describe('the alerts panel against the simulated gateway', () =>
{
    let gateway = null;
    let browser = null;
    let page = null;
    let baseUrl = '';
    let symbol = '';
    const pageErrors = [];

    before(async () =>
    {
        fs.mkdirSync(outputDir, { recursive: true });
        gateway = await startGateway(jarPath);
        baseUrl = gateway.baseUrl;
        symbol = await busiestSymbol(baseUrl);
        browser = await launchBrowser(chromiumPath);
        page = await darkPage(browser, pageErrors);
        await page.goto(`${baseUrl}/?symbol=${symbol}&tf=1m`);
        await page.waitForFunction(() => window.liqvol.chart().candles > 0, null, { timeout: 30_000 });
    });

    after(async () =>
    {
        await browser?.close();
        await gateway?.stop();
    });

    it('should open the form from the keyboard with the symbol and timeframe in view', async () =>
    {
        await page.locator('#alert-new').focus();
        await page.keyboard.press('Enter');
        await page.waitForSelector('#alert-form:not([hidden])');
        assert.equal(await page.locator('#alert-new').getAttribute('aria-expanded'), 'true');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'rule-name');
        assert.equal(await page.locator('#rule-symbols').inputValue(), symbol);
        assert.equal(await page.locator('#rule-timeframe').inputValue(), '1m');
        assert.equal(await page.locator('#rule-factor').isVisible(), false, 'a liquidation rule takes no factor');
        await page.locator('#rule-condition').selectOption('unusual_volume');
        assert.equal(await page.locator('#rule-factor').isVisible(), true);
        await page.locator('#rule-condition').selectOption('liquidation');
    });

    it('should show its own check and the server\'s refusal beside the field they name', async () =>
    {
        await page.locator('#rule-threshold').fill('0');
        await page.locator('#alert-submit').click();
        assert.match(await page.locator('#rule-threshold-error').innerText(), /must be above 0/);
        assert.equal(await page.locator('#rule-threshold').getAttribute('aria-invalid'), 'true');
        // No webhook host is allowed on this gateway: only the server knows, and says so about webhook_url.
        await page.locator('#rule-threshold').fill('1');
        await page.locator('#rule-webhook-url').fill('http://127.0.0.1:9/hook');
        await page.locator('#alert-submit').click();
        await page.waitForFunction(() => document.querySelector('#rule-webhook-url-error')?.textContent !== '', null, { timeout: 10_000 });
        assert.match(await page.locator('#rule-webhook-url-error').innerText(), /^webhook_url /);
        assert.equal(await page.locator('#rule-threshold-error').innerText(), '');
        assert.deepEqual((await getJson(`${baseUrl}/api/v1/alerts/rules`)).rules, []);
    });

    it('should create the rule, list it, and show its event in the panel and its marker on the chart', async () =>
    {
        await page.locator('#rule-webhook-url').fill('');
        await page.locator('#rule-name').fill('any liquidation');
        await page.locator('#rule-cooldown-s').fill('600');
        await page.locator('#alert-submit').click();
        await page.waitForSelector('#alert-form', { state: 'hidden' });
        const rules = (await getJson(`${baseUrl}/api/v1/alerts/rules`)).rules;
        assert.equal(rules.length, 1);
        assert.deepEqual([rules[0].symbols, rules[0].condition, rules[0].threshold, rules[0].cooldown_ms], [[symbol], 'liquidation', '1', 600_000]);
        await page.waitForSelector(`#alert-rules li[data-id="${rules[0].id}"]`);
        const item = page.locator(`#alert-events li.alert-event[data-symbol="${symbol}"]`).first();
        await item.waitFor({ timeout: 60_000 });
        assert.match(await item.innerText(), new RegExp(`any liquidation[\\s\\S]*${symbol} liquidation [\\d.]+ ≥ 1`));
        const events = (await getJson(`${baseUrl}/api/v1/alerts/events?rule=${rules[0].id}`)).events;
        assert.equal(events.length, 1, 'the cool-down holds it to one event');
        const barSec = Math.floor(events[0].liquidation.time / 60_000) * 60;
        await page.waitForFunction((t) => window.liqvol.chart().alertMarkerTimes.includes(t), barSec, { timeout: 10_000 });
        assert.ok((await page.evaluate(() => window.liqvol.plottedCandleTimes())).includes(barSec), 'the marker has no candle');
        await page.screenshot({ path: path.join(outputDir, 'alerts-1440.png') });
    });

    it('should show no marker on another symbol\'s chart', async () =>
    {
        const other = symbol === 'ETHUSDT' ? 'BTCUSDT' : 'ETHUSDT';
        await page.goto(`${baseUrl}/?symbol=${other}&tf=1m`);
        await page.waitForFunction(() => window.liqvol.chart().candles > 0, null, { timeout: 30_000 });
        await page.waitForSelector(`#alert-events li.alert-event[data-symbol="${symbol}"]`, { timeout: 10_000 });
        assert.deepEqual(await page.evaluate(() => window.liqvol.chart().alertMarkerTimes), []);
    });

    it('should fit at 390 px with the form open', async () =>
    {
        try
        {
            await page.setViewportSize({ width: 390, height: 844 });
            await page.locator('#alert-new').click();
            await page.locator('#rule-condition').selectOption('unusual_volume');
            await page.waitForTimeout(300);
            assert.deepEqual(await page.evaluate(overflowProblems), []);
            await page.locator('#alerts').scrollIntoViewIfNeeded();
            await page.screenshot({ path: path.join(outputDir, 'alerts-390.png'), fullPage: true });
            await page.locator('#alert-cancel').click();
        }
        finally
        {
            await page.setViewportSize({ width: 1440, height: 900 });
        }
    });

    it('should edit and delete the rule', async () =>
    {
        const id = (await getJson(`${baseUrl}/api/v1/alerts/rules`)).rules[0].id;
        await page.locator(`#alert-rules li[data-id="${id}"] button`, { hasText: 'Edit' }).click();
        assert.equal(await page.locator('#rule-name').inputValue(), 'any liquidation');
        assert.equal(await page.locator('#alert-submit').innerText(), 'Save rule');
        await page.locator('#rule-name').fill('any liquidation, renamed');
        await page.locator('#alert-submit').click();
        await page.waitForFunction((i) => document.querySelector(`#alert-rules li[data-id="${i}"]`)?.textContent.includes('renamed'), id, { timeout: 10_000 });
        assert.equal((await getJson(`${baseUrl}/api/v1/alerts/rules/${id}`)).name, 'any liquidation, renamed');
        await page.locator(`#alert-rules li[data-id="${id}"] button`, { hasText: 'Delete' }).click();
        await page.waitForSelector(`#alert-rules li[data-id="${id}"]`, { state: 'detached', timeout: 10_000 });
        assert.deepEqual((await getJson(`${baseUrl}/api/v1/alerts/rules`)).rules, []);
        assert.deepEqual(pageErrors, []);
    });
});
