import Anthropic from '@anthropic-ai/sdk';
import { openai } from '@ai-sdk/openai';
import { generateObject } from 'ai';
import OpenAI from 'openai';
import { z } from 'zod';
import { actionItemsPrompt, summaryPrompt, TAGGING_SYSTEM_PROMPT } from './prompts';

const client = new OpenAI();
const anthropic = new Anthropic();

export async function summarizeNote(title: string, body: string): Promise<string> {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 400,
    messages: [
      { role: 'system', content: 'You write clear, faithful summaries of personal notes.' },
      { role: 'user', content: summaryPrompt(title, body) },
    ],
  });
  return completion.choices[0].message.content ?? '';
}

const ActionItems = z.object({
  items: z.array(
    z.object({
      task: z.string().describe('What has to be done, starting with a verb'),
      owner: z.string().nullable().describe('Person responsible, if the notes name one'),
      due: z.string().nullable().describe('Due date as YYYY-MM-DD, if stated'),
    }),
  ),
});

export async function extractActionItems(notes: string) {
  const { object } = await generateObject({
    model: openai('gpt-4o'),
    schema: ActionItems,
    prompt: actionItemsPrompt(notes),
  });
  return object.items;
}

export async function suggestTags(note: string, existingTags: string[]): Promise<string[]> {
  const message = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 60,
    system: TAGGING_SYSTEM_PROMPT,
    messages: [
      {
        role: 'user',
        content: `Existing tags: ${existingTags.join(', ') || 'none'}\n\nNote:\n${note}\n\nReply with the tags, comma-separated.`,
      },
    ],
  });
  const block = message.content[0];
  return block.type === 'text' ? block.text.split(',').map((t) => t.trim()) : [];
}
