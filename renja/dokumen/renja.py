"""The Renja document of one OPD / year / stage as a :class:`~renja.dokumen.model.Dokumen`.

Structure (the seed's, Permendagri 86/2017 lampiran): cover, kata pengantar with the signature block, daftar
isi, BAB I-V from the stage's narrative sections (perencanaan's ``NarasiBagian``, Markdown with placeholders
filled by ``narasi_isi``), and the tables generated from data at their places:

====  =====================================================================================
2.1   T-C.29 evaluation of the Renja of year n-2 (monev/kinerja), else "belum ada data realisasi"
2.2   T-C.30 kinerja pelayanan / SPM
2.4   T-C.31 review against the Rancangan Akhir RKPD (the stage diff)
2.5   T-C.32 usulan
3.1   national priority mapping
3.2   IKU (Tabel 3.1) and the SPM targets
4.1   T-C.33 rencana program, kegiatan dan sub kegiatan tahun n with prakiraan maju n+1
====  =====================================================================================

This app only renders: content comes from the apps below it. The access check is the caller's (the page and
the command check before they ask for a document). Builders that are not in this code base yet are looked up
by name; where one is missing the document says so in its place, never leaves a silent gap.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from renja.dokumen.markdown import markdown_blok
from renja.dokumen.model import (
    DaftarIsi,
    Dokumen,
    HalamanBaru,
    Judul,
    Paragraf,
    Sampul,
    TabelBlok,
    TandaTangan,
    Teks,
)
from renja.inti.tabel import Tabel
from renja.perencanaan.models import JenisTahap, Level, Tahap
from renja.perencanaan.selectors import renja_tree
from renja.rumus.angka import format_angka, format_rupiah
from renja.rumus.terbilang import Gaya, terbilang_rupiah

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip

BAB_JUDUL = {
    1: "Pendahuluan",
    2: "Evaluasi Pelaksanaan Renja Tahun Lalu",
    3: "Tujuan dan Sasaran Perangkat Daerah",
    4: "Rencana Kerja dan Pendanaan",
    5: "Penutup",
}
# The seed's sections (its daftar isi, lines 34-49), used when the stage has no narrative of its own yet.
BAGIAN_BAWAAN = [
    ("1.1", 1, "Latar Belakang"),
    ("1.2", 1, "Dasar Hukum"),
    ("1.3", 1, "Maksud dan Tujuan"),
    ("1.4", 1, "Sistematika Penulisan"),
    ("2.1", 2, "Evaluasi Pelaksanaan Renja Tahun Lalu dan Capaian Renstra Perangkat Daerah"),
    ("2.2", 2, "Analisis Kinerja Pelayanan Perangkat Daerah"),
    ("2.3", 2, "Isu-isu Penting Penyelenggaraan Tugas dan Fungsi"),
    ("2.4", 2, "Review terhadap Rancangan Akhir RKPD"),
    ("2.5", 2, "Penelaahan Usulan Program dan Kegiatan Masyarakat"),
    ("3.1", 3, "Telaahan terhadap Kebijakan Nasional"),
    ("3.2", 3, "Tujuan dan Sasaran Renja"),
    ("3.3", 3, "Program dan Kegiatan"),
    ("4.1", 4, "Rencana Kerja dan Pendanaan"),
    ("5", 5, "Penutup"),
]

BELUM_ADA_REALISASI = "Belum ada data realisasi Renja tahun {tahun} di aplikasi ini."


@dataclass(frozen=True)
class Penandatangan:
    """Who signs the kata pengantar: the Kepala Dinas from the OPD's data, or a Plt./Plh. named for this
    document (``sebutan``), with the place and date printed above the name."""

    nama: str
    jabatan: str
    pangkat: str = ""
    nip: str = ""
    sebutan: str = ""  # "" (definitif), "Plt." or "Plh."
    tempat: str = ""
    tanggal: dt.date | None = None


SEBUTAN = ("", "Plt.", "Plh.")


def tanggal_indonesia(t: dt.date) -> str:
    return f"{t.day} {BULAN[t.month - 1]} {t.year}"


def tempat_bawaan(pemda_nama: str) -> str:
    """ "Kota Bekasi" -> "Bekasi": the place a document of the Pemda is signed in."""
    return re.sub(r"^(Kota|Kabupaten|Provinsi)\s+", "", pemda_nama or "").strip()


def penandatangan_bawaan(opd) -> Penandatangan:
    from renja.organisasi.validators import nip_tampil

    return Penandatangan(
        nama=opd.kepala_nama,
        jabatan=opd.kepala_jabatan or f"Kepala {opd.nama} {opd.pemda.nama}",
        pangkat=opd.kepala_pangkat,
        nip=nip_tampil(opd.kepala_nip) if opd.kepala_nip else "",
        tempat=tempat_bawaan(opd.pemda.nama),
    )


def _slug(teks: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", teks).strip("-")


def nama_berkas(tahap: Tahap) -> str:
    """Renja-2026-Dinas-Sosial-Kota-Bekasi-Rancangan-Akhir (no extension)."""
    renja = tahap.renja
    return f"Renja-{renja.tahun}-{_slug(renja.opd.nama + ' ' + renja.opd.pemda.nama)}-{_slug(str(tahap))}"


# --- content from the apps below ---------------------------------------------------------------------------


@dataclass
class Bagian:
    kode: str
    bab: int
    judul: str
    teks: str  # Markdown with the placeholders already filled


def narasi_bagian(tahap: Tahap) -> list[Bagian]:
    """The stage's narrative sections, placeholders filled (a placeholder that cannot be filled raises the
    narrative's own error: a document is never printed with a blank where a figure belongs)."""
    try:
        from renja.perencanaan.models import NarasiBagian  # type: ignore[attr-defined]
        from renja.perencanaan.narasi import katalog_perencanaan, narasi_isi  # type: ignore[import-not-found]
    except ImportError:
        return [Bagian(k, b, j, "") for k, b, j in BAGIAN_BAWAAN]
    katalog = katalog_perencanaan()
    try:
        from renja.monev.narasi import katalog_monev  # type: ignore[import-not-found]

        katalog = katalog | katalog_monev()
    except ImportError:
        pass
    bagian = list(NarasiBagian.objects.filter(tahap=tahap).order_by("urutan", "kode"))
    if not bagian:
        return [Bagian(k, b, j, "") for k, b, j in BAGIAN_BAWAAN]
    return [Bagian(n.kode, n.bab, n.judul, narasi_isi(tahap=tahap, teks=n.teks, katalog=katalog)) for n in bagian]


