/**
 * A RuleTester in the manner of ESLint's: each case is real source code that goes through the
 * real pipeline (extract -> price -> the rule), so a rule is tested on what users write.
 *
 * - valid: a code string (TypeScript) or `{ code, language, options, config }`: the rule reports nothing.
 * - invalid: `{ code, language, options, config, output, errors }`: the rule reports exactly `errors`
 *   (message id, data subset, 1-based line and column), and `output` is the text after applying every
 *   safe fix (null: no safe fix). Each error may list `suggestions`: the text after applying each of
 *   its fixes alone, in order, with the fix's title and safety when given.
 */
import * as assert from 'node:assert/strict';
import { priceFile } from '../../../src/core/analysis/price-file';
import { Catalog } from '../../../src/core/catalog';
import { DEFAULT_CONFIG, type PromptCostConfig } from '../../../src/core/config/model';
import { analyzeSource, type SourceLanguage } from '../../../src/core/extract';
import { Grammars } from '../../../src/core/extract/parser';
import { applyEdits, applyFixes } from '../../../src/core/rules/apply-fixes';
import type { Rule } from '../../../src/core/rules/define-rule';
import type { Finding, RuleContext } from '../../../src/core/rules/model';
import { fileGrammarSource } from '../../../src/runtime/grammar-files';

export const grammars = new Grammars(fileGrammarSource);

/** One catalog per set of overrides; building the index is the slow part. */
const catalogs = new Map<string, Catalog>();
export function catalogFor(config: PromptCostConfig): Catalog {
  const key = JSON.stringify(config.models);
  let catalog = catalogs.get(key);
  if (!catalog) {
    catalog = new Catalog({ overrides: config.models, at: new Date('2026-01-01T00:00:00Z') });
    catalogs.set(key, catalog);
  }
  return catalog;
}

export interface CaseInput<Options> {
  code: string;
  /** Defaults to TypeScript. */
  language?: SourceLanguage;
  options?: Partial<Options>;
  /** Configuration fields to set over the defaults. */
  config?: Partial<PromptCostConfig>;
  /** Workspace-relative path, for volume globs. */
  path?: string;
  /** Shown as the test title instead of the code. */
  name?: string;
}

export interface ExpectedSuggestion {
  title?: string;
  safe?: boolean;
  output: string;
}

export interface ExpectedError<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  line?: number;
  column?: number;
  suggestions?: ExpectedSuggestion[];
}

export interface InvalidCase<Options, MessageId extends string> extends CaseInput<Options> {
  output: string | null;
  errors: ExpectedError<MessageId>[];
}

export type ValidCase<Options> = string | CaseInput<Options>;

export function configOf(overrides: Partial<PromptCostConfig> = {}): PromptCostConfig {
  return { ...DEFAULT_CONFIG, ...overrides };
}

/** Runs the pipeline and one rule over `input`. */
export async function runRule<Options>(rule: Rule, input: CaseInput<Options>): Promise<{ findings: Finding[]; ctx: RuleContext }> {
  const language = input.language ?? 'typescript';
  const config = configOf(input.config);
  const catalog = catalogFor(config);
  const analysis = await analyzeSource(grammars, input.code, language, { force: true });
  const file = priceFile(analysis, { relativePath: input.path ?? `src/example.${language === 'python' ? 'py' : 'ts'}`, config, catalog });
  const ctx: RuleContext = { file, text: input.code, config, catalog };
  return { findings: rule.run(ctx, input.options as Record<string, unknown> | undefined, 'warning'), ctx };
}

/** 1-based line and column of a UTF-16 offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function title(input: CaseInput<unknown>): string {
  if (input.name) return input.name;
  // The last lines hold the call; shared import headers would make every title look the same.
  const tail = input.code.trim().split('\n').slice(-3).join(' ').replace(/\s+/g, ' ');
  return `${input.language ?? 'typescript'}: ${tail.length > 110 ? `...${tail.slice(-107)}` : tail}`;
}

/** Declares one mocha suite for `rule` with a test per case. */
export function ruleTester<Options, MessageId extends string>(
  rule: Rule,
  cases: { valid: ValidCase<Options>[]; invalid: InvalidCase<Options, MessageId>[] },
): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const valid of cases.valid) {
        const input: CaseInput<Options> = typeof valid === 'string' ? { code: valid } : valid;
        it(title(input), async () => {
          const { findings } = await runRule(rule, input);
          assert.deepEqual(
            findings.map((f) => f.message),
            [],
            'expected no findings',
          );
        });
      }
    });
    describe('invalid', () => {
      for (const invalid of cases.invalid) {
        it(title(invalid), async () => {
          const { findings } = await runRule(rule, invalid);
          assert.equal(findings.length, invalid.errors.length, `expected ${invalid.errors.length} finding(s), got: ${JSON.stringify(findings.map((f) => f.message), null, 1)}`);
          invalid.errors.forEach((expected, i) => {
            const finding = findings[i];
            assert.equal(finding.messageId, expected.messageId, finding.message);
            assert.ok(finding.message.length > 0 && !/\{\{/.test(finding.message), `unfilled placeholder in: ${finding.message}`);
            if (expected.data) assert.deepEqual(Object.fromEntries(Object.keys(expected.data).map((k) => [k, finding.data[k]])), expected.data);
            const at = positionOf(invalid.code, finding.span.start);
            if (expected.line !== undefined) assert.equal(at.line, expected.line, 'line');
            if (expected.column !== undefined) assert.equal(at.column, expected.column, 'column');
            if (expected.suggestions) {
              assert.equal(finding.fixes.length, expected.suggestions.length, `fixes: ${JSON.stringify(finding.fixes.map((f) => f.title))}`);
              expected.suggestions.forEach((suggestion, j) => {
                const fix = finding.fixes[j];
                if (suggestion.title !== undefined) assert.equal(fix.title, suggestion.title);
                if (suggestion.safe !== undefined) assert.equal(fix.safe, suggestion.safe);
                assert.equal(applyEdits(invalid.code, fix.edits), suggestion.output);
              });
            }
          });
          const fixed = applyFixes(invalid.code, findings);
          assert.equal(fixed.applied > 0 ? fixed.text : null, invalid.output, 'output after safe fixes');
        });
      }
    });
  });
}
