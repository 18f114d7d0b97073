"""Every parameter a regulation (or a documented practice) fixes, each with its source.

This is the one place where thresholds, weights and scales live; the rules in the other
modules import them from here and contain no magic numbers of their own (OpenFisca habit).

Each :class:`Parameter` carries a :class:`Sumber`: the regulation, the part of it (article,
table, annex), the date (year and Berita Negara number where known: exact signing dates were not
verified against JDIH), and the confidence from ``docs/REGULASI.md``:

* **H**: two or more independent sources, or the regulation's own text;
* **M**: one credible secondary source, or several agreeing secondary sources;
* **L**: memory or one weak source: check against JDIH / peraturan.go.id before relying on it.

Where a value is a design decision of this project and not a rule, ``keyakinan`` is ``"desain"``.
Parameters are immutable: tuples and read-only mappings only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Generic, TypeVar

T = TypeVar("T")

KEYAKINAN = ("H", "M", "L", "desain")


@dataclass(frozen=True)
class Sumber:
    """Where a parameter comes from."""

    peraturan: str
    bagian: str
    tanggal: str
    keyakinan: str
    catatan: str = ""

    def __post_init__(self) -> None:
        if self.keyakinan not in KEYAKINAN:
            raise ValueError(f"keyakinan harus salah satu dari {KEYAKINAN}, bukan {self.keyakinan!r}")


@dataclass(frozen=True)
class Parameter(Generic[T]):
    """A value fixed by a regulation, with its :class:`Sumber`."""

    nilai: T
    sumber: Sumber


# --------------------------------------------------------------------------------------------
# Regulations cited (names as they appear in the Berita/Lembaran Negara)
# --------------------------------------------------------------------------------------------

UU_7_2011 = "UU No. 7 Tahun 2011 tentang Mata Uang"
PERMENDAGRI_86_2017 = (
    "Permendagri No. 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi "
    "Pembangunan Daerah ... (BN 2017 No. 1312)"
)
PERMENPANRB_14_2017 = (
    "PermenPANRB No. 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit "
    "Penyelenggara Pelayanan Publik (BN 2017 No. 708)"
)
PERMENPANRB_88_2021 = (
    "PermenPANRB No. 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah (BN 2021 No. 1569)"
)
PP_2_2018 = "PP No. 2 Tahun 2018 tentang Standar Pelayanan Minimal"
PERMENDAGRI_59_2021 = "Permendagri No. 59 Tahun 2021 tentang Penerapan Standar Pelayanan Minimal"
KREJCIE_MORGAN_1970 = (
    "Krejcie, R.V. & Morgan, D.W. (1970), Determining Sample Size for Research Activities, "
    "Educational and Psychological Measurement 30(3): 607-610; dipakai untuk SKM menurut "
    "PermenPANRB 14/2017"
)
PRAKTIK_LKJIP = "Praktik LKjIP/LAKIP (bukan peraturan)"


# --------------------------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------------------------

SEN_PER_RUPIAH: Parameter[int] = Parameter(
    100,
    Sumber(
        UU_7_2011,
        "Pasal 3 ayat (3): satu Rupiah sama dengan 100 sen",
        "2011",
        "L",
        "Nilai 100 sen umum diketahui; nomor pasal dari ingatan, belum diperiksa di JDIH.",
    ),
)

TEMPAT_DESIMAL_PERSEN: Parameter[int] = Parameter(
    2,
    Sumber(
        PRAKTIK_LKJIP,
        "Persentase dicetak dengan dua desimal (dokumen benih: 89,73%, 91,53%); klasifikasi IKM "
        "memakai nilai konversi yang dibulatkan dua desimal (REGULASI.md §1.4)",
        "-",
        "M",
        "Predikat dan mutu dihitung dari nilai yang dibulatkan ke tempat ini, agar label selalu "
        "cocok dengan angka yang tampil.",
    ),
)


# --------------------------------------------------------------------------------------------
# Capaian kinerja: Permendagri 86/2017 (REGULASI.md §3.4, §7)
# --------------------------------------------------------------------------------------------

#: (batas bawah inklusif dalam persen, kode, kriteria evaluasi Renja/RKPD, label LKjIP), dari atas
#: ke bawah. Nilai di bawah batas terakhir adalah Sangat Rendah.
PREDIKAT_CAPAIAN: Parameter[tuple[tuple[Decimal, str, str, str], ...]] = Parameter(
    (
        (Decimal(91), "ST", "Sangat Tinggi", "Sangat Baik"),
        (Decimal(76), "T", "Tinggi", "Baik"),
        (Decimal(66), "S", "Sedang", "Cukup"),
        (Decimal(51), "R", "Rendah", "Kurang"),
    ),
    Sumber(
        PERMENDAGRI_86_2017,
        "Skala nilai peringkat kinerja pada evaluasi hasil Renja/RKPD (dibawa dari Permendagri 54/2010)",
        "2017",
        "M",
        "Pita dalam peraturan berlubang (90-91, 75-76, 65-66, 50-51); diterapkan sebagai ambang >=.",
    ),
)
PREDIKAT_CAPAIAN_TERENDAH: Parameter[tuple[str, str, str]] = Parameter(
    ("SR", "Sangat Rendah", "Sangat Kurang"),
    PREDIKAT_CAPAIAN.sumber,
)

#: Ambang indeks efisiensi (IE = % capaian / % serapan): efisien bila IE >= ambang.
AMBANG_INDEKS_EFISIENSI: Parameter[Decimal] = Parameter(
    Decimal(1),
    Sumber(
        PRAKTIK_LKJIP,
        "Metode A, indeks efisiensi; contoh 99,92 / 94,00 = 1,063 (LKj BPOM 2021)",
        "2021",
        "H",
        "Metode C (selisih capaian - serapan) dipakai dokumen benih Tabel 3.16.",
    ),
)

#: Metode B efisiensi (bentuk PMK Kemenkeu): E dibatasi ±20 %, nilai efisiensi = 50 + E/20 × 50.
EFISIENSI_MAKSIMAL_PMK: Parameter[Decimal] = Parameter(
    Decimal(20),
    Sumber(
        PRAKTIK_LKJIP,
        "Metode B, nilai efisiensi = 50% + (E/20 × 50%); LAKIP Itjen 2019 mengutip bentuk PMK Kemenkeu",
        "2019",
        "M",
        "Pembagi 20 adalah E maksimal rumus itu; E dibatasi ±20 agar nilai tetap 0-100 (pembacaan kami). "
        "Angka contoh laporan itu sendiri tidak konsisten: yang diambil rumusnya.",
    ),
)

#: Metode B efisiensi: nilai dasar 50 % (E = 0) dan bobot 50 % untuk E maksimal.
NILAI_DASAR_EFISIENSI_PMK: Parameter[Decimal] = Parameter(
    Decimal(50),
    Sumber(PRAKTIK_LKJIP, "Metode B, nilai efisiensi = 50% + (E/20 × 50%)", "2019", "M"),
)

#: Skala ordinal predikat AKIP dari terendah ke tertinggi (untuk capaian target berupa predikat).
SKALA_PREDIKAT_AKIP: Parameter[tuple[str, ...]] = Parameter(
    ("D", "C", "CC", "B", "BB", "A", "AA"),
    Sumber(PERMENPANRB_88_2021, "Lampiran, kategori predikat hasil evaluasi AKIP", "2021", "H"),
)

#: Skala ordinal mutu pelayanan SKM dari terendah ke tertinggi.
SKALA_MUTU_IKM: Parameter[tuple[str, ...]] = Parameter(
    ("D", "C", "B", "A"),
    Sumber(PERMENPANRB_14_2017, "Lampiran, tabel nilai persepsi, interval, mutu pelayanan", "2017", "H"),
)


# --------------------------------------------------------------------------------------------
# Survei Kepuasan Masyarakat: PermenPANRB 14/2017 (REGULASI.md §1)
# --------------------------------------------------------------------------------------------

UNSUR_SKM: Parameter[tuple[str, ...]] = Parameter(
    (
        "Persyaratan",
        "Sistem, Mekanisme, dan Prosedur",
        "Waktu Penyelesaian",
        "Biaya/Tarif",
        "Produk Spesifikasi Jenis Pelayanan",
        "Kompetensi Pelaksana",
        "Perilaku Pelaksana",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Sarana dan Prasarana",
    ),
    Sumber(
        PERMENPANRB_14_2017,
        "Lampiran, ruang lingkup: sembilan unsur dalam urutan peraturan",
        "2017",
        "H",
        "Beberapa aplikasi menukar U8 dan U9; urutan di sini urutan peraturan.",
    ),
)

#: Nilai jawaban terendah dan tertinggi tiap pertanyaan SKM.
SKALA_JAWABAN_SKM: Parameter[tuple[int, int]] = Parameter(
    (1, 4),
    Sumber(PERMENPANRB_14_2017, "Lampiran, kuesioner: empat pilihan bernilai 1 (terburuk) sampai 4", "2017", "H"),
)

#: Lembar kerja mencetak bobot rata-rata tertimbang = 1 / jumlah unsur, dibulatkan ke 3 desimal
#: (0,111 untuk 9 unsur; 0,071 untuk 14 unsur KEP/25/2004).
TEMPAT_DESIMAL_BOBOT_LEMBAR_KERJA: Parameter[int] = Parameter(
    3,
    Sumber(
        PERMENPANRB_14_2017,
        "Lampiran, pengolahan data: bobot nilai rata-rata tertimbang = jumlah bobot / jumlah unsur = 0,111",
        "2017",
        "H",
        "0,111 x 9 = 0,999: survei serba-4 menjadi 99,9, bukan 100. Mode bawaan memakai 1/9 persis.",
    ),
)

FAKTOR_KONVERSI_IKM: Parameter[Decimal] = Parameter(
    Decimal(25),
    Sumber(PERMENPANRB_14_2017, "Lampiran, pengolahan data: IKM unit x 25 (rentang 25-100)", "2017", "H"),
)

#: (batas bawah inklusif nilai konversi, nilai persepsi, mutu, kinerja unit), dari atas ke bawah.
INTERVAL_MUTU_IKM: Parameter[tuple[tuple[Decimal, int, str, str], ...]] = Parameter(
    (
        (Decimal("88.31"), 4, "A", "Sangat Baik"),
        (Decimal("76.61"), 3, "B", "Baik"),
        (Decimal("65.00"), 2, "C", "Kurang Baik"),
        (Decimal("25.00"), 1, "D", "Tidak Baik"),
    ),
    Sumber(
        PERMENPANRB_14_2017,
        "Lampiran, tabel nilai persepsi, interval IKM, interval konversi, mutu dan kinerja unit; "
        "juga dokumen benih Tabel 3.3",
        "2017",
        "H",
        "Satu buku Tegal mencetak batas atas C '76,66' (salah ketik; sumber lain 76,60).",
    ),
)

NILAI_IKM_MINIMUM: Parameter[Decimal] = Parameter(Decimal(1), SKALA_JAWABAN_SKM.sumber)
NILAI_IKM_MAKSIMUM: Parameter[Decimal] = Parameter(Decimal(4), SKALA_JAWABAN_SKM.sumber)

#: Krejcie-Morgan: S = λ²·N·P·Q / (d²·(N-1) + λ²·P·Q).
LAMBDA_KUADRAT: Parameter[Decimal] = Parameter(
    Decimal("3.841"),
    Sumber(KREJCIE_MORGAN_1970, "chi-kuadrat dk = 1, α = 5%", "1970", "H"),
)
PROPORSI_POPULASI: Parameter[Decimal] = Parameter(
    Decimal("0.5"),
    Sumber(KREJCIE_MORGAN_1970, "P = Q = 0,5 (proporsi yang memaksimalkan ukuran sampel)", "1970", "H"),
)
TINGKAT_GALAT: Parameter[Decimal] = Parameter(
    Decimal("0.05"),
    Sumber(KREJCIE_MORGAN_1970, "d = 0,05 (derajat ketelitian)", "1970", "H"),
)


# --------------------------------------------------------------------------------------------
# Evaluasi AKIP: PermenPANRB 88/2021 (REGULASI.md §2)
# --------------------------------------------------------------------------------------------

BOBOT_KOMPONEN_AKIP: Parameter[MappingProxyType[str, Decimal]] = Parameter(
    MappingProxyType(
        {
            "perencanaan_kinerja": Decimal(30),
            "pengukuran_kinerja": Decimal(30),
            "pelaporan_kinerja": Decimal(15),
            "evaluasi_akip_internal": Decimal(25),
        }
    ),
    Sumber(
        PERMENPANRB_88_2021,
        "Lampiran, komponen dan bobot penilaian (jumlah 100)",
        "2021",
        "H",
        "Bobot lama PermenPANRB 12/2015 (30/25/15/10/20 dengan komponen Capaian) tidak dipakai.",
    ),
)

PROPORSI_SUBKOMPONEN_AKIP: Parameter[MappingProxyType[str, Decimal]] = Parameter(
    MappingProxyType(
        {
            "keberadaan": Decimal("0.2"),
            "kualitas": Decimal("0.3"),
            "pemanfaatan": Decimal("0.5"),
        }
    ),
    Sumber(PERMENPANRB_88_2021, "Lampiran, sub-komponen tiap komponen 20% : 30% : 50%", "2021", "H"),
)

#: (batas bawah eksklusif, predikat, sebutan, interpretasi), dari atas ke bawah; nilai <= batas
#: terakhir adalah D. Nilai tepat 90 adalah A, bukan AA.
PREDIKAT_AKIP: Parameter[tuple[tuple[Decimal, str, str, str], ...]] = Parameter(
    (
        (
            Decimal(90),
            "AA",
            "Sangat Memuaskan",
            "Tata kelola pemerintahan yang baik telah terwujud di seluruh unit kerja; berkinerja "
            "tinggi, dinamis, adaptif dan efisien; pengukuran kinerja sampai ke tingkat individu.",
        ),
        (
            Decimal(80),
            "A",
            "Memuaskan",
            "Mampu memimpin perubahan menuju pemerintahan berorientasi hasil; pengukuran kinerja "
            "sampai ke eselon IV/subkoordinator.",
        ),
        (
            Decimal(70),
            "BB",
            "Sangat Baik",
            "Akuntabilitas kinerja sangat baik di 2/3 unit kerja; mulai terlihat efisiensi "
            "anggaran; sistem andal berbasis teknologi informasi; pengukuran sampai ke eselon III.",
        ),
        (
            Decimal(60),
            "B",
            "Baik",
            "Akuntabilitas kinerja baik di 1/3 unit kerja (unit kerja utama); perlu sedikit "
            "perbaikan; pengukuran sampai ke eselon II.",
        ),
        (
            Decimal(50),
            "CC",
            "Cukup (Memadai)",
            "Akuntabilitas kinerja cukup baik; perlu banyak perbaikan yang tidak mendasar.",
        ),
        (
            Decimal(30),
            "C",
            "Kurang",
            "Sistem dan tatanan kurang dapat diandalkan; belum ada sistem manajemen kinerja; perlu perbaikan mendasar.",
        ),
    ),
    Sumber(
        PERMENPANRB_88_2021,
        "Lampiran, kategori nilai hasil evaluasi (> 90-100 AA ... 0-30 D)",
        "2021",
        "H",
        "Batas dan predikat H; kalimat interpretasi M (diringkas dari implementasi yang beredar).",
    ),
)
PREDIKAT_AKIP_TERENDAH: Parameter[tuple[str, str, str]] = Parameter(
    (
        "D",
        "Sangat Kurang",
        "Sistem dan tatanan sama sekali tidak dapat diandalkan; perlu perubahan yang sangat mendasar.",
    ),
    PREDIKAT_AKIP.sumber,
)

NILAI_AKIP_MAKSIMUM: Parameter[Decimal] = Parameter(Decimal(100), BOBOT_KOMPONEN_AKIP.sumber)

#: Nilai jawaban kriteria LKE, sebagai pecahan 0-1 dari bobot kriteria. Sumber saling berbeda.
SKALA_JAWABAN_LKE_AA_E: Parameter[MappingProxyType[str, Decimal]] = Parameter(
    MappingProxyType(
        {
            "AA": Decimal("1"),
            "A": Decimal("0.9"),
            "BB": Decimal("0.8"),
            "B": Decimal("0.7"),
            "CC": Decimal("0.6"),
            "C": Decimal("0.5"),
            "D": Decimal("0.3"),
            "E": Decimal("0"),
        }
    ),
    Sumber(
        PERMENPANRB_88_2021,
        "Lampiran, LKE: jawaban AA/A/BB/B/CC/C/D/E per kriteria",
        "2021",
        "L",
        "Nilai 100/90/80/70/60/50/30/0 hanya 'kemungkinan' (aplikasi t-SEMAR); periksa LKE resmi.",
    ),
)
SKALA_JAWABAN_LKE_YT: Parameter[MappingProxyType[str, Decimal]] = Parameter(
    MappingProxyType({"Y": Decimal("1"), "T": Decimal("0")}),
    Sumber(
        PERMENPANRB_88_2021,
        "Lampiran, LKE: kriteria ya/tidak",
        "2021",
        "L",
        "KKE internal Kab. Trenggalek; periksa LKE resmi.",
    ),
)
SKALA_JAWABAN_LKE_ABCD: Parameter[MappingProxyType[str, Decimal]] = Parameter(
    MappingProxyType({"A": Decimal("1"), "B": Decimal("0.66"), "C": Decimal("0.33"), "D": Decimal("0")}),
    Sumber(
        PERMENPANRB_88_2021,
        "Lampiran, LKE: kriteria bertingkat A/B/C/D",
        "2021",
        "L",
        "KKE internal Kab. Trenggalek (1 / 0,66 / 0,33 / 0); periksa LKE resmi.",
    ),
)


# --------------------------------------------------------------------------------------------
# SPM Bidang Sosial: PP 2/2018, Permensos 9/2018, Permendagri 59/2021 (REGULASI.md §5)
# --------------------------------------------------------------------------------------------

JENIS_PELAYANAN_DASAR_SOSIAL_KABKOTA: Parameter[tuple[str, ...]] = Parameter(
    (
        "Rehabilitasi sosial dasar penyandang disabilitas terlantar di luar panti",
        "Rehabilitasi sosial dasar anak terlantar di luar panti",
        "Rehabilitasi sosial dasar lanjut usia terlantar di luar panti",
        "Rehabilitasi sosial dasar tuna sosial khususnya gelandangan dan pengemis di luar panti",
        "Perlindungan dan jaminan sosial pada saat dan setelah tanggap darurat bencana bagi korban "
        "bencana daerah kabupaten/kota",
    ),
    Sumber(
        PP_2_2018,
        "Jenis pelayanan dasar SPM sosial daerah kabupaten/kota (Pasal 10 ayat (3); nomor pasal dari ingatan)",
        "2018",
        "H",
        "Provinsi: kelompok yang sama di dalam panti, ditambah korban bencana provinsi.",
    ),
)

TARGET_CAPAIAN_SPM: Parameter[Decimal] = Parameter(
    Decimal(100),
    Sumber(
        PERMENDAGRI_59_2021,
        "Capaian per jenis = warga negara terlayani sesuai standar / warga negara yang berhak x 100%; target 100%",
        "2021",
        "H",
        "Indeks capaian SPM berbobot (penerima ~80%, mutu ~20%) dan pita 'Tuntas ...' BELUM "
        "terkonfirmasi (L), maka tidak diterapkan.",
    ),
)


#: All parameters by name, for documentation and tests.
SEMUA: MappingProxyType[str, Parameter] = MappingProxyType(
    {nama: nilai for nama, nilai in dict(globals()).items() if isinstance(nilai, Parameter)}
)

__all__ = ["KEYAKINAN", "Sumber", "Parameter", "SEMUA", *SEMUA]
