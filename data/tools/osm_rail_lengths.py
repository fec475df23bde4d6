#!/usr/bin/env python3
"""Measure default-network rail links along real OpenStreetMap railway geometry.

Reproducible method (see data/tools/README.md):

1. Read the GeoJSON railway layers (one LineString per OSM way, lon/lat). Ways tagged
   `railway=rail` are always used; `railway=construction` only for links whose status is
   UNDER_CONSTRUCTION or PLANNED (e.g. Horadiz-Aghband). Other values (narrow_gauge, light_rail,
   monorail, proposed) are ignored.
2. Build an undirected graph: a vertex per coordinate rounded to 5 decimals (ways meet where
   coordinates coincide), an edge per consecutive vertex pair weighted by its haversine length
   (R = 6371.0088 km).
3. Links shorter than MIN_GC_KM great-circle (border and approach links) are skipped: they are
   shorter than the snap tolerance. For each other RAIL link whose two endpoint nodes lie inside a layer's bounding box, take every graph
   vertex within SNAP_KM of each endpoint as a candidate. A multi-source Dijkstra starts at the
   `from` candidates with initial cost = SNAP_PENALTY x snap distance and stops at the best `to`
   candidate (cost = path + SNAP_PENALTY x snap distance). The reported length is the path length
   along the rails only (snap offsets excluded); the two snap offsets are reported separately.
3b. A border-crossing link (its `border_crossing` column is set) whose two end nodes carry
   cited coordinates (`lat`/`lon` not in the node's `estimated` column) is measured whatever its
   length; it is accepted when both snaps are within SHORT_SNAP_KM and the along-line length is
   0.95-2.0 x the great-circle distance between the snapped vertices (the 0.98 x node-distance rule
   of step 4 is waived: the snap offsets are of the order of the link itself).
4. A measurement is accepted when both snaps are within MAX_ACCEPT_SNAP_KM (10 km: a few node
   coordinates, e.g. Serhetyaka, are known to be rough), the along-line length is between 0.95 and
   2.0 x the great-circle distance between the snapped vertices, and at least 0.98 x the
   great-circle distance between the link's own nodes (a shorter path means the snap missed).
5. The path is simplified (Douglas-Peucker, TOLERANCE_M metres in a local equirectangular
   projection) and written as a GeoJSON feature per link: that file is OSM-derived and under the
   ODbL 1.0.

Usage:
  python3 data/tools/osm_rail_lengths.py [--bundle data/default-network] [--gis ../shared/gis]
      [--report data/tools/osm-rail-lengths.csv] [--geojson data/default-network/geometry/osm-rail.geojson]
      [--apply]

--apply writes the accepted lengths into links.csv for links whose length_km is marked
estimated (sourced lengths are kept; the report shows the OSM value beside them).
"""

import argparse
import csv
import heapq
import io
import json
import math
import os
import re
import sys

R_KM = 6371.0088
SNAP_KM = 15.0
MIN_GC_KM = 8.0
# Border links shorter than MIN_GC_KM are measured only when both end nodes have cited (not
# estimated) coordinates and both lie within SHORT_SNAP_KM of the line; see step 3b.
SHORT_SNAP_KM = 2.0
MAX_ACCEPT_SNAP_KM = 10.0
SNAP_PENALTY = 3.0
TOLERANCE_M = 150.0
OSM_SOURCE = "osm-railways-2026-02"
USED = {"rail"}
USED_PLANNED = {"rail", "construction"}
# Links not measured although a path is found: the OSM ways are known to be incomplete. (Empty since
# 2026-12-01: Kars-Igdir-Dilucu, once listed here, is two complete construction ways of 224.5 km,
# one per track, from the junction with the Kars-Tbilisi line to the Dilucu border; the 71 km
# measured earlier was the Igdir-Dilucu part alone.)
SKIP = {}
# End nodes that lie outside every layer but on a cited stretch of existing line leading to it: the
# link is measured from the junction (lon, lat: the first vertex of the OSM ways) and the cited
# approach km are added; the line is drawn straight from the node to the junction.
APPROACH = {
    # Kars: the Kars-Igdir-Aralik-Dilucu line leaves the Kars-Tbilisi line at about its 12th km
    # (project consultant's description, source kiadyht-kars-dilucu); the OSM ways start there.
    "TRKSY": (43.21300, 40.67000, 12.0, "kiadyht-kars-dilucu"),
}
# End nodes measured from a fixed vertex of the line (lon, lat) instead of the best snap, so that the
# two links meeting there split the line at one point. Igdir: the station of the new line is not
# placed by any source; the vertex nearest the Igdir node (6.1 km south-west of the town centre,
# 134.7 km from the junction of the 224.5 km ways) stands for it.
# Sadarak and Dilucu: since 2026-12-01 the two nodes stand at the ends of the Umut road bridge (cited), 1-6 km
# from where the railways end; the rail links are measured from the ends of the OSM lines, as before the move:
# the Nakhchivan line at its Sadarak end, the Kars-Igdir-Dilucu construction ways at the Aras.
PIN = {"TRIGD": (43.98800, 39.88200), "AZSDR": (44.85028, 39.68762), "TRDLC": (44.78364, 39.67833)}


