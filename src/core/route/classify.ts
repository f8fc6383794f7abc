import { extractFeatures, type PromptFeatures } from './features';
import { TASKS, type Classification, type Complexity, type Task } from './model';

/**
 * The task and complexity of a prompt, from the features of its text: a score per task from the
 * signals below (each signal says in plain words why it counted), and a complexity score from
 * length, structure and requested output. Deterministic: the same text always gives the same answer.
 */

interface Evidence {
  task: Task;
  points: number;
  why: string;
}

/** Weight of the 1st, 2nd, 3rd... instruction verb: the opening instruction matters most. */
const INSTRUCTION_WEIGHTS = [3, 2, 1.5, 1];
const ROLE_WEIGHTS = [2, 1, 0.75];
/** Roles that say little about the task. */
const GENERIC_ROLES = new Set(['assistant', 'expert', 'helper', 'agent', 'guide', 'advisor', 'adviser', 'consultant', 'coach', 'teacher', 'tutor', 'chatbot', 'mentor', 'instructor', 'professor']);

/** Words anywhere in the text that lean towards a task, with the points they add. */
const KEYWORDS: Array<{ task: Task; pattern: RegExp; points: number; label: string }> = [
  { task: 'summarize', pattern: /\bsummar(?:y|ies|i[sz]e|i[sz]ing)\b|\btl;?dr\b|\btakeaways\b|\babstract\b|\brecap\b|\bsynopsis\b/, points: 1.5, label: 'mentions a summary' },
  { task: 'translate', pattern: /\btranslat(?:e|ion|or|ing)\b|\blocali[sz](?:e|ation)\b/, points: 1.5, label: 'mentions translation' },
  { task: 'extract', pattern: /\bextract(?:ion)?\b|\bpull out\b|\bfields?\b|\bnamed entities\b|\bparse\b/, points: 1, label: 'mentions extracting fields' },
  { task: 'classify', pattern: /\bclassif(?:y|ication)\b|\bcategor(?:y|ies|i[sz]e)\b|\blabels?\b|\bsentiment\b|\bintent\b|\bspam\b/, points: 1, label: 'mentions categories or labels' },
  { task: 'rewrite', pattern: /\brewrit(?:e|ten)\b|\brephrase\b|\bparaphrase\b|\bproofread\b|\bgrammar\b|\bspelling\b|\btone\b|\breadab/, points: 1, label: 'mentions rewriting or tone' },
  { task: 'qa', pattern: /\banswer\b.*\bquestions?\b|\bquestions?\b.*\banswer\b|\bcontext below\b|\bonly the context\b|\bi don'?t know\b|\bcite\b/, points: 1, label: 'asks to answer questions' },
  { task: 'code', pattern: /\bcode\b|\bfunction\b|\bbug\b|\bcompile\b|\bsyntax\b|\brepository\b|\bstack trace\b|\bexception\b|\bterminal\b/, points: 1, label: 'talks about code' },
  { task: 'draft', pattern: /\bcreative\b|\bengaging\b|\bcatchy\b|\bcaptivating\b|\bstory\b|\bcopy\b|\bcall to action\b|\baudience\b/, points: 0.75, label: 'asks for creative writing' },
];

/** Placeholder names ({question}, {diff}...) that say what the prompt is fed. */
const SLOT_TASKS: Array<{ task: Task; pattern: RegExp; points: number }> = [
  { task: 'qa', pattern: /^(?:question|query|user_question|context|documents?|excerpts|passages|chunks)$/, points: 1.5 },
  { task: 'code', pattern: /code|diff|snippet|patch|stack_?trace|source/, points: 1.5 },
  { task: 'summarize', pattern: /transcript|article|paper|thread|book|notes|conversation|meeting|messages|chapter/, points: 0.5 },
  { task: 'translate', pattern: /strings|locale|target_lang|language/, points: 0.75 },
];

function collectEvidence(f: PromptFeatures): Evidence[] {
  const evidence: Evidence[] = [];
  const add = (task: Task, points: number, why: string) => evidence.push({ task, points, why });

  f.instructions.slice(0, 6).forEach((instruction, k) => {
    const { verb, object, task } = instruction;
    const said = object ? `"${verb} … ${object}"` : `"${verb}"`;
    add(task, INSTRUCTION_WEIGHTS[k] ?? 0.75, `${k === 0 ? 'opens with the instruction' : 'instruction'} ${said}`);
  });
  f.roles.forEach((role, k) => {
    // A specific role ("language detector", "proofreader") says more than "assistant" or "expert".
    const weight = (ROLE_WEIGHTS[k] ?? 0.75) * (GENERIC_ROLES.has(role.noun) ? 0.75 : 1.5);
    add(role.task, weight, `gives the model the role "${role.noun}"`);
  });

  const reasoning = f.reasoningCues.length > 0 || f.math;
  if (f.choiceQuestion) add(reasoning && f.math ? 'reason' : 'classify', 2.5, 'asks a question that lists its possible answers');
  if (f.sayIn) add('translate', 2.5, 'asks how to say something in another language');
  if (f.puzzle) add('reason', 2.5, 'poses a comparison or logic puzzle');
  if (f.lookupQuestion) add('extract', 2.5, 'asks for a value found in the given text');
  if (f.questions > 0 && f.instructions.length === 0) add('qa', 2, 'is a question');
  else if (f.questions > 0) add('qa', 0.5, 'contains a question');
  if (f.outputFormats.includes('label')) add('classify', 2.5, 'asks for one label or category as the answer');
  if (f.outputFormats.includes('yes-no')) add(f.reasoningCues.includes('justify') ? 'reason' : 'classify', 1.5, 'asks for a yes/no answer');
  if (f.outputFormats.includes('json')) add('extract', 1, 'asks for structured output (JSON/YAML)');
  if (f.outputFormats.includes('table')) add('extract', 0.5, 'asks for a table');
  if (f.outputFormats.includes('bullets')) add('summarize', 0.5, 'asks for bullet points');
  if (f.examples >= 2) add('classify', 1, `gives ${f.examples} input/output examples`);
  if (f.codeBlocks > 0 || f.codeLines >= 2) add('code', 2, f.codeBlocks > 0 ? 'contains a code block' : 'contains lines of code');
  if (f.programmingLanguages.length > 0) add('code', 1, `names ${f.programmingLanguages.slice(0, 2).join(' and ')}`);
  if (f.targetLanguages.length > 0) add('translate', 2, `names a target language (${f.targetLanguages[0]})`);
  if (f.math) add('reason', 1.5, 'contains numbers to work with');
  if (f.reasoningCues.length > 0) {
    add('reason', Math.min(2.5, 0.6 * f.reasoningCues.length), `reasoning words: ${f.reasoningCues.slice(0, 3).join(', ')}`);
  }
  const lower = f.text.toLowerCase();
  for (const keyword of KEYWORDS) if (keyword.pattern.test(lower)) add(keyword.task, keyword.points, keyword.label);
  for (const slot of SLOT_TASKS) {
    const name = f.placeholders.find((p) => slot.pattern.test(p));
    if (name) add(slot.task, slot.points, `is fed a {${name}}`);
  }
  return evidence;
}

/** Adds up the evidence per task; ties go to the task of the opening instruction, then TASKS order. */
function decideTask(f: PromptFeatures, evidence: Evidence[]): { task: Task; confidence: number; why: string[] } {
  const scores = new Map<Task, number>(TASKS.map((t) => [t, 0]));
  for (const e of evidence) scores.set(e.task, (scores.get(e.task) ?? 0) + e.points);
  const opening = f.instructions[0]?.task ?? f.roles[0]?.task;
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || Number(b[0] === opening) - Number(a[0] === opening));
  const [[task, top], [, second]] = ranked;
  if (top === 0) return { task: 'qa', confidence: 0, why: ['no task signal found; treated as a question'] };
  const why = evidence
    .filter((e) => e.task === task)
    .sort((a, b) => b.points - a.points)
    .slice(0, 4)
    .map((e) => e.why);
  return { task, confidence: Math.round(((top - second) / top) * 100) / 100, why };
}

