/**
 * The edits that add an output bound to a call, in the call's own argument style: a keyword
 * argument in Python, a property of the options object in JS, inside the generation config for
 * Gemini (created when missing). Returns null whenever the edit could be wrong: arguments passed
 * as a variable, a `**kwargs` or `...spread` that may already carry a bound, a config held in a variable.
 */
import { specFor } from '../../extract/apis';
import type { CallSite, SourceLanguage, TextSpan } from '../../extract/model';
import type { TextEdit } from '../model';
import { scanArguments, type SyntaxFamily } from './argument-list';
import { addEntry, insertEntry } from './insert-entry';

/** Gemini's config argument: `config` in google-genai, `generation_config` / `generationConfig` in the legacy SDKs. */
function geminiContainer(callee: string, family: SyntaxFamily): string {
  const current = family === 'python' ? /(?:^|\.)models\.generate_content/.test(callee) : /(?:^|\.)models\.generateContent/.test(callee);
  if (current) return 'config';
  return family === 'python' ? 'generation_config' : 'generationConfig';
}

/** True when the Python file imports google-genai's `types` module under that name. */
function importsGenaiTypes(text: string): boolean {
  return /^\s*from\s+google\.genai\s+import\s+(?:\(?[^\n]*\btypes\b)|^\s*import\s+google\.genai\.types\s+as\s+types\b/m.test(text);
}

/** The text between the brackets of the list the call's arguments live in, or null when there is none. */
function argumentsInner(text: string, call: CallSite, family: SyntaxFamily): TextSpan | null {
  const span = call.argumentsSpan;
  if (call.argumentStyle === 'keyword' || (call.argumentStyle === 'none' && family === 'python')) return span;
  if (call.argumentStyle === 'object' && text[span.start] === '{' && text[span.end - 1] === '}') return { start: span.start + 1, end: span.end - 1 };
  return null;
}

/** Edits adding a bound inside an existing Gemini config value, or null when its form is not a literal. */
function addToConfig(text: string, valueSpan: TextSpan, family: SyntaxFamily, parameter: string, value: number): TextEdit[] | null {
  const written = text.slice(valueSpan.start, valueSpan.end);
  if (family === 'python') {
    const constructor = /^(?:[\w.]+\.)?(?:GenerateContentConfig|GenerationConfig)\s*\(/.exec(written);
    if (constructor && written.endsWith(')')) {
      return addEntry(text, { start: valueSpan.start + constructor[0].length, end: valueSpan.end - 1 }, 'python', `${parameter}=${value}`, false);
    }
    if (written.startsWith('{') && written.endsWith('}')) {
      return addEntry(text, { start: valueSpan.start + 1, end: valueSpan.end - 1 }, 'python', `"${parameter}": ${value}`, false);
    }
    return null;
  }
  if (written.startsWith('{') && written.endsWith('}')) {
    return addEntry(text, { start: valueSpan.start + 1, end: valueSpan.end - 1 }, 'js', `${parameter}: ${value}`, true);
  }
  return null;
}

export function addBoundEdits(text: string, call: CallSite, language: SourceLanguage, value: number): TextEdit[] | null {
  const parameter = call.boundParameter;
  if (!parameter) return null;
  const family: SyntaxFamily = language === 'python' ? 'python' : 'js';
  const inner = argumentsInner(text, call, family);
  if (!inner) return null;
  const entries = scanArguments(text, inner, family);
  if (entries.some((entry) => entry.key === '**' || entry.key === '...')) return null;
  const padEmpty = family === 'js';
  if (!specFor(call.api)?.boundContainer) {
    return insertEntry(text, inner, entries, family === 'python' ? `${parameter}=${value}` : `${parameter}: ${value}`, padEmpty);
  }
  const container = geminiContainer(call.callee, family);
  const existing = entries.find((entry) => entry.key === container);
  if (existing) return existing.valueStart === existing.start ? null : addToConfig(text, { start: existing.valueStart, end: existing.end }, family, parameter, value);
  let created: string;
  if (family === 'js') created = `${container}: { ${parameter}: ${value} }`;
  else if (container === 'config' && importsGenaiTypes(text)) created = `config=types.GenerateContentConfig(${parameter}=${value})`;
  else created = `${container}={"${parameter}": ${value}}`;
  return insertEntry(text, inner, entries, created, padEmpty);
}