def _tahap_rkpd(tahap: Tahap) -> Tahap | None:
    """The Rancangan Akhir RKPD stage T-C.31 compares with (None when `tahap` is that stage or comes before)."""
    if tahap.jenis in (JenisTahap.RANCANGAN_AWAL, JenisTahap.RANCANGAN, JenisTahap.RANCANGAN_AKHIR_RKPD):
        return None
    return tahap.renja.tahap.filter(jenis=JenisTahap.RANCANGAN_AKHIR_RKPD).order_by("-nomor").first()


def tabel_tc29_renja(tahap: Tahap) -> Tabel | None:
    """T-C.29 of the Renja of year n-2 from monev's evaluation, or None when that Renja has no realisation."""
    from renja.kinerja import selectors as kinerja
    from renja.kinerja.tabel import tabel_tc29
    from renja.monev.evaluasi import evaluasi_renja
    from renja.monev.models import RealisasiKeuangan, RealisasiKinerja
    from renja.perencanaan.models import Renja

    renja = tahap.renja
    lalu = Renja.objects.select_related("opd__pemda").filter(opd_id=renja.opd_id, tahun=renja.tahun - 2).first()
    if lalu is None or not (
        RealisasiKeuangan.objects.filter(renja=lalu).exists() or RealisasiKinerja.objects.filter(renja=lalu).exists()
    ):
        return None
    ev = evaluasi_renja(renja=lalu, metode=kinerja.metode_efisiensi(lalu.opd))
    renstra = kinerja.renstra_tahun(lalu)
    return tabel_tc29(
        ev,
        awal=kinerja.capaian_renstra_awal(opd=lalu.opd),
        target_n1=kinerja.target_tahun_berikut(lalu),
        realisasi_n3=kinerja.realisasi_tahun_sebelumnya(lalu),
        tahun_akhir_renstra=renstra.tahun_akhir if renstra else None,
    )


def _coba(modul: str, nama: str) -> Callable | None:
    import importlib

    try:
        return getattr(importlib.import_module(modul), nama)
    except (ImportError, AttributeError):
        return None


def _renstra(tahap: Tahap):
    from renja.kinerja.selectors import renstra_tahun

    return renstra_tahun(tahap.renja)


