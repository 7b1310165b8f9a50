#!/usr/bin/env bash
# Benchmark of issue 11's cold-start row: `shuzhi plugin list --json` with five plugins (the four shipped modules and
# the sample 非公有制 plugin) against a minimal `dotnet new console` program, both as whole processes, both published
# for linux-x64 (ReadyToRun, as docs/operations.md installs it) (hyperfine; without it, interleaved run by run). Also `--version` (the
# floor of our own executable: the runtime, System.CommandLine, no host), bench/PluginListFloor (the work of
# `plugin list --json` done by the shortest code path with the same libraries: the floor the ratio is bounded by)
# and `ballot tally`'s sibling `org list`.
#
#   bench/cold-start.sh            # RUNS=30 by default; uses hyperfine when installed, else a timing loop
#   INTERLEAVE=1 bench/cold-start.sh   # the interleaved loop even with hyperfine (a shared machine drifts)
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

if command -v hyperfine >/dev/null && [ "${INTERLEAVE:-0}" != 1 ]; then
  # The floor: the same work as `plugin list --json` by the shortest path with the same libraries (bench/PluginListFloor).
  floor="$out/floor/PluginListFloor $XDG_DATA_HOME/shuzhi/shuzhi.db $out/shuzhi/plugins $work/extra"
  hyperfine -N -w 3 -r "$RUNS" "$out/minimal/MinimalConsole" "$shuzhi --version" "$floor" "$shuzhi plugin list --json" "$shuzhi org list --depth 1 --json"
else
  # Interleaved run by run (INTERLEAVE=1, or no hyperfine): drift on a shared machine hits every command alike.
  ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $(( (t1 - t0) / 100000 )); }
  median() { sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)] / 10}'; }
  floor=("$out/floor/PluginListFloor" "$XDG_DATA_HOME/shuzhi/shuzhi.db" "$out/shuzhi/plugins" "$work/extra")
  for i in 1 2 3; do ms "$out/minimal/MinimalConsole" >/dev/null; ms "${floor[@]}" >/dev/null; ms "$shuzhi" plugin list --json >/dev/null; done
  a=(); f=(); b=(); v=()
  for i in $(seq "$RUNS"); do
    a+=("$(ms "$out/minimal/MinimalConsole")"); f+=("$(ms "${floor[@]}")"); b+=("$(ms "$shuzhi" plugin list --json)"); v+=("$(ms "$shuzhi" --version)")
  done
  ma=$(printf '%s\n' "${a[@]}" | median); mf=$(printf '%s\n' "${f[@]}" | median)
  mb=$(printf '%s\n' "${b[@]}" | median); mv=$(printf '%s\n' "${v[@]}" | median)
  echo "medians of $RUNS interleaved rounds: minimal console $ma ms; shuzhi --version $mv ms ($(echo "scale=2; $mv / $ma" | bc)×);"
  echo "  floor (PluginListFloor) $mf ms ($(echo "scale=2; $mf / $ma" | bc)×); shuzhi plugin list --json $mb ms: $(echo "scale=2; $mb / $ma" | bc)× (target ≤ 3×)"
fi
