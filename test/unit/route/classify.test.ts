import * as assert from 'node:assert/strict';
import { classifyPrompt, extractFeatures, type Complexity, type Task } from '../../../src/core/route';

// Prompts written for these tests, not taken from the labelled eval set.
const TASK_CASES: Record<Task, string[]> = {
  classify: [
    'Classify the following support email into one of these categories: refund, delivery, login, other. Output only the category.\n\n{email}',
    'Is this tweet sarcastic? Answer yes or no.\nTweet: {tweet}',
    'You are a spam filter. Label each SMS message as "spam" or "ham".',
    'Determine the urgency of the bug report (P0, P1, P2 or P3). Reply with the priority only.\n{report}',
  ],
  extract: [
    'Extract the flight number, departure airport, arrival airport and departure time from this booking confirmation. Return JSON.\n{confirmation}',
    'From the receipt below, pull out each line item with its quantity and price.\n{receipt}',
    'Find all the dates mentioned in the following paragraph and return them in ISO 8601 format: {paragraph}',
    'What is the tracking number in this shipping notice? Reply with just the number.\n{notice}',
  ],
  summarize: [
    'Summarize this customer call transcript in five bullet points for the account manager.\n{transcript}',
    'Write a one-paragraph summary of the quarterly report below for the board.\n{report}',
    'tl;dr of this GitHub issue thread please: {thread}',
    'Condense the following research article into its key findings and limitations.\n{article}',
  ],
  translate: [
    'Translate the following product description into Spanish, keeping the brand names in English.\n{description}',
    'Please translate this error message to Japanese: "Your session has expired."',
    'You are a localisation engine. Translate each value of the JSON object from English into French and keep the keys unchanged.\n{json}',
    'How would you say "thank you for your patience" in Korean?',
  ],
  rewrite: [
    'Rewrite this paragraph so that it sounds more confident and less apologetic:\n{paragraph}',
    'Proofread the text below and correct any spelling or grammar mistakes.\n{text}',
    'Make this Slack message more polite: "fix the build now, it has been broken all day"',
    'Rephrase the following sentence in plain English for a general audience: {sentence}',
  ],
  draft: [
    'Write a LinkedIn post announcing that our team is hiring two backend engineers.',
    'Draft a friendly reminder email to customers whose subscription renews next week.',
    'Compose a short poem about autumn in Kyoto.',
    'Generate ten name ideas for a budgeting app aimed at students.',
  ],
  qa: [
    'What is the boiling point of water at the top of Mount Everest?',
    'Answer the user question using only the documentation excerpts below. If the answer is not there, say you do not know.\n\nDocumentation:\n{docs}\n\nQuestion: {question}',
    'Who was the first woman to win a Nobel Prize?',
    'You are a helpful assistant for a bank. Answer customer questions about account fees politely and accurately.',
  ],
  reason: [
    'A store sells pens at 3 for $2. How much do 15 pens cost? Show your reasoning step by step.',
    'Tom is taller than Jerry, and Jerry is taller than Spike. Is Spike taller than Tom?',
    'Compare the total cost of leasing versus buying a $30,000 car over 5 years with a 6% interest rate, and recommend one.',
    'Plan the order of tasks for moving house in two weeks, taking into account that the utilities must be transferred before the move and the old flat must be cleaned after it.',
  ],
  code: [
    'Write a JavaScript function that debounces another function.',
    'Refactor this Python class to use dataclasses:\n```python\nclass Point:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n```',
    'Fix the bug in this SQL query: SELECT * FROM orders WHERE created_at > NOW() - 7;',
    'Implement a REST endpoint in Express that returns the list of users as JSON, with pagination.',
  ],
};

