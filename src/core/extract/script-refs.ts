import type { Node } from 'web-tree-sitter';
import { type ScriptIndex, resolveBinding } from './script-index';
import { providerOfModule } from './script-sdk';
import { dottedName } from './script-strings';

/**
 * Names in a prompt position that another module exports: `SYSTEM` after
 * `import { SYSTEM } from './prompts'` (or `import { SYSTEM as S }`, `const { SYSTEM } = require(...)`),
 * `prompts.SYSTEM` after `import * as prompts from './prompts'`. The workspace links them to the
 * prompt written there.
 */

export interface ImportedRef {
  /** The name as the other module exports it (an `as` alias undone). */
  name: string;
  /** The module specifier as written (`./prompts`, `@/lib/prompts`). */
  module: string;
}

/** The imported name an identifier or `module.NAME` member stands for, or null when the file binds it itself. */
export function importedRef(index: ScriptIndex, node: Node): ImportedRef | null {
  const dotted = dottedName(node);
  if (!dotted) return null;
  const parts = dotted.split('.');
  const imported = index.imports.get(parts[0]);
  if (!imported) return null;
  // A local binding of the same name (a parameter, a shadowing const) hides the import; `require` binds it itself.
  const binding = resolveBinding(index, parts[0], node.startIndex);
  if (binding !== null && (imported.at === undefined || binding.at !== imported.at)) return null;
  // SDK modules export constants of their own (`HUMAN_PROMPT`), never the app's prompts.
  if (providerOfModule(imported.source) !== null) return null;
  const whole = imported.imported === '*' || imported.imported === 'default';
  if (parts.length === 1 && !whole) return { name: imported.imported, module: imported.source };
  if (parts.length === 2 && whole) return { name: parts[1], module: imported.source };
  return null;
}
