/* Karvan web views of flow analysis: assignment flows (widths by tonnes, bottlenecks, shares by
   corridor and country) and the criticality ranking on the map. Plain JavaScript, no build step. */
(function () {
  'use strict';
  var K = window.karvan, V = window.KarvanViews, esc = V.esc;
  var map = K.map;
  var layer = null;
  var STAKES = { IR: true, AZ: true, AM: true };

  function $(id) { return document.getElementById(id); }
  function fmt(n, d) { return n == null ? '' : Number(n).toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d }); }
  function status(t, err) { var s = $('analysis-status'); s.textContent = t; s.className = err ? 'error' : ''; }
  function scenario() { return $('scenario-row').hidden ? '' : $('scenario').value; }
  function features(type) { return (K.state.features || []).filter(function (f) { return f.properties.featureType === type; }); }

  /** POSTs a body; a workbook answer becomes a download link, JSON is handed on. */
  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }
  function xlsxLink(path, body, filename, into) {
    post(path, Object.assign({ format: 'xlsx' }, body)).then(function (r) { return r.ok ? r.blob() : null; }).then(function (b) {
      if (!b) return;
      var a = document.createElement('a');
      a.href = URL.createObjectURL(b);
      a.download = filename;
      a.textContent = 'XLSX';
      a.className = 'xlsx';
      into.appendChild(a);
    });
  }
  function clear() { if (layer) { map.removeLayer(layer); layer = null; } }

  $('run-assign').addEventListener('click', function () {
    var body = { method: $('assign-method').value };
    if (scenario()) body.scenario = scenario();
    status('Assigning the built-in demand…');
    post('api/assign', body).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); }).then(function (res) {
      if (!res.ok) { status(res.body.detail || res.body.title, true); return; }
      var a = res.body, total = a.totalTonnes || 1;
      var vc = {};
      a.bottlenecks.forEach(function (b) { vc[b.element] = b.vc; });
      clear();
      layer = L.featureGroup().addTo(map);
      var max = Math.max.apply(null, Object.keys(a.linkTonnes).map(function (k) { return a.linkTonnes[k]; }).concat([1]));
      features('link').forEach(function (f) {
        var t = a.linkTonnes[f.properties.id];
        if (!t) return;
        var hot = (vc['link ' + f.properties.id] || 0) >= 0.8;
        L.geoJSON(f, { style: { color: hot ? '#c62828' : '#0d47a1', weight: 1.5 + 12 * t / max, opacity: 0.75, className: 'flow-line' + (hot ? ' flow-bottleneck' : '') } })
          .bindTooltip(esc(f.properties.id) + ': ' + fmt(t / 1000, 0) + ' kt' + (vc['link ' + f.properties.id] != null ? ', v/c ' + fmt(vc['link ' + f.properties.id], 2) : ''))
          .addTo(layer);
      });
      document.querySelector('#corridor-shares tbody').innerHTML = a.corridors.map(function (c) {
        return '<tr><td>' + esc(c.corridor) + '</td><td>' + fmt(c.tonnes / 1000, 0) + '</td><td>' + fmt(100 * c.share, 1) + ' %</td></tr>';
      }).join('');
      document.querySelector('#country-shares tbody').innerHTML = a.countries.map(function (c) {
        return '<tr class="' + (STAKES[c.country] ? 'stake' : '') + '"><td>' + esc(c.country) + '</td><td>' + fmt(c.tonnes / 1000, 0) + '</td><td>' + fmt(100 * c.tonnes / total, 1) + ' %</td><td>' + fmt(c.revenueUsd / 1e6, 1) + '</td></tr>';
      }).join('');
      document.querySelector('#bottlenecks tbody').innerHTML = a.bottlenecks.slice(0, 10).map(function (b) {
        return '<tr class="' + (b.vc >= 0.8 ? 'bottleneck' : '') + '"><td>' + esc(b.element) + '</td><td>' + fmt(b.tonnes / 1000, 0) + '</td><td>' + fmt(b.vc, 2) + '</td></tr>';
      }).join('');
      var ex = $('flows-exports');
      ex.innerHTML = 'Export: ';
      ex.appendChild(V.downloadLink('CSV', 'karvan-flow-shares.csv', 'text/csv', V.csv(['kind', 'name', 'tonnes', 'share of all flow', 'revenue USD'],
        a.corridors.map(function (c) { return ['corridor', c.corridor, c.tonnes, c.share, '']; }).concat(
          a.countries.map(function (c) { return ['country', c.country, c.tonnes, c.tonnes / total, c.revenueUsd]; })))));
      ex.appendChild(document.createTextNode(' '));
      xlsxLink('api/assign', body, 'karvan-flows.xlsx', ex);
      $('flows').hidden = false;
      document.body.dataset.flowLines = String(document.querySelectorAll('path.flow-line').length);
      status('Assigned ' + fmt(a.totalTonnes / 1e6, 2) + ' Mt (' + a.method + '); line widths by tonnes, bottlenecks (v/c ≥ 0.8) in red.');
    }).catch(function (e) { status('request failed: ' + e, true); });
  });

  $('run-criticality').addEventListener('click', function () {
    var body = { elements: [$('crit-elements').value] };
    if (scenario()) body.scenario = scenario();
    status('Closing each element in turn…');
    post('api/criticality', body).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); }).then(function (res) {
      if (!res.ok) { status(res.body.detail || res.body.title, true); return; }
      var top = res.body.elements.slice(0, 10);
      clear();
      layer = L.featureGroup().addTo(map);
      var where = {};
      features('borderCrossing').concat(features('terminal')).forEach(function (f) {
        var c = f.geometry.coordinates; where[f.properties.id] = [c[1], c[0]];
      });
      features('link').forEach(function (f) {
        var c = f.geometry.coordinates; var m = c[Math.floor(c.length / 2)];
        where[f.properties.id] = [m[1], m[0]];
        if (top.some(function (e) { return e.id === f.properties.id; })) {
          L.geoJSON(f, { style: { color: '#a61b1b', weight: 6, opacity: 0.8, className: 'crit-line' } }).addTo(layer);
        }
      });
      top.forEach(function (e) {
        var ll = where[e.id];
        if (!ll) return;
        L.marker(ll, { icon: L.divIcon({ className: 'crit-rank', html: String(e.rank), iconSize: [18, 18] }) })
          .bindTooltip('#' + e.rank + ' ' + esc(e.type) + ' ' + esc(e.id) + ': unserved ' + fmt(e.unservedTonnes / 1000, 0) + ' kt, +USD ' + fmt(e.extraCostUsd / 1e6, 1) + ' m')
          .addTo(layer);
      });
      document.querySelector('#criticality-table tbody').innerHTML = top.map(function (e) {
        return '<tr><td>' + e.rank + '</td><td>' + esc(e.type) + ' ' + esc(e.id) + '</td><td>' + fmt(e.unservedTonnes / 1000, 0) + '</td><td>' + fmt(e.extraCostUsd / 1e6, 1) + '</td><td>' + fmt(e.extraHours, 0) + '</td></tr>';
      }).join('');
      var ex = $('criticality-exports');
      ex.innerHTML = 'Export: ';
      ex.appendChild(V.downloadLink('CSV', 'karvan-criticality.csv', 'text/csv', V.csv(['rank', 'type', 'id', 'unserved t', 'extra USD', 'extra h', 'extra km', 'main OD'],
        res.body.elements.map(function (e) { return [e.rank, e.type, e.id, e.unservedTonnes, e.extraCostUsd, e.extraHours, e.extraKm, e.mainOd]; }))));
      ex.appendChild(document.createTextNode(' '));
      xlsxLink('api/criticality', body, 'karvan-criticality.xlsx', ex);
      $('criticality').hidden = false;
      document.body.dataset.critMarkers = String(document.querySelectorAll('.crit-rank').length);
      status(res.body.elements.length + ' elements ranked; the top 10 numbered on the map.');
    }).catch(function (e) { status('request failed: ' + e, true); });
  });

  // ---- reliability of the planned route: histogram, deadline, on-time probability, causes --------
  $('run-reliability').addEventListener('click', function () {
    var q = K.state.lastQuery;
    if (!q) { status('Plan a route first.', true); return; }
    var p = new URLSearchParams(q.params);
    ['k', 'via', 'depart', 'format'].forEach(function (k) { p.delete(k); });
    var deadline = Number($('deadline').value) || null;
    if (deadline) p.set('deadline', deadline);
    p.set('samples', $('samples').value || '20000');
    p.set('alternatives', '1');
    $('reliability-chart').textContent = 'Simulating…';
    fetch('api/reliability?' + p.toString()).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); }).then(function (res) {
      if (!res.ok) { $('reliability-chart').textContent = res.body.title + ': ' + res.body.detail; return; }
      var r = res.body.routes[0];
      var svg = V.histogramSvg(r, deadline);
      $('reliability-chart').innerHTML = svg;
      document.querySelector('#reliability-causes tbody').innerHTML = r.closureRisks.length ? r.closureRisks.map(function (c) {
        return '<tr><td>' + esc(c.event) + '</td><td>' + fmt(100 * c.sampledShare, 2) + ' %</td><td>' + fmt(c.closureDays, 1) + '</td></tr>';
      }).join('') : '<tr><td colspan="3">no dated closure risk on this route</td></tr>';
      var ex = $('reliability-exports');
      ex.innerHTML = 'Export: ';
      ex.appendChild(V.downloadLink('SVG', 'karvan-reliability.svg', 'image/svg+xml', svg));
      ex.appendChild(document.createTextNode(' '));
      ex.appendChild(V.downloadLink('CSV', 'karvan-reliability.csv', 'text/csv', V.csv(['from days', 'to days', 'samples'],
        r.histogram.counts.map(function (c, i) { return [r.histogram.fromDays + i * r.histogram.widthDays, r.histogram.fromDays + (i + 1) * r.histogram.widthDays, c]; }))));
    }).catch(function (e) { $('reliability-chart').textContent = 'request failed: ' + e; });
  });
})();
