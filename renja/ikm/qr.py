"""QR codes of the public survey links, made locally with segno (no outside service sees the link)."""

import io

import segno

# Error correction M (15 %): a printed poster survives a crease or a smudge; 10 pixels a module, 4 modules of
# quiet zone (the QR standard's minimum), black on white for every phone camera.
_KOREKSI = "m"
_SKALA_PNG = 10
_TEPI = 4


def _qr(alamat: str):
    return segno.make(alamat, error=_KOREKSI, micro=False)


def qr_png(alamat: str) -> bytes:
    buf = io.BytesIO()
    _qr(alamat).save(buf, kind="png", scale=_SKALA_PNG, border=_TEPI)
    return buf.getvalue()


def qr_svg(alamat: str, *, judul: str = "") -> bytes:
    """A scalable SVG (prints sharp at any size on the A4 poster); `judul` becomes its <title> for screen readers."""
    buf = io.BytesIO()
    _qr(alamat).save(buf, kind="svg", scale=3, border=_TEPI, title=judul or None, unit="mm", svgclass="qr")
    return buf.getvalue()
