"""The rules over stored data: one Renja stage, read once by renja.pemeriksaan.selectors.data_tahap.

Same engine as the document rules (renja.pemeriksaan.aturan): each rule is a plain function ``(DataTahap) ->
Iterable[Temuan]`` registered with its code, severity, Indonesian explanation and example; a finding's location
is the OPD, the stage, the row code and the field, and it carries a digest (``sidik``) of the figures it is about,
so an acceptance lapses when they change. Gaps that real plans have (a missing prakiraan maju, a program or
kegiatan without a target) are peringatan; what makes the plan wrong is a galat.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from decimal import Decimal

from renja.nomenklatur import validators as kode_v
from renja.pemeriksaan.aturan import Aturan, aturan
from renja.pemeriksaan.selectors import DataTahap
from renja.pemeriksaan.temuan import Lokasi, Temuan, Tingkat
from renja.perencanaan.models import Level, RenjaRow
from renja.perencanaan.targets import GRADE_SAH
from renja.rumus.angka import format_angka, format_persen, format_rupiah
from renja.rumus.spm import JenisPelayananDasar

ATURAN_DATA: list[Aturan] = []
NOL = Decimal(0)
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}
NAMA_LEVEL = dict(Level.choices)

# Where each basic service of SPM sosial is budgeted in a kabupaten/kota plan (Kepmendagri 050-5889/2021 and its
# 2027 update: kegiatan 2.01 "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut
# Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial" and 2.01 of program 06 "Perlindungan Sosial
# Korban Bencana Alam dan Sosial Kabupaten/Kota"); the sub kegiatan that count are those the list flags SPM.
KEGIATAN_SPM_KABKOTA: dict[JenisPelayananDasar, str] = {
    JenisPelayananDasar.DISABILITAS_TERLANTAR: "1.06.04.2.01",
    JenisPelayananDasar.ANAK_TERLANTAR: "1.06.04.2.01",
    JenisPelayananDasar.LANSIA_TERLANTAR: "1.06.04.2.01",
    JenisPelayananDasar.GELANDANGAN_PENGEMIS: "1.06.04.2.01",
    JenisPelayananDasar.KORBAN_BENCANA: "1.06.06.2.01",
}
BIDANG_SOSIAL = "1.06"


def aturan_data(kode: str, tingkat: Tingkat, *, penjelasan: str, contoh: str):
    return aturan(kode, tingkat, penjelasan=penjelasan, contoh=contoh, ranah="data", daftar=ATURAN_DATA)


def sidik(*angka) -> str:
    """Digest of the figures a finding is about (Decimals as their exact text)."""
    teks = json.dumps([str(a) if isinstance(a, Decimal) else a for a in angka], ensure_ascii=False)
    return hashlib.sha256(teks.encode()).hexdigest()[:32]


def rp(nilai: Decimal | None) -> str:
    return format_rupiah(nilai if nilai is not None else NOL)


def angka(nilai: Decimal) -> str:
    nilai = nilai.normalize() if nilai == nilai.to_integral() else nilai
    desimal = max(0, -nilai.as_tuple().exponent) if nilai != nilai.to_integral() else 0
    return format_angka(nilai, desimal)


def _temuan(
    d: DataTahap, kode_aturan: str, tingkat: Tingkat, pesan: str, row: RenjaRow | None, isian: str, *data
) -> Temuan:
    renja = d.renja
    lokasi = Lokasi(
        kutipan=row.nama if row is not None else "",
        opd=f"{renja.opd.nama} {renja.opd.pemda.nama}",
        tahap=f"Renja {renja.tahun} {d.tahap}",
        kode=row.kode if row is not None else "",
        isian=isian,
    )
    return Temuan(kode_aturan, tingkat, pesan, lokasi, sidik(pesan, *data))


def _label(row: RenjaRow) -> str:
    return f"{NAMA_LEVEL.get(row.level, row.level).lower()} {row.kode}"


def _pagu(row: RenjaRow) -> Decimal:
    return sum((p.jumlah for p in row.pagu.all()), NOL)


def _target(i) -> str:
    if i.target_grade:
        return i.target_grade
    return "-" if i.target_nilai is None else angka(i.target_nilai)


# ------------------------------------------------------------------------------------------------
# Codes and structure
# ------------------------------------------------------------------------------------------------


@aturan_data(
    "kode_tidak_sah",
    Tingkat.GALAT,
    penjelasan=(
        "Kode baris harus berformat U.BB.PP.K.KK.SSSS, sesuai tingkat barisnya, ada di versi nomenklatur yang"
        " dipakai Renja, dan berada di bidang urusan perangkat daerah (atau program penunjang X.XX.01)."
    ),
    contoh=(
        "Sub kegiatan 1.06.04.2.01.0099 tidak ada di versi nomenklatur 2027; kode lama yang sudah diganti"
        " disebut penggantinya."
    ),
)
def kode_tidak_sah(d: DataTahap) -> Iterable[Temuan]:
    from renja.nomenklatur.selectors import kode_dalam_lingkup_opd

    versi = d.renja.nomenklatur_versi
    for row in d.rows:
        masalah = kode_v.kode_format_valid(row.kode)
        if masalah is None:
            tingkat = kode_v.tingkat_dari_kode(row.kode)
            if tingkat != row.level:
                masalah = (
                    f"kode {row.kode} adalah kode {tingkat.replace('_', ' ')}, tetapi barisnya "
                    f"{NAMA_LEVEL.get(row.level, row.level).lower()}"
                )
            elif row.kode not in d.nomenklatur:
                pengganti = d.pengganti.get(row.kode)
                masalah = f"kode {row.kode} tidak ada di versi nomenklatur {versi.kode}" + (
                    f"; penggantinya {', '.join(pengganti)}" if pengganti else ""
                )
            else:
                di_luar = kode_dalam_lingkup_opd(opd=d.renja.opd, kode=row.kode)
                if di_luar:
                    masalah = di_luar[0].lower() + di_luar[1:].rstrip(".")
        if masalah:
            yield _temuan(d, "kode_tidak_sah", Tingkat.GALAT, f"{_label(row)}: {masalah}.", row, "kode", row.kode)


@aturan_data(
    "induk_salah",
    Tingkat.GALAT,
    penjelasan=(
        "Kegiatan harus berada di bawah programnya dan sub kegiatan di bawah kegiatannya: tingkat induk satu di"
        " atas baris dan kode induk adalah awalan kode baris."
    ),
    contoh="Sub kegiatan 1.06.04.2.01.0001 diletakkan di bawah kegiatan 1.06.05.2.01 (seharusnya 1.06.04.2.01).",
)
def induk_salah(d: DataTahap) -> Iterable[Temuan]:
    by_id = d.by_id
    induk_level = {Level.KEGIATAN: Level.PROGRAM, Level.SUB_KEGIATAN: Level.KEGIATAN}
    for row in d.rows:
        induk = by_id.get(row.parent_id) if row.parent_id else None
        if row.level == Level.PROGRAM:
            if induk is not None:
                yield _temuan(
                    d,
                    "induk_salah",
                    Tingkat.GALAT,
                    f"{_label(row)} berada di bawah {_label(induk)}; program tidak berinduk.",
                    row,
                    "induk",
                    induk.kode,
                )
            continue
        if induk is None:
            yield _temuan(
                d,
                "induk_salah",
                Tingkat.GALAT,
                f"{_label(row)} tidak berinduk; seharusnya di bawah "
                f"{NAMA_LEVEL[induk_level[row.level]].lower()} {kode_v.kode_induk(row.kode) or '-'}.",
                row,
                "induk",
                "",
            )
            continue
        if kode_v.kode_format_valid(row.kode) or kode_v.kode_format_valid(induk.kode):
            continue  # a malformed code is kode_tidak_sah's finding
        seharusnya = kode_v.kode_induk(row.kode)
        if induk.level != induk_level.get(row.level) or kode_v.kode_bersih(induk.kode) != seharusnya:
            yield _temuan(
                d,
                "induk_salah",
                Tingkat.GALAT,
                f"{_label(row)} berada di bawah {_label(induk)}; seharusnya di "
                f"bawah {NAMA_LEVEL[induk_level[row.level]].lower()} {seharusnya}.",
                row,
                "induk",
                induk.kode,
            )


def kode_normal(kode: str) -> str:
    """A code compared after normalisation: spaces dropped, leading zeros of each part dropped, the support
    programme's bidang written X.XX (1.06.01.2.01 and X.XX.1.2.1 are the same kegiatan)."""
    bagian = [b for b in re.sub(r"\s+", "", kode).upper().split(".") if b != ""]
    if len(bagian) >= 3 and bagian[2].lstrip("0") == "1":
        bagian[0], bagian[1] = "X", "XX"
    return ".".join(b.lstrip("0") or "0" if b.isdigit() else b for b in bagian)


