/**
 * The playground page. It holds the form state, asks the extension for previews and runs through
 * the typed messages of src/shared/webview-messages.ts, and checks every event that arrives.
 * The form is built once (so focus and caret survive); the result areas are rebuilt on each event.
 */
import { formatTokens, formatUsd } from '../../src/core/analysis/format';
import { placeholders } from '../../src/extension/playground/variables';
import {
  LIMITS,
  parsePlaygroundEvent,
  STEP_SWITCHES,
  type BatchRowView,
  type BatchTotalsView,
  type LedgerTotalsView,
  type LedgerView,
  type ModelPreview,
  type PlaygroundEvent,
  type PlaygroundInput,
  type PlaygroundRequest,
  type RunSummary,
  type SourceView,
} from '../../src/shared/webview-messages';
import { dailyChart } from './chart';
import { button, h, icon } from './dom';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();
const send = (request: PlaygroundRequest) => vscode.postMessage(request);

/** Longest streamed answer kept on the page per model; the rest is cut, and the page says so. */
const MAX_STREAM_CHARS = 200_000;
const PREVIEW_DELAY_MS = 350;

const STEP_NAMES: Record<(typeof STEP_SWITCHES)[number], string> = {
  trim: 'Context trimming',
  compress: 'Compression',
  route: 'Routing',
  length: 'Output length',
  cache: 'Cache',
};

interface RunView {
  text: string;
  cut: boolean;
  result?: RunSummary;
  error?: string;
}

const state: {
  input: PlaygroundInput;
  source: SourceView | null;
  runId: number;
  runs: Map<string, RunView>;
  running: boolean;
  batchRun: number;
  batching: boolean;
} = {
  input: { system: '', user: '', history: [], variables: {}, models: [], steps: { trim: true, compress: true, route: true, length: true, cache: true } },
  source: null,
  runId: 0,
  runs: new Map(),
  running: false,
  batchRun: 0,
  batching: false,
};

const app = document.getElementById('app')!;
const parts = {
  source: h('p', { class: 'source muted', id: 'source' }),
  system: h('textarea', { id: 'system', rows: 5, spellcheck: false, 'aria-label': 'System prompt' }),
  user: h('textarea', { id: 'user', rows: 5, spellcheck: false, 'aria-label': 'User message' }),
  history: h('div', { class: 'history', id: 'history' }),
  variables: h('div', { class: 'variables', id: 'variables' }),
  models: h('ul', { class: 'models', id: 'models', 'aria-label': 'Models to run' }),
  modelInput: h('input', { id: 'model-input', list: 'model-list', placeholder: 'provider/model, e.g. openai/gpt-4o-mini', 'aria-label': 'Add a model' }),
  modelList: h('datalist', { id: 'model-list' }),
  steps: h('fieldset', { class: 'steps' }, h('legend', {}, 'Optimizer steps')),
  preview: h('section', { class: 'preview', id: 'preview', 'aria-label': 'Before running' }),
  runs: h('section', { class: 'runs', id: 'runs', 'aria-live': 'polite', 'aria-label': 'Answers' }),
  ledger: h('section', { class: 'ledger', id: 'ledger', 'aria-label': 'Ledger' }),
  notice: h('div', { class: 'notice', id: 'notice', role: 'status' }),
  run: button('Run', 'play', () => startRun(), { id: 'run', class: 'primary', title: 'Run on every model (Ctrl+Enter)' }),
  cancel: button('Cancel', 'debug-stop', () => send({ type: 'cancel' }), { id: 'cancel', disabled: true }),
  batchRows: h('textarea', { id: 'batch-rows', rows: 5, spellcheck: false, 'aria-label': 'Batch rows', placeholder: 'One request per line: the user message, the value of the only {placeholder}, or a JSON object of placeholder values' }),
  batchSubmit: button('Submit batch', 'layers', () => submitBatch(), { id: 'batch-submit', class: 'secondary', title: 'Send every row as one batch to the first model, at the batch rate' }),
  batchCancel: button('Cancel batch', 'debug-stop', () => send({ type: 'cancelBatch' }), { id: 'batch-cancel', class: 'secondary', disabled: true, title: 'Cancel the batch at the provider; requests it finished before are still billed' }),
  batchStatus: h('p', { class: 'muted', id: 'batch-status', role: 'status' }),
  batchTotals: h('div', { class: 'batch-totals', id: 'batch-totals' }),
  batchBody: h('tbody', { id: 'batch-body' }),
  apply: button('Apply to source', 'check', () => applyToSource(), { id: 'apply', disabled: true, title: 'Write the optimized prompt over the literal it came from' }),
};

