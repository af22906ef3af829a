(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".filters input[type=checkbox]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("li[data-f]"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-ids]"));
  var docs = Array.prototype.slice.call(document.querySelectorAll("article.doc"));
  var hideClean = document.getElementById("hide-clean");

  function selected(kind) {
    var out = {};
    boxes.forEach(function (b) { if (b.dataset.kind === kind && b.checked) { out[b.value] = true; } });
    return out;
  }

  function apply() {
    var cats = selected("category"), sevs = selected("severity"), visible = {};
    items.forEach(function (li) {
      var show = !!cats[li.dataset.category] && !!sevs[li.dataset.severity];
      li.classList.toggle("hidden", !show);
      if (show) { visible[li.dataset.f] = true; }
    });
    marks.forEach(function (m) {
      var ids = m.dataset.ids.split(" "), on = false;
      for (var i = 0; i < ids.length; i++) { if (visible[ids[i]]) { on = true; break; } }
      m.classList.toggle("on", on);
    });
    var shown = 0;
    docs.forEach(function (d) {
      var any = d.querySelector("li[data-f]:not(.hidden)") !== null;
      d.classList.toggle("hidden", hideClean.checked && !any);
      if (!d.classList.contains("hidden")) { shown += 1; }
    });
    var counter = document.getElementById("visible-count");
    counter.textContent = String(Object.keys(visible).length);
    document.getElementById("visible-docs").textContent = String(shown);
  }

  // Filters can be preset from the address: report.html#severity=error&category=names,titles
  function presetFromHash() {
    var hash = window.location.hash.replace(/^#/, "");
    if (hash.indexOf("=") < 0) { return; }
    hash.split("&").forEach(function (pair) {
      var kv = pair.split("="), kind = decodeURIComponent(kv[0]);
      var wanted = decodeURIComponent(kv[1] || "").split(",");
      boxes.forEach(function (b) {
        if (b.dataset.kind === kind) { b.checked = wanted.indexOf(b.value) >= 0; }
      });
      if (kind === "hide-clean") { hideClean.checked = kv[1] === "1"; }
    });
  }

  presetFromHash();
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  items.forEach(function (li) {
    li.addEventListener("click", function () {
      var m = null;
      for (var i = 0; i < marks.length && !m; i++) {
        if (marks[i].dataset.ids.split(" ").indexOf(li.dataset.f) >= 0) { m = marks[i]; }
      }
      if (!m) { return; }
      marks.forEach(function (x) { x.classList.remove("focus"); });
      m.classList.add("focus");
      m.scrollIntoView({block: "center"});
    });
  });
  apply();
})();