@aturan_data(
    "sub_kegiatan_ganda",
    Tingkat.GALAT,
    penjelasan=(
        "Sub kegiatan yang sama tercantum dua kali di satu tahap. Kode dibandingkan sesudah dinormalkan: spasi"
        " dibuang, nol di depan tiap bagian diabaikan, program penunjang dibaca sebagai X.XX.01."
    ),
    contoh="1.06.04.2.01.1 dan 1.06.04.2.01.0001 adalah sub kegiatan yang sama.",
)
def sub_kegiatan_ganda(d: DataTahap) -> Iterable[Temuan]:
    pertama: dict[str, RenjaRow] = {}
    for row in d.rows:
        if row.level != Level.SUB_KEGIATAN:
            continue
        kunci = kode_normal(row.kode)
        if kunci in pertama:
            asli = pertama[kunci]
            yield _temuan(
                d,
                "sub_kegiatan_ganda",
                Tingkat.GALAT,
                f"sub kegiatan {row.kode} sama dengan sub kegiatan "
                f"{asli.kode} ('{asli.nama}') yang sudah ada di tahap ini.",
                row,
                "kode",
                asli.kode,
            )
        else:
            pertama[kunci] = row


# ------------------------------------------------------------------------------------------------
# Indicators and targets
# ------------------------------------------------------------------------------------------------


