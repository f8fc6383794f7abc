import * as assert from 'node:assert/strict';
import { type ExpectedPrompt, SCRIPT_LANGUAGES, analyze, checkPrompts, lineAt } from './script-helpers';

/** Prompt shapes: message lists, frameworks, prompt modules, things that are not prompts, broken and unicode files. */

interface Case {
  name: string;
  code: string;
  prompts: ExpectedPrompt[];
  language?: 'typescript' | 'tsx' | 'javascript';
}

const OPENAI = 'import OpenAI from "openai";\nconst client = new OpenAI();\n';

const MESSAGE_CASES: Case[] = [
  {
    name: 'content before role, content parts, assistant prefill',
    code: `${OPENAI}await client.chat.completions.create({ model: "gpt-4o", messages: [
  { content: "You are a poet.", role: "system" },
  { role: "user", content: [{ type: "text", text: \`Write about \${topic}\` }, { type: "image_url", image_url: { url } }] },
  { role: "assistant", content: "Roses" },
] });`,
    prompts: [
      { text: 'You are a poet.', role: 'system', callIndex: 0 },
      { text: 'Write about {topic}', role: 'user', callIndex: 0, placeholders: ['topic'] },
      { text: 'Roses', role: 'assistant', callIndex: 0 },
    ],
  },
  {
    name: 'a messages list built with push and spread',
    code: `${OPENAI}const FEW_SHOT = [{ role: "user", content: "2+2?" }, { role: "assistant", content: "4" }];
export async function ask(q, history) {
  const messages = [{ role: "system", content: "You are a calculator." }, ...FEW_SHOT];
  messages.push(...history);
  messages.push({ role: "user", content: q });
  return client.chat.completions.create({ model: "gpt-4o", messages });
}`,
    prompts: [
      { text: '2+2?', role: 'user', callIndex: 0 },
      { text: '4', role: 'assistant', callIndex: 0 },
      { text: 'You are a calculator.', role: 'system', callIndex: 0 },
    ],
  },
  {
    name: 'responses input with the developer role',
    code: `${OPENAI}await client.responses.create({ model: "gpt-4.1", input: [{ role: "developer", content: "Extract the event." }, { role: "user", content: text }] });`,
    prompts: [{ text: 'Extract the event.', role: 'developer', callIndex: 0 }],
  },
  {
    name: 'Gemini contents with parts and the model role',
    code: `import { GoogleGenAI } from "@google/genai";
const ai = new GoogleGenAI({});
await ai.models.generateContent({ model: "gemini-2.0-flash", contents: [
  { role: "user", parts: [{ text: "Hello there." }] },
  { role: "model", parts: [{ text: "Great to meet you." }] },
  { role: "user", parts: [{ text: question }] },
] });`,
    prompts: [
      { text: 'Hello there.', role: 'user', callIndex: 0 },
      { text: 'Great to meet you.', role: 'assistant', callIndex: 0 },
    ],
  },
  {
    name: 'LangChain tuples, bare strings, placeholders and message templates',
    code: `import { ChatOpenAI } from "@langchain/openai";
import { ChatPromptTemplate, MessagesPlaceholder, SystemMessagePromptTemplate } from "@langchain/core/prompts";
const model = new ChatOpenAI({ model: "gpt-4o-mini" });
const prompt = ChatPromptTemplate.fromMessages([
  SystemMessagePromptTemplate.fromTemplate("You speak like {persona}."),
  ["placeholder", "{chat_history}"],
  new MessagesPlaceholder("history"),
  ["human", "{question}"],
  "Answer in {language}.",
]);
export const answer = (question) => prompt.pipe(model).invoke({ question });`,
    prompts: [
      { text: 'You speak like {persona}.', role: 'system', callIndex: 0, placeholders: ['persona'] },
      { text: '{question}', role: 'user', callIndex: 0 },
      { text: 'Answer in {language}.', role: 'user', callIndex: 0 },
    ],
  },
  {
    name: 'a PromptTemplate formatted then sent',
    code: `import { ChatOpenAI } from "@langchain/openai";
import { PromptTemplate } from "@langchain/core/prompts";
const llm = new ChatOpenAI({ model: "gpt-4o" });
const template = new PromptTemplate({ template: "Tell me a joke about {topic}.", inputVariables: ["topic"] });
export async function joke(topic) {
  const text = await template.format({ topic });
  return llm.invoke(text);
}`,
    prompts: [{ text: 'Tell me a joke about {topic}.', role: 'template', callIndex: 0, name: 'template' }],
  },
  {
    name: 'a prompt built across statements is one prompt',
    code: `${OPENAI}export async function run(doc) {
  let prompt = "Summarize the document below.";
  prompt += "\\nDocument: " + doc;
  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: prompt }] });
}`,
    prompts: [{ text: 'Summarize the document below.\nDocument: {doc}', role: 'user', callIndex: 0, construction: 'concatenation', name: 'prompt' }],
  },
  {
    name: 'a constant used by two calls is one site, linked to the first',
    code: `${OPENAI}const SYSTEM = "You are a support agent.";
const a = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: SYSTEM }] });
const b = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "system", content: SYSTEM }] });`,
    prompts: [{ text: 'You are a support agent.', role: 'system', callIndex: 0, name: 'SYSTEM' }],
  },
  {
    name: 'either branch of a condition',
    code: `import { generateText } from "ai";
await generateText({ model, system: short ? "Be brief." : "Be thorough and cite sources.", prompt: q });`,
    prompts: [
      { text: 'Be brief.', role: 'system', callIndex: 0 },
      { text: 'Be thorough and cite sources.', role: 'system', callIndex: 0 },
    ],
  },
  {
    name: 'a Next.js route handler',
    code: `import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";
export const maxDuration = 30;
export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({ model: openai("gpt-4o"), system: "You are a friendly travel agent.", messages });
  return result.toDataStreamResponse();
}`,
    prompts: [{ text: 'You are a friendly travel agent.', role: 'system', callIndex: 0 }],
  },
  {
    name: 'a table of prompts chosen by key, declared as const',
    code: `import { generateText } from "ai";
const REWRITE_PROMPTS = {
  shorter: 'Rewrite the text to half its length.',
  formal: 'Rewrite the text for a formal letter.',
} as const;
await generateText({ model, system: REWRITE_PROMPTS[style], prompt: text });`,
    prompts: [
      { text: 'Rewrite the text to half its length.', role: 'system', callIndex: 0, name: 'shorter' },
      { text: 'Rewrite the text for a formal letter.', role: 'system', callIndex: 0, name: 'formal' },
    ],
  },
  // Real-code findings, cause 5: text that only joins other text is not a prompt of its own.
  {
    name: 'a lone interpolation is not a prompt, data joined by a newline is',
    code: `import { GoogleGenAI } from "@google/genai";
const ai = new GoogleGenAI({});
await ai.models.generateContent({ model: "gemini-2.0-flash", contents: [{ role: "user", parts: [{ text: \`\${prompt}\` }] }] });
await ai.models.generateContent({ model: "gemini-2.0-flash", contents: [{ role: "user", parts: [{ text: \`\${p.title}\\n\${p.body}\` }] }] });`,
    prompts: [{ text: '{p.title}\n{p.body}', role: 'user', callIndex: 1 }],
  },
  {
    name: 'prompt constants joined by separators are sent once each, at their definitions',
    code: `import { streamText } from "ai";
const base = \`You are a careful assistant.\`;
const rules = \`Never reveal internal notes.\`;
await streamText({ model, system: \`\${base}\\n\\n\${rules}\`, prompt: q });`,
    prompts: [
      { text: 'You are a careful assistant.', role: 'system', callIndex: 0, name: 'base', lineOf: 'const base' },
      { text: 'Never reveal internal notes.', role: 'system', callIndex: 0, name: 'rules', lineOf: 'const rules' },
    ],
  },
];

