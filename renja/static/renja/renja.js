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

// <button data-cetak>: print the page (the IKM poster); without JavaScript the page says "tekan Ctrl+P".
document.addEventListener("click", function (event) {
  var tombol = event.target.closest && event.target.closest("[data-cetak]");
  if (tombol) {
    event.preventDefault();
    window.print();
  }
});
