#!/usr/bin/env bash
# Installs what the end-to-end tests need, once, outside the repository:
# Debian's Chromium (only when /usr/bin/chromium is missing) and code-server 4.100.3, the newest
# whose engines allow Node 20. Idempotent: a second run checks and exits quickly.
# Follows ../shared/recipes/code-server-e2e/run.sh (the workarounds are explained there).
set -euo pipefail
E2E_HOME=${PROMPTCOST_E2E_HOME:-$HOME/.cache/promptcost-e2e}
CS_VERSION=4.100.3
CS_DIR=$E2E_HOME/code-server-$CS_VERSION
CS=$CS_DIR/node_modules/.bin/code-server

if [ ! -x /usr/bin/chromium ] || ! command -v rg >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium libkrb5-dev ripgrep
fi

if [ -f "$CS_DIR/.complete" ] && "$CS" --version >/dev/null 2>&1; then
  echo "code-server $CS_VERSION ready in $CS_DIR"
  exit 0
fi

rm -rf "$CS_DIR"
mkdir -p "$CS_DIR"
cd "$CS_DIR"
npm init -y >/dev/null
# A plain install fails as root (postinstall wants --unsafe-perm), on kerberos (libkrb5-dev) and on
# @vscode/ripgrep (downloads from GitHub), so scripts are skipped and the postinstall replayed by hand.
npm install --ignore-scripts --no-audit --no-fund "code-server@$CS_VERSION"
npm rebuild argon2
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
(cd extensions && npm install --omit=dev --no-audit --no-fund)
"$CS" --version
touch "$CS_DIR/.complete"
echo "code-server $CS_VERSION ready in $CS_DIR"
