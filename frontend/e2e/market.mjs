// What the e2e tests ask the gateway's REST API directly.
import assert from 'node:assert/strict';

export async function getJson(url)
{
    const response = await fetch(url);
    assert.ok(response.ok, `${url} answered ${response.status}`);
    return response.json();
}

/** The simulated symbol with the most live liquidations while it looks, so that the table and bars update soon. */
export async function busiestSymbol(baseUrl)
{
    const json = await getJson(`${baseUrl}/api/v1/symbols`);
    const list = Array.isArray(json) ? json : json.symbols ?? json.data ?? [];
    const symbols = list.map((entry) => (typeof entry === 'string' ? entry : entry.symbol)).slice(0, 30);
    assert.ok(symbols.length > 0, 'the gateway lists no symbols');
    // Only live liquidations count: --simulate starts with a day of recorded history in every symbol.
    const liveSinceMs = Date.now();
    const deadline = liveSinceMs + 30_000;
    let best = { symbol: symbols.includes('BTCUSDT') ? 'BTCUSDT' : symbols[0], count: 0 };
    while (Date.now() < deadline)
    {
        for (const symbol of symbols)
        {
            const recent = await getJson(`${baseUrl}/api/v1/liquidations/${symbol}?limit=50`);
            const count = (Array.isArray(recent) ? recent : recent.data ?? [])
                .filter((row) => row.timestamp >= liveSinceMs).length;
            if (count > best.count)
            {
                best = { symbol, count };
            }
        }
        if (best.count >= 3)
        {
            break;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return best.symbol;
}
