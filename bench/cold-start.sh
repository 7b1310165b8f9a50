#!/usr/bin/env bash
# Benchmark of issue 11's cold-start row: `shuzhi plugin list --json` with five plugins (the four shipped modules and
# the sample 非公有制 plugin) against a minimal `dotnet new console` program, both as whole processes, both published
# for linux-x64 (ReadyToRun, as docs/operations.md installs it) (hyperfine; without it, interleaved run by run). Also `--version` (the
# floor of our own executable: the runtime, System.CommandLine, no host), bench/PluginListFloor (the work of
# `plugin list --json` done by the shortest code path with the same libraries: the floor the ratio is bounded by)
# and `ballot tally`'s sibling `org list`.
#
#   bench/cold-start.sh            # RUNS=30 by default; uses hyperfine when installed, else a timing loop
#
# SHUZHI_TRACE_STARTUP=1 on any shuzhi command prints where its start-up time goes (docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-30}
out=bench/results/cold-start
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/config"
unset SHUZHI_DB

echo "publishing (Release, linux-x64, ReadyToRun)…" >&2
# The ReadyToRun step does not see its own options as inputs: start from fresh intermediates so the images are current.
find src -path '*/obj/Release/net10.0/linux-x64' -type d -prune -exec rm -rf {} +
dotnet publish src/Host/ShuzhiKaohe.Host -c Release -r linux-x64 --self-contained false -o "$out/shuzhi" -v q -nologo >/dev/null
dotnet publish bench/MinimalConsole -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/minimal" -v q -nologo >/dev/null
dotnet publish bench/PluginListFloor -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/floor" -v q -nologo >/dev/null
dotnet publish samples/plugins/Shuzhi.NonPublic -c Release -o "$work/extra/Shuzhi.NonPublic" -v q -nologo >/dev/null
# A RID-specific publish of the host builds the modules for that RID too; their runtime folders never belong in plugins/.
rm -rf src/Modules/*/bin/Release/net10.0/linux-x64
export SHUZHI_PLUGINS="$work/extra"
shuzhi="$out/shuzhi/shuzhi"
"$shuzhi" db init >/dev/null
# `plugin list` loads no plugin code (docs/plugins.md): `plugin check` proves all five load before we time the list.
loaded=$("$shuzhi" plugin check --json | grep -c '"status": "loaded"' || true)
echo "plugins loaded by plugin check: $loaded" >&2

if command -v hyperfine >/dev/null; then
  # The floor: the same work as `plugin list --json` by the shortest path with the same libraries (bench/PluginListFloor).
  floor="$out/floor/PluginListFloor $XDG_DATA_HOME/shuzhi/shuzhi.db $out/shuzhi/plugins $work/extra"
  hyperfine -N -w 3 -r "$RUNS" "$out/minimal/MinimalConsole" "$shuzhi --version" "$floor" "$shuzhi plugin list --json" "$shuzhi org list --depth 1 --json"
else
  ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
  median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  for i in 1 2 3; do ms "$out/minimal/MinimalConsole" >/dev/null; ms "$shuzhi" plugin list --json >/dev/null; done
  a=(); b=()
  for i in $(seq "$RUNS"); do a+=("$(ms "$out/minimal/MinimalConsole")"); b+=("$(ms "$shuzhi" plugin list --json)"); done
  ma=$(printf '%s\n' "${a[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median)
  echo "minimal console: median $ma ms; shuzhi plugin list --json: median $mb ms; ratio $(echo "scale=2; $mb / $ma" | bc)× (target ≤ 3×)"
fi
