// The overview chart: the counts per training state for each policy version, read from the page's JSON block
// (no inline script: the Content-Security-Policy allows only scripts served from the console itself).
(function () {
  var data = document.getElementById("chart-data");
  var target = document.getElementById("chart");
  if (!data || !target || typeof uPlot === "undefined") { return; }
  var chart = JSON.parse(data.textContent);
  if (!chart.series.length) { return; }
  var colours = ["#2457c5", "#e08a00", "#1e7d32", "#b3261e", "#6b4fbb", "#00838f"];
  var n = chart.series.length, step = 0.8 / n;
  // One bar per state and policy: the bars of a state side by side around the state's position.
  var xs = [], rows = [], series = [{ label: "" }];
  chart.states.forEach(function (_, i) {
    for (var j = 0; j < n; j++) { xs.push(i + (j - (n - 1) / 2) * step); }
  });
  rows.push(xs);
  chart.series.forEach(function (s, j) {
    var ys = xs.map(function (_, k) { return k % n === j ? s.counts[Math.floor(k / n)] : null; });
    rows.push(ys);
    series.push({
      label: s.label, stroke: colours[j % colours.length], fill: colours[j % colours.length] + "cc", width: 1,
      paths: uPlot.paths.bars({ size: [0.9, 80] }), points: { show: false }, spanGaps: false
    });
  });
  var states = chart.states.map(function (_, i) { return i; });
  function width() { return Math.max(280, target.clientWidth - 16); }
  var plot = new uPlot({
    width: width(), height: 260, series: series,
    scales: { x: { time: false, range: [-0.6, chart.states.length - 0.4] },
              y: { range: function (u, min, max) { return [0, Math.max(1, max) * 1.15]; } } },
    axes: [{ splits: function () { return states; },
             values: function (u, splits) { return splits.map(function (v) { return chart.states[v] || ""; }); } }, {}],
    legend: { live: false },
    cursor: { show: false }
  }, rows, target);
  target.setAttribute("data-ready", "true");
  window.addEventListener("resize", function () { plot.setSize({ width: width(), height: 260 }); });
})();

// Completion over time (webcontent): one line per announced version and measure, % of the people in view by day,
// read from the page's JSON block like the chart above. The x axis is the day's index with the server's date as its
// label, so a browser in another time zone shows the same days as the table.
(function () {
  var data = document.getElementById("timeline-data");
  var target = document.getElementById("timeline");
  if (!data || !target || typeof uPlot === "undefined") { return; }
  var chart = JSON.parse(data.textContent);
  if (!chart.series.length || !chart.days.length) { return; }
  var colours = ["#2457c5", "#1e7d32", "#e08a00", "#6b4fbb", "#00838f", "#b3261e", "#795548", "#c2185b"];
  var xs = chart.days.map(function (_, i) { return i; });
  var rows = [xs], series = [{ label: chart.day, value: function (u, v) { return v == null ? "" : chart.days[v]; } }];
  chart.series.forEach(function (s, j) {
    rows.push(s.values);
    series.push({ label: s.label, stroke: colours[j % colours.length], width: 2, spanGaps: false,
      dash: j % 2 === 1 ? [6, 4] : undefined, points: { show: chart.days.length < 40 },
      value: function (u, v) { return v == null ? "—" : v + "%"; } });
  });
  function width() { return Math.max(280, target.clientWidth - 16); }
  var plot = new uPlot({
    width: width(), height: 260, series: series, padding: [10, 40, 0, 0],
    scales: { x: { time: false, range: [0, Math.max(1, xs.length - 1)] }, y: { range: [0, 100] } },
    axes: [{ space: 70, incrs: [1, 2, 7, 14, 30, 61, 91, 182],
             values: function (u, splits) { return splits.map(function (v) { return chart.days[v] || ""; }); } },
           { label: chart.axis, values: function (u, splits) { return splits.map(function (v) { return v + "%"; }); } }]
  }, rows, target);
  target.setAttribute("data-ready", "true");
  window.addEventListener("resize", function () { plot.setSize({ width: width(), height: 260 }); });
})();
