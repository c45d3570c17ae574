import type { Venue } from '../model/venues';

export type ThemeName = 'light' | 'dark';

/** Chart colours per theme; the page's own colours are CSS variables under [data-theme]. */
export interface ChartPalette
{
    readonly background: string;
    readonly text: string;
    readonly grid: string;
    readonly border: string;
    readonly candleUp: string;
    readonly candleDown: string;
    /** Short liquidations (side BUY). */
    readonly shorts: string;
    /** Long liquidations (side SELL). */
    readonly longs: string;
    /** Hatching of time that was not recorded. */
    readonly unrecorded: string;
    readonly crosshair: string;
    /** Trend lines: cumulative delta, long/short ratio. */
    readonly trend: string;
    /** The realized heatmap's colour as "r, g, b" (its opacity carries the amount). */
    readonly heatmap: string;
    /** Fired alerts' markers and their text. */
    readonly alert: string;
    /** Volume bars stacked by venue: one colour per venue (as the key's swatches in styles.css). */
    readonly venues: Readonly<Record<Venue, string>>;
}

export const PALETTES: Readonly<Record<ThemeName, ChartPalette>> = {
    dark: {
        background: '#0f1420',
        text: '#a9b3c6',
        grid: 'rgba(128, 142, 170, 0.10)',
        border: 'rgba(128, 142, 170, 0.25)',
        candleUp: '#26a69a',
        candleDown: '#ef5350',
        shorts: 'rgba(46, 204, 145, 0.85)',
        longs: 'rgba(255, 92, 92, 0.90)',
        unrecorded: 'rgba(169, 179, 198, 0.22)',
        crosshair: 'rgba(169, 179, 198, 0.45)',
        trend: '#7aa2f7',
        heatmap: '255, 176, 32',
        alert: '#ffc400',
        venues: { binance: '#f0b90b', bybit: '#a78bfa', okx: '#38bdf8' },
    },
    light: {
        background: '#ffffff',
        text: '#3c4556',
        grid: 'rgba(60, 69, 86, 0.08)',
        border: 'rgba(60, 69, 86, 0.20)',
        candleUp: '#089981',
        candleDown: '#f23645',
        shorts: 'rgba(22, 163, 110, 0.80)',
        longs: 'rgba(225, 52, 70, 0.85)',
        unrecorded: 'rgba(60, 69, 86, 0.18)',
        crosshair: 'rgba(60, 69, 86, 0.40)',
        trend: '#2f64d8',
        heatmap: '230, 115, 0',
        alert: '#8a5300',
        venues: { binance: '#c99400', bybit: '#7c3aed', okx: '#0284c7' },
    },
};

const STORAGE_KEY = 'liqvol.theme';

export function initialTheme(): ThemeName
{
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'light' || stored === 'dark')
    {
        return stored;
    }
    return window.matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export function applyTheme(theme: ThemeName): void
{
    document.documentElement.dataset.theme = theme;
    localStorage.setItem(STORAGE_KEY, theme);
}
