import { analyzeSource, type SourceLanguage } from '../../src/core/extract/index';
import { Grammars } from '../../src/core/extract/parser';
import { fileGrammarSource } from '../../src/runtime/grammar-files';
import { DEFAULT_CORPUS_DIR, loadCorpus } from './labels';
import { metrics, scoreFile, sumAccuracy, sumCounts, type FileScore, type Finding, type Metrics } from './score';

/** Everything the eval measured, as printed by extract-eval.ts and read by the corpus test. */
export interface EvalReport {
  corpusDir: string;
  fixtures: number;
  prompts: Metrics;
  calls: Metrics;
  /** Calls of the files' own wrapper functions, which the labels do not list. */
  wrapperCalls: number;
  byLanguage: Record<SourceLanguage, { fixtures: number; prompts: Metrics; calls: Metrics }>;
  accuracy: {
    promptRole: { correct: number; total: number; rate: number };
    callModel: { correct: number; total: number; rate: number };
    callBound: { correct: number; total: number; rate: number };
    callInLoop: { correct: number; total: number; rate: number };
  };
  missedPrompts: Finding[];
  falsePositivePrompts: Finding[];
  missedCalls: Finding[];
  falsePositiveCalls: Finding[];
  attributeMismatches: Finding[];
  /** Notices other than syntax errors (internal errors, skipped files): extraction did not run fully. */
  notices: Finding[];
  labelWarnings: string[];
}

const LANGUAGES: readonly SourceLanguage[] = ['python', 'typescript', 'tsx', 'javascript'];

function summarize(scores: readonly FileScore[]) {
  return {
    fixtures: scores.length,
    prompts: metrics(sumCounts(scores.map((s) => s.prompts))),
    calls: metrics(sumCounts(scores.map((s) => s.calls))),
  };
}

/** Runs the extractors over every labelled fixture and scores them. */
export async function runExtractEval(corpusDir: string = DEFAULT_CORPUS_DIR): Promise<EvalReport> {
  const corpus = loadCorpus(corpusDir);
  const grammars = new Grammars(fileGrammarSource);
  const scores: FileScore[] = [];
  for (const fixture of corpus.fixtures) {
    const analysis = await analyzeSource(grammars, fixture.text, fixture.language, { force: true });
    scores.push(scoreFile(fixture, analysis));
  }
  const total = summarize(scores);
  const byLanguage = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, summarize(scores.filter((s) => s.language === lang))]),
  ) as EvalReport['byLanguage'];
  return {
    corpusDir: corpus.dir,
    fixtures: total.fixtures,
    prompts: total.prompts,
    calls: total.calls,
    wrapperCalls: scores.reduce((n, s) => n + s.wrapperCalls, 0),
    byLanguage,
    accuracy: {
      promptRole: sumAccuracy(scores.map((s) => s.promptRole)),
      callModel: sumAccuracy(scores.map((s) => s.callModel)),
      callBound: sumAccuracy(scores.map((s) => s.callBound)),
      callInLoop: sumAccuracy(scores.map((s) => s.callInLoop)),
    },
    missedPrompts: scores.flatMap((s) => s.missedPrompts),
    falsePositivePrompts: scores.flatMap((s) => s.extraPrompts),
    missedCalls: scores.flatMap((s) => s.missedCalls),
    falsePositiveCalls: scores.flatMap((s) => s.extraCalls),
    attributeMismatches: scores.flatMap((s) => s.mismatches),
    notices: scores.flatMap((s) => s.notices),
    labelWarnings: corpus.warnings,
  };
}
