"""Loading the shipped lists: counts per version and level, real entries, idempotent, all-or-nothing."""

import time

import pytest
from django.core.exceptions import ValidationError

from renja.inti.models import AuditEvent
from renja.nomenklatur import sumber
from renja.nomenklatur.models import KodeRemap, Nomenklatur, NomenklaturVersi
from renja.nomenklatur.services import nomenklatur_load

pytestmark = pytest.mark.django_db

PER_TINGKAT = {
    # Kepmendagri 900.1.15.5-1317/2023, kab/kota annex, exactly as listed (4,367 rows).
    "2023": {"urusan": 10, "bidang_urusan": 45, "program": 188, "kegiatan": 729, "sub_kegiatan": 3395},
    # SIPD 2027 update: 7,581 sub kegiatan rows (PROV 4,031 + KABKOT 3,550) are 7,115 distinct codes;
    # 6,869 stay after setting aside the 246 PROV-only codes (532 PROV rows in all, counting shared
    # codes) whose code, kegiatan or program means something else for KABKOT. Upper levels are derived.
    "2027": {"urusan": 10, "bidang_urusan": 50, "program": 220, "kegiatan": 1390, "sub_kegiatan": 6869},
}


def test_jumlah_per_versi_dan_tingkat(nomenklatur):
    for kode, per_tingkat in PER_TINGKAT.items():
        assert {t: nomenklatur[kode][t] for t in per_tingkat} == per_tingkat
        assert nomenklatur[kode]["total"] == sum(per_tingkat.values())
        assert Nomenklatur.objects.filter(versi__kode=kode).count() == sum(per_tingkat.values())
    assert nomenklatur["2023"]["total"] + nomenklatur["2027"]["total"] == 12906
    # 346 `subkegiatan_sebelumnya` in the export; 15 belong to PROV rows set aside, 331 remain.
    assert nomenklatur["remap"]["total"] == 331 == KodeRemap.objects.count()


def test_versi_dan_dasar_hukum(nomenklatur):
    v2023 = NomenklaturVersi.objects.get(kode="2023")
    v2027 = NomenklaturVersi.objects.get(kode="2027")
    assert (v2023.nama, v2023.tahun_berlaku) == ("Kepmendagri 900.1.15.5-1317/2023 (Kab/Kota)", 2024)
    assert (v2027.nama, v2027.tahun_berlaku) == ("SIPD Pemutakhiran Nomenklatur 2027", 2026)
    assert "900.1.15.5-1317" in v2023.dasar_hukum


def test_sosial_kabkota_68_lawan_92_sama_55(nomenklatur):
    """README: kab/kota 1.06 has 68 sub kegiatan codes in 2023 and 92 in the 2027 update, 55 in common.
    The data gives exactly that when 2027 is read as kab/kota (jenis_pemda KABKOT, or "" for codes both
    kinds of pemda share); the 2027 version also holds 141 PROV-only 1.06 codes."""
    lama = set(
        Nomenklatur.objects.filter(versi__kode="2023", tingkat="sub_kegiatan", kode__startswith="1.06.").values_list(
            "kode", flat=True
        )
    )
    baru_semua = Nomenklatur.objects.filter(versi__kode="2027", tingkat="sub_kegiatan", kode__startswith="1.06.")
    baru = set(baru_semua.filter(jenis_pemda__in=["KABKOT", ""]).values_list("kode", flat=True))
    assert (len(lama), len(baru), len(lama & baru)) == (68, 92, 55)
    assert baru_semua.filter(jenis_pemda="PROV").count() == 141


def test_entri_nyata(nomenklatur):
    e = Nomenklatur.objects.select_related("induk__induk").get(versi__kode="2027", kode="1.06.04.2.01.0001")
    assert e.nama == "Penyediaan Permakanan"
    assert e.tingkat == "sub_kegiatan"
    assert e.spm is True
    assert e.satuan == "Orang"
    assert e.jenis_pemda == "KABKOT"
    assert e.definisi.startswith("Pemenuhan permakanan sesuai Standar Gizi Minimal")  # from the 1.06 file
    assert e.induk.kode == "1.06.04.2.01"
    assert e.induk.nama.startswith("Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar")
    assert e.induk.induk.kode == "1.06.04"
    # same code in 2023: same name, but the Kepmendagri list carries no SPM flag nor definisi
    lama = Nomenklatur.objects.get(versi__kode="2023", kode="1.06.04.2.01.0001")
    assert (lama.nama, lama.spm, lama.definisi) == ("Penyediaan Permakanan", False, "")
    # the codes the seed's Renja 2026 uses exist only in the 2027 update
    for kode in ("1.06.02.2.03.0013", "1.06.04.2.01.0014"):
        assert Nomenklatur.objects.filter(versi__kode="2027", kode=kode).exists()
        assert not Nomenklatur.objects.filter(versi__kode="2023", kode=kode).exists()
    assert Nomenklatur.objects.get(versi__kode="2027", kode="1.06.02.2.03.0013").nama == (
        "Fasilitasi Pengembangan Pusat Kesejahteraan Sosial (Puskesos) Kewenangan Kabupaten/Kota"
    )
    urusan = Nomenklatur.objects.get(versi__kode="2027", kode="1")
    assert urusan.nama == "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"
    gaji = Nomenklatur.objects.get(versi__kode="2027", kode="X.XX.01.2.02.0001")
    assert gaji.nama == "Penyediaan Gaji dan Tunjangan ASN"
    assert gaji.induk.induk.nama == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"


