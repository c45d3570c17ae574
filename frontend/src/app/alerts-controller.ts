import { AlertEventList, alertMarkers, describeEvent, readAlertEvent, worthNotifying, type AlertEvent } from '../model/alert-events';
import { checkForm, defaultForm, fieldOfMessage, formOf, readRule, type AlertRule, type RuleForm } from '../model/alert-rules';
import { readAll } from '../model/messages';
import type { ViewState } from '../model/url-state';
import { authHeaders, socketProtocols } from '../net/access-token';
import { ReconnectingSocket } from '../net/reconnecting-socket';
import type { AlertsPanel, AlertsPanelHandlers } from '../ui/alerts-panel';
import type { ChartView } from '../ui/chart-view';
import type { AlertSound } from '../ui/sound';
import type { Origins } from './view-session';

const RULES_PATH = '/api/v1/alerts/rules';

export interface AlertParts
{
    readonly chart: ChartView;
    readonly sound: AlertSound;
    /** The view in view and its highlight amount, the defaults of a new rule. */
    readonly view: () => ViewState;
    readonly thresholdUsdt: () => string;
}

/** An error answer's code and message, {"error":{"code","message"}} (docs/API.md §6). */
function readError(body: unknown): { code: string; message: string }
{
    const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error : null;
    const fields = typeof error === 'object' && error !== null ? error as Record<string, unknown> : {};
    return {
        code: typeof fields.code === 'string' ? fields.code : '',
        message: typeof fields.message === 'string' ? fields.message : '',
    };
}

/**
 * The page's side of alerts (docs/API.md §7): rules through REST, recent events from REST then live from the
 * alerts stream, a notification and a sound for each new one, and markers on the chart of the symbol in view.
 */
export class AlertsController
{
    private readonly events = new AlertEventList();
    private rules: readonly AlertRule[] = [];
    private panel: AlertsPanel | null = null;
    private readonly socket: ReconnectingSocket;

    constructor(private readonly parts: AlertParts, private readonly origins: Origins)
    {
        this.socket = new ReconnectingSocket(`${origins.ws}/api/v1/ws/alerts`, {
            onOpen: () => undefined,
            onMessage: (text) => this.onMessage(text),
            onState: () => undefined,
        }, undefined, (url) => new WebSocket(url, socketProtocols(origins.token)));
    }

    /** The handlers the panel calls back. */
    handlers(): AlertsPanelHandlers
    {
        return {
            submit: (form: RuleForm, editingId: string | null) => void this.submit(form, editingId),
            newForm: () => this.newForm(),
            edit: (rule: AlertRule) => this.panel?.open(formOf(rule, this.newForm()), rule.id),
            remove: (rule: AlertRule) => void this.remove(rule),
        };
    }

    start(panel: AlertsPanel): void
    {
        this.panel = panel;
        panel.showEvents([]);
        void this.loadRules();
        void this.loadEvents();
        this.socket.start();
    }

    /** The symbol or timeframe in view changed: its markers. */
    viewChanged(): void
    {
        const view = this.parts.view();
        this.parts.chart.setAlertMarkers(alertMarkers(this.events.events, view.symbol, view.timeframe));
    }

    private newForm(): RuleForm
    {
        const view = this.parts.view();
        return defaultForm(view.symbol, view.timeframe, this.parts.thresholdUsdt());
    }

    private async request(method: string, path: string, body?: unknown): Promise<Response>
    {
        return fetch(`${this.origins.http}${path}`, {
            method,
            headers: {
                Accept: 'application/json',
                ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
                ...authHeaders(this.origins.token),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    }

    private async loadRules(): Promise<void>
    {
        try
        {
            const response = await this.request('GET', RULES_PATH);
            if (response.ok)
            {
                const json = await response.json() as { rules?: unknown };
                this.rules = readAll(json.rules, readRule);
                this.panel?.showRules(this.rules);
            }
        }
        catch
        {
            // The list stays as it was; the next change reloads it.
        }
    }

    private async loadEvents(): Promise<void>
    {
        try
        {
            const response = await this.request('GET', '/api/v1/alerts/events?limit=50');
            if (response.ok)
            {
                const json = await response.json() as { events?: unknown };
                this.addEvents(readAll(json.events, readAlertEvent), false);
            }
        }
        catch
        {
            // The stream sends the last 50 on connect as well.
        }
    }

    private async submit(form: RuleForm, editingId: string | null): Promise<void>
    {
        const check = checkForm(form);
        if (!check.ok)
        {
            this.panel?.showErrors(check.errors, '');
            return;
        }
        try
        {
            const response = editingId === null
                ? await this.request('POST', RULES_PATH, check.body)
                : await this.request('PUT', `${RULES_PATH}/${encodeURIComponent(editingId)}`, check.body);
            if (response.ok)
            {
                this.panel?.close();
                await this.loadRules();
                return;
            }
            const error = readError(await response.json().catch(() => null));
            const field = error.code === 'invalid_rule' ? fieldOfMessage(error.message) : null;
            this.panel?.showErrors(field === null ? {} : { [field]: error.message },
                field === null ? error.message || `The server answered ${response.status}` : '', false);
        }
        catch
        {
            this.panel?.showErrors({}, 'The gateway could not be reached; try again.');
        }
    }

    private async remove(rule: AlertRule): Promise<void>
    {
        await this.request('DELETE', `${RULES_PATH}/${encodeURIComponent(rule.id)}`).catch(() => null);
        await this.loadRules();
    }

    private onMessage(text: string): void
    {
        let json: unknown;
        try
        {
            json = JSON.parse(text);
        }
        catch
        {
            return;
        }
        const event = readAlertEvent(json);
        if (event !== null)
        {
            this.addEvents([event], true);
        }
    }

    private addEvents(events: readonly AlertEvent[], live: boolean): void
    {
        const fresh = this.events.add(events);
        if (fresh.length === 0)
        {
            return;
        }
        this.panel?.showEvents(this.events.events);
        this.viewChanged();
        const nowMs = Date.now();
        for (const event of live ? fresh.filter((e) => worthNotifying(e, nowMs)) : [])
        {
            this.notify(event);
        }
    }

    private notify(event: AlertEvent): void
    {
        this.parts.sound.play(event.side === 'BUY' ? 'short' : 'long');
        this.panel?.announce(`Alert ${event.ruleName}: ${describeEvent(event)}`);
        if ('Notification' in window && Notification.permission === 'granted')
        {
            new Notification(`liqvol: ${event.ruleName}`, { body: describeEvent(event), tag: `liqvol-alert-${event.id}` });
        }
    }
}
