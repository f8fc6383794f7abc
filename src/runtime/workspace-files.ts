import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageOfPath, type SourceLanguage } from '../core/extract';

/** Folders no one wants scanned, even without a .gitignore saying so. */
export const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.mypy_cache', '.tox', 'dist', 'build', 'out', '.next', 'coverage']);

export interface SourceFile {
  /** Absolute path. */
  path: string;
  language: SourceLanguage;
}

interface IgnoreScope {
  /** Folder the .gitignore sits in; its patterns are relative to it. */
  base: string;
  rules: Ignore;
}

function readIgnore(dir: string, extra: readonly string[]): IgnoreScope | null {
  const file = path.join(dir, '.gitignore');
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    if (extra.length === 0) return null;
  }
  return { base: dir, rules: ignore().add(text).add(extra as string[]) };
}

function ignoredBy(scopes: readonly IgnoreScope[], file: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const rel = path.relative(scope.base, file).split(path.sep).join('/');
    if (rel && !rel.startsWith('..') && scope.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/**
 * The analysable source files under the given paths, honouring every .gitignore on the way
 * down and the config's `ignore` globs. A path that is a file is taken as it is. Folders are read
 * asynchronously, so a server listing 20,000 files still answers requests meanwhile.
 */
export async function listSourceFiles(roots: readonly string[], extraIgnores: readonly string[] = []): Promise<SourceFile[]> {
  const found: SourceFile[] = [];
  const walk = async (dir: string, scopes: IgnoreScope[]): Promise<void> => {
    const scope = readIgnore(dir, scopes.length === 0 ? extraIgnores : []);
    const here = scope ? [...scopes, scope] : scopes;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name) && !ignoredBy(here, full, true)) await walk(full, here);
      } else if (entry.isFile()) {
        const language = languageOfPath(entry.name);
        if (language && !ignoredBy(here, full, false)) found.push({ path: full, language });
      }
    }
  };
  for (const root of roots) {
    const abs = path.resolve(root);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(abs);
    } catch {
      continue;
    }
    if (stat.isDirectory()) await walk(abs, []);
    else {
      const language = languageOfPath(abs);
      if (language) found.push({ path: abs, language });
    }
  }
  return found;
}

export type ReadResult =
  | { ok: true; text: string; lossy: boolean; bytes: number }
  | { ok: false; kind: 'skipped-binary' | 'unreadable'; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8');

/** Reads a source file as UTF-8; invalid bytes are replaced (and reported), binary files refused. */
export function readSourceFile(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, kind: 'unreadable', reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, kind: 'skipped-binary', reason: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: utf8.decode(bytes), lossy: false, bytes: bytes.length };
  } catch {
    return { ok: true, text: utf8Lossy.decode(bytes), lossy: true, bytes: bytes.length };
  }
}