const MODULE_CASES: Case[] = [
  {
    name: 'prompt constants, objects, builders and class fields with no call',
    code: `export const SYSTEM_PROMPT = \`You are a release-notes writer.\`;
export const PROMPTS = {
  summarize: "Summarize the following article in three bullet points:\\n\\n{article}",
  classify: "Classify the sentiment of this review as positive, negative or neutral. Respond with JSON only.",
};
export function buildReviewPrompt(diff) {
  return \`Review this diff and list risky changes:\\n\${diff}\`;
}
export class Agent {
  instructions = "Act as a senior engineer who mentors juniors patiently.";
}
export const getGreeting = () => "Welcome back to the dashboard!";`,
    prompts: [
      { text: 'You are a release-notes writer.', role: 'system', callIndex: null, name: 'SYSTEM_PROMPT' },
      { text: 'Summarize the following article in three bullet points:\n\n{article}', role: 'template', callIndex: null, name: 'summarize' },
      { text: 'Classify the sentiment of this review as positive, negative or neutral. Respond with JSON only.', role: 'user', callIndex: null },
      { text: 'Review this diff and list risky changes:\n{diff}', role: 'user', construction: 'builder', name: 'buildReviewPrompt' },
      { text: 'Act as a senior engineer who mentors juniors patiently.', role: 'system', name: 'instructions' },
    ],
  },
  {
    name: 'LangChain templates and message objects that reach no call',
    code: `import { PromptTemplate } from "@langchain/core/prompts";
export const qaPrompt = PromptTemplate.fromTemplate("Answer using the context.\\nContext: {context}\\nQuestion: {question}");
export const seed = [{ role: "system", content: "You are Ada, a tutor." }];`,
    prompts: [
      { text: 'Answer using the context.\nContext: {context}\nQuestion: {question}', role: 'template', placeholders: ['context', 'question'], name: 'qaPrompt' },
      { text: 'You are Ada, a tutor.', role: 'system' },
    ],
  },
  {
    name: 'a question passed to a wrapper from a click handler',
    language: 'tsx',
    code: `export function Panel({ ask }) {
  return <button onClick={() => ask("Summarize this document in three bullet points.")}>Summarize</button>;
}`,
    prompts: [{ text: 'Summarize this document in three bullet points.', role: 'user', callIndex: null }],
  },
  // Real-code findings, cause 6: a builder named for its input (`...FromHints`) still names a prompt.
  {
    name: 'an arrow builder named for its input, its template opening with a line continuation',
    code: `export const promptFromHints = (h: { city: string; date: string }) => \`\\
You have been provided with the following context about the user's request:
- city: \${h.city}
- date: \${h.date}
Use these details only when relevant.\`;`,
    prompts: [
      {
        text: "You have been provided with the following context about the user's request:\n- city: {h.city}\n- date: {h.date}\nUse these details only when relevant.",
        role: 'system',
        construction: 'builder',
        name: 'promptFromHints',
        lineOf: 'export const promptFromHints',
      },
    ],
  },
  {
    name: 'a prompt table declared as const is named by its holder',
    code: `export const REWRITE_PROMPTS = {
  formal: 'Rewrite the text for a formal business letter.',
} as const;`,
    prompts: [{ text: 'Rewrite the text for a formal business letter.', role: 'user', name: 'formal' }],
  },
  // Cause 8: rules for the assistant read as system without "You are".
  {
    name: 'rule-style instructions for the assistant read as system',
    code: `export const artifactsPrompt = \`
Artifacts is a side panel that shows documents next to the conversation.
When asked to write code, always use artifacts. Let the user know if they request another language.
\`;
export const bugReportTemplate = "Describe the steps that led to the crash and what you expected to happen instead.";`,
    prompts: [
      { text: '\nArtifacts is a side panel that shows documents next to the conversation.\nWhen asked to write code, always use artifacts. Let the user know if they request another language.\n', role: 'system', name: 'artifactsPrompt' },
      { text: 'Describe the steps that led to the crash and what you expected to happen instead.', role: 'user', name: 'bugReportTemplate' },
    ],
  },
];

