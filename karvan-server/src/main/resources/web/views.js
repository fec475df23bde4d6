/* Karvan web views: charts drawn as SVG (print quality, labelled), and downloads. No build step. */
(function () {
  'use strict';

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** Nice round ticks between lo and hi, about n of them. */
  function ticks(lo, hi, n) {
    if (!(hi > lo)) { hi = lo + 1; }
    var step = Math.pow(10, Math.floor(Math.log10((hi - lo) / n)));
    [1, 2, 5, 10].some(function (m) { if ((hi - lo) / (step * m) <= n) { step *= m; return true; } return false; });
    var out = [];
    for (var v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
    return out;
  }

  /** A colour from light yellow (low) to dark purple (high), for CO2e. */
  function ramp(t) {
    var a = [253, 231, 37], b = [68, 1, 84];
    t = Math.max(0, Math.min(1, t));
    return 'rgb(' + a.map(function (x, i) { return Math.round(x + (b[i] - x) * t); }).join(',') + ')';
  }

  /**
   * The Pareto front as a time (days) against cost (USD) scatter, CO2e as colour, each point
   * numbered as the route list; the selected point is ringed. Returns SVG text.
   */
  function paretoSvg(routes, selected) {
    var W = 420, H = 300, L = 62, R = 92, T = 16, B = 44;
    var xs = routes.map(function (r) { return r.totals.durationDays; });
    var ys = routes.map(function (r) { return r.totals.costUsd; });
    var cs = routes.map(function (r) { return r.totals.co2eKg; });
    function span(a) { var lo = Math.min.apply(null, a), hi = Math.max.apply(null, a); var pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 1; return [lo - pad, hi + pad]; }
    var xr = span(xs), yr = span(ys), c0 = Math.min.apply(null, cs), c1 = Math.max.apply(null, cs);
    function X(v) { return L + (v - xr[0]) / (xr[1] - xr[0]) * (W - L - R); }
    function Y(v) { return H - B - (v - yr[0]) / (yr[1] - yr[0]) * (H - T - B); }
    var s = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + W + ' ' + H + '" width="' + W + '" height="' + H + '" font-family="Helvetica, Arial, sans-serif" font-size="11">';
    s += '<rect width="100%" height="100%" fill="white"/>';
    s += '<line x1="' + L + '" y1="' + (H - B) + '" x2="' + (W - R) + '" y2="' + (H - B) + '" stroke="#333"/>';
    s += '<line x1="' + L + '" y1="' + T + '" x2="' + L + '" y2="' + (H - B) + '" stroke="#333"/>';
    ticks(xr[0], xr[1], 6).forEach(function (v) {
      s += '<line x1="' + X(v) + '" y1="' + (H - B) + '" x2="' + X(v) + '" y2="' + (H - B + 4) + '" stroke="#333"/><text x="' + X(v) + '" y="' + (H - B + 15) + '" text-anchor="middle">' + v + '</text>';
    });
    ticks(yr[0], yr[1], 6).forEach(function (v) {
      s += '<line x1="' + (L - 4) + '" y1="' + Y(v) + '" x2="' + L + '" y2="' + Y(v) + '" stroke="#333"/><line x1="' + L + '" y1="' + Y(v) + '" x2="' + (W - R) + '" y2="' + Y(v) + '" stroke="#eee"/><text x="' + (L - 6) + '" y="' + (Y(v) + 4) + '" text-anchor="end">' + v.toLocaleString('en') + '</text>';
    });
    s += '<text x="' + ((L + W - R) / 2) + '" y="' + (H - 8) + '" text-anchor="middle">door-to-door time (days)</text>';
    s += '<text transform="translate(14,' + ((T + H - B) / 2) + ') rotate(-90)" text-anchor="middle">cost (USD)</text>';
    routes.forEach(function (r, i) {
      var t = c1 > c0 ? (cs[i] - c0) / (c1 - c0) : 0.5;
      s += '<circle class="pareto-point' + (i === selected ? ' selected' : '') + '" data-route="' + i + '" cx="' + X(xs[i]).toFixed(1) + '" cy="' + Y(ys[i]).toFixed(1) + '" r="7" fill="' + ramp(t) + '" stroke="#222" stroke-width="' + (i === selected ? 3 : 1) + '"><title>Route ' + (i + 1) + ': ' + xs[i].toFixed(1) + ' d, USD ' + Math.round(ys[i]).toLocaleString('en') + ', ' + Math.round(cs[i]).toLocaleString('en') + ' kg CO2e' + (r.label ? ' · ' + esc(r.label) : '') + '</title></circle>';
      s += '<text x="' + (X(xs[i]) + 9).toFixed(1) + '" y="' + (Y(ys[i]) - 6).toFixed(1) + '" font-size="10">' + (i + 1) + '</text>';
    });
    // colour legend for CO2e
    var lx = W - R + 22, lh = H - T - B;
    for (var k = 0; k < 20; k++) {
      s += '<rect x="' + lx + '" y="' + (T + lh * k / 20).toFixed(1) + '" width="12" height="' + (lh / 20 + 0.5).toFixed(1) + '" fill="' + ramp(1 - k / 19) + '"/>';
    }
    s += '<text x="' + (lx + 16) + '" y="' + (T + 8) + '">' + Math.round(c1).toLocaleString('en') + '</text>';
    s += '<text x="' + (lx + 16) + '" y="' + (T + lh) + '">' + Math.round(c0).toLocaleString('en') + '</text>';
    s += '<text x="' + (lx + 16) + '" y="' + (T + lh / 2) + '">kg</text><text x="' + (lx + 16) + '" y="' + (T + lh / 2 + 12) + '">CO2e</text>';
    return s + '</svg>';
  }

  /** A CSV text from a header and rows (RFC 4180 quoting). */
  function csv(header, rows) {
    function q(v) { v = v == null ? '' : String(v); return /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
    return [header].concat(rows).map(function (r) { return r.map(q).join(','); }).join('\n') + '\n';
  }

  /** A download link for text made in the page (a blob URL). */
  function downloadLink(label, filename, mime, text, cls) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: mime }));
    a.download = filename;
    a.textContent = label;
    if (cls) a.className = cls;
    return a;
  }

  /**
   * The histogram of arrival times (days) of one route's samples, the deadline as a red line, and
   * P50, P90, P95 marked; the title states the on-time probability. Returns SVG text.
   */
  function histogramSvg(route, deadline) {
    var h = route.histogram, W = 420, H = 260, L = 56, R = 16, T = 30, B = 44;
    var n = h.counts.length, lo = h.fromDays, hi = h.fromDays + n * h.widthDays;
    var xlo = Math.min(lo, deadline || lo), xhi = Math.max(hi, deadline || hi);
    var max = Math.max.apply(null, h.counts.concat([1])), total = h.counts.reduce(function (a, b) { return a + b; }, 0);
    function X(v) { return L + (v - xlo) / (xhi - xlo) * (W - L - R); }
    function Y(c) { return H - B - c / max * (H - T - B); }
    var s = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + W + ' ' + H + '" width="' + W + '" height="' + H + '" font-family="Helvetica, Arial, sans-serif" font-size="11"><rect width="100%" height="100%" fill="white"/>';
    s += '<text x="' + L + '" y="14" font-size="12" font-weight="bold">' + esc(route.route.length > 60 ? route.route.slice(0, 57) + '...' : route.route) + '</text>';
    s += '<text x="' + L + '" y="26">' + (route.onTime == null ? 'no deadline' : 'on time (≤ ' + deadline + ' d): ' + (100 * route.onTime).toFixed(1) + ' %') + ' · disrupted ' + (100 * route.disruptedShare).toFixed(1) + ' %</text>';
    h.counts.forEach(function (c, i) {
      var x0 = X(lo + i * h.widthDays), x1 = X(lo + (i + 1) * h.widthDays);
      s += '<rect class="bin" x="' + x0.toFixed(1) + '" y="' + Y(c).toFixed(1) + '" width="' + Math.max(0.5, x1 - x0 - 1).toFixed(1) + '" height="' + (H - B - Y(c)).toFixed(1) + '" fill="#4a78a8"><title>' + (lo + i * h.widthDays).toFixed(1) + '–' + (lo + (i + 1) * h.widthDays).toFixed(1) + ' d' + (i === n - 1 ? ' and later' : '') + ': ' + c + ' samples (' + (100 * c / total).toFixed(1) + ' %)</title></rect>';
    });
    s += '<line x1="' + L + '" y1="' + (H - B) + '" x2="' + (W - R) + '" y2="' + (H - B) + '" stroke="#333"/><line x1="' + L + '" y1="' + T + '" x2="' + L + '" y2="' + (H - B) + '" stroke="#333"/>';
    ticks(xlo, xhi, 6).forEach(function (v) { s += '<text x="' + X(v) + '" y="' + (H - B + 14) + '" text-anchor="middle">' + v + '</text>'; });
    ticks(0, 100 * max / total, 4).forEach(function (v) { var c = v / 100 * total; s += '<text x="' + (L - 6) + '" y="' + (Y(c) + 4) + '" text-anchor="end">' + v + ' %</text>'; });
    s += '<text x="' + ((L + W - R) / 2) + '" y="' + (H - 8) + '" text-anchor="middle">arrival, days after departure (last bar: P99 and later)</text>';
    [['P50', route.p50Days, 0], ['P90', route.p90Days, 1], ['P95', route.p95Days, 2]].forEach(function (p) {
      s += '<line x1="' + X(p[1]) + '" y1="' + (T + 13 + 12 * p[2]) + '" x2="' + X(p[1]) + '" y2="' + (H - B) + '" stroke="#333" stroke-dasharray="2 2"/><text x="' + (X(p[1]) + 3) + '" y="' + (T + 22 + 12 * p[2]) + '" font-size="10">' + p[0] + ' ' + p[1].toFixed(1) + '</text>';
    });
    if (deadline) s += '<line class="deadline" x1="' + X(deadline) + '" y1="' + T + '" x2="' + X(deadline) + '" y2="' + (H - B) + '" stroke="#c62828" stroke-width="2"/><text x="' + (X(deadline) - 3) + '" y="' + (T + 8) + '" text-anchor="end" fill="#c62828">deadline ' + deadline + ' d</text>';
    return s + '</svg>';
  }

  window.KarvanViews = { histogramSvg: histogramSvg, paretoSvg: paretoSvg, csv: csv, downloadLink: downloadLink, esc: esc };
})();
