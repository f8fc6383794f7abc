/**
 * A text under successive rewrites that remembers every edit against the text it started from.
 * Rules see and change the current text; an edit that touches the output of an earlier one is
 * merged with it, so the final list never overlaps and each offset points into the base text.
 */

/** A proposed change in current-text offsets. */
export interface Change {
  start: number;
  end: number;
  after: string;
  rule: string;
  reason: string;
}

/** An applied edit in base-text offsets. */
export interface BufferEdit {
  start: number;
  end: number;
  after: string;
  rules: string[];
  reasons: string[];
}

interface Placed extends BufferEdit {
  curStart: number;
  curEnd: number;
}

interface Group {
  curStart: number;
  curEnd: number;
  changes: Change[];
  absorbed: Set<Placed>;
}

export class EditBuffer {
  private placed: Placed[] = [];
  private current: string;

  constructor(readonly base: string) {
    this.current = base;
  }

  get text(): string {
    return this.current;
  }

  get edits(): BufferEdit[] {
    return this.placed.map(({ start, end, after, rules, reasons }) => ({ start, end, after, rules, reasons }));
  }

  /** The base-text range that replacing [start, end) of the current text would rewrite. */
  baseSpan(start: number, end: number): { start: number; end: number } {
    const absorbed = this.placed.filter((p) => overlaps(p, start, end, false));
    return {
      start: Math.min(this.mapStart(start), ...absorbed.map((p) => p.start)),
      end: Math.max(this.mapEnd(end), ...absorbed.map((p) => p.end)),
    };
  }

  /** True when some edit's output touches [from, to] of the current text (ends in it, starts in it, or spans it). */
  editTouches(from: number, to: number): boolean {
    return this.placed.some((p) => p.curStart <= to && p.curEnd >= from);
  }

  /**
   * Applies non-overlapping changes given in current-text offsets, sorted by start. With
   * `joinAdjacent` an edit that merely touches a change is merged into it (a capital letter
   * restored after a deletion belongs to that deletion).
   */
  apply(changes: readonly Change[], joinAdjacent = false): void {
    if (changes.length === 0) return;
    const groups: Group[] = [];
    for (const change of changes) {
      const absorbed = this.placed.filter((p) => overlaps(p, change.start, change.end, joinAdjacent));
      const group: Group = {
        curStart: Math.min(change.start, ...absorbed.map((p) => p.curStart)),
        curEnd: Math.max(change.end, ...absorbed.map((p) => p.curEnd)),
        changes: [change],
        absorbed: new Set(absorbed),
      };
      const last = groups[groups.length - 1];
      if (last && (last.curEnd > group.curStart || absorbed.some((p) => last.absorbed.has(p)))) {
        last.curEnd = Math.max(last.curEnd, group.curEnd);
        last.changes.push(change);
        for (const p of absorbed) last.absorbed.add(p);
      } else {
        groups.push(group);
      }
    }

    const absorbedAll = new Set(groups.flatMap((g) => [...g.absorbed]));
    const kept = this.placed.filter((p) => !absorbedAll.has(p));
    const created = groups.map((g) => this.toEdit(g));
    this.relayout([...kept, ...created].sort((a, b) => a.start - b.start || a.end - b.end));
  }

  private toEdit(group: Group): Placed {
    const absorbed = [...group.absorbed];
    let after = '';
    let at = group.curStart;
    for (const c of group.changes) {
      after += this.current.slice(at, c.start) + c.after;
      at = c.end;
    }
    after += this.current.slice(at, group.curEnd);
    // Reasons in text order: absorbed edits and new changes interleaved by where they sit.
    const parts = [
      ...absorbed.map((p) => ({ at: p.curStart, rules: p.rules, reasons: p.reasons })),
      ...group.changes.map((c) => ({ at: c.start, rules: [c.rule], reasons: [c.reason] })),
    ].sort((a, b) => a.at - b.at);
    return {
      start: Math.min(this.mapStart(group.curStart), ...absorbed.map((p) => p.start)),
      end: Math.max(this.mapEnd(group.curEnd), ...absorbed.map((p) => p.end)),
      after,
      rules: unique(parts.flatMap((p) => p.rules)),
      reasons: unique(parts.flatMap((p) => p.reasons)),
      curStart: 0,
      curEnd: 0,
    };
  }

  /** Base offset of the character at current offset `pos` (edits ending at or before it are behind it). */
  private mapStart(pos: number): number {
    let delta = 0;
    for (const p of this.placed) {
      if (p.curEnd <= pos) delta += p.after.length - (p.end - p.start);
    }
    return pos - delta;
  }

  /** Base offset just after the character before current offset `pos` (a deletion sitting at `pos` is not behind it). */
  private mapEnd(pos: number): number {
    let delta = 0;
    for (const p of this.placed) {
      const behind = p.curStart === p.curEnd ? p.curStart < pos : p.curEnd <= pos;
      if (behind) delta += p.after.length - (p.end - p.start);
    }
    return pos - delta;
  }

  private relayout(edits: Placed[]): void {
    let text = '';
    let from = 0;
    for (const e of edits) {
      text += this.base.slice(from, e.start);
      e.curStart = text.length;
      text += e.after;
      e.curEnd = text.length;
      from = e.end;
    }
    this.current = text + this.base.slice(from);
    this.placed = edits;
  }
}

/** Whether an applied edit must be merged into a change over [start, end) of the current text. */
function overlaps(p: Placed, start: number, end: number, joinAdjacent: boolean): boolean {
  if (joinAdjacent && (p.curEnd === start || p.curStart === end)) return true;
  if (p.curStart === p.curEnd) return start < p.curStart && p.curStart < end;
  return p.curStart < end && p.curEnd > start;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
