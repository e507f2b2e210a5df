#!/usr/bin/env bash
# The task pane tests drive Debian's Chromium (playwright never downloads a browser here) and take screenshots of the
# Chinese pane, which need CJK fonts. Each is checked on its own: a machine that has Chromium but no CJK fonts gets
# the fonts (root on Debian/Ubuntu, as on CI); otherwise the script says exactly what to run.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# fonts-noto-cjk provides Noto Sans CJK; fc-list is there whenever any font package is.
if ! { command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh-cn family 2>/dev/null | grep -q .; }; then
  missing+=(fonts-noto-cjk)
fi
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the task pane tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The task pane tests need ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' and try again." >&2
# Chromium is required; without CJK fonts the tests still run (only the Chinese screenshots are unreadable).
[[ " ${missing[*]} " == *" chromium "* ]] && exit 1
exit 0
