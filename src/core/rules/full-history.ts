import { defineRule } from './define-rule';
import type { TextEdit } from './model';

interface Options {
  /** Turns (one user message and one reply each) the fix keeps. */
  keepTurns: number;
}

type MessageId = 'fullHistory' | 'keepLastTurns';

/** Names that say a list holds a conversation. */
const HISTORY_NAME = /(?:^|[._])(?:history|conversation|transcript|dialog(?:ue)?|chat_?log|turns|memory|thread)(?:$|_)|(?:History|Conversation|Transcript|Dialog|ChatLog|Turns|Memory|Thread)$|^(?:history|conversation|transcript|dialog|memory|thread)/;

/** What an appended reply looks like: the assistant role or a model response. */
const REPLY = /assistant|response|reply|answer|choices|completion|output_text|\.text\b|\.content\b/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A reference inside the messages expression that sends a whole list, and how to slice it. */
interface HistoryReference {
  name: string;
  start: number;
  end: number;
}

/** References in `expr` (at `offset`) that pass a list whole: the bare expression, a spread, or a `+` operand. */
function wholeReferences(expr: string, offset: number, python: boolean): HistoryReference[] {
  const refs: HistoryReference[] = [];
  const bare = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*$/.exec(expr);
  if (bare) {
    const start = expr.indexOf(bare[1]);
    return [{ name: bare[1], start: offset + start, end: offset + start + bare[1].length }];
  }
  // Spreads (`...history`, `*history`) and concatenation operands not already sliced, indexed or called.
  const pattern = python
    ? /(?:(?<![\w*)\]])\*\s*|(?<=^\s*|\+\s*))([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)(?![\w.([])(?=\s*(?:[,\]+)]|$))/g
    : /(?:\.\.\.\s*)([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(?![\w$.([])/g;
  for (const match of expr.matchAll(pattern)) {
    const start = match.index + match[0].length - match[1].length;
    refs.push({ name: match[1], start: offset + start, end: offset + start + match[1].length });
  }
  return refs;
}

/** True when the file trims, slices or summarises `name` somewhere. */
function isTrimmed(text: string, name: string): boolean {
  const n = escapeRegExp(name);
  return new RegExp(
    String.raw`${n}\s*\[\s*-|${n}\s*\[\s*len\(|${n}\s*=\s*${n}\s*\[|${n}\.(?:slice|splice|shift|pop\(\s*0)|del\s+${n}\s*\[|(?:trim|truncat|summari[sz]|window|prune|compact)\w*\s*\(\s*${n}\b|len\(\s*${n}\s*\)\s*>|${n}\.length\s*>`,
  ).test(text);
}

/** True when the file starts `name` with a system message, which a slice must keep. */
function startsWithSystem(text: string, name: string): boolean {
  return new RegExp(String.raw`${escapeRegExp(name)}\s*(?::[^=\n]*)?=\s*\[\s*\{\s*["']?role["']?\s*:\s*["'](?:system|developer)`).test(text);
}

/** True when the file appends model replies to `name`: the mark of a conversation that grows every turn. */
function growsWithReplies(text: string, name: string): boolean {
  const n = escapeRegExp(name);
  const appends = new RegExp(String.raw`${n}\s*(?:\.(?:append|push|extend|concat)\s*\(|\+=)([^\n]*(?:\n[^\n]*){0,3})`, 'g');
  for (const match of text.matchAll(appends)) if (REPLY.test(match[1])) return true;
  return false;
}

export default defineRule<Options, MessageId>({
  meta: {
    id: 'full-history',
    kind: 'cost',
    description: 'Report chat calls that send the whole conversation history on every turn',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    options: {
      keepTurns: { type: 'integer', default: 10, minimum: 1, description: 'How many recent turns (a user message and its reply) the fix keeps.' },
    },
    messages: {
      fullHistory:
        "This call sends the whole history ('{{name}}') on every turn, so input tokens grow with the conversation. Send the last {{keepTurns}} turns and a short summary of the older ones.",
      keepLastTurns: 'Send only the last {{keepTurns}} turns ({{slice}})',
    },
  },
  check(ctx, { keepTurns }) {
    const python = ctx.file.language === 'python';
    const keep = keepTurns * 2;
    /** The last turns of `name`; a leading system message stays in front. */
    const slice = (name: string): string => {
      if (!startsWithSystem(ctx.text, name)) return python ? `${name}[-${keep}:]` : `${name}.slice(-${keep})`;
      return python ? `${name}[:1] + ${name}[1:][-${keep}:]` : `[...${name}.slice(0, 1), ...${name}.slice(1).slice(-${keep})]`;
    };
    return {
      call(call) {
        const span = call.site.messagesSpan;
        if (!span) return;
        const expr = ctx.text.slice(span.start, span.end);
        const refs = wholeReferences(expr, span.start, python).filter(
          ({ name }) => (HISTORY_NAME.test(name.split('.').at(-1)!) || growsWithReplies(ctx.text, name)) && !isTrimmed(ctx.text, name),
        );
        if (refs.length === 0) return;
        const edits: TextEdit[] = refs.map((ref) => {
          // `{ messages }` in JS is a shorthand property: it needs its key once the value changes.
          const shorthand = !python && /[{,]\s*$/.test(ctx.text.slice(0, ref.start)) && /^\s*[,}]/.test(ctx.text.slice(ref.end));
          return { span: { start: ref.start, end: ref.end }, newText: shorthand ? `${ref.name}: ${slice(ref.name)}` : slice(ref.name) };
        });
        ctx.report({
          messageId: 'fullHistory',
          data: { name: refs[0].name, keepTurns },
          span,
          // Unsafe: slicing drops the oldest messages, which may hold the system prompt.
          fixes: [{ messageId: 'keepLastTurns', data: { keepTurns, slice: slice(refs[0].name) }, edits, safe: false }],
        });
      },
    };
  },
});
