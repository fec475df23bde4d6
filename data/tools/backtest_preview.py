#!/usr/bin/env python3
"""Preview of the back-test: run every case of data/validation/ through `./karvan route`.

For each case of published-cases.csv, the mapping in case-routes.csv gives the nodes, the via
places, modes and avoided chokepoints that force the named corridor, and what to compare. The
script prints a Markdown table (case, route taken, Karvan figure, published band, deviation from
the nearest end of the band, in band?) and a summary line `N of M within band`. It is a stand-in
until `karvan backtest` exists; it uses only the CLI and its JSON output.

Usage: python3 data/tools/backtest_preview.py [--scenario NAME] > table.md
"""

import argparse
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def figure(route, quantity, compare, cargo):
    t = route["totals"]
    if compare == "sailing":
        legs = [leg for leg in route["legs"] if leg["mode"] in ("FERRY", "SEA")]
        return sum(leg["durationHours"] for leg in legs) if legs else None
    if compare == "crossing":
        ev = [e for e in route["events"] if e["type"] == "BORDER_CROSSING"]
        return sum(e["durationHours"] for e in ev) if ev else None
    if quantity == "days":
        return t["durationDays"]
    if quantity == "hours":
        return t["durationHours"]
    if quantity == "usd_per_teu":
        teu = 2.0 if "40ft" in cargo else 1.0
        return t["costUsd"] / teu
    return t["costUsd"]  # usd_per_40ft, usd_per_truck


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario")
    args = ap.parse_args()
    vdir = os.path.join(ROOT, "data", "validation")
    with open(os.path.join(vdir, "published-cases.csv"), encoding="utf-8") as f:
        cases = {r["id"]: r for r in csv.DictReader(f)}
    with open(os.path.join(vdir, "case-routes.csv"), encoding="utf-8") as f:
        maps = list(csv.DictReader(f))
    print("| case | from → to | published | Karvan | deviation | in band | route (crossings) |")
    print("|---|---|---:|---:|---:|:-:|---|")
    ok = n = 0
    for m in maps:
        c = cases[m["id"]]
        cmd = [os.path.join(ROOT, "karvan"), "route", "--from", m["from_node"], "--to", m["to_node"],
               "--cargo", m["cargo"], "--format", "json"]
        if m["via"]:
            cmd += ["--via", ",".join(m["via"].split("|"))]
        if m["modes"]:
            cmd += ["--modes", ",".join(m["modes"].split("|"))]
        if m["avoid_chokepoints"]:
            cmd += ["--avoid-chokepoint", m["avoid_chokepoints"]]
        if c["quantity"].startswith("usd"):
            cmd += ["--optimize", "cost"]
        if args.scenario:
            cmd += ["--scenario", args.scenario]
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        lo, hi = float(c["value_low"]), float(c["value_high"])
        band = f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}"
        band += " " + c["quantity"].replace("_", " ")
        n += 1
        if out.returncode != 0:
            print(f"| {m['id']} | {c['from']} → {c['to']} | {band} | no route | | | {out.stderr.strip()[:80]} |")
            continue
        r = json.loads(out.stdout)
        v = figure(r, c["quantity"], m["compare"], m["cargo"])
        if v is None:
            print(f"| {m['id']} | {c['from']} → {c['to']} | {band} | n/a | | | |")
            continue
        inside = lo <= v <= hi
        ok += inside
        ref = lo if v < lo else hi
        dev = 0.0 if inside else (v - ref) / ref * 100
        xs = ", ".join(x["id"] for x in r.get("crossings", [])) or "none"
        km = r["totals"]["distanceKm"]
        print(f"| {m['id']} | {c['from']} → {c['to']} | {band} | {v:,.1f} | {dev:+.{1 if abs(dev) < 10 else 0}f} % | {'✓' if inside else '✗'} | {km:,.0f} km; {xs} |")
    print()
    print(f"{ok} of {n} within band")
    return 0


if __name__ == "__main__":
    sys.exit(main())
