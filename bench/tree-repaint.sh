#!/usr/bin/env bash
# Key-to-repaint of the console's organisation tree over the whole real tree (issue 7: goal p95 <= 50 ms).
#
#   bench/tree-repaint.sh            # needs the .NET SDK and ../shared/data (SHUZHI_DATA to change)
#
# Builds Release, imports divisions-2023.csv + villages-2023.csv.gz (665,276 organisations) into a temp database
# with the real importer, then walks the tree only with bench/ConsoleBench: the real shell headless on the ANSI
# driver at 120x40, each key timed from injection to the end of its repaint (bench/ConsoleBench/TreeWalk.cs).
# bench/console-bench.sh walks the ballot entry and grading screens as well, and measures memory.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${SHUZHI_DATA:-../shared/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/config"
unset SHUZHI_DB SHUZHI_PLUGINS
echo "building (Release)…" >&2
dotnet build bench/ConsoleBench -c Release -v q -nologo >/dev/null
# The plugins the harness loads are the repository's plugins/ folder, filled by a build of the solution.
[ -d plugins ] || { echo "tree-repaint: no plugins/ folder: dotnet build ShuzhiKaohe.sln first" >&2; exit 1; }
bench=bench/ConsoleBench/bin/Release/net10.0/ConsoleBench
"$bench" import "$work/tree.db" "$DATA/divisions-2023.csv" "$DATA/villages-2023.csv.gz" </dev/null
"$bench" walk "$work/tree.db" tree </dev/null
