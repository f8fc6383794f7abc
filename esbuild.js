// Bundles every entry point into dist/ and copies the tree-sitter WASM files beside the bundles.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const WASM = [
  'web-tree-sitter/web-tree-sitter.wasm',
  'tree-sitter-python/tree-sitter-python.wasm',
  'tree-sitter-javascript/tree-sitter-javascript.wasm',
  'tree-sitter-typescript/tree-sitter-typescript.wasm',
  'tree-sitter-typescript/tree-sitter-tsx.wasm',
];

/** Entry points that exist: later parts of the product add theirs as they land. */
const ENTRIES = {
  cli: 'src/cli/main.ts',
  server: 'src/server/main.ts',
  extension: 'src/extension/extension.ts',
};

async function main() {
  const entryPoints = Object.fromEntries(Object.entries(ENTRIES).filter(([, file]) => fs.existsSync(file)));
  const options = {
    entryPoints,
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // The CJS build of web-tree-sitter: its ESM build needs import.meta.url, which CJS output lacks.
    alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  };
  fs.mkdirSync('dist', { recursive: true });
  for (const file of WASM) fs.copyFileSync(require.resolve(file), path.join('dist', path.basename(file)));
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
  } else {
    await esbuild.build(options);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
