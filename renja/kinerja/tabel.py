"""The evaluation tables as renja.inti.tabel models (one model, written as a page, an .xlsx and a CSV):

* E.81, the quarterly evaluation of the Renja (Permendagri 86/2017; REGULASI.md §3.3), columns 1-15 in the order
  the form lists them, each K/Rp pair under one number, plus two columns of ours (16, 17) labelled as such;
* T-C.29, the evaluation of the Renja of year n-2 in the Renja document of year n (REGULASI.md §3.2);
* LKjIP: Tabel 2.2 (IKU capaian) and the allocation per IKU (Tabel 3.9 / 3.16) with efisiensi by the OPD's method.

Numbers go in as Decimal (never text); blanks stay None ("belum ada data" in the notes, never 0).
"""

from __future__ import annotations

from decimal import Decimal

from renja.inti.tabel import Baris, Gaya, Jenis, Kolom, Sel, Tabel
from renja.kinerja.models import CapaianRenstraAwal
from renja.kinerja.selectors import AlokasiIku, IkuEval, KonteksE81
from renja.monev.evaluasi import EvalBaris, EvalIndikator, Evaluasi, MetodeEfisiensi
from renja.monev.selectors import ROMAWI
from renja.perencanaan.models import Agregasi, Level
from renja.perencanaan.targets import Target
from renja.rumus import capaian as rumus
from renja.rumus.uang import bulatkan
from renja.rumus.uang import jumlah as jumlah_uang

_GAYA = {Level.PROGRAM: Gaya.PROGRAM, Level.KEGIATAN: Gaya.KEGIATAN, Level.SUB_KEGIATAN: Gaya.BIASA}
_TINGKAT = {Level.PROGRAM: 0, Level.KEGIATAN: 1, Level.SUB_KEGIATAN: 2}
CATATAN_KOSONG = "Sel kosong = belum ada data (bukan 0)."


def _k(t: Target | None):
    """A kinerja cell: the number, the grade as text, or None."""
    if t is None or t.kosong:
        return None
    return t.grade or t.nilai


def _persen(h: rumus.HasilCapaian | Decimal | None) -> Decimal | None:
    if isinstance(h, rumus.HasilCapaian):
        return h.persen_bulat
    return None if h is None else bulatkan(h, 2)


def _indikator_baris(b: EvalBaris) -> list[EvalIndikator | None]:
    return list(b.indikator) or [None]


def _judul(ev: Evaluasi, nama: str) -> list[str]:
    return [nama, f"Renja {ev.renja.opd.nama} {ev.renja.opd.pemda.nama}", f"Periode pelaksanaan: {ev.periode}"]


def _catatan_data(ev: Evaluasi) -> str:
    tanpa = ev.tanpa_data
    teks = (
        f"Jumlah dan persentase keuangan mencakup {len(ev.berdata)} sub kegiatan yang berdata saja; "
        f"{len(tanpa)} sub kegiatan belum ada data"
    )
    if tanpa:
        teks += ": " + "; ".join(f"{b.kode} {b.nama}" for b in tanpa)
    return teks + "."


def _tanda_tangan(ev: Evaluasi) -> list[list[str]]:
    """E.81 signatures (REGULASI.md §3.3): "Disusun" by the head of the PD, "Dievaluasi" by the head of Bappeda,
    whose name the system does not hold (left to be written by hand)."""
    opd = ev.renja.opd
    kepala = getattr(opd, "kepala_nama", "") or ""
    nip = getattr(opd, "kepala_nip_tampil", "") or ""
    pangkat = getattr(opd, "kepala_pangkat", "") or ""
    jabatan = getattr(opd, "kepala_jabatan", "") or f"Kepala {opd.nama}"
    return [
        ["Disusun", jabatan, "", "", kepala or "(nama)", pangkat, f"NIP {nip}" if nip else ""],
        ["Dievaluasi", f"Kepala Bappeda {opd.pemda.nama}", "", "", "(nama)", "", ""],
    ]


# --- E.81 -----------------------------------------------------------------------------------------------------

_E81_PASANGAN = ("5", "6", "7", "8", "9", "10", "11", "12", "13", "14")