def _tc30(tahap: Tahap):
    fn = _coba("renja.kinerja.tabel_spm", "tabel_tc30")
    daftar = _coba("renja.kinerja.selectors", "kinerja_pelayanan_list")
    if fn is None or daftar is None:
        return None
    renja = tahap.renja
    return fn(daftar(opd=renja.opd), tahun=renja.tahun, opd_nama=renja.opd.nama)


def _tc31(tahap: Tahap):
    rkpd = _tahap_rkpd(tahap)
    fn = _coba("renja.perencanaan.tabel_renja", "tabel_tc31")
    if fn is None:
        return None
    if rkpd is None:
        return "Tahap ini adalah (atau mendahului) Rancangan Akhir RKPD: belum ada review terhadapnya."
    return fn(rkpd, tahap)


def _tc32(tahap: Tahap):
    fn = _coba("renja.perencanaan.tabel_usulan", "tabel_tc32")
    return fn(tahap.renja) if fn else None


def _prioritas(tahap: Tahap):
    fn = _coba("renja.perencanaan.tabel_renja", "tabel_prioritas")
    return fn(tahap, renstra=_renstra(tahap)) if fn else None


def _iku(tahap: Tahap):
    fn = _coba("renja.perencanaan.tabel_renja", "tabel_iku")
    renstra = _renstra(tahap)
    if fn is None:
        return None
    return fn(renstra) if renstra is not None else "Belum ada Renstra yang mencakup tahun ini."


def _spm(tahap: Tahap):
    fn = _coba("renja.kinerja.tabel_spm", "tabel_spm")
    daftar = _coba("renja.kinerja.selectors", "spm_target_list")
    if fn is None or daftar is None:
        return None
    renja = tahap.renja
    return fn(daftar(opd=renja.opd, tahun=renja.tahun), tahun=renja.tahun, opd_nama=renja.opd.nama)


def _tc33(tahap: Tahap):
    fn = _coba("renja.perencanaan.tabel_renja", "tabel_tc33")
    return fn(tahap) if fn else None


def _tc29(tahap: Tahap):
    t = tabel_tc29_renja(tahap)
    return t if t is not None else BELUM_ADA_REALISASI.format(tahun=tahap.renja.tahun - 2)


@dataclass(frozen=True)
class JenisTabel:
    kode: str  # "T-C.33": the URL and `renja dokumen --tabel` name it
    bagian: str  # the narrative section it is printed in
    judul: str
    buat: Callable[[Tahap], Tabel | str | None]  # None: its builder is not in this code base


DAFTAR_TABEL = [
    JenisTabel("T-C.29", "2.1", "Evaluasi pelaksanaan Renja tahun n-2", _tc29),
    JenisTabel("T-C.30", "2.2", "Kinerja pelayanan perangkat daerah (SPM)", _tc30),
    JenisTabel("T-C.31", "2.4", "Review terhadap Rancangan Akhir RKPD", _tc31),
    JenisTabel("T-C.32", "2.5", "Usulan program dan kegiatan", _tc32),
    JenisTabel("PN", "3.1", "Keterkaitan dengan prioritas nasional", _prioritas),
    JenisTabel("IKU", "3.2", "Indikator kinerja utama", _iku),
    JenisTabel("SPM", "3.2", "Target SPM", _spm),
    JenisTabel("T-C.33", "4.1", "Rencana program, kegiatan dan sub kegiatan", _tc33),
]
TABEL_KODE = {t.kode.upper(): t for t in DAFTAR_TABEL}


def jenis_tabel(kode: str) -> JenisTabel | None:
    return TABEL_KODE.get((kode or "").strip().upper())


def tabel_dokumen(tahap: Tahap) -> dict[str, list[Tabel | str]]:
    """Section code -> the tables printed in it (or a sentence saying why a table is not there)."""
    hasil: dict[str, list[Tabel | str]] = {}
    for jenis in DAFTAR_TABEL:
        isi = jenis.buat(tahap)
        if isi is not None:
            hasil.setdefault(jenis.bagian, []).append(isi)
    return hasil


# --- the document ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ringkasan:
    program: int
    kegiatan: int
    sub_kegiatan: int
    pagu: object  # Decimal

    def kalimat(self) -> str:
        return (
            f"{format_angka(self.program)} program, {format_angka(self.kegiatan)} kegiatan dan "
            f"{format_angka(self.sub_kegiatan)} sub kegiatan dengan pagu {format_rupiah(self.pagu)} "
            f"({terbilang_rupiah(self.pagu, gaya=Gaya.KALIMAT, sen=False)})"
        )


