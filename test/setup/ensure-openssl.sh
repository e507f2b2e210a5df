#!/usr/bin/env bash
# The HTTPS test (test/build/servedOverHttps.e2e.test.ts) makes a self-signed certificate with Debian's openssl.
# Install it when missing and we may (root on Debian/Ubuntu, as on CI); otherwise say exactly what to do.
set -euo pipefail
if [ -x /usr/bin/openssl ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing openssl for the HTTPS test..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq openssl >/dev/null
  exit 0
fi
echo "The HTTPS test needs /usr/bin/openssl: run 'sudo apt-get install -y openssl' and try again." >&2
exit 1