def test_setiap_entri_punya_induk_yang_benar(nomenklatur):
    tanpa_induk = Nomenklatur.objects.filter(induk__isnull=True).exclude(tingkat="urusan").count()
    assert tanpa_induk == 0
    salah = [
        (kode, induk)
        for kode, induk in Nomenklatur.objects.filter(induk__isnull=False).values_list("kode", "induk__kode")
        if not kode.startswith(induk + ".")
    ]
    assert salah == []


def test_muat_ulang_tidak_mengubah_apa_pun(nomenklatur):
    ids = dict(Nomenklatur.objects.values_list("versi__kode", "id").filter(kode="1.06.04.2.01.0001"))
    hasil = nomenklatur_load()
    for kode in ("2023", "2027"):
        assert (hasil[kode]["dibuat"], hasil[kode]["diubah"], hasil[kode]["dihapus"]) == (0, 0, 0)
    assert dict(Nomenklatur.objects.values_list("versi__kode", "id").filter(kode="1.06.04.2.01.0001")) == ids
    assert Nomenklatur.objects.count() == 12906
    assert KodeRemap.objects.count() == 331
    event = AuditEvent.objects.filter(action="nomenklatur_load").first()
    assert event.event_type == "import"
    assert event.new["total"] in (4367, 8539)


def test_muat_ulang_memulihkan_isi_dan_membuang_kode_asing(nomenklatur):
    e = Nomenklatur.objects.get(versi__kode="2027", kode="1.06.04.2.01.0001")
    Nomenklatur.objects.filter(pk=e.pk).update(nama="Diubah tangan", spm=False)
    Nomenklatur.objects.create(
        versi=e.versi,
        kode="1.06.04.2.01.9999",
        tingkat="sub_kegiatan",
        nama="Bukan kode resmi",
        induk=e.induk,
    )
    hasil = nomenklatur_load(versi_kode="2027")
    assert (hasil["2027"]["dibuat"], hasil["2027"]["diubah"], hasil["2027"]["dihapus"]) == (0, 1, 1)
    e.refresh_from_db()
    assert (e.nama, e.spm) == ("Penyediaan Permakanan", True)
    assert not Nomenklatur.objects.filter(kode="1.06.04.2.01.9999").exists()
    assert "2023" not in hasil


def test_versi_dimuat_dari_kosong_dalam_hitungan_detik(nomenklatur):
    from renja.perencanaan.models import Renja

    # The demo's Renja 2024 is on the 2023 version (its rows protect it); remove it so the version can go.
    Renja.objects.filter(nomenklatur_versi__kode="2023").delete()
    NomenklaturVersi.objects.get(kode="2023").delete()
    assert not KodeRemap.objects.exists()
    mulai = time.perf_counter()
    hasil = nomenklatur_load(versi_kode="2023")
    detik = time.perf_counter() - mulai
    assert hasil["2023"]["dibuat"] == 4367
    assert hasil["remap"]["total"] == 331
    assert Nomenklatur.objects.get(versi__kode="2023", kode="1.06.04.2.01").anak.count() == 12
    assert detik < 15, f"memuat 4.367 kode makan {detik:.1f} detik"


def test_kode_yang_masih_dipakai_tidak_dihapus_dan_tidak_ada_yang_setengah_jadi(nomenklatur, renja2026):
    """A code gone from the file but used by a Renja row stops the whole load with a clear message."""
    from renja.perencanaan.models import RenjaRow

    versi = NomenklaturVersi.objects.get(kode="2027")
    induk = Nomenklatur.objects.get(versi=versi, kode="1.06.04.2.01")
    asing = Nomenklatur.objects.create(
        versi=versi, kode="1.06.04.2.01.9998", tingkat="sub_kegiatan", nama="Kode lama", induk=induk
    )
    row = RenjaRow.objects.filter(tahap__renja=renja2026, level="sub_kegiatan").first()
    RenjaRow.objects.filter(pk=row.pk).update(nomenklatur=asing)
    Nomenklatur.objects.filter(versi=versi, kode="1.06.04.2.01.0001").update(nama="Diubah tangan")

    with pytest.raises(ValidationError) as exc:
        nomenklatur_load(versi_kode="2027")
    pesan = exc.value.messages[0]
    assert pesan.startswith("Versi 2027: kode 1.06.04.2.01.9998 tidak ada lagi di berkas, tetapi masih dipakai")
    # all-or-nothing: the repair of the other entry was rolled back with the rest
    assert Nomenklatur.objects.get(versi=versi, kode="1.06.04.2.01.0001").nama == "Diubah tangan"


def test_versi_tidak_dikenal():
    with pytest.raises(ValidationError, match="Versi nomenklatur '2019' tidak dikenal; yang tersedia: 2023, 2027."):
        nomenklatur_load(versi_kode="2019")


def test_berkas_rusak_ditolak_dengan_nomor_baris(nomenklatur, tmp_path, monkeypatch):
    import gzip

    asli = sumber.VERSI_BAWAAN[0].berkas().read_bytes()
    teks = gzip.decompress(asli).decode().replace("1.06.04.2.01.0001,", "1.06.04.02.01.0001,", 1)
    for v in sumber.VERSI_BAWAAN:
        (tmp_path / v.berkas().name).write_bytes(v.berkas().read_bytes())
    (tmp_path / sumber.NAMA_BERKAS_REMAP).write_bytes(sumber.berkas_remap().read_bytes())
    (tmp_path / sumber.VERSI_BAWAAN[0].berkas().name).write_bytes(gzip.compress(teks.encode()))
    monkeypatch.setattr(sumber, "DATA_DIR", tmp_path)
    with pytest.raises(ValidationError) as exc:
        nomenklatur_load(versi_kode="2023")
    assert exc.value.messages[0].startswith(
        "Berkas nomenklatur_2023.csv.gz baris 1403: Kode '1.06.04.02.01.0001' tidak sesuai format"
    )
