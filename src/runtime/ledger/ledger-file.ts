/**
 * The ledger file: append-only JSON Lines. Each record is one line written with one write call,
 * so a crash or kill leaves every earlier line whole; a torn last line is fenced off with a
 * newline before the next append, and readers skip lines that do not parse.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isLedgerRecord, type LedgerRecord } from './record';

export class LedgerWriter {
  private fd: number | undefined;

  constructor(readonly file: string) {}

  append(record: LedgerRecord): void {
    fs.writeSync(this.open(), `${JSON.stringify(record)}\n`);
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private open(): number {
    if (this.fd === undefined) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = fs.openSync(this.file, 'a');
      const size = fs.fstatSync(this.fd).size;
      if (size > 0 && lastByte(this.file, size) !== 0x0a) fs.writeSync(this.fd, '\n');
    }
    return this.fd;
  }
}

export interface LedgerContents {
  records: LedgerRecord[];
  /** Lines that were not whole records (a torn last line after a kill, a hand edit). */
  skipped: number;
}

/** Every whole record of the ledger; a missing file is an empty ledger. */
export function readLedger(file: string): LedgerContents {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], skipped: 0 };
    throw error;
  }
  const records: LedgerRecord[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isLedgerRecord(value)) records.push(value);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { records, skipped };
}

function lastByte(file: string, size: number): number {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1);
    fs.readSync(fd, buffer, 0, 1, size - 1);
    return buffer[0];
  } finally {
    fs.closeSync(fd);
  }
}
