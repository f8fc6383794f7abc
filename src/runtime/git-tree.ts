import { execFileSync } from 'node:child_process';

/** A git command that failed: the command line and what git said, for the user to act on. */
export class GitError extends Error {}

const MAX_BUFFER = 1024 * 1024 * 1024;

function git(repo: string, args: readonly string[], input?: Buffer | string): Buffer {
  try {
    return execFileSync('git', args as string[], { cwd: repo, input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new GitError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** The top folder of the git work tree holding `cwd`, or null outside a repository. */
export function gitTopLevel(cwd: string): string | null {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString().trim() || null;
  } catch {
    return null;
  }
}

/** The commit a ref names, or null when it names none (a typo, or a branch not fetched in CI). */
export function resolveCommit(repo: string, ref: string): string | null {
  try {
    return git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString().trim() || null;
  } catch {
    return null;
  }
}

/** Paths (relative to the repository, forward slashes) of the files at a commit under the given repo-relative paths. */
export function listFilesAtCommit(repo: string, commit: string, paths: readonly string[]): string[] {
  const out = git(repo, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', ...paths.map((p) => (p === '' ? '.' : p))]);
  return out.toString('utf8').split('\0').filter(Boolean);
}

/**
 * The contents of files at a commit, read in one `git cat-file --batch` (one process, not one per file).
 * Files missing at the commit are left out of the map.
 */
export function readFilesAtCommit(repo: string, commit: string, files: readonly string[]): Map<string, Buffer> {
  const result = new Map<string, Buffer>();
  if (files.length === 0) return result;
  const out = git(repo, ['cat-file', '--batch'], files.map((f) => `${commit}:${f}\n`).join(''));
  let at = 0;
  for (const file of files) {
    const newline = out.indexOf(0x0a, at);
    const header = out.subarray(at, newline).toString('utf8');
    at = newline + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const size = Number(header.split(' ')[2]);
    result.set(file, out.subarray(at, at + size));
    at += size + 1;
  }
  return result;
}

/**
 * Files renamed between the commit and the work tree, as git's rename detection finds them:
 * a map from the path now to the path at the commit.
 */
export function renamesSince(repo: string, commit: string, paths: readonly string[]): Map<string, string> {
  const out = git(repo, ['diff', '-M', '--name-status', '-z', commit, '--', ...paths.map((p) => (p === '' ? '.' : p))]).toString('utf8');
  const fields = out.split('\0');
  const renames = new Map<string, string>();
  for (let i = 0; i < fields.length; ) {
    const status = fields[i];
    if (!status) break;
    if (status.startsWith('R') || status.startsWith('C')) {
      if (status.startsWith('R')) renames.set(fields[i + 2], fields[i + 1]);
      i += 3;
    } else i += 2;
  }
  return renames;
}
