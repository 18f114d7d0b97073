// Behaviour that must not be inline (Content-Security-Policy: script-src 'self'). Delegated on document, so it
// also works for content htmx swaps in.

// <form data-konfirmasi="Hapus ...?">: ask before submitting.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var pesan = form.getAttribute && form.getAttribute("data-konfirmasi");
  if (pesan && !window.confirm(pesan)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// <a data-kembali href="/">: go back when there is somewhere to go back to, else follow the link.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-kembali]");
  if (link && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});

// <button data-sisipkan="{{pagu_total}}" data-target="ID">: insert the placeholder into the textarea at the cursor.
document.addEventListener("click", function (event) {
  var tombol = event.target.closest && event.target.closest("button[data-sisipkan]");
  if (!tombol) return;
  var area = document.getElementById(tombol.getAttribute("data-target"));
  if (!area) return;
  var teks = tombol.getAttribute("data-sisipkan");
  var awal = area.selectionStart || 0, akhir = area.selectionEnd || 0;
  area.value = area.value.slice(0, awal) + teks + area.value.slice(akhir);
  area.focus();
  area.selectionStart = area.selectionEnd = awal + teks.length;
});

// <button data-cetak>: print the page (the IKM poster); without JavaScript the page says "tekan Ctrl+P".
document.addEventListener("click", function (event) {
  var tombol = event.target.closest && event.target.closest("[data-cetak]");
  if (tombol) {
    event.preventDefault();
    window.print();
  }
});
