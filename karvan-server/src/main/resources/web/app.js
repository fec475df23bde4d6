/* Karvan web map: plain browser JavaScript, no build step. Uses the server's REST API. */
(function () {
  'use strict';

  var MODE_COLOURS = { RAIL: '#8e2b2b', ROAD: '#e67e22', SEA: '#2471a3', FERRY: '#16a085', INLAND_WATERWAY: '#5dade2' };
  var ROUTE_COLOURS = ['#d81b60', '#1e88e5', '#43a047', '#fb8c00', '#6d4c41', '#8e24aa', '#00897b'];
  var state = { routes: [], geo: null, selected: 0, lastQuery: null, routeLayer: null };

  var map = L.map('map', { zoomControl: true, minZoom: 2, maxZoom: 10 }).setView([38, 52], 4);
  map.attributionControl.addAttribution('Base map: Natural Earth (public domain) via world-atlas');

  function $(id) { return document.getElementById(id); }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function fmt(n, d) { return n == null ? '' : Number(n).toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d }); }

  function setStatus(text, isError) {
    var s = $('status');
    s.textContent = text || '';
    s.className = isError ? 'error' : '';
  }

  // ---- base map and network -------------------------------------------------------------------
  fetch('vendor/world-atlas/countries-50m.json').then(function (r) { return r.json(); }).then(function (topo) {
    var countries = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: { color: '#9a9a9a', weight: 0.7, fillColor: '#f3efe6', fillOpacity: 1 }
    }).addTo(map).bringToBack();
    document.body.dataset.basemapLoaded = 'true';
  }).catch(function (e) { setStatus('base map not loaded: ' + e, true); });

  var layers = { links: L.layerGroup(), crossings: L.layerGroup(), bog: L.layerGroup(), nodes: L.layerGroup() };

  function linkStyle(p) {
    var dash = null;
    if (p.status === 'PLANNED') dash = '6 6';
    else if (p.status === 'UNDER_CONSTRUCTION') dash = '2 5';
    else if (p.status === 'DEFUNCT') dash = '1 8';
    return { color: MODE_COLOURS[p.mode] || '#555', weight: p.mode === 'SEA' ? 1.5 : 2.2, opacity: p.status === 'OPERATIONAL' ? 0.85 : 0.7, dashArray: dash, className: 'net-link net-' + p.mode.toLowerCase() + ' status-' + p.status.toLowerCase() };
  }

  var nodes = [];
  fetch('api/network').then(function (r) { return r.json(); }).then(function (fc) {
    var bogNodes = {};
    state.features = fc.features;
    // Each geometry file keeps its own licence; OSM-derived lines need their attribution shown.
    ((fc.karvan && fc.karvan.geometryFiles) || []).forEach(function (g) {
      if (g.attribution) map.attributionControl.addAttribution('Link geometry: ' + esc(g.attribution));
    });
    fc.features.forEach(function (f) {
      var p = f.properties;
      if (p.featureType === 'link') {
        L.geoJSON(f, { style: linkStyle(p) })
          .bindTooltip(esc(p.id) + ' · ' + p.mode + (p.gauge ? ' ' + p.gauge : '') + ' · ' + p.lengthKm + ' km · ' + p.status.toLowerCase().replace('_', ' ') + (p.openingYear ? ' (' + p.openingYear + ')' : '') + (p.geometryEstimated ? ' · line: hand-placed waypoints (estimate)' : (p.geometrySource ? ' · line: ' + esc(p.geometrySource) : '')))
          .addTo(layers.links);
      } else if (p.featureType === 'borderCrossing') {
        var c = f.geometry.coordinates;
        L.marker([c[1], c[0]], { icon: L.divIcon({ className: 'crossing-icon', iconSize: [9, 9] }), title: p.name })
          .bindTooltip(esc(p.name) + '<br>' + esc(p.countryA) + '–' + esc(p.countryB) + ' · ' + p.status.toLowerCase() + ' · clearance ' + p.clearanceAbMeanH + ' h')
          .addTo(layers.crossings);
      } else if (p.featureType === 'terminal' && p.breakOfGauge && !bogNodes[p.node]) {
        bogNodes[p.node] = true;
        var t = f.geometry.coordinates;
        L.marker([t[1], t[0]], { icon: L.divIcon({ className: 'bog-icon', iconSize: [10, 10] }), title: 'break of gauge' })
          .bindTooltip('break of gauge at ' + esc(p.node) + ' (' + esc(p.from) + ' → ' + esc(p.to) + ')')
          .addTo(layers.bog);
      } else if (p.featureType === 'node') {
        var n = f.geometry.coordinates;
        nodes.push({ id: p.id, name: p.name, lat: n[1], lon: n[0] });
        L.circleMarker([n[1], n[0]], { radius: 2.5, color: '#333', weight: 1, fillColor: '#fff', fillOpacity: 1 })
          .bindTooltip(esc(p.name) + ' [' + esc(p.id) + ']')
          .addTo(layers.nodes);
      }
    });
    Object.keys(layers).forEach(function (k) { layers[k].addTo(map); });
    L.control.layers(null, { 'links': layers.links, 'border crossings': layers.crossings, 'breaks of gauge': layers.bog, 'places': layers.nodes }, { collapsed: true }).addTo(map);
    document.body.dataset.networkLoaded = 'true';
  }).catch(function (e) { setStatus('network not loaded: ' + e, true); });

  var legend = L.control({ position: 'bottomright' });
  legend.onAdd = function () {
    var d = L.DomUtil.create('div', 'legend');
    d.innerHTML = Object.keys(MODE_COLOURS).slice(0, 4).map(function (m) {
      return '<i style="border-color:' + MODE_COLOURS[m] + '"></i>' + m.toLowerCase();
    }).join('<br>') + '<br><i class="dashed" style="border-color:#555"></i>planned / under construction' +
      '<br><b class="sym crossing-icon"></b>border crossing<br><b class="sym bog-icon"></b>break of gauge';
    return d;
  };
  legend.addTo(map);

  // ---- autocomplete ---------------------------------------------------------------------------
  function autocomplete(inputId, isList) {
    var input = $(inputId);
    var box = $(inputId + '-suggest');
    var timer = null;
    var seq = 0;
    input.addEventListener('input', function () {
      delete input.dataset.placeId;
      input.classList.remove('invalid');
      clearTimeout(timer);
      var parts = input.value.split(',');
      var q = isList ? parts[parts.length - 1].trim() : input.value.trim();
      if (!q) { box.innerHTML = ''; return; }
      timer = setTimeout(function () {
        var my = ++seq;
        fetch('api/places?limit=8&q=' + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (list) {
          if (my !== seq) return;
          box.innerHTML = '';
          list.forEach(function (p) {
            var b = document.createElement('button');
            b.type = 'button';
            b.className = 'suggestion';
            b.dataset.id = p.id;
            b.innerHTML = esc(p.name) + ' <small>' + esc(p.id) + ' · ' + esc(p.country) + '</small>';
            b.addEventListener('mousedown', function (ev) { ev.preventDefault(); });
            b.addEventListener('click', function () {
              if (isList) {
                var ps = input.value.split(',');
                ps[ps.length - 1] = ' ' + p.id;
                input.value = ps.map(function (x) { return x.trim(); }).filter(Boolean).join(', ');
              } else {
                input.value = p.name;
                input.dataset.placeId = p.id;
              }
              box.innerHTML = '';
            });
            box.appendChild(b);
          });
        });
      }, 120);
    });
    input.addEventListener('blur', function () { setTimeout(function () { box.innerHTML = ''; }, 150); });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && box.firstChild) { ev.preventDefault(); box.firstChild.click(); }
    });
  }
  autocomplete('from');
  autocomplete('to');
  autocomplete('via', true);

  // ---- a click on the map sets from, to or a via place (the nearest place of the network) ------
  function nearest(ll) {
    var best = null, bd = Infinity;
    nodes.forEach(function (n) {
      var dx = (n.lon - ll.lng) * Math.cos(ll.lat * Math.PI / 180), dy = n.lat - ll.lat, d = dx * dx + dy * dy;
      if (d < bd) { bd = d; best = n; }
    });
    return best;
  }
  function setPlace(target, n) {
    if (target === 'via') {
      var v = $('via').value.trim();
      $('via').value = (v ? v + ', ' : '') + n.id;
    } else {
      $(target).value = n.name;
      $(target).dataset.placeId = n.id;
      $(target).classList.remove('invalid');
    }
    var next = { from: 'to', to: 'via', via: 'via' }[target];
    var radio = document.querySelector('input[name="click-sets"][value="' + next + '"]');
    if (radio) radio.checked = true;
    setStatus(target + ' set to ' + n.name + ' [' + n.id + '] from the map.');
  }
  map.on('click', function (ev) {
    var t = document.querySelector('input[name="click-sets"]:checked');
    if (!t || t.value === 'none' || !nodes.length) return;
    var n = nearest(ev.latlng);
    if (n) setPlace(t.value, n);
  });

  // ---- network info: countries, crossings, chokepoints for the avoid controls --------------------
  var infoLoaded = fetch('api/network/info').then(function (r) { return r.json(); }).then(function (info) {
    $('country-codes').innerHTML = (info.countries || []).map(function (c) { return '<option value="' + esc(c.code) + '">' + esc(c.name) + '</option>'; }).join('');
    $('crossing-ids').innerHTML = (info.borderCrossings || []).map(function (c) { return '<option value="' + esc(c.id) + '">' + esc(c.name) + '</option>'; }).join('');
    $('avoid-chokepoint').innerHTML = (info.chokepoints || []).map(function (c) { return '<option value="' + esc(c.id) + '">' + esc(c.name) + '</option>'; }).join('');
  }).catch(function () { /* the controls stay empty */ });

  // ---- scenarios ------------------------------------------------------------------------------
  function loadScenarios(select) {
    return fetch('api/scenarios').then(function (r) { return r.json(); }).then(function (s) {
      var sel = $('scenario');
      var keep = select || sel.value;
      sel.innerHTML = '<option value="">base network</option>';
      function group(label, items, value) {
        if (!items || !items.length) return;
        var g = document.createElement('optgroup');
        g.label = label;
        items.forEach(function (b) {
          var o = document.createElement('option');
          o.value = value(b);
          o.textContent = b.name;
          o.title = b.description || '';
          g.appendChild(o);
        });
        sel.appendChild(g);
      }
      group('built-in', s.builtin, function (b) { return b.name; });
      group('saved', s.saved, function (b) { return 'saved:' + b.id; });
      sel.value = keep || '';
      var any = (s.builtin || []).length + (s.saved || []).length > 0;
      $('scenario-row').hidden = !any;
      $('compare').hidden = !any;
      $('compare-all').hidden = !(s.builtin || []).length;
    }).catch(function () { /* no scenarios */ });
  }
  var scenariosLoaded = loadScenarios();

  function compareWith(names) {
    var q = query();
    var p = new URLSearchParams(q.params);
    p.delete('k');
    p.delete('scenario');
    p.delete('depart');
    names.forEach(function (n) { p.append('scenario', n); });
    setStatus('Comparing…');
    fetch('api/compare?' + p.toString()).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); }).then(function (res) {
      if (!res.ok) { showProblem(res.body); return; }
      var cs = res.body.comparisons;
      var tb = document.querySelector('#comparison-table tbody');
      function sign(v, d) { return v == null ? '' : (v > 0 ? '+' : '') + fmt(v, d); }
      function totals(t) {
        return '<td>' + fmt(t.distanceKm, 0) + '</td><td>' + fmt(t.durationDays, 1) + '</td><td>' + fmt(t.costUsd, 0) + '</td><td>' + fmt(t.co2eKg, 0) + '</td>';
      }
      var html = cs.length && cs[0].base ? '<tr class="base"><td>base network</td>' + totals(cs[0].base) + '</tr>' : '<tr><td>base network</td><td colspan="4">no route</td></tr>';
      var notes = [];
      cs.forEach(function (c) {
        if (!c.route) {
          html += '<tr class="scenario"><td>' + esc(c.scenario) + '</td><td colspan="4">no route</td></tr>';
          notes.push(c.scenario + ': ' + c.noRoute);
          return;
        }
        html += '<tr class="scenario"><td>' + esc(c.scenario) + '</td>' + totals(c.route.totals) + '</tr>';
        var d = c.delta;
        html += '<tr class="delta"><td>change</td><td>' + sign(d.distanceKm, 0) + '</td><td>' + sign(d.durationDays, 1) + '</td><td>' + sign(d.costUsd, 0) + '</td><td>' + sign(d.co2eKg, 0) + '</td></tr>';
        var n = [];
        if (c.corridors && c.corridors.length) n.push('corridor ' + c.corridors.join(', '));
        if (c.countriesGained.length) n.push('+countries ' + c.countriesGained.join(', '));
        if (c.countriesLost.length) n.push('−countries ' + c.countriesLost.join(', '));
        if (c.crossingsGained.length) n.push('+crossings ' + c.crossingsGained.join(', '));
        if (c.crossingsLost.length) n.push('−crossings ' + c.crossingsLost.join(', '));
        if (n.length) notes.push(c.scenario + ': ' + n.join('; '));
      });
      tb.innerHTML = html;
      $('comparison-notes').innerHTML = notes.map(esc).join('<br>');
      // exports: the workbook and CSV of the table, the chart as SVG
      var xp = new URLSearchParams(p);
      xp.set('format', 'xlsx');
      var tp = new URLSearchParams(q.params);
      tp.delete('k');
      tp.delete('scenario');
      tp.delete('depart');
      names.forEach(function (n) { tp.append('compare', n); });
      tp.set('format', 'svg');
      var ex = $('comparison-exports');
      ex.innerHTML = 'Export: <a href="api/compare?' + esc(xp.toString()) + '">XLSX</a> <a href="api/tcd?' + esc(tp.toString()) + '" download="karvan-compare-tcd.svg">chart SVG</a> ';
      ex.appendChild(KarvanViews.downloadLink('CSV', 'karvan-compare.csv', 'text/csv', KarvanViews.csv(
        ['scenario', 'km', 'days', 'USD', 'kg CO2e', 'change km', 'change days', 'change USD', 'change kg CO2e', 'corridor'],
        cs.map(function (c) {
          var t = c.route ? c.route.totals : {};
          return [c.scenario, t.distanceKm, t.durationDays, t.costUsd, t.co2eKg, c.delta.distanceKm, c.delta.durationDays, c.delta.costUsd, c.delta.co2eKg, (c.corridors || []).join('; ')];
        }))));
      // the time/cost-distance chart of the base and every scenario, each line distinct
      if (cs.length <= 8) $('comparison-tcd').setAttribute('src', 'api/tcd?' + tp.toString());
      overlayScenarios(q, names);
      $('comparison').hidden = false;
      $('comparison').scrollIntoView();
      setStatus('Compared ' + cs.length + ' scenario(s) with the base network.');
    }).catch(function (e) { setStatus('request failed: ' + e, true); });
  }

  /** Draws each compared scenario's route over the map in its own colour, dashed. */
  var overlay = null;
  function overlayScenarios(q, names) {
    if (overlay) { map.removeLayer(overlay); }
    overlay = L.featureGroup().addTo(map);
    names.forEach(function (n, i) {
      var gp = new URLSearchParams(q.params);
      gp.delete('k');
      gp.delete('depart');
      gp.set('scenario', n);
      gp.set('format', 'geojson');
      fetch('api/route?' + gp.toString()).then(function (r) { return r.ok ? r.json() : null; }).then(function (g) {
        if (!g) return;
        L.geoJSON(g, {
          filter: function (f) { return f.geometry.type !== 'Point'; },
          style: { color: ROUTE_COLOURS[(i + 1) % ROUTE_COLOURS.length], weight: 4, opacity: 0.8, dashArray: '8 6', className: 'scenario-line' }
        }).bindTooltip('scenario ' + esc(n)).addTo(overlay);
        document.body.dataset.scenarioLines = String(document.querySelectorAll('path.scenario-line').length);
      });
    });
  }

  $('compare').addEventListener('click', function () {
    var sc = $('scenario').value;
    if (!sc) { setStatus('Pick a scenario to compare with the base network.', true); return; }
    compareWith([sc]);
  });
  $('compare-all').addEventListener('click', function () {
    var names = Array.prototype.map.call(document.querySelectorAll('#scenario optgroup[label="built-in"] option'), function (o) { return o.value; });
    compareWith(names.slice(0, 8));
  });

  $('save-scenario').addEventListener('click', function () {
    var st = $('save-status');
    st.className = '';
    st.textContent = 'Saving…';
    fetch('api/scenarios/saved', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + $('api-token').value.trim() },
      body: $('scenario-body').value
    }).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); }).then(function (res) {
      if (!res.ok) {
        st.className = 'error';
        st.textContent = res.body.title + ': ' + (res.body.errors ? res.body.errors.map(function (e) { return e.field + ': ' + e.message; }).join('\n') : res.body.detail);
        return;
      }
      st.textContent = 'Saved "' + res.body.name + '" (id ' + res.body.id + ').';
      loadScenarios('saved:' + res.body.id);
    }).catch(function (e) { st.className = 'error'; st.textContent = 'request failed: ' + e; });
  });

  // ---- planning -------------------------------------------------------------------------------
  function query() {
    var q = new URLSearchParams();
    q.set('from', $('from').dataset.placeId || $('from').value.trim());
    q.set('to', $('to').dataset.placeId || $('to').value.trim());
    q.set('cargo', $('cargo').value.trim() || '1x40ft');
    q.set('optimize', $('optimize').value);
    var y = $('network-year').value;
    if (y === 'planned') q.set('include', 'planned'); else if (y) q.set('year', y);
    var avoid = $('avoid-country').value.trim();
    if (avoid) q.set('avoidCountry', avoid);
    var via = $('via').value.trim();
    if (via) q.set('via', via);
    var modes = Array.prototype.filter.call(document.querySelectorAll('input[name="mode"]'), function (c) { return c.checked; }).map(function (c) { return c.value; });
    if (modes.length) q.set('modes', modes.join(','));
    var ab = $('avoid-border').value.trim();
    if (ab) q.set('avoidBorder', ab);
    var cps = Array.prototype.filter.call($('avoid-chokepoint').options, function (o) { return o.selected; }).map(function (o) { return o.value; });
    if (cps.length) q.set('avoidChokepoint', cps.join(','));
    if ($('date').value) q.set('date', $('date').value);
    if ($('depart').value) q.set('depart', $('depart').value.slice(0, 16));
    if (!$('scenario-row').hidden && $('scenario').value) q.set('scenario', $('scenario').value);
    var alt = $('alternatives').value;
    var endpoint = 'api/route';
    if (alt === 'pareto') endpoint = 'api/pareto';
    else if (alt !== '1') { endpoint = 'api/alternatives'; q.set('k', alt); }
    return { endpoint: endpoint, params: q };
  }

  var FIELD_INPUT = { from: 'from', to: 'to', via: 'via', cargo: 'cargo', optimize: 'optimize', avoidCountry: 'avoid-country', avoidBorder: 'avoid-border', avoidChokepoint: 'avoid-chokepoint', modes: 'modes', date: 'date', depart: 'depart', year: 'network-year', include: 'network-year', scenario: 'scenario' };

  function showProblem(p) {
    var lines = [p.title + ': ' + (p.errors && p.errors.length ? '' : p.detail)];
    (p.errors || []).forEach(function (e) {
      lines.push(e.field + ': ' + e.message);
      var input = $(FIELD_INPUT[e.field] || '');
      if (input) input.classList.add('invalid');
    });
    if (p.type === 'urn:karvan:problem:no-route') lines = ['No route: ' + p.detail];
    setStatus(lines.join('\n'), true);
  }

  $('plan-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    document.querySelectorAll('input.invalid').forEach(function (i) { i.classList.remove('invalid'); });
    var q = query();
    state.lastQuery = q;
    var share = new URLSearchParams(q.params);
    share.set('routes', $('alternatives').value);
    share.delete('k');
    history.replaceState(null, '', '?' + share.toString());
    setStatus('Planning…');
    $('plan').disabled = true;
    var geoParams = new URLSearchParams(q.params);
    geoParams.set('format', 'geojson');
    Promise.all([
      fetch(q.endpoint + '?' + q.params.toString()),
      fetch(q.endpoint + '?' + geoParams.toString())
    ]).then(function (rs) {
      return Promise.all(rs.map(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); }));
    }).then(function (res) {
      $('plan').disabled = false;
      if (!res[0].ok) { showProblem(res[0].body); $('results').hidden = true; clearRoute(); return; }
      var body = res[0].body;
      state.routes = body.routes ? body.routes : [body];
      state.geo = res[1].ok ? res[1].body : null;
      state.selected = 0;
      var note = body.kind === 'pareto' ? ' on the Pareto front' + (body.truncated ? ' (label bound hit: may be incomplete)' : '') : '';
      setStatus(state.routes.length + ' route(s)' + note + '.');
      render();
    }).catch(function (e) { $('plan').disabled = false; setStatus('request failed: ' + e, true); });
  });

  function clearRoute() {
    if (state.routeLayer) { map.removeLayer(state.routeLayer); state.routeLayer = null; }
  }

  function drawRoutes() {
    clearRoute();
    if (!state.geo) return;
    var group = L.featureGroup();
    var order = state.routes.map(function (_, i) { return i; }).filter(function (i) { return i !== state.selected; });
    order.push(state.selected);
    order.forEach(function (ri) {
      var sel = ri === state.selected;
      L.geoJSON(state.geo, {
        filter: function (f) { return f.properties.route === ri; },
        style: function (f) {
          if (f.geometry.type === 'Point') return { radius: sel ? 5 : 3, color: '#222', weight: 1, fillColor: '#ffd54f', fillOpacity: 1, className: 'route-event' };
          return { color: ROUTE_COLOURS[ri % ROUTE_COLOURS.length], weight: sel ? 6 : 3, opacity: sel ? 0.9 : 0.45, className: 'route-line' + (sel ? ' route-selected' : '') };
        },
        pointToLayer: function (f, ll) { return L.circleMarker(ll, { radius: sel ? 5 : 3, color: '#222', weight: 1, fillColor: '#ffd54f', fillOpacity: 1, className: 'route-event' }); },
        onEachFeature: function (f, layer) {
          var p = f.properties;
          layer.bindTooltip(p.kind === 'leg' ? p.mode + ' ' + esc(p.fromName) + ' → ' + esc(p.toName) + ' · ' + p.distanceKm + ' km' : esc(p.type.toLowerCase().replace(/_/g, ' ')) + ' at ' + esc(p.atName));
        }
      }).addTo(group);
    });
    group.addTo(map);
    state.routeLayer = group;
    try { map.fitBounds(group.getBounds(), { padding: [30, 30] }); } catch (e) { /* empty */ }
    document.body.dataset.routeDrawn = String(document.querySelectorAll('path.route-line').length);
  }

  function drawTcd() {
    var q = state.lastQuery;
    if (!q || q.endpoint === 'api/pareto') { $('tcd-panel').hidden = true; return; }
    $('tcd-panel').hidden = false;
    var p = new URLSearchParams(q.params);
    p.delete('depart');
    p.set('format', 'svg');
    var y = document.querySelector('input[name="tcd-y"]:checked');
    p.set('y', y ? y.value : 'time');
    var src = 'api/tcd?' + p.toString();
    if ($('tcd').getAttribute('src') !== src) $('tcd').setAttribute('src', src);
  }
  document.querySelectorAll('input[name="tcd-y"]').forEach(function (r) { r.addEventListener('change', drawTcd); });

  function render() {
    $('results').hidden = false;
    var list = $('route-list');
    list.innerHTML = '';
    if (state.routes.length > 1) {
      state.routes.forEach(function (r, i) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = i === state.selected ? 'selected' : '';
        b.style.borderLeft = '6px solid ' + ROUTE_COLOURS[i % ROUTE_COLOURS.length];
        b.innerHTML = 'Route ' + (i + 1) + ': ' + fmt(r.totals.durationDays, 1) + ' d, $' + fmt(r.totals.costUsd, 0) + ', ' + fmt(r.totals.co2eKg / 1000, 2) + ' t CO2e' +
          (r.label ? ' · ' + esc(r.label) : '') + (r.differs ? '<span class="differs">' + esc(r.differs.join('; ')) + '</span>' : '');
        b.addEventListener('click', function () { state.selected = i; render(); });
        list.appendChild(b);
      });
    }
    var r = state.routes[state.selected];
    var t = r.totals;
    // a place restored from a URL shows as its id until a route names it
    var first = r.legs.length ? r.legs[0] : null, last = r.legs.length ? r.legs[r.legs.length - 1] : null;
    if (first && $('from').value === $('from').dataset.placeId && first.from === $('from').value) $('from').value = first.fromName;
    if (last && $('to').value === $('to').dataset.placeId && last.to === $('to').value) $('to').value = last.toName;
    $('summary').textContent = fmt(t.distanceKm, 0) + ' km · ' + fmt(t.durationDays, 1) + ' days (' + fmt(t.durationHours, 1) + ' h) · $' + fmt(t.costUsd, 0) + ' · ' + fmt(t.co2eKg, 0) + ' kg CO2e' +
      (r.crossings.length ? ' · borders: ' + r.crossings.map(function (c) { return c.countries; }).join(', ') : '');
    var q = state.lastQuery;
    drawPareto();
    $('share').innerHTML = 'This view: <a id="share-link" href="' + esc(location.href) + '">link to share</a> (the address bar restores it)';
    var links = ['json', 'geojson', 'csv', 'xlsx'].map(function (f) {
      var p = new URLSearchParams(q.params);
      p.set('format', f);
      return '<a href="' + q.endpoint + '?' + esc(p.toString()) + '" download="karvan-route.' + f + '">' + f.toUpperCase() + '</a>';
    });
    var rp = new URLSearchParams(q.params);
    rp.delete('k');
    rp.delete('format');
    rp.delete('depart');
    links.push('<a href="api/report?' + esc(rp.toString()) + '" target="_blank" rel="noopener">HTML report</a>');
    $('exports').innerHTML = 'Export: ' + links.join(' ');
    drawTcd();
    var rows = [];
    var crossingAt = {};
    r.events.forEach(function (e) { if (e.type === 'BORDER_CROSSING') crossingAt[e.seq] = e; });
    var folded = {};
    r.legs.forEach(function (l) {
      // a 0 km leg next to a crossing stop is the crossing itself: shown as that stop
      var e = l.distanceKm < 0.5 ? (crossingAt[l.seq + 1] || crossingAt[l.seq - 1]) : null;
      if (e && !folded[e.seq]) { folded[e.seq] = l; return; }
      rows.push({ seq: l.seq, leg: l });
    });
    r.events.forEach(function (e) { rows.push({ seq: e.seq, ev: e, over: folded[e.seq] }); });
    rows.sort(function (a, b) { return a.seq - b.seq; });
    var tb = document.querySelector('#itinerary tbody');
    tb.innerHTML = rows.map(function (x) {
      if (x.leg) {
        var l = x.leg;
        return '<tr class="leg"><td>' + l.seq + '</td><td>' + esc(l.mode.toLowerCase()) + (l.gauge ? ' ' + esc(l.gauge) : '') + '</td><td>' + esc(l.fromName) + ' → ' + esc(l.toName) + (l.country ? ' (' + esc(l.country) + ')' : '') +
          '</td><td class="num">' + fmt(l.distanceKm, 0) + '</td><td class="num">' + fmt(l.durationHours, 1) + '</td><td class="num">' + fmt(l.costUsd, 0) + '</td><td class="num">' + fmt(l.co2eKg, 0) + '</td></tr>';
      }
      var e = x.ev, o = x.over;
      var where = o ? esc(o.fromName) + ' → ' + esc(o.toName) : esc(e.atName);
      return '<tr class="event' + (e.type === 'BORDER_CROSSING' ? ' border' : '') + '"><td>' + e.seq + '</td><td>' + esc(e.type.toLowerCase().replace(/_/g, ' ')) + '</td><td>' + where + (e.detail ? ': ' + esc(e.detail) : '') +
        '</td><td></td><td class="num">' + fmt(e.durationHours + (o ? o.durationHours : 0), 1) + '</td><td class="num">' + fmt(e.costUsd + (o ? o.costUsd : 0), 0) + '</td><td class="num">' + fmt(e.co2eKg + (o ? o.co2eKg : 0), 0) + '</td></tr>';
    }).join('') + '<tr class="totals"><td></td><td>total</td><td></td><td class="num">' + fmt(t.distanceKm, 0) + '</td><td class="num">' + fmt(t.durationHours, 1) + '</td><td class="num">' + fmt(t.costUsd, 0) + '</td><td class="num">' + fmt(t.co2eKg, 0) + '</td></tr>';
    drawRoutes();
  }

  function drawPareto() {
    var q = state.lastQuery;
    var panel = $('pareto-panel');
    if (!q || q.endpoint !== 'api/pareto' || state.routes.length < 2) { panel.hidden = true; return; }
    panel.hidden = false;
    var svg = KarvanViews.paretoSvg(state.routes, state.selected);
    $('pareto-chart').innerHTML = svg;
    document.querySelectorAll('#pareto-chart circle.pareto-point').forEach(function (c) {
      c.addEventListener('click', function () { state.selected = Number(c.dataset.route); render(); });
    });
    var ex = $('pareto-exports');
    ex.innerHTML = 'Export: ';
    ex.appendChild(KarvanViews.downloadLink('SVG', 'karvan-pareto.svg', 'image/svg+xml', svg));
    ex.appendChild(KarvanViews.downloadLink('CSV', 'karvan-pareto.csv', 'text/csv', KarvanViews.csv(
      ['route', 'days', 'USD', 'kg CO2e', 'km', 'label', 'differs'],
      state.routes.map(function (r, i) { return [i + 1, r.totals.durationDays, r.totals.costUsd, r.totals.co2eKg, r.totals.distanceKm, r.label, (r.differs || []).join('; ')]; }))));
    var xp = new URLSearchParams(q.params);
    xp.set('format', 'xlsx');
    var a = document.createElement('a');
    a.href = 'api/pareto?' + xp.toString();
    a.textContent = 'XLSX';
    ex.appendChild(a);
  }

  // ---- a URL restores the view: the form's fields, then the plan -----------------------------------
  function restore() {
    var p = new URLSearchParams(location.search);
    if (!p.get('from') || !p.get('to')) return;
    ['from', 'to'].forEach(function (k) { $(k).value = p.get(k); $(k).dataset.placeId = p.get(k); });
    if (p.get('via')) $('via').value = p.get('via');
    if (p.get('cargo')) $('cargo').value = p.get('cargo');
    if (p.get('optimize')) $('optimize').value = p.get('optimize');
    if (p.get('include') === 'planned') $('network-year').value = 'planned';
    else if (p.get('year')) {
      var sel = $('network-year');
      if (!Array.prototype.some.call(sel.options, function (o) { return o.value === p.get('year'); })) {
        var o = document.createElement('option'); o.value = p.get('year'); o.textContent = 'by ' + p.get('year'); sel.appendChild(o);
      }
      sel.value = p.get('year');
    }
    if (p.get('avoidCountry')) $('avoid-country').value = p.get('avoidCountry');
    if (p.get('avoidBorder')) $('avoid-border').value = p.get('avoidBorder');
    var modes = (p.get('modes') || '').split(',');
    document.querySelectorAll('input[name="mode"]').forEach(function (c) { c.checked = modes.indexOf(c.value) >= 0; });
    var cps = (p.get('avoidChokepoint') || '').split(',');
    Array.prototype.forEach.call($('avoid-chokepoint').options, function (o) { o.selected = cps.indexOf(o.value) >= 0; });
    if (p.get('date')) $('date').value = p.get('date');
    if (p.get('depart')) $('depart').value = p.get('depart');
    if (p.get('routes')) $('alternatives').value = p.get('routes');
    var plan = function () { $('plan-form').requestSubmit(); };
    if (p.get('scenario')) {
      scenariosLoaded.then(function () { $('scenario').value = p.get('scenario'); plan(); });
    } else plan();
  }
  infoLoaded.then(restore);

  window.karvan = { map: map, state: state };
})();
