import * as assert from 'node:assert/strict';
import { analyzePython, runCases, type Case } from './python-helpers';

/** Prompt modules (prompts that reach no call), strings that are not prompts, broken files and unicode offsets. */

const promptModules: Case[] = [
  {
    name: 'prompt-named constants, builders and templates reaching no call',
    code: `from langchain_core.prompts import ChatPromptTemplate
SYSTEM_PROMPT = """You are Ada, a patient tutor.
Explain one step at a time."""
qa_template = "Context:\\n{context}\\n\\nQuestion: {question}\\nAnswer:"
PROMPT_DIR = "prompts/"
prompt_error = "Prompt failed"

def build_review_prompt(diff):
    return f"Review this pull request and list risky changes:\\n{diff}"

grader = ChatPromptTemplate.from_messages([("system", "Grade the essay from 1 to 10."), ("human", "{essay}")])
`,
    prompts: [
      { contains: 'You are Ada', role: 'system', callIndex: null, name: 'SYSTEM_PROMPT', line: 2 },
      { text: 'Context:\n{context}\n\nQuestion: {question}\nAnswer:', role: 'template', placeholders: ['context', 'question'], name: 'qa_template' },
      { text: 'Review this pull request and list risky changes:\n{diff}', role: 'user', name: 'build_review_prompt', construction: 'builder' },
      { text: 'Grade the essay from 1 to 10.', role: 'system', callIndex: null },
      { text: '{essay}', role: 'user' },
    ],
    calls: [],
  },
  {
    name: 'unnamed constant that plainly reads as a prompt',
    code: `GREETING = "You are a friendly concierge. Greet the guest by name and offer help with bookings, in two sentences."\nLABEL = "Submit"\n`,
    prompts: [{ role: 'system', name: 'GREETING', callIndex: null }],
    calls: [],
  },
  {
    name: 'agent instructions keyword on a non-SDK call',
    code: `from agents import Agent\nagent = Agent(name="Triage", instructions="You route each request to the right specialist. Ask one question if unsure.")\n`,
    prompts: [{ contains: 'You route each request', role: 'system', callIndex: null }],
    calls: [],
  },
  {
    name: 'string.Template reached through substitute',
    code: `import anthropic
from string import Template
client = anthropic.Anthropic()
TEMPLATE = Template("Translate into $language:\\n$text")
user = TEMPLATE.substitute(language=lang, text=t)
client.messages.create(model="claude-3-haiku-20240307", max_tokens=100, messages=[{"role": "user", "content": user}])
`,
    prompts: [{ contains: 'Translate into $language', role: 'user', callIndex: 0 }],
    calls: [{ api: 'anthropic.messages' }],
  },
];

const notPrompts: Case[] = [
  {
    name: 'docstrings of modules, classes and functions',
    code: `"""You are reading the module docstring. Summarize nothing."""\nclass A:\n    """You are a class docstring that explains behaviour in detail."""\n    def f(self):\n        """Return the answer as JSON only, please, in two sentences."""\n`,
    prompts: [],
    calls: [],
  },
  {
    name: 'log, print and exception messages',
    code: `import logging\nlogger = logging.getLogger(__name__)\nlogger.info("You are now connected to the summarization service; reply with JSON only.")\nprint("Summarize the following text: done")\nraise ValueError("You must provide a prompt, please describe the task in detail.")\n`,
    prompts: [],
    calls: [],
  },
  {
    name: 'SQL executed as a query',
    code: `cursor.execute("SELECT id, prompt FROM prompts WHERE owner = %s", (user,))\nquery_prompt_sql = "SELECT * FROM prompt_history ORDER BY created_at DESC"\n`,
    prompts: [],
    calls: [],
  },
  {
    name: 'HTML, URLs, paths, model names and short strings under prompt-like names',
    code: `prompt_html = "<div class='prompt'>Ask me anything</div>"\nPROMPT_URL = "https://example.com/prompts"\nprompt_path = "./prompts/system.txt"\nprompt_model = "gpt-4o-mini"\nprompt_label = "Prompt"\n`,
    prompts: [],
    calls: [],
  },
  {
    name: 'input() questions and CLI help',
    code: `question = input("What would you like to ask the assistant today? ")\nparser.add_argument("--prompt", help="You are asked to pass the prompt file to use for generation.")\n`,
    prompts: [],
    calls: [],
  },
  {
    name: 'tool and schema descriptions',
    code: `from pydantic import BaseModel, Field
class Answer(BaseModel):
    summary: str = Field(description="You write a two sentence summary of the document here.")
tools = [{"type": "function", "function": {"name": "get_weather", "description": "Get the current weather for a city. Use it when asked about weather.", "parameters": {}}}]
`,
    prompts: [],
    calls: [],
  },
  {
    name: 'dict keys and model names in a call are not prompts',
    code: `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}], response_format={"type": "json_object"})\n`,
    prompts: [],
    calls: [{ api: 'openai.chat' }],
  },
  {
    name: 'an SMS template sent through Twilio',
    code: `from twilio.rest import Client\ntwilio = Client(a, b)\nSMS_TEMPLATE = "Hi {name}, your order {order_id} ships today. Reply STOP to opt out of these messages."\ntwilio.messages.create(to=p, from_=f, body=SMS_TEMPLATE.format(name=n, order_id=o))\n`,
    prompts: [],
    calls: [],
  },
  {
    name: 'a separator between a constant and a variable is not a prompt of its own',
    code: `import anthropic\nc = anthropic.Anthropic()\nPREAMBLE = "Use this glossary strictly."\ndef f(lines):\n    system = PREAMBLE + "\\n" + lines\n    return c.messages.create(model="claude-3-haiku-20240307", max_tokens=9, system=system, messages=m)\n`,
    prompts: [{ text: 'Use this glossary strictly.', role: 'system', callIndex: 0 }],
    calls: [{ api: 'anthropic.messages' }],
  },
  {
    name: 'mocks and assertions in tests',
    code: `from unittest.mock import MagicMock
def test_summarize():
    client = MagicMock()
    client.chat.completions.create.return_value = MagicMock(content="A summary of the text in one line.")
    client.chat.completions.create.assert_called_once_with(model="gpt-4o", messages=[{"role": "user", "content": "Summarize: text"}])
    assert sent[0] == {"role": "system", "content": "You are a summarizer."}
`,
    prompts: [],
    calls: [],
  },
  {
    name: 'prompt-named constants that say they are something else',
    code: `PROMPT_TOO_LONG_ERROR = "Your prompt is too long. Please shorten it and try again later."
prompt_placeholder = "Type your question for the assistant here and press enter to send"
`,
    prompts: [],
    calls: [],
  },
];

