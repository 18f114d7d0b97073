"""Where the shipped nomenclature data lives and what each file holds.

Shared by `convert` (which writes the files from the official CSVs, without Django) and `services`
(which loads them), so both agree on file names and columns.
"""

from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# Columns of data/nomenklatur_<versi>.csv.gz: one row per code at every level, parents before children.
KOLOM_NOMENKLATUR = [
    "kode",
    "tingkat",
    "nama",
    "kinerja",
    "indikator",
    "satuan",
    "spm",
    "jenis_pemda",
    "definisi",
    # Kept from the SIPD export for reference; not loaded into the database (yet).
    "tag",
    "pelaksana",
    "jenis",
]
KOLOM_REMAP = ["versi_lama", "kode_lama", "nama_lama", "versi_baru", "kode_baru", "jenis_pemda"]


@dataclass(frozen=True)
class VersiBawaan:
    kode: str
    nama: str
    dasar_hukum: str
    tahun_berlaku: int

    def berkas(self, folder: Path | None = None) -> Path:
        return (folder or DATA_DIR) / f"nomenklatur_{self.kode}.csv.gz"


VERSI_BAWAAN = (
    VersiBawaan(
        kode="2023",
        nama="Kepmendagri 900.1.15.5-1317/2023 (Kab/Kota)",
        dasar_hukum=(
            "Kepmendagri Nomor 900.1.15.5-1317 Tahun 2023 tentang Perubahan atas Kepmendagri Nomor "
            "050-5889 Tahun 2021 tentang Hasil Verifikasi, Validasi dan Inventarisasi Pemutakhiran "
            "Klasifikasi, Kodefikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah "
            "(lampiran kabupaten/kota)"
        ),
        tahun_berlaku=2024,
    ),
    VersiBawaan(
        kode="2027",
        nama="SIPD Pemutakhiran Nomenklatur 2027",
        dasar_hukum=(
            "Ekspor SIPD nomenklatur sub kegiatan versi pemutakhiran 2027 (lebih baru dari Kepmendagri "
            "900.1.15.5-3406/2024), provinsi dan kabupaten/kota"
        ),
        tahun_berlaku=2026,
    ),
)

NAMA_BERKAS_REMAP = "remap_2023_2027.csv.gz"
# PROV rows of the 2027 export whose code means something else in the KABKOT list (mostly the
# special-autonomy kegiatan K=3,4,5,7): a version keeps one entry per code, so they are set aside here.
NAMA_BERKAS_BENTROK = "nomenklatur_2027_prov_bentrok.csv.gz"


def berkas_remap(folder: Path | None = None) -> Path:
    return (folder or DATA_DIR) / NAMA_BERKAS_REMAP
