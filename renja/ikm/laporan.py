"""The survey report of a period (PermenPANRB 14/2017, REGULASI.md §1) as PDF and DOCX, and the raw responses as
XLSX. A minimal generator of its own: the report is a list of renja.inti.tabel tables (the same model the XLSX
writer takes), rendered to HTML for WeasyPrint (imported lazily) and to a python-docx document. The documents work
builds a shared generator; this one can be switched to it later without changing the tables.

Tables: the interval table (nilai persepsi, interval IKM, konversi, mutu, kinerja unit), NRR per unsur with the NRR
tertimbang and the IKM, the results per layanan with the sample size, the respondents by profile, the priorities
for improvement and the suggestions."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from renja.ikm.hasil import HasilPeriode, Ringkasan
from renja.ikm.models import JUMLAH_UNSUR, Responden
from renja.inti.tabel import Baris, Gaya, Jenis, Kolom, Tabel, tulis_xlsx
from renja.kinerja.html import tabel_html
from renja.rumus import parameter
from renja.rumus.angka import format_angka

CSS_LAPORAN = Path(__file__).resolve().parent.parent / "static" / "renja" / "ikm_laporan.css"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Laporan:
    judul: str
    subjudul: list[str]
    paragraf: list[str]
    tabel: list[Tabel] = field(default_factory=list)


def tabel_interval() -> Tabel:
    """The interval table (REGULASI.md §1.4; seed Tabel 3.3) from renja.rumus.parameter.INTERVAL_MUTU_IKM."""
    baris = []
    bawah = {
        1: ("1,00 - 2,5996", "25,00 - 64,99"),
        2: ("2,60 - 3,064", "65,00 - 76,60"),
        3: ("3,0644 - 3,532", "76,61 - 88,30"),
        4: ("3,5324 - 4,00", "88,31 - 100,00"),
    }
    for _batas, persepsi, mutu, kinerja in sorted(parameter.INTERVAL_MUTU_IKM.nilai, key=lambda r: r[1]):
        ni, nik = bawah[persepsi]
        baris.append(Baris([persepsi, ni, nik, mutu, kinerja]))
    return Tabel(
        kolom=[
            Kolom("persepsi", "Nilai persepsi", Jenis.ANGKA),
            Kolom("ni", "Nilai interval (NI)"),
            Kolom("nik", "Nilai interval konversi (NIK)"),
            Kolom("mutu", "Mutu pelayanan"),
            Kolom("kinerja", "Kinerja unit pelayanan"),
        ],
        judul=["Tabel 1. Nilai persepsi, interval IKM, interval konversi IKM, mutu dan kinerja unit pelayanan"],
        baris=baris,
        nama_lembar="Interval",
    )


def tabel_nrr(r: Ringkasan, *, nomor: int = 2) -> Tabel:
    baris = [
        Baris([f"U{u.nomor}", u.nama, *u.sebaran, u.jumlah_nilai, u.jumlah_jawaban, u.nrr, u.nrr_tertimbang])
        for u in r.unsur
    ]
    h = r.hasil
    kaki = []
    if h is not None:
        kaki = [
            Baris(
                ["", "IKM unit pelayanan (jumlah NRR tertimbang)", "", "", "", "", "", "", "", h.nilai_bulat],
                Gaya.TOTAL,
            ),
            Baris(["", "Nilai konversi (IKM x 25)", "", "", "", "", "", "", "", h.konversi_bulat], Gaya.TOTAL),
            Baris(
                ["", "Mutu pelayanan / kinerja unit", "", "", "", "", "", "", "", f"{h.mutu.mutu} ({h.mutu.kinerja})"],
                Gaya.TOTAL,
            ),
        ]
    bobot = r.bobot
    return Tabel(
        kolom=[
            Kolom("no", "No"),
            Kolom("unsur", "Unsur pelayanan"),
            Kolom("j1", "Jawaban 1", Jenis.ANGKA),
            Kolom("j2", "Jawaban 2", Jenis.ANGKA),
            Kolom("j3", "Jawaban 3", Jenis.ANGKA),
            Kolom("j4", "Jawaban 4", Jenis.ANGKA),
            Kolom("jumlah", "Jumlah nilai", Jenis.ANGKA),
            Kolom("n", "Responden menjawab", Jenis.ANGKA),
            Kolom("nrr", "NRR", Jenis.ANGKA, desimal=3),
            Kolom("nrrt", "NRR tertimbang", Jenis.ANGKA, desimal=4),
        ],
        judul=[
            f"Tabel {nomor}. Nilai rata-rata (NRR) per unsur dan IKM: {r.judul} ({r.responden} responden)",
            "NRR = jumlah nilai / responden yang menjawab; NRR tertimbang = NRR x bobot "
            + (f"1/{round(1 / bobot)}" if bobot else "-")
            + " (bobot tepat, bukan 0,111 lembar kerja); IKM = jumlah NRR tertimbang; konversi = IKM x 25.",
        ],
        baris=baris,
        kaki=kaki,
        nama_lembar="NRR",
    )


def _konversi(r: Ringkasan):
    return (None, "", "") if r.hasil is None else (r.hasil.konversi_bulat, r.hasil.mutu.mutu, r.hasil.mutu.kinerja)


def tabel_layanan(h: HasilPeriode, *, nomor: int = 3) -> Tabel:
    baris = []
    for x in h.per_layanan:
        k, m, kin = _konversi(x.ringkasan)
        baris.append(
            Baris(
                [
                    x.layanan.kode,
                    x.layanan.nama,
                    x.ringkasan.responden,
                    x.sampel.populasi,
                    x.sampel.dibutuhkan,
                    f"kurang {x.sampel.kurang}" if x.sampel.kurang else ("cukup" if x.sampel.dibutuhkan else "-"),
                    None if x.ringkasan.hasil is None else x.ringkasan.hasil.nilai_bulat,
                    k,
                    m,
                    kin,
                ]
            )
        )
    k, m, kin = _konversi(h.keseluruhan)
    s = h.sampel
    kaki = [
        Baris(
            [
                "",
                "Seluruh layanan",
                h.keseluruhan.responden,
                s.populasi,
                s.dibutuhkan,
                f"kurang {s.kurang}" if s.kurang else ("cukup" if s.dibutuhkan else "-"),
                None if h.keseluruhan.hasil is None else h.keseluruhan.hasil.nilai_bulat,
                k,
                m,
                kin,
            ],
            Gaya.TOTAL,
        )
    ]
    return Tabel(
        kolom=[
            Kolom("kode", "Kode"),
            Kolom("layanan", "Layanan"),
            Kolom("responden", "Responden", Jenis.ANGKA),
            Kolom("populasi", "Populasi", Jenis.ANGKA),
            Kolom("sampel", "Sampel minimal (Krejcie-Morgan)", Jenis.ANGKA),
            Kolom("status", "Kecukupan sampel"),
            Kolom("ikm", "IKM", Jenis.ANGKA, desimal=4),
            Kolom("konversi", "Konversi", Jenis.ANGKA, desimal=2),
            Kolom("mutu", "Mutu"),
            Kolom("kinerja", "Kinerja unit"),
        ],
        judul=[f"Tabel {nomor}. IKM per layanan dan kecukupan sampel"],
        baris=baris,
        kaki=kaki,
        nama_lembar="Layanan",
    )


def tabel_profil(h: HasilPeriode, *, nomor: int = 4) -> Tabel:
    baris = []
    for _kolom, label, daftar in h.profil:
        baris.append(Baris([label, "", None, None, "", ""], Gaya.KEGIATAN))
        for b in daftar:
            k, m, _kin = _konversi(b.ringkasan)
            persen = None
            if h.keseluruhan.responden:
                persen = Decimal(b.ringkasan.responden * 100) / Decimal(h.keseluruhan.responden)
            baris.append(Baris(["", b.label, b.ringkasan.responden, persen, k, m], tingkat=1))
    return Tabel(
        kolom=[
            Kolom("profil", "Profil"),
            Kolom("pita", "Kelompok"),
            Kolom("n", "Responden", Jenis.ANGKA),
            Kolom("persen", "Persentase", Jenis.PERSEN),
            Kolom("konversi", "IKM (konversi)", Jenis.ANGKA, desimal=2),
            Kolom("mutu", "Mutu"),
        ],
        judul=[f"Tabel {nomor}. Responden menurut profil"],
        baris=baris,
        nama_lembar="Profil",
    )


def tabel_prioritas(r: Ringkasan, *, nomor: int = 5) -> Tabel:
    return Tabel(
        kolom=[
            Kolom("urutan", "Urutan", Jenis.ANGKA),
            Kolom("unsur", "Unsur"),
            Kolom("nrr", "NRR", Jenis.ANGKA, desimal=3),
            Kolom("konversi", "Konversi", Jenis.ANGKA, desimal=2),
        ],
        judul=[f"Tabel {nomor}. Prioritas perbaikan: unsur dengan NRR terendah"],
        baris=[Baris([i, f"U{u.nomor} {u.nama}", u.nrr, u.konversi]) for i, u in enumerate(r.prioritas, start=1)],
        nama_lembar="Prioritas",
    )


def tabel_saran(h: HasilPeriode, *, nomor: int = 6) -> Tabel:
    return Tabel(
        kolom=[Kolom("no", "No", Jenis.ANGKA), Kolom("layanan", "Layanan"), Kolom("saran", "Saran dan masukan")],
        judul=[f"Tabel {nomor}. Saran dan masukan responden ({h.jumlah_saran})"],
        baris=[Baris([i, s.layanan, s.teks]) for i, s in enumerate(h.saran, start=1)],
        nama_lembar="Saran",
    )


def laporan(h: HasilPeriode) -> Laporan:
    p = h.periode
    r = h.keseluruhan
    paragraf = [
        f"Survei Kepuasan Masyarakat (SKM) {p.opd.nama} periode {p.nama} ({p.mulai:%d-%m-%Y} s.d. "
        f"{p.selesai:%d-%m-%Y}) disusun menurut Peraturan Menteri PANRB Nomor 14 Tahun 2017 dengan 9 unsur "
        f"pelayanan, setiap unsur dijawab dengan skala 1 (terburuk) sampai 4 (terbaik).",
        f"Jumlah responden: {r.responden}."
        + (
            f" Sampel minimal menurut Krejcie-Morgan untuk populasi {format_angka(h.sampel.populasi)}: "
            f"{h.sampel.dibutuhkan} responden"
            + (f" (kurang {h.sampel.kurang})." if h.sampel.kurang else " (terpenuhi).")
            if h.sampel.dibutuhkan
            else ""
        ),
    ]
    if r.hasil is not None:
        paragraf.append(
            f"Nilai IKM unit pelayanan {format_angka(r.hasil.nilai_bulat, 4)}, nilai konversi "
            f"{format_angka(r.hasil.konversi_bulat, 2)}, mutu pelayanan {r.hasil.mutu.mutu}, kinerja unit "
            f"pelayanan {r.hasil.mutu.kinerja}."
        )
    if h.sintetis:
        paragraf.append("Catatan: periode ini memuat responden SINTETIS (data demo), bukan hasil survei sungguhan.")
    if h.layanan_dipilih is not None:
        paragraf.append(f"Laporan ini hanya untuk layanan {h.layanan_dipilih.kode} {h.layanan_dipilih.nama}.")
    tabel = [tabel_interval(), tabel_nrr(r), tabel_layanan(h), tabel_profil(h)]
    if r.prioritas:
        tabel.append(tabel_prioritas(r))
    if h.saran:
        tabel.append(tabel_saran(h, nomor=len(tabel) + 1))
    return Laporan(
        judul="Laporan Survei Kepuasan Masyarakat",
        subjudul=[p.opd.nama, f"Periode {p.nama} (kode {p.kode})"],
        paragraf=paragraf,
        tabel=tabel,
    )


def laporan_html(lap: Laporan) -> str:
    return render_to_string(
        "ikm/hasil_laporan.html",
        {"lap": lap, "tables": [tabel_html(t) for t in lap.tabel], "dibuat": timezone.localtime()},
    )


def laporan_pdf(h: HasilPeriode) -> bytes:
    from weasyprint import CSS, HTML  # lazily: pango is loaded only when a PDF is made

    return HTML(string=laporan_html(laporan(h))).write_pdf(stylesheets=[CSS(filename=str(CSS_LAPORAN))])


def laporan_docx(h: HasilPeriode) -> bytes:
    from docx import Document
    from docx.shared import Pt

    lap = laporan(h)
    doc = Document()
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Normal"].font.size = Pt(9)
    doc.add_heading(lap.judul, level=0)
    for s in lap.subjudul:
        doc.add_paragraph(s).runs[0].bold = True
    for p in lap.paragraf:
        doc.add_paragraph(p)
    for t in lap.tabel:
        th = tabel_html(t)
        for j in th["judul"]:
            doc.add_paragraph(j).runs[0].bold = True
        n = len(t.kolom)
        tbl = doc.add_table(rows=0, cols=n)
        tbl.style = "Table Grid"
        for row in th["kepala"]:
            cells = tbl.add_row().cells
            col = 0
            for s in row:
                cells[col].text = s.teks
                for para in cells[col].paragraphs:
                    for run in para.runs:
                        run.bold = True
                col += s.colspan
        for b in th["baris"] + th["kaki"]:
            cells = tbl.add_row().cells
            col = 0
            for s in b["sel"]:
                cells[col].text = s.teks
                col += s.colspan
        doc.add_paragraph("")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def tabel_responden(periode, *, layanan=None) -> Tabel:
    """Every response of the period, one row each (the raw data behind the figures)."""
    qs = Responden.objects.filter(periode=periode).select_related("layanan").order_by("waktu", "id")
    if layanan is not None:
        qs = qs.filter(layanan=layanan)
    kolom = [
        Kolom("id", "ID", Jenis.ANGKA),
        Kolom("waktu", "Waktu", Jenis.TANGGAL),
        Kolom("sumber", "Sumber"),
        Kolom("layanan", "Layanan"),
        Kolom("jenis_kelamin", "Jenis kelamin"),
        Kolom("kelompok_usia", "Kelompok usia"),
        Kolom("pendidikan", "Pendidikan"),
        Kolom("pekerjaan", "Pekerjaan"),
        *[Kolom(f"u{i}", f"U{i}", Jenis.ANGKA, lebar=6) for i in range(1, JUMLAH_UNSUR + 1)],
        Kolom("saran", "Saran", lebar=50),
    ]
    baris = [
        Baris(
            {
                "id": r.pk,
                "waktu": r.waktu,
                "sumber": r.get_sumber_display(),
                "layanan": r.layanan.kode,
                "jenis_kelamin": r.jenis_kelamin,
                "kelompok_usia": r.kelompok_usia,
                "pendidikan": r.pendidikan,
                "pekerjaan": r.pekerjaan,
                **{f"u{i}": getattr(r, f"u{i}") for i in range(1, JUMLAH_UNSUR + 1)},
                "saran": r.saran,
            }
        )
        for r in qs.iterator(chunk_size=2000)
    ]
    return Tabel(
        kolom=kolom,
        judul=[f"Data mentah responden: {periode.opd.nama}, periode {periode.nama} (kode {periode.kode})"],
        baris=baris,
        nama_lembar="Responden",
    )


def responden_xlsx(h: HasilPeriode) -> bytes:
    lap = laporan(h)
    return tulis_xlsx([tabel_responden(h.periode, layanan=h.layanan_dipilih), *lap.tabel])
