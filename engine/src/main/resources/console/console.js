// Tollgate console: draws the overview's charts with uPlot and reads a chosen candidate file into its form field.
(function () {
  "use strict";

  // Colours with at least 3:1 contrast against the white background, told apart by dash pattern too.
  var COLOURS = ["#1f5fa8", "#b3261e", "#1b7a3a", "#7a4b00", "#5b2a86", "#00606b"];
  var DASHES = [[], [6, 3], [2, 2], [8, 2, 2, 2], [4, 4], [1, 3]];

  function chart(id, times, series) {
    var element = document.getElementById(id);
    if (!element || typeof uPlot === "undefined" || times.length === 0) {
      return;
    }
    var names = Object.keys(series);
    var options = {
      width: Math.max(320, element.clientWidth || 480),
      height: 220,
      series: [{}].concat(names.map(function (name, i) {
        return {label: name, stroke: COLOURS[i % COLOURS.length], dash: DASHES[i % DASHES.length], width: 2};
      })),
      scales: {y: {range: function (u, min, max) { return [0, Math.max(1, max) * 1.1]; }}},
      axes: [{}, {label: "decisions"}]
    };
    var data = [times].concat(names.map(function (name) { return series[name]; }));
    new uPlot(options, data, element);
  }

  function drawCharts() {
    var source = document.getElementById("chart-data");
    if (!source) {
      return;
    }
    var data = JSON.parse(source.textContent);
    chart("chart-effect", data.times, data.effect);
    chart("chart-route", data.times, data.route);
  }

  function candidateUpload() {
    var form = document.querySelector("form.what-if");
    var file = document.getElementById("file");
    if (!form || !file) {
      return;
    }
    form.addEventListener("submit", function (event) {
      if (!file.files.length) {
        return;
      }
      event.preventDefault();
      file.files[0].text().then(function (text) {
        document.getElementById(file.dataset.fills).value = text;
        form.submit();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    candidateUpload();
  });
})();
