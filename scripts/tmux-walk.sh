#!/usr/bin/env bash
# Walks the real `shuzhi` console in a real terminal (tmux) and checks the screen text at each step.
#
#   scripts/tmux-walk.sh [--exe PATH] [--sizes "80x24 120x40"] [--launch "COMMAND"]
#
# With --launch, each walk runs COMMAND in the pane instead of the executable — e.g. `ssh -tt …` to a server
# whose forced command opens the console on an already seeded database (scripts/ssh-walk.sh does this); the
# one-off checks, which signal the local process, are then skipped.
#
# For each size it starts the built executable in a detached tmux session of that size, with a temporary
# XDG_DATA_HOME and --db (seeded first by the real `shuzhi demo`: 湖北省 and campaigns at four stages), and runs the
# steps listed in WALK. Then it runs the one-off checks in CHECKS (mouse
# capture off by setting, SIGTERM restores the terminal). Exits 0 when all pass; otherwise prints which step
# failed, why, and the screen as it was, and exits 1.
#
# Adding a step: write `step_<name>` using the helpers below (press, type_text, wait_for, expect, refute,
# check_frame), then add <name> to WALK in order. A step starts where the previous one left the console.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXE=${SHUZHI_EXE:-$ROOT/src/Host/ShuzhiKaohe.Host/bin/Debug/net10.0/shuzhi}
SIZES="80x24 120x40"
WALK=(home help back_to_home organisations campaign ballot_entry grading back_home quit)
CHECKS=(mouse_off sigterm sighup hangup)
TIMEOUT=${SHUZHI_WALK_TIMEOUT:-15}
LAUNCH=

while [ $# -gt 0 ]; do
  case "$1" in
    --exe) EXE=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --launch) LAUNCH=$2; shift 2 ;;
    *) echo "usage: $0 [--exe PATH] [--sizes \"80x24 120x40\"] [--launch \"COMMAND\"]" >&2; exit 2 ;;
  esac
done

