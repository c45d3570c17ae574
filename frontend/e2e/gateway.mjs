// Starts the real gateway jar with its exchange simulator and reads the port it bound from its first line. Given a
// dataDir (and port) it runs on that directory and leaves it in place when stopped, so it can be started again on it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LISTENING = /liqvol listening on (http:\/\/[^\s]+)/;

export async function startGateway(jarPath, { startTimeoutMs = 90_000, extraArgs = [], dataDir: givenDataDir = null, port = 0 } = {})
{
    if (!fs.existsSync(jarPath))
    {
        throw new Error(`gateway jar not found at ${jarPath}: build it first (mvn -B -pl gateway -am package)`);
    }
    const dataDir = givenDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'liqvol-e2e-data-'));
    const child = spawn('java', ['-jar', jarPath, '--simulate', '--port', String(port), '--data-dir', dataDir, ...extraArgs], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = [];
    const baseUrl = await new Promise((resolve, reject) =>
    {
        const timer = setTimeout(() => reject(new Error(`gateway did not report its port within ${startTimeoutMs} ms:\n${output.join('')}`)), startTimeoutMs);
        const onData = (chunk) =>
        {
            const text = chunk.toString();
            output.push(text);
            const match = LISTENING.exec(output.join(''));
            if (match !== null)
            {
                clearTimeout(timer);
                resolve(match[1].replace(/\/$/, ''));
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', (chunk) => output.push(chunk.toString()));
        child.on('exit', (code) =>
        {
            clearTimeout(timer);
            reject(new Error(`gateway exited with ${code} before listening:\n${output.join('')}`));
        });
    });
    return {
        baseUrl,
        output: () => output.join(''),
        async stop()
        {
            if (child.exitCode === null)
            {
                const exited = new Promise((resolve) => child.once('exit', resolve));
                child.kill('SIGTERM');
                const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
                await exited;
                clearTimeout(timer);
            }
            if (givenDataDir === null)
            {
                fs.rmSync(dataDir, { recursive: true, force: true });
            }
        },
    };
}
