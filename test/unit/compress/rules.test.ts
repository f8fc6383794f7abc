import * as assert from 'node:assert/strict';
import { compress, type CompressLevel } from '../../../src/core/compress';

/** One row: the input, the expected output, and the rule that must appear among the edits. */
type Row = readonly [input: string, output: string, rule: string];

function table(level: CompressLevel, rows: readonly Row[]): void {
  for (const [input, output, rule] of rows) {
    it(`${rule}: ${JSON.stringify(input)}`, () => {
      const result = compress(input, { level });
      assert.equal(result.text, output);
      assert.ok(
        result.edits.some((e) => e.rule.split('+').includes(rule)),
        `expected an edit by ${rule}, got ${result.edits.map((e) => e.rule).join(', ')}`,
      );
    });
  }
}

describe('compress rules (safe level)', () => {
  describe('boilerplate', () => {
    table('safe', [
      ['I want you to act as a linux terminal.', 'Act as a linux terminal.', 'boilerplate/want-you-to'],
      ['I would like you to act as an SVG designer.', 'Act as an SVG designer.', 'boilerplate/want-you-to'],
      ['I want you to only reply with the answer.', 'Only reply with the answer.', 'boilerplate/want-you-to'],
      ['I want you to not explain the code.', "Don't explain the code.", 'boilerplate/want-you-not-to'],
      ['You are a helpful assistant. Summarize the text.', 'Summarize the text.', 'boilerplate/helpful-assistant'],
      [
        'You are a helpful assistant. Your goal is to assist users with their questions. Answer in French.',
        'Answer in French.',
        'boilerplate/assist-users',
      ],
      ['Act as a poet. You will create poems about the sea.', 'Act as a poet. Create poems about the sea.', 'boilerplate/you-will'],
      ['Act as a critic. You should only reply with your review.', 'Act as a critic. Only reply with your review.', 'boilerplate/you-should'],
      ['Act as a critic. You should not write spoilers.', "Act as a critic. Don't write spoilers.", 'boilerplate/you-should'],
      ['Act as a coach. Your goal is to prepare the team.', 'Act as a coach. Prepare the team.', 'boilerplate/your-task-is'],
      [
        'I will give you descriptions of matches and you will commentate on them.',
        'Given descriptions of matches, commentate on them.',
        'boilerplate/given-input',
      ],
      [
        'I will describe a topic, and it will be your job to explain it.',
        'Given a topic, explain it.',
        'boilerplate/given-input',
      ],
      ['Write a haiku. My first request is "autumn rain"', 'Write a haiku. First request: "autumn rain"', 'boilerplate/my-first-request'],
      ['Write a tagline. My first product name will be "Acme"', 'Write a tagline. First product name: "Acme"', 'boilerplate/my-first-input'],
      ['Imagine you are a chef. Plan a menu.', "You're a chef. Plan a menu.", 'boilerplate/imagine-you-are'],
    ]);
  });

  describe('politeness', () => {
    table('safe', [
      ['Please summarize the article.', 'Summarize the article.', 'politeness/please'],
      ['Summarize the article, please.', 'Summarize the article.', 'politeness/please'],
      ['Kindly list the steps.', 'List the steps.', 'politeness/kindly'],
      ['List the steps. Thank you!', 'List the steps.', 'politeness/thanks'],
      ['Remember to cite your sources.', 'Cite your sources.', 'politeness/reminder'],
      ['Keep in mind that the reader is a child.', 'The reader is a child.', 'politeness/reminder'],
      ["I would appreciate it if you could check the grammar.", 'Check the grammar.', 'politeness/appreciate-if'],
    ]);

    it('leaves the verb "to please" alone', () => {
      assert.equal(compress('Write jokes to please the audience.').text, 'Write jokes to please the audience.');
    });
  });

  describe('wordy phrases', () => {
    table('safe', [
      ['Use examples in order to explain.', 'Use examples to explain.', 'wordy/in-order-to'],
      ['Be brief due to the fact that space is short.', 'Be brief because space is short.', 'wordy/due-to-the-fact-that'],
      ['Make sure that the summary is short.', 'Ensure the summary is short.', 'wordy/make-sure'],
      ['Make sure that you cite sources.', 'Cite sources.', 'politeness/reminder'],
      ['Come up with a plan.', 'Devise a plan.', 'wordy/come-up-with'],
      ['Take into account the budget.', 'Consider the budget.', 'wordy/take-into-account'],
      ['Suggest a large number of names.', 'Suggest many names.', 'wordy/a-large-number-of'],
      ['The tool is able to parse JSON.', 'The tool can parse JSON.', 'wordy/is-able-to'],
      ['Check whether or not it compiles.', 'Check whether it compiles.', 'wordy/whether-or-not'],
      ['Post on a daily basis.', 'Post daily.', 'wordy/on-a-daily-basis'],
      ['I will be the candidate.', "I'll be the candidate.", 'wordy/i-will'],
      ['Use a lot of examples.', 'Use many examples.', 'wordy/a-lot-of'],
      ['Provide an explanation of the error.', 'Explain the error.', 'wordy/provide-an-explanation'],
      ['Give a description of the scene.', 'Describe the scene.', 'wordy/give-a-description'],
      ['Write a summary of the book.', 'Summarize the book.', 'wordy/provide-a-summary'],
      ['Conduct an analysis of the market.', 'Analyze the market.', 'wordy/conduct-an-analysis'],
      ['Help me make a decision about the offer.', 'Help me decide the offer.', 'wordy/make-a-decision'],
      ['Pick stories which have the potential to inspire.', 'Pick stories which can inspire.', 'wordy/has-the-potential'],
      ['Rank them on the basis of cost.', 'Rank them based on cost.', 'wordy/on-the-basis-of'],
      ['List all fruits with the exception of apples.', 'List all fruits except apples.', 'wordy/with-the-exception-of'],
      ['Use code as well as prose.', 'Use code and prose.', 'wordy/as-well-as'],
    ]);

    it('keeps "a lot of" before a mass noun, where "many" would be wrong', () => {
      assert.equal(compress('Display a lot of HTML.').text, 'Display a lot of HTML.');
    });

    it('leaves comparisons with "as well as" alone', () => {
      for (const text of ['Keep up the act as well as you can.', 'Explain it as well as possible.']) assert.equal(compress(text).text, text);
    });

    it('leaves wordy phrases inside quotes and code alone', () => {
      for (const text of ['Translate "in order to win" into French.', 'Run `make use of`.']) assert.equal(compress(text).text, text);
    });
  });

  describe('turn-taking protocol', () => {
    table('safe', [
      ['I will type commands and you will reply with the output.', 'I type commands; reply with the output.', 'protocol/and-you-will'],
      ['I will type commands and you will reply with the output.', 'I type commands; reply with the output.', 'protocol/user-moves'],
      ['In some cases, I will speak French, and you will only reply in English.', 'In some cases, I speak French; only reply in English.', 'protocol/and-you-will'],
      ['Reply with what the terminal should show.', 'Reply with what the terminal shows.', 'protocol/should-show'],
      ['Reply with what the page would look like.', 'Reply with what the page looks like.', 'protocol/should-show'],
      ["Don't type commands unless I instruct you to do so.", "Don't type commands unless I instruct you.", 'protocol/to-do-so'],
      ['For notes, I will do so by putting text in brackets.', "For notes, I'll put text in brackets.", 'protocol/do-so-by'],
      [
        'When I need to tell you something in English, I will do so by putting text in {braces}.',
        "To tell you something in English, I'll put text in {braces}.",
        'protocol/when-i-need-to',
      ],
      ['Only reply with the code, and nothing else.', 'Only reply with the code, nothing else.', 'protocol/and-nothing-else'],
    ]);

    const unchanged: readonly string[] = [
      // The user's own state and the model's experiences are not instructions.
      'I will be the candidate.',
      'I type a word and you will receive a hint.',
      'I type a word and you will not answer.',
      'I type a word and you will need to guess it.',
      // "and you will" after a clause whose subject is not the user.
      'The game starts and you will move first.',
      // No sentence of the form "..., I ..." after "When I need to".
      'When I need to tell you something, use brackets.',
      // Verbs without a known plain form stay.
      'I will do so by emailing you.',
      // Inside quotes and code.
      'Reply "I will type commands and you will reply" verbatim.',
      'Print `what the terminal should show`.',
    ];
    for (const text of unchanged) {
      it(`leaves ${JSON.stringify(text)} as it is`, () => {
        const result = compress(text);
        assert.ok(!result.edits.some((e) => e.rule.includes('protocol/')), result.edits.map((e) => e.rule).join(', '));
      });
    }
  });

  describe('first-input labels', () => {
    table('safe', [
      ['My first expression is: 4+5', 'First expression: 4+5', 'boilerplate/my-first-request'],
      ['My first job title is "Software Engineer".', 'First job title: "Software Engineer".', 'boilerplate/my-first-request'],
      ['Here is your first prompt: "A field"', 'First prompt: "A field"', 'boilerplate/my-first-request'],
      ['My first request – “Something light”', 'First request: “Something light”', 'boilerplate/my-first-request'],
    ]);

    it('leaves "my first" alone when it is not a label', () => {
      for (const text of ['Review my first draft.', 'The first sentence must be short.', 'The first, second and third items.']) assert.equal(compress(text).text, text);
    });
  });

  describe('contractions', () => {
    table('safe', [
      ['Do not write explanations.', "Don't write explanations.", 'contraction/dont'],
      ['The answer is not final.', "The answer isn't final.", 'contraction/isnt'],
      ['You cannot skip steps.', "You can't skip steps.", 'contraction/cant'],
    ]);

    it('does not contract before punctuation', () => {
      assert.equal(compress('Say what it is.').text, 'Say what it is.');
    });
  });

  describe('filler', () => {
    table('safe', [['Write a very short and really clear summary.', 'Write a short and clear summary.', 'filler/intensifier']]);
  });

  describe('duplicates', () => {
    table('safe', [
      ['Do not write explanations. Reply in French. Do not write explanations.', "Don't write explanations. Reply in French.", 'duplicates/repeated-sentence'],
      [
        'I want you to correct my grammar mistakes and typos. Reply in English. Remember, I want you to correct my grammar mistakes and typos.',
        'Correct my grammar mistakes and typos. Reply in English.',
        'duplicates/repeated-sentence',
      ],
    ]);

    it('keeps a later sentence that drops a negation', () => {
      const text = 'Never use more than three tools per task. Use three tools per task.';
      assert.equal(compress(text).text, text);
    });
  });

  describe('whitespace and markdown', () => {
    table('safe', [
      ['Reply  in   English.', 'Reply in English.', 'whitespace/repeated'],
      ['Reply in English.   \nBe brief.', 'Reply in English.\nBe brief.', 'whitespace/trailing'],
      ['Rules:\n\n\n\n- Be brief.', 'Rules:\n\n- Be brief.', 'whitespace/blank-lines'],
      ['Be **brief** and __clear__.', 'Be brief and clear.', 'markdown/bold'],
      ['Answer in English .', 'Answer in English.', 'whitespace/before-punctuation'],
    ]);

    it('keeps the newlines that structure a list', () => {
      const text = 'Rules:\n- Be brief.\n- Be kind.\n1. First\n2. Second';
      assert.equal(compress(text).text, text);
    });
  });
});