@aturan_data(
    "indikator_kosong",
    Tingkat.GALAT,
    penjelasan="Setiap sub kegiatan harus memiliki indikator keluaran.",
    contoh="Sub kegiatan 1.06.04.2.01.0001 Penyediaan Permakanan tanpa indikator.",
)
def indikator_kosong(d: DataTahap) -> Iterable[Temuan]:
    for row in d.rows:
        if row.level == Level.SUB_KEGIATAN and not row.indikator.all():
            yield _temuan(
                d, "indikator_kosong", Tingkat.GALAT, f"{_label(row)} belum memiliki indikator.", row, "indikator"
            )


def _indikator_tanpa_target(d: DataTahap, row, indikator, kode: str, tingkat: Tingkat) -> Iterable[Temuan]:
    """One finding per indicator of `row` that lacks its target or satuan (the same check at every level; only the
    rule and its severity differ: galat for a sub kegiatan, peringatan for a program or kegiatan)."""
    for n, i in enumerate(indikator, start=1):
        kurang = [
            nama
            for nama, ada in (
                ("target", i.target_nilai is not None or i.target_grade),
                ("satuan", i.satuan.strip()),
            )
            if not ada
        ]
        if kurang:
            yield _temuan(
                d,
                kode,
                tingkat,
                f"indikator {n} {_label(row)} ('{i.uraian}') belum berisi {' dan '.join(kurang)}.",
                row,
                f"indikator {n}: {' dan '.join(kurang)}",
                _target(i),
                i.satuan,
            )


@aturan_data(
    "target_kosong",
    Tingkat.GALAT,
    penjelasan="Setiap indikator sub kegiatan harus memiliki target (angka atau predikat) dan satuan.",
    contoh="Indikator 1 sub kegiatan 1.06.04.2.01.0001: target kosong, satuan Orang.",
)
def target_kosong(d: DataTahap) -> Iterable[Temuan]:
    for row in d.rows:
        if row.level != Level.SUB_KEGIATAN:
            continue
        yield from _indikator_tanpa_target(d, row, row.indikator.all(), "target_kosong", Tingkat.GALAT)


