// What every page test starts with: the gateway jar with its exchange simulator (unless LIQVOL_E2E_BASE_URL names a
// running gateway) and a page of a fresh headless Chromium in the dark theme, the page's errors collected.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { darkPage, launchBrowser } from './browser.mjs';
import { startGateway } from './gateway.mjs';

const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const jarPath = path.resolve(frontendDir, process.env.LIQVOL_JAR ?? '../gateway/target/liqvol.jar');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const outputDir = path.resolve(frontendDir, process.env.E2E_OUTPUT_DIR ?? '../gateway/target/e2e');

/** gatewayArgs: more arguments for the started gateway (not for one named by LIQVOL_E2E_BASE_URL). */
export async function openSession({ gatewayArgs = [] } = {})
{
    fs.mkdirSync(outputDir, { recursive: true });
    const given = process.env.LIQVOL_E2E_BASE_URL ?? '';
    const gateway = given === '' ? await startGateway(jarPath, { extraArgs: gatewayArgs }) : null;
    const baseUrl = gateway?.baseUrl ?? given;
    const browser = await launchBrowser(chromiumPath);
    const pageErrors = [];
    const page = await darkPage(browser, pageErrors);
    return {
        baseUrl,
        page,
        pageErrors,
        async close()
        {
            await browser.close();
            await gateway?.stop();
        },
    };
}
