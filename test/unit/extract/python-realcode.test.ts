import { runCases, type Case } from './python-helpers';

/**
 * Patterns the extractor missed or misread on real public code (findings of the real-code run),
 * each written afresh as a small snippet; the cause number is the one in the findings.
 */

// Cause 2: raw HTTP calls whose URL or body is not written in the call.
const httpCases: Case[] = [
  {
    name: 'requests.request("POST", url) with the URL built from an environment variable and a json.dumps body',
    code: `import os, json, requests
url = os.getenv("OPENAI_BASE_URL") + "/chat/completions"
payload = json.dumps({"model": "gpt-4o", "messages": [
    {"role": "system", "content": "You are terse."},
    {"role": "user", "content": "Name three prime numbers."}]})
r = requests.request("POST", url, headers={}, data=payload)
`,
    prompts: [
      { text: 'You are terse.', role: 'system', callIndex: 0, line: 4 },
      { text: 'Name three prime numbers.', role: 'user', callIndex: 0, line: 5 },
    ],
    calls: [{ api: 'openai.chat', model: 'gpt-4o', line: 6 }],
  },
  {
    name: 'Ollama native /api/generate with the URL in a module constant',
    code: `import requests
OLLAMA_URL = "http://localhost:11434/api/generate"
prompt = "Say hello in one sentence."
r = requests.post(OLLAMA_URL, json={"model": "llama3", "prompt": prompt, "stream": False})
`,
    prompts: [{ text: 'Say hello in one sentence.', role: 'user', callIndex: 0, line: 3 }],
    calls: [{ api: 'ollama', model: 'llama3', bound: null, argumentStyle: 'object', line: 4 }],
  },
  {
    name: 'Ollama native /api/chat with a model constant and num_predict in options',
    code: `import httpx
MODEL_NAME = "qwen2.5:7b"
def ask(q):
    return httpx.post(f"{HOST}/api/chat", json={"model": MODEL_NAME, "options": {"num_predict": 128},
        "messages": [{"role": "system", "content": "Answer in one word."}, {"role": "user", "content": q}]})
`,
    prompts: [{ text: 'Answer in one word.', role: 'system', callIndex: 0 }],
    calls: [{ api: 'ollama', model: 'qwen2.5:7b', bound: 128, origin: 'config' }],
  },
  {
    name: 'f-string URL whose base constant names the provider',
    code: `import requests
BASE = "https://api.anthropic.com/v1"
def ask(q):
    body = {"model": "claude-3-5-haiku-latest", "max_tokens": 100, "system": "Be brief.", "messages": [{"role": "user", "content": q}]}
    return requests.post(f"{BASE}/messages", json=body)
`,
    prompts: [{ text: 'Be brief.', role: 'system', callIndex: 0 }],
    calls: [{ api: 'anthropic.messages', model: 'claude-3-5-haiku-latest', bound: 100 }],
  },
  {
    name: "a post to the app's own /api/chat route without a model is no LLM call",
    code: `import requests
def send(messages):
    return requests.post(BACKEND + "/api/chat", json={"messages": messages})
`,
    prompts: [],
    calls: [],
  },
];

// Cause 3: the file's own function named like an SDK method.
const wrapperCases: Case[] = [
  {
    name: 'a bare call of a local def generate_content() is the wrapper, not the SDK',
    code: `from google import genai
client = genai.Client()

def generate_content() -> str:
    r = client.models.generate_content(model="gemini-2.0-flash", contents="Why is the sky blue?")
    return r.text

if __name__ == "__main__":
    generate_content()
`,
    prompts: [{ text: 'Why is the sky blue?', role: 'user', callIndex: 0 }],
    calls: [{ api: 'google.generateContent', model: 'gemini-2.0-flash', line: 5 }],
  },
  {
    name: 'a local def completion() shadows the LiteLLM name',
    code: `from litellm import completion as litellm_completion
def completion(q):
    return litellm_completion(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])
completion("What is a monad?")
`,
    // The wrapper's call is a call site of its own that sends the question through the LiteLLM call.
    prompts: [{ contains: 'What is a monad?', role: 'user', callIndex: 1 }],
    calls: [
      { api: 'litellm', model: 'gpt-4o-mini', line: 3 },
      { api: 'litellm', model: 'gpt-4o-mini', line: 4 },
    ],
  },
];

