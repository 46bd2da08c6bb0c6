// The Announcements page: while a delivery is under way, ask the console for the progress every two seconds and
// update the counts in place (no inline script: the Content-Security-Policy allows only scripts served from here).
(function () {
  var table = document.getElementById("history");
  if (!table || !window.fetch) { return; }
  var url = table.getAttribute("data-progress");
  function sending() { return table.querySelector("[data-state='sending']") !== null; }
  function update(list) {
    list.forEach(function (a) {
      var row = table.querySelector("tr[data-announcement='" + a.id + "']");
      if (!row) { return; }
      ["sent", "pending", "failed", "acknowledged", "total"].forEach(function (f) {
        var cell = row.querySelector("[data-field='" + f + "']");
        if (cell) { cell.textContent = String(a[f]); }
      });
      var badge = row.querySelector("[data-field='stateLabel']");
      if (badge) {
        badge.textContent = a.stateLabel;
        badge.setAttribute("data-state", a.state);
        badge.className = "badge " + a.state;
      }
    });
  }
  function poll() {
    if (!sending()) { table.setAttribute("data-live", "done"); return; }
    table.setAttribute("data-live", "polling");
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (body) { update(body.announcements); window.setTimeout(poll, 2000); })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  poll();
})();
