#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print its URL as the last line of
# stdout, e.g.  export ARMSLEDGER_TEST_POSTGRES_URL="$(scripts/start_test_postgres.sh | tail -n 1)"
#
# Idempotent: an existing cluster is reused and a running server is left running.
# Works as root (the server then runs as the `postgres` user, which Debian's `postgresql` package
# creates; PostgreSQL refuses to run as root) or as any other user (the server runs as that user).
# Listens on 127.0.0.1 only, with trust authentication: for tests, never for real data.
#
# Settings (environment): ARMSLEDGER_PGDATA (default /tmp/pgdata), ARMSLEDGER_PGPORT
# (default 54329), ARMSLEDGER_PGDATABASE (default armsledger_test). Stop the server with
#   pg_ctl -D /tmp/pgdata stop   (as the user that owns /tmp/pgdata)
set -euo pipefail

data_dir="${ARMSLEDGER_PGDATA:-/tmp/pgdata}"
port="${ARMSLEDGER_PGPORT:-54329}"
database="${ARMSLEDGER_PGDATABASE:-armsledger_test}"
superuser="armsledger"

# Debian installs the server binaries outside PATH, one folder per major version: take the newest.
find_bin_dir() {
    local newest
    newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "${newest}" ]]; then
        echo "${newest}"
    elif command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
    else
        echo "start_test_postgres.sh: no PostgreSQL binaries found (apt-get install -y postgresql)" >&2
        exit 1
    fi
}

bin_dir="$(find_bin_dir)"

# Run a server binary as the cluster's owner: `postgres` when we are root, ourselves otherwise.
if [[ "$(id -u)" -eq 0 ]]; then
    owner="postgres"
    if ! id "${owner}" >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/sh "${owner}"
    fi
    as_owner() { runuser -u "${owner}" -- "$@"; }
else
    owner="$(id -un)"
    as_owner() { "$@"; }
fi

if [[ ! -f "${data_dir}/PG_VERSION" ]]; then
    mkdir -p "${data_dir}"
    chown "${owner}" "${data_dir}"
    chmod 700 "${data_dir}"
    # --no-locale with UTF8: byte-order collation, the same order SQLite gives.
    as_owner "${bin_dir}/initdb" -D "${data_dir}" -U "${superuser}" --auth=trust \
        --encoding=UTF8 --no-locale >&2
fi

if ! as_owner "${bin_dir}/pg_ctl" -D "${data_dir}" status >/dev/null 2>&1; then
    # The socket goes in the data folder: /var/run/postgresql may not exist or be writable.
    as_owner "${bin_dir}/pg_ctl" -D "${data_dir}" -l "${data_dir}/server.log" -w \
        -o "-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${data_dir}" \
        start >&2
fi

psql_bin="${bin_dir}/psql"
[[ -x "${psql_bin}" ]] || psql_bin="psql"
psql_cmd=("${psql_bin}" -h 127.0.0.1 -p "${port}" -U "${superuser}" -d postgres -tA)
exists="$("${psql_cmd[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '${database}'")"
if [[ "${exists}" != "1" ]]; then
    "${psql_cmd[@]}" -c "CREATE DATABASE ${database}" >&2
fi

echo "postgresql+psycopg://${superuser}@127.0.0.1:${port}/${database}"