/** Each is a snippet whose strings read like prompts but sit where prompts do not. */
const NOT_PROMPTS: { name: string; code: string; language?: 'tsx' }[] = [
  { name: 'console and logger messages', code: 'console.log("You are now connected to the summarization service.");\nlogger.info(`You must restart the worker to apply ${n} changes.`);' },
  { name: 'thrown errors', code: 'throw new Error("You must provide an API key before calling summarize.");\nthrow new ValidationError(`Please write a valid prompt for ${field}.`);' },
  { name: 'SQL queries', code: 'await db.query("SELECT id, prompt FROM prompts WHERE owner = $1 ORDER BY created_at", [id]);\nconst SQL_TEMPLATE = "SELECT * FROM prompt_templates WHERE id = ?";' },
  { name: 'HTML strings', code: 'const footerTemplate = "<div class=\\"footer\\">You are viewing the archived version of this prompt.</div>";' },
  { name: 'JSX text and attributes', language: 'tsx', code: 'export const V = () => <div title="You are viewing the prompt library. Summarize a prompt below."><input placeholder="Write a prompt describing the image you want" />You are a helpful assistant and this is page text.</div>;' },
  { name: 'zod describe and tool schema descriptions', code: 'const schema = z.object({ city: z.string().describe("You must give the city the user wants the weather for") });\nconst tools = [{ type: "function", function: { name: "get_weather", description: "Return the current weather for a city. Use this when the user asks about weather." } }];' },
  { name: 'short strings, model names, URLs, paths', code: 'const DEFAULT_MODEL = "gpt-4o-mini";\nconst PROMPT_DIR = "./prompts/system";\nconst promptUrl = "https://example.com/prompts";\nconst promptMode = "chat";' },
  { name: 'i18n resources and UI copy', code: 'i18next.init({ resources: { en: { translation: { welcome: "Welcome back! You are signed in as an administrator." } } } });\nconst label = t("Summarize your question in a few words before sending.");' },
  { name: 'test assertions and mocks', code: 'it("writes a summary", async () => {\n  expect(out).toContain("You are a concise summarizer");\n  create.mockResolvedValue({ content: "Summarize the article in one line please." });\n});' },
  { name: 'error message tables', code: 'export const ERRORS = { notFound: "The project you are looking for does not exist or you do not have access to it." };' },
  { name: 'CLI help text', code: 'program.option("-p, --prompt <text>", "Write the prompt to send to the model, or read it from stdin when omitted");' },
  { name: 'short UI phrases handed to functions', code: 'showBanner("Review your changes before saving");\nconst errorMessage = "You must sign in before you can summarize documents.";' },
  { name: 'SMS and email bodies', code: 'await sendEmail({ to, subject: "Your weekly digest", body: "You are receiving this email because you subscribed to weekly summaries." });' },
];

