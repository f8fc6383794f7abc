/** Small Python files with known findings, shared by the lint CLI tests. */

/** An OpenAI call with no output bound: one `unbounded-output` warning at line 4, column 12. */
export const UNBOUNDED_PY = `from openai import OpenAI
client = OpenAI()
def ask(question):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Answer briefly: {question}"}])
`;

/** A bounded call whose prompt is verbose: one `verbose-prompt` warning with a safe fix. */
export const VERBOSE_PY = `from openai import OpenAI
client = OpenAI()
def ask(question, name):
    return client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "user", "content": f"Please could you kindly help me, {name}, in order to answer the following question: {question}"}])
`;

export const VERBOSE_FIXED_PY = VERBOSE_PY.replace(
  'f"Please could you kindly help me, {name}, in order to answer the following question: {question}"',
  'f"Could you help me, {name}, to answer the following question: {question}"',
);

/** A bounded call with a short prompt: no finding at all. */
export const CLEAN_PY = `from openai import OpenAI
client = OpenAI()
def ask(question):
    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=[{"role": "user", "content": f"Answer in one word: {question}"}])
`;

/** The default routing table would suggest a cheaper model for these prompts; most tests look at other rules. */
export const NO_ROUTING_YAML = 'rules:\n  cheaper-model: off\n';
