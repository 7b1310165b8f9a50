#!/usr/bin/env bash
# Benchmark of issue 4 (and 11's first row): import the whole real tree (665,276 organisations) with full
# validation, against the sqlite3 command-line .import of the same rows into a table keyed by code — both as
# whole processes, interleaved run by run so both see the same machine — then the warm query latencies.
#
#   bench/import.sh              # 5 runs each (RUNS=N to change); needs sqlite3 and the .NET SDK
#   SCALE=0.1 bench/import.sh    # the same on the part of the tree bench/generate.sh takes at that scale (SEED=1)
#
# Prints both medians, the ratio (target <= 1.5), the import's peak memory (target <= 300 MB), and the
# median/p95 of org show, expanding a node and org find on the imported tree (targets 20 ms and 50 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${SHUZHI_DATA:-../shared/data}
RUNS=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/config"
unset SHUZHI_DB SHUZHI_PLUGINS

echo "building (Release)…" >&2
dotnet build src/Host/ShuzhiKaohe.Host -c Release -v q -nologo >/dev/null
dotnet build bench/ImportBench -c Release -v q -nologo >/dev/null
SCALE=${SCALE:-1}
[ "$SCALE" = 1 ] || dotnet build bench/Generator -c Release -v q -nologo >/dev/null
exe=src/Host/ShuzhiKaohe.Host/bin/Release/net10.0/shuzhi
bench=bench/ImportBench/bin/Release/net10.0/ImportBench

# The same bytes for both programs: one plain CSV of the whole tree (header + 665,276 rows), or of the scale's part.
if [ "$SCALE" = 1 ]; then
  { cat "$DATA/divisions-2023.csv"; zcat "$DATA/villages-2023.csv.gz" | tail -n +2; } > "$work/tree.csv"
else
  bench/Generator/bin/Release/net10.0/Generator "$work/tree.csv" --tree-only --scale "$SCALE" --seed "${SEED:-1}" --data "$DATA"
fi
echo "rows: $(($(wc -l < "$work/tree.csv") - 1)) (scale $SCALE)"
"$exe" db init --db "$work/empty.db" >/dev/null   # an empty, migrated database, copied for each run

now() { date +%s.%N; }
ours=() ; theirs=() ; cpu_ours=() ; cpu_theirs=() ; peak=0
cpu() { awk '{print $1 + $2}' "$1"; }   # user + system seconds of the last run
for i in $(seq "$RUNS"); do
  rm -f "$work/ref.db"
  t0=$(now)
  /usr/bin/time -f "%U %S" -o "$work/cpu" sqlite3 "$work/ref.db" 'CREATE TABLE organisation(code TEXT PRIMARY KEY, name TEXT, parent_code TEXT, level INTEGER);' \
    '.mode csv' ".import --skip 1 $work/tree.csv organisation"
  t1=$(now)
  theirs+=("$(echo "$t1 - $t0" | bc)"); cpu_theirs+=("$(cpu "$work/cpu")")

  rm -f "$work/run.db"*; cp "$work/empty.db" "$work/run.db"
  t0=$(now)
  /usr/bin/time -f "%U %S %M" -o "$work/mem" "$exe" org import "$work/tree.csv" --db "$work/run.db" --json >/dev/null
  t1=$(now)
  ours+=("$(echo "$t1 - $t0" | bc)"); cpu_ours+=("$(cpu "$work/mem")")
  kb=$(awk '{print $3}' "$work/mem"); [ "$kb" -gt "$peak" ] && peak=$kb
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
m_ours=$(median "${ours[@]}"); m_ref=$(median "${theirs[@]}")
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(sqlite3 --version | cut -d' ' -f1-2 | sed 's/^/sqlite3 /')"
echo "runs: $RUNS each, interleaved"
printf 'sqlite3 .import (table keyed by code)   median %6.2f s   [%s]\n' "$m_ref" "${theirs[*]}"
printf 'shuzhi org import (full validation)      median %6.2f s   [%s]\n' "$m_ours" "${ours[*]}"
printf 'ratio %.2f (target <= 1.5)\n' "$(echo "$m_ours / $m_ref" | bc -l)"
# CPU time (user + system) does not depend on what else the machine runs: the ratio to trust on a busy machine.
c_ours=$(median "${cpu_ours[@]}"); c_ref=$(median "${cpu_theirs[@]}")
printf 'cpu seconds: sqlite3 %.2f, shuzhi %.2f, ratio %.2f\n' "$c_ref" "$c_ours" "$(echo "$c_ours / $c_ref" | bc -l)"
printf 'peak memory of the import %d MB (target <= 300)\n' "$((peak / 1024))"

# The two real files as they are (CSV + gzip), for the record.
if [ "$SCALE" = 1 ]; then
rm -f "$work/run.db"*; cp "$work/empty.db" "$work/run.db"
t0=$(now)
"$exe" org import "$DATA/divisions-2023.csv" "$DATA/villages-2023.csv.gz" --db "$work/run.db" --json >/dev/null
printf 'shuzhi org import of divisions-2023.csv + villages-2023.csv.gz: %.2f s\n' "$(echo "$(now) - $t0" | bc)"
fi

"$bench" queries "$work/run.db"
