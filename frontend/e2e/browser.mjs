// Debian's chromium driven by playwright-core; no browser is ever downloaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

export async function launchBrowser(executablePath, viewport = { width: 1440, height: 900 })
{
    if (!fs.existsSync(executablePath))
    {
        throw new Error(`no chromium at ${executablePath}: apt-get install -y chromium`);
    }
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liqvol-e2e-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath,
        headless: true,
        args: ARGS,
        viewport,
    });
    return {
        context,
        async close()
        {
            await context.close();
            fs.rmSync(userDataDir, { recursive: true, force: true });
        },
    };
}

/** The browser's first page in the dark theme, its uncaught errors collected into pageErrors. */
export async function darkPage(browser, pageErrors)
{
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.addInitScript(() => localStorage.setItem('liqvol.theme', 'dark'));
    return page;
}
