#!/usr/bin/env bash
# The live-formula tests recalculate workbooks with Debian's LibreOffice Calc, headless (no desktop needed). Install it
# when it is missing and we may (root on Debian/Ubuntu, as on CI); otherwise say exactly what to do.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's libreoffice-calc-nogui for the live-formula tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
  exit 0
fi
echo "The live-formula tests need LibreOffice: run 'sudo apt-get install -y libreoffice-calc-nogui' and try again." >&2
exit 1
