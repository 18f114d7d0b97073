"""The converter: how PROV and KABKOT rows of the SIPD export become one 2027 list, and that the shipped
files are exactly what the converter makes of the official CSVs."""

import csv
import gzip
import os
from pathlib import Path

import pytest

from renja.nomenklatur import convert, sumber

KOLOM_2027 = convert.KOLOM_SUMBER_2027


def tulis_csv(path: Path, kolom: list[str], baris: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=kolom)
        w.writeheader()
        for b in baris:
            w.writerow({k: b.get(k, "") for k in kolom})
    return path


def baris_2027(pemda, kode, nama, *, kegiatan="Kegiatan A", program="PROGRAM A", sebelumnya="", spm="NON-SPM"):
    bagian = kode.split(".")
    return {
        "jenis_pemda": pemda,
        "kode_bidang": ".".join(bagian[:2]),
        "nama_bidang": "URUSAN PEMERINTAHAN BIDANG SOSIAL",
        "kode_program": ".".join(bagian[:3]),
        "nama_program": program,
        "kode_kegiatan": ".".join(bagian[:5]),
        "nama_kegiatan": kegiatan,
        "kode_sub_kegiatan": kode,
        "nama_sub_kegiatan": nama,
        "kinerja": f"Kinerja {nama}",
        "indikator": f"Jumlah {nama}",
        "satuan": "Orang",
        "spm": spm,
        "subkegiatan_sebelumnya": sebelumnya,
    }


def test_prov_dan_kabkot_digabung_kabkot_menang(tmp_path):
    rows = [
        # same code, same name (ignoring case/punctuation): one entry for both kinds of pemda
        baris_2027("KABKOT", "1.06.04.3.01.0001", "Penyediaan Permakanan", spm="SPM"),
        baris_2027("PROV", "1.06.04.3.01.0001", "penyediaan  permakanan."),
        # same code, different meaning: KABKOT kept, PROV set aside
        baris_2027("KABKOT", "1.06.04.3.01.0002", "Penyediaan Sandang"),
        baris_2027("PROV", "1.06.04.3.01.0002", "Penyediaan Alat Bantu"),
        # PROV-only code under a kegiatan that means something else for KABKOT: set aside too
        baris_2027("KABKOT", "1.06.05.3.01.0001", "Pendataan", kegiatan="Kegiatan Kota"),
        baris_2027("PROV", "1.06.05.3.01.0009", "Bantuan Provinsi", kegiatan="Kegiatan Provinsi"),
        # PROV-only, no clash: kept as a PROV entry, with its remap
        baris_2027("PROV", "1.06.04.1.01.0003", "Rehabilitasi di Panti", sebelumnya="1.06.04.1.01.0001 Lama"),
    ]
    sumber_csv = tulis_csv(tmp_path / "2027.csv", KOLOM_2027, rows)
    definisi = tulis_csv(
        tmp_path / "def.csv",
        [*KOLOM_2027, "definisi_operasional"],
        [{**rows[0], "definisi_operasional": "Makan  tiga kali\r\nsehari "}],
    )
    hasil, remap, bentrok = convert.konversi_2027(sumber_csv, definisi, {"1": "URUSAN WAJIB"})

    assert hasil["1.06.04.3.01.0001"]["jenis_pemda"] == ""
    assert hasil["1.06.04.3.01.0001"]["nama"] == "Penyediaan Permakanan"
    assert hasil["1.06.04.3.01.0001"]["spm"] == "1"
    assert hasil["1.06.04.3.01.0001"]["definisi"] == "Makan tiga kali\nsehari"
    assert hasil["1.06.04.3.01.0002"]["nama"] == "Penyediaan Sandang"
    assert hasil["1.06.04.3.01.0002"]["jenis_pemda"] == "KABKOT"
    assert "1.06.05.3.01.0009" not in hasil
    assert hasil["1.06.05.3.01"]["nama"] == "Kegiatan Kota"
    assert hasil["1.06.04.1.01.0003"]["jenis_pemda"] == "PROV"
    assert hasil["1.06.04.1.01"]["jenis_pemda"] == "PROV"
    assert hasil["1.06.04"]["jenis_pemda"] == ""  # programme used by both
    # derived levels: urusan named from the 2023 list, every parent present
    assert hasil["1"]["nama"] == "URUSAN WAJIB"
    assert {e["tingkat"] for e in hasil.values()} == {
        "urusan",
        "bidang_urusan",
        "program",
        "kegiatan",
        "sub_kegiatan",
    }
    assert [(b["kode_sub_kegiatan"], b["alasan"].split()[0]) for b in bentrok] == [
        ("1.06.04.3.01.0002", "sub"),
        ("1.06.05.3.01.0009", "kegiatan"),
    ]
    assert remap == [
        {
            "versi_lama": "2023",
            "kode_lama": "1.06.04.1.01.0001",
            "nama_lama": "Lama",
            "versi_baru": "2027",
            "kode_baru": "1.06.04.1.01.0003",
            "jenis_pemda": "PROV",
        }
    ]


