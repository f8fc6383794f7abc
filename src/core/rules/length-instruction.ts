/**
 * Finds an instruction in a prompt that limits the length of the answer ("Answer in at most 3
 * sentences", "under 100 words", "one word", "Respond with only the label"). Such a prompt bounds
 * its output in practice, so `unbounded-output` accepts it in place of a max-tokens parameter.
 * Vague requests ("be concise", "keep it short") do not count: they bound nothing.
 */

const COUNT = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|fifty|a hundred|a few|a couple of)`;
const UNIT = String.raw`(?:words?|sentences?|lines?|characters?|chars|tokens?|paragraphs?|bullet(?:s| points?)?|points?|items?|phrases?|tweets?|emojis?|letters?|digits?|numbers?|labels?|tags?|keywords?)`;

const PATTERNS: readonly RegExp[] = [
  // "at most 3 sentences", "no more than 50 words", "under 100 words", "maximum of 5 bullet points"
  new RegExp(String.raw`\b(?:at most|no more than|not more than|fewer than|less than|under|up to|within|maximum of|max(?:imum)?|limit(?:ed)? (?:it |yourself |the (?:answer|response|reply|output) )?to|not exceed(?:ing)?|no longer than)\s+${COUNT}\s+(?:\w+\s+)?${UNIT}\b`, 'i'),
  // "50 words or less", "3 sentences max"
  new RegExp(String.raw`\b${COUNT}\s+${UNIT}\s+(?:or (?:less|fewer)|max(?:imum)?|at most|tops)\b`, 'i'),
  // "in 2 sentences", "in one word", "in a single sentence", "with one word"
  new RegExp(String.raw`\b(?:in|with|using|as|into)\s+(?:exactly\s+|just\s+|only\s+)?(?:${COUNT}|a single|a|one single)\s+(?:short\s+)?(?:word|sentence|line|phrase|number|paragraph|tweet|emoji|digit)s?\b`, 'i'),
  // "Respond with only the label", "Reply with just the category", "Output only the number"
  /\b(?:respond|reply|answer|return|output|print|give|write|say)\s+(?:with\s+)?(?:only|just|nothing but|solely)\s+(?:the|a|one|a single|an)?\s*(?:\w+\s+)?(?:label|labels|category|class|word|number|score|rating|name|answer|letter|digit|id|code|yes|no|value|sentiment|language|emoji|tag|choice|option)\b/i,
  // "Only output the label", "only respond with yes or no"
  /\bonly\s+(?:output|return|respond with|reply with|answer with|give|print|write)\s+(?:the|a|one|a single|an)?\s*(?:\w+\s+)?(?:label|category|class|word|number|score|rating|name|letter|digit|id|code|value|sentiment|language|emoji|tag|choice|option)\b/i,
  // "Answer yes or no", "Respond with YES or NO", "true or false"
  /\b(?:answer|respond|reply|return|output)\s+(?:with\s+|only\s+|just\s+)*["'`]?(?:yes|true)["'`]?\s+or\s+["'`]?(?:no|false)["'`]?/i,
  // "one word", "single word", "one-word answer"
  /\b(?:one|single|1)[ -](?:word|sentence|line|letter|digit|number)\b/i,
];

export interface LengthInstruction {
  /** The instruction as written in the prompt. */
  phrase: string;
  /** Offset of the phrase in the prompt text. */
  index: number;
}

/** The first length instruction in `text`, or null when the prompt asks for no limit. */
export function findLengthInstruction(text: string): LengthInstruction | null {
  let best: LengthInstruction | null = null;
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (match && (best === null || match.index < best.index)) best = { phrase: match[0].trim(), index: match.index };
  }
  return best;
}