let previewTimer: ReturnType<typeof setTimeout> | undefined;
function schedulePreview(): void {
  if (previewTimer) clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    previewTimer = undefined;
    if (state.input.models.length > 0) send({ type: 'preview', input: state.input });
  }, PREVIEW_DELAY_MS);
}

function changed(): void {
  renderVariables();
  schedulePreview();
}

function startRun(): void {
  if (state.input.models.length === 0) return showNotice('error', 'Add a model to run.');
  send({ type: 'run', input: state.input });
}

function submitBatch(): void {
  const rows = parts.batchRows.value.split('\n').filter((row) => row.trim() !== '');
  if (state.input.models.length === 0) return showNotice('error', 'Add a model for the batch.');
  if (rows.length === 0) return showNotice('error', 'Write one request per line in the batch box.');
  if (rows.length > LIMITS.batchRows) return showNotice('error', `At most ${LIMITS.batchRows} rows in one batch.`);
  if (rows.some((row) => row.length > LIMITS.batchRow)) return showNotice('error', `A batch row is longer than ${LIMITS.batchRow} characters.`);
  send({ type: 'batch', input: state.input, rows });
}

function applyToSource(): void {
  const model = state.input.models[0];
  if (model) send({ type: 'apply', input: state.input, model });
}

function showNotice(level: 'info' | 'error', message: string): void {
  parts.notice.className = `notice ${level}`;
  parts.notice.replaceChildren(icon(level === 'error' ? 'error' : 'info'), h('span', {}, message));
}

/** The form: built once. */
function buildForm(): void {
  parts.system.addEventListener('input', () => {
    state.input.system = parts.system.value;
    changed();
  });
  parts.user.addEventListener('input', () => {
    state.input.user = parts.user.value;
    changed();
  });
  parts.modelInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      addModel();
    }
  });
  for (const step of STEP_SWITCHES) {
    const box = h('input', { type: 'checkbox', id: `step-${step}` });
    box.addEventListener('change', () => {
      state.input.steps[step] = box.checked;
      schedulePreview();
    });
    parts.steps.append(h('label', { class: 'check' }, box, STEP_NAMES[step]));
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      startRun();
    }
  });
  app.replaceChildren(
    h('header', { class: 'bar' }, h('h1', {}, icon('beaker'), ' PromptCost Playground'), parts.source, h('div', { class: 'actions' }, parts.run, parts.cancel, parts.apply, button('Set API Key', 'key', () => send({ type: 'setKey' }), { id: 'set-key' }))),
    parts.notice,
    h(
      'div',
      { class: 'columns' },
      h(
        'section',
        { class: 'form', 'aria-label': 'Prompt' },
        h('label', { for: 'system' }, 'System prompt'),
        parts.system,
        h('div', { class: 'row' }, h('span', { class: 'label' }, 'History'), button('Add turn', 'add', () => addTurn(), { id: 'add-turn', class: 'secondary' })),
        parts.history,
        h('label', { for: 'user' }, 'User message'),
        parts.user,
        parts.variables,
        h('span', { class: 'label' }, 'Models'),
        parts.models,
        h('div', { class: 'row' }, parts.modelInput, parts.modelList, button('Add', 'add', () => addModel(), { id: 'add-model', class: 'secondary' })),
        parts.steps,
      ),
      h('div', { class: 'results' }, h('h2', {}, 'Before running'), parts.preview, h('h2', {}, 'Answers'), parts.runs),
    ),
    h('h2', {}, 'Batch'),
    h(
      'section',
      { class: 'card batch', id: 'batch', 'aria-label': 'Batch' },
      h('label', { for: 'batch-rows' }, 'Rows (one request each, sent to the first model through its batch API)'),
      parts.batchRows,
      h('div', { class: 'row' }, parts.batchSubmit, parts.batchCancel),
      parts.batchStatus,
      parts.batchTotals,
      h('table', { class: 'batch-results' }, h('thead', {}, h('tr', {}, h('th', { class: 'num' }, '#'), h('th', {}, 'user message'), h('th', {}, 'answer'), h('th', { class: 'num' }, 'tokens in/out'), h('th', { class: 'num' }, 'batch cost'), h('th', { class: 'num' }, 'list cost'))), parts.batchBody),
    ),
    h('h2', {}, 'Ledger'),
    parts.ledger,
  );
  app.removeAttribute('aria-busy');
}

