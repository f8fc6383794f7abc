/**
 * A deterministic ~200 KB text mixing English, code, JSON, CJK, emoji and Arabic, for checking that
 * gpt-tokenizer's counts equal tiktoken's on every kind of text a prompt may hold.
 */
const PIECES = [
  'You are a helpful assistant. Summarise the following customer email in three bullet points, keeping names and dates.\n',
  'def classify(ticket: dict) -> str:\n    """Return the queue for a ticket."""\n    if ticket["priority"] >= 3:\n        return "urgent"\n    return f"queue-{ticket[\'team\']}"\n',
  'export async function ask(client: OpenAI, q: string) {\n  const r = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });\n  return r.choices[0]?.message?.content ?? "";\n}\n',
  '{"id": 42, "tags": ["a", "b"], "score": 0.875, "nested": {"ok": true, "value": null}, "text": "line\\nbreak \\u00e9"}\n',
  '请把下面的文章翻译成英文，并保留原文的段落结构。日本語の文章も含まれています：今日はいい天気ですね。한국어 문장도 있습니다.\n',
  'مرحبا بك في خدمة العملاء. يرجى وصف المشكلة بالتفصيل حتى نتمكن من مساعدتك بسرعة.\n',
  'Emoji mix: 👍🏽 🎉🚀 👨‍👩‍👧‍👦 ❤️‍🔥 and flags 🇫🇷🇯🇵, with accents: naïve café, Ångström, Straße.\n',
  'Numbers 1234567890, 3.14159, 1e-9, -42; symbols <|endoftext|> <|fim_prefix|> {{placeholder}} ${var} %s \t\ttabs\r\nCRLF\n',
  'Привет! Это русский текст с пунктуацией — и тире, «кавычки» и т. д. Ελληνικά επίσης. हिन्दी पाठ भी है।\n',
  '    \n\n   trailing spaces   \n\u00a0non-breaking\u2028line-separator\u3000ideographic-space\u0085next-line\n',
];

/** Repeats the pieces with a varying counter until the text reaches `targetChars` UTF-16 units. */
export function mixedText(targetChars = 200_000): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < targetChars; i++) {
    const piece = `${PIECES[i % PIECES.length]}#${i} `;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}
