#!/usr/bin/env bash
# Issue 11: a deterministic national-scale database from the real division tree (../shared/data) plus synthetic organs,
# enterprises, universities and hospitals, secretaries, and a year of campaigns at every level — all written through
# Core's services, so the result passes `shuzhi audit verify` and PRAGMA integrity_check.
#
#   bench/generate.sh OUT.db [--seed N] [--scale 1|0.33|0.1] [--year 2025] [--json] [--verify] [--digest] [--data DIR]
#   bench/generate.sh OUT.csv --scale 0.1 --tree-only     # only the scale's part of the real tree, as one CSV
#
# Progress goes to stderr, the summary (counts per table, time, size) to stdout. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "building (Release)…" >&2
  dotnet build src/Host/ShuzhiKaohe.Host -c Release -v q -nologo >/dev/null   # fills plugins/
  dotnet build bench/Generator -c Release -v q -nologo >/dev/null
fi
exec bench/Generator/bin/Release/net10.0/Generator "$@"
