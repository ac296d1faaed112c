#!/bin/sh
# Idempotent setup of the editing desk (invoke desk): Node.js from Debian when missing (as root, or
# through sudo), then Decap CMS and its local git proxy at the versions pinned in
# desk/package-lock.json. Served from this folder: the desk needs no internet once set up.
set -eu
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "编辑台需要 Node.js (the desk needs Node.js): apt-get install nodejs npm" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# npm ci starts from an empty node_modules each time: run it only when the lock file has changed.
stamp=desk/node_modules/.package-lock.sha256
wanted=$(sha256sum desk/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  # No install scripts: the desk serves Decap's built files and runs decap-server's; nothing to compile.
  (cd desk && npm ci --ignore-scripts --no-audit --no-fund --silent)
  echo "$wanted" >"$stamp"
  echo "desk: npm ci in desk/ (decap-cms, decap-server; node $(node --version))"
fi
