// Draws a part of the analyst's network with Cytoscape.js when it is installed
// (scripts/web-assets.sh). The tables below the graph hold the same nodes and relations, and are
// the way to move with the keyboard; choosing a node in the graph moves to it the same way.
(function () {
  "use strict";
  var source = document.getElementById("network-data");
  var container = document.getElementById("network-graph");
  var move = document.getElementById("network-move");
  if (!source || !container || !move || typeof window.cytoscape !== "function") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var colours = {
    person: "#1d4f91", company: "#6a3d9a", phone: "#1b7837", vehicle: "#b35806",
    vessel: "#01665e", account: "#8c510a", wallet: "#762a83", address: "#4d4d4d",
    shipment: "#2166ac", real_estate: "#7f3b08", firearm: "#a50026"
  };
  var elements = data.nodes.map(function (n) {
    return { data: { id: n.id, label: n.label, colour: colours[n.kind] || "#555" },
             classes: (n.target ? "target" : "") + (n.id === data.focus ? " focus" : "") };
  }).concat(data.edges.map(function (e, i) {
    return { data: { id: "e" + i, source: e.source, target: e.target, label: e.kind.replace(/_/g, " ") } };
  }));
  var graph = window.cytoscape({
    container: container,
    elements: elements,
    layout: data.nodes.length <= 6
      ? { name: "concentric", animate: false, padding: 30, minNodeSpacing: 90,
          concentric: function (node) { return node.hasClass("focus") ? 2 : 1; } }
      : { name: "cose", animate: false, padding: 20, idealEdgeLength: function () { return 90; } },
    minZoom: 0.2,
    maxZoom: 2,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", "label": "data(label)", "font-size": 10,
        "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap", "text-max-width": 110,
        "width": 16, "height": 16 } },
      { selector: "node.target", style: { "border-width": 5, "border-color": "#b3261e" } },
      { selector: "node.focus", style: { "width": 26, "height": 26, "font-weight": "bold" } },
      { selector: "edge", style: {
        "line-color": "#8b96a1", "width": 1.5, "label": "data(label)", "font-size": 9,
        "color": "#333", "text-background-color": "#fff", "text-background-opacity": 1,
        "curve-style": "bezier", "text-rotation": "autorotate" } }
    ]
  });
  graph.on("tap", "node", function (event) {
    var id = event.target.id();
    if (id === data.focus) {
      return;
    }
    move.setAttribute("action", "/network/nodes/" + encodeURIComponent(id));
    move.submit();
  });
})();
