#!/usr/bin/env python3
"""Write the hand-placed waypoint geometry of the default network (not OSM-derived).

Reads data/tools/hand-waypoints.txt ("LINK: Name lat lon; Name lat lon", "~" marks a rougher
position) and the bundle's nodes.csv and links.csv, and writes
data/default-network/geometry/waypoints.geojson: one LineString per listed link, from its `from`
node through the waypoints to its `to` node, with properties link, source (est-waypoints),
estimated (true) and the places passed. The file is under the bundle's CC-BY-4.0.

It prints, per link, the length along the waypoints against the link's length (a polyline
through a few towns is shorter than the route, so a ratio above 1 points at a wrong waypoint),
and the land links over 5 km that still have no line in any geometry file.

Usage: python3 data/tools/hand_waypoints.py [--bundle data/default-network] [--check]
"""

import argparse
import csv
import json
import math
import os
import sys

R_KM = 6371.0088
SOURCE = "est-waypoints"


def hav(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * R_KM * math.asin(min(1.0, math.sqrt(a)))


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r and not r[next(iter(r))].startswith("#")]


def parse(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            link, _, rest = line.partition(":")
            pts = []
            for item in filter(None, (s.strip() for s in rest.split(";"))):
                words = item.split()
                name = " ".join(w for w in words[:-2] if w != "~")
                pts.append({"name": name, "lat": float(words[-2]), "lon": float(words[-1]), "rough": "~" in words})
            if link.strip() in out:
                sys.exit(f"{path}:{n}: {link.strip()} listed twice")
            out[link.strip()] = pts
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bundle", default=os.path.join(root, "data", "default-network"))
    ap.add_argument("--input", default=os.path.join(here, "hand-waypoints.txt"))
    args = ap.parse_args()
    nodes = {r["id"]: r for r in rows(os.path.join(args.bundle, "nodes.csv"))}
    links = {r["id"]: r for r in rows(os.path.join(args.bundle, "links.csv"))}
    table = parse(args.input)
    features = []
    for lid, pts in table.items():
        if lid not in links:
            sys.exit(f"{args.input}: unknown link {lid}")
        l = links[lid]
        a, b = nodes[l["from"]], nodes[l["to"]]
        coords = [[float(a["lon"]), float(a["lat"])]] + [[p["lon"], p["lat"]] for p in pts] + [[float(b["lon"]), float(b["lat"])]]
        km = sum(hav(p[1], p[0], q[1], q[0]) for p, q in zip(coords, coords[1:]))
        length = float(l["length_km"])
        flag = "  <-- longer than the link" if km > length * 1.02 else ""
        print(f"{lid:12} {l['mode']:5} {length:7.1f} km, along waypoints {km:7.1f} km ({km / length:.2f}){flag}")
        props = {"link": lid, "source": SOURCE, "estimated": True, "places": [p["name"] for p in pts]}
        if not pts:
            props["note"] = "straight line between the end nodes"
        if any(p["rough"] for p in pts):
            props["note"] = "positions marked ~ in data/tools/hand-waypoints.txt are ±0.2-0.3°"
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "LineString", "coordinates": coords}})
    out = os.path.join(args.bundle, "geometry", "waypoints.geojson")
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "name": "karvan-default-hand-waypoints",
                   "licence": "CC-BY-4.0",
                   "attribution": "Karvan authors; hand-placed waypoints (estimates, see sources.csv est-waypoints)",
                   "features": features}, f, ensure_ascii=False, indent=None, separators=(",", ":"))
        f.write("\n")
    covered = set(table)
    for name in os.listdir(os.path.join(args.bundle, "geometry")):
        if name.endswith(".geojson") and name != "waypoints.geojson":
            with open(os.path.join(args.bundle, "geometry", name), encoding="utf-8") as f:
                covered |= {x["properties"]["link"] for x in json.load(f)["features"]}
    land = [l for l in links.values() if l["mode"] in ("RAIL", "ROAD") and float(l["length_km"]) > 5]
    missing = [l["id"] for l in land if l["id"] not in covered and not l["geometry"]]
    straight = [i for i, p in table.items() if not p]
    print(f"{len(features)} lines written; land links > 5 km: {len(land)}, without a line: {len(missing)} {missing}; "
          f"straight ({len(straight)}): {straight}", file=sys.stderr)


if __name__ == "__main__":
    main()
