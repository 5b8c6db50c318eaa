#!/usr/bin/env bash
# What can be checked about SQL Server without a server (none runs here): the SQL Server model has no
# change that no migration captures, and the migrations make an idempotent script (what a DBA runs on
# SQL Server or Azure SQL). Needs a Release build. Usage: scripts/check-sqlserver-migrations.sh [script.sql]
set -euo pipefail
cd "$(dirname "$0")/.."
script="${1:-$(mktemp -t portal-sqlserver-XXXXXX.sql)}"
ef=(dotnet ef --project migrations/SqlServer --startup-project migrations/SqlServer --configuration Release --no-build)

dotnet tool restore >/dev/null
"${ef[@]}" migrations has-pending-model-changes
"${ef[@]}" migrations script --idempotent --output "$script" >/dev/null
# Every migration must be in the script, each guarded by its id.
migrations="$("${ef[@]}" migrations list --no-connect --json 2>/dev/null | grep -o '"id": *"[^"]*"' | sed -E 's/.*"([^"]*)"$/\1/')"
[ -n "$migrations" ] || { echo "No SQL Server migrations found" >&2; exit 1; }
for migration in $migrations; do
  grep -q "N'$migration'" "$script" || { echo "The idempotent script lacks $migration" >&2; exit 1; }
done
echo "SQL Server: model matches the migrations; idempotent script written ($(wc -l <"$script") lines): $script"
