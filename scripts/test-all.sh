#!/usr/bin/env bash
# Every test, in the order that fails fastest: types, unit, then the real server over LSP, then
# the packaged extension in a real VS Code (code-server + Chromium, installed on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
npm run build
npx tsc -p . --noEmit
npx tsc -p media --noEmit
npm run test:unit
npm run test:browser
npm run test:lsp
npm run test:e2e
