import type { CallApi, PromptConstruction, PromptRole } from '../../../src/core/extract/index';
import { runCases, type Case, type ExpectedCall } from './python-helpers';

/**
 * Every SDK crossed with every way of building the prompt text: the prompt must be found with the
 * text the model gets, linked to the call, and the call must carry its model and bound.
 */

interface Sdk {
  name: string;
  /** Code around the call; `PROMPT` is replaced by the prompt expression. */
  code: string;
  role: PromptRole;
  call: ExpectedCall & { api: CallApi };
}

const SDKS: Sdk[] = [
  {
    name: 'openai chat (system message)',
    code: `from openai import OpenAI
client = OpenAI()
resp = client.chat.completions.create(
    model="gpt-4o-mini",
    max_tokens=100,
    messages=[{"role": "system", "content": PROMPT}, {"role": "user", "content": question}],
)`,
    role: 'system',
    call: { api: 'openai.chat', model: 'gpt-4o-mini', bound: 100, origin: 'call', boundParameter: 'max_completion_tokens', argumentStyle: 'keyword' },
  },
  {
    name: 'openai chat pre-1.0',
    code: `import openai
resp = openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[{"content": PROMPT, "role": "user"}])`,
    role: 'user',
    call: { api: 'openai.chat', model: 'gpt-3.5-turbo', bound: null, boundParameter: 'max_completion_tokens' },
  },
  {
    name: 'openai responses (instructions)',
    code: `from openai import OpenAI
client = OpenAI()
r = client.responses.create(model="gpt-4.1", instructions=PROMPT, input=user_text, max_output_tokens=300)`,
    role: 'system',
    call: { api: 'openai.responses', model: 'gpt-4.1', bound: 300, boundParameter: 'max_output_tokens' },
  },
  {
    name: 'anthropic messages (system)',
    code: `import anthropic
claude = anthropic.Anthropic()
msg = claude.messages.create(model="claude-3-5-sonnet-latest", max_tokens=256, system=PROMPT,
                             messages=[{"role": "user", "content": q}])`,
    role: 'system',
    call: { api: 'anthropic.messages', model: 'claude-3-5-sonnet-latest', bound: 256, boundParameter: 'max_tokens' },
  },
  {
    name: 'google genai (contents, config bound)',
    code: `from google import genai
from google.genai import types
client = genai.Client()
r = client.models.generate_content(
    model="gemini-2.0-flash",
    contents=PROMPT,
    config=types.GenerateContentConfig(max_output_tokens=128),
)`,
    role: 'user',
    call: { api: 'google.generateContent', model: 'gemini-2.0-flash', bound: 128, origin: 'config', boundParameter: 'max_output_tokens' },
  },
  {
    name: 'litellm completion',
    code: `from litellm import completion
r = completion(model="anthropic/claude-3-haiku-20240307", messages=[{"role": "user", "content": PROMPT}])`,
    role: 'user',
    call: { api: 'litellm', model: 'anthropic/claude-3-haiku-20240307', bound: null, boundParameter: 'max_tokens' },
  },
  {
    name: 'langchain chat model invoke',
    code: `from langchain_openai import ChatOpenAI
llm = ChatOpenAI(model="gpt-4o", max_tokens=256)
answer = llm.invoke(PROMPT)`,
    role: 'user',
    call: { api: 'langchain', model: 'gpt-4o', bound: 256, origin: 'constructor', argumentStyle: 'positional' },
  },
];

interface Construction {
  name: string;
  /** Statements placed before the SDK code. */
  before?: string;
  expression: string;
  text: string;
  construction: PromptConstruction;
  placeholders?: string[];
  name_?: string | null;
}

