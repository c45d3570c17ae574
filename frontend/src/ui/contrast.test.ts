import { describe, expect, it } from 'vitest';
import css from '../styles.css?raw';
import { PALETTES } from './theme';

type Rgba = readonly [number, number, number, number];

function parseColor(text: string): Rgba
{
    const hex = /^#([0-9a-f]{6})$/i.exec(text.trim());
    if (hex !== null)
    {
        const n = parseInt(hex[1], 16);
        return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
    }
    const rgba = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(text.trim());
    if (rgba === null)
    {
        throw new Error(`not a colour: ${text}`);
    }
    return [Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), rgba[4] === undefined ? 1 : Number(rgba[4])];
}

/** A translucent colour as it shows over an opaque one. */
function over(top: Rgba, bottom: Rgba): Rgba
{
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as unknown as Rgba;
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(color: Rgba): number
{
    const [r, g, b] = [0, 1, 2].map((i) =>
    {
        const c = color[i] / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(foreground: string, background: string): number
{
    const bg = parseColor(background);
    const fg = over(parseColor(foreground), bg);
    const [light, dark] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
}

/** The custom properties of the stylesheet's block for a theme. */
function themeVariables(theme: 'dark' | 'light'): Record<string, string>
{
    const block = new RegExp(`\\[data-theme='${theme}'\\]\\s*\\{([^}]*)\\}`).exec(css);
    if (block === null)
    {
        throw new Error(`no block for ${theme}`);
    }
    const variables: Record<string, string> = {};
    for (const match of block[1].matchAll(/--([\w-]+):\s*([^;]+);/g))
    {
        variables[match[1]] = match[2].trim();
    }
    return variables;
}

/** Every text colour on every surface it is drawn on. */
const TEXT_PAIRS: readonly (readonly [string, string])[] = [
    ['text', 'bg'], ['text', 'panel'], ['text', 'panel-2'],
    ['muted', 'panel'], ['muted', 'panel-2'],
    ['shorts', 'panel'], ['longs', 'panel'],
    ['gap', 'panel'], ['gap', 'panel-2'], ['error', 'panel'],
    ['accent', 'panel'], ['on-accent', 'accent-strong'],
    ['alert', 'panel'], ['error', 'panel-2'],
];

const AA_TEXT = 4.5;

describe('contrast of the palette', () =>
{
    for (const theme of ['dark', 'light'] as const)
    {
        it(`should reach WCAG AA for every text colour of the ${theme} theme`, () =>
        {
            const v = themeVariables(theme);
            const failures = TEXT_PAIRS
                .map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: contrast(v[fg], v[bg]) }))
                .filter(({ ratio }) => !(ratio >= AA_TEXT));
            expect(failures).toEqual([]);
        });

        it(`should reach WCAG AA for the chart's axis text and on large rows in the ${theme} theme`, () =>
        {
            const palette = PALETTES[theme];
            const v = themeVariables(theme);
            expect(contrast(palette.text, palette.background)).toBeGreaterThanOrEqual(AA_TEXT);
            expect(contrast(palette.alert, palette.background), 'alert marker text').toBeGreaterThanOrEqual(AA_TEXT);
            const largeRow = over(parseColor(v['large-bg']), parseColor(v.panel));
            const largeRowColor = `rgba(${largeRow.slice(0, 3).map(Math.round).join(', ')})`;
            for (const fg of ['text', 'muted', 'shorts', 'longs'])
            {
                expect(contrast(v[fg], largeRowColor), `${fg} on a large row`).toBeGreaterThanOrEqual(AA_TEXT);
            }
        });
    }

    it('should compute the known ratios of black and white', () =>
    {
        expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
        expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    });
});
