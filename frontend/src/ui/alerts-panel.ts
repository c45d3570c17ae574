import { describeEvent, type AlertEvent } from '../model/alert-events';
import { BASELINES, CONDITIONS, describeRule, FIELDS_OF, METRICS, type AlertRule, type FormField, type RuleForm } from '../model/alert-rules';
import { formatLocalTime } from '../model/format';
import { TIMEFRAMES } from '../model/timeframes';
import { element, required } from './dom';

interface FieldSpec
{
    readonly field: FormField;
    readonly label: string;
    /** Choices make a select, else a text input. */
    readonly choices?: readonly (readonly [string, string])[];
    readonly hint?: string;
    /** Takes the form's whole width. */
    readonly wide?: boolean;
}

const LABELS: Readonly<Record<string, string>> = {
    liquidation: 'Single liquidation', bucket: 'Bucket volume', unusual_volume: 'Unusual volume',
    total_volume: 'Total volume', buy_volume: 'Buy volume (shorts)', sell_volume: 'Sell volume (longs)',
    delta_volume: '|Delta| volume', count: 'Count', median: 'Median', ewma: 'EWMA',
};

function choices(values: readonly string[]): (readonly [string, string])[]
{
    return values.map((value) => [value, LABELS[value] ?? value] as const);
}

const FIELDS: readonly FieldSpec[] = [
    { field: 'name', label: 'Name', wide: true },
    { field: 'symbols', label: 'Symbols', hint: 'comma separated; empty: all', wide: true },
    { field: 'condition', label: 'Condition', choices: choices(CONDITIONS) },
    { field: 'side', label: 'Side', choices: [['', 'Both'], ['SELL', 'Longs liquidated'], ['BUY', 'Shorts liquidated']] },
    { field: 'metric', label: 'Metric', choices: choices(METRICS) },
    { field: 'timeframe', label: 'Timeframe', choices: choices(TIMEFRAMES) },
    { field: 'threshold', label: 'At or above', hint: 'USDT, or a count' },
    { field: 'factor', label: 'Factor k' },
    { field: 'baseline', label: 'Baseline', choices: choices(BASELINES) },
    { field: 'baseline_buckets', label: 'Baseline buckets' },
    { field: 'cooldown_s', label: 'Cool-down (s)' },
    { field: 'exchange', label: 'Exchanges',
        choices: [['all', 'All'], ['binance', 'Binance'], ['bybit', 'Bybit'], ['okx', 'OKX']] },
    { field: 'webhook_url', label: 'Webhook URL', hint: 'optional', wide: true },
];

/** Fields every condition takes. */
const COMMON: ReadonlySet<FormField> = new Set<FormField>(['name', 'symbols', 'condition', 'cooldown_s', 'webhook_url', 'exchange']);

export interface AlertsPanelHandlers
{
    /** The form was submitted: a new rule, or a change of the rule with editingId. */
    submit(form: RuleForm, editingId: string | null): void;
    /** The form was opened for a new rule: what it should start from. */
    newForm(): RuleForm;
    edit(rule: AlertRule): void;
    remove(rule: AlertRule): void;
}

/**
 * The alerts panel's DOM: a form for a rule (fields shown as its condition takes them, an error beside each field),
 * the list of rules with edit and delete, and the recent events.
 */
export class AlertsPanel
{
    private readonly inputs = new Map<FormField, HTMLInputElement | HTMLSelectElement>();
    private readonly errors = new Map<FormField, HTMLElement>();
    private readonly rows = new Map<FormField, HTMLElement>();
    private readonly form: HTMLFormElement;
    private readonly formError: HTMLElement;
    private readonly submitButton: HTMLButtonElement;
    private readonly newButton: HTMLButtonElement;
    private readonly rulesList: HTMLElement;
    private readonly eventsList: HTMLElement;
    private readonly announcer: HTMLElement;
    private editingId: string | null = null;

    constructor(root: HTMLElement, private readonly handlers: AlertsPanelHandlers)
    {
        this.form = required<HTMLFormElement>(root, '#alert-form');
        this.formError = required(root, '#alert-form-error');
        this.submitButton = required<HTMLButtonElement>(root, '#alert-submit');
        this.newButton = required<HTMLButtonElement>(root, '#alert-new');
        this.rulesList = required(root, '#alert-rules');
        this.eventsList = required(root, '#alert-events');
        this.announcer = required(root, '#alert-announce');
        const fields = required(root, '#alert-fields');
        for (const spec of FIELDS)
        {
            fields.append(this.fieldRow(spec));
        }
        this.inputs.get('condition')?.addEventListener('change', () => this.showFieldsOf(this.read().condition));
        this.newButton.addEventListener('click', () => (this.form.hidden ? this.open(handlers.newForm(), null) : this.close()));
        required(root, '#alert-cancel').addEventListener('click', () => this.close());
        this.form.addEventListener('submit', (event) =>
        {
            event.preventDefault();
            handlers.submit(this.read(), this.editingId);
        });
    }

    /** Opens the form filled with a rule's values (editingId set) or a new rule's. */
    open(form: RuleForm, editingId: string | null): void
    {
        this.editingId = editingId;
        for (const [field, input] of this.inputs)
        {
            if (input instanceof HTMLSelectElement && ![...input.options].some((option) => option.value === form[field]))
            {
                // A custom timeframe in view (or of a rule) is offered too.
                input.append(element('option', '', form[field]));
            }
            input.value = form[field];
        }
        this.showErrors({}, '');
        this.showFieldsOf(form.condition);
        this.submitButton.textContent = editingId === null ? 'Create rule' : 'Save rule';
        this.form.hidden = false;
        this.newButton.setAttribute('aria-expanded', 'true');
        this.inputs.get('name')?.focus();
    }

