/**
 * Role boilerplate: the framing around an instruction ("I want you to", "You will", "Your task is
 * to") that a model does not need in order to follow it. Each rewrite leaves the instruction
 * itself, in the imperative.
 */
import { SENTENCE_START } from '../sentences';
import { patternRule, phrase, type CompressRule } from './rule';

const FRAMING = 'the framing around an instruction; the instruction itself stays';

const S = SENTENCE_START;

/** Verbs that open an instruction, for rewrites that join it to the sentence before. */
const IMPERATIVES =
  'Analy[sz]e|Answer|Ask|Check|Compose|Conduct|Correct|Create|Describe|Design|Develop|Devise|Explain|Explore|Find|Generate|Give|Help|Identify|Prepare|Provide|Recommend|Reply|Respond|Research|Review|Suggest|Summari[sz]e|Translate|Use|Write';

/** Verbs after "You will" that describe what happens to the model, not what it must do. */
const NOT_AN_INSTRUCTION = String.raw`(?!(?:not|never|receive|get|see|hear|notice|have|find|encounter|meet|be (?:given|provided|shown|asked|sent|presented|told))\b)`;

/** "You are a helpful assistant." and the like, as a whole sentence. */
export const helpfulAssistant = patternRule({
  id: 'boilerplate/helpful-assistant',
  level: 'safe',
  reason: 'generic assistant boilerplate: every chat model already behaves this way',
  pattern: new RegExp(
    `${S}you are (?:a|an) (?:(?:helpful|friendly|smart|useful|polite|honest|harmless|knowledgeable|intelligent|capable|powerful|advanced|AI|large|language|model),? (?:and )?)*(?:AI )?(?:assistant|chatbot|language model|AI)[.!](?:[ \\t]+|$)`,
    'giu',
  ),
  replace: '',
});

/** "Your goal is to assist users with their questions." as a whole sentence. */
export const assistUsers = patternRule({
  id: 'boilerplate/assist-users',
  level: 'safe',
  reason: 'generic assistant boilerplate: every chat model already behaves this way',
  pattern: new RegExp(
    `${S}your (?:main |primary )?(?:goal|job|task|purpose|role) is to (?:help|assist)(?: and (?:help|assist))? (?:users|the user|people|me)(?: with (?:their|any|your|my) (?:questions|queries|requests|tasks)(?: and (?:questions|queries|requests|tasks))?)?[.!](?:[ \\t]+|$)`,
    'giu',
  ),
  replace: '',
});

/** "I want you to reply" -> "Reply"; "I want you to act as" -> "Act as". */
export const wantYouTo = patternRule({
  id: 'boilerplate/want-you-to',
  level: 'safe',
  reason: FRAMING,
  pattern: phrase(String.raw`i (?:will |'ll |’ll )?(?:just |really |also |only )?(?:want|would like|'d like|’d like|need) you to (?!not\b|never\b)`, 'giu'),
  replace: '',
});

export const wantYouNotTo = patternRule({
  id: 'boilerplate/want-you-not-to',
  level: 'safe',
  reason: FRAMING,
  pattern: phrase(String.raw`i (?:want|would like|'d like|’d like|need) you to (not|never)`, 'giu'),
  replace: (m) => (m[1].toLowerCase() === 'never' ? 'never' : 'do not'),
});

/** "You will need to create" -> "Create", at the start of a sentence. */
export const youWill = patternRule({
  id: 'boilerplate/you-will',
  level: 'safe',
  reason: FRAMING,
  pattern: new RegExp(`${S}you(?: will|'ll|’ll) (?:also )?(?:need to |have to |be able to |be expected to )?${NOT_AN_INSTRUCTION}(?=\\p{L})`, 'giu'),
  replace: '',
});

/** "You should only reply" -> "Only reply"; "You should not" -> "Do not". */
export const youShould = patternRule({
  id: 'boilerplate/you-should',
  level: 'safe',
  reason: FRAMING,
  pattern: new RegExp(`${S}you (?:should|must|need to|have to|are to)(?: also)? (?:(not|never) )?(?=\\p{L})`, 'giu'),
  replace: (m) => (m[1] ? (m[1].toLowerCase() === 'never' ? 'never ' : 'do not ') : ''),
});

