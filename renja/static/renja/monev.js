// Realisation grid: keyboard-friendly inline editing over htmx (no inline scripts, CSP friendly).
// Enter submits the cell's own form (htmx posts it and swaps the sub kegiatan block); Tab moves as usual.
(function () {
  "use strict";
  var fokus = null;

  document.addEventListener("input", function (e) {
    if (e.target.classList && e.target.classList.contains("isian")) {
      var td = e.target.closest("td");
      if (td) td.classList.add("belum-disimpan");
    }
  });

  document.addEventListener("htmx:beforeRequest", function () {
    var el = document.activeElement;
    fokus = el && el.id ? el.id : null;
  });

  // A refused or stale save answers 400/403/409 with the block re-rendered (the typed value kept, a message
  // beside it): swap it like a success instead of dropping it.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var s = e.detail.xhr.status;
    if ((s === 400 || s === 403 || s === 409) && e.detail.target && e.detail.target.classList.contains("baris-sub")) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });

  document.addEventListener("htmx:afterSwap", function () {
    if (!fokus) return;
    var el = document.getElementById(fokus);
    if (el) {
      el.focus();
      if (el.select) el.select();
    }
    fokus = null;
  });

  document.addEventListener("change", function (e) {
    if (e.target.id === "pilih-unit-monev") {
      var url = e.target.getAttribute("data-url-template").replace("/unit/0/", "/unit/" + e.target.value + "/");
      window.location.href = url + window.location.search;
    }
  });
})();
