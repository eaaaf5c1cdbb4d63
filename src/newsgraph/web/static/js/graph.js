// Entity graphs drawn with the vendored Cytoscape.js.  Nodes come with positions from
// the server (networkx's spring layout), so the picture is the same on every visit.
// Data: the <script type="application/json"> block named by data-graph.
"use strict";
(function () {
  var COLOURS = { PERSON: "#2563eb", ORG: "#7c3aed", GPE: "#15803d", LOC: "#15803d", FAC: "#15803d" };
  var EDGES = { acts_on: "#b91c1c", quoted_about: "#b7791f", quoted_with: "#d69e2e", co_mentioned: "#9aa5b1" };

  function draw(box, elements) {
    var cy = cytoscape({
      container: box,
      elements: elements,
      layout: { name: "preset", fit: true, padding: 24 },
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "background-color": function (n) { return COLOURS[n.data("type")] || "#64748b"; },
          "label": "data(label)", "font-size": 10, "color": "#1f2933", "text-valign": "bottom", "text-margin-y": 3,
          "width": function (n) { return 10 + 4 * Math.sqrt(n.data("articles") || 1); },
          "height": function (n) { return 10 + 4 * Math.sqrt(n.data("articles") || 1); } } },
        { selector: "node[?center]", style: { "border-width": 3, "border-color": "#1e3a5f", "font-weight": "bold" } },
        { selector: "edge", style: {
          "width": "data(width)", "curve-style": "bezier", "opacity": 0.75,
          "line-color": function (e) { return EDGES[e.data("kind")] || "#9aa5b1"; },
          "target-arrow-color": function (e) { return EDGES[e.data("kind")] || "#9aa5b1"; },
          "target-arrow-shape": function (e) { return e.data("directed") ? "triangle" : "none"; } } },
        { selector: "edge:selected, edge.hover", style: { "label": "data(label)", "font-size": 9, "opacity": 1 } }
      ]
    });
    cy.on("tap", "node", function (evt) { window.location.href = evt.target.data("href"); });
    cy.on("mouseover", "edge", function (evt) { evt.target.addClass("hover"); });
    cy.on("mouseout", "edge", function (evt) { evt.target.removeClass("hover"); });
    box.dataset.nodes = String(cy.nodes().length);
    box.dataset.edges = String(cy.edges().length);
    box.classList.add("graph-ready");
  }

  document.querySelectorAll("[data-graph]").forEach(function (box) {
    var data = window.newsgraphData(box.dataset.graph);
    if (data && window.cytoscape) draw(box, data);
  });
})();
