import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GrammarSource } from '../core/extract/parser';

/** Which npm package ships each .wasm, for runs from source (tests, tsx) where no bundle sits beside us. */
const PACKAGE_OF: Record<string, string> = {
  'web-tree-sitter.wasm': 'web-tree-sitter',
  'tree-sitter-python.wasm': 'tree-sitter-python',
  'tree-sitter-javascript.wasm': 'tree-sitter-javascript',
  'tree-sitter-typescript.wasm': 'tree-sitter-typescript',
  'tree-sitter-tsx.wasm': 'tree-sitter-typescript',
};

/** Path of a WASM file: beside the bundle when built (esbuild.js copies them), else in node_modules. */
export function wasmPath(fileName: string): string {
  const beside = path.join(__dirname, fileName);
  if (fs.existsSync(beside)) return beside;
  return require.resolve(`${PACKAGE_OF[fileName]}/${fileName}`);
}

/** Reads the tree-sitter runtime and grammars from disk, for the CLI, the server and tests. */
export const fileGrammarSource: GrammarSource = {
  runtime: () => fs.promises.readFile(wasmPath('web-tree-sitter.wasm')),
  grammar: (fileName) => fs.promises.readFile(wasmPath(fileName)),
};
