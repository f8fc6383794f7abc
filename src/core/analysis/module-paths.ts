import type { SourceLanguage } from '../extract/model';

/**
 * Where an import may point, as workspace-relative paths in the order a resolver would try them.
 * No file system here: the caller keeps the first candidate it has analysed. Paths use `/`.
 */

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function join(...parts: string[]): string {
  const out: string[] = [];
  for (const part of parts.join('/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** The folder of `path` and each folder above it, nearest first, ending with the root (''). */
function ancestors(path: string): string[] {
  const dirs: string[] = [];
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    dirs.push(dir);
    if (dir === '') return dirs;
  }
}

/** `a/b` as a Python module file or package. */
function pythonFiles(base: string): string[] {
  return [`${base}.py`, `${base}/__init__.py`];
}

function pythonCandidates(fromPath: string, module: string): string[] {
  const dots = module.match(/^\.*/)![0].length;
  const rest = module.slice(dots).split('.').filter(Boolean).join('/');
  if (dots > 0) {
    let base = dirname(fromPath);
    for (let i = 1; i < dots; i++) base = dirname(base);
    return pythonFiles(join(base, rest));
  }
  // Absolute imports resolve against sys.path: the script's own folder when run as a script, else a
  // source root somewhere above it (the workspace root, `src/`, a service folder).
  return ancestors(fromPath).flatMap((dir) => [...pythonFiles(join(dir, rest)), ...pythonFiles(join(dir, 'src', rest))]);
}

function scriptFiles(base: string): string[] {
  // `./prompts.js` in TypeScript ESM names `prompts.ts`.
  const stem = base.replace(/\.(m|c)?jsx?$/, '');
  return [base, ...SCRIPT_EXTENSIONS.map((ext) => `${stem}${ext}`), ...SCRIPT_EXTENSIONS.map((ext) => `${stem}/index${ext}`)];
}

function scriptCandidates(fromPath: string, module: string): string[] {
  if (module.startsWith('.')) return scriptFiles(join(dirname(fromPath), module));
  // Path aliases (`@/lib/prompts`, `~/lib/prompts`, `#lib/prompts`) name a source root; which one is in
  // tsconfig, so try the roots a project usually has, nearest first. Bare package names are not ours.
  const alias = module.match(/^(@|~|#)\/?(.*)$/);
  if (!alias || (alias[1] === '@' && !module.startsWith('@/'))) return [];
  return ancestors(fromPath).flatMap((dir) => [...scriptFiles(join(dir, alias[2])), ...scriptFiles(join(dir, 'src', alias[2]))]);
}

/** Candidate files for `module` imported from `fromPath`, nearest and most likely first, without repeats. */
export function modulePathCandidates(fromPath: string, module: string, language: SourceLanguage): string[] {
  const found = language === 'python' ? pythonCandidates(fromPath, module) : scriptCandidates(fromPath, module);
  return [...new Set(found)];
}
