#!/usr/bin/env python3
"""Sea distances over the water of Natural Earth 1:50m (the Caspian by default), standard library only.

    python3 data/tools/raster_sea_distances.py FROM TO [FROM TO ...]
    python3 data/tools/raster_sea_distances.py --check      # against the [N] pairs
    python3 data/tools/raster_sea_distances.py --bbox 56 69 20 28 --check-arabian INMUN IRZBR

The Eurostat marnet network has no Caspian Sea, so this tool routes over a raster of the sea
instead: Natural Earth 1:50m land (the world-atlas TopoJSON the web map ships, public domain) is
filled on a 0.02° grid over 46-55.5 E, 36.3-47.5 N; cells within --buffer km of land are closed
except within --port-radius km of the two ports (a ship keeps off the coast); the shortest path
over the open cells (16 neighbours, haversine steps) is then pulled tight (each point joined to
the farthest later point it can see over open water), and the length is the haversine length of
that line plus the straight legs from each port to its first open cell; 1 nm = 1.852 km.

A port up the Volga (Astrakhan, Olya) is reached through the Volga-Caspian canal, which the
1:50m land closes: its distance is the sea distance to the canal's sea end CANAL (47.60 E,
45.35 N, the point every Karvan sailing to the Volga passes) plus the canal leg, and the canal
leg is taken from the [N] pair Anzali - Astrakhan (600 nm) or Anzali - Olya (545 nm) minus this
tool's Anzali - CANAL, so that both routes share one canal length.
"""
import argparse, csv, heapq, json, math, os, sys

R = 6371.0
HERE = os.path.dirname(os.path.abspath(__file__))
ATLAS = os.path.join(HERE, "../../karvan-server/src/main/resources/web/vendor/world-atlas/countries-50m.json")
NODES = os.path.join(HERE, "../default-network/nodes.csv")
X0, X1, Y0, Y1, STEP = 46.0, 55.5, 36.3, 47.5, 0.02
CANAL = (47.60, 45.35)
VOLGA = {"RUAST": 600.0, "RUOLY": 545.0}  # [N] nm from Anzali (corridor-facts §11b)
ARABIAN = [("INIXY", "IRZBR", 550), ("IRZBR", "IRBND", 300), ("INMUN", "IRBND", 850)]
CHECK = [("IRBAZ", "RUMCX", 400), ("IRBAZ", "KZSCO", 385), ("IRAMR", "KZSCO", 425), ("AZALT", "KZSCO", 270),
         ("AZALT", "KZKUR", 245), ("AZALT", "TMKRW", 170), ("RUMCX", "TMKRW", 315), ("IRAST", "RUMCX", 365),
         ("IRAMR", "RUAST", 655)]


def hav(x1, y1, x2, y2):
    p1, p2 = math.radians(y1), math.radians(y2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(x2 - x1) / 2) ** 2
    return 2 * R * math.asin(math.sqrt(h))


def rings():
    d = json.load(open(ATLAS, encoding="utf-8"))
    (sx, sy), (tx, ty) = d["transform"]["scale"], d["transform"]["translate"]
    arcs = []
    for a in d["arcs"]:
        x = y = 0
        pts = []
        for p in a:
            x += p[0]
            y += p[1]
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    out = []
    land = d["objects"]["land"]
    for g in land["geometries"] if land["type"] == "GeometryCollection" else [land]:
        for poly in [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]:
            for r in poly:
                pts = []
                for i in r:
                    a = arcs[i] if i >= 0 else arcs[~i][::-1]
                    pts += a if not pts else a[1:]
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                if max(xs) < X0 or min(xs) > X1 or max(ys) < Y0 or min(ys) > Y1 or max(xs) - min(xs) > 180:
                    if not (max(xs) - min(xs) > 180 and min(ys) < Y1 and max(ys) > Y0):
                        continue
                out.append(pts)
    return out


class Grid:
    def __init__(self, buffer_km):
        self.nx = int(round((X1 - X0) / STEP))
        self.ny = int(round((Y1 - Y0) / STEP))
        edges = []
        for pts in rings():
            for (ax, ay), (bx, by) in zip(pts, pts[1:] + pts[:1]):
                if abs(ax - bx) < 180 and min(ay, by) <= Y1 and max(ay, by) >= Y0:
                    edges.append((ax, ay, bx, by))
        self.land = [bytearray(self.nx) for _ in range(self.ny)]
        for j in range(self.ny):
            y = Y0 + (j + 0.5) * STEP
            xs = sorted(ax + (bx - ax) * (y - ay) / (by - ay) for ax, ay, bx, by in edges if (ay > y) != (by > y))
            row = self.land[j]
            inside = False
            k = 0
            for i in range(self.nx):
                x = X0 + (i + 0.5) * STEP
                while k < len(xs) and xs[k] <= x:
                    inside = not inside
                    k += 1
                if inside:
                    row[i] = 1
        # distance (km) from each water cell to the nearest land cell, by a multi-source Dijkstra
        self.coast = [[1e9] * self.nx for _ in range(self.ny)]
        h = []
        for j in range(self.ny):
            for i in range(self.nx):
                if self.land[j][i]:
                    self.coast[j][i] = 0.0
                    h.append((0.0, i, j))
        heapq.heapify(h)
        while h:
            d, i, j = heapq.heappop(h)
            if d > self.coast[j][i] or d > buffer_km:
                continue
            for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1)):
                a, b = i + di, j + dj
                if 0 <= a < self.nx and 0 <= b < self.ny:
                    nd = d + self.step(i, j, a, b)
                    if nd < self.coast[b][a]:
                        self.coast[b][a] = nd
                        heapq.heappush(h, (nd, a, b))

    def xy(self, i, j):
        return X0 + (i + 0.5) * STEP, Y0 + (j + 0.5) * STEP

    def step(self, i, j, a, b):
        return hav(*self.xy(i, j), *self.xy(a, b))

    def cell(self, x, y):
        return int((x - X0) / STEP), int((y - Y0) / STEP)


