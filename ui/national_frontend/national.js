/* The national village map: every village of the store on one canvas over a Leaflet map.
 *
 * Geometry arrives once per store version as one pack per province (geo/tiles.py: quantised,
 * delta-encoded varints in JSON), fetched from the app; colours arrive on every rerun as one
 * class digit per village (args.c) with the palette, so a year or filter change redraws from
 * the geometry already held. From zoom args.detailZoom the province-zoom packs of the provinces
 * in view replace the coarse national copy. Speaks the Streamlit component protocol by hand
 * (componentReady, render, setComponentValue, setFrameHeight): no build step, no CDN.
 *
 * window.atlasNational is the query API the tests and the benchmark read: the state of the last
 * draw and queryPoint/queryCode (which village is drawn where, in which colour).
 */
(function () {
  "use strict";
  var ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var A = new Int32Array(128);
  for (var i = 0; i < ALPHA.length; i++) A[ALPHA.charCodeAt(i)] = i;

  var state = { ready: false, rev: -1, drawnRev: -1, drawn: 0, total: 0, detail: 0, drawMs: 0,
                loadMs: 0, error: "" };
  var args = null, version = null, loading = null;
  var map = null, canvas = null, ctx = null, hover = null, hctx = null;
  var packs = [];          // national packs: {code[], name[], X, Y, ringStart, featRing, bbox, base, prov}
  var detail = {};         // province -> province-zoom pack (same layout) or "loading"
  var detailIndex = {};    // province -> Int32Array: detail feature -> global index
  var codeIndex = null;    // code -> global index
  var grid = null, GRID = 0.0005;
  var classes = "", palette = [], nodata = "#d9d9d9", labels = [], labelIndex = null, heavy = null;
  var hovered = -1, clicks = 0;
  var marks = null;        // markers (programme villages): {X, Y (0-1 Mercator), c, r, t}

  function send(type, extra) {
    var msg = { isStreamlitMessage: true, type: type };
    for (var k in extra) msg[k] = extra[k];
    window.parent.postMessage(msg, "*");
  }
  function message(text) {
    var el = document.getElementById("msg");
    el.textContent = text || "";
    el.style.display = text ? "block" : "none";
  }

  // ------------------------------------------------------------------ decoding
  function varints(s) {
    var out = new Float64Array(s.length), n = 0, acc = 0, shift = 1;
    for (var p = 0; p < s.length; p++) {
      var v = A[s.charCodeAt(p)];
      acc += (v & 31) * shift;
      if (v & 32) { shift *= 32; continue; }
      out[n++] = (acc % 2) ? -(acc + 1) / 2 : acc / 2;
      acc = 0; shift = 1;
    }
    return out.subarray(0, n);
  }
  function decodePack(d, prov) {
    var deltas = varints(d.s), nv = deltas.length / 2;
    var X = new Float64Array(nv), Y = new Float64Array(nv), x = 0, y = 0;
    for (var v = 0; v < nv; v++) {
      x += deltas[2 * v]; y += deltas[2 * v + 1];
      var lng = d.o[0] + x / d.q, lat = d.o[1] + y / d.q;
      X[v] = (lng + 180) / 360;
      var s = Math.sin(lat * Math.PI / 180);
      Y[v] = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
    }
    var nf = d.f.length, nr = d.r.length;
    var ringStart = new Int32Array(nr + 1), featRing = new Int32Array(nf + 1);
    for (var r = 0; r < nr; r++) ringStart[r + 1] = ringStart[r] + d.r[r];
    var pi = 0, ri = 0;
    for (var f = 0; f < nf; f++) {
      featRing[f] = ri;
      for (var a = 0; a < d.f[f]; a++) { ri += d.p[pi]; pi++; }
    }
    featRing[nf] = ri;
    var bbox = new Float64Array(4 * nf);
    for (f = 0; f < nf; f++) {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (var v0 = ringStart[featRing[f]], v1 = ringStart[featRing[f + 1]], w = v0; w < v1; w++) {
        if (X[w] < x0) x0 = X[w]; if (X[w] > x1) x1 = X[w];
        if (Y[w] < y0) y0 = Y[w]; if (Y[w] > y1) y1 = Y[w];
      }
      bbox[4 * f] = x0; bbox[4 * f + 1] = y0; bbox[4 * f + 2] = x1; bbox[4 * f + 3] = y1;
    }
    return { code: d.code, name: d.name, X: X, Y: Y, ringStart: ringStart, featRing: featRing,
             bbox: bbox, n: nf, prov: prov, b: d.b };
  }

  function buildIndex() {
    codeIndex = new Map(); grid = new Map();
    var g = 0;
    packs.forEach(function (pk) {
      pk.base = g;
      for (var f = 0; f < pk.n; f++, g++) {
        codeIndex.set(pk.code[f], g);
        var b = pk.bbox, cx0 = Math.floor(b[4 * f] / GRID), cx1 = Math.floor(b[4 * f + 2] / GRID);
        var cy0 = Math.floor(b[4 * f + 1] / GRID), cy1 = Math.floor(b[4 * f + 3] / GRID);
        for (var cx = cx0; cx <= cx1; cx++) for (var cy = cy0; cy <= cy1; cy++) {
          var key = cx * 4194304 + cy, cell = grid.get(key);
          if (cell) cell.push(g); else grid.set(key, [g]);
        }
      }
    });
    state.total = g;
  }
  function locate(g) {  // global index -> [pack, local index]
    var lo = 0, hi = packs.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (packs[mid].base <= g) lo = mid; else hi = mid - 1; }
    return [packs[lo], g - packs[lo].base];
  }

  // ------------------------------------------------------------------ loading
  function fetchPack(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }
  function load(a) {
    var started = performance.now();
    message(a.text.loading);
    version = a.version; packs = []; detail = {}; detailIndex = {};
    loading = Promise.all(a.packs.map(function (p) { return fetchPack(a.base + p.url); }))
      .then(function (list) {
        packs = list.map(function (d, i) { return decodePack(d, a.packs[i].prov); });
        buildIndex();
        state.loadMs = performance.now() - started;
        state.ready = true; loading = null;
        message("");
        fit();
        draw();
      })
      .catch(function (err) {
        loading = null; state.error = String(err);
        message(a.text.failed + " (" + err.message + ")");
      });
  }
  function wantDetail(vx0, vy0, vx1, vy1) {
    if (!args || map.getZoom() < args.detailZoom) return;
    packs.forEach(function (pk) {
      var url = args.detail[pk.prov];
      if (!url || detail[pk.prov]) return;
      var b = pk.b, x0 = (b[0] + 180) / 360, x1 = (b[2] + 180) / 360;
      if (x1 < vx0 || x0 > vx1) return;
      detail[pk.prov] = "loading";
      fetchPack(args.base + url).then(function (d) {
        var dp = decodePack(d, pk.prov), idx = new Int32Array(dp.n);
        for (var j = 0; j < dp.n; j++) { var g = codeIndex.get(dp.code[j]); idx[j] = g === undefined ? -1 : g; }
        detail[pk.prov] = dp; detailIndex[pk.prov] = idx;
        draw();
      }).catch(function () { delete detail[pk.prov]; });
    });
  }

  // ------------------------------------------------------------------ drawing
  function colourOf(g) {
    var ch = classes.charCodeAt(g);
    if (isNaN(ch) || ch === 45) return nodata;  // "-"
    var k = ch <= 57 ? ch - 48 : ch - 87;
    return palette[k] || nodata;
  }
  function viewport() {
    var size = map.getSize(), scale = 256 * Math.pow(2, map.getZoom()), pb = map.getPixelBounds();
    return { w: size.x, h: size.y, scale: scale, ox: pb.min.x, oy: pb.min.y,
             x0: pb.min.x / scale, y0: pb.min.y / scale, x1: pb.max.x / scale, y1: pb.max.y / scale };
  }
  function addRings(path, pk, f, vp) {
    var X = pk.X, Y = pk.Y, s = vp.scale, ox = vp.ox, oy = vp.oy;
    for (var r = pk.featRing[f]; r < pk.featRing[f + 1]; r++) {
      var v0 = pk.ringStart[r], v1 = pk.ringStart[r + 1];
      var fx = X[v0] * s - ox, fy = Y[v0] * s - oy, px = fx, py = fy;
      var x0 = fx, x1 = fx, y0 = fy, y1 = fy;
      for (var v = v0 + 1; v < v1; v++) {  // first pass: the ring's extent on screen
        var qx = X[v] * s - ox, qy = Y[v] * s - oy;
        if (qx < x0) x0 = qx; else if (qx > x1) x1 = qx;
        if (qy < y0) y0 = qy; else if (qy > y1) y1 = qy;
      }
      if (x1 - x0 < 1.2 && y1 - y0 < 1.2) {
        // a ring smaller than a pixel (a village at country zoom): one pixel for its exterior,
        // nothing for a hole (rect() winds as exteriors do: rings are oriented at encoding)
        if (r === pk.featRing[f]) path.rect((x0 + x1) / 2 - 0.5, (y0 + y1) / 2 - 0.5, 1, 1);
        continue;
      }
      path.moveTo(fx, fy);
      for (v = v0 + 1; v < v1; v++) {
        qx = X[v] * s - ox; qy = Y[v] * s - oy;
        if (Math.abs(qx - px) < 0.6 && Math.abs(qy - py) < 0.6) continue;
        path.lineTo(qx, qy); px = qx; py = qy;
      }
      // back to the first vertex with lineTo: Chromium's closePath() costs time growing with
      // the path's length (quadratic over a country of rings), and fill() closes rings anyway.
      path.lineTo(fx, fy);
    }
  }
  function sizeCanvas(c, cx, vp) {
    var dpr = window.devicePixelRatio || 1;
    L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
    c.width = Math.round(vp.w * dpr); c.height = Math.round(vp.h * dpr);
    c.style.width = vp.w + "px"; c.style.height = vp.h + "px";
    cx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }
  function draw() {
    if (!state.ready || !args) return;
    var started = performance.now(), vp = viewport();
    sizeCanvas(canvas, ctx, vp);
    wantDetail(vp.x0, vp.y0, vp.x1, vp.y1);
    var paths = {}, drawn = 0, nDetail = 0, useDetail = map.getZoom() >= args.detailZoom;
    function add(pk, f, g) {
      var b = pk.bbox;
      if (b[4 * f + 2] < vp.x0 || b[4 * f] > vp.x1 || b[4 * f + 3] < vp.y0 || b[4 * f + 1] > vp.y1) return;
      var c = colourOf(g), path = paths[c] || (paths[c] = new Path2D());
      addRings(path, pk, f, vp);
      drawn++;
    }
    packs.forEach(function (pk) {
      var dp = useDetail ? detail[pk.prov] : null;
      if (dp && dp !== "loading") {
        var idx = detailIndex[pk.prov];
        for (var j = 0; j < dp.n; j++) if (idx[j] >= 0) add(dp, j, idx[j]);
        nDetail++;
      } else {
        for (var f = 0; f < pk.n; f++) add(pk, f, pk.base + f);
      }
    });
    state.buildMs = performance.now() - started;
    var z = map.getZoom();
    ctx.lineJoin = "round";
    ctx.lineWidth = z >= 10 ? 0.6 : 0.3;
    ctx.strokeStyle = "#555555";
    for (var colour in paths) {
      ctx.fillStyle = colour;
      ctx.fill(paths[colour]);
      if (z >= 7) ctx.stroke(paths[colour]);
    }
    if (heavy && heavy.length) {
      var hp = new Path2D();
      heavy.forEach(function (g) { var at = drawnAt(g); if (at) addRings(hp, at[0], at[1], vp); });
      ctx.lineWidth = z >= 9 ? 2.5 : z >= 7 ? 1.5 : 0.8;  // thinner at country zoom: thousands of outlines
      ctx.strokeStyle = "#111111"; ctx.stroke(hp);
    }
    state.markers = drawMarkers(vp);
    drawHover();
    state.drawn = drawn; state.detail = nDetail; state.drawnRev = state.rev;
    state.drawMs = performance.now() - started;
    state.drawnAt = Date.now();
  }
  function markerScale() {  // full size from zoom 9; smaller further out, so the villages show
    return Math.min(1, Math.max(0.3, Math.pow(2, (map.getZoom() - 9) / 2)));
  }
  function drawMarkers(vp) {  // circles over the villages, the largest ring of a village first
    if (!marks) return 0;
    var n = 0, k = markerScale(), outlined = k >= 0.6;  // no dark rim on a dot of 2 pixels
    ctx.lineWidth = 1; ctx.strokeStyle = "#333333";
    for (var i = 0; i < marks.X.length; i++) {
      var x = marks.X[i] * vp.scale - vp.ox, y = marks.Y[i] * vp.scale - vp.oy, r = marks.r[i] * k;
      if (x < -r || y < -r || x > vp.w + r || y > vp.h + r) continue;
      ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = marks.c[i]; ctx.fill();
      if (outlined) ctx.stroke();
      n++;
    }
    return n;
  }
  function markerAt(containerX, containerY) {  // the smallest marker under a point, or -1
    if (!marks || !state.ready) return -1;
    var vp = viewport(), best = -1, k = markerScale();
    for (var i = 0; i < marks.X.length; i++) {
      var dx = marks.X[i] * vp.scale - vp.ox - containerX, dy = marks.Y[i] * vp.scale - vp.oy - containerY;
      var r = Math.max(marks.r[i] * k, 3);  // at least a few pixels to point at
      if (dx * dx + dy * dy <= r * r && (best < 0 || marks.r[i] < marks.r[best])) best = i;
    }
    return best;
  }
  function mercator(x, y) {
    var X = new Float64Array(x.length), Y = new Float64Array(y.length);
    for (var i = 0; i < x.length; i++) {
      X[i] = (x[i] + 180) / 360;
      var s = Math.sin(y[i] * Math.PI / 180);
      Y[i] = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
    }
    return [X, Y];
  }
  function drawnAt(g) {  // [pack, local index] of the geometry village g is drawn with now
    var at = locate(g), pk = at[0];
    var dp = map.getZoom() >= args.detailZoom ? detail[pk.prov] : null;
    if (dp && dp !== "loading") {
      var idx = detailIndex[pk.prov];
      for (var j = 0; j < dp.n; j++) if (idx[j] === g) return [dp, j];
    }
    return at;
  }
  function drawHover() {
    var vp = viewport();
    sizeCanvas(hover, hctx, vp);
    if (hovered < 0) return;
    var p = new Path2D(), at = drawnAt(hovered);
    addRings(p, at[0], at[1], vp);
    hctx.lineWidth = 2; hctx.strokeStyle = "#000000"; hctx.stroke(p);
  }

  // ------------------------------------------------------------------ hit testing
  function inside(pk, f, x, y) {
    var odd = false, X = pk.X, Y = pk.Y;
    for (var r = pk.featRing[f]; r < pk.featRing[f + 1]; r++) {
      var v0 = pk.ringStart[r], v1 = pk.ringStart[r + 1];
      for (var a = v0, b = v1 - 1; a < v1; b = a++) {
        if ((Y[a] > y) !== (Y[b] > y) && x < (X[b] - X[a]) * (y - Y[a]) / (Y[b] - Y[a]) + X[a]) odd = !odd;
      }
    }
    return odd;
  }
  function hit(containerX, containerY) {
    if (!state.ready) return -1;
    var vp = viewport(), x = (containerX + vp.ox) / vp.scale, y = (containerY + vp.oy) / vp.scale;
    var cell = grid.get(Math.floor(x / GRID) * 4194304 + Math.floor(y / GRID)) || [];
    for (var i = 0; i < cell.length; i++) {
      var at = drawnAt(cell[i]);
      if (inside(at[0], at[1], x, y)) return cell[i];
    }
    return -1;
  }
  function escapeText(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function labelOf(g) { return labelIndex && g < labelIndex.length ? labels[labelIndex[g]] : ""; }
  function showTip(g, point) {
    var tip = document.getElementById("tip");
    if (g < 0) { tip.style.display = "none"; return; }
    var at = locate(g);
    // labels, value label and marker tips are escaped in Python; the village name is escaped here.
    var m = markerAt(point.x, point.y);
    tip.innerHTML = "<b>" + escapeText(at[0].name[at[1]]) + "</b><br>" + args.vl + ": " + labelOf(g)
      + (m >= 0 ? "<br>" + marks.t[m] : "");
    tip.style.display = "block";
    tip.style.left = (point.x + 14) + "px"; tip.style.top = (point.y + 10) + "px";
  }

  // ------------------------------------------------------------------ setup and protocol
  var moved = false;
  function fit() {  // the whole country, until the user pans or zooms
    if (moved || !args) return;
    var b = args.bounds;
    map.invalidateSize({ pan: false });
    var size = map.getSize();
    if (!(size.x > 0 && size.y > 0)) return;  // not laid out yet (a rerun): fitted on its resize
    var legend = document.querySelector("#legend .atlas-legend");
    var room = legend ? legend.offsetWidth + 16 : 0;  // keep the legend off the polygons
    // ...unless the map is too narrow for both (a phone): padding wider than the map made
    // Leaflet's zoom NaN ("Invalid LatLng (NaN, NaN)"); the legend then sits at the top
    if (room + 56 > size.x * 0.6) room = 0;
    map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { animate: false, paddingTopLeft: [48, 8], paddingBottomRight: [room, 8] });
  }
  function setupMap(a) {
    map = L.map("map", { zoomSnap: 0.25, zoomAnimation: false, fadeAnimation: false, preferCanvas: true });
    var b = a.bounds, size = map.getSize();
    if (size.x > 0 && size.y > 0) map.fitBounds([[b[1], b[0]], [b[3], b[2]]]);
    else map.setView([(b[1] + b[3]) / 2, (b[0] + b[2]) / 2], 4);  // a frame not laid out yet
    if (a.tiles) L.tileLayer(a.tiles, { attribution: a.attribution, maxZoom: 19 }).addTo(map);
    // the boundary source and licence instead of Leaflet's flag, as on the province maps
    if (a.prefix !== undefined && map.attributionControl) map.attributionControl.setPrefix(a.prefix);
    canvas = L.DomUtil.create("canvas", "atlas-national");
    hover = L.DomUtil.create("canvas", "atlas-national");
    map.getPanes().overlayPane.appendChild(canvas);
    map.getPanes().overlayPane.appendChild(hover);
    ctx = canvas.getContext && canvas.getContext("2d");
    hctx = hover.getContext && hover.getContext("2d");
    if (!ctx || typeof Path2D === "undefined") { message(a.text.nocanvas); state.error = "no canvas"; return false; }
    L.control.scale({ imperial: false }).addTo(map);
    map.on("moveend", draw);
    map.on("resize", function () { if (moved) draw(); else fit(); });
    map.getContainer().addEventListener("wheel", function () { moved = true; }, { passive: true });
    map.getContainer().addEventListener("mousedown", function () { moved = true; });
    var pending = null;
    map.on("mousemove", function (e) {
      pending = e.containerPoint;
      requestAnimationFrame(function () {
        if (!pending) return;
        var g = hit(pending.x, pending.y);
        if (g !== hovered) { hovered = g; drawHover(); }
        showTip(g, pending); pending = null;
      });
    });
    map.on("mouseout", function () { hovered = -1; drawHover(); showTip(-1); });
    map.on("click", function (e) {
      var g = hit(e.containerPoint.x, e.containerPoint.y);
      if (g < 0) return;
      var at = locate(g);
      send("streamlit:setComponentValue", { value: { code: at[0].code[at[1]], n: ++clicks }, dataType: "json" });
    });
    return true;
  }
  function render(a) {
    args = a;
    state.rev = a.rev;
    classes = a.c; palette = a.palette; nodata = a.nodata; labels = a.lab;
    labelIndex = varints(a.li);
    heavy = a.h || null;
    if (a.mk) { var xy = mercator(a.mk.x, a.mk.y); marks = { X: xy[0], Y: xy[1], c: a.mk.c, r: a.mk.r, t: a.mk.t }; }
    else marks = null;
    document.getElementById("legend").innerHTML = a.legend;
    if (typeof L === "undefined") { message(a.text.noleaflet); state.error = "no leaflet"; return; }
    if (!map && !setupMap(a)) return;
    if (version !== a.version) load(a);
    else draw();
  }

  window.atlasNational = {
    state: state,
    map: function () { return map; },
    codeIndex: function (code) { return codeIndex ? codeIndex.get(code) : undefined; },
    /* Which village is drawn at a container point, and the colour it was given: */
    queryPoint: function (x, y) {
      var g = hit(x, y);
      if (g < 0) return null;
      var at = locate(g);
      return { code: at[0].code[at[1]], name: at[0].name[at[1]], fill: colourOf(g), label: labelOf(g) };
    },
    /* The container point of a longitude/latitude (to query or read a pixel there): */
    point: function (lon, lat) { var p = map.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; },
    /* The canvas pixel at a container point as #rrggbb: */
    pixel: function (x, y) {
      var dpr = window.devicePixelRatio || 1, d = ctx.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
      return "#" + [d[0], d[1], d[2]].map(function (v) { return (v < 16 ? "0" : "") + v.toString(16); }).join("");
    },
    redraw: function () { draw(); return state.drawMs; },
    /* The markers held: [{lon, lat, colour, radius, tip, code}] (tip as HTML, escaped in Python): */
    markers: function () {
      if (!args || !args.mk) return [];
      return args.mk.x.map(function (x, i) { return { lon: x, lat: args.mk.y[i], colour: args.mk.c[i], radius: args.mk.r[i], tip: args.mk.t[i],
                 code: args.mk.v ? args.mk.v[i] : null }; });
    },
    colourOf: function (code) { var g = codeIndex && codeIndex.get(code); return g === undefined ? null : colourOf(g); }
  };

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "streamlit:render") return;
    var a = data.args;
    send("streamlit:setFrameHeight", { height: a.height });
    render(a);
  });
  send("streamlit:componentReady", { apiVersion: 1 });
})();
