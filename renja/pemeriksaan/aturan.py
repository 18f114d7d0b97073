"""The rules of the document checker.

Each rule is a plain function ``(dokumen) -> Iterable[Temuan]`` registered with :func:`aturan`; its docstring's
first paragraph is the explanation and its "Contoh:" paragraph the example, so a help page can be generated from
:data:`ATURAN`. Figures are compared exactly (Decimal); derived figures are computed with renja.rumus.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from renja.pemeriksaan import dokumen as d
from renja.pemeriksaan.temuan import Lokasi, Temuan, Tingkat
from renja.rumus.angka import AngkaTidakValid, format_angka, format_persen, parse_angka, parse_rupiah
from renja.rumus.terbilang import TerbilangTidakValid, angka_dari_terbilang, rupiah_dari_terbilang


@dataclass(frozen=True)
class Aturan:
    """A rule of the checker: its code, main severity, Indonesian explanation and example (the help page at
    /periksa/aturan/ is generated from these), and the function. ``ranah`` says what it checks: "dokumen" (a
    parsed document, this module) or "data" (a stored Renja stage, renja.pemeriksaan.aturan_data)."""

    kode: str
    tingkat: Tingkat
    fungsi: Callable
    penjelasan: str = ""
    contoh: str = ""
    ranah: str = "dokumen"


ATURAN: list[Aturan] = []


def aturan(
    kode: str, tingkat: Tingkat, *, penjelasan: str, contoh: str, ranah: str = "dokumen", daftar: list | None = None
) -> Callable:
    """Register a rule in ``daftar`` (the document rules' :data:`ATURAN` unless given)."""
    tujuan = ATURAN if daftar is None else daftar

    def daftarkan(fungsi: Callable) -> Callable:
        if any(a.kode == kode for a in tujuan):
            raise ValueError(f"kode aturan {kode} terdaftar dua kali")
        tujuan.append(Aturan(kode, tingkat, fungsi, " ".join(penjelasan.split()), " ".join(contoh.split()), ranah))
        return fungsi

    return daftarkan


def rp(nilai: Decimal) -> str:
    return format_angka(nilai, 0 if nilai == nilai.to_integral() else 2)


def _lokasi(t: d.Tabel, b: d.Baris, kolom: int | None = None, kutipan: str | None = None) -> Lokasi:
    if kutipan is None:
        kutipan = b.sel[kolom].strip() if kolom is not None and kolom < len(b.sel) else b.nama
    return Lokasi(t.judul, b.nomor, None if kolom is None else kolom + 1, kutipan)


def _label(b: d.Baris) -> str:
    nama = b.nama if len(b.nama) <= 60 else b.nama[:57] + "..."
    return f"{d.NAMA_TINGKAT.get(b.tingkat, 'baris')} '{nama}'"


# ------------------------------------------------------------------------------------------------
# Numbers
# ------------------------------------------------------------------------------------------------


@aturan(
    "angka_cacat",
    Tingkat.GALAT,
    penjelasan=(
        "Sel berbentuk angka tetapi bukan angka Indonesia yang sah: titik ribuan di awal, kelompok ribuan"
        " yang tidak tiga angka, atau dua koma desimal."
    ),
    contoh='"Rp .350.000.000" (satu angka hilang sebelum titik pertama).',
)
def angka_cacat(dok: d.Dokumen) -> Iterable[Temuan]:
    """A cell that has the shape of a number but is not a valid Indonesian number (a thousands dot at the start,
    groups that are not three digits, two decimal commas).

    Contoh: "Rp .350.000.000" (a digit was lost before the first dot)."""
    for t in dok.tabel:
        for b in t.baris:
            for k, sel in enumerate(b.sel):
                try:
                    d.baca_angka(sel)
                except d.AngkaCacat as e:
                    yield Temuan("angka_cacat", Tingkat.GALAT, f"angka tidak sah di {_label(b)}: {e}", _lokasi(t, b, k))
                except d.AngkaAmbigu:
                    pass


@aturan(
    "angka_ambigu",
    Tingkat.PERINGATAN,
    penjelasan=(
        "Angka yang komanya bisa berarti pemisah ribuan (bentuk Inggris) atau desimal (bentuk Indonesia);"
        " pemeriksa melaporkannya, tidak menebak."
    ),
    contoh='"1,000" di kolom Rupiah: seribu, atau satu?',
)
def angka_ambigu(dok: d.Dokumen) -> Iterable[Temuan]:
    """A number whose comma may separate thousands (English form) or decimals (Indonesian form); the checker
    reports it instead of guessing.

    Contoh: "1,000" in a Rupiah column: one thousand, or one?"""
    for t in dok.tabel:
        for b in t.baris:
            for k, sel in enumerate(b.sel):
                try:
                    d.baca_angka(sel)
                except d.AngkaAmbigu:
                    yield Temuan(
                        "angka_ambigu",
                        Tingkat.PERINGATAN,
                        f"angka '{sel.strip()}' di {_label(b)} bermakna ganda: koma ribuan (bentuk Inggris) atau koma "
                        "desimal (bentuk Indonesia)? Tulis ribuan dengan titik.",
                        _lokasi(t, b, k),
                    )
                except d.AngkaCacat:
                    pass


@aturan(
    "target_negatif",
    Tingkat.GALAT,
    penjelasan=(
        "Target (atau hitungan lain) bernilai negatif di tabel rencana: target menghitung orang, dokumen,"
        " unit, dan tidak mungkin di bawah nol."
    ),
    contoh='"-10" sebagai target "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD".',
)
def target_negatif(dok: d.Dokumen) -> Iterable[Temuan]:
    """A negative target (or other count) in a plan table: targets count people, documents, units and cannot be
    below zero.

    Contoh: "-10" as the target of "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"."""
    for t in dok.tabel:
        for b in t.baris:
            for k, sel in enumerate(b.sel):
                a = d.aman_angka(sel)
                if a is None or a.nilai >= 0 or a.jenis == "rp":
                    continue
                yield Temuan(
                    "target_negatif",
                    Tingkat.GALAT,
                    f"target negatif {format_angka(a.nilai, a.desimal)} di {_label(b)}",
                    _lokasi(t, b, k),
                )


# ------------------------------------------------------------------------------------------------
# Sums
# ------------------------------------------------------------------------------------------------


def _anak(baris: list[d.Baris], i: int) -> list[d.Baris] | None:
    """The direct children of row i (None when a row in between has no known level)."""
    induk = baris[i]
    if induk.tingkat == d.TOTAL:
        awal = i - 1
        while awal >= 0 and baris[awal].tingkat != d.TOTAL:
            awal -= 1
        rentang = baris[awal + 1 : i]
    else:
        rentang = []
        for b in baris[i + 1 :]:
            if b.tingkat is not None and b.tingkat <= induk.tingkat:
                break
            rentang.append(b)
    if not rentang or any(b.tingkat is None for b in rentang):
        return None
    tingkat_anak = min(b.tingkat for b in rentang)
    if induk.tingkat == d.TOTAL:
        atas = [b for b in rentang if b.tingkat in (d.PROGRAM,)] or [b for b in rentang if b.tingkat == tingkat_anak]
        return atas
    return [b for b in rentang if b.tingkat == tingkat_anak]


@aturan(
    "jumlah_tidak_cocok",
    Tingkat.GALAT,
    penjelasan=(
        "Baris induk (urusan, program, kegiatan, TOTAL) yang jumlah Rupiahnya bukan jumlah baris di "
        "bawahnya pada kolom yang sama. Baris tanpa kode ditempatkan menurut penomorannya (I, i, 1)."
    ),
    contoh=(
        "Realisasi kegiatan di Tabel 3.16 tertulis 4.103.700.625, jumlah empat sub kegiatannya "
        "3.115.335.900 (selisih 988.364.725)."
    ),
)
def jumlah_tidak_cocok(dok: d.Dokumen) -> Iterable[Temuan]:
    """A parent row (urusan, program, kegiatan, TOTAL) whose Rupiah amount is not the sum of its children in the
    same column. Rows without codes are placed by their numbering (I, i, 1) or, failing that, by a column whose
    sum holds; a parent whose children cannot be placed is not checked.

    Contoh: Tabel 3.16's kegiatan realisation 4.103.700.625 against the sum of its four sub kegiatan,
    3.115.335.900."""
    for t in dok.tabel:
        for i, induk in enumerate(t.baris):
            if induk.tingkat not in (d.TOTAL, d.URUSAN, d.PROGRAM, d.KEGIATAN):
                continue
            anak = _anak(t.baris, i)
            if not anak:
                continue
            for k, sel in enumerate(induk.sel):
                a = d.aman_angka(sel)
                if a is None or a.jenis != "rp":
                    continue
                nilai_anak = [b.angka(k) for b in anak]
                if any(n is None or n.jenis not in ("rp", "angka") for n in nilai_anak):
                    continue
                jumlah = sum((n.nilai for n in nilai_anak), Decimal(0))
                if jumlah != a.nilai:
                    yield Temuan(
                        "jumlah_tidak_cocok",
                        Tingkat.GALAT,
                        f"{_label(induk)}: jumlah {len(anak)} baris di bawahnya {rp(jumlah)}, tertulis "
                        f"{rp(a.nilai)}, selisih {rp(abs(a.nilai - jumlah))}",
                        _lokasi(t, induk, k),
                    )


# ------------------------------------------------------------------------------------------------
# Percentages
# ------------------------------------------------------------------------------------------------


def _bulat(nilai: Decimal, desimal: int) -> Decimal:
    return nilai.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def _cocok(dihitung: Decimal, tertulis: Decimal, desimal: int) -> bool:
    """The printed percentage follows from the figures: rounded half-up (or cut off, as spreadsheets showing
    fewer places sometimes do) to the printed precision."""
    q = Decimal(1).scaleb(-desimal)
    return tertulis in (_bulat(dihitung, desimal), dihitung.quantize(q, rounding=ROUND_DOWN))


def _sel_persen(t: d.Tabel, b: d.Baris, k: int) -> d.Angka | None:
    a = b.angka(k)
    if a is None:
        return None
    if a.jenis == "persen" or (a.jenis == "angka" and "%" in t.judul_kolom(k)):
        return a
    return None


@aturan(
    "persen_tidak_cocok",
    Tingkat.GALAT,
    penjelasan=(
        "Persentase (serapan, % rencana) yang tidak mengikuti angka Rupiah dan pagu di baris yang sama "
        "sesudah dibulatkan ke ketelitian yang tercetak; tingkat efisiensi yang bukan capaian kinerja "
        "dikurangi serapan."
    ),
    contoh="Serapan tertulis 95,00% untuk realisasi 90.000.000 dari pagu 100.000.000 (seharusnya 90,00%).",
)
def persen_tidak_cocok(dok: d.Dokumen) -> Iterable[Temuan]:
    """A percentage printed right after a Rupiah amount (serapan, % rencana) that does not follow from that
    amount and the pagu of the same row, after rounding to the printed precision; and a tingkat efisiensi that
    is not capaian kinerja minus serapan.

    Contoh: Tabel 3.16 prints 96,79% for a realisation of 129.355.000 against a pagu of 100.000.000 (129,36%)."""
    for t in dok.tabel:
        for b in t.baris:
            serapan: Decimal | None = None
            for k in range(1, len(b.sel)):
                p = _sel_persen(t, b, k)
                kiri = b.angka(k - 1)
                if p is None or kiri is None or kiri.jenis != "rp":
                    continue
                penyebut = [
                    a.nilai for j in range(k - 1) if (a := b.angka(j)) is not None and a.jenis == "rp" and a.nilai
                ]
                if not penyebut:
                    continue
                hasil = [kiri.nilai * 100 / n for n in penyebut]
                if any(_cocok(h, p.nilai, p.desimal) for h in hasil):
                    serapan = p.nilai
                    continue
                yield Temuan(
                    "persen_tidak_cocok",
                    Tingkat.GALAT,
                    f"{_label(b)}: {rp(kiri.nilai)} / {rp(penyebut[0])} = {format_persen(hasil[0], 2)}, "
                    f"tertulis {format_persen(p.nilai, p.desimal)}",
                    _lokasi(t, b, k),
                )
            yield from _efisiensi(t, b, serapan)


def _efisiensi(t: d.Tabel, b: d.Baris, serapan: Decimal | None) -> Iterable[Temuan]:
    if serapan is None:
        return
    kolom = {k: t.judul_kolom(k) for k in range(len(b.sel))}
    ke = [k for k, j in kolom.items() if "EFISIENSI" in j]
    kc = [k for k, j in kolom.items() if "CAPAIAN" in j and "EFISIENSI" not in j]
    if not ke or not kc:
        return
    e, c = b.angka(ke[0]), b.angka(kc[0])
    if e is None or c is None:
        return
    harus = c.nilai - serapan
    if not _cocok(harus, e.nilai, e.desimal):
        yield Temuan(
            "persen_tidak_cocok",
            Tingkat.GALAT,
            f"{_label(b)}: tingkat efisiensi = capaian kinerja {format_persen(c.nilai, c.desimal)} - serapan "
            f"{format_persen(serapan, 2)} = {format_persen(harus, 2)}, tertulis {format_persen(e.nilai, e.desimal)}",
            _lokasi(t, b, ke[0]),
        )


_ANGKA_TEKS = r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?"
_CAPAIAN = re.compile(
    r"(capaian(?: kinerja)?|serapan(?: anggaran)?|efisiensi)[^.%]{0,60}?" + _ANGKA_TEKS + r"\s*(%|persen)", re.I
)
_TARGET = re.compile(r"target", re.I)
_PAGU = re.compile(r"pagu|anggaran", re.I)
_REALISASI = re.compile(r"realisasi", re.I)
_ANGKA_BEBAS = re.compile(r"(?<![\d.,])(?:Rp\.?\s*)?" + _ANGKA_TEKS + r"(?![\d%]|,\d|\s*%|\s*persen)")


def _angka_terakhir(teks: str) -> tuple[Decimal, str] | None:
    """The last plain number (not a percentage) in ``teks``."""
    hasil = None
    for m in _ANGKA_BEBAS.finditer(teks):
        try:
            hasil = (parse_angka(m.group(1) + ("," + m.group(2) if m.group(2) else "")), m.group(0).strip())
        except AngkaTidakValid:
            continue
    return hasil


@aturan(
    "capaian_teks_tidak_cocok",
    Tingkat.GALAT,
    penjelasan=(
        "Capaian, serapan atau efisiensi di narasi yang tidak mengikuti target (atau pagu) dan realisasi "
        "yang disebut bersamanya, sesudah dibulatkan ke ketelitian yang tercetak."
    ),
    contoh='"target 6.266 PPKS, realisasi 15.216 orang, sehingga Capaian Kinerja 240%": 15.216 / 6.266 = 242,83%.',
)
def capaian_teks_tidak_cocok(dok: d.Dokumen) -> Iterable[Temuan]:
    """A capaian, serapan or efisiensi stated in the narrative that does not follow from the target (or pagu) and
    realisation stated with it in the same passage, after rounding to the printed precision.

    Contoh: "target ... 6.266 PPKS, realisasi ... 15.216 orang, sehingga Capaian Kinerja 240%": 15.216 / 6.266
    = 242,83%."""
    for p in dok.paragraf:
        teks = p.teks.replace("*", "")
        for m in _CAPAIAN.finditer(teks):
            sebelum = teks[max(0, m.start() - 400) : m.start()]
            jenis = m.group(1).lower()
            if jenis.startswith("efisiensi"):
                continue
            penyebut = _PAGU if jenis.startswith("serapan") else _TARGET
            t_pos = [x.end() for x in penyebut.finditer(sebelum)]
            r_pos = [x.end() for x in _REALISASI.finditer(sebelum)]
            if not t_pos or not r_pos or r_pos[-1] < t_pos[-1]:
                continue
            target = _angka_terakhir(sebelum[t_pos[-1] : r_pos[-1]])
            realisasi = _angka_terakhir(sebelum[r_pos[-1] :])
            if target is None or realisasi is None or not target[0]:
                continue
            tertulis = parse_angka(m.group(2) + ("," + m.group(3) if m.group(3) else ""))
            desimal = len(m.group(3) or "")
            dihitung = realisasi[0] * 100 / target[0]
            if _cocok(dihitung, tertulis, desimal):
                continue
            yield Temuan(
                "capaian_teks_tidak_cocok",
                Tingkat.GALAT,
                f"{jenis} tertulis {format_persen(tertulis, desimal)}, padahal realisasi {realisasi[1]}"
                f" / {'pagu' if penyebut is _PAGU else 'target'} {target[1]} = {format_persen(dihitung, 2)}",
                Lokasi("narasi", p.nomor, None, teks[max(0, m.start() - 160) : m.end()].strip()),
            )


# ------------------------------------------------------------------------------------------------
# Realisation and pagu
# ------------------------------------------------------------------------------------------------


@aturan(
    "realisasi_melebihi_pagu",
    Tingkat.GALAT,
    penjelasan='Realisasi (kolom berjudul "Realisasi") di atas pagu atau anggaran baris yang sama.',
    contoh="Tabel 3.16: realisasi Rp. 129.355.000 dengan pagu Rp 100.000.000.",
)
def realisasi_melebihi_pagu(dok: d.Dokumen) -> Iterable[Temuan]:
    """A realisation (a column headed "Realisasi") above the pagu or budget of the same row.

    Contoh: Tabel 3.16, realisation Rp. 129.355.000 against a pagu of Rp 100.000.000."""
    for t in dok.tabel:
        kolom = {k: t.judul_kolom(k) for k in range(max((len(b.sel) for b in t.baris), default=0))}
        pagu = [k for k, j in kolom.items() if ("PAGU" in j or "ANGGARAN" in j) and "REALISASI" not in j]
        real = [k for k, j in kolom.items() if "REALISASI" in j]
        if not pagu or not real:
            continue
        for b in t.baris:
            p = next((a for k in pagu if (a := b.angka(k)) is not None and a.jenis == "rp"), None)
            if p is None:
                continue
            for k in real:
                r = b.angka(k)
                if r is not None and r.jenis == "rp" and r.nilai > p.nilai:
                    yield Temuan(
                        "realisasi_melebihi_pagu",
                        Tingkat.GALAT,
                        f"{_label(b)}: realisasi {rp(r.nilai)} melebihi pagu {rp(p.nilai)} "
                        f"(selisih {rp(r.nilai - p.nilai)})",
                        _lokasi(t, b, k),
                    )


# ------------------------------------------------------------------------------------------------
# Between tables
# ------------------------------------------------------------------------------------------------


def _kunci(nama: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", nama.lower()).strip()


@dataclass(frozen=True)
class _Isi:
    baris: d.Baris
    target: d.Angka | None
    kolom_target: int | None
    pagu: d.Angka | None
    kolom_pagu: int | None


def _isi_rencana(t: d.Tabel) -> dict[str, _Isi]:
    """Sub kegiatan rows with a target and a pagu, by name; names that occur twice in the table are left out
    (the same sub kegiatan under two kegiatan cannot be told apart by name)."""
    hasil: dict[str, _Isi] = {}
    ganda: set[str] = set()
    if not t.kepala:
        return hasil  # without a header the target columns (which year?) are unknown
    lebar = max((len(b.sel) for b in t.baris), default=0)
    kolom_target = {k for k in range(lebar) if "TARGET" in t.judul_kolom(k)}
    for b in t.baris:
        if b.tingkat != d.SUB or not b.nama:
            continue
        target = kt = pagu = kp = None
        sel_angka = [(k, a) for k, sel in enumerate(b.sel) if (a := d.aman_angka(sel)) is not None]
        satuan = [(k, a) for k, a in sel_angka if a.jenis == "satuan" and a.satuan]
        # the target under a "Target" heading; else (a page break shifted the cells) the first value with a unit
        pilihan = [(k, a) for k, a in satuan if k in kolom_target] or satuan
        if pilihan:
            kt, target = pilihan[0]
            pagu_sel = [(k, a) for k, a in sel_angka if a.jenis == "rp" and k > kt]
            if pagu_sel:
                kp, pagu = pagu_sel[0]
        if target is None or pagu is None:
            continue
        kunci = _kunci(b.nama)
        if kunci in hasil:
            ganda.add(kunci)
        hasil[kunci] = _Isi(b, target, kt, pagu, kp)
    return {k: v for k, v in hasil.items() if k not in ganda}


_SINGKATAN = {"org": "orang", "dok": "dokumen", "lap": "laporan", "keg": "kegiatan"}


def _satuan(s: str) -> str:
    s = s.lower().rstrip(".")
    return _SINGKATAN.get(s, s)


@aturan(
    "beda_antar_tabel",
    Tingkat.PERINGATAN,
    penjelasan=(
        "Sub kegiatan yang target, satuan atau pagunya berbeda antara dua tabel rencana dalam dokumen "
        "yang sama; dilaporkan sekali per pasangan tabel dan baris, di tabel yang kemudian."
    ),
    contoh='"Penyediaan Permakanan": 1800 Orang di Tabel 2.19, 500 Orang di tabel BAB IV.',
)
def beda_antar_tabel(dok: d.Dokumen) -> Iterable[Temuan]:
    """A sub kegiatan whose target, satuan or pagu differs between two plan tables of the same document (tables
    whose rows carry a target with its satuan and a pagu). Reported once per pair of tables and row, at the later
    table.

    Contoh: "Penyediaan Permakanan": 1800 Orang in Tabel 2.19, 500 Orang in the BAB IV table."""
    rencana = [(t, _isi_rencana(t)) for t in dok.tabel]
    rencana = [(t, isi) for t, isi in rencana if len(isi) >= 3]
    for i, (t1, isi1) in enumerate(rencana):
        for t2, isi2 in rencana[i + 1 :]:
            for kunci, a in isi1.items():
                b = isi2.get(kunci)
                if b is None:
                    continue
                beda = []
                if a.target.nilai != b.target.nilai:
                    beda.append(
                        f"target {format_angka(a.target.nilai, a.target.desimal)} di {t1.judul} baris "
                        f"{a.baris.nomor}, {format_angka(b.target.nilai, b.target.desimal)} di sini"
                    )
                if _satuan(a.target.satuan) != _satuan(b.target.satuan):
                    beda.append(f"satuan '{a.target.satuan}' di {t1.judul}, '{b.target.satuan}' di sini")
                if a.pagu.nilai != b.pagu.nilai:
                    beda.append(f"pagu {rp(a.pagu.nilai)} di {t1.judul}, {rp(b.pagu.nilai)} di sini")
                if beda:
                    yield Temuan(
                        "beda_antar_tabel",
                        Tingkat.PERINGATAN,
                        f"{_label(b.baris)}: " + "; ".join(beda),
                        _lokasi(t2, b.baris, b.kolom_target, b.baris.sel[b.kolom_target].strip()),
                    )


# ------------------------------------------------------------------------------------------------
# Narrative
# ------------------------------------------------------------------------------------------------

_RINGKASAN = re.compile(
    r"(\d+)\s*program\W{0,5}(?:dengan|,|dan)?\s*(\d+)\s*kegiatan\W{0,5}(?:dengan|,|dan)?\s*(\d+)\s*sub\s*kegiatan",
    re.I,
)
_RUPIAH_TEKS = re.compile(r"Rp\.?\s*(\d{1,3}(?:\.\d{3})+(?:,\d{2})?)")


def _hitungan(t: d.Tabel) -> set[tuple[int, ...]]:
    """Rows per level (program, kegiatan, sub kegiatan): counted as named rows, and as distinct row numbers (a
    row split by a page break keeps its number)."""
    tingkat = (d.PROGRAM, d.KEGIATAN, d.SUB)
    return {
        tuple(sum(1 for b in t.baris if b.tingkat == n and b.nama) for n in tingkat),
        tuple(len({b.nomor_urut for b in t.baris if b.tingkat == n and b.nomor_urut}) for n in tingkat),
    }


def _jumlah_kolom(t: d.Tabel) -> set[Decimal]:
    """Every Rupiah amount of a table, and per column the sums of its programs, kegiatan and sub kegiatan."""
    hasil: set[Decimal] = set()
    lebar = max((len(b.sel) for b in t.baris), default=0)
    for k in range(lebar):
        per_tingkat: dict[int, Decimal] = {}
        for b in t.baris:
            a = b.angka(k)
            if a is None or a.jenis != "rp":
                continue
            hasil.add(a.nilai)
            if b.tingkat is not None:
                per_tingkat[b.tingkat] = per_tingkat.get(b.tingkat, Decimal(0)) + a.nilai
        hasil.update(per_tingkat.values())
    per_tingkat = {}
    for b in t.baris:  # the row's first amount, wherever a page break shifted it
        a = next((a for s in b.sel if (a := d.aman_angka(s)) is not None and a.jenis == "rp"), None)
        if a is not None and b.tingkat is not None:
            per_tingkat[b.tingkat] = per_tingkat.get(b.tingkat, Decimal(0)) + a.nilai
    hasil.update(per_tingkat.values())
    return hasil


@aturan(
    "narasi_tidak_cocok",
    Tingkat.PERINGATAN,
    penjelasan=(
        'Kalimat ringkasan ("N Program, M Kegiatan dan K Sub Kegiatan ... pagu Rp X") yang hitungan atau '
        "totalnya tidak cocok dengan tabel mana pun di dokumen."
    ),
    contoh=(
        '"6 Program, 16 Kegiatan dan 68 Sub Kegiatan dengan usulan Pagu sebesar Rp. 39.606.686.100" cocok'
        " dengan Tabel 2.19 kedua, jadi tidak dilaporkan."
    ),
)
def narasi_tidak_cocok(dok: d.Dokumen) -> Iterable[Temuan]:
    """A summary sentence ("N Program, M Kegiatan dan K Sub Kegiatan ... pagu Rp X") whose counts or total match
    none of the document's tables (counted by level; the total as a cell or as a column's sum per level).

    Contoh: "6 Program, 16 Kegiatan dan 68 Sub Kegiatan dengan usulan Pagu sebesar Rp. 39.606.686.100" matches
    the second Tabel 2.19 and is not reported."""
    hitungan = {h for t in dok.tabel for h in _hitungan(t)}
    jumlah: set[Decimal] = set()
    for t in dok.tabel:
        jumlah |= _jumlah_kolom(t)
    for p in dok.paragraf:
        teks = p.teks.replace("*", "")
        for m in _RINGKASAN.finditer(teks):
            n = tuple(int(x) for x in m.groups())
            kutipan = teks[m.start() : m.end() + 120].strip()
            if n not in hitungan:
                yield Temuan(
                    "narasi_tidak_cocok",
                    Tingkat.PERINGATAN,
                    f"narasi menyebut {n[0]} program, {n[1]} kegiatan, {n[2]} sub kegiatan; tidak ada tabel dengan "
                    "hitungan itu",
                    Lokasi("narasi", p.nomor, None, kutipan),
                )
            uang = _RUPIAH_TEKS.search(teks, m.end(), m.end() + 200)
            if uang:
                nilai = parse_rupiah(uang.group(1))
                if nilai not in jumlah:
                    yield Temuan(
                        "narasi_tidak_cocok",
                        Tingkat.PERINGATAN,
                        f"narasi menyebut pagu Rp {rp(nilai)}; tidak ada tabel dengan jumlah itu",
                        Lokasi("narasi", p.nomor, None, uang.group(0)),
                    )


_TERBILANG = re.compile(
    r"(Rp\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(?:00|-))?,?-?\s*\(\s*([A-Za-z][A-Za-z\s]+?)\s*\)", re.I
)


@aturan(
    "terbilang_tidak_cocok",
    Tingkat.GALAT,
    penjelasan=(
        "Angka yang diikuti terbilang dalam kurung, tetapi terbilangnya menyebut angka lain; kata yang "
        "bukan bilangan sama sekali (salah ketik) menjadi peringatan."
    ),
    contoh=(
        '"2 (tiga)" tidak cocok; "Rp. 4.495.500.000,- (Empat Miliar empat ratus sembilan puluh lima juta '
        'lima ratus ribu rupiah)" cocok.'
    ),
)
def terbilang_tidak_cocok(dok: d.Dokumen) -> Iterable[Temuan]:
    """A number followed by its words in parentheses whose words say another number (renja.rumus.terbilang);
    words that are not a number at all (a typo such as "serratus") are a peringatan.

    Contoh: "Rp. 4.495.500.000,- (Empat Miliar empat ratus sembilan puluh lima juta lima ratus ribu rupiah)"
    holds; "2 (tiga)" does not."""
    for p in dok.paragraf:
        teks = p.teks.replace("*", "")
        for m in _TERBILANG.finditer(teks):
            kata = m.group(3)
            if not re.search(r"\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|se\w+)\b", kata, re.I):
                continue
            nilai = parse_angka(m.group(2))
            try:
                if "rupiah" in kata.lower():
                    dibaca = rupiah_dari_terbilang(kata)
                else:
                    dibaca = Decimal(angka_dari_terbilang(kata))
            except (TerbilangTidakValid, ValueError) as e:
                yield Temuan(
                    "terbilang_tidak_cocok",
                    Tingkat.PERINGATAN,
                    f"terbilang untuk {rp(nilai)} tidak dapat dibaca: {e}",
                    Lokasi("narasi", p.nomor, None, m.group(0)),
                )
                continue
            if dibaca != nilai:
                yield Temuan(
                    "terbilang_tidak_cocok",
                    Tingkat.GALAT,
                    f"angka {rp(nilai)} ditulis dengan kata-kata sebagai {rp(dibaca)}",
                    Lokasi("narasi", p.nomor, None, m.group(0)),
                )


def periksa(dok: d.Dokumen) -> list[Temuan]:
    """Run every rule; findings in rule order, each rule's in document order."""
    return [temuan for a in ATURAN for temuan in a.fungsi(dok)]
