import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A deterministic 2,000-file workspace shaped like a real product repo: most files are ordinary
 * Python and TypeScript with no LLM code; about one in seven calls an LLM SDK with a prompt.
 */

export const GENERATED_WORKSPACE = path.join(__dirname, '.generated', 'workspace');

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const NOUNS = ['invoice', 'order', 'customer', 'ticket', 'report', 'payment', 'session', 'account', 'shipment', 'review'];
const VERBS = ['load', 'save', 'validate', 'normalize', 'merge', 'export', 'sync', 'render', 'index', 'score'];

function pyPlain(rand: () => number, i: number): string {
  const parts = [`"""Helpers for ${NOUNS[i % NOUNS.length]} processing."""\nimport json\nimport logging\nfrom dataclasses import dataclass\n\nlog = logging.getLogger(__name__)\n`];
  const n = 8 + Math.floor(rand() * 25);
  for (let k = 0; k < n; k++) {
    const noun = NOUNS[Math.floor(rand() * NOUNS.length)];
    const verb = VERBS[Math.floor(rand() * VERBS.length)];
    parts.push(`
@dataclass
class ${noun[0].toUpperCase()}${noun.slice(1)}${k}:
    id: int
    name: str
    total: float = 0.0

    def ${verb}(self, rows: list[dict]) -> dict:
        """${verb} the ${noun} rows and return a summary."""
        out = {"count": 0, "sum": 0.0}
        for row in rows:
            if row.get("status") == "void":
                log.info("skipping void ${noun} %s", row.get("id"))
                continue
            out["count"] += 1
            out["sum"] += float(row.get("amount", 0))
        return out
`);
  }
  return parts.join('');
}

function tsPlain(rand: () => number, i: number): string {
  const parts = [`import { z } from 'zod';\n\nexport const ${NOUNS[i % NOUNS.length]}Schema = z.object({ id: z.number(), name: z.string() });\n`];
  const n = 8 + Math.floor(rand() * 25);
  for (let k = 0; k < n; k++) {
    const noun = NOUNS[Math.floor(rand() * NOUNS.length)];
    const verb = VERBS[Math.floor(rand() * VERBS.length)];
    parts.push(`
export interface ${noun[0].toUpperCase()}${noun.slice(1)}Row${k} { id: number; amount: number; status: 'open' | 'void' }

export function ${verb}${noun[0].toUpperCase()}${noun.slice(1)}${k}(rows: ${noun[0].toUpperCase()}${noun.slice(1)}Row${k}[]): { count: number; sum: number } {
  let count = 0;
  let sum = 0;
  for (const row of rows) {
    if (row.status === 'void') {
      console.debug(\`skipping void ${noun} \${row.id}\`);
      continue;
    }
    count += 1;
    sum += row.amount;
  }
  return { count, sum };
}
`);
  }
  return parts.join('');
}

function pyLlm(rand: () => number, i: number): string {
  const noun = NOUNS[i % NOUNS.length];
  const n = 2 + Math.floor(rand() * 4);
  const parts = [`from openai import OpenAI\nfrom anthropic import Anthropic\n\nclient = OpenAI()\nclaude = Anthropic()\n`];
  for (let k = 0; k < n; k++) {
    parts.push(`
SYSTEM_PROMPT_${k} = """You are a careful assistant for the ${noun} team. Read the ${noun} record the user sends and
answer with a short JSON object with the keys "category", "priority" and "reason". Do not invent fields.
Use at most 40 words in "reason". If the record is empty, answer {"category": "unknown"}."""


def classify_${noun}_${k}(record: str, model: str = "gpt-4o-mini") -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT_${k}},
            {"role": "user", "content": f"Record:\\n{record}"},
        ],
    )
    return response.choices[0].message.content


def summarize_${noun}_${k}(text: str) -> str:
    message = claude.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=300,
        system="Summarize the ${noun} notes for a manager in three bullet points.",
        messages=[{"role": "user", "content": text}],
    )
    return message.content[0].text
`);
  }
  return parts.join('') + pyPlain(rand, i);
}

function tsLlm(rand: () => number, i: number): string {
  const noun = NOUNS[i % NOUNS.length];
  const n = 2 + Math.floor(rand() * 4);
  const parts = [`import OpenAI from 'openai';\nimport { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\n\nconst client = new OpenAI();\n`];
  for (let k = 0; k < n; k++) {
    parts.push(`
const ${noun}Instructions${k} = \`You are a support agent for the ${noun} desk. Answer the customer's question using only
the context below. If the answer is not in the context, say you do not know. Keep answers under 120 words.\`;

export async function answer${k}(question: string, context: string) {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: ${noun}Instructions${k} },
      { role: 'user', content: \`Context:\\n\${context}\\n\\nQuestion: \${question}\` },
    ],
  });
  return completion.choices[0].message.content;
}

export async function draft${k}(topic: string) {
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    system: 'Draft a friendly two-paragraph update about the ${noun} topic the user names.',
    prompt: topic,
    maxOutputTokens: 400,
  });
  return text;
}
`);
  }
  return parts.join('') + tsPlain(rand, i);
}

/** Writes the workspace once; later calls reuse it. Returns its folder. */
export function generateWorkspace(files = 2000, dir = GENERATED_WORKSPACE): string {
  const marker = path.join(dir, `.complete-${files}`);
  if (fs.existsSync(marker)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const rand = prng(42);
  for (let i = 0; i < files; i++) {
    const llm = i % 7 === 3;
    const python = i % 2 === 0;
    const folder = path.join(dir, python ? 'services' : 'web', `pkg${Math.floor(i / 50)}`);
    fs.mkdirSync(folder, { recursive: true });
    const text = python ? (llm ? pyLlm(rand, i) : pyPlain(rand, i)) : llm ? tsLlm(rand, i) : tsPlain(rand, i);
    fs.writeFileSync(path.join(folder, `${python ? 'mod' : 'module'}${i}.${python ? 'py' : 'ts'}`), text);
  }
  fs.writeFileSync(marker, '');
  return dir;
}

if (require.main === module) {
  const dir = generateWorkspace();
  console.log(`workspace at ${dir}`);
}
