#!/usr/bin/env bash
# The MySQL-dialect SQL tests start a throwaway MariaDB server (mariadb-install-db + mariadbd, as the mysql user, on a
# unix socket in a temporary folder). Install Debian's server package when it is missing and we may; otherwise say what
# to do.
set -euo pipefail
if [ -x /usr/sbin/mariadbd ] && [ -x /usr/bin/mariadb-install-db ] && id mysql >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's mariadb-server for the SQL tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends mariadb-server >/dev/null
  exit 0
fi
echo "The SQL tests need MariaDB: run 'sudo apt-get install -y mariadb-server' and try again." >&2
exit 1
