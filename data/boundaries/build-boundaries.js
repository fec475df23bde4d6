// Builds karvan-core's recognised-boundaries resource from the npm package world-atlas 2.0.2
// (Natural Earth admin-0 countries, version 4.1.0, public domain; package ISC). Run at dev time:
//   npm pack world-atlas@2.0.2 topojson-client@3.1.0 i18n-iso-countries@7.14.0   (in a scratch dir)
//   node build-boundaries.js SCRATCH_DIR OUT.txt && gzip -9n OUT.txt
// See README.md beside this file for what it does and why.
const path = require("path");
const fs = require("fs");
const dir = process.argv[2];
const out = process.argv[3];
const pkg = (name) => path.join(dir, "x", name, "package");
const tc = require(pkg("topojson-client-3.1.0"));
const codes = require(path.join(pkg("i18n-iso-countries-7.14.0"), "codes.json"));
const alpha2 = Object.fromEntries(codes.map((c) => [c[2], c[0]]));
// Features world-atlas leaves without an ISO numeric id: the recognised state they belong to.
const byName = {
  Somaliland: "SO",
  Kosovo: "XK",
  "N. Cyprus": "CY",
  "Cyprus U.N. Buffer Zone": "CY",
  Dhekelia: "CY",
  Akrotiri: "CY",
  Baikonur: "KZ",
  "Siachen Glacier": null,
  "Indian Ocean Ter.": "AU",
  "USNB Guantanamo Bay": "CU",
  "Coral Sea Is.": "AU",
  "Clipperton I.": "FR",
  "Spratly Is.": null,
  "Bajo Nuevo Bank": null,
  "Serranilla Bank": null,
  "Scarborough Reef": null,
};
// Fine windows [west, south, east, north] where 1:10m replaces 1:50m: the Aras border
// (Nakhchivan, Julfa, Ordubad, Meghri, Horadiz) and Astara.
const windows = [
  [44.6, 38.6, 48.1, 40.0],
  [48.5, 38.2, 49.1, 38.8],
];
const CRIMEA = [34.1, 44.95]; // Simferopol: Natural Earth 4.1 draws Crimea in Russia; UN GA 68/262
function load(file) {
  const t = require(path.join(pkg("world-atlas-2.0.2"), file));
  return tc.feature(t, t.objects.countries).features;
}
function inRing(r, x, y) {
  let c = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i], [xj, yj] = r[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}
// Sutherland-Hodgman clip of one ring to a rectangle (concave rings give zero-width edges
// along the rectangle's sides, harmless for the even-odd point test).
function clip(ring, [w, s, e, n]) {
  const sides = [
    [(p) => p[0] >= w, (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= e, (a, b) => [e, a[1] + ((b[1] - a[1]) * (e - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= s, (a, b) => [a[0] + ((b[0] - a[0]) * (s - a[1])) / (b[1] - a[1]), s]],
    [(p) => p[1] <= n, (a, b) => [a[0] + ((b[0] - a[0]) * (n - a[1])) / (b[1] - a[1]), n]],
  ];
  let pts = ring.slice(0, ring.length - 1);
  for (const [inside, cut] of sides) {
    const res = [];
    for (let i = 0; i < pts.length; i++) {
      const a = pts[(i + pts.length - 1) % pts.length], b = pts[i];
      if (inside(b)) {
        if (!inside(a)) res.push(cut(a, b));
        res.push(b);
      } else if (inside(a)) res.push(cut(a, b));
    }
    pts = res;
    if (pts.length === 0) break;
  }
  return pts.length >= 3 ? pts : null;
}
function countries(features) {
  const m = new Map();
  for (const f of features) {
    if (!f.geometry) continue;
    const name = f.properties.name;
    const code = f.id !== undefined ? alpha2[f.id] : byName[name];
    if (code === undefined) throw new Error("no ISO code for " + f.id + " " + name);
    if (code === null) continue;
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polys) {
      let c = code;
      if (code === "RU" && inRing(p[0], CRIMEA[0], CRIMEA[1])) c = "UA";
      if (!m.has(c)) m.set(c, { name: c === code ? name : "Ukraine", rings: [] });
      for (const r of p) m.get(c).rings.push(r);
    }
  }
  return m;
}
const q = (v) => Math.round(v * 1e4);
const lines = [
  "# Karvan recognised boundaries: Natural Earth admin-0 countries 4.1.0 (public domain), from",
  "# npm world-atlas 2.0.2 (ISC, Copyright 2013-2019 Michael Bostock), by data/boundaries/build-boundaries.js.",
  "# Crimea is drawn in Ukraine (UN GA resolution 68/262). Coordinates: lon lat in 1e-4 degrees.",
];
function emit(layer, win, m) {
  lines.push("layer " + layer + " " + win.join(" "));
  for (const [code, c] of [...m.entries()].sort()) {
    lines.push("country " + code + " " + c.name);
    for (const r of c.rings) lines.push("ring " + r.flatMap((p) => [q(p[0]), q(p[1])]).join(" "));
  }
}
emit("50m", [-180, -90, 180, 90], countries(load("countries-50m.json")));
const fine = countries(load("countries-10m.json"));
for (const win of windows) {
  const m = new Map();
  for (const [code, c] of fine) {
    const rings = c.rings.map((r) => clip(r, win)).filter((r) => r);
    if (rings.length) m.set(code, { name: c.name, rings: rings.map((r) => r.concat([r[0]])) });
  }
  emit("10m", win, m);
}
fs.writeFileSync(out, lines.join("\n") + "\n");
