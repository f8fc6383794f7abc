#!/usr/bin/env bash
# Every test: the set-up they need (quick once done), then types, unit, the report in Chromium, the
# real server over LSP, and the packaged extension in a real VS Code (code-server + Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
# What the suites need beyond npm, installed once and outside the repository (each script is
# idempotent and returns at once when its tool is there): Redis for the cache tests, Chromium and
# code-server for the browser and editor tests.
bash scripts/ensure-redis.sh
bash scripts/ensure-chromium.sh
bash scripts/setup-e2e.sh
npm run build
npx tsc -p . --noEmit
npx tsc -p media --noEmit
npm run test:unit
npm run test:browser
npm run test:lsp
npm run test:e2e
