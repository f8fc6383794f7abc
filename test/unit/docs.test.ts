/**
 * The rule docs are under test, as typescript-eslint's are: every rule has a page and every page a
 * rule; the frontmatter matches the rule's meta; each option key has a heading; every example runs
 * through the real pipeline (incorrect examples report at least once, correct ones never); and the
 * rendered results are snapshotted per rule. Run with UPDATE_SNAPSHOTS=1 to rewrite the snapshots.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { PromptCostConfig } from '../../src/core/config/model';
import type { SourceLanguage } from '../../src/core/extract';
import { RULES, type Finding } from '../../src/core/rules';
import { positionOf, runRule } from './rules/rule-tester';

const ROOT = path.resolve(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs/rules');
const SNAPSHOTS = path.join(__dirname, '__snapshots__/docs');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

const FENCE_LANGUAGES: Record<string, SourceLanguage> = { python: 'python', py: 'python', ts: 'typescript', typescript: 'typescript', tsx: 'tsx', js: 'javascript', javascript: 'javascript' };

interface Example {
  kind: 'incorrect' | 'correct';
  language: SourceLanguage;
  code: string;
  options?: Record<string, unknown>;
  config?: Partial<PromptCostConfig>;
  /** 1-based line of the fence in the page, for messages. */
  line: number;
}

interface Page {
  frontmatter: Record<string, unknown>;
  body: string;
  examples: Example[];
}

function readPage(id: string): Page {
  const text = fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  assert.ok(match, `${id}.md: frontmatter missing`);
  const frontmatter = parseYaml(match[1]) as Record<string, unknown>;
  const body = match[2];
  const examples: Example[] = [];
  const fence = /^```(\w+) (incorrect|correct)(?: (\{.*\}))?\n([\s\S]*?)^```$/gm;
  for (const m of text.matchAll(fence)) {
    const language = FENCE_LANGUAGES[m[1]];
    assert.ok(language, `${id}.md: unknown fence language ${m[1]}`);
    const annotations = m[3] ? (JSON.parse(m[3]) as { options?: Record<string, unknown>; config?: Partial<PromptCostConfig> }) : {};
    examples.push({ kind: m[2] as Example['kind'], language, code: m[4], options: annotations.options, config: annotations.config, line: text.slice(0, m.index).split('\n').length });
  }
  return { frontmatter, body, examples };
}

/** The `## name` section of a page, up to the next `## ` heading. */
function section(body: string, name: string): string | undefined {
  const start = body.search(new RegExp(`^## ${name}$`, 'm'));
  if (start < 0) return undefined;
  const rest = body.slice(start + name.length + 3);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

/** An example with its findings under the lines they start on, stylish-like. */
function render(example: Example, findings: Finding[]): string {
  const lines = example.code.replace(/\n$/, '').split('\n');
  const out: string[] = [`=== ${example.kind} (${example.language}) at line ${example.line}${example.options ? ` options ${JSON.stringify(example.options)}` : ''}`];
  lines.forEach((line, i) => {
    out.push(`${String(i + 1).padStart(3)} | ${line}`);
    for (const finding of findings) {
      const at = positionOf(example.code, finding.span.start);
      if (at.line !== i + 1) continue;
      const end = positionOf(example.code, finding.span.end);
      const width = Math.max(1, (end.line === at.line ? end.column : line.length + 1) - at.column);
      out.push(`    | ${' '.repeat(at.column - 1)}${'~'.repeat(width)}`);
      out.push(`    | ${at.line}:${at.column} ${finding.severity} ${finding.message} [${finding.ruleId}]`);
      for (const fix of finding.fixes) out.push(`    |   fix (${fix.safe ? 'safe' : 'unsafe'}): ${fix.title}`);
    }
  });
  return out.join('\n');
}

describe('rule docs', () => {
  const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));

  it('has a page for every rule and a rule for every page', () => {
    assert.deepEqual([...pages].sort(), [...RULES.keys()].sort());
  });

  it('names every rule after its file', () => {
    for (const id of RULES.keys()) {
      const file = path.join(ROOT, 'src/core/rules', `${id}.ts`);
      assert.ok(fs.existsSync(file), `missing ${file}`);
      assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`id: '${id}'`));
    }
  });

  it('keeps no snapshot of a rule that is gone', () => {
    if (!fs.existsSync(SNAPSHOTS)) return;
    const orphans = fs.readdirSync(SNAPSHOTS).filter((f) => !RULES.has(f.replace(/\.snap$/, '')));
    assert.deepEqual(orphans, []);
  });

  for (const rule of RULES.values()) {
    const { id } = rule.meta;
    describe(id, () => {
      it('matches the rule meta in its frontmatter and sections', () => {
        const page = readPage(id);
        assert.equal(page.frontmatter.title, id);
        assert.equal(page.frontmatter.description, rule.meta.description);
        assert.equal(page.frontmatter.kind, rule.meta.kind);
        assert.equal(page.frontmatter.severity, rule.meta.defaultSeverity);
        assert.equal(page.frontmatter.fixable, rule.meta.fixable);
        assert.ok(Array.isArray(page.frontmatter.further_reading) && page.frontmatter.further_reading.length > 0, 'further_reading');
        for (const name of ['Rule Details', 'Options', 'When Not To Use It', 'Further Reading']) assert.ok(section(page.body, name) !== undefined, `section ${name}`);
      });

      it('has one Options heading per option key', () => {
        const options = section(readPage(id).body, 'Options')!;
        const headings = [...options.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]);
        const keys = Object.keys(rule.meta.options);
        assert.deepEqual([...headings].sort(), [...keys].sort());
        if (keys.length === 0) assert.match(options, /has no options/);
      });

      it('has examples that behave as labelled, and renders them as snapshotted', async () => {
        const page = readPage(id);
        assert.ok(page.examples.some((e) => e.kind === 'incorrect') && page.examples.some((e) => e.kind === 'correct'), 'needs incorrect and correct examples');
        const rendered: string[] = [];
        for (const example of page.examples) {
          const { findings } = await runRule(rule, { code: example.code, language: example.language, options: example.options, config: example.config });
          if (example.kind === 'incorrect') assert.ok(findings.length > 0, `${id}.md line ${example.line}: an incorrect example reports nothing`);
          else assert.deepEqual(findings.map((f) => f.message), [], `${id}.md line ${example.line}: a correct example reports`);
          rendered.push(render(example, findings));
        }
        const snapshot = `${rendered.join('\n\n')}\n`;
        const file = path.join(SNAPSHOTS, `${id}.snap`);
        if (UPDATE || !fs.existsSync(file)) {
          assert.ok(UPDATE, `no snapshot for ${id}: run with UPDATE_SNAPSHOTS=1`);
          fs.mkdirSync(SNAPSHOTS, { recursive: true });
          fs.writeFileSync(file, snapshot);
        }
        assert.equal(snapshot, fs.readFileSync(file, 'utf8'));
      });
    });
  }
});
