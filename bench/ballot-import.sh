#!/usr/bin/env bash
# Times `shuzhi ballot import` of 5,000 sheets × 100 assessees (500,000 marks) as a whole process, one
# transaction — the hot path that issue 9 audits with one entry per sheet. Each run starts from the same prepared
# database (campaign in session, 5,000 issued).
#
#   bench/ballot-import.sh                              # builds Release, 3 runs (RUNS=N to change)
#   COMPARE=/copy/of/older/shuzhi bench/ballot-import.sh  # also times an older build, runs interleaved
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/config"
unset SHUZHI_DB SHUZHI_PLUGINS
if [[ -z "${EXE:-}" ]]; then
  echo "building (Release)…" >&2
  dotnet build src/Host/ShuzhiKaohe.Host -c Release -v q -nologo -m:1 >/dev/null
  EXE=src/Host/ShuzhiKaohe.Host/bin/Release/net10.0/shuzhi
fi
python3 - "$work/ballots.csv" <<'PY'
import sys
marks = ["好", "较好", "一般", "差", ""]
with open(sys.argv[1], "w", encoding="utf-8") as w:
    w.write("sheet,org_code,mark\n")
    for s in range(1, 5001):
        for k in range(1, 101):
            w.write(f"S{s:05d},B{k:05d},{marks[(s * 7 + k * 3) % 5]}\n")
PY

# prepare NAME EXE: a database made by that build, campaign in session, 5,000 sheets issued.
prepare() {
  local db="$work/$1.db" exe=$2
  "$exe" db init --db "$db" >/dev/null
  {
    echo "BEGIN; INSERT INTO organisation(code, name, sector, level) VALUES ('B00', '基准县', 'localities', 3);"
    for k in $(seq -f %05g 1 100); do echo "INSERT INTO organisation(code, name, parent_code, sector, level) VALUES ('B$k', '基准街道$k', 'B00', 'localities', 4);"; done
    echo "COMMIT;"
  } | sqlite3 "$db"
  local id
  id=$("$exe" campaign create --organiser B00 --year 2023 --db "$db" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  "$exe" campaign advance --campaign "$id" --db "$db" >/dev/null 2>&1
  "$exe" campaign advance --campaign "$id" --db "$db" >/dev/null 2>&1
  "$exe" ballot issue --campaign "$id" --count 5000 --db "$db" >/dev/null
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  echo "$id"
}

# run NAME EXE ID: one timed import on a fresh copy; prints seconds.
run() {
  cp "$work/$1.db" "$work/run.db"
  local t0 t1
  t0=$(date +%s.%N)
  "$2" ballot import --campaign "$3" "$work/ballots.csv" --db "$work/run.db" >/dev/null
  t1=$(date +%s.%N)
  echo "$1: $(echo "$t1 - $t0" | bc) s, audit entries $(sqlite3 "$work/run.db" 'SELECT count(*) FROM audit_entry')" >&2
  echo "$t1 - $t0" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {printf "median of %d: %.2f s (min %.2f)", NR, a[int((NR+1)/2)], a[1]}'; }

id=$(prepare current "$EXE")
[[ -n "${COMPARE:-}" ]] && old_id=$(prepare older "$COMPARE")
cur=() ; old=()
for r in $(seq 1 "$RUNS"); do
  cur+=("$(run current "$EXE" "$id")")
  [[ -n "${COMPARE:-}" ]] && old+=("$(run older "$COMPARE" "$old_id")")
done
echo "ballot import, 5,000 sheets / 500,000 marks, this build: $(printf '%s\n' "${cur[@]}" | median) [load $(cut -d' ' -f1 /proc/loadavg)]"
[[ -n "${COMPARE:-}" ]] && echo "                                           older build: $(printf '%s\n' "${old[@]}" | median)"
exit 0
