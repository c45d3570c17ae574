import './styles.css';
import { AlertsController } from './app/alerts-controller';
import { ViewSession } from './app/view-session';
import { authHeaders, socketProtocols, takeToken, TOKEN_KEY } from './net/access-token';
import { listedVenues, parseSymbols } from './model/symbols';
import { checkThreshold, ThresholdStore } from './model/threshold';
import type { Timeframe } from './model/timeframes';
import { readViewState, sameView, writeViewState, type ViewState } from './model/url-state';
import { stacksByVenue, type Venue } from './model/venues';
import { ChartNotices } from './ui/chart-notices';
import { ChartView } from './ui/chart-view';
import { MarketView } from './ui/market-view';
import { isMarketWindow, readPage, writePage, type MarketWindow, type PageName } from './model/overview';
import { required } from './ui/dom';
import { AlertsPanel } from './ui/alerts-panel';
import { LegendView, renderVenueKey } from './ui/legend-view';
import { AlertSound } from './ui/sound';
import { StatusView } from './ui/status-view';
import { SymbolPicker } from './ui/symbol-picker';
import { TableView } from './ui/table-view';
import { TimeframePicker } from './ui/timeframe-picker';
import { VenuePicker } from './ui/venue-picker';
import { applyTheme, initialTheme, PALETTES, type ThemeName } from './ui/theme';

const SOUND_KEY = 'liqvol.sound';
const ALERT_SOUND_KEY = 'liqvol.alertSound';

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
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const thresholds = new ThresholdStore(localStorage);
const thresholdInput = required<HTMLInputElement>(document, '#threshold');
const thresholdError = required<HTMLElement>(document, '#threshold-error');
let thresholdUsdt = thresholds.get(readViewState(window.location.search).symbol);

const sound = new AlertSound();
const soundToggle = required<HTMLInputElement>(document, '#sound');
// Off by default; a remembered "on" takes effect at the first click on the page (audio needs a gesture).
soundToggle.checked = localStorage.getItem(SOUND_KEY) === 'on';
if (soundToggle.checked)
{
    document.addEventListener('pointerdown', () => sound.setEnabled(soundToggle.checked), { once: true });
}

const HEATMAP_KEY = 'liqvol.heatmap';
let heatmapOn = localStorage.getItem(HEATMAP_KEY) === 'on';

const chart = new ChartView(required(document, '#chart'), PALETTES[theme], reducedMotion);
const parts = {
    chart,
    legend: new LegendView(required(document, '#legend')),
    table: new TableView({
        body: required(document, '#rows'),
        empty: required(document, '#empty'),
        paused: required(document, '#paused'),
        scroll: required(document, '#table-scroll'),
    }, thresholdUsdt),
    status: new StatusView({
        pill: required(document, '#status'),
        text: required(document, '#status-text'),
        countdown: required(document, '#status-countdown'),
        retry: required(document, '#retry'),
        gapBadge: required(document, '#gap'),
        recordingSince: required(document, '#recording-since'),
        layout: required(document, '#layout'),
        staleNote: required(document, '#stale'),
    }, () => session?.retryNow()),
    notices: new ChartNotices({
        message: required(document, '#chart-message'),
        oldest: required(document, '#oldest'),
        live: required(document, '#live'),
    }, () => chart.scrollToLive()),
    sound,
    thresholdUsdt: () => thresholdUsdt,
    heatmapOn: () => heatmapOn,
};
parts.legend.setHeatmapOn(heatmapOn);
parts.legend.onHeatmapToggle(() =>
{
    heatmapOn = !heatmapOn;
    localStorage.setItem(HEATMAP_KEY, heatmapOn ? 'on' : 'off');
    parts.legend.setHeatmapOn(heatmapOn);
    session?.heatmapToggled();
});

let session: ViewSession | null = null;
/** The gateway's enabled venues, from /api/v1/symbols; null until it answers. */
let enabledVenues: readonly Venue[] | null = null;

/** Bars, legend and key stacked by venue where more than one selected venue is enabled, else by side. */
function applyVenueStacking(venues: readonly Venue[]): void
{
    const stacked = stacksByVenue(venues, enabledVenues);
    chart.setVenueStacking(stacked);
    parts.legend.setVenueStacking(stacked);
    renderVenueKey(required(document, '#venue-key'), venues, stacked);
}

