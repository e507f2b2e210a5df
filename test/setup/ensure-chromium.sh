#!/usr/bin/env bash
# The task pane tests drive Debian's Chromium (playwright never downloads a browser here). Install it when it is
# missing and we may (root on Debian/Ubuntu, as on CI); otherwise say exactly what to do. CJK fonts come along so the
# Chinese screenshots the tests save are legible (the assertions do not depend on them).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the task pane tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "The task pane tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install -y chromium' and try again." >&2
exit 1
