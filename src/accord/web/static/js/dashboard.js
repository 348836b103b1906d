// Draws the dashboard's time series with uPlot when it is installed (scripts/web-assets.sh).
// The tables under each chart hold the same numbers: without this script nothing is lost.
// Counts below the suppression threshold arrive as null and are drawn as gaps.
(function () {
  "use strict";
  var source = document.getElementById("chart-data");
  if (!source || typeof window.uPlot !== "function") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var palette = ["#1d4f91", "#b3261e", "#17653a", "#8a5300", "#6a3d9a", "#00707a",
                 "#c2185b", "#545d68", "#2e7d32", "#ef6c00", "#283593", "#795548"];

  function draw(element) {
    var rows = data[element.getAttribute("data-series")] || [];
    if (!rows.length || !data.periods.length) {
      return;
    }
    var xs = data.periods.map(function (_p, i) { return i; });
    var series = [{ label: data.labels.period, value: function (_u, i) { return i == null ? "" : data.periods[i]; } }];
    var columns = [xs];
    rows.forEach(function (row, n) {
      series.push({
        label: row.label,
        stroke: palette[n % palette.length],
        width: 2,
        points: { show: true, size: 6 },
        spanGaps: false,
        value: function (_u, v) { return v == null ? "<" + data.threshold : String(v); }
      });
      columns.push(row.values);
    });
    var width = Math.max(320, element.clientWidth || element.parentNode.clientWidth);
    var options = {
      width: width,
      height: 260,
      scales: { x: { time: false, range: function () { return [-0.5, xs.length - 0.5]; } } },
      axes: [
        {
          splits: function () { return xs; },
          values: function (_u, ticks) { return ticks.map(function (t) { return data.periods[t] || ""; }); }
        },
        { label: data.labels.axis }
      ],
      series: series,
      legend: { live: true }
    };
    new window.uPlot(options, columns, element);
  }

  document.querySelectorAll(".chart[data-series]").forEach(draw);
})();
