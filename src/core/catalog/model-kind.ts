/**
 * What a catalog model is for, read from its id and prices. The price data carries no such field,
 * so the rule is: name markers first (embedding, audio, image, moderation, OCR), then a model with
 * both input and output token prices is a chat/text model, anything else is `other`.
 */
import type { ModelKind } from './types';

const NAME_KINDS: ReadonlyArray<readonly [RegExp, ModelKind]> = [
  [/embed|rerank/, 'embedding'],
  [/moderation|guard/, 'moderation'],
  [/ocr/, 'ocr'],
  [/tts|transcribe|whisper|audio|realtime|voxtral|sonic|speech|live/, 'audio'],
  [/image|dall-e|imagen|sora|veo|flux|stable-diffusion/, 'image'],
];

export function modelKind(modelId: string, hasInputPrice: boolean, hasOutputPrice: boolean): ModelKind {
  const id = modelId.toLowerCase();
  for (const [pattern, kind] of NAME_KINDS) if (pattern.test(id)) return kind;
  return hasInputPrice && hasOutputPrice ? 'chat' : 'other';
}