// Cause 4: legacy Anthropic text completions.
const anthropicCompletions: Case[] = [
  {
    name: 'client.completions.create on an Anthropic client',
    code: `from anthropic import Anthropic, HUMAN_PROMPT, AI_PROMPT
client = Anthropic()
def ask(q):
    return client.completions.create(model="claude-2.1", max_tokens_to_sample=300,
        prompt=f"{HUMAN_PROMPT} Answer briefly: {q}{AI_PROMPT}")
`,
    prompts: [{ contains: 'Answer briefly', role: 'user', callIndex: 0 }],
    calls: [{ api: 'anthropic.completions', model: 'claude-2.1', bound: 300, boundParameter: 'max_tokens_to_sample' }],
  },
  {
    name: 'a client whose type is not written: max_tokens_to_sample says Anthropic',
    code: `def ask(client, q):
    return client.completions.create(model="claude-instant-1", max_tokens_to_sample=50, prompt=q)
`,
    prompts: [],
    calls: [{ api: 'anthropic.completions', bound: 50 }],
  },
  {
    name: 'completions.create on an OpenAI client stays OpenAI',
    code: `from openai import OpenAI
client = OpenAI()
client.completions.create(model="gpt-3.5-turbo-instruct", max_tokens=20, prompt="Say this is a test")
`,
    prompts: [{ text: 'Say this is a test', role: 'user' }],
    calls: [{ api: 'openai.completions', bound: 20 }],
  },
];

// Cause 7: LangChain input dicts and DSPy inline signatures.
const frameworkInputs: Case[] = [
  {
    name: 'a literal question in an agent executor input dict',
    code: `from langchain_openai import ChatOpenAI
from langchain.agents import AgentExecutor, create_react_agent
llm = ChatOpenAI(model="gpt-4o-mini")
executor = AgentExecutor(agent=create_react_agent(llm, tools, react_prompt), tools=tools)
result = executor.invoke({"input": "Summarise arXiv paper 2005.14165"})
`,
    prompts: [{ text: 'Summarise arXiv paper 2005.14165', role: 'user', callIndex: 0, line: 5 }],
    calls: [{ api: 'langchain', model: 'gpt-4o-mini', line: 5 }],
  },
  {
    name: 'only the question key of a chain input dict; data keys and variables are not prompts',
    code: `from langchain_openai import ChatOpenAI
chain = qa_prompt | ChatOpenAI(model="gpt-4o")
chain.invoke({"question": "What is the capital of France?", "context": "Paris is the capital of France."})
chain.invoke({"question": question})
`,
    prompts: [{ text: 'What is the capital of France?', role: 'user', callIndex: 0 }],
    calls: [{ api: 'langchain' }, { api: 'langchain' }],
  },
  {
    name: 'DSPy inline signatures are field specs, not prompts',
    code: `import dspy
class RAG(dspy.Module):
    def __init__(self):
        self.generate = dspy.ChainOfThought("context, question -> answer")
        self.rank = dspy.Predict("question: str, passages: list[str] -> ranking: list[int]")
    def forward(self, question):
        return self.generate(context=retrieve(question), question=question)
`,
    prompts: [],
    calls: [{ api: 'dspy' }],
  },
];

// Cause 8: LlamaIndex's default LLM.
const llamaIndexSettings: Case[] = [
  {
    name: 'Settings.llm gives query and chat engines their model',
    code: `from llama_index.core import VectorStoreIndex, Settings
from llama_index.llms.ollama import Ollama
Settings.llm = Ollama(model="llama3", request_timeout=60.0)
index = VectorStoreIndex.from_documents(documents)
query_engine = index.as_query_engine()
response = query_engine.query("What did the author do growing up?")
reply = index.as_chat_engine().chat("Who are you?")
`,
    prompts: [
      { text: 'What did the author do growing up?', role: 'user', callIndex: 0 },
      { text: 'Who are you?', role: 'user', callIndex: 1 },
    ],
    calls: [
      { api: 'llamaindex', model: 'llama3', line: 6 },
      { api: 'llamaindex', model: 'llama3', line: 7 },
    ],
  },
  {
    name: 'an llm passed to the engine wins over Settings.llm',
    code: `from llama_index.core import Settings
from llama_index.llms.openai import OpenAI
Settings.llm = OpenAI(model="gpt-4o-mini")
fast = OpenAI(model="gpt-4o", max_tokens=256)
answer = index.as_query_engine(llm=fast).query("List the key risks in the filing.")
`,
    prompts: [{ text: 'List the key risks in the filing.', role: 'user', callIndex: 0 }],
    calls: [{ api: 'llamaindex', model: 'gpt-4o', bound: 256 }],
  },
];

describe('python extractor: patterns from real code', () => {
  describe('raw HTTP with the URL or body held in names (cause 2)', () => runCases(httpCases));
  describe("the file's own wrappers named like SDK methods (cause 3)", () => runCases(wrapperCases));
  describe('legacy Anthropic text completions (cause 4)', () => runCases(anthropicCompletions));
  describe('LangChain input dicts and DSPy inline signatures (cause 7)', () => runCases(frameworkInputs));
  describe("LlamaIndex's Settings.llm (cause 8)", () => runCases(llamaIndexSettings));
});
