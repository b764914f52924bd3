#!/usr/bin/env bash
# Installs the system packages the tests need when they are missing (Debian):
# PostgreSQL 15 server binaries for the throwaway test clusters, Redis for the
# multi-replica feed test, pgbouncer for the connection-pooler test.
set -euo pipefail
PG_BIN=${QIHE_PG_BIN:-/usr/lib/postgresql/15/bin}
need=()
[ -x "$PG_BIN/initdb" ] || need+=(postgresql-15)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x "${QIHE_PGBOUNCER:-/usr/sbin/pgbouncer}" ] || need+=(pgbouncer)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing system packages: ${need[*]} (run as root, or install them: apt-get install ${need[*]})" >&2
    exit 1
  fi
  echo "installing ${need[*]} …"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  # PostgreSQL refuses to run as root: the test clusters run as this system user.
  useradd --system --home /var/lib/postgresql --shell /usr/sbin/nologin postgres
fi
