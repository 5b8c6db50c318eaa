#!/usr/bin/env bash
# Runs the whole test suite: domain unit tests, Integration's own tests, the portal over HTTP on SQLite and on a
# throw-away PostgreSQL server, browser tests in Debian's Chromium (also two nodes behind Debian's
# nginx), and a benchmark smoke run. SQL Server: the migrations are checked without a server; the
# portal suite, the two nodes and the killed node run on one only when PORTAL_TEST_SQLSERVER names it.
# On a fresh Debian machine with only the .NET SDK, Node and npm it installs what it needs.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/test-services.sh

results="$(mktemp -d -t portal-results-XXXXXX)"
trap 'stop_postgres; rm -rf "$results"' EXIT

ensure_test_packages
start_postgres

dotnet build Portal.sln -c Release -warnaserror --nologo -v quiet

run_tests() {
  local name="$1"; shift
  echo "== $name"
  dotnet test "$@" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
}

status=0
# Domain and Integration need no server and no portal: both run side by side, each printed when done.
run_tests domain tests/Domain.Tests >"$results/domain.log" 2>&1 & domain=$!
run_tests integration tests/Integration.Tests >"$results/integration.log" 2>&1 & integration=$!
wait "$domain" || status=1
cat "$results/domain.log"
wait "$integration" || status=1
cat "$results/integration.log"
sqlserver="${PORTAL_TEST_SQLSERVER:-}"
export PORTAL_TEST_SQLSERVER=""   # each run tests one database
# The portal suite on SQLite and on PostgreSQL share no database, folder or port (each test class makes its own
# database and data folder): both run side by side, each printed when done.
PORTAL_TEST_POSTGRES="" run_tests portal-sqlite tests/Portal.Tests >"$results/portal-sqlite.log" 2>&1 & portal_sqlite=$!
run_tests portal-postgres tests/Portal.Tests >"$results/portal-postgres.log" 2>&1 & portal_postgres=$!
echo "== SQL Server migrations (no server needed)"
scripts/check-sqlserver-migrations.sh "$results/sqlserver-migrations.sql" || status=1
wait "$portal_sqlite" || status=1
cat "$results/portal-sqlite.log"
wait "$portal_postgres" || status=1
cat "$results/portal-postgres.log"
if [ -n "$sqlserver" ]; then
  PORTAL_TEST_POSTGRES="" PORTAL_TEST_SQLSERVER="$sqlserver" run_tests portal-sqlserver tests/Portal.Tests || status=1
fi
PORTAL_CHROMIUM=/usr/bin/chromium run_tests end-to-end tests/EndToEnd.Tests || status=1
if [ -n "$sqlserver" ]; then
  PORTAL_TEST_POSTGRES="" PORTAL_TEST_SQLSERVER="$sqlserver" PORTAL_CHROMIUM=/usr/bin/chromium \
    run_tests end-to-end-sqlserver tests/EndToEnd.Tests --filter "FullyQualifiedName~SeveralNodes|FullyQualifiedName~TakingOverTheJobOfAKilledNode" || status=1
fi

echo "== benchmarks (smoke run: every benchmark once, no measurements kept)"
dotnet run -c Release --no-build --project tests/Benchmarks -- --filter '*' --job Dry --artifacts "$results/benchmarks" >"$results/benchmarks.log" 2>&1 \
  || { tail -n 40 "$results/benchmarks.log"; status=1; }

# One closing line over every run, counted from the test result files.
read -r passed failed < <(cat "$results"/*.trx | grep -o '<Counters [^>]*>' \
  | sed -E 's/.* passed="([0-9]+)" failed="([0-9]+)".*/\1 \2/' | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
echo "Tests: $passed passed, $failed failed"
exit $status
