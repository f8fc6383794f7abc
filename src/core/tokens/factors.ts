/**
 * Calibrated factors that turn an o200k_base count into an estimate for a family without a local
 * tokenizer. Every factor carries its source; docs/token-factors.md has the corpus, the raw counts
 * and the method. `latin` applies to the tokens of Latin-script text, code and symbols; `nonLatin`
 * to the tokens of runs in other scripts (CJK, Hangul, Cyrillic, Arabic, ...).
 *
 * Measured corpus ratios used below (o200k_base = 1; mean of per-corpus ratios):
 *   cl100k_base / o200k_base: Latin 0.999 (English prompts 1.006, code 0.992),
 *   non-Latin 1.475 (ja 1.464, zh-cn 1.324, zh-tw 1.424, ko 1.524, ru 1.641).
 */
import type { EstimatedFamily } from './families';

export interface FamilyFactor {
  latin: number;
  nonLatin: number;
  /** Where the numbers come from, shown beside every estimate. */
  source: string;
}

/** cl100k_base/o200k_base ratios measured on our calibration corpus (see the header). */
const CL100K_PER_O200K = { latin: 0.999, nonLatin: 1.475 };

/** Converts a "N times cl100k_base" measurement into o200k-relative factors per script. */
function fromCl100k(timesCl100k: number): Pick<FamilyFactor, 'latin' | 'nonLatin'> {
  return { latin: timesCl100k * CL100K_PER_O200K.latin, nonLatin: timesCl100k * CL100K_PER_O200K.nonLatin };
}

const CORPUS = 'corpus: awesome-chatgpt-prompts prompts.csv + 174 KB TS/JS code (Latin); TypeScript diagnostic messages ja/zh-cn/zh-tw/ko/ru (non-Latin)';

export const FAMILY_FACTORS: Readonly<Record<EstimatedFamily, FamilyFactor>> = {
  'claude-legacy': {
    latin: 1.075,
    nonLatin: 1.42,
    source:
      'Claude 3.x/3.5/3.7, Sonnet 4/4.5, Opus 4/4.1 tokenizer measured at 1.06-1.09x o200k_base on English and code (midpoint 1.075) and 1.42x on non-Latin text',
  },
  'claude-2025': {
    ...fromCl100k(1.17),
    source: `Sonnet 4.6 / Haiku 4.5 tokenizer measured at 1.17x cl100k_base; converted with cl100k/o200k = ${CL100K_PER_O200K.latin} (Latin), ${CL100K_PER_O200K.nonLatin} (non-Latin, assumes the same 1.17x holds there)`,
  },
  'claude-opus-4.7': {
    ...fromCl100k(1.62),
    source: `Opus 4.7 tokenizer measured at 1.62x cl100k_base; converted with cl100k/o200k = ${CL100K_PER_O200K.latin} (Latin), ${CL100K_PER_O200K.nonLatin} (non-Latin, assumes the same 1.62x holds there)`,
  },
  gemini: {
    latin: 1.08,
    nonLatin: 0.83,
    source: `Gemma 3 SentencePiece tokenizer (the Gemini 2.0 vocabulary, 262k) counted against o200k_base: English 1.015, code 1.152, non-Latin 0.71-0.94; ${CORPUS}`,
  },
  llama: {
    latin: 1.0,
    nonLatin: 1.04,
    source: `Llama 3.1 tokenizer (128k tiktoken-style BPE) counted against o200k_base: English 1.006, code 0.992, non-Latin 0.94-1.16; ${CORPUS}`,
  },
  mistral: {
    latin: 1.03,
    nonLatin: 1.12,
    source: `Mistral Tekken tokenizer (v3, 2024-07-18 vocabulary) counted against o200k_base: English 1.028, code 1.037, non-Latin 0.99-1.35; ${CORPUS}`,
  },
  deepseek: {
    latin: 1.03,
    nonLatin: 0.99,
    source: `DeepSeek-V3 tokenizer (128k byte-level BPE) counted against o200k_base: English 1.009, code 1.052, non-Latin 0.81-1.16; ${CORPUS}`,
  },
  qwen: {
    latin: 1.0,
    nonLatin: 1.07,
    source: `Qwen3 tokenizer (151k byte-level BPE) counted against o200k_base: English 1.008, code 0.994, non-Latin 0.94-1.24; ${CORPUS}`,
  },
  other: {
    latin: 1.0,
    nonLatin: 1.0,
    source: 'no published or measured tokenizer for this model: o200k_base count used as is (assumption)',
  },
};
