// World map (vendored Natural Earth 1:110m TopoJSON, equirectangular, plain SVG) and
// timeline bars.  Data comes from <script type="application/json"> blocks named by the
// containers' data-map / data-timeline attributes; all text goes in via textContent.
"use strict";
(function () {
  var SVG = "http://www.w3.org/2000/svg";
  var ATLAS = "/static/vendor/world-atlas/countries-110m.json";
  var W = 960, TOP = 84, BOTTOM = -58, K = W / 360, H = (TOP - BOTTOM) * K;

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function titled(node, text) { el("title", {}, node).textContent = text; return node; }
  function px(lon) { return ((lon + 180) * K).toFixed(1); }
  function py(lat) { return ((TOP - lat) * K).toFixed(1); }

  // Rings to an SVG path; a jump of more than 180 degrees of longitude (a ring that
  // crosses the antimeridian) starts a new subpath instead of a line across the map.
  function ringPath(ring) {
    var d = "", prev = null;
    ring.forEach(function (p) {
      d += (prev === null || Math.abs(p[0] - prev) > 180 ? "M" : "L") + px(p[0]) + "," + py(p[1]);
      prev = p[0];
    });
    return d + "Z";
  }
  function geomPath(g) {
    if (!g) return "";
    var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    return polys.map(function (rings) { return rings.map(ringPath).join(""); }).join("");
  }

  var atlas = null;
  function loadAtlas() {
    atlas = atlas || fetch(ATLAS).then(function (r) { return r.json(); });
    return atlas;
  }

  function drawMap(box, data) {
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H.toFixed(0), class: "map-svg", preserveAspectRatio: "xMidYMid meet" });
    box.appendChild(svg);
    el("rect", { x: 0, y: 0, width: W, height: H.toFixed(0), class: "sea" }, svg);
    var countries = data.countries || {};
    var max = Math.max.apply(null, [1].concat(Object.keys(countries).map(function (k) { return countries[k]; })));
    loadAtlas().then(function (world) {
      var land = el("g", { class: "land" });
      svg.insertBefore(land, svg.childNodes[1] || null);
      topojson.feature(world, world.objects.countries).features.forEach(function (f) {
        var n = countries[f.id] || 0;
        var level = n ? 1 + Math.min(4, Math.floor(4 * n / max)) : 0;
        var path = el("path", { d: geomPath(f.geometry), class: "country" + (n ? " hit lvl-" + level : "") }, land);
        titled(path, (f.properties && f.properties.name || "") + (n ? " · " + n : ""));
      });
    }).catch(function () { box.classList.add("map-failed"); });

    var zoom = data.zoom && data.points && data.points.length === 1;
    var scale = zoom ? 0.25 : 1;
    var maxCount = Math.max.apply(null, [1].concat((data.points || []).map(function (p) { return p.count || 1; })));
    var pins = el("g", { class: "pins" }, svg);
    (data.points || []).forEach(function (p) {
      var parent = pins;
      if (p.href) parent = el("a", { href: p.href }, pins);
      var r = scale * (4 + 8 * Math.sqrt((p.count || 1) / maxCount));
      titled(el("circle", { cx: px(p.lon), cy: py(p.lat), r: r.toFixed(1), class: "pin" }, parent), p.label || "");
    });
    if (zoom) {
      var p = data.points[0], zw = W * scale, zh = zw * H / W;
      var x = Math.min(Math.max(px(p.lon) - zw / 2, 0), W - zw), y = Math.min(Math.max(py(p.lat) - zh / 2, 0), H - zh);
      svg.setAttribute("viewBox", [x.toFixed(0), y.toFixed(0), zw, zh.toFixed(0)].join(" "));
      svg.classList.add("zoomed");
    }
  }

  // ---- timeline ------------------------------------------------------------------
  // The bins come from the server (web/timeline.py): contiguous, at most a few hundred,
  // over the range that holds the bulk of the events (outlying dates are listed apart).
  // Each bar stacks events the text dates over events dated by their publication.
  function drawTimeline(box, data) {
    var list = (data && data.bins) || [];
    if (!list.length) return;
    var TW = Math.max(240, box.clientWidth || 640), TH = 150, L = 30, R = 8, T = 10, B = 34;
    var max = Math.max.apply(null, list.map(function (x) { return x.n; }).concat([1]));
    var step = (TW - L - R) / list.length, bw = Math.min(48, Math.max(1, step * 0.8));
    var svg = el("svg", { viewBox: "0 0 " + TW + " " + TH, class: "timeline-svg" }, box);
    el("line", { x1: L, y1: TH - B, x2: TW - R, y2: TH - B, class: "axis" }, svg);
    [0, max].forEach(function (v) {
      var t = el("text", { x: L - 6, y: (TH - B - (TH - B - T) * v / max + 4).toFixed(1), class: "tick", "text-anchor": "end" }, svg);
      t.textContent = String(v);
    });
    var link = box.dataset.link ? new URL(box.dataset.link, location.href) : null;
    list.forEach(function (x, i) {
      var parent = svg, x0 = L + i * step + (step - bw) / 2;
      if (link && x.n) {
        link.searchParams.set("date_from", x.from);
        link.searchParams.set("date_to", x.to);
        link.searchParams.delete("page");
        parent = el("a", { href: link.pathname + link.search }, svg);
      }
      var base = TH - B;
      [["event", "bar"], ["published", "bar published"]].forEach(function (part) {
        var n = x[part[0]] || 0;
        if (!n && !(part[0] === "event" && !x.n)) return;
        var h = (TH - B - T) * n / max;
        var bar = el("rect", { x: x0.toFixed(1), y: (base - h).toFixed(1), width: bw.toFixed(1),
          height: Math.max(h, n ? 1 : 0).toFixed(1), class: part[1] }, parent);
        titled(bar, x.key + ": " + n + " event" + (n === 1 ? "" : "s") +
          (part[0] === "event" ? " dated by the text" : " dated by publication (the text gives no date)"));
        base -= h;
      });
    });
    var labels = list.length === 1 ? [0] : [0, list.length - 1];
    if (list.length > 6) labels.splice(1, 0, Math.floor(list.length / 2));
    labels.forEach(function (i, j) {
      var anchor = j === 0 ? "start" : j === labels.length - 1 ? "end" : "middle";
      var x = j === 0 ? L : j === labels.length - 1 ? TW - R : L + (i + 0.5) * step;
      el("text", { x: x.toFixed(1), y: TH - B + 18, class: "tick", "text-anchor": anchor }, svg).textContent = list[i].key;
    });
    el("text", { x: TW - R, y: TH - 2, class: "tick unit", "text-anchor": "end" }, svg).textContent = "per " + data.unit;
  }

  document.querySelectorAll("[data-map]").forEach(function (box) {
    var data = window.newsgraphData(box.dataset.map);
    if (data) drawMap(box, data);
  });
  document.querySelectorAll("[data-timeline]").forEach(function (box) {
    var data = window.newsgraphData(box.dataset.timeline);
    if (data) drawTimeline(box, data);
  });
})();