@aturan_data(
    "target_induk_kosong",
    Tingkat.PERINGATAN,
    penjelasan=(
        "Program atau kegiatan tanpa indikator, atau indikatornya tanpa target atau satuan. Dokumen nyata sering"
        " mengosongkannya (mis. target program yang tidak tercetak), jadi ini peringatan, bukan galat."
    ),
    contoh="Program 1.06.05: indikator 1 belum berisi target dan satuan.",
)
def target_induk_kosong(d: DataTahap) -> Iterable[Temuan]:
    for row in d.rows:
        if row.level not in (Level.PROGRAM, Level.KEGIATAN):
            continue
        indikator = row.indikator.all()
        if not indikator:
            yield _temuan(
                d,
                "target_induk_kosong",
                Tingkat.PERINGATAN,
                f"{_label(row)} belum memiliki indikator.",
                row,
                "indikator",
            )
        yield from _indikator_tanpa_target(d, row, indikator, "target_induk_kosong", Tingkat.PERINGATAN)


@aturan_data(
    "target_negatif",
    Tingkat.GALAT,
    penjelasan=(
        "Target indikator (dan prakiraan maju target) tidak boleh negatif: target menghitung orang, dokumen, unit."
    ),
    contoh="Indikator 1 sub kegiatan 1.06.01.2.02.0001: target -10 Dokumen.",
)
def target_negatif(d: DataTahap) -> Iterable[Temuan]:
    for row in d.rows:
        for n, i in enumerate(row.indikator.all(), start=1):
            if i.target_nilai is not None and i.target_nilai < 0:
                yield _temuan(
                    d,
                    "target_negatif",
                    Tingkat.GALAT,
                    f"target indikator {n} {_label(row)} ('{i.uraian}') "
                    f"negatif: {angka(i.target_nilai)} {i.satuan}".rstrip()
                    + ".",
                    row,
                    f"indikator {n}: target",
                    i.target_nilai,
                )
        if row.prakiraan_target_nilai is not None and row.prakiraan_target_nilai < 0:
            yield _temuan(
                d,
                "target_negatif",
                Tingkat.GALAT,
                f"prakiraan maju target {_label(row)} negatif: "
                f"{angka(row.prakiraan_target_nilai)} {row.prakiraan_satuan}".rstrip()
                + ".",
                row,
                "prakiraan maju: target",
                row.prakiraan_target_nilai,
            )


@aturan_data(
    "grade_di_luar_skala",
    Tingkat.GALAT,
    penjelasan=f"Target berupa predikat harus salah satu dari skala {', '.join(GRADE_SAH)} (AKIP, IKM).",
    contoh="Target 'AAA' untuk indikator predikat SAKIP.",
)
def grade_di_luar_skala(d: DataTahap) -> Iterable[Temuan]:
    skala = ", ".join(GRADE_SAH)
    for row in d.rows:
        for n, i in enumerate(row.indikator.all(), start=1):
            if i.target_grade and i.target_grade not in GRADE_SAH:
                yield _temuan(
                    d,
                    "grade_di_luar_skala",
                    Tingkat.GALAT,
                    f"target indikator {n} {_label(row)} '{i.target_grade}' bukan predikat skala {skala}.",
                    row,
                    f"indikator {n}: target",
                    i.target_grade,
                )
        if row.prakiraan_target_grade and row.prakiraan_target_grade not in GRADE_SAH:
            yield _temuan(
                d,
                "grade_di_luar_skala",
                Tingkat.GALAT,
                f"prakiraan maju target {_label(row)} '{row.prakiraan_target_grade}' bukan predikat skala {skala}.",
                row,
                "prakiraan maju: target",
                row.prakiraan_target_grade,
            )


# ------------------------------------------------------------------------------------------------
# Pagu
# ------------------------------------------------------------------------------------------------


@aturan_data(
    "pagu_kosong",
    Tingkat.GALAT,
    penjelasan="Setiap sub kegiatan harus berpagu lebih dari nol (jumlah pagu semua sumber dananya).",
    contoh="Sub kegiatan 1.06.02.2.01.0001: pagu Rp 0.",
)
def pagu_kosong(d: DataTahap) -> Iterable[Temuan]:
    for row in d.rows:
        if row.level != Level.SUB_KEGIATAN:
            continue
        pagu = _pagu(row)
        if pagu <= 0:
            keterangan = "belum diisi" if not row.pagu.all() else f"{rp(pagu)}, seharusnya lebih dari Rp 0"
            yield _temuan(d, "pagu_kosong", Tingkat.GALAT, f"pagu {_label(row)} {keterangan}.", row, "pagu", pagu)


