#!/usr/bin/env python3
"""Sea distances over the Eurostat searoute "marnet" network (EUPL), standard library only.

    python3 data/tools/marnet_sea_distances.py --gpkg PATH/marnet_plus_20km.gpkg FROM TO [FROM TO ...]

FROM/TO are node ids of data/default-network/nodes.csv. Each port joins the network at its
nearest marnet vertex (default), or with --reach KM by a straight leg to every vertex within KM
km (shorter, but a long leg may cut a cape); the route is the shortest path over the network plus
those legs, with haversine lengths (R = 6371 km); 1 nm = 1.852 km. The printed access legs are the
straight parts: accept a result only where they are short and in open water. The marnet file is not
part of Karvan (fetch eurostat/searoute); only the resulting numbers are shipped. Passages are
all open (Suez, Bosphorus, ...): the chokepoints a route uses are printed for a check.
"""
import argparse, csv, heapq, math, os, sqlite3, struct, sys

R = 6371.0


def hav(a, b):
    (x1, y1), (x2, y2) = a, b
    p1, p2 = math.radians(y1), math.radians(y2)
    dp, dl = p2 - p1, math.radians(x2 - x1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * R * math.asin(math.sqrt(h))


def lines(gpkg):
    c = sqlite3.connect(gpkg)
    t = c.execute("select table_name from gpkg_contents").fetchone()[0]
    cols = [r[1] for r in c.execute(f"pragma table_info({t})")]
    gcol = "geometry" if "geometry" in cols else "geom"
    pcol = "pass" if "pass" in cols else None
    q = f"select {gcol}{', ' + pcol if pcol else ''} from {t}"
    for row in c.execute(q):
        b = row[0]
        flags = b[3]
        env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
        w = b[8 + env:]
        bo = "<" if w[0] == 1 else ">"
        gtype = struct.unpack(bo + "I", w[1:5])[0] % 1000
        if gtype != 2:
            continue
        n = struct.unpack(bo + "I", w[5:9])[0]
        pts = [struct.unpack(bo + "dd", w[9 + 16 * i: 25 + 16 * i]) for i in range(n)]
        yield pts, (row[1] if pcol else None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gpkg", required=True)
    ap.add_argument("--nodes", default=os.path.join(os.path.dirname(__file__), "../default-network/nodes.csv"))
    ap.add_argument("--reach", type=float, default=0.0, help="km; 0 = nearest vertex only")
    ap.add_argument("pairs", nargs="+")
    a = ap.parse_args()
    nodes = {r["id"]: (float(r["lon"]), float(r["lat"])) for r in csv.DictReader(open(a.nodes, encoding="utf-8"))}
    adj = {}
    for pts, ps in lines(a.gpkg):
        for p, q in zip(pts, pts[1:]):
            p, q = (round(p[0], 5), round(p[1], 5)), (round(q[0], 5), round(q[1], 5))
            d = hav(p, q)
            adj.setdefault(p, []).append((q, d, ps))
            adj.setdefault(q, []).append((p, d, ps))
    verts = list(adj)

    def access(x):
        near = min(verts, key=lambda v: hav(v, x))
        reach = max(a.reach, hav(near, x))
        return [(v, hav(v, x)) for v in verts if hav(v, x) <= reach]

    for f, t in zip(a.pairs[::2], a.pairs[1::2]):
        src, dst = access(nodes[f]), dict(access(nodes[t]))
        if not src or not dst:
            print(f"{f} {t}: no marnet vertex within {a.reach} km")
            continue
        dist, prev, h = {}, {}, []
        for v, d in src:
            dist[v] = d
            heapq.heappush(h, (d, v))
        best, end = 1e18, None
        while h:
            d, u = heapq.heappop(h)
            if d > dist[u] or d >= best:
                continue
            if u in dst and d + dst[u] < best:
                best, end = d + dst[u], u
            for v, w, ps in adj[u]:
                nd = d + w
                if nd < dist.get(v, 1e18):
                    dist[v], prev[v] = nd, (u, ps)
                    heapq.heappush(h, (nd, v))
        if end is None:
            print(f"{f} {t}: no path")
            continue
        used, u = set(), end
        while u in prev:
            u, ps = prev[u]
            if ps:
                used.add(ps)
        first = hav(u, nodes[f])
        print(f"{f} {t}: {best:.1f} km = {best / 1.852:.0f} nm (access legs {first:.1f} + {dst[end]:.1f} km; passages {sorted(used)})")


if __name__ == "__main__":
    sys.exit(main())
