import type { Node } from 'web-tree-sitter';
import { dottedName, MODULE_SCOPE, parameterNames, type PyIndex } from './python-index';
import { definitionsOf, type Where } from './python-resolve';

/**
 * Names in a prompt position that another module defines: `SYSTEM_PROMPT` after
 * `from .prompts import SYSTEM_PROMPT`, `prompts.SYSTEM` after `import prompts` or
 * `from . import prompts`. The workspace links them to the prompt written there.
 */

export interface ImportedRef {
  /** The name as the other module defines it. */
  name: string;
  /** The module specifier as written, leading dots kept (`.prompts`, `app.prompts`). */
  module: string;
}

/** Packages whose names are never the workspace's own prompt modules (SDK constants such as `HUMAN_PROMPT`). */
const SDK_PACKAGES = /^(openai|anthropic|google|langchain\w*|llama_index|litellm|dspy|ollama|mistralai|groq|cohere|vertexai|transformers)$/;

/** `.` + `prompts` is `.prompts`; `app` + `prompts` is `app.prompts`. */
function joinModule(base: string, rest: string): string {
  return base.endsWith('.') ? `${base}${rest}` : `${base}.${rest}`;
}

/** Whether a function around `where` takes a parameter of this name, which hides the import. */
function shadowedByParameter(index: PyIndex, name: string, where: Where): boolean {
  for (let scope: number | null = where.scope; scope !== null && scope !== MODULE_SCOPE; scope = index.scopes.get(scope)?.parent ?? null) {
    if (parameterNames(index, scope).has(name)) return true;
  }
  return false;
}

/** The imported name an identifier or `module.NAME` attribute stands for, or null when the file binds it itself. */
export function importedRef(index: PyIndex, node: Node, where: Where): ImportedRef | null {
  const dotted = dottedName(node, index.source);
  if (!dotted) return null;
  const parts = dotted.split('.');
  const head = parts[0];
  const imported = index.importedFrom.get(head);
  if (!imported || definitionsOf(index, head, where).length > 0 || shadowedByParameter(index, head, where)) return null;
  let ref: ImportedRef | null = null;
  if (parts.length === 1) {
    ref = imported.name === null ? null : { name: imported.name, module: imported.module };
  } else {
    const middle = parts.slice(1, -1);
    const module = imported.name === null ? [imported.module, ...middle].join('.') : joinModule(imported.module, [imported.name, ...middle].join('.'));
    ref = { name: parts[parts.length - 1], module };
  }
  if (!ref || SDK_PACKAGES.test(ref.module.split('.')[0])) return null;
  return ref;
}
