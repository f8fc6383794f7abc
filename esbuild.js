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

const ENTRIES = {
  cli: 'src/cli/main.ts',
  server: 'src/server/main.ts',
  extension: 'src/extension/extension.ts',
  // Loaded by the extension on the first playground or report command, not at activation.
  'playground-features': 'src/extension/playground/features.ts',
};

const MEDIA_ENTRIES = { playground: 'media/playground/main.ts', report: 'media/report/main.ts' };
const MEDIA_FILES = ['media/playground/playground.css', '@vscode/codicons/dist/codicon.css', '@vscode/codicons/dist/codicon.ttf'];

async function main() {
  const options = {
    entryPoints: ENTRIES,
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
  // The webviews: their own browser bundle, styles and the codicon font, all under dist/media.
  const media = { ...options, entryPoints: MEDIA_ENTRIES, outdir: 'dist/media', platform: 'browser', format: 'iife', target: 'es2022', external: [], alias: {} };
  fs.mkdirSync('dist/media', { recursive: true });
  for (const file of MEDIA_FILES) fs.copyFileSync(file.startsWith('media/') ? file : require.resolve(file), path.join('dist/media', path.basename(file)));
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
    await (await esbuild.context(media)).watch();
  } else {
    await esbuild.build(options);
    await esbuild.build(media);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
