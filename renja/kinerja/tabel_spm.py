"""The service tables of the Renja document as renja.inti.tabel models:

* T-C.30, pencapaian kinerja pelayanan perangkat daerah (REGULASI.md §3.2; the seed's Tabel 2.3, baris 411-425):
  indikator, SPM / standar nasional, IKK, target Renstra n-3..n, realisasi n-3..n-2, proyeksi n-1..n, catatan;
* the SPM targets of year n per basic service (the seed's second Tabel 3.2, baris 1038-1047).

Empty cells stay empty (None): a figure nobody entered is not 0.
"""

from __future__ import annotations

from renja.inti.tabel import Baris, Jenis, Kolom, Sel, Tabel
from renja.rumus.spm import JenisPelayananDasar

CATATAN_KOSONG = "Sel kosong = belum ada data (bukan 0)."


def tabel_tc30(baris: list, *, tahun: int, opd_nama: str) -> Tabel:
    """T-C.30 for the Renja of `tahun` (n) from kinerja.selectors.kinerja_pelayanan_list. Lines sharing an
    indicator form one group: its number, indicator and IKK are printed once, as the seed merges them."""
    target_t = list(range(tahun - 3, tahun + 1))
    realisasi_t = list(range(tahun - 3, tahun - 1))
    proyeksi_t = [tahun - 1, tahun]
    kolom = [
        Kolom("no", "No", lebar=5),
        Kolom("indikator", "Indikator", lebar=40),
        Kolom("spm", "Standar Pelayanan Minimal", lebar=40),
        Kolom("ikk", "IKK", lebar=24),
        Kolom("satuan", "Satuan", lebar=8),
        *(Kolom(f"t{t}", f"Tahun {t}", Jenis.DESIMAL, lebar=9) for t in target_t),
        *(Kolom(f"r{t}", f"Tahun {t}", Jenis.DESIMAL, lebar=9) for t in realisasi_t),
        *(Kolom(f"p{t}", f"Tahun {t}", Jenis.DESIMAL, lebar=9) for t in proyeksi_t),
        Kolom("catatan", "Catatan Analisis", lebar=30),
    ]
    kepala = [
        [
            Sel("No", rowspan=2),
            Sel("Indikator", rowspan=2),
            Sel("Standar Pelayanan Minimal", rowspan=2),
            Sel("IKK", rowspan=2),
            Sel("Satuan", rowspan=2),
            Sel("Target Renstra", colspan=len(target_t)),
            Sel("Realisasi Capaian", colspan=len(realisasi_t)),
            Sel("Proyeksi", colspan=len(proyeksi_t)),
            Sel("Catatan Analisis", rowspan=2),
        ],
        [f"Tahun {t}" for t in [*target_t, *realisasi_t, *proyeksi_t]],
    ]
    rows, no, sebelumnya = [], 0, None
    for b in baris:
        baru = b.indikator != sebelumnya
        if baru:
            no += 1
            sebelumnya = b.indikator
        per_tahun = {x.tahun: x for x in b.tahun_nilai.all()}
        nilai = {
            "no": str(no) if baru else "",
            "indikator": b.indikator if baru else "",
            "spm": b.spm,
            "ikk": b.ikk if baru else "",
            "satuan": b.satuan,
            "catatan": b.catatan,
        }
        for t in target_t:
            nilai[f"t{t}"] = per_tahun[t].target if t in per_tahun else None
        for t in realisasi_t:
            nilai[f"r{t}"] = per_tahun[t].realisasi if t in per_tahun else None
        for t in proyeksi_t:
            nilai[f"p{t}"] = per_tahun[t].proyeksi if t in per_tahun else None
        rows.append(Baris(nilai))
    return Tabel(
        kolom=kolom,
        baris=rows,
        judul=[f"Tabel T-C.30 Pencapaian Kinerja Pelayanan {opd_nama}", f"Renja Tahun {tahun}"],
        kepala=kepala,
        nomor_kolom=True,
        kaki=[Baris([Sel("Catatan", 2), Sel(CATATAN_KOSONG, len(kolom) - 2)])],
        nama_lembar="T-C.30",
    )


def tabel_spm(targets: list, *, tahun: int, opd_nama: str) -> Tabel:
    """Target SPM per jenis pelayanan dasar for `tahun` (kinerja.selectors.spm_target_list), one line per basic
    service of PP 2/2018 in its order; a service without a stored target shows an empty target."""
    kolom = [
        Kolom("no", "No", lebar=5),
        Kolom("jenis", "Jenis Pelayanan Dasar (SPM)", lebar=44),
        Kolom("indikator", "Indikator Capaian", lebar=56),
        Kolom("target", f"Target {tahun}", Jenis.DESIMAL, lebar=10),
        Kolom("satuan", "Satuan", lebar=10),
    ]
    kepala = [
        [
            Sel("No"),
            Sel("Jenis Pelayanan Dasar (SPM)"),
            Sel("Indikator Capaian"),
            Sel(f"Target {tahun}", colspan=2),
        ]
    ]
    by_jenis = {t.jenis: t for t in targets}
    rows = []
    for no, jenis in enumerate(JenisPelayananDasar, start=1):
        t = by_jenis.get(jenis.value)
        rows.append(
            Baris(
                {
                    "no": str(no),
                    "jenis": jenis.nama,
                    "indikator": t.indikator if t else "",
                    "target": t.target if t else None,
                    "satuan": t.satuan if t else "",
                }
            )
        )
    return Tabel(
        kolom=kolom,
        baris=rows,
        judul=[f"Pencapaian Kinerja Pelayanan {opd_nama} sebagaimana tercantum dalam SPM", f"Tahun {tahun}"],
        kepala=kepala,
        kaki=[
            Baris(
                [
                    Sel("Catatan", 2),
                    Sel(
                        f"Jenis pelayanan dasar menurut PP 2/2018 dan Permensos 9/2018 (SPM bidang sosial "
                        f"kabupaten/kota). {CATATAN_KOSONG}",
                        3,
                    ),
                ]
            )
        ],
        nama_lembar="Target SPM",
    )
