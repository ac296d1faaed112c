#!/bin/sh
# Idempotent setup of the quality gates' tools (tests/quality): Java and Node.js from Debian when
# missing (as root, or through sudo), then Lighthouse and the Nu HTML checker (vnu-jar) at the
# versions pinned in qa/package-lock.json. Prints what it did in one line.
set -eu
cd "$(dirname "$0")/.."

packages=""
command -v java >/dev/null 2>&1 || packages="$packages default-jre-headless"
command -v npm >/dev/null 2>&1 || packages="$packages nodejs npm"
if [ -n "$packages" ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "质量检查工具需要 (the quality gates need):$packages: apt-get install$packages" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null
fi

# npm ci starts from an empty node_modules each time: run it only when the lock file has changed.
stamp=qa/node_modules/.package-lock.sha256
wanted=$(sha256sum qa/package-lock.json | cut -d' ' -f1)
npm_done=""
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  # No install scripts: vnu-jar's would download a Java of its own; puppeteer's browser is not used.
  (cd qa && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --silent)
  echo "$wanted" >"$stamp"
  npm_done="npm ci in qa/"
fi

did="${packages:+apt-get install$packages; }${npm_done:-qa/node_modules up to date}"
echo "qa tools: $did (lighthouse, vnu-jar; java $(java -version 2>&1 | head -1 | cut -d'"' -f2), node $(node --version))"