const CONSTRUCTIONS: Construction[] = [
  { name: 'literal', expression: '"Summarize the report in three bullet points."', text: 'Summarize the report in three bullet points.', construction: 'literal', placeholders: [] },
  {
    name: 'triple-quoted',
    expression: '"""Summarize the report.\n    Keep it short."""',
    text: 'Summarize the report.\n    Keep it short.',
    construction: 'literal',
  },
  {
    name: 'f-string',
    expression: 'f"Summarize {doc.title} for {audience!r} readers."',
    text: 'Summarize {doc.title} for {audience} readers.',
    construction: 'f-string',
    placeholders: ['doc.title', 'audience'],
  },
  {
    name: 'implicit concatenation',
    expression: '("Answer briefly. "\n    "Cite your sources.")',
    text: 'Answer briefly. Cite your sources.',
    construction: 'concatenation',
  },
  {
    name: '+ chain',
    expression: '"Topic: " + topic + ". Write a haiku about it."',
    text: 'Topic: {topic}. Write a haiku about it.',
    construction: 'concatenation',
    placeholders: ['topic'],
  },
  {
    name: '.format',
    expression: '"Translate {text} into {lang}. Keep {{braces}}.".format(text=t, lang=l)',
    text: 'Translate {text} into {lang}. Keep {braces}.',
    construction: 'format',
    placeholders: ['text', 'lang', 'braces'],
  },
  {
    name: '.format positional',
    expression: '"Rate {} from 1 to {}.".format(review, 5)',
    text: 'Rate {review} from 1 to {5}.',
    construction: 'format',
    placeholders: ['review', '5'],
  },
  {
    name: '% formatting',
    expression: '"Classify this ticket: %s (priority %(level)d), 100%% sure" % args',
    text: 'Classify this ticket: {args} (priority {level}), 100% sure',
    construction: 'percent',
    placeholders: ['args', 'level'],
  },
  {
    name: 'join',
    expression: '"\\n".join(["Rule one: be brief.", "Rule two: be kind.", extra])',
    text: 'Rule one: be brief.\nRule two: be kind.\n{extra}',
    construction: 'join',
    placeholders: ['extra'],
  },
  {
    name: 'textwrap.dedent',
    before: 'import textwrap',
    expression: 'textwrap.dedent("""\\\n        Be brief.\n          Be kind.\n        """)',
    text: 'Be brief.\n  Be kind.\n',
    construction: 'literal',
  },
  {
    name: 'inspect.cleandoc',
    before: 'import inspect',
    expression: 'inspect.cleandoc("""\n    Review the diff.\n    List the risks.\n    """)',
    text: 'Review the diff.\nList the risks.',
    construction: 'literal',
  },
  {
    name: 'escapes',
    expression: '"Tab\\there, caf\\u00e9, \\x41, line\\\\n kept"',
    text: 'Tab\there, café, A, line\\n kept',
    construction: 'literal',
  },
  { name: 'raw string', expression: 'r"Match \\d+ digits exactly."', text: 'Match \\d+ digits exactly.', construction: 'literal' },
  {
    name: 'module constant',
    before: 'ASSISTANT_PROMPT = "You are a careful assistant. Answer in English."',
    expression: 'ASSISTANT_PROMPT',
    text: 'You are a careful assistant. Answer in English.',
    construction: 'constant',
    name_: 'ASSISTANT_PROMPT',
  },
  {
    name: 'builder function',
    before: 'def build_prompt(item):\n    return f"Explain {item.name} to a beginner."',
    expression: 'build_prompt(item)',
    text: 'Explain {item.name} to a beginner.',
    construction: 'builder',
    name_: 'build_prompt',
  },
  {
    name: 'variable built across statements',
    before: 'def make(q):\n    p = "Answer the question. "\n    p += f"Question: {q}"\n    return p',
    expression: 'make(q)',
    text: 'Answer the question. Question: {q}',
    construction: 'concatenation',
  },
];

const cases: Case[] = [];
for (const sdk of SDKS) {
  for (const c of CONSTRUCTIONS) {
    const code = `${c.before ? `${c.before}\n` : ''}${sdk.code.replace('PROMPT', c.expression)}\n`;
    cases.push({
      name: `${sdk.name} x ${c.name}`,
      code,
      prompts: [
        {
          text: c.text,
          role: sdk.role,
          construction: c.construction,
          placeholders: c.placeholders,
          callIndex: 0,
          ...(c.name_ !== undefined ? { name: c.name_ } : {}),
        },
      ],
      calls: [sdk.call],
    });
  }
}

describe('python extractor: SDK x construction', () => {
  runCases(cases);
});