function addModel(): void {
  const model = parts.modelInput.value.trim();
  if (!model || state.input.models.includes(model)) return;
  if (state.input.models.length >= 8) return showNotice('error', 'At most 8 models side by side.');
  state.input.models.push(model);
  parts.modelInput.value = '';
  renderModels();
  schedulePreview();
}

function addTurn(): void {
  const last = state.input.history[state.input.history.length - 1];
  state.input.history.push({ role: last?.role === 'user' ? 'assistant' : 'user', content: '' });
  renderHistory();
  (parts.history.querySelector('.turn:last-child textarea') as HTMLTextAreaElement | null)?.focus();
}

function renderHistory(): void {
  parts.history.replaceChildren(
    ...state.input.history.map((turn, i) => {
      const role = h('select', { 'aria-label': `Role of turn ${i + 1}` }, h('option', { value: 'user' }, 'user'), h('option', { value: 'assistant' }, 'assistant'));
      role.value = turn.role;
      role.addEventListener('change', () => {
        turn.role = role.value === 'assistant' ? 'assistant' : 'user';
        schedulePreview();
      });
      const text = h('textarea', { rows: 2, 'aria-label': `Turn ${i + 1}` });
      text.value = turn.content;
      text.addEventListener('input', () => {
        turn.content = text.value;
        schedulePreview();
      });
      const remove = button('', 'close', () => {
        state.input.history.splice(i, 1);
        renderHistory();
        schedulePreview();
      }, { class: 'icon', 'aria-label': `Remove turn ${i + 1}`, title: 'Remove this turn' });
      return h('div', { class: 'turn' }, role, text, remove);
    }),
  );
}

/** One input per `{placeholder}` of the system and user text; values survive edits that keep the name. */
function renderVariables(): void {
  const names = placeholders(`${state.input.system}\n${state.input.user}`);
  const values: Record<string, string> = {};
  for (const name of names) values[name] = state.input.variables[name] ?? '';
  state.input.variables = values;
  const shown = [...parts.variables.querySelectorAll('input')].map((i) => i.dataset.name).join('\u0000');
  if (shown === names.join('\u0000')) return;
  parts.variables.replaceChildren(
    ...(names.length ? [h('span', { class: 'label' }, 'Variables')] : []),
    ...names.map((name) => {
      const input = h('input', { id: `var-${name}`, 'data-name': name, placeholder: `value of {${name}}` });
      input.value = values[name];
      input.addEventListener('input', () => {
        state.input.variables[name] = input.value;
        schedulePreview();
      });
      return h('div', { class: 'variable' }, h('label', { for: `var-${name}` }, h('code', {}, `{${name}}`)), input);
    }),
  );
}

function renderModels(): void {
  parts.models.replaceChildren(
    ...state.input.models.map((model, i) =>
      h(
        'li',
        { class: 'chip' },
        h('span', {}, model),
        button('', 'close', () => {
          state.input.models.splice(i, 1);
          renderModels();
          schedulePreview();
        }, { class: 'icon', 'aria-label': `Remove ${model}`, title: `Remove ${model}` }),
      ),
    ),
  );
}

function renderSource(source: SourceView | null): void {
  state.source = source;
  parts.source.textContent = source ? `From ${source.label}` : 'Not linked to code';
  parts.apply.disabled = !source?.canApply;
  parts.apply.title = source?.canApply ? 'Write the optimized prompt over the literal it came from' : (source?.why ?? 'Open the playground from a code lens to write back to the source');
}

