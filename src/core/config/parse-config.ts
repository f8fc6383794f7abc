import Ajv, { type ErrorObject } from 'ajv';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import schema from '../../../schemas/promptcost.schema.json';
import { validateRouting } from '../route/route';
import { DEFAULT_CONFIG, type ConfigProblem, type PromptCostConfig, type RoutingRule, type SeveritySetting } from './model';

export interface ParsedConfig {
  /** The configuration with defaults applied; null when errors make the file unusable. */
  config: PromptCostConfig | null;
  problems: ConfigProblem[];
}

let validator: ReturnType<Ajv['compile']> | undefined;
/** Compiled on first use, never at import: activation stays cheap. */
function validate(data: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validator(data) ? [] : (validator.errors ?? []);
}

function locate(lines: LineCounter, start: number, end: number): Pick<ConfigProblem, 'start' | 'end' | 'line' | 'column'> {
  const { line, col } = lines.linePos(start);
  return { start, end: Math.max(end, start), line, column: col };
}

/** The YAML node at a JSON pointer such as `/routing/0/when`, or the nearest existing parent. */
function nodeAt(doc: Document, pointer: string): YamlNode | null {
  const path = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p)), true) as YamlNode | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) return node;
  }
  return null;
}

/** The key node of `property` inside the map at `pointer`, for unknown-key warnings. */
function keyNode(doc: Document, pointer: string, property: string): YamlNode | null {
  const parent = nodeAt(doc, pointer);
  if (!parent || !isMap(parent)) return null;
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === property);
  return pair && isScalar(pair.key) ? pair.key : null;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath ? `'${error.instancePath.slice(1).replace(/\//g, '.')}'` : 'the file';
  switch (error.keyword) {
    case 'type':
      return `${where} must be ${error.params.type === 'integer' ? 'a whole number' : `a ${error.params.type}`}.`;
    case 'enum':
      return `${where} must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'minimum':
      return `${where} must be ${error.params.limit} or more.`;
    case 'minLength':
      return `${where} must not be empty.`;
    case 'pattern':
      return `${where} must match ${error.params.pattern} (see the schema's description of the key).`;
    case 'exclusiveMinimum':
      return `${where} must be more than ${error.params.limit}.`;
    case 'required':
      return `${where} needs '${error.params.missingProperty}'.`;
    default:
      return `${where} ${error.message ?? 'is not valid'}.`;
  }
}

/**
 * Reads .promptcost.yaml text: YAML syntax errors and schema errors come back located at
 * line and column; unknown keys are warnings. The caller keeps its last good config when
 * `config` is null.
 */
export function parseConfig(text: string): ParsedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const problems: ConfigProblem[] = [];
  for (const error of doc.errors) {
    problems.push({
      severity: 'error',
      message: `YAML syntax: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}. Fix the YAML so the file parses.`,
      ...locate(lines, error.pos[0], error.pos[1]),
    });
  }
  if (problems.length > 0) return { config: null, problems };
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    const range = doc.contents?.range ?? [0, 0];
    problems.push({ severity: 'error', message: 'The file must be a mapping of keys (defaultModel, volume, routing, ...).', ...locate(lines, range[0], range[1]) });
    return { config: null, problems };
  }
  for (const error of validate(data)) {
    if (error.keyword === 'oneOf') continue; // its branches report the specific cause
    if (error.keyword === 'additionalProperties') {
      const property = String(error.params.additionalProperty);
      const node = keyNode(doc, error.instancePath, property) ?? nodeAt(doc, error.instancePath);
      const [start, end] = node?.range ?? [0, 0];
      problems.push({ severity: 'warning', message: `Unknown key '${property}' is ignored. Check its spelling against the PromptCost schema.`, ...locate(lines, start, end) });
      continue;
    }
    const node = nodeAt(doc, error.instancePath);
    const [start, end] = node?.range ?? [0, 0];
    problems.push({ severity: 'error', message: describe(error), ...locate(lines, start, end) });
  }
  if (problems.some((p) => p.severity === 'error')) return { config: null, problems };
  const config = toConfig(data as Record<string, unknown>, doc);
  for (const problem of validateRouting(config.routing)) {
    const at = config.routing[problem.ruleIndex].whenSpan?.start ?? 0;
    problems.push({ severity: 'error', message: `Routing rule ${problem.ruleIndex + 1}: ${problem.message}`, ...locate(lines, at + problem.start, at + problem.end) });
  }
  if (problems.some((p) => p.severity === 'error')) return { config: null, problems };
  return { config, problems };
}

/** Offsets of a scalar's value inside the file: past the opening quote of a quoted scalar. */
function valueSpan(node: YamlNode | undefined): { start: number; end: number } | null {
  if (!node?.range) return null;
  const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
  return quoted ? { start: node.range[0] + 1, end: node.range[1] - 1 } : { start: node.range[0], end: node.range[1] };
}

function toConfig(data: Record<string, unknown>, doc: Document): PromptCostConfig {
  const volume = data.volume;
  const byPath: PromptCostConfig['volume']['byPath'] = [];
  let defaultVolume = DEFAULT_CONFIG.volume.default;
  if (typeof volume === 'number') defaultVolume = volume;
  else if (volume && typeof volume === 'object') {
    for (const [key, calls] of Object.entries(volume as Record<string, number>)) {
      if (key === 'default') defaultVolume = calls;
      else byPath.push({ glob: key, calls });
    }
  }
  const routing: RoutingRule[] = ((data.routing as Array<{ when: string; model: string }>) ?? []).map((rule, i) => {
    const node = doc.getIn(['routing', i, 'when'], true) as YamlNode | undefined;
    return { when: rule.when, model: rule.model, whenSpan: valueSpan(node) };
  });
  const rules: PromptCostConfig['rules'] = {};
  for (const [id, value] of Object.entries((data.rules as Record<string, unknown>) ?? {})) {
    if (typeof value === 'string') rules[id] = { severity: value as SeveritySetting, options: {} };
    else {
      const { severity, ...options } = value as { severity?: SeveritySetting };
      rules[id] = { severity, options };
    }
  }
  return {
    defaultModel: (data.defaultModel as string) ?? DEFAULT_CONFIG.defaultModel,
    expectedOutputTokens: (data.expectedOutputTokens as number) ?? DEFAULT_CONFIG.expectedOutputTokens,
    volume: { default: defaultVolume, byPath },
    compareModels: (data.compareModels as string[]) ?? [],
    routing,
    rules,
    budgets: (data.budgets as PromptCostConfig['budgets']) ?? {},
    providers: (data.providers as PromptCostConfig['providers']) ?? {},
    models: (data.models as PromptCostConfig['models']) ?? {},
    ignore: (data.ignore as string[]) ?? [],
    cache: (data.cache as PromptCostConfig['cache']) ?? {},
    optimizer: (data.optimizer as PromptCostConfig['optimizer']) ?? {},
  };
}