describe('compress rules (aggressive level)', () => {
  table('aggressive', [
    ['Act as a poet and write the poem.', 'Act as poet and write poem.', 'telegraphic/article'],
    ['We will start at noon.', 'We start at noon.', 'telegraphic/future-tense'],
    ['Use your wit. Your jokes should be short.', 'Use wit. Jokes should be short.', 'telegraphic/possessive'],
    ['Suggest me places and give me a list.', 'Suggest places and give list.', 'telegraphic/indirect-object'],
    ['Use tone, manner, and vocabulary.', 'Use tone, manner, vocabulary.', 'telegraphic/list-and'],
    ['Tell stories that are engaging.', 'Tell stories engaging.', 'telegraphic/relative-copula'],
    ['Provide the code and any short notes.', 'Provide code and short notes.', 'telegraphic/any'],
    ['Explain that the tool is slow.', 'Explain tool is slow.', 'telegraphic/that'],
    ['Write a poem. My first request is "love"', 'Write poem. Request: "love"', 'telegraphic/first-label'],
    ['Describe the scene. Feel free to be imaginative.', 'Describe scene. Be imaginative.', 'telegraphic/feel-free-to'],
    ['Give some ideas.', 'Give ideas.', 'filler/softener'],
    ['Intro\n\nBody', 'Intro\nBody', 'whitespace/paragraph-breaks'],
    ['## Task\nSummarize.', 'Task\nSummarize.', 'markdown/heading-marks'],
    ['Use tools, such as synthesizers or samplers, to create melodies.', 'Use tools, to create melodies.', 'elaboration/example-list'],
    ['Research it, such as history and culture, then write a summary.', 'Research it, then write summary.', 'elaboration/example-list'],
    ['Review the code (e.g. style and naming) and list bugs.', 'Review code and list bugs.', 'elaboration/parenthetical'],
    ['Write the post, so that readers stay engaged.', 'Write post.', 'elaboration/purpose-clause'],
    ['Give code and notes to ensure a clear understanding.', 'Give code and notes.', 'elaboration/purpose-clause'],
    ['Write stories that can captivate readers. Keep them short.', 'Write stories. Keep them short.', 'elaboration/benefit-clause'],
    ['Give helpful and relevant advice on budgets.', 'Give advice on budgets.', 'elaboration/vague-adjective'],
    ['Actively engage with the ideas.', 'Engage with ideas.', 'elaboration/vague-adverb'],
    ['Based on your knowledge, suggest a plan.', 'Suggest plan.', 'elaboration/grounding-lead-in'],
    ['Read the paper, then you should answer the questions.', 'Read paper, then answer questions.', 'telegraphic/modal-subject'],
    ['Reply in the following format: a list.', 'Reply in format: list.', 'telegraphic/following'],
  ]);

  it('keeps lists that specify, and lists it cannot see the end of', () => {
    for (const [text, output] of [
      ['Cover the plan, including costs and risks.', 'Cover plan, including costs and risks.'],
      ['Explain it, such as how to install it.', 'Explain it, such as how to install it.'],
      ['Give a review, such as pros, cons, and comparisons to other phones on the market.', 'Give review, such as pros, cons, comparisons to other phones on market.'],
      ['Post on platforms such as Instagram, Twitter or YouTube and engage with the audience.', 'Post on platforms such as Instagram, Twitter or YouTube and engage with audience.'],
    ]) {
      assert.equal(compress(text, { level: 'aggressive' }).text, output);
    }
  });

  it('keeps examples and clauses that hold a must-keep item', () => {
    for (const text of ['Say "hi", such as "hello" or "hey".', 'Give tips, such as three drills.', 'Write it, so that it fits in 200 words.']) {
      assert.equal(compress(text, { level: 'aggressive' }).text, text);
    }
  });

  it('keeps "to ensure" when it is the task, not its purpose', () => {
    assert.equal(compress('The aim is to ensure the reader laughs.', { level: 'aggressive' }).text, 'Aim is to ensure reader laughs.');
  });

  it('keeps praise words that are compared or coordinated with a kept adjective', () => {
    assert.equal(compress('Choose the most suitable option. Give fun, unique ideas.', { level: 'aggressive' }).text, 'Choose most suitable option. Give fun, unique ideas.');
  });

  it('keeps "you may need to" and other modals that are not instructions', () => {
    assert.equal(compress('In some cases, you may need to explain taxes.', { level: 'aggressive' }).text, 'In some cases, you may need to explain taxes.');
  });

  it('runs no aggressive rule at the safe level', () => {
    assert.equal(compress('Act as a poet and write the poem.').text, 'Act as a poet and write the poem.');
  });

  it('keeps "any" when it belongs to a negation, and "any" pronouns', () => {
    for (const text of ["Don't write any explanations.", 'Ask anything.', 'Reply in any way.']) {
      assert.ok(compress(text, { level: 'aggressive' }).text.includes('any'), text);
    }
  });

  it('keeps "that is" before words that are not participles or adjectives', () => {
    assert.equal(compress('Pick a city that is near Rome.', { level: 'aggressive' }).text, 'Pick city that is near Rome.');
  });

  it('keeps "some" in fixed phrases', () => {
    assert.equal(compress('In some cases, ask some of the questions.', { level: 'aggressive' }).text, 'In some cases, ask some of questions.');
  });
});