/** The view in view, or the URL's before the first one opens. */
function currentView(): ViewState
{
    return session?.view ?? readViewState(window.location.search);
}

const alertSound = new AlertSound();
const alertSoundToggle = required<HTMLInputElement>(document, '#alert-sound');
alertSoundToggle.checked = localStorage.getItem(ALERT_SOUND_KEY) === 'on';
if (alertSoundToggle.checked)
{
    document.addEventListener('pointerdown', () => alertSound.setEnabled(alertSoundToggle.checked), { once: true });
}
alertSoundToggle.addEventListener('change', () =>
{
    alertSound.setEnabled(alertSoundToggle.checked);
    localStorage.setItem(ALERT_SOUND_KEY, alertSoundToggle.checked ? 'on' : 'off');
});
const alerts = new AlertsController({
    chart,
    sound: alertSound,
    view: currentView,
    thresholdUsdt: () => thresholdUsdt,
}, origins);
const notifyButton = required<HTMLButtonElement>(document, '#alert-notify');
/** Notifications are asked for only on this button's click, never unprompted. */
function showNotifyState(): void
{
    const supported = 'Notification' in window;
    const permission = supported ? Notification.permission : 'denied';
    notifyButton.textContent = permission === 'granted' ? 'Notifications on' : permission === 'denied' ? 'Notifications blocked' : 'Notify me';
    notifyButton.disabled = permission !== 'default';
}
notifyButton.addEventListener('click', () => void Notification.requestPermission().then(showNotifyState));
showNotifyState();

/** Shows a symbol's remembered threshold in the field and applies it. */
function useThreshold(symbol: string): void
{
    thresholdUsdt = thresholds.get(symbol);
    thresholdInput.value = thresholdUsdt;
    thresholdInput.removeAttribute('aria-invalid');
    thresholdError.textContent = '';
    parts.table.setThreshold(thresholdUsdt);
}

/** Opens a chart view; {@code page} is the page the URL then names (a market row opens its chart). */
function show(view: ViewState, how: 'push' | 'replace' | 'none', page: PageName = readPage(window.location.search).page): void
{
    if (session !== null && sameView(session.view, view))
    {
        if (how === 'push' && page !== readPage(window.location.search).page)
        {
            window.history.pushState(null, '', writePage(window.location.search, page, readPage(window.location.search).window));
        }
        return;
    }
    session?.close();
    const query = writeViewState(writePage(window.location.search, page, readPage(window.location.search).window), view);
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
    venuePicker.show(view.venues);
    applyVenueStacking(view.venues);
    useThreshold(view.symbol);
    document.title = `${view.symbol} ${view.timeframe} · liqvol`;
    const next = new ViewSession(view, parts, origins);
    session = next;
    next.start();
    // The chart has been laid out once the browser has painted a frame: from then on it draws what arrived.
    requestAnimationFrame(() => next.chartReady());
    alerts.viewChanged();
}

const symbolPicker = new SymbolPicker(required(document, '#symbol'), required(document, '#symbol-list'), (symbol) =>
    show({ ...currentView(), symbol }, 'push'));
const timeframePicker = new TimeframePicker(required(document, '#timeframes'), required(document, '#timeframe-select'), (timeframe: Timeframe) =>
    show({ ...currentView(), timeframe }, 'push'));
// Another selection of venues reopens the chart's streams, and the market page's where it is shown.
const venuePicker = new VenuePicker(required(document, '#venues'), required(document, '#venue-menu'), (venues: readonly Venue[]) =>
{
    show({ ...currentView(), venues }, 'push');
    const { page } = readPage(window.location.search);
    showPage(page, 'none');
});

parts.legend.onTrendsChange((settings) =>
{
    chart.setTrends(settings);
    session?.trendsChanged();
});
chart.onHover((timeSec) => session?.hover(timeSec));
chart.onNearOldestBar(() => session?.loadOlder());
chart.onViewport((viewport) => session?.onViewport(viewport));

thresholdInput.addEventListener('input', () =>
{
    const check = checkThreshold(thresholdInput.value);
    thresholdInput.setAttribute('aria-invalid', String(!check.ok));
    thresholdError.textContent = check.ok ? '' : check.message;
    if (check.ok && session !== null)
    {
        thresholdUsdt = check.value;
        thresholds.set(session.view.symbol, check.value);
        parts.table.setThreshold(check.value);
        session.thresholdChanged();
    }
});

