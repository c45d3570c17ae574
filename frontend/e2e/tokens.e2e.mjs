// The page against a gateway that requires an API token (--api-token): it takes the token from the URL fragment,
// keeps it, sends it on REST and WebSocket, and asks for one with a clear message when it is missing or wrong.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { startGateway } from './gateway.mjs';

const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jarPath = path.resolve(frontendDir, process.env.LIQVOL_JAR ?? '../gateway/target/liqvol.jar');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOKEN = 'e2e-desk-token-0123456789abcdef';

async function waitForLive(page)
{
    await page.waitForSelector('#status[data-state="live"]', { timeout: 30_000 });
    await page.waitForFunction(() => window.liqvol.plottedCandleTimes().length > 0, null, { timeout: 30_000 });
}

describe('liqvol page with API tokens on', () =>
{
    let gateway = null;
    let browser = null;
    let page = null;

    before(async () =>
    {
        gateway = await startGateway(jarPath, { extraArgs: ['--api-token', TOKEN] });
        browser = await launchBrowser(chromiumPath);
        page = browser.context.pages()[0] ?? await browser.context.newPage();
    });

    after(async () =>
    {
        await browser?.close();
        await gateway?.stop();
    });

    it('should refuse the API without the token', async () =>
    {
        const response = await fetch(`${gateway.baseUrl}/api/v1/symbols`);
        assert.equal(response.status, 401);
        assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    });

    it('should ask for a token when it has none', async () =>
    {
        await page.goto(`${gateway.baseUrl}/`);
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        await page.waitForSelector('#token-form:not([hidden])', { timeout: 15_000 });
        assert.match(await page.locator('#token-message').innerText(), /needs an API token/);
    });

    it('should say the token was refused when it is wrong', async () =>
    {
        await page.goto(`${gateway.baseUrl}/#token=wrong-token-0123456789abcdef`);
        await page.waitForSelector('#token-form:not([hidden])', { timeout: 15_000 });
        assert.match(await page.locator('#token-message').innerText(), /refused/);
    });

    it('should work with the token pasted once and kept', async () =>
    {
        await page.locator('#token-input').fill(TOKEN);
        await page.locator('#token-form button').click();
        await page.waitForLoadState('load');
        await waitForLive(page);
        assert.equal(await page.locator('#token-form').isHidden(), true);
        assert.equal(await page.evaluate(() => localStorage.getItem('liqvol.apiToken')), TOKEN);
    });

    it('should take the token from the fragment and remove it from the address bar', async () =>
    {
        await page.evaluate(() => localStorage.clear());
        await page.goto(`${gateway.baseUrl}/?tf=1m#token=${TOKEN}`);
        await waitForLive(page);
        assert.ok(!page.url().includes(TOKEN), `the token stayed in ${page.url()}`);
        assert.equal(await page.evaluate(() => localStorage.getItem('liqvol.apiToken')), TOKEN);
    });

    it('should create an alert rule and receive its event with the token', async () =>
    {
        await page.locator('#alert-new').click();
        await page.locator('#rule-symbols').fill('');
        await page.locator('#rule-threshold').fill('1');
        await page.locator('#alert-submit').click();
        await page.waitForSelector('#alert-rules li[data-id]', { timeout: 10_000 });
        await page.waitForSelector('#alert-events li.alert-event', { timeout: 60_000 });
    });
});
