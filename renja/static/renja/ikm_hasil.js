// Survey result charts (renja.ikm.views_hasil): the figures come from the json_script block #data-ikm, the same
// figures as the tables under the charts. No inline script or style: this file runs under the Content-Security-Policy.
(function () {
  "use strict";
  function mulai() {
    var blok = document.getElementById("data-ikm");
    if (!blok || typeof Chart === "undefined") { return; }
    var data = JSON.parse(blok.textContent);
    var angka = function (d) { return new Intl.NumberFormat("id-ID", { minimumFractionDigits: d, maximumFractionDigits: d }); };
    function grafik(id, jenis, label, nilai, judul, min, max, desimal) {
      var el = document.getElementById(id);
      if (!el || !label.length) { return; }
      var f = angka(desimal);
      new Chart(el, {
        type: jenis,
        data: { labels: label, datasets: [{ label: judul, data: nilai, backgroundColor: "#1f5fbf", borderColor: "#1f5fbf" }] },
        options: {
          indexAxis: jenis === "bar" ? "y" : "x", responsive: true, animation: false,
          scales: jenis === "bar" ? { x: { min: min, max: max } } : { y: { min: min, max: max } },
          plugins: { tooltip: { callbacks: { label: function (c) { return c.raw === null ? "belum ada data" : judul + ": " + f.format(c.raw); } } } }
        }
      });
    }
    grafik("grafik-unsur", "bar", data.unsur.label, data.unsur.nrr, "NRR", 1, 4, 3);
    grafik("grafik-layanan", "bar", data.layanan.label, data.layanan.konversi, "IKM (konversi)", 25, 100, 2);
    grafik("grafik-tren", "line", data.tren.label, data.tren.konversi, "IKM (konversi)", 25, 100, 2);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", mulai); } else { mulai(); }
})();