command -v tmux >/dev/null || { echo "tmux-walk: tmux is not installed (apt-get install tmux)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "tmux-walk: python3 is not installed" >&2; exit 1; }
[ -x "$EXE" ] || { echo "tmux-walk: no executable at $EXE (build first: dotnet build ShuzhiKaohe.sln)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/shuzhi-walk-XXXXXX")
# A private tmux server (own socket, no user config): never touches anyone else's sessions.
SOCKET="shuzhi-walk-$$-$RANDOM"
T() { tmux -L "$SOCKET" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8

SESSION=walk
STEP=start
SIZE=
W=0
H=0

fail() {
  echo "tmux-walk FAIL [$SIZE $STEP]: $*" >&2
  if [ -f "$WORK/screen.txt" ]; then
    echo "--- screen" >&2
    cat "$WORK/screen.txt" >&2
    echo "---" >&2
  fi
  exit 1
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start_console [NAME=VALUE ...]: a fresh data folder and database; the console in a WxH pane. With SETTINGS
# set (JSON), that is the user's settings file ($XDG_CONFIG_HOME/shuzhi/settings.json).
start_console() {
  local data="$WORK/data-$SIZE-$RANDOM"
  mkdir -p "$data/config/shuzhi"
  [ -z "${SETTINGS:-}" ] || printf '%s\n' "$SETTINGS" > "$data/config/shuzhi/settings.json"
  DB="$data/walk.db"
  # A launched console opens its own database (SHUZHI_WALK_DB names it, for the checks that show its path).
  [ -z "$LAUNCH" ] || DB=${SHUZHI_WALK_DB:-$DB}
  STATUS="$data/status"
  local envs=(XDG_DATA_HOME="$data" XDG_CONFIG_HOME="$data/config" "$@")
  # With SEED set, the database first gets the demo through the real CLI (shuzhi demo), as a newcomer would.
  if [ -n "${SEED:-}" ] && [ -z "$LAUNCH" ]; then
    env "${envs[@]}" "$EXE" demo --db "$DB" >"$data/seed.log" 2>&1 \
      || { cat "$data/seed.log" >&2; fail "shuzhi demo failed"; }
  fi
  local cmd
  cmd=$(printf '%q ' env "${envs[@]}" "$EXE" --db "$DB")
  [ -z "$LAUNCH" ] || cmd=$LAUNCH
  # The pane outlives the console, so the script can read its exit code and the terminal state after it quits.
  START_MS=$(now_ms)
  T new-session -d -s "$SESSION" -x "$W" -y "$H" "sh -c '$cmd; echo \$? > $STATUS; exec sleep 3600'"
}

stop_session() { T kill-session -t "$SESSION" 2>/dev/null || true; }

capture() { T capture-pane -p -t "$SESSION" > "$WORK/screen.txt"; }

# wait_for TEXT: until the screen shows TEXT (fixed string).
wait_for() {
  local deadline=$(( $(now_ms) + TIMEOUT * 1000 ))
  while :; do
    capture
    grep -qF -- "$1" "$WORK/screen.txt" && return 0
    [ "$(now_ms)" -lt "$deadline" ] || fail "waited ${TIMEOUT}s for: $1"
    sleep 0.02
  done
}

# wait_gone TEXT: until the screen no longer shows TEXT.
wait_gone() {
  local deadline=$(( $(now_ms) + TIMEOUT * 1000 ))
  while :; do
    capture
    grep -qF -- "$1" "$WORK/screen.txt" || return 0
    [ "$(now_ms)" -lt "$deadline" ] || fail "still showing after ${TIMEOUT}s: $1"
    sleep 0.02
  done
}

expect() { capture; grep -qF -- "$1" "$WORK/screen.txt" || fail "screen does not show: $1"; }
refute() { capture; ! grep -qF -- "$1" "$WORK/screen.txt" || fail "screen should not show: $1"; }

# press KEY...: tmux key names (Escape, Enter, Down, F5 …). type_text TEXT: literal characters.
press() { T send-keys -t "$SESSION" "$@"; }
type_text() { T send-keys -t "$SESSION" -l -- "$1"; }

# check_frame: every line of the window frame is exactly W columns and ends at the right border. Widths are
# display widths (CJK wide = 2 columns, as tmux counts them), so a mis-measured CJK string shows up here.
check_frame() {
  capture
  python3 - "$WORK/screen.txt" "$W" "$H" <<'PY' || fail "frame check failed (see above)"
import sys, unicodedata
path, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def cols(s):
    n = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n
rows = open(path, encoding="utf-8").read().rstrip("\n").split("\n")
bad = []
if len(rows) != height:
    bad.append(f"{len(rows)} rows, expected {height}")
for i, row in enumerate(rows):
    left, right = ("┌", "┐") if i == 0 else ("└", "┘") if i == len(rows) - 1 else ("│", "│")
    if not row.startswith(left) or not row.endswith(right) or cols(row) != width:
        bad.append(f"row {i}: {cols(row)} columns, starts {row[:1]!r}, ends {row[-1:]!r}: {row}")
for b in bad:
    print("  " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}

# Exit code of the console once it has quit (waits for it).
wait_exit() {
  local deadline=$(( $(now_ms) + TIMEOUT * 1000 ))
  until [ -s "$STATUS" ]; do
    [ "$(now_ms)" -lt "$deadline" ] || fail "the console did not exit within ${TIMEOUT}s"
    sleep 0.02
  done
  cat "$STATUS"
}

# The pane is back to a normal terminal: main screen, no mouse tracking, cursor shown.
check_restored() {
  local state
  state=$(T display -p -t "$SESSION" '#{alternate_on} #{mouse_any_flag} #{mouse_button_flag} #{mouse_standard_flag} #{cursor_flag}')
  [ "$state" = "0 0 0 0 1" ] || fail "terminal not restored (alternate mouse-any mouse-button mouse-standard cursor = $state, want 0 0 0 0 1)"
}

console_pid() { ps -o pid= --ppid "$(T display -p -t "$SESSION" '#{pane_pid}')" | tr -d ' ' | head -1; }

# ---- the walk --------------------------------------------------------------------------------------------

step_home() {
  wait_for "考核（4）"
  wait_for "Esc  退出"
  echo "tmux-walk: ${SIZE} first full paint $(( $(now_ms) - START_MS )) ms"
  expect "数据库：$DB"
  expect "完整性 正常"
  expect "3 份述职缺点评"
  expect "项整改逾期"
  check_frame
}

step_help() {
  type_text "?"
  wait_for "帮助 — 首页"
  expect "本屏幕（首页）"
  expect "刷新：重新检查数据库"
  expect "帮助：本屏幕的按键"
  expect "命令面板：按名称打开屏幕或执行操作"
  expect "筛选列表（Enter 确定，Esc 清除）"
  expect "退出（先清除筛选）"
  check_frame
}

step_back_to_home() {
  press Escape
  wait_gone "帮助 — 首页"
  expect "考核（4）"
  [ ! -s "$STATUS" ] || fail "the first Esc should close help, not quit"
}

# Home → o opens the organisation tree (seeded with the demo province); → expands 湖北省; ↓ selects 武汉市,
# whose details (path, superior) show beside the tree; → expands it; Esc goes back home.
step_organisations() {
  type_text "o"
  wait_for "首页 › 党组织"
  wait_for "42 湖北省"
  expect "下级：14 个"
  press Right
  wait_for "4201 武汉市"
  expect "4228 恩施土家族苗族自治州"
  press Down
  wait_for "路径：湖北省 / 武汉市"
  expect "上一级党组织：42 湖北省"
  press Right
  wait_for "420102 江岸区"
  check_frame
  press Escape
  wait_gone "首页 › 党组织"
  expect "考核（4）"
}

# Home → ↓ Enter opens 江岸区's campaign (in the session): roster, focus items, stage.
step_campaign() {
  press Down Enter
  wait_for "首页 › 江岸区 2025 年度"
  expect "[述职评议会]"
  expect "考核名单（17）"
  expect "下一步："
  check_frame
}

# b opens ballot entry: 24 sheets keyed, so the serial is 025; 17 digits and Enter key a sheet; the next is 026.
step_ballot_entry() {
  type_text "b"
  wait_for "› 测评票录入　操作员"
  expect "测评票 025"
  expect "已录入 24 / 发放 30 张"
  type_text "12341234123412340"
  press Enter
  wait_for "已保存测评票 025"
  expect "测评票 026"
  expect "已录入 25 / 发放 30 张"
  check_frame
}

# Esc back to the campaign, g opens grading: in the session stage approval is not available, and says why.
step_grading() {
  press Escape
  wait_gone "› 测评票录入　操作员"
  type_text "g"
  wait_for "› 综合评价　操作员"
  expect "批准不可用"
  expect "综合评价阶段才能提请批准"
  check_frame
}

step_back_home() {
  press Escape
  wait_gone "› 综合评价　操作员"
  press Escape
  wait_for "考核（4）"
}

step_quit() {
  press Escape
  local code
  code=$(wait_exit)
  [ "$code" = 0 ] || fail "the console exited with $code"
  check_restored
}

# ---- one-off checks --------------------------------------------------------------------------------------

check_mouse_off() {
  SETTINGS='{ "Console": { "Mouse": false } }' start_console
  wait_for "Esc  退出"
  local mouse
  mouse=$(T display -p -t "$SESSION" '#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}')
  [ "$mouse" = 000 ] || fail "Console:Mouse=false but the console turned mouse tracking on (any/button/standard = $mouse)"
  press Escape
  [ "$(wait_exit)" = 0 ] || fail "the console did not exit cleanly"
}

# signal_restores SIG: with a dialog open (as a dropped SSH session may find it), the signal ends the console
# and the terminal is restored.
signal_restores() {
  start_console
  wait_for "Esc  退出"
  type_text "?"
  wait_for "帮助 — 首页"
  local pid
  pid=$(console_pid)
  [ -n "$pid" ] || fail "cannot find the console's process"
  kill -"$1" "$pid"
  wait_exit >/dev/null
  check_restored
}

# The terminal goes away under the console (its pane closed) without a signal reaching it: it must not run on.
check_hangup() {
  start_console
  wait_for "Esc  退出"
  local pid
  pid=$(console_pid)
  [ -n "$pid" ] || fail "cannot find the console's process"
  stop_session
  local deadline=$(( $(now_ms) + TIMEOUT * 1000 ))
  while kill -0 "$pid" 2>/dev/null; do
    [ "$(now_ms)" -lt "$deadline" ] || { kill -TERM "$pid" 2>/dev/null; fail "the console kept running after its terminal closed"; }
    sleep 0.1
  done
}

check_sigterm() { signal_restores TERM; }
check_sighup() { signal_restores HUP; }

# ---- run -------------------------------------------------------------------------------------------------

for SIZE in $SIZES; do
  W=${SIZE%x*}
  H=${SIZE#*x}
  STEP=start
  SEED=1 start_console
  for s in "${WALK[@]}"; do
    STEP=$s
    "step_$s"
  done
  stop_session
  echo "tmux-walk: ${SIZE} ok (${WALK[*]})"
done

SIZE=${SIZES%% *}
W=${SIZE%x*}
H=${SIZE#*x}
[ -z "$LAUNCH" ] || CHECKS=()
for c in "${CHECKS[@]}"; do
  STEP=$c
  "check_$c"
  stop_session
  echo "tmux-walk: ${SIZE} ok ($c)"
done
echo "tmux-walk: passed"