const money = (usd: number | null) => (usd === null ? 'no price' : formatUsd(usd));

function renderPreview(previews: readonly ModelPreview[]): void {
  parts.preview.replaceChildren(
    ...previews.map((preview) => {
      const rows = preview.rows.map((row) =>
        h(
          'tr',
          {},
          h('td', {}, row.step),
          h('td', { class: 'mono' }, row.model),
          h('td', { class: 'num' }, formatTokens(row.inputTokens, row.estimate)),
          h('td', { class: 'num' }, money(row.costUsd)),
          h('td', { class: `num ${row.savedUsd && row.savedUsd > 0 ? 'saved' : ''}` }, row.savedUsd === null ? '' : row.savedUsd === 0 ? '—' : `−${formatUsd(row.savedUsd)}`),
          h('td', { class: 'detail' }, row.detail),
        ),
      );
      const table = h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', {}, 'step'), h('th', {}, 'model'), h('th', { class: 'num' }, 'input tokens'), h('th', { class: 'num' }, '$/call'), h('th', { class: 'num' }, 'saved'), h('th', {}, 'what it did'))),
        h('tbody', {}, ...rows),
      );
      const diffs = preview.diffs.map((diff) =>
        h(
          'details',
          { class: 'diff', open: diff.segments.some((seg) => seg.kind !== 'same') },
          h('summary', {}, `Optimized ${diff.role} prompt`, diff.segments.some((seg) => seg.kind !== 'same') ? '' : ' (unchanged)'),
          h('pre', {}, ...diff.segments.map((seg) => (seg.kind === 'same' ? seg.text : h(seg.kind === 'added' ? 'ins' : 'del', {}, seg.text)))),
        ),
      );
      return h('article', { class: 'card', 'data-model': preview.model }, h('h3', {}, preview.model), preview.problem ? h('p', { class: 'warn' }, icon('warning'), ' ', preview.problem) : null, table, ...diffs);
    }),
  );
}

function renderRuns(): void {
  parts.run.disabled = state.running;
  parts.cancel.disabled = !state.running;
  parts.runs.replaceChildren(
    ...[...state.runs].map(([model, run]) => {
      const answer = h('pre', { class: 'answer', 'data-model': model }, run.text, run.cut ? h('em', {}, '\n[answer cut at 200,000 characters]') : null);
      return h('article', { class: 'card run', 'data-model': model }, h('h3', {}, model), answer, run.error ? h('p', { class: 'error' }, icon('error'), ' ', run.error) : null, run.result ? stats(run.result) : !run.error ? h('p', { class: 'muted' }, icon('loading'), ' running...') : null);
    }),
  );
}

function stats(r: RunSummary): HTMLElement {
  const row = (label: string, value: string, field: string) => h('tr', {}, h('th', {}, label), h('td', { 'data-field': field }, value));
  const est = r.reportedUsage ? '' : ' (counted, not reported)';
  return h(
    'table',
    { class: 'stats', 'data-model': r.requestedModel },
    h(
      'tbody',
      {},
      row('answered by', r.model === r.requestedModel ? r.model : `${r.model} (asked: ${r.requestedModel})`, 'model'),
      row('input tokens', `${formatTokens(r.inputTokens)}${est}`, 'input'),
      row('output tokens', formatTokens(r.outputTokens), 'output'),
      row('cached input tokens', formatTokens(r.cachedInputTokens), 'cached-input'),
      row('cost', money(r.costUsd), 'cost'),
      row('latency', `${Math.round(r.latencyMs)} ms`, 'latency'),
      row('cache', r.cached ? 'hit' : 'miss', 'cache'),
      row('routing', r.routeWhy.join('; ') || 'off', 'route'),
      r.fallback ? row('fallback', `${r.fallback.from} failed: ${r.fallback.reason}`, 'fallback') : null,
      row('finish', r.finishReason, 'finish'),
    ),
  );
}

