#!/usr/bin/env bash
# Console key-to-repaint and memory on a national-scale database (issue 11: p95 <= 50 ms in the tree, the ballot
# entry and the grading screens; RSS <= 250 MB).
#
#   bench/console-bench.sh [DB]     # needs the .NET SDK, sqlite3, tmux; ../shared/data when no DB is given
#
# With DB (e.g. one made by bench/generate.sh), walks a copy of it: the largest campaign in the session stage is the
# ballot entry's, the largest in the evaluation stage the grading's. Without, builds (once, kept in
# bench/results/console-national.db; delete it to rebuild) the whole real tree (665,276 organisations, real importer)
# and two campaigns with the real Core services (bench/ConsoleBench/BenchCampaigns.cs): 保定市 with its counties and
# all its townships in the session stage with 2,000 sheets imported, and 四川省 with its cities and all its townships
# in the evaluation stage, grades proposed.
#
# Then (1) bench/ConsoleBench walks the tree, the ballot entry and the grading screens in one headless console
# (ANSI driver, 120x40), printing p50/p95/max per key kind and the process's peak RSS after each screen; and (2)
# the real `shuzhi` console runs in tmux at 120x40 on another copy, is walked through the same screens by keys, and
# its VmHWM/VmRSS are read from /proc. WALK=0 skips (1), TMUX_WALK=0 skips (2); BALLOT_SHEETS (default 3) is the
# number of whole sheets keyed in (1). Both run as you: a database built here makes you its administrator; a
# given one must know you as an operator with the campaigns in scope (shuzhi operator add/grant).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${SHUZHI_DATA:-../shared/data}
work=$(mktemp -d)
SOCKET="console-bench-$$"
T() { tmux -L "$SOCKET" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/config" LANG=C.UTF-8 LC_ALL=C.UTF-8
unset SHUZHI_DB SHUZHI_PLUGINS
echo "building (Release)…" >&2
dotnet build bench/ConsoleBench -c Release -v q -nologo >/dev/null
dotnet build src/Host/ShuzhiKaohe.Host -c Release -v q -nologo >/dev/null
bench=bench/ConsoleBench/bin/Release/net10.0/ConsoleBench
exe=src/Host/ShuzhiKaohe.Host/bin/Release/net10.0/shuzhi
[ -d plugins/ShuzhiKaohe.Modules.Localities ] || { echo "console-bench: no plugins/: dotnet build ShuzhiKaohe.sln first" >&2; exit 1; }

db=${1:-}
if [ -z "$db" ]; then
  db=bench/results/console-national.db
  if [ ! -f "$db" ]; then
    mkdir -p bench/results
    "$bench" import "$work/build.db" "$DATA/divisions-2023.csv" "$DATA/villages-2023.csv.gz" </dev/null
    "$bench" campaigns "$work/build.db" </dev/null
    sqlite3 "$work/build.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
    mv "$work/build.db" "$db"
  fi
fi
[ -f "$db" ] || { echo "console-bench: no database at $db" >&2; exit 1; }
copy() { sqlite3 "$db" ".backup '$1'"; }   # a consistent copy, WAL included; the walks write to it
echo "database: $db ($(du -h "$db" | cut -f1)); $(sqlite3 "$db" 'SELECT count(*) FROM organisation') organisations, $(sqlite3 "$db" 'SELECT count(*) FROM campaign') campaigns, $(sqlite3 "$db" 'SELECT count(*) FROM ballot_mark') marks"
echo "machine: $(nproc) cores; load before $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${WALK:-1}" != 0 ]; then
  copy "$work/walk.db"
  "$bench" walk "$work/walk.db" </dev/null
  echo "load after the headless walk: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

[ "${TMUX_WALK:-1}" != 0 ] || exit 0
# The real console in a real terminal, walked by keys; memory read from /proc/PID/status after each screen.
copy "$work/tmux.db"
largest() {
  sqlite3 "$work/tmux.db" "SELECT o.name FROM campaign c JOIN organisation o ON o.code = c.organiser_code
    JOIN roster_entry e ON e.campaign_id = c.id AND e.removed_reason IS NULL WHERE c.stage = '$1' GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1"
}
ballot_org=$(largest session)
grading_org=$(largest evaluation)
T new-session -d -s bench -x 120 -y 40 "$(printf '%q ' "$exe" --db "$work/tmux.db"); sleep 3600"
pid=
for _ in $(seq 100); do
  pid=$(ps -o pid= --ppid "$(T display -p -t bench '#{pane_pid}')" | tr -d ' ' | head -1)
  [ -n "$pid" ] && break
  sleep 0.1
done
screen() { T capture-pane -p -t bench; }
wait_for() {
  for _ in $(seq 600); do screen | grep -qF -- "$1" && return 0; sleep 0.05; done
  echo "console-bench: waited 30 s for “$1”:" >&2; screen >&2; exit 1
}
keys() { T send-keys -t bench "$@"; sleep 0.05; }
text() { T send-keys -t bench -l -- "$1"; sleep 0.05; }
mem() { echo "  shuzhi console (pid $pid) after $1: $(grep -E '^(VmHWM|VmRSS)' "/proc/$pid/status" | awk '{printf "%s %d MB  ", $1, $2/1024}')"; }
echo "real console in tmux 120x40 (Release build), walked by keys:"
wait_for "考核（"
mem "home"
text o; wait_for "党组织"
for _ in $(seq 30); do keys Right Down; done
for _ in $(seq 10); do keys PageDown; done
mem "tree"
keys Escape; wait_for "考核（"
if [ -n "$ballot_org" ]; then
  text /; text "$ballot_org"; keys Enter; keys Enter; wait_for "阶段"
  text b; wait_for "测评票录入"
  roster=$(sqlite3 "$work/tmux.db" "SELECT count(*) FROM roster_entry e JOIN campaign c ON c.id = e.campaign_id JOIN organisation o ON o.code = c.organiser_code WHERE o.name = '$ballot_org' AND c.stage = 'session' AND e.removed_reason IS NULL")
  for _ in 1 2; do
    digits=$(python3 -c "import random; random.seed(3); print(''.join(random.choice('12340') for _ in range($roster)))")
    for ((i = 0; i < ${#digits}; i += 40)); do text "${digits:i:40}"; done
    keys Enter; wait_for "已保存测评票"
  done
  mem "ballot entry ($ballot_org, $roster reporters, 2 sheets keyed)"
  keys Escape; keys Escape; keys Escape; wait_for "考核（"
fi
if [ -n "$grading_org" ]; then
  text /; text "$grading_org"; keys Enter; keys Enter; wait_for "阶段"
  text g; wait_for "综合评价"
  for _ in $(seq 100); do keys Down; done
  for _ in $(seq 20); do keys PageDown; done
  text 2; wait_for "须写明理由"; text "基准测试"; keys Enter; sleep 1
  mem "grading ($grading_org, one grade set)"
  # The heaviest thing the screen does: score and propose every assessee's grade under the quota (第六条).
  text p; wait_for "已提出建议等次"
  mem "grading ($grading_org, p: every grade proposed)"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
