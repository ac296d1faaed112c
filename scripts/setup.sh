#!/bin/sh
# Idempotent setup: a virtual environment with what a build needs, pinned with hashes
# (requirements/build.lock), and this project's package (pip install -e .); with --tests, what the
# tests need (requirements/test.lock); with --browser, also Debian's chromium and the Noto CJK fonts
# (as root, or through sudo) that the browser tests need, and the quality gates' tools (Java, Node.js,
# Lighthouse, the Nu HTML checker: scripts/qa_tools.sh), and the servers the deploy tests run on
# loopback (sshd, nginx, rsync, rclone); with --desk, or for the browser tests, the editing desk's
# Node.js packages (scripts/desk_tools.sh).
set -eu
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/pip ]; then
  rm -rf .venv
  python3 -m venv .venv || {
    echo "无法创建虚拟环境，请先安装 python3-venv (cannot create .venv): apt-get install python3-venv" >&2
    exit 1
  }
fi
lock=requirements/build.lock
case " $* " in *" --tests "*) lock=requirements/test.lock ;; esac
stamp=.venv/.requirements.sha256
wanted=$(cat "$lock" pyproject.toml | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
  # The project's own package, its dependencies already pinned above.
  .venv/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$wanted" >"$stamp"
fi

case " $* " in *" --browser "*) browser=1 ;; *) browser="" ;; esac
if [ -n "$browser" ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "浏览器测试需要 chromium 和中文字体 (browser tests need): apt-get install chromium fonts-noto-cjk" >&2
      exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
  fi
  sh scripts/qa_tools.sh
  sh scripts/desk_tools.sh
  # The deploy tests run real servers on loopback: OpenSSH's sshd, nginx, rsync and rclone.
  if [ ! -x /usr/sbin/sshd ] || [ ! -x /usr/sbin/nginx ] || ! command -v rclone >/dev/null 2>&1 || ! command -v rsync >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "部署测试需要 (deploy tests need): apt-get install openssh-server nginx-light rsync rclone" >&2
      exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends openssh-client openssh-server nginx-light rsync rclone >/dev/null
  fi
fi
case " $* " in *" --desk "*) sh scripts/desk_tools.sh ;; esac