function totalsCard(title: string, t: LedgerTotalsView, id: string): HTMLElement {
  return h('div', { class: 'card stat', id }, h('span', { class: 'label' }, title), h('span', { class: 'value' }, formatUsd(t.costUsd)), h('span', { class: 'muted' }, `${t.calls} calls, ${t.cacheHits} from the cache`));
}

function groupTable(title: string, groups: LedgerView['byModel']): HTMLElement {
  return h(
    'table',
    {},
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, h('th', {}, 'name'), h('th', { class: 'num' }, 'calls'), h('th', { class: 'num' }, 'tokens in/out'), h('th', { class: 'num' }, 'cost'))),
    h('tbody', {}, ...groups.map((g) => h('tr', {}, h('td', { class: 'mono' }, g.name), h('td', { class: 'num' }, String(g.calls)), h('td', { class: 'num' }, `${formatTokens(g.inputTokens)} / ${formatTokens(g.outputTokens)}`), h('td', { class: 'num' }, formatUsd(g.costUsd))))),
  );
}

function renderLedger(ledger: LedgerView): void {
  const saved = ledger.savings;
  const savings = (['cache', 'routing', 'compression', 'trimming', 'batching'] as const).map((kind) => h('li', {}, h('span', {}, kind), h('span', { class: 'num' }, formatUsd(saved[kind]))));
  parts.ledger.replaceChildren(
    h('div', { class: 'row' }, button('Refresh', 'refresh', () => send({ type: 'refreshLedger' }), { class: 'secondary', id: 'ledger-refresh' }), button('Export CSV', 'export', () => send({ type: 'exportCsv' }), { class: 'secondary', id: 'ledger-export' })),
    h('div', { class: 'stats-row' }, totalsCard('Today', ledger.today, 'ledger-today'), totalsCard('This month', ledger.month, 'ledger-month'), h('div', { class: 'card stat' }, h('span', { class: 'label' }, 'Saved'), h('span', { class: 'value saved' }, formatUsd(saved.total)), h('ul', { class: 'savings' }, ...savings))),
    h('div', { class: 'card' }, h('h3', {}, 'Spend per day, last 30 days'), dailyChart(ledger.daily)),
    ledger.records === 0 ? h('p', { class: 'muted' }, 'No calls recorded yet.') : h('div', { class: 'columns' }, groupTable('By model', ledger.byModel), groupTable('By provider', ledger.byProvider)),
  );
}

function batchRow(row: BatchRowView): HTMLElement {
  const answer = row.error ? h('span', { class: 'error' }, icon('error'), ' ', row.error) : h('span', {}, row.text ?? '', row.truncated ? h('em', {}, ' [cut]') : null, row.cached ? h('span', { class: 'muted' }, ' (cache hit)') : null);
  return h(
    'tr',
    { 'data-index': row.index },
    h('td', { class: 'num' }, String(row.index + 1)),
    h('td', { class: 'clip', title: row.user }, row.user),
    h('td', { class: 'clip', title: row.error ?? row.text ?? '' }, answer),
    h('td', { class: 'num' }, row.error ? '' : `${formatTokens(row.inputTokens)} / ${formatTokens(row.outputTokens)}`),
    h('td', { class: 'num', 'data-field': 'batch-cost' }, row.error ? '' : money(row.costUsd)),
    h('td', { class: 'num muted' }, row.listCostUsd === null ? '' : money(row.listCostUsd)),
  );
}

function renderBatchTotals(t: BatchTotalsView, total: number, done: boolean): void {
  const failed = t.failed ? `, ${t.failed} failed` : '';
  const cached = t.cached ? `, ${t.cached} from the cache` : '';
  parts.batchTotals.replaceChildren(
    h('span', {}, `${t.rows} of ${total} rows${failed}${cached}${done ? '' : ' so far'}: `),
    h('strong', { 'data-field': 'batch-total' }, formatUsd(t.costUsd)),
    h('span', { class: 'muted' }, ` at the batch rate (list rate ${formatUsd(t.listCostUsd)}, `),
    h('span', { class: 'saved', 'data-field': 'batch-saved' }, `saved ${formatUsd(t.savedUsd)}`),
    h('span', { class: 'muted' }, ')'),
  );
}

/** Rows of the current batch, and how many results have arrived. */
let batchTotal = 0;
let batchRead = 0;