/** Baseline difficulty of each task before the prompt's own features. */
const TASK_BASE: Record<Task, number> = {
  classify: 0, extract: 0.25, summarize: 0.5, translate: 0, rewrite: 0.25, draft: 0.5, qa: 0.25, reason: 0.75, code: 0.75,
};

/** Complexity score thresholds. */
const MEDIUM_AT = 1.25;
const HIGH_AT = 2.75;

/** Points from the first threshold a value reaches, largest first. */
function tier(value: number, tiers: Array<[number, number]>): number {
  return tiers.find(([at]) => value >= at)?.[1] ?? 0;
}

/** Engineering scope words: several of them mean a system, not a snippet. */
const SCOPE = /\b(?:design|implement|architecture|distributed|production|end-to-end|integration|tests|concurren\w*|race conditions?|security|performance|scal\w+|replicas|migrat\w+)\b/g;

function decideComplexity(f: PromptFeatures, task: Task): { complexity: Complexity; why: string } {
  const parts: string[] = [];
  let score = TASK_BASE[task];
  const bump = (points: number, what: string) => {
    if (points === 0) return;
    score += points;
    parts.push(what);
  };
  bump(tier(f.words, [[450, 2], [250, 1.5], [120, 1], [60, 0.5]]), `${f.words} words of prompt`);
  bump(tier(f.steps, [[5, 1], [3, 0.5]]), `${f.steps} numbered or bulleted points`);
  bump(tier(f.constraints, [[5, 1], [3, 0.5]]), `${f.constraints} requirements (must, keep, never...)`);
  bump(tier(f.directives, [[6, 1], [3, 0.5], [2, 0.25]]), `${f.directives} separate directives`);
  bump(tier(f.listedItems, [[6, 1], [4, 0.5]]), `${f.listedItems} items listed in one sentence`);
  if (f.perItem) bump(0.5, 'asks for something for each item');
  if (f.longSource) bump(0.5, `works over a ${f.longSource}`);
  if (f.citations) bump(0.5, 'asks for citations or references');
  bump(tier(f.specialistDomain.length, [[3, 1], [1, 0.5]]), `specialist material (${f.specialistDomain.slice(0, 2).join(', ')})`);
  bump(tier(f.reasoningCues.length, [[4, 1], [2, 0.5]]), `reasoning asked for (${f.reasoningCues.slice(0, 3).join(', ')})`);
  const scope = new Set(f.text.toLowerCase().match(SCOPE) ?? []);
  if (task === 'code' && scope.size >= 2) bump(1, `engineering scope (${[...scope].slice(0, 3).join(', ')})`);
  if (f.requestedWords !== null) {
    const words = f.requestedWords;
    if (words <= 30) bump(-0.5, `a short answer asked for (about ${words} words)`);
    else bump(tier(words, [[2000, 2], [500, 1], [250, 0.5]]), `about ${words} words of output asked for`);
  }
  bump(tier(f.lengthWords.long.length, [[2, 1], [1, 0.5]]), `asks for a ${f.lengthWords.long.slice(0, 2).join(', ')} answer`);
  if (f.lengthWords.short.length > 0) bump(-0.5, `asks for a ${f.lengthWords.short[0]} answer`);
  if (f.outputFormats.includes('label') || f.outputFormats.includes('yes-no')) bump(-0.75, 'the answer is a label or yes/no');
  if (f.examples >= 2) bump(-0.5, 'worked examples show the expected answer');
  if (f.codeLines >= 15) bump(0.75, `${f.codeLines} lines of code`);
  if (f.words < 15 && f.instructions.length <= 1) bump(-0.5, 'a one-line request');
  const complexity: Complexity = score >= HIGH_AT ? 'high' : score >= MEDIUM_AT ? 'medium' : 'low';
  const because = parts.length > 0 ? parts.join('; ') : 'a short, single-step request';
  return { complexity, why: `complexity ${complexity} (score ${score.toFixed(2)}): ${because}` };
}

/** Classifies a whole prompt (system and user parts joined). */
export function classifyPrompt(text: string): Classification {
  const features = extractFeatures(text);
  const evidence = collectEvidence(features);
  const { task, confidence, why } = decideTask(features, evidence);
  const { complexity, why: complexityWhy } = decideComplexity(features, task);
  return { task, complexity, confidence, why: [...why.map((w) => `${task}: ${w}`), complexityWhy] };
}
