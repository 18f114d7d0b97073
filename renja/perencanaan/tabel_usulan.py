"""T-C.32 (Permendagri 86/2017, Renja PD BAB II 2.5): the proposals of the stakeholders and what became of them.

Columns (REGULASI.md §3.2, from memory, L/M): No; program/kegiatan; lokasi; indikator kinerja; besaran/volume;
catatan. "Program/kegiatan" names the proposal and, once accepted, the sub kegiatan (with its kegiatan and
program) of the stage in force that takes it up; "indikator kinerja" is that sub kegiatan's indicator. Catatan
holds the source, the proposer, the estimated cost and the decision with its reason. With no proposals the table
says so in one row, as the seed does (lines 1000-1004: no proposal was received).
"""

from __future__ import annotations

from renja.inti.tabel import Baris, Jenis, Kolom, Sel, Tabel
from renja.perencanaan import selectors
from renja.perencanaan.models import Renja, StatusUsulan
from renja.perencanaan.services import usulan_tahap_acuan
from renja.perencanaan.targets import target_of
from renja.rumus.angka import format_angka, format_rupiah

KOLOM = [
    Kolom("no", "No", Jenis.ANGKA, lebar=5),
    Kolom("program", "Program/Kegiatan", lebar=50),
    Kolom("lokasi", "Lokasi", lebar=20),
    Kolom("indikator", "Indikator Kinerja", lebar=35),
    Kolom("volume", "Besaran/Volume", lebar=15),
    Kolom("catatan", "Catatan", lebar=45),
]


def _volume(u) -> str:
    if u.volume is None:
        return ""
    return f"{format_angka(u.volume, _desimal(u.volume))} {u.satuan}".strip()


def _desimal(nilai) -> int:
    exp = nilai.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def _catatan(u) -> str:
    bagian = [f"{u.get_sumber_display()}, {u.pengusul}"]
    if u.perkiraan_biaya is not None:
        bagian.append(f"perkiraan biaya {format_rupiah(u.perkiraan_biaya)}")
    keputusan = u.get_status_display()
    if u.alasan:
        keputusan += f": {u.alasan}"
    bagian.append(keputusan)
    return "; ".join(bagian)


def tabel_tc32(renja: Renja) -> Tabel:
    """T-C.32 of `renja`: every proposal in order of entry, decided or not."""
    usulan = selectors.usulan_list(renja=renja)
    tahap = usulan_tahap_acuan(renja)
    rows = selectors.sub_kegiatan_nama(
        tahap=tahap, kode=[u.kode_sub_kegiatan for u in usulan if u.status == StatusUsulan.DITERIMA]
    )
    baris = []
    for n, u in enumerate(usulan, start=1):
        sub = rows.get(u.kode_sub_kegiatan) if u.status == StatusUsulan.DITERIMA else None
        program = u.uraian
        indikator = ""
        if sub is not None:
            kegiatan = sub.parent
            program += (
                f"\nDitampung: {kegiatan.parent.kode} {kegiatan.parent.nama} / {kegiatan.kode} {kegiatan.nama} / "
                f"{sub.kode} {sub.nama}"
            )
            indikator = "; ".join(
                f"{i.uraian} ({target_of(i).tampil()} {i.satuan})".replace(" )", ")") for i in sub.indikator.all()
            )
        baris.append(
            Baris(
                {
                    "no": n,
                    "program": program,
                    "lokasi": u.lokasi,
                    "indikator": indikator,
                    "volume": _volume(u),
                    "catatan": _catatan(u),
                }
            )
        )
    if not baris:
        baris.append(
            Baris(
                [
                    Sel(
                        f"Tidak ada usulan program dan kegiatan dari para pemangku kepentingan (Musrenbang, Pokok "
                        f"Pikiran DPRD, Forum Perangkat Daerah) yang diterima untuk tahun {renja.tahun}.",
                        colspan=len(KOLOM),
                    )
                ]
            )
        )
    return Tabel(
        kolom=KOLOM,
        baris=baris,
        judul=[
            "Tabel T-C.32",
            "Usulan Program dan Kegiatan dari Para Pemangku Kepentingan",
            f"{renja.opd.nama} {renja.opd.pemda.nama} Tahun {renja.tahun}",
        ],
        nomor_kolom=True,
        nama_lembar="T-C.32",
    )
