"""The results of a period as plain data (``renja export ikm --format json``): the same figures, rounded the same way,
as the page and the report: NRR 3 places, NRR tertimbang and IKM 4, konversi 2."""

from __future__ import annotations

from decimal import Decimal

from renja.ikm.hasil import HasilPeriode, Ringkasan
from renja.rumus.uang import bulatkan


def angka(x: Decimal | None, tempat: int) -> float | None:
    """A figure for JSON (export, chart data): rounded half up by rumus to `tempat` places, then a plain number."""
    return None if x is None else float(bulatkan(x, tempat))


def _hasil(r: Ringkasan) -> dict:
    h = r.hasil
    return {
        "responden": r.responden,
        "ikm": None if h is None else angka(h.nilai, 4),
        "konversi": None if h is None else angka(h.konversi, 2),
        "mutu": None if h is None else h.mutu.mutu,
        "kinerja": None if h is None else h.mutu.kinerja,
    }


def _unsur(r: Ringkasan) -> list[dict]:
    return [
        {
            "nomor": u.nomor,
            "nama": u.nama,
            "jawaban": {str(v): c for v, c in zip((1, 2, 3, 4), u.sebaran, strict=True)},
            "jumlah_nilai": u.jumlah_nilai,
            "menjawab": u.jumlah_jawaban,
            "nrr": angka(u.nrr, 3),
            "nrr_tertimbang": angka(u.nrr_tertimbang, 4),
            "prioritas": u.prioritas,
        }
        for u in r.unsur
    ]


def _sampel(s) -> dict:
    return {"populasi": s.populasi, "dibutuhkan": s.dibutuhkan, "terkumpul": s.terkumpul, "kurang": s.kurang}


def payload(h: HasilPeriode) -> dict:
    p = h.periode
    r = h.keseluruhan
    return {
        "opd": {"kode": p.opd.kode, "nama": p.opd.nama, "pemda": str(p.opd.pemda)},
        "periode": {"kode": p.kode, "nama": p.nama, "mulai": p.mulai.isoformat(), "selesai": p.selesai.isoformat()},
        "layanan": None
        if h.layanan_dipilih is None
        else {"kode": h.layanan_dipilih.kode, "nama": h.layanan_dipilih.nama},
        "sintetis": h.sintetis,
        "sumber": h.sumber,
        "bobot": "1/jumlah unsur terisi (rumus.ikm, bukan 0,111)",
        **_hasil(r),
        "unsur": _unsur(r),
        "prioritas": [u.nomor for u in r.prioritas],
        "sampel": _sampel(h.sampel),
        "per_layanan": [
            {"kode": x.layanan.kode, "nama": x.layanan.nama, **_hasil(x.ringkasan), "sampel": _sampel(x.sampel)}
            for x in h.per_layanan
        ],
        "profil": {
            kolom: [{"kode": b.kode, "label": b.label, **_hasil(b.ringkasan)} for b in baris]
            for kolom, _label, baris in h.profil
        },
        "saran": [{"layanan": s.layanan, "teks": s.teks, "sumber": s.sumber} for s in h.saran],
        "jumlah_saran": h.jumlah_saran,
        "tren": [
            {
                "periode": t.periode.kode,
                "responden": t.responden,
                "konversi": None if t.hasil is None else angka(t.hasil.konversi, 2),
                "mutu": None if t.hasil is None else t.hasil.mutu.mutu,
            }
            for t in h.tren
        ],
    }