soundToggle.addEventListener('change', () =>
{
    sound.setEnabled(soundToggle.checked);
    localStorage.setItem(SOUND_KEY, soundToggle.checked ? 'on' : 'off');
});

required<HTMLButtonElement>(document, '#theme').addEventListener('click', () =>
{
    theme = theme === 'dark' ? 'light' : 'dark';
    applyTheme(theme);
    chart.setPalette(PALETTES[theme]);
});

const layout = required<HTMLElement>(document, '#layout');
const market = new MarketView({
    root: required(document, '#market'),
    totals: required(document, '#market-totals'),
    rows: required(document, '#market-rows'),
    distribution: required(document, '#market-distribution'),
    histogram: required(document, '#market-histogram'),
    state: required(document, '#market-state'),
    windows: required<HTMLSelectElement>(document, '#market-window'),
}, {
    ws: origins.ws,
    openSocket: (url) => new WebSocket(url, socketProtocols(origins.token)),
    getJson: async (path) =>
    {
        const response = await fetch(`${origins.http}${path}`, { headers: authHeaders(origins.token) });
        if (!response.ok)
        {
            throw new Error(`${path} answered ${response.status}`);
        }
        return await response.json() as unknown;
    },
}, (symbol) =>
{
    show({ ...currentView(), symbol }, 'push', 'chart');
    showPage('chart', 'none');
});

/** Shows the chart or the market page; the market page streams only while it is shown. */
function showPage(page: PageName, how: 'push' | 'none', marketWindow: MarketWindow = readPage(window.location.search).window): void
{
    if (how === 'push')
    {
        window.history.pushState(null, '', writePage(window.location.search, page, marketWindow));
    }
    for (const button of document.querySelectorAll<HTMLButtonElement>('.pages button'))
    {
        button.setAttribute('aria-current', String(button.dataset.page === page));
    }
    layout.hidden = page === 'market';
    if (page === 'market')
    {
        document.title = `Market ${marketWindow} · liqvol`;
        market.show(marketWindow, currentView().venues);
    }
    else
    {
        market.hide();
        if (session !== null)
        {
            document.title = `${session.view.symbol} ${session.view.timeframe} · liqvol`;
        }
    }
}

required(document, '#page-chart').addEventListener('click', () => showPage('chart', 'push'));
required(document, '#page-market').addEventListener('click', () => showPage('market', 'push'));
required<HTMLSelectElement>(document, '#market-window').addEventListener('change', (event) =>
{
    const value = (event.target as HTMLSelectElement).value;
    if (isMarketWindow(value))
    {
        showPage('market', 'push', value);
    }
});

window.addEventListener('popstate', () =>
{
    show(readViewState(window.location.search), 'none');
    showPage(readPage(window.location.search).page, 'none');
});

fetch(`${origins.http}/api/v1/symbols`, { headers: authHeaders(origins.token) })
    .then((response) =>
    {
        if (response.status === 401)
        {
            askForToken();
        }
        return response.ok ? response.json() : Promise.reject(new Error(String(response.status)));
    })
    .then((json: unknown) =>
    {
        const symbols = parseSymbols(json);
        symbolPicker.setSymbols(symbols);
        market.setSymbols(symbols);
        enabledVenues = listedVenues(symbols);
        applyVenueStacking(currentView().venues);
    })
    .catch(() => symbolPicker.setSymbols([]));

show(readViewState(window.location.search), 'replace');
alerts.start(new AlertsPanel(required(document, '#alerts'), alerts.handlers()));
showPage(readPage(window.location.search).page, 'none');

/** Read-only diagnostics of the current view, used by the end-to-end tests. */
Object.assign(window, {
    liqvol: {
        view: () => session?.view ?? null,
        chart: () => chart.inspect(),
        plottedVolumeAt: (timeSec: number) => chart.plottedVolumeAt(timeSec),
        plottedCandleTimes: () => chart.plottedCandleTimes(),
        shadeAt: (timeSec: number) => chart.shadeAt(timeSec),
        plottedVolumeTimes: () => chart.plottedVolumeTimes(),
        bucket: (timeSec: number) => session?.model.volume.get(timeSec) ?? null,
        malformedMessages: () => session?.model.malformedMessages ?? 0,
        threshold: () => thresholdUsdt,
        market: () => market.inspect(),
        marketVolume: () => market.inspectVolume(),
    },
});