describe('python extractor: prompts', () => {
  describe('prompt modules', () => runCases(promptModules));
  describe('not prompts', () => runCases(notPrompts));

  it('recovers calls and prompts from a file with a syntax error', async () => {
    const code = `from openai import OpenAI
client = OpenAI()
resp = client.chat.completions.create(model="gpt-4o", max_tokens=50, messages=[{"role": "system", "content": "You are terse."}]
def broken(:
    pass
`;
    const result = await analyzePython(code);
    assert.equal(result.notices[0]?.kind, 'syntax-error');
    assert.equal(result.calls.length, 1);
    assert.equal(result.calls[0].api, 'openai.chat');
    assert.equal(result.calls[0].model, 'gpt-4o');
    assert.equal(result.calls[0].outputBound?.value, 50);
    assert.deepEqual(
      result.prompts.map((p) => [p.text, p.role, p.callIndex]),
      [['You are terse.', 'system', 0]],
    );
  });

  it('never throws on garbage', async () => {
    for (const code of ['"""unterminated', 'f"{', 'client.messages.create(system=', ')))(((', 'x = "a" % ', '\u0000\uffff', '']) {
      const result = await analyzePython(code);
      assert.ok(Array.isArray(result.prompts));
      assert.ok(!result.notices.some((n) => n.kind === 'internal-error'), `${JSON.stringify(code)}: ${JSON.stringify(result.notices)}`);
    }
  });

  it('gives UTF-16 offsets after emoji and CJK text', async () => {
    const code = `# 🚀 日本語のコメント 🙏
from openai import OpenAI
client = OpenAI()
PROMPT = f"レビューを一文で要約してください 🙏 — {review}"
client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": PROMPT}])
`;
    const result = await analyzePython(code);
    const [site] = result.prompts;
    assert.equal(code.slice(site.span.start, site.span.end), 'f"レビューを一文で要約してください 🙏 — {review}"');
    assert.equal(site.text, 'レビューを一文で要約してください 🙏 — {review}');
    assert.deepEqual(site.pieces.map((p) => [p.prefix, p.quote]), [['f', '"']]);
    const [found] = result.calls;
    assert.equal(code.slice(found.span.start, found.span.start + 6), 'client');
  });

  it('keeps every literal piece with its prefix and quote', async () => {
    const code = `from openai import OpenAI\nclient = OpenAI()\np = (rb'raw ' f"""Tell {x}""" '...')\nclient.completions.create(model="gpt-3.5-turbo-instruct", prompt=p)\n`;
    const [site] = (await analyzePython(code)).prompts;
    assert.deepEqual(
      site.pieces.map((p) => [code.slice(p.span.start, p.span.end), p.prefix, p.quote]),
      [
        ["rb'raw '", 'rb', "'"],
        ['f"""Tell {x}"""', 'f', '"""'],
        ["'...'", '', "'"],
      ],
    );
    assert.equal(site.text, 'raw Tell {x}...');
  });
});
