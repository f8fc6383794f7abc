#!/usr/bin/env bash
# End-to-end tests in a real VS Code: the packaged extension (VSIX) installed in code-server 4.100.3,
# driven by playwright-core and Debian's Chromium (see ../shared/recipes/code-server-e2e/).
#   1. setup (idempotent, cached outside the repo)   2. VSIX   3. UI test with screenshots
#   4. extension integration tests (mocha inside the extension host, through ?payload=)
# Screenshots and results go to test-artifacts/e2e/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
E2E_HOME=${PROMPTCOST_E2E_HOME:-$HOME/.cache/promptcost-e2e}
CS=$E2E_HOME/code-server-4.100.3/node_modules/.bin/code-server
ARTIFACTS=$ROOT/test-artifacts/e2e
# A free loopback port unless one is given, so two runs on one machine do not collide.
PORT=${PROMPTCOST_E2E_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
export XDG_CONFIG_HOME=$E2E_HOME/home/config XDG_DATA_HOME=$E2E_HOME/home/data
# The marketplace points at a dead loopback port: nothing leaves 127.0.0.1.
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item"}'

bash "$ROOT/scripts/setup-e2e.sh"
cd "$ROOT"
npm run --silent package:vsix </dev/null
rm -rf "$ARTIFACTS" && mkdir -p "$ARTIFACTS"
npx esbuild test/ext/index.ts test/ext/extension.test.ts test/ext/playground.test.ts --bundle --platform=node --format=cjs --target=node20 \
  --external:vscode --external:mocha --outdir=test-artifacts/ext --log-level=warning

RUN=$(mktemp -d "${TMPDIR:-/tmp}/promptcost-e2e-XXXX")
CSPID=
stop_server() {  # SIGTERM the process group we started, wait, then SIGKILL what is left
  [ -n "$CSPID" ] || return 0
  kill -- -"$CSPID" 2>/dev/null || true
  for _ in $(seq 50); do pgrep -g "$CSPID" >/dev/null || break; sleep 0.2; done
  if pgrep -g "$CSPID" >/dev/null; then kill -KILL -- -"$CSPID" 2>/dev/null || true; fi
  CSPID=
}
cleanup() { stop_server; rm -rf "$RUN"; }
trap cleanup EXIT

# $1 = name of the run, $2 = extensions dir. A fresh workspace copy and user-data-dir every run.
start_server() {
  local ws=$RUN/$1/ws ud=$RUN/$1/ud
  mkdir -p "$ud/User" "$ws"
  cp "$ROOT/test/e2e/settings.json" "$ud/User/settings.json"
  cp -r "$ROOT/examples/." "$ws/"
  WS=$ws
  setsid "$CS" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
    --disable-workspace-trust --user-data-dir "$ud" --extensions-dir "$2" "$ws" >"$ARTIFACTS/code-server-$1.log" 2>&1 &
  CSPID=$!
  [ "$(ps -o pgid= -p "$CSPID" | tr -d ' ')" = "$CSPID" ] || { echo "code-server is not its own process group"; exit 1; }
  for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && return 0; sleep 0.1; done
  echo "code-server did not come up"; exit 1
}

rc=0
# PROMPTCOST_E2E_SUITES picks suites (default all): ui, playground, ext.
SUITES=" ${PROMPTCOST_E2E_SUITES:-ui playground ext} "
mkdir -p "$RUN/exts"
"$CS" --extensions-dir "$RUN/exts" --user-data-dir "$RUN/install-ud" --install-extension "$ROOT/test-artifacts/promptcost.vsix"
if [[ $SUITES == *" ui "* ]]; then
  start_server ui "$RUN/exts"
  CS_URL="http://127.0.0.1:$PORT" WS=$WS SHOTS=$ARTIFACTS CHROME_PROFILES=$RUN/chrome \
    timeout 300 node test/e2e/ui.mjs || rc=$?
  stop_server
fi

# The playground against a loopback OpenAI fake (started by playground.mjs), and the cost report.
if [[ $SUITES == *" playground "* ]]; then
  start_server playground "$RUN/exts"
  CS_URL="http://127.0.0.1:$PORT" WS=$WS SHOTS=$ARTIFACTS CHROME_PROFILES=$RUN/chrome \
    timeout 300 node test/e2e/playground.mjs || rc=$?
  stop_server
fi

if [[ $SUITES == *" ext "* ]]; then
  mkdir -p "$RUN/no-exts"
  start_server ext "$RUN/no-exts"
  CS_URL="http://127.0.0.1:$PORT" WS=$WS EXT_DEV=$ROOT EXT_TESTS=$ROOT/test-artifacts/ext/index.js CHROME_PROFILES=$RUN/chrome \
    timeout 300 node test/e2e/ext-tests.mjs || rc=$?
  stop_server
fi
exit $rc