def ringkasan(tahap: Tahap) -> Ringkasan:
    tree = renja_tree(tahap=tahap)
    c = tree.counts
    return Ringkasan(c[Level.PROGRAM], c[Level.KEGIATAN], c[Level.SUB_KEGIATAN], tree.total_pagu)


def _kata_pengantar(tahap: Tahap, r: Ringkasan) -> list[Paragraf]:
    renja = tahap.renja
    opd = f"{renja.opd.nama} {renja.opd.pemda.nama}"
    jenis = str(tahap)
    return [
        Paragraf.dari(
            f"Puji dan syukur kita panjatkan kehadirat Tuhan Yang Maha Esa, atas berkat dan rahmat-Nya "
            f"penyusunan {jenis} Rencana Kerja (Renja) {opd} Tahun {renja.tahun} dapat diselesaikan. Rencana "
            f"Kerja ini memuat program, kegiatan dan sub kegiatan yang akan dilaksanakan oleh {opd} dalam "
            f"menjalankan urusan pemerintahan yang menjadi kewenangannya."
        ),
        Paragraf.dari(f"{jenis} Renja Tahun {renja.tahun} memuat {r.kalimat()}."),
        Paragraf.dari(
            "Kami menyadari bahwa dokumen ini masih jauh dari sempurna; kritik dan saran yang membangun untuk "
            "perbaikan yang akan datang sangat kami harapkan."
        ),
    ]


def dokumen_renja(
    *,
    tahap: Tahap,
    penandatangan: Penandatangan | None = None,
    kemajuan: Callable[[int, str], None] | None = None,
) -> Dokumen:
    """The Renja document of `tahap`. `kemajuan(persen, langkah)` is told how far the build is (0-100)."""
    lapor = kemajuan or (lambda _p, _l: None)
    renja = tahap.renja
    opd = renja.opd
    ttd = penandatangan or penandatangan_bawaan(opd)
    nama_opd = f"{opd.nama} {opd.pemda.nama}"
    jenis = str(tahap)
    lapor(5, "ringkasan data")
    r = ringkasan(tahap)
    dok = Dokumen(
        judul=f"{jenis} Rencana Kerja {nama_opd} Tahun {renja.tahun}",
        kepala_halaman=f"Rencana Kerja {nama_opd} Tahun {renja.tahun}",
        nama_berkas=nama_berkas(tahap),
    )
    dok.tambah(
        Sampul([jenis.upper(), "RENCANA KERJA", "(RENJA)", nama_opd.upper(), f"TAHUN {renja.tahun}"]),
        Judul("KATA PENGANTAR", 1),
        *_kata_pengantar(tahap, r),
        TandaTangan(
            tempat_tanggal=", ".join(
                x for x in (ttd.tempat, tanggal_indonesia(ttd.tanggal) if ttd.tanggal else "") if x
            ),
            jabatan=[ttd.jabatan.upper()],
            nama=ttd.nama,
            pangkat=ttd.pangkat,
            nip=ttd.nip,
            sebutan=ttd.sebutan,
        ),
        HalamanBaru(),
        DaftarIsi(),
        HalamanBaru(),
    )
    lapor(15, "narasi")
    bagian = narasi_bagian(tahap)
    lapor(25, "tabel")
    tabel = tabel_dokumen(tahap)
    lapor(60, "menyusun dokumen")
    bab_sekarang = None
    nomor_tabel: dict[int, int] = {}
    for b in bagian:
        if b.bab != bab_sekarang:
            if bab_sekarang is not None:
                dok.tambah(HalamanBaru())
            bab_sekarang = b.bab
            dok.tambah(Judul(f"BAB {ROMAWI.get(b.bab, b.bab)} {BAB_JUDUL.get(b.bab, '').upper()}".strip(), 1))
        # A one-section BAB (V Penutup, IV) whose section repeats the BAB's title gets no second heading.
        if b.judul.strip().lower() != BAB_JUDUL.get(b.bab, "").lower():
            dok.tambah(Judul(f"{b.kode} {b.judul}" if "." in b.kode else b.judul, 2))
        dok.tambah(*markdown_blok(b.teks, tingkat_dasar=2))
        for t in tabel.get(b.kode, []):
            if isinstance(t, str):
                dok.tambah(Paragraf([Teks(t, miring=True)]))
                continue
            nomor_tabel[b.bab] = nomor_tabel.get(b.bab, 0) + 1
            dok.tambah(TabelBlok(t, keterangan=f"Tabel {b.bab}.{nomor_tabel[b.bab]}"))
    lapor(70, "menulis berkas")
    return dok