def test_kode_tidak_sah_menghentikan_konversi(tmp_path):
    rows = [baris_2027("KABKOT", "1.06.04.2.01.0001", "A")]
    rows[0]["kode_sub_kegiatan"] = "1.06.04.02.01.0001"
    sumber_csv = tulis_csv(tmp_path / "2027.csv", KOLOM_2027, rows)
    definisi = tulis_csv(tmp_path / "def.csv", [*KOLOM_2027, "definisi_operasional"], [])
    with pytest.raises(convert.KonversiGagal, match="baris 2 kolom kode_sub_kegiatan: Kode '1.06.04.02.01.0001'"):
        convert.konversi_2027(sumber_csv, definisi, {"1": "URUSAN WAJIB"})


def test_berkas_terkirim_berurutan_induk_dulu():
    for versi in sumber.VERSI_BAWAAN:
        with gzip.open(versi.berkas(), "rt", encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            assert reader.fieldnames == sumber.KOLOM_NOMENKLATUR
            kode = [r["kode"] for r in reader]
        assert kode == sorted(kode)
        assert len(kode) == len(set(kode))


SHARED = Path(os.environ.get("RENJA_SHARED_NOMENKLATUR", Path(__file__).resolve().parents[3] / "shared"))
SHARED = SHARED / "reference" / "nomenklatur" if (SHARED / "reference").exists() else SHARED


@pytest.mark.skipif(not (SHARED / convert.SUMBER_2023).exists(), reason="daftar resmi (../shared) tidak tersedia")
def test_berkas_terkirim_sama_dengan_hasil_konversi(tmp_path, capsys):
    """Developer check: re-running the converter on the official lists reproduces the shipped files."""
    assert convert.main([str(SHARED), str(tmp_path)]) == 0
    for nama in [v.berkas().name for v in sumber.VERSI_BAWAAN] + [
        sumber.NAMA_BERKAS_REMAP,
        sumber.NAMA_BERKAS_BENTROK,
    ]:
        assert (tmp_path / nama).read_bytes() == (sumber.DATA_DIR / nama).read_bytes(), nama
    keluaran = capsys.readouterr().out
    assert "versi 2027: 8539 kode" in keluaran
    assert "disisihkan karena kodenya bermakna lain di KABKOT: 532" in keluaran


def test_isi_berkas_muat_di_kolom_basis_data():
    """SQLite ignores max_length, PostgreSQL does not: check the shipped values against the model."""
    from renja.nomenklatur.models import KodeRemap, Nomenklatur, NomenklaturVersi

    def batas(model):
        return {f.name: f.max_length for f in model._meta.fields if getattr(f, "max_length", None)}

    for versi in sumber.VERSI_BAWAAN:
        for kolom, panjang in batas(NomenklaturVersi).items():
            assert len(getattr(versi, kolom)) <= panjang, (versi.kode, kolom)
        with gzip.open(versi.berkas(), "rt", encoding="utf-8", newline="") as f:
            baris = list(csv.DictReader(f))
        for kolom, panjang in batas(Nomenklatur).items():
            if kolom in baris[0]:
                terpanjang = max(len(r[kolom]) for r in baris)
                assert terpanjang <= panjang, (versi.kode, kolom, terpanjang)
    with gzip.open(sumber.berkas_remap(), "rt", encoding="utf-8", newline="") as f:
        baris = list(csv.DictReader(f))
    for kolom, panjang in batas(KodeRemap).items():
        if kolom in baris[0]:
            assert max(len(r[kolom]) for r in baris) <= panjang, kolom