function batchEvent(event: Extract<PlaygroundEvent, { type: `batch${string}` }>): void {
  if (event.type === 'batchStarted') {
    state.batchRun = event.batchRun;
    state.batching = true;
    batchTotal = event.total;
    batchRead = 0;
    parts.batchBody.replaceChildren();
    parts.batchTotals.replaceChildren();
    parts.batchStatus.replaceChildren(icon('loading'), ` Preparing ${event.total} requests for ${event.model}...`);
  } else if (event.batchRun !== state.batchRun) {
    return;
  } else if (event.type === 'batchStatus') {
    parts.batchStatus.replaceChildren(icon('loading'), ` ${event.message}`);
  } else if (event.type === 'batchRow') {
    parts.batchBody.append(batchRow(event.row));
    batchRead++;
    parts.batchStatus.replaceChildren(icon('loading'), ` Reading results: ${batchRead} of ${batchTotal}`);
  } else {
    state.batching = false;
    renderBatchTotals(event.totals, batchTotal, event.type === 'batchDone');
    if (event.type === 'batchDone') parts.batchStatus.replaceChildren(icon('pass'), ' Batch done.');
    else if (event.type === 'batchCancelled') parts.batchStatus.replaceChildren(icon('debug-stop'), ' ', event.message);
    else parts.batchStatus.replaceChildren(h('span', { class: 'error' }, icon('error'), ' ', event.message));
  }
  parts.batchSubmit.disabled = state.batching;
  parts.batchCancel.disabled = !state.batching;
}

function load(event: Extract<PlaygroundEvent, { type: 'load' }>): void {
  state.input = event.input;
  parts.system.value = event.input.system;
  parts.user.value = event.input.user;
  for (const step of STEP_SWITCHES) (document.getElementById(`step-${step}`) as HTMLInputElement).checked = event.input.steps[step];
  parts.modelList.replaceChildren(...event.suggestions.map((id) => h('option', { value: id })));
  renderSource(event.source);
  renderHistory();
  parts.variables.replaceChildren();
  renderVariables();
  renderModels();
  state.runs.clear();
  renderRuns();
  schedulePreview();
  (event.input.user ? parts.run : parts.user).focus();
}

function receive(event: PlaygroundEvent): void {
  switch (event.type) {
    case 'load':
      return load(event);
    case 'preview':
      return renderPreview(event.previews);
    case 'runStarted':
      state.runId = event.runId;
      state.running = true;
      state.runs = new Map(event.models.map((m) => [m, { text: '', cut: false }]));
      parts.notice.replaceChildren();
      return renderRuns();
    case 'chunk': {
      const run = event.runId === state.runId ? state.runs.get(event.model) : undefined;
      if (!run || run.cut) return;
      run.text += event.text;
      if (run.text.length > MAX_STREAM_CHARS) {
        run.text = run.text.slice(0, MAX_STREAM_CHARS);
        run.cut = true;
      }
      const pre = parts.runs.querySelector(`pre.answer[data-model="${CSS.escape(event.model)}"]`);
      if (pre) pre.textContent = run.text;
      return;
    }
    case 'runDone':
    case 'runFailed': {
      const run = event.runId === state.runId ? state.runs.get(event.model) : undefined;
      if (!run) return;
      if (event.type === 'runDone') {
        run.result = event.result;
        // A cache hit or a late reader: the result carries the whole answer.
        if (!run.cut && event.result.text.length >= run.text.length) run.text = event.result.text;
      } else run.error = event.message;
      state.running = [...state.runs.values()].some((r) => !r.result && !r.error);
      return renderRuns();
    }
    case 'ledger':
      return renderLedger(event.ledger);
    case 'notice':
      return showNotice(event.level, event.message);
    case 'batchStarted':
    case 'batchStatus':
    case 'batchRow':
    case 'batchDone':
    case 'batchFailed':
    case 'batchCancelled':
      return batchEvent(event);
  }
}

window.addEventListener('message', (message: MessageEvent) => {
  const event = parsePlaygroundEvent(message.data);
  if (event) receive(event);
});

buildForm();
send({ type: 'ready' });
