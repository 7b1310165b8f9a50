#!/usr/bin/env bash
# Benchmark of issue 8: the 汇总表 (summary xlsx) of one campaign of 3,000 assessees, target <= 5 s as a whole
# `shuzhi export summary` process (host start, plugins, schema check, reading the campaign, writing the workbook).
#
#   bench/export-summary.sh            # RUNS=5 by default; needs sqlite3 and the .NET SDK
#
# The campaign is built quickly: 3,000 townships under one county are inserted with SQL, `shuzhi campaign
# create` makes the default roster of all 3,000, then secretaries, 60 ballot sheets (180,000 marks), inspection
# and observation scores, approved grades and a few rectification items are inserted with SQL in one
# transaction. Prints each run, the median, and checks that the workbook has 3,000 rows.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
N=${N:-3000}
work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "work: $work" >&2 || trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/config"
unset SHUZHI_DB SHUZHI_PLUGINS

echo "building (Release)…" >&2
dotnet build src/Host/ShuzhiKaohe.Host -c Release -v q -nologo >/dev/null
exe=src/Host/ShuzhiKaohe.Host/bin/Release/net10.0/shuzhi
db="$work/bench.db"
"$exe" db init --db "$db" >/dev/null

# The county and its N townships (localities, levels 3 and 4), each with a secretary.
{
  echo "BEGIN;"
  echo "INSERT INTO organisation(code, name, parent_code, sector, level) VALUES ('429999', '基准县', NULL, 'localities', 3);"
  for i in $(seq 1 "$N"); do
    code=$(printf '429999%06d' "$i")
    echo "INSERT INTO organisation(code, name, parent_code, sector, level) VALUES ('$code', '基准第${i}街道', '429999', 'localities', 4);"
    echo "INSERT INTO person(id, name) VALUES ($i, '书记${i}');"
    echo "INSERT INTO secretary_term(org_code, person_id, start_on) VALUES ('$code', $i, '2020-01-01');"
  done
  echo "COMMIT;"
} | sqlite3 "$db"

id=$("$exe" campaign create --organiser 429999 --year 2023 --min-below-good 0.3 --db "$db" --json 2>/dev/null \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

sqlite3 "$db" <<SQL
BEGIN;
WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 60)
INSERT INTO ballot_sheet(campaign_id, serial, is_void, digest, keyed_by, keyed_at) SELECT $id, 'S' || n, 0, 'x', 'bench', '2024-01-16' FROM s;
INSERT INTO ballot_issue(campaign_id, issued, recorded_by, recorded_at) VALUES ($id, 62, 'bench', '2024-01-16');
INSERT INTO ballot_mark(sheet_id, entry_id, campaign_id, mark)
  SELECT b.id, e.id, $id, 1 + ((b.id + e.id) % 4) FROM ballot_sheet b JOIN roster_entry e ON e.campaign_id = b.campaign_id WHERE b.campaign_id = $id;
INSERT INTO inspection_score(entry_id, item_code, score, recorded_by, recorded_at) SELECT id, 'std.3', 60 + (id % 40), 'bench', '2024-01-10' FROM roster_entry WHERE campaign_id = $id;
INSERT INTO evaluation_observation(entry_id, score, recorded_by, recorded_at) SELECT id, 70 + (id % 30), 'bench', '2024-01-10' FROM roster_entry WHERE campaign_id = $id;
INSERT INTO evaluation_grade(entry_id, campaign_id, org_code, score, proposed_grade, grade, status, explanation, recorded_by, recorded_at)
  SELECT id, $id, org_code, 60 + (id % 40), g, g, 'approved', '基准', 'bench', '2024-01-20'
    FROM (SELECT id, org_code, CASE id % 10 WHEN 0 THEN 'average' WHEN 1 THEN 'fairly_good' WHEN 2 THEN 'fairly_good' WHEN 3 THEN 'fairly_good' ELSE 'good' END AS g
            FROM roster_entry WHERE campaign_id = $id);
INSERT INTO evaluation_approval(campaign_id, meeting, approved_by, approved_at) VALUES ($id, '县委常委会', 'bench', '2024-01-20');
INSERT INTO reminder_interview(campaign_id, org_code, grade, created_by, created_at) SELECT $id, org_code, grade, 'bench', '2024-01-20' FROM evaluation_grade WHERE campaign_id = $id AND grade = 'average';
INSERT INTO rectification_item(campaign_id, org_code, source, description, deadline, created_by, created_at)
  SELECT $id, org_code, 'consequence', '限期整改', '2024-04-20', 'bench', '2024-01-20' FROM evaluation_grade WHERE campaign_id = $id AND grade = 'average';
UPDATE campaign SET stage = 'approved' WHERE id = $id;
COMMIT;
SQL

now() { date +%s.%N; }
times=()
"$exe" export summary --campaign "$id" --out "$work/warm.xlsx" --db "$db" >/dev/null 2>&1   # one warm-up (page cache)
for i in $(seq "$RUNS"); do
  t0=$(now)
  "$exe" export summary --campaign "$id" --out "$work/summary-$i.xlsx" --db "$db" >/dev/null 2>"$work/err"
  t1=$(now)
  times+=("$(echo "$t1 - $t0" | bc)")
  echo "run $i: ${times[-1]} s" >&2
done
rows=$(unzip -p "$work/summary-1.xlsx" xl/worksheets/sheet1.xml | grep -oE '<(x:)?row ' | wc -l)
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "summary xlsx of $N assessees: median ${median} s over $RUNS runs (target <= 5 s); sheet rows $rows (title 2 + header 1 + $N); $(du -h "$work/summary-1.xlsx" | cut -f1)"