/** "Your task is to explain" -> "Explain", at the start of a sentence. */
export const yourTaskIs = patternRule({
  id: 'boilerplate/your-task-is',
  level: 'safe',
  reason: FRAMING,
  pattern: new RegExp(`${S}your (?:main |primary |first |only )?(?:task|job|goal|role|objective|mission|duty|aim) (?:is|will be) to (?=\\p{L})`, 'giu'),
  replace: '',
});

/**
 * "I will give you descriptions of matches and you will commentate on them" -> "Given descriptions
 * of matches, commentate on them": what the user supplies, then the instruction.
 */
export const givenInput = patternRule({
  id: 'boilerplate/given-input',
  level: 'safe',
  reason: FRAMING,
  pattern: new RegExp(
    `${S}I(?: will|'ll|’ll) (?:provide|give|send|show|present|share|describe|tell you about|write you)(?: you)?(?: with)? (?:some )?([^.!?\n;]{3,200}?),? and (?:(?:it will be|it is|it's|it’s) your (?:job|task|role|goal) to|your (?:job|task|role|goal) (?:is|will be) to|you will|you'll|you’ll|you should|you must|you have to|you need to) (?:also )?${NOT_AN_INSTRUCTION}(?=\\p{L})`,
    'giu',
  ),
  replace: 'given $1, ',
});

/** "I will give you a team of debaters. Prepare the team" -> "Given a team of debaters, prepare the team". */
export const givenThenInstruction = patternRule({
  id: 'boilerplate/given-then-instruction',
  level: 'safe',
  reason: FRAMING,
  pattern: new RegExp(
    `${S}I(?: will|'ll|’ll) (?:provide|give|send|show|present|share|describe|tell you about|write you)(?: you)?(?: with)? (?:some )?([^.!?\\n;]{3,200}?)\\. (?=(?:${IMPERATIVES}) )(\\p{L})`,
    'giu',
  ),
  replace: (m) => `given ${m[1]}, ${m[2].toLowerCase()}`,
});

/** ", and it will be your job to explain" -> ". Explain". */
export const andYourJob = patternRule({
  id: 'boilerplate/and-your-job',
  level: 'safe',
  reason: FRAMING,
  pattern: /,?[ \t]+and (?:it will be|it is|it's|it’s) your (?:job|task|role|goal) to[ \t]+|,?[ \t]+and your (?:job|task|role|goal) (?:is|will be) to[ \t]+/giu,
  replace: '. ',
});

/** "My first suggestion request is" -> "First request:"; "Here is your first prompt:" -> "First prompt:". */
export const myFirstRequest = patternRule({
  id: 'boilerplate/my-first-request',
  level: 'safe',
  reason: 'the same label in fewer words',
  pattern:
    /(?<![\p{L}'’])(?:(?:here is |here's |here’s )?(?:my|your|the) first|first of all,? my) (?:suggestion )?((?:request|sentence|command|question|prompt|claim|move|message|object|keywords?|title|problem|thought|statement|task|topic|code|word|input|expression|dream|query|text|idea|song|riddle|term|scenario|situation)|\p{Ll}+ (?:request|title|question|topic|word|command))(?:(?: (?:is|are|will be))[ \t]*(?:[:,–—-][ \t]*)?|[ \t]*[:,–—-][ \t]*)(?=\S)/giu,
  replace: 'first $1: ',
});

/** "My first bullet point will be "…"" -> "First bullet point: "…"": any label the user gives their first input. */
export const myFirstInput = patternRule({
  id: 'boilerplate/my-first-input',
  level: 'safe',
  reason: 'the same label in fewer words',
  pattern: /(?<![\p{L}'’])my first (\p{Ll}+(?: \p{Ll}+)?) (?:is|are|will be)[ \t]*(?::[ \t]*)?(?=\S)/giu,
  replace: 'first $1: ',
});

/** "Imagine you are an experienced developer" -> "You are an experienced developer". */
export const imagineYouAre = patternRule({
  id: 'boilerplate/imagine-you-are',
  level: 'safe',
  reason: FRAMING,
  pattern: new RegExp(`${S}imagine (?:that )?(?=you(?: are|'re|’re) )`, 'giu'),
  replace: '',
});

export const BOILERPLATE_RULES: readonly CompressRule[] = [
  helpfulAssistant,
  assistUsers,
  wantYouNotTo,
  wantYouTo,
  youShould,
  youWill,
  yourTaskIs,
  givenInput,
  givenThenInstruction,
  andYourJob,
  myFirstRequest,
  myFirstInput,
  imagineYouAre,
];
