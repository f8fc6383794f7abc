#!/usr/bin/env bash
# The main job: install if needed, build, and scan the bundled example project.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
npm run build --silent
node dist/cli.js scan examples "$@"