def _e81_kolom() -> list[Kolom]:
    kolom = [
        Kolom("no", "No", lebar=5),
        Kolom("sasaran", "Sasaran", lebar=24),
        Kolom("program", "Program/Kegiatan", lebar=40),
        Kolom("indikator", "Indikator", lebar=36),
    ]
    for n in _E81_PASANGAN:
        kolom.append(Kolom(f"k{n}", "K", Jenis.PERSEN if n == "14" else Jenis.DESIMAL, lebar=10))
        if n == "14":
            kolom.append(Kolom(f"rp{n}", "Rp", Jenis.PERSEN, lebar=11))
        else:
            kolom.append(Kolom(f"rp{n}", "Rp", Jenis.RUPIAH, lebar=17, desimal=0))
    kolom += [
        Kolom("unit", "Unit PD penanggung jawab", lebar=20),
        Kolom("capaian_tahunan", "Capaian", Jenis.PERSEN, lebar=11),
        Kolom("serapan", "Serapan", Jenis.PERSEN, lebar=11),
    ]
    return kolom


def _e81_kepala(ev: Evaluasi, tahun_akhir_renstra: int | None) -> list[list]:
    n = ev.renja.tahun
    akhir = f" {tahun_akhir_renstra}" if tahun_akhir_renstra else ""
    return [
        [
            Sel("No", rowspan=3),
            Sel("Sasaran", rowspan=3),
            Sel("Program/Kegiatan", rowspan=3),
            Sel("Indikator Kinerja Program (outcome)/ Kegiatan (output)", rowspan=3),
            Sel(f"Target Renstra PD pada Tahun{akhir} (Akhir Periode Renstra PD)", colspan=2, rowspan=2),
            Sel(f"Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu ({n - 1})", 2, 2),
            Sel(f"Target Kinerja dan Anggaran Renja PD Tahun Berjalan yang Dievaluasi ({n})", 2, 2),
            Sel("Realisasi Kinerja Pada Triwulan", colspan=8),
            Sel("Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi", 2, 2),
            Sel(f"Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun {n}", 2, 2),
            Sel(f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun {n} (%)", 2, 2),
            Sel("Unit PD Penanggung Jawab", rowspan=3),
            Sel("Tambahan aplikasi (bukan kolom E.81)", colspan=2),
        ],
        [
            *(Sel(ROMAWI[tw], colspan=2) for tw in range(1, 5)),
            Sel("Capaian tahunan 12/7 (%)", rowspan=2),
            Sel("Serapan Rp12/Rp7 (%)", rowspan=2),
        ],
        ["K", "Rp"] * 10,
    ]


def _kumulatif(ind: EvalIndikator | None, awal: CapaianRenstraAwal | None, tahun: int):
    """E.81 columns 6, 13, 14 for an indicator with a Renstra baseline: 13 = 6 + 12 for flows (jumlah), the latest
    value for levels (REGULASI.md §7, our design choice); 14 = 13 / 5 by polarity."""
    if ind is None or awal is None:
        return None, None, None, None
    target_akhir = Target(awal.target_akhir_nilai, awal.target_akhir_grade)
    sebelum = Target(awal.realisasi_nilai, awal.realisasi_grade) if awal.sampai_tahun == tahun - 1 else Target()
    if target_akhir.grade or sebelum.grade or ind.realisasi.grade:
        akhir = ind.realisasi if not ind.realisasi.kosong else sebelum
        hasil = rumus.capaian_peringkat(target=target_akhir.grade or None, realisasi=akhir.grade or None)
        return target_akhir, sebelum, akhir, hasil
    cara = rumus.CaraGabung.JUMLAH if ind.indikator.agregasi == Agregasi.JUMLAH else rumus.CaraGabung.TERAKHIR
    nilai = [sebelum.nilai, ind.realisasi.nilai]
    sampai = rumus.gabung_periode(nilai, cara=cara)
    hasil = rumus.capaian_kumulatif_renstra(
        target_akhir=target_akhir.nilai,
        realisasi_tahunan=nilai,
        cara=cara,
        polaritas=rumus.Polaritas.NEGATIF if ind.indikator.polaritas == "turun" else rumus.Polaritas.POSITIF,
    )
    return target_akhir, sebelum, Target(nilai=sampai), hasil


def _rp_renstra(b: EvalBaris, konteks: KonteksE81) -> tuple[Decimal | None, ...]:
    """E.81 Rp halves of columns 5, 6, 13, 14 for a row: the Renstra pagu of the period, the realisation of its
    earlier years, 13 = 6 + 12 and 14 = 13 / 5 (money summed in Rupiah, then a percentage)."""
    rp5, rp6, rp12 = konteks.rp_target.get(b.kode), konteks.rp6(b.kode), b.realisasi_total
    rp13 = jumlah_uang([rp6, rp12]) if rp6 is not None and rp12 is not None else None
    rp14 = rumus.serapan_anggaran(pagu=rp5, realisasi=rp13).persen_bulat if rp5 and rp13 is not None else None
    return rp5, rp6, rp13, rp14


def tabel_e81(ev: Evaluasi, *, konteks: KonteksE81 | None = None) -> Tabel:
    konteks = konteks or KonteksE81()
    awal = konteks.awal
    tahun_akhir_renstra = konteks.tahun_akhir_renstra
    akhir_tw = ev.triwulan_akhir
    baris: list[Baris] = []
    no = 0
    for b in ev.baris():
        if b.level == Level.PROGRAM:
            no += 1
        for i, ind in enumerate(_indikator_baris(b)):
            pertama = i == 0
            t5, t6, t13, c14 = _kumulatif(
                ind, awal.get((b.kode, ind.indikator.urutan)) if ind else None, ev.renja.tahun
            )
            rp5, rp6, rp13, rp14 = _rp_renstra(b, konteks) if pertama else (None,) * 4
            nilai = {
                "no": str(no) if b.level == Level.PROGRAM and pertama else "",
                "sasaran": konteks.sasaran.get(b.kode, "") if b.level == Level.PROGRAM and pertama else "",
                "program": f"{b.kode} {b.nama}" if pertama else "",
                "indikator": ind.indikator.uraian + (f" ({ind.indikator.satuan})" if ind.indikator.satuan else "")
                if ind
                else "",
                "k5": _k(t5),
                "rp5": rp5,
                "k6": _k(t6),
                "rp6": rp6,
                "rp13": rp13,
                "rp14": rp14,
                "k7": _k(ind.target) if ind else None,
                "rp7": b.pagu_total if pertama else None,
                "k12": _k(ind.realisasi) if ind else None,
                "rp12": b.realisasi_total if pertama else None,
                "k13": _k(t13),
                "k14": _persen(c14) if c14 else None,
                "unit": (b.row.unit.nama if b.row.unit else "") if pertama else "",
                "capaian_tahunan": _persen(ind.capaian) if ind else None,
                "serapan": _persen(b.serapan) if pertama else None,
            }
            for tw in range(1, 5):
                nilai[f"k{7 + tw}"] = _k(ind.per_triwulan[tw - 1]) if ind and tw <= akhir_tw else None
                nilai[f"rp{7 + tw}"] = b.realisasi_tw(tw) if pertama and tw <= akhir_tw else None
            baris.append(Baris(nilai, gaya=_GAYA[b.level], tingkat=_TINGKAT[b.level]))

    predikat = ev.predikat
    faktor = [b for b in ev.sub_kegiatan if b.faktor is not None]

    def gabung(attr: str) -> str:
        return "\n".join(f"{b.kode}: {getattr(b.faktor, attr)}" for b in faktor if getattr(b.faktor, attr))

    # the tindak lanjut typed with triwulan n is for triwulan n+1; with triwulan IV (and the year) for the next Renja
    tindak_tw, tindak_renja = ("", gabung("tindak_lanjut")) if akhir_tw == 4 else (gabung("tindak_lanjut"), "")

    n = len(_e81_kolom())
    sisa = n - 4
    kaki = [
        Baris(
            {
                "no": Sel("Jumlah (sub kegiatan berdata; Rupiah dijumlahkan, lalu dipersenkan)", colspan=4),
                "rp7": ev.pagu_total,
                **{f"rp{7 + tw}": _total_tw(ev, tw) if tw <= akhir_tw else None for tw in range(1, 5)},
                "rp12": ev.realisasi_total,
                "serapan": _persen(ev.serapan),
            },
            gaya=Gaya.TOTAL,
        ),
        Baris(
            {
                "no": Sel("Rata-rata capaian kinerja (%) (rata-rata dari persentase semua indikator)", colspan=4),
                "capaian_tahunan": _persen(ev.capaian_rata_rata),
            },
            gaya=Gaya.SUBTOTAL,
        ),
        Baris([Sel("Predikat kinerja", colspan=4), Sel(predikat.kriteria if predikat else "", colspan=n - 4)]),
        Baris([Sel("Faktor pendorong keberhasilan kinerja", 4), Sel(gabung("faktor_pendorong"), n - 4)]),
        Baris([Sel("Faktor penghambat pencapaian kinerja", 4), Sel(gabung("faktor_penghambat"), n - 4)]),
        Baris([Sel("Tindak lanjut yang diperlukan dalam triwulan berikutnya", 4), Sel(tindak_tw, n - 4)]),
        Baris(
            [
                Sel("Tindak lanjut yang diperlukan dalam Renja PD kabupaten/kota berikutnya", 4),
                Sel(tindak_renja, sisa),
            ]
        ),
        Baris(
            [
                Sel("Catatan", 4),
                Sel(f"{_catatan_data(ev)} {CATATAN_KOSONG} {_catatan_e81(ev)} {_catatan_renstra(konteks)}", n - 4),
            ]
        ),
    ]
    return Tabel(
        kolom=_e81_kolom(),
        baris=baris,
        judul=[
            "Evaluasi terhadap Hasil Renja Perangkat Daerah Lingkup Kabupaten/Kota (Tabel E.81)",
            *_judul(ev, "")[1:],
        ],
        kepala=_e81_kepala(ev, tahun_akhir_renstra),
        nomor_kolom=[1, 1, 1, 1, *([2] * 10), 1, 1, 1],
        kaki=kaki,
        tanda_tangan=_tanda_tangan(ev),
        nama_lembar="E.81",
        kolom_tingkat="program",
    )


def _catatan_e81(ev: Evaluasi) -> str:
    return (
        "Kolom 12 menggabungkan bulan-bulan s.d. akhir periode menurut agregasi tiap indikator (jumlah, nilai "
        "terakhir, rata-rata, tertinggi). Kolom 13 = 6 + 12 untuk indikator arus (jumlah), nilai terakhir untuk "
        "stok/persentase; kolom 14 = 13/5. Kolom 16-17 tambahan aplikasi: capaian tahunan 12/7 menurut polaritas dan "
        f"serapan Rp12/Rp7. {ev.metode.label}."
    )


def _catatan_renstra(konteks: KonteksE81) -> str:
    if konteks.rp_sebelum is None:
        sebelum = (
            f"kosong: Renja tahun {', '.join(map(str, konteks.tahun_sebelum))} periode Renstra ini belum semuanya "
            "ada di aplikasi"
            if konteks.tahun_sebelum
            else "kosong: tidak ada Renstra yang mencakup tahun ini"
        )
    elif konteks.tahun_sebelum:
        sebelum = f"jumlah realisasi Renja tahun {', '.join(map(str, konteks.tahun_sebelum))}"
    else:
        sebelum = "0: tahun ini tahun pertama periode Renstra"
    return (
        "Kolom 2: sasaran Renstra yang dilayani program menurut tabel program Renstra atau program pendukung IKU "
        "(kosong bila datanya tidak menautkan). Kolom 5 Rp: jumlah pagu indikatif Renstra seluruh periode (tabel "
        f"program Renstra); kolom 6 Rp: {sebelum}; kolom 13 Rp = 6 + 12; kolom 14 Rp = 13/5."
    )


def _total_tw(ev: Evaluasi, tw: int) -> Decimal | None:
    ada = [x for s in ev.berdata if (x := s.realisasi_tw(tw)) is not None]
    return jumlah_uang(ada) if ada else None


# --- T-C.29 ---------------------------------------------------------------------------------------------------


def tabel_tc29(
    ev: Evaluasi,
    *,
    awal: dict[tuple[str, int], CapaianRenstraAwal] | None = None,
    target_n1: dict[tuple[str, int], Target] | None = None,
    realisasi_n3: dict[tuple[str, int], Target] | None = None,
    tahun_akhir_renstra: int | None = None,
) -> Tabel:
    """T-C.29 for the year of `ev` (n-2 of the Renja document that quotes it). Column 5 is the realisation up to
    n-3 from a Renstra baseline the user entered; column 9 the target of the year after (Renja n-1) when known."""
    awal, target_n1, realisasi_n3 = awal or {}, target_n1 or {}, realisasi_n3 or {}
    n2 = ev.renja.tahun
    kolom = [
        Kolom("kode", "Kode", lebar=18),
        Kolom("uraian", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", lebar=40),
        Kolom("indikator", "Indikator Kinerja Program (outcome)/Kegiatan (output)", lebar=36),
        Kolom(
            "k4",
            f"Target Kinerja Capaian Program (Renstra PD) Tahun {tahun_akhir_renstra or ''}".strip(),
            Jenis.DESIMAL,
        ),
        Kolom("k5", f"Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d Tahun {n2 - 1}", Jenis.DESIMAL),
        Kolom("k6", "Target Renja", Jenis.DESIMAL),
        Kolom("k7", "Realisasi Renja", Jenis.DESIMAL),
        Kolom("k8", "Tingkat Realisasi (%)", Jenis.PERSEN),
        Kolom("k9", f"Target program dan kegiatan (Renja PD Tahun {n2 + 1})", Jenis.DESIMAL),
        Kolom("k10", "Realisasi Capaian Program dan Kegiatan s/d tahun berjalan", Jenis.DESIMAL),
        Kolom("k11", "Tingkat Capaian Realisasi Target Renstra (%)", Jenis.PERSEN),
        Kolom("catatan", "Catatan", lebar=24),
    ]
    kepala = [
        [
            Sel("Kode", rowspan=2),
            Sel(kolom[1].judul, rowspan=2),
            Sel(kolom[2].judul, rowspan=2),
            Sel(kolom[3].judul, rowspan=2),
            Sel(kolom[4].judul, rowspan=2),
            Sel(f"Target dan Realisasi Kinerja Program dan Kegiatan Tahun {n2}", colspan=3),
            Sel(kolom[8].judul, rowspan=2),
            Sel(f"Perkiraan Realisasi Capaian Target Renstra PD s/d Tahun {n2 + 1}", colspan=2),
            Sel("Catatan", rowspan=2),
        ],
        [
            "Target Renja",
            "Realisasi Renja",
            "Tingkat Realisasi (%)",
            "Realisasi Capaian (5+7+9)",
            "Tingkat Capaian (%)",
        ],
    ]
    baris = []
    for b in ev.baris():
        for i, ind in enumerate(_indikator_baris(b)):
            a = awal.get((b.kode, ind.indikator.urutan)) if ind else None
            t4 = Target(a.target_akhir_nilai, a.target_akhir_grade) if a else Target()
            t5 = realisasi_n3.get((b.kode, ind.indikator.urutan)) if ind else None
            if t5 is None:
                t5 = Target(a.realisasi_nilai, a.realisasi_grade) if a and a.sampai_tahun == n2 - 1 else Target()
            t9 = target_n1.get((b.kode, ind.indikator.urutan)) if ind else None
            if t9 is None:
                t9 = Target(a.target_berikut_nilai, a.target_berikut_grade) if a else Target()
            # column 10: (5) + (7) + (9) for flows (jumlah); for levels (stock, %, index) the latest of them, as
            # column 13 of E.81 (REGULASI.md §7; the form adds for every indicator, which gives 300 % for 100 %s)
            k10 = None
            if ind and not any(x.grade for x in (t5, ind.realisasi, t9)) and None not in (t5.nilai, t9.nilai):
                if ind.indikator.agregasi == Agregasi.JUMLAH:
                    k10 = jumlah_uang([t5.nilai, ind.realisasi.nilai or 0, t9.nilai])
                else:
                    k10 = t9.nilai
            k11 = rumus.capaian(target=t4.nilai, realisasi=k10) if k10 is not None and t4.nilai else None
            baris.append(
                Baris(
                    {
                        "kode": b.kode if i == 0 else "",
                        "uraian": b.nama if i == 0 else "",
                        "indikator": ind.indikator.uraian if ind else "",
                        "k4": _k(t4),
                        "k5": _k(t5),
                        "k6": _k(ind.target) if ind else None,
                        "k7": _k(ind.realisasi) if ind else None,
                        "k8": _persen(ind.capaian) if ind else None,
                        "k9": _k(t9),
                        "k10": k10,
                        "k11": _persen(k11) if k11 else None,
                    },
                    gaya=_GAYA[b.level],
                    tingkat=_TINGKAT[b.level],
                )
            )
    kaki = [
        Baris(
            [
                Sel("Catatan", 3),
                Sel(
                    f"{CATATAN_KOSONG} Kolom 5 dari realisasi tahun sebelumnya atau basis Renstra isian perencana; "
                    "kolom 8 = 7/6 menurut polaritas; kolom 10 = 5 + 7 + 9 untuk indikator arus (jumlah), nilai "
                    "terakhir untuk stok/persentase/indeks (perkiraan, memakai target tahun berikutnya); "
                    "kolom 11 = 10/4.",
                    9,
                ),
            ]
        )
    ]
    return Tabel(
        kolom=kolom,
        baris=baris,
        judul=[
            f"Tabel T-C.29 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja PD dan Pencapaian Renstra PD s/d Tahun {n2}",
            f"{ev.renja.opd.nama} {ev.renja.opd.pemda.nama}",
        ],
        kepala=kepala,
        nomor_kolom=True,
        kaki=kaki,
        nama_lembar="T-C.29",
        kolom_tingkat="uraian",
    )


# --- LKjIP ----------------------------------------------------------------------------------------------------


def tabel_iku(iku: list[IkuEval], *, tahun: int, opd_nama: str) -> Tabel:
    """Tabel 2.2: capaian kinerja per IKU, with the counts behind a percentage."""
    kolom = [
        Kolom("no", "No", lebar=5),
        Kolom("sasaran", "Sasaran", lebar=36),
        Kolom("indikator", "Indikator Sasaran", lebar=36),
        Kolom("satuan", "Satuan", lebar=9),
        Kolom("target", "Target", Jenis.DESIMAL),
        Kolom("realisasi", "Realisasi", Jenis.DESIMAL),
        Kolom("capaian", "Capaian (%)", Jenis.PERSEN),
        Kolom("predikat", "Predikat", lebar=14),
        Kolom("angka", "Angka di balik realisasi", lebar=44),
    ]
    baris, sasaran_terakhir, no = [], None, 0
    for i in iku:
        baru = i.sasaran != sasaran_terakhir
        if baru:
            no += 1
            sasaran_terakhir = i.sasaran
        angka = ""
        if i.ada_angka:
            r = i.realisasi_obj
            angka = (
                f"realisasi {rumus_format(r.jumlah_realisasi)} dari basis {rumus_format(r.jumlah_basis)} = "
                f"{rumus_persen(i.realisasi_persen)}; target {rumus_format(i.target_jumlah)} "
                f"({rumus_format(i.target.nilai)}% dari {rumus_format(r.jumlah_basis)}); capaian = "
                f"{rumus_format(r.jumlah_realisasi)} / {rumus_format(i.target_jumlah)}"
            )
        elif i.realisasi_obj is not None and i.realisasi_obj.nilai_pendukung:
            angka = i.realisasi_obj.nilai_pendukung
        realisasi = i.realisasi
        baris.append(
            Baris(
                {
                    "no": str(no) if baru else "",
                    "sasaran": i.sasaran if baru else "",
                    "indikator": i.indikator.uraian,
                    "satuan": i.indikator.satuan,
                    "target": _k(i.target),
                    "realisasi": bulatkan(realisasi.nilai, 2) if realisasi.nilai is not None else _k(realisasi),
                    "capaian": _persen(i.capaian),
                    "predikat": i.predikat.label_lkjip if i.predikat else "",
                    "angka": angka,
                }
            )
        )
    return Tabel(
        kolom=kolom,
        baris=baris,
        judul=[f"Capaian Kinerja {opd_nama} Tahun {tahun} (seperti Tabel 2.2 LKjIP)"],
        nomor_kolom=True,
        kaki=[
            Baris(
                [
                    Sel(
                        f"Capaian menurut polaritas; predikat IKU bertarget predikat pada skala ordinal. "
                        f"{CATATAN_KOSONG}",
                        9,
                    )
                ]
            )
        ],
        nama_lembar="IKU",
    )


def rumus_format(n) -> str:
    from renja.rumus.angka import format_angka

    if n is None:
        return "-"
    d = Decimal(n)
    return format_angka(d, desimal=0 if d == d.to_integral_value() else 2)


def rumus_persen(n) -> str:
    from renja.rumus.angka import format_persen

    return "-" if n is None else format_persen(n)


def tabel_alokasi(alokasi: AlokasiIku, *, metode: MetodeEfisiensi, nomor: str = "") -> Tabel:
    """Alokasi dan realisasi anggaran serta tingkat efisiensi untuk satu IKU (like the seed's Tabel 3.9 / 3.16)."""
    efis_judul = {
        MetodeEfisiensi.A: "Indeks efisiensi (A)",
        MetodeEfisiensi.B: "Nilai efisiensi (B)",
        MetodeEfisiensi.C: "Tingkat efisiensi (%) (C)",
    }[metode]
    kolom = [
        Kolom("kode", "Kode", lebar=18),
        Kolom("uraian", "Program/Kegiatan/Sub Kegiatan", lebar=44),
        Kolom("pagu", "Pagu Anggaran (Rp)", Jenis.RUPIAH, desimal=0),
        Kolom("realisasi", "Realisasi (Rp)", Jenis.RUPIAH, desimal=0),
        Kolom("serapan", "Realisasi (%)", Jenis.PERSEN),
        Kolom("capaian", "Capaian Kinerja (%)", Jenis.PERSEN),
        Kolom("efisiensi", efis_judul, Jenis.ANGKA, desimal=2),
        Kolom("catatan", "Catatan", lebar=26),
    ]
    baris = []
    for p in alokasi.program:
        for b in [p, *(x for k in p.anak for x in (k, *k.anak))]:
            if not b.ada_data_keuangan:
                continue
            catatan = []
            if b.melebihi_pagu:
                catatan.append("realisasi melebihi pagu")
            if b.capaian_rerata:
                catatan.append("capaian = rata-rata capaian baris di bawahnya")
            baris.append(
                Baris(
                    {
                        "kode": b.kode,
                        "uraian": b.nama,
                        "pagu": b.pagu_total,
                        "realisasi": b.realisasi_total,
                        "serapan": _persen(b.serapan),
                        "capaian": _persen(b.capaian),
                        "efisiensi": b.efisiensi.nilai_bulat,
                        "catatan": "; ".join(catatan),
                    },
                    gaya=_GAYA[b.level],
                    tingkat=_TINGKAT[b.level],
                )
            )
    kaki = [
        Baris(
            {
                "kode": Sel("Total (Rupiah dijumlahkan, lalu dipersenkan)", 2),
                "pagu": alokasi.pagu,
                "realisasi": alokasi.realisasi,
                "serapan": _persen(alokasi.serapan),
            },
            gaya=Gaya.TOTAL,
        ),
        Baris([Sel("Catatan", 2), Sel(f"{metode.label}. Hanya sub kegiatan berdata. {CATATAN_KOSONG}", 6)]),
    ]
    return Tabel(
        kolom=kolom,
        baris=baris,
        judul=[
            f"{nomor} Alokasi dan Realisasi Anggaran serta Tingkat Efisiensi untuk Indikator Kinerja Utama "
            f"{alokasi.iku.indikator.uraian}".strip()
        ],
        kaki=kaki,
        nama_lembar=f"Alokasi {alokasi.iku.indikator.uraian[:20]}",
        kolom_tingkat="uraian",
    )
