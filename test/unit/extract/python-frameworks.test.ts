import { runCases, type Case } from './python-helpers';

/** LangChain, LlamaIndex, Gemini model objects, DSPy, raw HTTP and message lists built up by name. */

const cases: Case[] = [
  {
    name: 'ChatPromptTemplate.from_messages piped into a model',
    code: `from langchain_anthropic import ChatAnthropic
from langchain_core.prompts import ChatPromptTemplate, MessagesPlaceholder

prompt = ChatPromptTemplate.from_messages([
    ("system", "You are a support agent for {company}. Be concise."),
    MessagesPlaceholder("history"),
    ("placeholder", "{scratch}"),
    ("human", "{question}"),
    "Also answer in {language}.",
])
llm = ChatAnthropic(model="claude-3-5-haiku-latest", max_tokens=512)
chain = prompt | llm
for q in questions:
    chain.invoke({"company": "Acme", "question": q, "language": "en"})
`,
    prompts: [
      { text: 'You are a support agent for {company}. Be concise.', role: 'system', placeholders: ['company'], callIndex: 0, line: 5 },
      { text: '{question}', role: 'user', placeholders: ['question'], callIndex: 0 },
      { text: 'Also answer in {language}.', role: 'user', callIndex: 0 },
    ],
    calls: [{ api: 'langchain', model: 'claude-3-5-haiku-latest', bound: 512, origin: 'constructor', inLoop: true, line: 14 }],
  },
  {
    name: 'PromptTemplate with LLMChain and legacy run',
    code: `from langchain.chains import LLMChain
from langchain.prompts import PromptTemplate
from langchain_openai import ChatOpenAI

summary_template = PromptTemplate(
    input_variables=["text"],
    template="Summarize the following text in two sentences:\\n{text}",
)
chain = LLMChain(llm=ChatOpenAI(model_name="gpt-3.5-turbo", temperature=0), prompt=summary_template)
result = chain.run(text=document)
`,
    prompts: [{ text: 'Summarize the following text in two sentences:\n{text}', role: 'template', placeholders: ['text'], callIndex: 0, name: 'summary_template' }],
    calls: [{ api: 'langchain', model: 'gpt-3.5-turbo', bound: null }],
  },
  {
    name: 'from_template and with_structured_output',
    code: `from langchain_openai import ChatOpenAI
from langchain_core.prompts import PromptTemplate
llm = ChatOpenAI(model="gpt-4o-mini").with_structured_output(Verdict)
judge = PromptTemplate.from_template("Is this claim true? {claim}") | llm
judge.invoke({"claim": c})
`,
    prompts: [{ text: 'Is this claim true? {claim}', role: 'template', callIndex: 0 }],
    calls: [{ api: 'langchain', model: 'gpt-4o-mini', bound: null }],
  },
  {
    name: 'message classes, positional and keyword content',
    code: `from langchain_core.messages import HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
llm = ChatOpenAI(model="gpt-4o", max_tokens=200)
reply = llm.invoke([
    SystemMessage(content="You translate English into French."),
    HumanMessage("Translate: I love programming."),
])
`,
    prompts: [
      { text: 'You translate English into French.', role: 'system', callIndex: 0 },
      { text: 'Translate: I love programming.', role: 'user', callIndex: 0 },
    ],
    calls: [{ api: 'langchain', model: 'gpt-4o', bound: 200, origin: 'constructor' }],
  },
  {
    name: 'messages list built with append and extend',
    code: `from openai import OpenAI
client = OpenAI()
SYSTEM = "You are a meticulous code reviewer."

def review(diff, history):
    messages = [{"role": "system", "content": SYSTEM}]
    messages.extend(history)
    messages.append({"content": f"Review this diff:\\n{diff}", "role": "user"})
    messages.append({"role": "assistant", "content": "Findings:"})
    return client.chat.completions.create(model="gpt-4o", messages=messages, max_completion_tokens=800)
`,
    prompts: [
      { text: 'You are a meticulous code reviewer.', role: 'system', callIndex: 0, name: 'SYSTEM', line: 3 },
      { text: 'Review this diff:\n{diff}', role: 'user', callIndex: 0, placeholders: ['diff'] },
      { text: 'Findings:', role: 'assistant', callIndex: 0 },
    ],
    calls: [{ api: 'openai.chat', model: 'gpt-4o', bound: 800 }],
  },
  {
    name: 'a constant used by two calls is one site, linked to the first',
    code: `import anthropic
client = anthropic.Anthropic()
RULES = "You answer only with valid JSON. Never add commentary."
a = client.messages.create(model="claude-3-opus-20240229", max_tokens=10, system=RULES, messages=m1)
b = client.messages.create(model="claude-3-opus-20240229", max_tokens=10, system=RULES, messages=m2)
`,
    prompts: [{ text: 'You answer only with valid JSON. Never add commentary.', role: 'system', callIndex: 0, construction: 'constant' }],
    calls: [{ api: 'anthropic.messages' }, { api: 'anthropic.messages' }],
  },
  {
    name: 'constant concatenated into another prompt stays its own site',
    code: `from openai import OpenAI
client = OpenAI()
STYLE_RULES = "Use short sentences. Avoid jargon."
EDITOR_PROMPT = "You are an editor. " + STYLE_RULES

client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": EDITOR_PROMPT}])
`,
    prompts: [
      { text: 'Use short sentences. Avoid jargon.', role: 'system', callIndex: 0, line: 3 },
      { text: 'You are an editor. {STYLE_RULES}', role: 'system', callIndex: 0, line: 4, name: 'EDITOR_PROMPT' },
    ],
    calls: [{ api: 'openai.chat' }],
  },
  {
    name: 'self attributes across methods',
    code: `from openai import AsyncOpenAI

class Agent:
    base = "You are a SQL expert. Return one statement."

    def __init__(self, schema):
        self.client = AsyncOpenAI()
        self.system_prompt = f"{self.base}\\nSchema:\\n{schema}"

    async def ask(self, q):
        return await self.client.chat.completions.create(
            model=self.model,
            messages=[{"role": "system", "content": self.system_prompt}, {"role": "user", "content": q}],
        )
`,
    prompts: [
      { text: 'You are a SQL expert. Return one statement.', role: 'system', callIndex: 0, line: 4 },
      { text: '{self.base}\nSchema:\n{schema}', role: 'system', callIndex: 0, placeholders: ['self.base', 'schema'] },
    ],
    calls: [{ api: 'openai.chat', model: null, bound: null }],
  },
  {
    name: 'gemini GenerativeModel with system_instruction and generation_config, chat session',
    code: `import google.generativeai as genai
model = genai.GenerativeModel(
    "gemini-1.5-flash",
    system_instruction=["You are a travel planner.", "Answer in metric units."],
    generation_config={"max_output_tokens": 400, "temperature": 0.2},
)
chat = model.start_chat(history=[{"role": "model", "parts": ["Where would you like to go?"]}])
reply = chat.send_message("Plan a weekend in Lisbon.")
once = model.generate_content(f"Suggest a day trip from {city}.")
`,
    prompts: [
      { text: 'You are a travel planner.', role: 'system', callIndex: 0 },
      { text: 'Answer in metric units.', role: 'system', callIndex: 0 },
      { text: 'Where would you like to go?', role: 'assistant', callIndex: 0 },
      { text: 'Plan a weekend in Lisbon.', role: 'user', callIndex: 0 },
      { text: 'Suggest a day trip from {city}.', role: 'user', callIndex: 1 },
    ],
    calls: [
      { api: 'google.generateContent', model: 'gemini-1.5-flash', bound: 400, origin: 'config', argumentStyle: 'positional' },
      { api: 'google.generateContent', model: 'gemini-1.5-flash', bound: 400, origin: 'config' },
    ],
  },
  {
    name: 'google genai system_instruction in config and Content/Part objects',
    code: `from google import genai
from google.genai import types
client = genai.Client()
resp = client.models.generate_content(
    model="gemini-2.5-flash",
    contents=[types.Content(role="user", parts=[types.Part(text="Name three rivers in Spain.")])],
    config=types.GenerateContentConfig(system_instruction="Reply in one line.", max_output_tokens=n),
)
`,
    prompts: [
      { text: 'Name three rivers in Spain.', role: 'user', callIndex: 0 },
      { text: 'Reply in one line.', role: 'system', callIndex: 0 },
    ],
    calls: [{ api: 'google.generateContent', model: 'gemini-2.5-flash', bound: 'dynamic', origin: 'config' }],
  },
  {
    name: 'llamaindex LLM complete and chat',
    code: `from llama_index.llms.openai import OpenAI
from llama_index.core.llms import ChatMessage
llm = OpenAI(model="gpt-4o-mini", max_tokens=64)
llm.complete("Write a limerick about Rust.")
llm.chat([ChatMessage(role="system", content="You are a pirate."), ChatMessage(role="user", content="Hi!")])
`,
    prompts: [
      { text: 'Write a limerick about Rust.', role: 'user', callIndex: 0 },
      { text: 'You are a pirate.', role: 'system', callIndex: 1 },
      { text: 'Hi!', role: 'user', callIndex: 1 },
    ],
    calls: [
      { api: 'llamaindex', model: 'gpt-4o-mini', bound: 64 },
      { api: 'llamaindex', model: 'gpt-4o-mini', bound: 64 },
    ],
  },
  {
    name: 'DSPy signature docstring linked to the module call, model from dspy.LM',
    code: `import dspy
lm = dspy.LM("openai/gpt-4o-mini", max_tokens=300)
dspy.configure(lm=lm)

class Triage(dspy.Signature):
    """Classify the support message into billing, bug or other."""
    message: str = dspy.InputField(desc="the raw message")
    label: str = dspy.OutputField()

class Helper:
    """Not a signature: this docstring is documentation."""

triage = dspy.Predict(Triage)
labels = [triage(message=m).label for m in inbox]
`,
    prompts: [{ text: 'Classify the support message into billing, bug or other.', role: 'system', construction: 'docstring', callIndex: 0, name: 'Triage' }],
    calls: [{ api: 'dspy', model: 'openai/gpt-4o-mini', bound: 300, origin: 'constructor', inLoop: true }],
  },
  {
    name: 'raw HTTP to OpenAI with requests, body literal',
    code: `import requests
URL = "https://api.openai.com/v1/chat/completions"
r = requests.post(URL, headers=h, json={
    "model": "gpt-4o-mini",
    "max_tokens": 150,
    "messages": [{"role": "user", "content": "Give me a fun fact about owls."}],
})
`,
    prompts: [{ text: 'Give me a fun fact about owls.', role: 'user', callIndex: 0 }],
    calls: [{ api: 'openai.chat', model: 'gpt-4o-mini', bound: 150, argumentStyle: 'object', boundParameter: 'max_completion_tokens' }],
  },
  {
    name: 'raw HTTP to Anthropic with httpx and a payload variable',
    code: `import httpx
async def ask(q):
    payload = {"model": "claude-3-5-sonnet-20241022", "system": "Answer like a librarian.", "messages": [{"role": "user", "content": q}]}
    async with httpx.AsyncClient() as http:
        return await http.post("https://api.anthropic.com/v1/messages", json=payload)
`,
    prompts: [{ text: 'Answer like a librarian.', role: 'system', callIndex: 0 }],
    calls: [{ api: 'anthropic.messages', model: 'claude-3-5-sonnet-20241022', bound: null, argumentStyle: 'positional' }],
  },
  {
    name: 'litellm module call and router',
    code: `import litellm
from litellm import Router
router = Router(model_list=models)
litellm.completion(model="gpt-4o", messages=[{"role": "user", "content": "Say hi to the team."}], max_tokens=20)
router.acompletion(model="fast", messages=[{"role": "user", "content": "Summarize the standup notes."}])
`,
    prompts: [
      { text: 'Say hi to the team.', callIndex: 0 },
      { text: 'Summarize the standup notes.', callIndex: 1 },
    ],
    calls: [
      { api: 'litellm', model: 'gpt-4o', bound: 20 },
      { api: 'litellm', model: 'fast', bound: null },
    ],
  },
  {
    name: 'openai responses with developer role input list',
    code: `from openai import OpenAI
client = OpenAI()
r = client.responses.parse(
    model="gpt-4o-2024-08-06",
    input=[{"role": "developer", "content": "Extract the event."}, {"role": "user", "content": email}],
    text_format=Event,
)
`,
    prompts: [{ text: 'Extract the event.', role: 'developer', callIndex: 0 }],
    calls: [{ api: 'openai.responses', model: 'gpt-4o-2024-08-06', bound: null }],
  },
  {
    name: 'anthropic system as content blocks, with_raw_response',
    code: `from anthropic import Anthropic
client = Anthropic()
r = client.messages.with_raw_response.create(
    model="claude-sonnet-4-20250514",
    max_tokens=1024,
    system=[{"type": "text", "text": "You summarize legal contracts.", "cache_control": {"type": "ephemeral"}}],
    messages=[{"role": "user", "content": [{"type": "text", "text": "Summarize clause 4."}]}],
)
`,
    prompts: [
      { text: 'You summarize legal contracts.', role: 'system', callIndex: 0 },
      { text: 'Summarize clause 4.', role: 'user', callIndex: 0 },
    ],
    calls: [{ api: 'anthropic.messages', model: 'claude-sonnet-4-20250514', bound: 1024 }],
  },
  {
    name: 'builder returning a messages list',
    code: `from openai import OpenAI
client = OpenAI()

def build_messages(question):
    return [
        {"role": "system", "content": "You are a math tutor."},
        {"role": "user", "content": f"Solve step by step: {question}"},
    ]

client.chat.completions.create(model="o3-mini", messages=build_messages(q), max_completion_tokens=2000)
`,
    prompts: [
      { text: 'You are a math tutor.', role: 'system', callIndex: 0 },
      { text: 'Solve step by step: {question}', role: 'user', callIndex: 0 },
    ],
    calls: [{ api: 'openai.chat', model: 'o3-mini', bound: 2000 }],
  },
  {
    name: 'Mistral and Ollama SDKs',
    code: `import ollama
from mistralai import Mistral
mistral = Mistral(api_key=key)
mistral.chat.complete(model="mistral-large-latest", max_tokens=99, messages=[{"role": "user", "content": "Name a French cheese."}])
ollama.chat(model="llama3.1", options={"num_predict": 128}, messages=[{"role": "system", "content": "You are a pirate."}])
ollama.generate(model="qwen2.5:7b", prompt="Write a haiku about tea.")
`,
    prompts: [
      { text: 'Name a French cheese.', role: 'user', callIndex: 0 },
      { text: 'You are a pirate.', role: 'system', callIndex: 1 },
      { text: 'Write a haiku about tea.', role: 'user', callIndex: 2 },
    ],
    calls: [
      { api: 'mistral.chat', model: 'mistral-large-latest', bound: 99 },
      { api: 'ollama', model: 'llama3.1', bound: 128, origin: 'config', boundParameter: 'num_predict' },
      { api: 'ollama', model: 'qwen2.5:7b', bound: null },
    ],
  },
  {
    name: 'LangGraph agent: prompt string on the builder, messages in the state dict',
    code: `from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
llm = ChatOpenAI(model="gpt-4o")
graph = create_react_agent(llm, tools, prompt="You are a research assistant. Cite sources.")
graph.invoke({"messages": [("user", "Find recent papers on RAG evaluation.")]})
`,
    prompts: [
      { text: 'You are a research assistant. Cite sources.', role: 'system', callIndex: 0 },
      { text: 'Find recent papers on RAG evaluation.', role: 'user', callIndex: 0 },
    ],
    calls: [{ api: 'langchain', model: 'gpt-4o' }],
  },
  {
    name: 'image, audio and embedding endpoints are not LLM calls and their prompt= is not swept',
    code: `from openai import OpenAI
client = OpenAI()
client.images.generate(model="dall-e-3", prompt="A watercolor painting of a lighthouse at dawn, soft light, wide angle")
client.audio.transcriptions.create(model="whisper-1", file=f, prompt="Transcribe the medical terms accurately and keep the speaker labels.")
client.embeddings.create(model="text-embedding-3-small", input="You are embedding this sentence about a lighthouse.")
`,
    prompts: [],
    calls: [],
  },
];

describe('python extractor: frameworks and message shapes', () => {
  runCases(cases);
});
