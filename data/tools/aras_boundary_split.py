#!/usr/bin/env python3
"""Split TRIPP's cited 42 km in Armenia at Meghri, measured along the Aras.

The former Soviet line Horadiz - Meghri - Ordubad ran along the north bank of the Aras, which is
the Armenia-Iran boundary from the Azerbaijan (mainland) tripoint to the Nakhchivan tripoint. The
line was dismantled in the 1990s, so OSM has no rails there (data/tools/osm_rail_lengths.py finds
no path). This script measures the boundary line of Natural Earth 1:10m (admin-0 4.1.0, public
domain, the Aras window of karvan-core's boundaries.txt.gz) between the two tripoints, projects the
Meghri node onto it, and splits the cited total in the proportion of the two measured parts:

  east tripoint -> Meghri : Meghri -> west tripoint

The cited total (42 km, Railway Gazette / Armenian MFA, corridor-facts L29) is kept; only its split
is measured. The 1:10m line is generalised (12 vertices, 35.3 km against the 42 km of railway), so
the proportion, not the boundary length, is used.

Usage: python3 data/tools/aras_boundary_split.py [--total 42] [--bundle data/default-network]
Python 3 standard library only.
"""

import argparse
import csv
import gzip
import math
import os

R_KM = 6371.0088
WINDOW = "10m 44.6 38.6 48.1 40"


def hav(a, b):
    p1, p2 = math.radians(a[1]), math.radians(b[1])
    dl = math.radians(b[0] - a[0])
    x = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * R_KM * math.asin(min(1.0, math.sqrt(x)))


def rings(path, window):
    out, layer, country = {}, None, None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            t = line.split()
            if not t or t[0].startswith("#"):
                continue
            if t[0] == "layer":
                layer = " ".join(t[1:6])
            elif t[0] == "country":
                country = t[1]
            elif t[0] == "ring" and layer == window:
                v = [int(x) for x in t[1:]]
                out.setdefault(country, []).append([(v[i] / 1e4, v[i + 1] / 1e4) for i in range(0, len(v), 2)])
    return out


def shared_run(ring, other):
    """The longest run of consecutive vertices of `ring` that also lie on `other` (exact match)."""
    on = [p in other for p in ring]
    best, start = (0, 0), None
    for i, flag in enumerate(on + [False]):
        if flag and start is None:
            start = i
        if not flag and start is not None:
            best = max(best, (i - start, start))
            start = None
    n, s = best
    return ring[s:s + n]


def project(line, p):
    """(offset km, km along `line` from its first vertex) of the point of `line` nearest p."""
    k = math.cos(math.radians(p[1]))
    best, along = None, 0.0
    for a, b in zip(line, line[1:]):
        dx, dy = (b[0] - a[0]) * k, b[1] - a[1]
        px, py = (p[0] - a[0]) * k, p[1] - a[1]
        t = max(0.0, min(1.0, (px * dx + py * dy) / (dx * dx + dy * dy or 1e-12)))
        q = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
        d = hav(p, q)
        if best is None or d < best[0]:
            best = (d, along + hav(a, q))
        along += hav(a, b)
    return best


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bundle", default=os.path.join(root, "data", "default-network"))
    ap.add_argument("--boundaries", default=os.path.join(root, "karvan-core", "src", "main", "resources", "org", "karvan",
                                                         "core", "boundary", "boundaries.txt.gz"))
    ap.add_argument("--total", type=float, default=42.0)
    args = ap.parse_args()
    r = rings(args.boundaries, WINDOW)
    iran = {p for ring in r["IR"] for p in ring}
    line = shared_run(r["AM"][0], iran)
    if line[0][0] < line[-1][0]:
        line.reverse()  # east (Aghband side) first
    total = sum(hav(a, b) for a, b in zip(line, line[1:]))
    with open(os.path.join(args.bundle, "nodes.csv"), encoding="utf-8", newline="") as f:
        nodes = {row["id"]: (float(row["lon"]), float(row["lat"])) for row in csv.DictReader(f)}
    off, east = project(line, nodes["AMMGR"])
    west = total - east
    print(f"Armenia-Iran boundary (NE 1:10m) {line[0]} -> {line[-1]}: {len(line)} vertices, {total:.1f} km")
    print(f"Meghri node {nodes['AMMGR']} is {off:.2f} km off the line, {east:.1f} km from the east tripoint, {west:.1f} km from the west")
    a = round(args.total * east / total, 1)
    print(f"split of {args.total:g} km: R-TRE-MGR {a:.1f} km, R-MGR-TRW {args.total - a:.1f} km")


if __name__ == "__main__":
    main()