@aturan_data(
    "prakiraan_maju_kosong",
    Tingkat.PERINGATAN,
    penjelasan=(
        "Sub kegiatan tanpa pagu prakiraan maju tahun berikutnya: total prakiraan maju menjadi tidak lengkap."
        " Dokumen nyata sering mengosongkannya, jadi ini peringatan."
    ),
    contoh="Sub kegiatan 1.06.04.2.01.0001: prakiraan maju 2027 kosong.",
)
def prakiraan_maju_kosong(d: DataTahap) -> Iterable[Temuan]:
    tahun = d.renja.tahun + 1
    for row in d.rows:
        if row.level == Level.SUB_KEGIATAN and row.prakiraan_pagu is None:
            yield _temuan(
                d,
                "prakiraan_maju_kosong",
                Tingkat.PERINGATAN,
                f"pagu prakiraan maju {tahun} {_label(row)} belum diisi.",
                row,
                "prakiraan maju: pagu",
            )


# ------------------------------------------------------------------------------------------------
# Against the Renstra, the previous stage, SPM
# ------------------------------------------------------------------------------------------------


@aturan_data(
    "program_di_luar_renstra",
    Tingkat.GALAT,
    penjelasan=(
        "Program Renja harus ada di tabel program Renstra yang ditautkan. Bila Renja belum ditautkan ke Renstra,"
        " atau Renstranya belum berisi tabel program, hal itu dicatat sebagai info."
    ),
    contoh="Program 1.06.07 ada di Renja 2026 tetapi tidak ada di Renstra 2025-2029.",
)
def program_di_luar_renstra(d: DataTahap) -> Iterable[Temuan]:
    renstra = d.renja.renstra
    if d.program_renstra is None:
        yield _temuan(
            d,
            "program_di_luar_renstra",
            Tingkat.INFO,
            f"Renja {d.renja.tahun} belum ditautkan ke Renstra; program tidak dapat dicocokkan.",
            None,
            "renstra",
        )
        return
    if not d.program_renstra:
        yield _temuan(
            d,
            "program_di_luar_renstra",
            Tingkat.INFO,
            f"Renstra {renstra.tahun_awal}-{renstra.tahun_akhir} belum "
            "berisi tabel program; program Renja tidak dapat dicocokkan.",
            None,
            "renstra",
        )
        return
    renstra_normal = {kode_normal(k) for k in d.program_renstra}
    for row in d.rows:
        if row.level == Level.PROGRAM and kode_normal(row.kode) not in renstra_normal:
            yield _temuan(
                d,
                "program_di_luar_renstra",
                Tingkat.GALAT,
                f"{_label(row)} tidak ada di tabel program Renstra {renstra.tahun_awal}-{renstra.tahun_akhir}.",
                row,
                "kode",
                row.kode,
            )


def _persen_ubah(lama: Decimal, baru: Decimal) -> Decimal | None:
    """Percent change from `lama` to `baru`; None when `lama` is 0 (any change from nothing is reported)."""
    if lama == 0:
        return None
    return (baru - lama) / abs(lama) * 100