describe('task classifier', () => {
  for (const [task, prompts] of Object.entries(TASK_CASES) as Array<[Task, string[]]>) {
    describe(task, () => {
      for (const prompt of prompts) {
        it(prompt.split('\n')[0].slice(0, 90), () => {
          const result = classifyPrompt(prompt);
          assert.equal(result.task, task, result.why.join(' | '));
        });
      }
    });
  }

  describe('complexity', () => {
    const cases: Array<[string, Complexity]> = [
      ['Translate to German: {text}', 'low'],
      ['Is this review positive or negative? Answer with one word.\n{review}', 'low'],
      ['Summarise the meeting transcript: list the decisions, the action items with owners and due dates, and the open risks.\n{transcript}', 'medium'],
      [
        'Design and implement a multi-tenant job scheduler in Rust: a distributed lock on Postgres, retries with exponential backoff, cron expressions, ' +
          'per-tenant quotas, Prometheus metrics and graceful shutdown. Provide the module layout, the code of each file, unit and integration tests, ' +
          'and explain how the design avoids race conditions when two replicas pick the same job. Think step by step about the failure modes before writing code.',
        'high',
      ],
    ];
    for (const [prompt, complexity] of cases) {
      it(`${complexity}: ${prompt.slice(0, 70)}`, () => {
        const result = classifyPrompt(prompt);
        assert.equal(result.complexity, complexity, result.why.join(' | '));
      });
    }
  });

  describe('explanations', () => {
    it('says in plain words which features decided the task and the complexity', () => {
      const result = classifyPrompt('Translate the following UI strings into German and return JSON with the same keys.\n{strings}');
      assert.equal(result.task, 'translate');
      assert.ok(result.why.some((line) => /translate: opens with the instruction "translate"/.test(line)), result.why.join(' | '));
      assert.ok(result.why.some((line) => /target language \(german\)/.test(line)), result.why.join(' | '));
      assert.match(result.why.at(-1) ?? '', /^complexity low/);
    });

    it('is deterministic', () => {
      const prompt = 'You are a planning agent. Break the goal into steps, estimate each, and flag risks.';
      assert.deepEqual(classifyPrompt(prompt), classifyPrompt(prompt));
    });

    it('reports a confidence between 0 and 1', () => {
      for (const prompts of Object.values(TASK_CASES)) {
        for (const prompt of prompts) {
          const { confidence } = classifyPrompt(prompt);
          assert.ok(confidence >= 0 && confidence <= 1, String(confidence));
        }
      }
    });

    it('treats a prompt with no signal as a question, and says so', () => {
      const result = classifyPrompt('hello');
      assert.equal(result.task, 'qa');
      assert.match(result.why[0], /no task signal/);
    });
  });

  describe('features', () => {
    it('reads instructions after leads such as "I want you to" and "Your task is to"', () => {
      const f = extractFeatures('I want you to act as a translator. Your task is to translate my messages into Italian.');
      assert.deepEqual(f.instructions.map((i) => i.verb), ['translate']);
      assert.deepEqual(f.roles.map((r) => r.noun), ['translator']);
      assert.deepEqual(f.targetLanguages, ['italian']);
    });

    it('decides a generic verb by its object', () => {
      const tasks = (text: string) => extractFeatures(text).instructions.map((i) => `${i.verb}:${i.task}`);
      assert.deepEqual(tasks('Write a function that sorts a list.'), ['write:code']);
      assert.deepEqual(tasks('Write an email to the landlord.'), ['write:draft']);
      assert.deepEqual(tasks('Turn these notes into a polished paragraph.'), ['turn:rewrite']);
      assert.deepEqual(tasks('Convert this query to SQL.'), ['convert:code']);
      assert.deepEqual(tasks('Render this sentence in plain Dutch.'), ['render:translate']);
      assert.deepEqual(tasks('Make it shorter.'), ['make:rewrite']);
    });

    it('ignores placeholders and field labels as verbs', () => {
      assert.deepEqual(extractFeatures('Review: {review}\nCode: {code}').instructions, []);
    });

    it('counts examples, steps, requested length, code and data', () => {
      const f = extractFeatures(
        'Classify the intent.\nInput: cancel my plan\nOutput: cancel\nInput: what does it cost\nOutput: pricing\n' +
          'Steps:\n1. Read the message.\n2. Pick one intent.\n3. Reply in under 10 words.\n```js\nconst a = 1;\n```\n| a | b |\n',
      );
      assert.equal(f.examples, 2);
      assert.equal(f.steps, 3);
      assert.equal(f.requestedWords, 10);
      assert.equal(f.codeBlocks, 1);
      assert.equal(f.dataBlob, true);
    });
  });
});
