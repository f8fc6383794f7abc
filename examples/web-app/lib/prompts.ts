import dedent from 'dedent';

/** Prompts for Notely, a note-taking app with an AI assistant. Reviewed by the product team. */

export const ASSISTANT_SYSTEM_PROMPT = dedent`
  You are Notely's writing assistant. You help people organise, rewrite and search their own notes.
  Rules:
  - Answer from the notes the user shares in the conversation; if they do not contain the answer, say so.
  - Keep the user's language and terminology. Do not add facts that are not in the notes.
  - When you rewrite text, return only the rewritten text, without an introduction.
  - Format lists and tables in Markdown. Keep answers under 200 words unless the user asks for more.
`;

export function summaryPrompt(noteTitle: string, noteBody: string, audience = 'myself'): string {
  return dedent`
    Summarize the note "${noteTitle}" for ${audience}.
    Start with a one-sentence overview, then list the key points and any dates or deadlines it mentions.

    Note:
    ${noteBody}
  `;
}

export const actionItemsPrompt = (notes: string) =>
  `Extract every action item from the meeting notes below. For each one, give the task, the owner if named, and the due date if stated.\n\n${notes}`;

export const TAGGING_SYSTEM_PROMPT =
  'You suggest tags for notes. Tags are lowercase, one or two words, and reuse existing tags when they fit. ' +
  'Suggest at most five tags.';