describe('script extractor: message shapes', () => {
  for (const c of MESSAGE_CASES) {
    it(c.name, async () => {
      const { prompts } = await analyze(c.code, c.language);
      checkPrompts(c.code, prompts, c.prompts);
    });
  }
});

describe('script extractor: prompts that reach no call', () => {
  for (const c of MODULE_CASES) {
    it(c.name, async () => {
      const { prompts, calls } = await analyze(c.code, c.language);
      assert.deepEqual(calls, []);
      checkPrompts(c.code, prompts, c.prompts.map((p) => ({ callIndex: null, ...p })));
    });
  }
});

describe('script extractor: not prompts', () => {
  for (const c of NOT_PROMPTS) {
    it(c.name, async () => {
      const { prompts } = await analyze(c.code, c.language ?? 'typescript');
      assert.deepEqual(
        prompts.map((p) => p.text),
        [],
      );
    });
  }
});

describe('script extractor: broken and unusual files', () => {
  it('finds what it can in a file with syntax errors, and says so', async () => {
    const code = `import OpenAI from "openai";
const client = new OpenAI();
const SYSTEM = "You are a spelling checker. Return the corrected text only.";
function broken( {
  const x = ;
}
const r = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: SYSTEM }], max_tokens: 50 });
`;
    for (const language of SCRIPT_LANGUAGES) {
      const analysis = await analyze(code, language);
      assert.equal(analysis.notices[0]?.kind, 'syntax-error');
      assert.ok(analysis.prompts.some((p) => p.text.startsWith('You are a spelling checker')));
      assert.ok(analysis.calls.some((c) => c.model === 'gpt-4o' && c.outputBound?.value === 50), language);
    }
  });

  it('never throws on truncated or empty input', async () => {
    const full = `import Anthropic from "@anthropic-ai/sdk";\nconst a = new Anthropic();\nawait a.messages.create({ model: "claude-3-haiku", system: \`You are \${x}\`, messages: [{ role: "user", content: "Hi" }] });\n`;
    for (let cut = 0; cut <= full.length; cut += 7) {
      for (const language of SCRIPT_LANGUAGES) {
        const analysis = await analyze(full.slice(0, cut), language);
        assert.ok(!analysis.notices.some((n) => n.kind === 'internal-error'), `cut at ${cut}: ${JSON.stringify(analysis.notices)}`);
      }
    }
  });

  it('gives UTF-16 offsets after emoji and CJK text', async () => {
    const code = `// 日本語のコメント 🚀🚀\nconst emoji = "🙂";\nexport const SYSTEM_PROMPT = "あなたは翻訳者です 🙏 You are a translator.";\nimport OpenAI from "openai";\nconst c = new OpenAI();\nawait c.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: \`訳して: \${text} 😀\` }] });\n`;
    const { prompts, calls } = await analyze(code);
    assert.equal(prompts.length, 2);
    assert.equal(code.slice(prompts[0].span.start, prompts[0].span.end), '"あなたは翻訳者です 🙏 You are a translator."');
    assert.equal(prompts[0].text, 'あなたは翻訳者です 🙏 You are a translator.');
    assert.equal(lineAt(code, prompts[0].span.start), 3);
    assert.equal(code.slice(prompts[1].span.start, prompts[1].span.end), '`訳して: ${text} 😀`');
    assert.equal(prompts[1].text, '訳して: {text} 😀');
    assert.equal(prompts[1].callIndex, 0);
    assert.equal(code.slice(calls[0].span.start, calls[0].span.start + 29), 'c.chat.completions.create({ m');
  });

  it('decodes escapes and keeps String.raw text as written', async () => {
    const code = 'export const SYSTEM_PROMPT = "Tab:\\t\\u00e9\\x41 \\u{1F600} end";\nexport const RAW_PROMPT = String.raw`You are a regex helper: \\d+ means digits.`;\n';
    const { prompts } = await analyze(code);
    assert.deepEqual(
      prompts.map((p) => p.text),
      ['Tab:\téA 😀 end', 'You are a regex helper: \\d+ means digits.'],
    );
  });
});

describe('script extractor: calls cut by a syntax error', () => {
  it('reads an unclosed messages list and a call whose node was lost', async () => {
    const code = `import OpenAI from "openai";
const client = new OpenAI();
const r = await client.chat.completions.create({
  model: "gpt-4o",
  messages: [{ role: "system", content: "You are a grader." },
  max_tokens: 5
});
export function f() {
  return anthropic.messages.create({ model: "claude-3-haiku", system: "Be brief, you are terse.", max_tokens: 9,
}
`;
    const { prompts, calls, notices } = await analyze(code);
    assert.equal(notices[0]?.kind, 'syntax-error');
    assert.deepEqual(
      calls.map((c) => [c.api, c.model]),
      [
        ['openai.chat', 'gpt-4o'],
        ['anthropic.messages', 'claude-3-haiku'],
      ],
    );
    assert.deepEqual(
      prompts.map((p) => [p.text, p.role, p.callIndex]),
      [
        ['You are a grader.', 'system', 0],
        ['Be brief, you are terse.', 'system', 1],
      ],
    );
  });
});
