// Draws an identity's records and links with Cytoscape.js when it is installed
// (scripts/web-assets.sh). The list beside the graph holds the same records and links.
(function () {
  "use strict";
  var source = document.getElementById("graph-data");
  var container = document.getElementById("identity-graph");
  if (!source || !container || typeof window.cytoscape !== "function") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var elements = data.nodes.map(function (n) {
    return { data: { id: n.id, label: n.label + " (" + n.participant + ")" } };
  }).concat(data.edges.map(function (e, i) {
    return { data: { id: "e" + i, source: e.source, target: e.target, label: e.p == null ? "" : e.p.toFixed(2) } };
  }));
  window.cytoscape({
    container: container,
    elements: elements,
    layout: data.nodes.length <= 4
      ? { name: "circle", animate: false, padding: 40, radius: 90 }
      : { name: "cose", animate: false, padding: 20, idealEdgeLength: function () { return 110; } },
    userZoomingEnabled: false,
    minZoom: 0.3,
    maxZoom: 1.2,
    style: [
      { selector: "node", style: {
        "background-color": "#1d4f91", "label": "data(label)", "font-size": 11,
        "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap", "text-max-width": 120,
        "width": 18, "height": 18 } },
      { selector: "edge", style: {
        "line-color": "#b3261e", "width": 2, "label": "data(label)", "font-size": 10,
        "text-background-color": "#fff", "text-background-opacity": 1, "curve-style": "bezier",
        "text-rotation": "autorotate", "text-margin-y": -8 } }
    ]
  });
})();