def route(g, p, q, buffer_km, port_km):
    def open_(i, j):
        if not (0 <= i < g.nx and 0 <= j < g.ny) or g.land[j][i]:
            return False
        x, y = g.xy(i, j)
        return g.coast[j][i] >= buffer_km or hav(x, y, *p) <= port_km or hav(x, y, *q) <= port_km

    def nearest_open(pt):
        ci, cj = g.cell(*pt)
        best = None
        for r in range(0, 200):
            for i in range(ci - r, ci + r + 1):
                for j in (cj - r, cj + r) if abs(i - ci) != r else range(cj - r, cj + r + 1):
                    if open_(i, j):
                        d = hav(*pt, *g.xy(i, j))
                        if best is None or d < best[0]:
                            best = (d, i, j)
            if best and best[0] < (r - 1) * STEP * 80:
                break
        return best

    sd, si, sj = nearest_open(p)
    td, ti, tj = nearest_open(q)
    moves = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1),
             (2, 1), (2, -1), (-2, 1), (-2, -1), (1, 2), (1, -2), (-1, 2), (-1, -2)]
    dist = {(si, sj): 0.0}
    prev = {}
    h = [(0.0, si, sj)]
    while h:
        d, i, j = heapq.heappop(h)
        if (i, j) == (ti, tj):
            break
        if d > dist[(i, j)]:
            continue
        for di, dj in moves:
            a, b = i + di, j + dj
            if not open_(a, b):
                continue
            if abs(di) == 2 and not (open_(i + di // 2, j) and open_(i + di // 2, j + dj)):
                continue
            if abs(dj) == 2 and not (open_(i, j + dj // 2) and open_(i + di, j + dj // 2)):
                continue
            nd = d + g.step(i, j, a, b)
            if nd < dist.get((a, b), 1e18):
                dist[(a, b)] = nd
                prev[(a, b)] = (i, j)
                heapq.heappush(h, (nd, a, b))
    if (ti, tj) not in dist:
        return None
    path = [(ti, tj)]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    path = [g.xy(i, j) for i, j in reversed(path)]

    def visible(u, v):
        n = max(2, int(hav(*u, *v) / (STEP * 111 * 0.25)))
        for k in range(1, n):
            x = u[0] + (v[0] - u[0]) * k / n
            y = u[1] + (v[1] - u[1]) * k / n
            if not open_(*g.cell(x, y)):
                return False
        return True

    tight = [path[0]]
    k = 0
    while k < len(path) - 1:
        m = len(path) - 1
        while m > k + 1 and not visible(path[k], path[m]):
            m -= 1
        tight.append(path[m])
        k = m
    km = sd + td + sum(hav(*u, *v) for u, v in zip(tight, tight[1:]))
    return km, tight


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--buffer", type=float, default=5.0, help="km kept off the coast")
    ap.add_argument("--port-radius", type=float, default=30.0)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--check-arabian", action="store_true", help="check the Arabian Sea [N] pairs (with --bbox)")
    ap.add_argument("--bbox", type=float, nargs=4, metavar=("LON0", "LON1", "LAT0", "LAT1"),
                    help="another sea area (default: the Caspian)")
    ap.add_argument("pairs", nargs="*")
    a = ap.parse_args()
    global X0, X1, Y0, Y1, CHECK
    if a.bbox:
        X0, X1, Y0, Y1 = a.bbox
    if a.check_arabian:
        CHECK = ARABIAN
    nodes = {r["id"]: (float(r["lon"]), float(r["lat"])) for r in csv.DictReader(open(NODES, encoding="utf-8"))}
    g = Grid(a.buffer)

    def sea(f, t):
        return route(g, f, t, a.buffer, a.port_radius)[0] / 1.852

    canal_leg = {}

    def nm(f, t):
        if t in VOLGA and f in VOLGA:
            raise SystemExit("both ends up the Volga")
        if f in VOLGA:
            f, t = t, f
        if t in VOLGA:
            if t not in canal_leg:
                canal_leg[t] = VOLGA[t] - sea(nodes["IRBAZ"], CANAL)
            return sea(nodes[f], CANAL) + canal_leg[t]
        return sea(nodes[f], nodes[t])

    pairs = [(f, t) for f, t, _ in CHECK] if a.check or a.check_arabian else []
    pairs += list(zip(a.pairs[::2], a.pairs[1::2]))
    for f, t in pairs:
        v = nm(f, t)
        ref = next((n for x, y, n in CHECK if {x, y} == {f, t}), None)
        extra = f" ([N] {ref} nm, {100 * (v - ref) / ref:+.1f} %)" if ref else ""
        print(f"{f} {t}: {v:.0f} nm = {v * 1.852:.1f} km{extra}")
    for t, leg in canal_leg.items():
        print(f"canal leg CANAL-{t}: {leg:.0f} nm")


if __name__ == "__main__":
    sys.exit(main())
