import './styles.css';
import { ViewSession } from './app/view-session';
import { authHeaders, takeToken, TOKEN_KEY } from './net/access-token';
import { parseSymbols } from './model/symbols';
import type { Timeframe } from './model/timeframes';
import { readViewState, sameView, writeViewState, type ViewState } from './model/url-state';
import { ChartView } from './ui/chart-view';
import { required } from './ui/dom';
import { LegendView } from './ui/legend-view';
import { StatusView } from './ui/status-view';
import { SymbolPicker } from './ui/symbol-picker';
import { TableView } from './ui/table-view';
import { TimeframePicker } from './ui/timeframe-picker';
import { applyTheme, initialTheme, PALETTES, type ThemeName } from './ui/theme';

const THRESHOLD_KEY = 'liqvol.largeThresholdUsdt';
const DEFAULT_THRESHOLD_USDT = '100000';

const taken = takeToken(window.location.hash, localStorage);
if (taken.hash !== window.location.hash)
{
    // the token leaves the address bar (and history) at once
    history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}${taken.hash}`);
}

const origins = {
    http: window.location.origin,
    ws: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`,
    token: taken.token,
};

/** After a 401: says why and asks for a token, which is kept and the page reloaded with it. */
function askForToken(): void
{
    const form = required<HTMLFormElement>(document, '#token-form');
    required(document, '#token-message').textContent = origins.token === null
        ? 'This gateway needs an API token.'
        : 'The API token was refused (wrong or revoked).';
    form.hidden = false;
    form.addEventListener('submit', (event) =>
    {
        event.preventDefault();
        const value = required<HTMLInputElement>(form, '#token-input').value.trim();
        if (value !== '')
        {
            localStorage.setItem(TOKEN_KEY, value);
            window.location.reload();
        }
    });
}

let theme: ThemeName = initialTheme();
applyTheme(theme);

const thresholdInput = required<HTMLInputElement>(document, '#threshold');
thresholdInput.value = localStorage.getItem(THRESHOLD_KEY) ?? DEFAULT_THRESHOLD_USDT;

const chart = new ChartView(required(document, '#chart'), PALETTES[theme]);
const parts = {
    chart,
    legend: new LegendView(required(document, '#legend')),
    table: new TableView(required(document, '#rows'), required(document, '#empty'), thresholdInput.value.trim()),
    status: new StatusView(required(document, '#status'), required(document, '#status-text'), required(document, '#gap')),
};

let session: ViewSession | null = null;

function show(view: ViewState, how: 'push' | 'replace' | 'none'): void
{
    if (session !== null && sameView(session.view, view))
    {
        return;
    }
    session?.close();
    const query = writeViewState(window.location.search, view);
    if (how === 'push')
    {
        window.history.pushState(null, '', query);
    }
    else if (how === 'replace')
    {
        window.history.replaceState(null, '', query);
    }
    symbolPicker.show(view.symbol);
    timeframePicker.show(view.timeframe);
    document.title = `${view.symbol} ${view.timeframe} · liqvol`;
    const next = new ViewSession(view, parts, origins);
    session = next;
    next.start();
    // The chart has been laid out once the browser has painted a frame: from then on it draws what arrived.
    requestAnimationFrame(() => next.chartReady());
}

const symbolPicker = new SymbolPicker(required(document, '#symbol'), required(document, '#symbol-list'), (symbol) =>
    show({ symbol, timeframe: session?.view.timeframe ?? readViewState(window.location.search).timeframe }, 'push'));
const timeframePicker = new TimeframePicker(required(document, '#timeframes'), (timeframe: Timeframe) =>
    show({ symbol: session?.view.symbol ?? readViewState(window.location.search).symbol, timeframe }, 'push'));

chart.onHover((timeSec) => session?.hover(timeSec));
chart.onNearOldestBar(() => session?.loadOlder());

thresholdInput.addEventListener('input', () =>
{
    const threshold = thresholdInput.value.trim();
    localStorage.setItem(THRESHOLD_KEY, threshold);
    parts.table.setThreshold(threshold);
});

required<HTMLButtonElement>(document, '#theme').addEventListener('click', () =>
{
    theme = theme === 'dark' ? 'light' : 'dark';
    applyTheme(theme);
    chart.setPalette(PALETTES[theme]);
});

window.addEventListener('popstate', () => show(readViewState(window.location.search), 'none'));

fetch(`${origins.http}/api/v1/symbols`, { headers: authHeaders(origins.token) })
    .then((response) =>
    {
        if (response.status === 401)
        {
            askForToken();
        }
        return response.ok ? response.json() : Promise.reject(new Error(String(response.status)));
    })
    .then((json: unknown) => symbolPicker.setSymbols(parseSymbols(json)))
    .catch(() => symbolPicker.setSymbols([]));

show(readViewState(window.location.search), 'replace');

/** Read-only diagnostics of the current view, used by the end-to-end tests. */
Object.assign(window, {
    liqvol: {
        view: () => session?.view ?? null,
        chart: () => chart.inspect(),
        plottedVolumeAt: (timeSec: number) => chart.plottedVolumeAt(timeSec),
        plottedCandleTimes: () => chart.plottedCandleTimes(),
        plottedVolumeTimes: () => chart.plottedVolumeTimes(),
        bucket: (timeSec: number) => session?.model.volume.get(timeSec) ?? null,
        malformedMessages: () => session?.model.malformedMessages ?? 0,
    },
});
