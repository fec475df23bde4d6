#!/usr/bin/env bash
# Reproduces the Baku <-> Nakhchivan worked example of docs/scenarios.md:
# for each direction, mode and case, the route's km, km in Iran, crossings, hours and USD.
set -euo pipefail
cd "$(dirname "$0")/../.."
row() { # label, extra args...
  local label="$1"; shift
  ./karvan route "$@" --format json 2>/dev/null | python3 -c '
import json, sys
from decimal import Decimal, ROUND_HALF_UP
def r(x, n=0):  # half up, as the CLI and the JSON round (Python round() is half-even)
    return str(Decimal(repr(x)).quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP))
label = sys.argv[1]
try:
    d = json.load(sys.stdin)
except ValueError:
    print(f"| {label} | no route | | | | |"); sys.exit()
t = d["totals"]
ir = sum(c["distanceKm"] for c in d.get("countries", []) if c["code"] == "IR")
xs = ", ".join(c["id"] for c in d.get("crossings", []))
print(f"| {label} | {r(t['"'"'distanceKm'"'"'])} | {r(ir)} | {xs} | {r(t['"'"'durationHours'"'"'], 1)} | {r(t['"'"'costUsd'"'"'])} |")
' "$label" || true
}
for dir in "Baku Nakhchivan" "Nakhchivan Baku"; do
  set -- $dir
  echo "### $1 → $2 (1x40ft, fastest)"
  echo
  echo "| case | km | km in Iran | crossings | hours | USD |"
  echo "|---|---:|---:|---|---:|---:|"
  for mode in road rail; do
    row "$mode, today (2026)" --from "$1" --to "$2" --modes "$mode"
    row "$mode, aras-corridor-open" --from "$1" --to "$2" --modes "$mode" --scenario aras-corridor-open
    row "$mode, tripp-open" --from "$1" --to "$2" --modes "$mode" --scenario tripp-open
  done
  echo
done