    close(): void
    {
        this.form.hidden = true;
        this.editingId = null;
        this.newButton.setAttribute('aria-expanded', 'false');
        this.newButton.focus();
    }

    /**
     * Each message beside its field (after the field's label, unless it is the server's, which names the field
     * itself); a message about no field (or the network) under the form.
     */
    showErrors(errors: Partial<Record<FormField, string>>, general: string, labelled = true): void
    {
        for (const [field, node] of this.errors)
        {
            const message = errors[field];
            const label = labelled ? `${FIELDS.find((s) => s.field === field)?.label ?? field} ` : '';
            node.textContent = message === undefined ? '' : `${label}${message}`;
            this.inputs.get(field)?.setAttribute('aria-invalid', String(message !== undefined));
        }
        this.formError.textContent = general;
        const first = FIELDS.find((spec) => errors[spec.field] !== undefined);
        if (first !== undefined)
        {
            this.inputs.get(first.field)?.focus();
        }
    }

    showRules(rules: readonly AlertRule[]): void
    {
        this.rulesList.replaceChildren(...rules.map((rule) => this.ruleItem(rule)));
        if (rules.length === 0)
        {
            this.rulesList.append(element('li', 'alerts-empty', 'No rules yet'));
        }
    }

    showEvents(events: readonly AlertEvent[]): void
    {
        this.eventsList.replaceChildren(...events.map((event) =>
        {
            const item = element('li', 'alert-event');
            item.dataset.id = String(event.id);
            item.dataset.symbol = event.symbol;
            const time = element('time', 'alert-time', formatLocalTime(event.firedAtMs));
            time.dateTime = new Date(event.firedAtMs).toISOString();
            item.append(time, element('span', 'alert-name', event.ruleName), element('span', 'alert-text', describeEvent(event)));
            return item;
        }));
        if (events.length === 0)
        {
            this.eventsList.append(element('li', 'alerts-empty', 'Nothing fired yet'));
        }
    }

    /** Tells a screen reader what just fired (the list itself is redrawn whole, so it is not a live region). */
    announce(text: string): void
    {
        this.announcer.textContent = text;
    }

    private ruleItem(rule: AlertRule): HTMLElement
    {
        const item = element('li', 'alert-rule');
        item.dataset.id = rule.id;
        const text = element('div', 'alert-rule-text');
        text.append(element('span', 'alert-name', rule.name), element('span', 'alert-text', describeRule(rule)));
        const edit = element('button', 'small-button', 'Edit');
        edit.type = 'button';
        edit.setAttribute('aria-label', `Edit rule ${rule.name}`);
        edit.addEventListener('click', () => this.handlers.edit(rule));
        const remove = element('button', 'small-button', 'Delete');
        remove.type = 'button';
        remove.setAttribute('aria-label', `Delete rule ${rule.name}`);
        remove.addEventListener('click', () => this.handlers.remove(rule));
        item.append(text, edit, remove);
        return item;
    }

    private fieldRow(spec: FieldSpec): HTMLElement
    {
        const row = element('div', spec.wide === true ? 'alert-field wide' : 'alert-field');
        const id = `rule-${spec.field.replace(/_/g, '-')}`;
        const label = element('label', '', spec.label);
        label.htmlFor = id;
        let input: HTMLInputElement | HTMLSelectElement;
        if (spec.choices === undefined)
        {
            input = element('input');
            input.type = 'text';
            input.autocomplete = 'off';
            input.spellcheck = false;
            if (spec.hint !== undefined)
            {
                input.placeholder = spec.hint;
            }
        }
        else
        {
            input = element('select');
            for (const [value, text] of spec.choices)
            {
                const option = element('option', '', text);
                option.value = value;
                input.append(option);
            }
        }
        input.id = id;
        input.name = spec.field;
        const error = element('span', 'field-error');
        error.id = `${id}-error`;
        error.setAttribute('role', 'alert');
        input.setAttribute('aria-describedby', error.id);
        row.append(label, input, error);
        this.inputs.set(spec.field, input);
        this.errors.set(spec.field, error);
        this.rows.set(spec.field, row);
        return row;
    }

    private showFieldsOf(condition: RuleForm['condition']): void
    {
        const taken = new Set(FIELDS_OF[condition]);
        for (const [field, row] of this.rows)
        {
            row.hidden = !COMMON.has(field) && !taken.has(field);
        }
    }

    private read(): RuleForm
    {
        const value = (field: FormField): string => this.inputs.get(field)?.value ?? '';
        return {
            name: value('name'),
            symbols: value('symbols'),
            condition: value('condition') as RuleForm['condition'],
            side: value('side') as RuleForm['side'],
            metric: value('metric'),
            timeframe: value('timeframe'),
            threshold: value('threshold'),
            factor: value('factor'),
            baseline: value('baseline'),
            baseline_buckets: value('baseline_buckets'),
            cooldown_s: value('cooldown_s'),
            webhook_url: value('webhook_url'),
            exchange: value('exchange'),
        };
    }
}
