// Dashboard charts (renja.monev.dasbor): the figures come from the json_script block #data-dasbor, the same figures
// as the tables under the charts. No inline script or style: this file runs under the Content-Security-Policy.
(function () {
  "use strict";
  function mulai() {
    var blok = document.getElementById("data-dasbor");
    if (!blok || typeof Chart === "undefined") { return; }
    var data = JSON.parse(blok.textContent);
    var rupiah = new Intl.NumberFormat("id-ID");
    function rp(v) { return v === null || v === undefined ? "belum ada data" : "Rp " + rupiah.format(v); }
    function batang(id, d) {
      var el = document.getElementById(id);
      if (!el || !d.label.length) { return; }
      new Chart(el, {
        type: "bar",
        data: { labels: d.label, datasets: [
          { label: "Pagu", data: d.pagu, backgroundColor: "#9db7e0" },
          { label: "Realisasi", data: d.realisasi, backgroundColor: "#1f5fbf" }
        ] },
        options: {
          indexAxis: "y", responsive: true, animation: false,
          scales: { x: { ticks: { callback: function (v) { return rupiah.format(v); } } } },
          plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + rp(c.raw); } } } }
        }
      });
    }
    function donat(id, d, warna) {
      var el = document.getElementById(id);
      if (!el) { return; }
      new Chart(el, {
        type: "doughnut",
        data: { labels: d.label, datasets: [{ data: d.jumlah, backgroundColor: warna }] },
        options: { responsive: true, animation: false }
      });
    }
    batang("grafik-program", data.program);
    batang("grafik-unit", data.unit);
    donat("grafik-predikat", data.predikat, ["#1a7f37", "#4caf50", "#f2c94c", "#f2994a", "#c0392b", "#bdbdbd"]);
    donat("grafik-lampu", data.lampu, ["#c0392b", "#f2c94c", "#1a7f37", "#bdbdbd"]);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", mulai); } else { mulai(); }
})();