@aturan_data(
    "selisih_antar_tahap",
    Tingkat.PERINGATAN,
    penjelasan=(
        "Pagu sub kegiatan atau target indikator berubah dari tahap pembanding (tahap asal salinan, atau tahap"
        " sebelumnya) lebih dari ambang (bawaan 20%, pengaturan RENJA_PERIKSA_AMBANG_SELISIH_PERSEN)."
    ),
    contoh=(
        "Penyediaan Permakanan: target 1.800 Orang di Rancangan Akhir RKPD, 500 Orang di Rancangan Akhir (-72,22%)."
    ),
)
def selisih_antar_tahap(d: DataTahap) -> Iterable[Temuan]:
    if d.pembanding is None:
        return
    lama_per_kode = {kode_normal(r.kode): r for r in d.rows_pembanding}
    ambang = d.ambang
    asal = str(d.pembanding)

    def lewat(lama: Decimal, baru: Decimal) -> tuple[bool, str]:
        if lama == baru:
            return False, ""
        ubah = _persen_ubah(lama, baru)
        if ubah is None:
            return True, "dari nol"
        return abs(ubah) > ambang, ("+" if ubah > 0 else "") + format_persen(ubah)

    for row in d.rows:
        lama = lama_per_kode.get(kode_normal(row.kode))
        if lama is None:
            continue
        if row.level == Level.SUB_KEGIATAN:
            a, b = _pagu(lama), _pagu(row)
            ya, ubah = lewat(a, b)
            if ya:
                yield _temuan(
                    d,
                    "selisih_antar_tahap",
                    Tingkat.PERINGATAN,
                    f"pagu {_label(row)} berubah dari {rp(a)} di {asal} "
                    f"menjadi {rp(b)} ({ubah}), di atas ambang {format_persen(ambang, 0)}.",
                    row,
                    "pagu",
                    a,
                    b,
                )
        for n, (ia, ib) in enumerate(zip(lama.indikator.all(), row.indikator.all(), strict=False), start=1):
            if ia.target_nilai is None or ib.target_nilai is None:
                continue
            dari, ke = _dengan_satuan(ia.target_nilai, ia.satuan), _dengan_satuan(ib.target_nilai, ib.satuan)
            if _satuan_normal(ia.satuan) != _satuan_normal(ib.satuan):
                yield _temuan(
                    d,
                    "selisih_antar_tahap",
                    Tingkat.PERINGATAN,
                    f"target indikator {n} {_label(row)} berubah dari "
                    f"{dari} di {asal} menjadi {ke}: satuannya berbeda, angkanya tidak dapat dibandingkan.",
                    row,
                    f"indikator {n}: target",
                    ia.target_nilai,
                    ia.satuan,
                    ib.target_nilai,
                    ib.satuan,
                )
                continue
            ya, ubah = lewat(ia.target_nilai, ib.target_nilai)
            if ya:
                yield _temuan(
                    d,
                    "selisih_antar_tahap",
                    Tingkat.PERINGATAN,
                    f"target indikator {n} {_label(row)} berubah dari "
                    f"{dari} di {asal} menjadi {ke} ({ubah}), di atas ambang {format_persen(ambang, 0)}.",
                    row,
                    f"indikator {n}: target",
                    ia.target_nilai,
                    ib.target_nilai,
                )


def _satuan_normal(satuan: str) -> str:
    return " ".join(satuan.lower().split())


def _dengan_satuan(nilai: Decimal, satuan: str) -> str:
    satuan = satuan.strip()
    if satuan == "%":
        return f"{angka(nilai)}%"
    return f"{angka(nilai)} {satuan}".rstrip()


@aturan_data(
    "spm_tanpa_sub_kegiatan",
    Tingkat.PERINGATAN,
    penjelasan=(
        "Renja perangkat daerah bidang sosial di kabupaten/kota harus memuat, untuk tiap jenis pelayanan dasar"
        " SPM sosial (PP 2/2018), paling sedikit satu sub kegiatan bertanda SPM di nomenklatur pada kegiatan"
        " yang melayaninya (1.06.04.2.01 untuk rehabilitasi sosial dasar di luar panti, 1.06.06.2.01 untuk korban"
        " bencana). Peringatan, karena layanan korban bencana dapat dianggarkan perangkat daerah lain."
    ),
    contoh="Tidak ada sub kegiatan SPM di kegiatan 1.06.06.2.01 untuk jenis pelayanan korban bencana.",
)
def spm_tanpa_sub_kegiatan(d: DataTahap) -> Iterable[Temuan]:
    opd = d.renja.opd
    if opd.pemda.jenis == "provinsi" or BIDANG_SOSIAL not in opd.bidang_urusan_daftar:
        return
    if not d.versi_punya_spm:
        versi = d.renja.nomenklatur_versi.kode
        yield _temuan(
            d,
            "spm_tanpa_sub_kegiatan",
            Tingkat.INFO,
            f"daftar nomenklatur versi {versi} tidak menandai sub kegiatan SPM; kelengkapan SPM tidak dapat diperiksa.",
            None,
            "SPM",
            versi,
        )
        return
    ada: set[str] = set()
    for row in d.rows:
        entri = d.nomenklatur.get(row.kode)
        if row.level == Level.SUB_KEGIATAN and entri is not None and entri.spm:
            ada.add(kode_v.kode_induk(row.kode) or "")
    for jenis, kegiatan in KEGIATAN_SPM_KABKOTA.items():
        if kegiatan not in ada:
            yield _temuan(
                d,
                "spm_tanpa_sub_kegiatan",
                Tingkat.PERINGATAN,
                f"jenis pelayanan dasar SPM '{jenis.nama}' tidak memiliki sub kegiatan SPM di kegiatan {kegiatan}.",
                None,
                f"SPM: {jenis.nama}",
                kegiatan,
            )


