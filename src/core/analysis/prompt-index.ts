import type { FileAnalysis, PromptRef, PromptSite, SourceLanguage } from '../extract/model';
import { modulePathCandidates } from './module-paths';

/** A prompt found in another file of the workspace, reached through an import. */
export interface LinkedPromptSource {
  /** Workspace-relative path of the file that defines it. */
  path: string;
  site: PromptSite;
}

/**
 * The named prompts of every analysed file in a workspace (constants, builder functions), so
 * a call in one file can be priced with the prompt text another file defines. Paths are
 * workspace-relative with `/`.
 */
export class PromptIndex {
  private readonly byPath = new Map<string, Map<string, PromptSite>>();

  /** Records (or replaces) the named prompts of one file. */
  set(path: string, analysis: FileAnalysis): void {
    const named = new Map<string, PromptSite>();
    for (const site of analysis.prompts) {
      if (site.name !== null && !named.has(site.name)) named.set(site.name, site);
    }
    if (named.size > 0) this.byPath.set(path, named);
    else this.byPath.delete(path);
  }

  delete(path: string): void {
    this.byPath.delete(path);
  }

  get size(): number {
    return this.byPath.size;
  }

  /** The prompt `ref` names, defined in the first candidate module file that the index holds. */
  resolve(fromPath: string, language: SourceLanguage, ref: PromptRef): LinkedPromptSource | null {
    for (const path of modulePathCandidates(fromPath, ref.module, language)) {
      const named = this.byPath.get(path);
      if (!named) continue;
      const site = named.get(ref.name);
      return site ? { path, site } : null;
    }
    return null;
  }
}
