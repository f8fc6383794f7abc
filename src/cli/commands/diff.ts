import * as path from 'node:path';
import ignore from 'ignore';
import { LineIndex } from '../../core/analysis/line-index';
import { PromptIndex } from '../../core/analysis/prompt-index';
import { analyzeSource, languageOfPath, type FileAnalysis } from '../../core/extract';
import { diffPrompts, renderDiffMarkdown, type DiffSide } from '../../core/report';
import { gitTopLevel, listFilesAtCommit, readFilesAtCommit, renamesSince, resolveCommit } from '../../runtime/git-tree';
import { defaultGrammars, scanPaths } from '../../runtime/scan';
import { ALWAYS_SKIPPED } from '../../runtime/workspace-files';
import { priceAnalysis } from '../analyse-workspace';
import { UsageError, type Command } from '../command';
import type { Project } from '../project';
import { loadCheckedProject, resolvePaths } from './shared-options';

const FORMATS = ['md', 'json'] as const;
const utf8Lossy = new TextDecoder('utf-8');

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Show the prompts added, removed and changed since a git ref, with the cost change',
  usage: [
    'Usage: promptcost diff --base <git-ref> [paths...] [--format md|json]',
    '',
    'Compares the prompts under the paths (default: the current folder) at the base ref with the work',
    'tree: prompts added, removed and changed, the cost change of each per call and per month, and the',
    'total, as markdown fit for a pull-request comment. Prompts are matched by file, name and role, then',
    'by text similarity; renamed files are followed through git. Both versions are priced with the',
    'current .promptcost.yaml and catalog.',
    '',
    'Options:',
    '  --base REF         the commit, branch or tag to compare with (in CI: origin/<base branch>)',
    '  --format md|json   markdown (default) or the JSON contract',
    '  --config FILE      the .promptcost.yaml to use (default: the nearest one above the first path)',
  ].join('\n'),
  options: {
    base: { type: 'string' },
    format: { type: 'string', default: 'md' },
    config: { type: 'string' },
  },
  async run(values, positionals, io) {
    const format = values.format as string;
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be md or json, not '${format}'.`);
    const baseRef = values.base as string | undefined;
    if (!baseRef) throw new UsageError('--base <git-ref> is required.');
    const paths = resolvePaths(positionals, io);
    const repo = gitTopLevel(io.cwd);
    if (!repo) throw new UsageError('diff compares with git history: run it inside a git repository.');
    const commit = resolveCommit(repo, baseRef);
    if (!commit) throw new UsageError(`--base '${baseRef}' names no commit here. In CI, fetch it first (actions/checkout with fetch-depth: 0).`);
    const project = loadCheckedProject(paths[0], values.config as string | undefined, io);
    if (!project) return 2;

    const repoPaths = paths.map((p) => toRepoPath(repo, p));
    const head = await headSide(paths, repo, project);
    const base = await baseSide(repo, commit, repoPaths, project);
    const diff = diffPrompts(base, head, { baseRef, catalogDate: project.catalog.catalogDate, renames: renamesSince(repo, commit, repoPaths) });
    io.stdout(format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderDiffMarkdown(diff));
    return 0;
  },
};

function toRepoPath(repo: string, file: string): string {
  return path.relative(repo, file).split(path.sep).join('/');
}

async function headSide(paths: string[], repo: string, project: Project): Promise<DiffSide> {
  const scan = await scanPaths({ paths, root: project.root, config: project.loaded.config, catalog: project.catalog });
  return {
    files: scan.files.flatMap((f) => (f.costs && f.lines ? [{ path: toRepoPath(repo, f.file), costs: f.costs, lines: f.lines }] : [])),
  };
}

/** The files the work-tree scan would have analysed had the base been checked out: same languages, same skips. */
function analysable(repoPath: string, repo: string, project: Project, ignored: ReturnType<typeof ignore>): boolean {
  if (!languageOfPath(repoPath)) return false;
  if (repoPath.split('/').slice(0, -1).some((dir) => ALWAYS_SKIPPED.has(dir))) return false;
  const fromRoot = path.relative(project.root, path.join(repo, repoPath)).split(path.sep).join('/');
  return fromRoot.startsWith('..') || !ignored.ignores(fromRoot);
}

async function baseSide(repo: string, commit: string, repoPaths: string[], project: Project): Promise<DiffSide> {
  const ignored = ignore().add(project.loaded.config.ignore);
  const listed = listFilesAtCommit(repo, commit, repoPaths).filter((f) => analysable(f, repo, project, ignored));
  const contents = readFilesAtCommit(repo, commit, listed);
  // As in the work-tree scan: analyse every file first, then price, so imported prompts are linked on both sides.
  const index = new PromptIndex();
  const analysed: Array<{ repoPath: string; text: string; analysis: FileAnalysis }> = [];
  for (const [repoPath, bytes] of contents) {
    if (bytes.subarray(0, 8000).includes(0)) continue;
    const text = utf8Lossy.decode(bytes);
    const analysis = await analyzeSource(defaultGrammars(), text, languageOfPath(repoPath)!);
    index.set(path.relative(project.root, path.join(repo, repoPath)).split(path.sep).join('/'), analysis);
    analysed.push({ repoPath, text, analysis });
  }
  const files: DiffSide['files'][number][] = [];
  for (const { repoPath, text, analysis } of analysed) {
    const costs = priceAnalysis(analysis, path.join(repo, repoPath), project, index);
    if (costs.prompts.length > 0 || costs.calls.length > 0) files.push({ path: repoPath, costs, lines: new LineIndex(text) });
  }
  return { files };
}
