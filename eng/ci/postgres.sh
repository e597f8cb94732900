#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, for the tests and CI (no Docker).
#
#   eng/ci/postgres.sh start [--owner-pid PID]
#       Makes sure PostgreSQL is installed (Debian's `postgresql` package, installed when running as
#       root), runs initdb in a new temporary folder, starts the server on 127.0.0.1 on a free port
#       and prints, for `eval`:
#         export NEXUDUS_SALTO_TEST_POSTGRES='Host=127.0.0.1;Port=...;Username=postgres;Database=postgres'
#         export NEXUDUS_SALTO_TEST_POSTGRES_DIR='/tmp/nexudus-salto-pg.XXXXXX'
#       With --owner-pid, the server is also stopped (and its folder deleted) once that process ends.
#   eng/ci/postgres.sh stop DIR
#       Stops the server started in DIR and deletes DIR.
#
# Exits non-zero, with the reason on stderr, when the server cannot be installed or started.
# PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` system user the
# package creates. The server trusts every local connection: it holds test data only, and lives
# only as long as the run that started it.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"; return 0
  fi
  return 1
}

ensure_installed() {
  if find_bin >/dev/null; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    die "PostgreSQL is not installed. Install it (Debian/Ubuntu: sudo apt-get install -y postgresql), or set NEXUDUS_SALTO_TEST_POSTGRES to a connection string of a server the tests may create schemas in."
  fi
  echo "postgres.sh: installing PostgreSQL (apt-get install -y postgresql)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 || die "apt-get update failed"
  apt-get install -y -q --no-install-recommends postgresql >&2 || die "apt-get install postgresql failed"
  find_bin >/dev/null || die "PostgreSQL was installed but no initdb/pg_ctl was found under /usr/lib/postgresql/*/bin"
}

# Runs a command as the cluster's owner: the invoking user, or `postgres` when invoked as root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local owner_pid=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --owner-pid) owner_pid="${2:-}"; shift 2 ;;
      *) die "unknown option '$1'" ;;
    esac
  done

  ensure_installed
  local bin dir
  bin=$(find_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/nexudus-salto-pg.XXXXXX")
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root, but there is no 'postgres' user to own the cluster (PostgreSQL refuses root)"
    chown postgres: "$dir"
    chmod 700 "$dir"
  fi

  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }

  local port attempt started=""
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + (RANDOM % 20000) ))
    port_in_use "$port" && continue
    # fsync off: a throwaway cluster for tests, where speed matters and durability does not.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
         -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
         >>"$dir/pg_ctl.log" 2>&1; then
      started=1; break
    fi
  done
  if [ -z "$started" ]; then
    cat "$dir/server.log" >&2 2>/dev/null || true
    rm -rf "$dir"
    die "the PostgreSQL server did not start (see the log above)"
  fi

  echo "$bin" > "$dir/bin"
  if [ -n "$owner_pid" ]; then
    # Stops the server once the process that asked for it is gone, however it ended.
    nohup setsid bash "$0" watch "$dir" "$owner_pid" >/dev/null 2>&1 </dev/null &
  fi

  echo "export NEXUDUS_SALTO_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
  echo "export NEXUDUS_SALTO_TEST_POSTGRES_DIR='$dir'"
}

stop() {
  local dir="${1:-}"
  [ -n "$dir" ] || die "usage: postgres.sh stop DIR"
  [ -d "$dir" ] || return 0
  case "$(basename "$dir")" in nexudus-salto-pg.*) ;; *) die "'$dir' is not a folder this script made" ;; esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

watch() {
  local dir="$1" pid="$2"
  while kill -0 "$pid" 2>/dev/null && [ -d "$dir" ]; do sleep 2; done
  stop "$dir"
}

cmd="${1:-}"; shift || true
case "$cmd" in
  start) start "$@" ;;
  stop) stop "$@" ;;
  watch) watch "$@" ;;
  *) die "usage: postgres.sh start [--owner-pid PID] | stop DIR" ;;
esac
