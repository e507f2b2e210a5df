#!/usr/bin/env bash
# The SQL tests start a throwaway PostgreSQL 15 cluster (initdb + pg_ctl, as the postgres user, on a unix socket in a
# temporary folder). Install Debian's server packages when they are missing and we may; otherwise say what to do.
set -euo pipefail
if [ -x /usr/lib/postgresql/15/bin/initdb ] && id postgres >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's postgresql for the SQL tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
  exit 0
fi
echo "The SQL tests need PostgreSQL 15: run 'sudo apt-get install -y postgresql-15' and try again." >&2
exit 1
