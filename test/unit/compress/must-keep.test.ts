import * as assert from 'node:assert/strict';
import { checkPreserved, compress, mustKeepItems, type MustKeepKind } from '../../../src/core/compress';

function itemsOf(text: string, kind: MustKeepKind): string[] {
  return mustKeepItems(text)
    .filter((i) => i.kind === kind)
    .map((i) => i.text);
}

describe('mustKeepItems', () => {
  it('extracts placeholders in every template syntax', () => {
    const text = 'Hi {name}, see {{ topic }} and ${user.id} in [bookname] with <thinking> and %s and $LANG.';
    assert.deepEqual(itemsOf(text, 'placeholder'), ['{name}', '{{ topic }}', '${user.id}', '[bookname]', '<thinking>', '%s', '$LANG']);
  });

  it('extracts code fences, inline code and JSON', () => {
    const text = 'Run `npm test` first.\n```py\nprint("hi")\n```\nReturn {"ok": true, "items": [1, 2]} only.';
    assert.deepEqual(itemsOf(text, 'code'), ['`npm test`', '```py\nprint("hi")\n```']);
    assert.deepEqual(itemsOf(text, 'json'), ['{"ok": true, "items": [1, 2]}']);
  });

  it('extracts quoted spans with straight, curly and single quotes, and an unclosed quote to the paragraph end', () => {
    const text = `Say "hello there". Use the keyword 'best SEO prompts' and ‘wow’ them. It’s fine. First: “I need help`;
    assert.deepEqual(itemsOf(text, 'quote'), ['"hello there"', "'best SEO prompts'", '‘wow’', '“I need help']);
  });

  it('extracts numbers with their units', () => {
    const text = 'Write 2,000 words, at most 3 links, for ages 18-30, a 20-step budget, $100, 0.8+ and three tables.';
    assert.deepEqual(itemsOf(text, 'number'), ['2,000 words', '3 links', '18-30', '20-step', '$100', '0.8+', 'three tables']);
  });

  it('extracts negations and limits with their object', () => {
    const text = "Do not write explanations. Only reply with the code, and nothing else. Don't guess. Keep it under 5 chords.";
    assert.deepEqual(itemsOf(text, 'negation'), ['not write explanations', 'Only reply with', 'nothing else', "Don't guess", 'under 5 chords']);
  });

  it('extracts names but not sentence openers or "I"', () => {
    const text = 'Translate into English for people in Istanbul. I use GitHub. Keep the SEO keyword.';
    assert.deepEqual(itemsOf(text, 'name'), ['English', 'Istanbul', 'GitHub', 'SEO']);
  });

  it('extracts the format terms of output-format sentences only', () => {
    const text = 'Reply with a markdown table and bullet points. The table in my kitchen is old.';
    assert.deepEqual(itemsOf(text, 'format'), ['markdown', 'table', 'bullet points']);
  });
});

describe('checkPreserved', () => {
  it('accepts contractions and case changes of negations', () => {
    assert.deepEqual(checkPreserved('You should not write explanations.', "Don't write explanations.").lost, []);
  });

  it('reports each lost item', () => {
    const lost = checkPreserved('Do not use {name} in more than 3 lines.', 'Use name in lines.').lost.map((i) => `${i.kind}:${i.text}`);
    assert.deepEqual(lost, ['negation:not use', 'placeholder:{name}', 'negation:more than 3 lines', 'number:3 lines']);
  });
});

describe('compress keeps every must-keep item', () => {
  const tricky = [
    'I want you to act as a translator. Do not translate names like John or Paris. You should never reply with more than 2 sentences.',
    'Please make sure that you only return JSON like {"label": "spam", "score": 0.9} and nothing else.',
    'I want you to act as a linux terminal. I will type commands and you will reply inside one unique code block. My first command is `ls -la`.',
    'You are a helpful assistant. Summarize {document} in at most 100 words for {audience}. Do not use the word "very".',
    'Remember to answer in French. Keep the answer under 5 sentences. Do not mention ${competitor}.\n```json\n{"a": 1}\n```',
    'I want you to act as an Excel sheet with 10 rows and columns A to L. Only reply with the table, not explanations.',
    "Your task is to be really, really careful: never delete files unless I say 'yes'. Don't run `rm -rf /`.",
  ];
  for (const level of ['safe', 'aggressive'] as const) {
    for (const text of tricky) {
      it(`${level}: ${JSON.stringify(text.slice(0, 60))}`, () => {
        const result = compress(text, { level });
        assert.deepEqual(checkPreserved(text, result.text).lost, []);
        assert.ok(result.text.length < text.length, 'something was compressed');
      });
    }
  }

  it('never edits inside quotes, code or placeholders', () => {
    const text = 'My first request is "I want you to please act as a very helpful assistant in order to help".';
    const result = compress(text, { level: 'aggressive' });
    assert.ok(result.text.includes('"I want you to please act as a very helpful assistant in order to help"'));
  });

  it('protects the extra placeholders a caller names', () => {
    const text = 'Please greet <<USER NAME>> in order to be polite.';
    assert.equal(compress(text, { placeholders: ['<<USER NAME>>'] }).text, 'Greet <<USER NAME>> to be polite.');
  });
});