# ------------------------------------------------------------------------------------------------
# Realisation (monev), on the stage in force
# ------------------------------------------------------------------------------------------------


@aturan_data(
    "realisasi_melebihi_pagu",
    Tingkat.GALAT,
    penjelasan=(
        "Pada tahap yang berlaku (tempat realisasi diisi), jumlah realisasi keuangan sub kegiatan sepanjang tahun"
        " tidak boleh melebihi pagunya."
    ),
    contoh="Sub kegiatan 1.06.04.2.01.0001: realisasi Rp 120.000.000, pagu Rp 100.000.000, lebih Rp 20.000.000.",
)
def realisasi_melebihi_pagu(d: DataTahap) -> Iterable[Temuan]:
    for row in d.rows:
        r = d.realisasi.get(row.pk)
        if r is None or row.level != Level.SUB_KEGIATAN:
            continue
        pagu, total = _pagu(row), r.keuangan_total
        if total > pagu:
            yield _temuan(
                d,
                "realisasi_melebihi_pagu",
                Tingkat.GALAT,
                f"realisasi keuangan {_label(row)} {rp(total)} melebihi pagu {rp(pagu)}, lebih {rp(total - pagu)}.",
                row,
                "realisasi keuangan",
                total,
                pagu,
            )


@aturan_data(
    "kinerja_tanpa_keuangan",
    Tingkat.PERINGATAN,
    penjelasan=(
        "Pada tahap yang berlaku, sub kegiatan yang realisasi kinerjanya diisi pada satu triwulan tetapi realisasi"
        " keuangannya kosong atau nol pada triwulan itu."
    ),
    contoh="Sub kegiatan 1.06.04.2.01.0001, triwulan II: kinerja diisi, keuangan Rp 0.",
)
def kinerja_tanpa_keuangan(d: DataTahap) -> Iterable[Temuan]:
    for row in d.rows:
        r = d.realisasi.get(row.pk)
        if r is None:
            continue
        for tw in sorted(r.kinerja):
            if r.keuangan.get(tw, NOL) <= 0:
                yield _temuan(
                    d,
                    "kinerja_tanpa_keuangan",
                    Tingkat.PERINGATAN,
                    f"triwulan {ROMAWI[tw]}: {_label(row)} berisi "
                    f"realisasi kinerja tetapi realisasi keuangannya {rp(r.keuangan.get(tw, NOL))}.",
                    row,
                    f"triwulan {ROMAWI[tw]}",
                    r.keuangan.get(tw, NOL),
                )


@aturan_data(
    "keuangan_tanpa_kinerja",
    Tingkat.PERINGATAN,
    penjelasan=(
        "Pada tahap yang berlaku, sub kegiatan yang membelanjakan anggaran pada satu triwulan tetapi realisasi"
        " kinerjanya belum diisi pada triwulan itu."
    ),
    contoh="Sub kegiatan 1.06.01.2.02.0001, triwulan I: keuangan Rp 12.500.000, kinerja kosong.",
)
def keuangan_tanpa_kinerja(d: DataTahap) -> Iterable[Temuan]:
    for row in d.rows:
        r = d.realisasi.get(row.pk)
        if r is None:
            continue
        for tw, jumlah in sorted(r.keuangan.items()):
            if jumlah > 0 and tw not in r.kinerja:
                yield _temuan(
                    d,
                    "keuangan_tanpa_kinerja",
                    Tingkat.PERINGATAN,
                    f"triwulan {ROMAWI[tw]}: {_label(row)} "
                    f"membelanjakan {rp(jumlah)} tetapi realisasi kinerjanya belum diisi.",
                    row,
                    f"triwulan {ROMAWI[tw]}",
                    jumlah,
                )


def periksa_data(d: DataTahap) -> list[Temuan]:
    """Run every data rule; findings in rule order, each rule's in row order."""
    return [t for a in ATURAN_DATA for t in a.fungsi(d)]