def hav(lon1, lat1, lon2, lat2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * R_KM * math.asin(min(1.0, math.sqrt(a)))


class Layer:
    """One GeoJSON file as a vertex/edge graph; edges remember the railway tag."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        self.name = os.path.basename(path)
        self.index = {}
        self.coords = []
        self.adj = []
        lons, lats = [], []
        for feat in data["features"]:
            kind = feat["properties"].get("railway")
            if kind not in USED_PLANNED:
                continue
            prev = None
            for lon, lat in feat["geometry"]["coordinates"]:
                v = self.vertex(round(lon, 5), round(lat, 5))
                lons.append(lon)
                lats.append(lat)
                if prev is not None and prev != v:
                    a, b = self.coords[prev], self.coords[v]
                    w = hav(a[0], a[1], b[0], b[1])
                    self.adj[prev].append((v, w, kind))
                    self.adj[v].append((prev, w, kind))
                prev = v
        self.bbox = (min(lons), min(lats), max(lons), max(lats))
        # Coarse grid for snapping.
        self.cell = 0.05
        self.grid = {}
        for i, (lon, lat) in enumerate(self.coords):
            self.grid.setdefault((int(lon / self.cell), int(lat / self.cell)), []).append(i)

    def vertex(self, lon, lat):
        key = (lon, lat)
        v = self.index.get(key)
        if v is None:
            v = len(self.coords)
            self.index[key] = v
            self.coords.append(key)
            self.adj.append([])
        return v

    def contains(self, lon, lat):
        b = self.bbox
        return b[0] <= lon <= b[2] and b[1] <= lat <= b[3]

    def candidates(self, lon, lat, kinds):
        out = []
        r = int(math.ceil(SNAP_KM / 111.0 / self.cell / max(0.3, math.cos(math.radians(lat))))) + 1
        cx, cy = int(lon / self.cell), int(lat / self.cell)
        for dx in range(-r, r + 1):
            for dy in range(-r, r + 1):
                for v in self.grid.get((cx + dx, cy + dy), ()):
                    if not any(k in kinds for _, _, k in self.adj[v]):
                        continue
                    d = hav(lon, lat, *self.coords[v])
                    if d <= SNAP_KM:
                        out.append((d, v))
        return out

    def path(self, a, b, kinds):
        """Best path between snap candidates; returns (km, [vertices], snap_a, snap_b) or None."""
        src = self.candidates(a[0], a[1], kinds)
        dst = {v: d for d, v in self.candidates(b[0], b[1], kinds)}
        if not src or not dst:
            return None
        dist, along, prev, heap = {}, {}, {}, []
        for d, v in src:
            c = SNAP_PENALTY * d
            if c < dist.get(v, math.inf):
                dist[v], along[v], prev[v] = c, 0.0, None
                heapq.heappush(heap, (c, v))
        best, best_v = math.inf, None
        while heap:
            c, v = heapq.heappop(heap)
            if c > dist[v] or c >= best:
                if c >= best:
                    break
                continue
            if v in dst:
                total = c + SNAP_PENALTY * dst[v]
                if total < best:
                    best, best_v = total, v
            for u, w, k in self.adj[v]:
                if k not in kinds:
                    continue
                nc = c + w
                if nc < dist.get(u, math.inf):
                    dist[u], along[u], prev[u] = nc, along[v] + w, v
                    heapq.heappush(heap, (nc, u))
        if best_v is None:
            return None
        seq, v = [], best_v
        while v is not None:
            seq.append(v)
            v = prev[v]
        seq.reverse()
        snap_a = next(d for d, v in src if v == seq[0])
        return along[best_v], seq, snap_a, dst[best_v]


def simplify(points, tol_m):
    """Douglas-Peucker in a local equirectangular projection (metres)."""
    if len(points) < 3:
        return points
    lat0 = math.radians(sum(p[1] for p in points) / len(points))
    xy = [(math.radians(p[0]) * math.cos(lat0) * R_KM * 1000, math.radians(p[1]) * R_KM * 1000) for p in points]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = xy[i], xy[j]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-9
        far, idx = -1.0, -1
        for k in range(i + 1, j):
            x0, y0 = xy[k]
            d = abs(dy * x0 - dx * y0 + x2 * y1 - y2 * x1) / norm
            if d > far:
                far, idx = d, k
        if far > tol_m:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(points, keep) if k]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def write_csv(path, header, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bundle", default=os.path.join(root, "data", "default-network"))
    ap.add_argument("--gis", default=os.path.join(os.path.dirname(root), "shared", "gis"))
    ap.add_argument("--report", default=os.path.join(here, "osm-rail-lengths.csv"))
    ap.add_argument("--geojson", default=os.path.join(root, "data", "default-network", "geometry", "osm-rail.geojson"))
    ap.add_argument("--apply", action="store_true")
    args = ap.parse_args()

    layers = [Layer(os.path.join(args.gis, f)) for f in sorted(os.listdir(args.gis)) if f.endswith(".geojson")]
    _, nrows = read_csv(os.path.join(args.bundle, "nodes.csv"))
    nodes = {r[0]: (float(r[5]), float(r[4])) for r in nrows if r and not r[0].startswith("#")}
    cited = {r[0] for r in nrows if r and not r[0].startswith("#") and not ({"lat", "lon"} & set(r[9].split("|")))}
    lpath = os.path.join(args.bundle, "links.csv")
    header, lrows = read_csv(lpath)
    col = {h: i for i, h in enumerate(header)}

    report, features, applied = [], [], 0
    for row in lrows:
        if not row or row[0].startswith("#") or row[col["mode"]] != "RAIL":
            continue
        a, b = nodes[row[col["from"]]], nodes[row[col["to"]]]
        real_a, real_b = a, b
        appr_a, appr_b = APPROACH.get(row[col["from"]]), APPROACH.get(row[col["to"]])
        approach_km = sum(x[2] for x in (appr_a, appr_b) if x)
        a = appr_a[:2] if appr_a else PIN.get(row[col["from"]], a)
        b = appr_b[:2] if appr_b else PIN.get(row[col["to"]], b)
        planned = row[col["status"]] in ("UNDER_CONSTRUCTION", "PLANNED")
        kinds = USED_PLANNED if planned else USED
        layer = next((L for L in layers if L.contains(*a) and L.contains(*b)), None)
        if layer is None:
            continue
        gc = hav(a[0], a[1], b[0], b[1])
        short = bool(row[col["border_crossing"]]) and {row[col["from"]], row[col["to"]]} <= cited
        if row[0] in SKIP:
            report.append([row[0], layer.name, row[col["length_km"]], "", "", "", "", f"{gc:.1f}", "skipped: " + SKIP[row[0]]])
            continue
        if gc < MIN_GC_KM and not short:
            continue  # border and approach links: shorter than the snap tolerance, not measurable
        res = layer.path(a, b, kinds)
        old = float(row[col["length_km"]])
        est = "length_km" in row[col["estimated"]].split("|")
        if res is None:
            report.append([row[0], layer.name, f"{old:g}", "estimated" if est else "sourced", "", "", "", f"{gc:.1f}", "no path"])
            continue
        km, seq, sa, sb = res
        # A pinned end reports its offset from the node itself (the acceptance used the pin).
        sa_ok, sb_ok = sa, sb
        if row[col["from"]] in PIN:
            sa = hav(*real_a, *layer.coords[seq[0]])
        if row[col["to"]] in PIN:
            sb = hav(*real_b, *layer.coords[seq[-1]])
        pa, pb = layer.coords[seq[0]], layer.coords[seq[-1]]
        gc_snapped = hav(pa[0], pa[1], pb[0], pb[1])
        ok_ratio = 0 < 0.95 * gc_snapped <= km <= 2.0 * gc_snapped and (short or km >= 0.98 * gc)
        ok_snap = max(sa_ok, sb_ok) <= (SHORT_SNAP_KM if short else MAX_ACCEPT_SNAP_KM)
        ok = ok_ratio and ok_snap
        verdict = "accepted" if ok else ("rejected (ratio)" if not ok_ratio else "rejected (snap)")
        report.append([row[0], layer.name, f"{old:g}", "estimated" if est else "sourced", f"{km:.1f}",
                       f"{sa:.2f}", f"{sb:.2f}", f"{gc:.1f}", verdict])
        if not ok:
            continue
        pts = simplify([layer.coords[v] for v in seq], TOLERANCE_M)
        props = {"link": row[0], "source": OSM_SOURCE, "estimated": False, "osm_km": round(km, 1), "snap_from_km": round(sa, 2),
                 "snap_to_km": round(sb, 2), "layer": layer.name}
        if approach_km:
            # The link = the cited approach on existing line + the OSM part; drawn straight to the node.
            props["approach_km"] = approach_km
            props["approach_source"] = "|".join(x[3] for x in (appr_a, appr_b) if x)
            if appr_a:
                pts = [nodes[row[col["from"]]]] + pts
            if appr_b:
                pts = pts + [nodes[row[col["to"]]]]
        features.append({"type": "Feature",
                         "properties": props,
                         "geometry": {"type": "LineString", "coordinates": [[round(x, 5), round(y, 5)] for x, y in pts]}})
        already = OSM_SOURCE in row[col["sources"]].split("|")
        measured = re.match(r"length ([0-9.]+) km measured along OSM railway geometry \(data/tools/osm_rail_lengths\.py, "
                            r"(?:[0-9.]+ km along the OSM ways \+ [0-9.]+ km cited approach on the existing line, )?"
                            r"snap [0-9.]+/[0-9.]+ km", row[col["note"]])
        plus = f"{km:.1f} km along the OSM ways + {approach_km:g} km cited approach on the existing line, " if approach_km else ""
        if args.apply and already and measured and abs(float(measured.group(1)) - round(km + approach_km, 1)) >= 0.05:
            # The length came from an earlier run and an end node has moved since: re-measure it.
            length = max(round(km + approach_km, 1), math.ceil(gc * 1.0))
            row[col["length_km"]] = f"{length:g}"
            row[col["note"]] = (f"length {length:g} km measured along OSM railway geometry (data/tools/osm_rail_lengths.py, "
                                f"{plus}snap {sa:.1f}/{sb:.1f} km; {measured.group(1)} km before an end node moved"
                                + row[col["note"]][measured.end():])
            applied += 1
        check = f"OSM along-line cross-check {km:.1f} km (sourced length kept)"
        if args.apply and not est and not already:
            # One cross-check per note: an earlier run's (with any remark added to it) stays when it
            # gives the same km, and is replaced when an end node has moved since.
            earlier = re.search(r"OSM along-line cross-check ([0-9.]+) km \(sourced length kept[^)]*\)", row[col["note"]])
            if earlier is None:
                row[col["note"]] = (row[col["note"]] + "; " + check).lstrip("; ")
            elif earlier.group(1) != f"{km:.1f}":
                row[col["note"]] = row[col["note"]][:earlier.start()] + check + row[col["note"]][earlier.end():]
        if args.apply and est and not already:
            length = round(km + approach_km, 1)
            # A bundle length may not fall below the great-circle distance of its (estimated) node
            # coordinates minus tolerance; keep at least that.
            length = max(length, math.ceil(gc * 1.0)) if not short else max(length, round(gc * 0.98 - 1.0, 1))
            row[col["length_km"]] = f"{length:g}"
            row[col["estimated"]] = "|".join(e for e in row[col["estimated"]].split("|") if e and e != "length_km")
            srcs = [s for s in row[col["sources"]].split("|") if s not in ("est-detour-1.3", "est-length-split", "est-known-line")]
            if OSM_SOURCE not in srcs:
                srcs.append(OSM_SOURCE)
            srcs += [x[3] for x in (appr_a, appr_b) if x and x[3] not in srcs]
            row[col["sources"]] = "|".join(srcs)
            note = re.sub(r";? ?length = great-circle × [0-9.]+ \(GC [0-9,]+ km\),? estimated;?", "", row[col["note"]])
            note = note.replace("route km TODO; ", "").strip(" ;")
            row[col["note"]] = (f"length {length:g} km measured along OSM railway geometry (data/tools/osm_rail_lengths.py, "
                                f"{plus}snap {sa:.1f}/{sb:.1f} km; was {old:g} km estimated). " + note).strip()
            applied += 1

    os.makedirs(os.path.dirname(args.report), exist_ok=True)
    write_csv(args.report, ["link", "layer", "bundle_km", "bundle_length", "osm_km", "snap_from_km", "snap_to_km", "gc_km", "verdict"], report)
    os.makedirs(os.path.dirname(args.geojson), exist_ok=True)
    with open(args.geojson, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection",
                   "name": "karvan-default-rail-geometry-osm",
                   "licence": "ODbL-1.0",
                   "attribution": "Data (c) OpenStreetMap contributors, ODbL 1.0, https://www.openstreetmap.org/copyright",
                   "features": features}, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    if args.apply:
        write_csv(lpath, header, lrows)
    print(f"{len(report)} rail links inside the layers; {len(features)} measured; {applied} lengths applied", file=sys.stderr)


if __name__ == "__main__":
    main()
