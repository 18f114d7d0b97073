"""The one stage import (renja.perencanaan.impor_tahap.tahap_import): the demo data files and checked documents
both create stages through it; all or nothing, every bad row named."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from renja.demo import loader
from renja.inti.impor import GalatImpor
from renja.inti.models import AuditEvent
from renja.perencanaan import services
from renja.perencanaan.impor_tahap import BarisImpor, IndikatorImpor, tahap_import
from renja.perencanaan.models import Renja, Tahap
from renja.perencanaan.selectors import renja_tree, tahap_rows
from renja.perencanaan.targets import Target, target_of


def isi_tahap(tahap) -> list[tuple]:
    """Everything a stage holds per row, in order, for comparing two stages."""
    return [
        (
            r.level,
            r.kode,
            r.nama,
            tuple((i.uraian, target_of(i).tampil(), i.satuan, i.agregasi) for i in r.indikator.all()),
            tuple(sorted((p.sumber_dana.kode, p.jumlah) for p in r.pagu.all())),
            tuple(r.lokasi or []),
            r.prioritas_nasional,
            r.prioritas_daerah,
            r.kelompok_sasaran,
            target_of(r, "prakiraan_target").tampil(),
            r.prakiraan_satuan,
            r.prakiraan_pagu,
            r.unit.kode if r.unit_id else None,
            r.parent.kode if r.parent_id else None,
        )
        for r in tahap_rows(tahap)
    ]


@pytest.fixture
def renja_baru(renja2026, users):
    """A fresh Renja (2027, same OPD and nomenclature version) without any stage."""
    return services.renja_create(
        actor=users["admin"], opd=renja2026.opd, tahun=2027, nomenklatur_versi=renja2026.nomenklatur_versi
    )


def test_the_demo_stages_were_made_by_the_stage_import(tahap_final, tahap_rkpd):
    """One service: the demo loader's stages are tahap_import's (its audit event names the counts and total)."""
    ev = AuditEvent.objects.get(action="tahap_import", object_id=str(tahap_final.pk))
    # 6 program, 12 kegiatan, 51 sub kegiatan (renja/demo/data/renja_2026_rancangan_akhir.yaml)
    tree = renja_tree(tahap=tahap_final)
    assert ev.new["jumlah"] == tree.counts
    assert Decimal(ev.new["total_pagu"]) == Decimal("26736518416")  # BAB IV baris 1235
    assert AuditEvent.objects.filter(action="tahap_import", object_id=str(tahap_rkpd.pk)).exists()


def test_import_of_the_demo_rows_into_a_fresh_renja_equals_the_source(renja_baru, tahap_final, users):
    data = loader._read("renja_2026_rancangan_akhir.yaml")
    hasil = tahap_import(
        renja=renja_baru, jenis_tahap="rancangan_akhir", baris=loader.baris_dari_data(data), user=users["perencana"]
    )
    assert hasil.tahap.jenis == "rancangan_akhir" and hasil.tahap.status == "draft"
    assert isi_tahap(hasil.tahap) == isi_tahap(tahap_final)
    assert hasil.total_pagu == Decimal("26736518416")  # Rp 26.736.518.416, BAB IV baris 1235
    assert renja_tree(tahap=hasil.tahap).total_pagu == Decimal("26736518416")
    assert hasil.jumlah == renja_tree(tahap=tahap_final).counts


def test_preview_counts_without_storing(renja_baru, users):
    data = loader._read("renja_2026_rancangan_akhir.yaml")
    jejak = AuditEvent.objects.count()
    hasil = tahap_import(
        renja=renja_baru,
        jenis_tahap="rancangan_akhir",
        baris=loader.baris_dari_data(data),
        user=users["perencana"],
        simpan=False,
    )
    assert hasil.tahap is None
    assert hasil.total_pagu == Decimal("26736518416")
    # program 1.06.01 (Penunjang): Rp 13.652.995.250, BAB IV baris 1238
    assert ("1.06.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", Decimal("13652995250")) in (
        hasil.per_program
    )
    assert not Tahap.objects.filter(renja=renja_baru).exists()
    assert AuditEvent.objects.count() == jejak  # the rows' and the import's audit events went with the rollback


def _kecil(**ubah) -> list[BarisImpor]:
    sub = dict(
        kode="1.06.04.2.01.0001",
        uraian="",
        indikator=[IndikatorImpor("Jumlah anak terlantar yang direhabilitasi", Target(nilai=Decimal(500)), "Orang")],
        pagu={"PAD": Decimal(1000000)},
        unit="rehsos",
    )
    sub.update(ubah)
    return [
        BarisImpor(kode="1.06.04", uraian=""),
        BarisImpor(kode="1.06.04.2.01", uraian=""),
        BarisImpor(**sub),
    ]


def test_official_name_and_source_names(renja_baru, users):
    """An empty uraian takes the nomenclature's name; a sumber dana may be named as the document writes it."""
    hasil = tahap_import(
        renja=renja_baru,
        jenis_tahap="rancangan_awal",
        baris=_kecil(pagu={"PENDAPATAN ASLI DAERAH (PAD)": Decimal(1000000)}, unit="Bidang Rehabilitasi Sosial"),
        user=users["perencana"],
    )
    sub = hasil.tahap.rows.get(kode="1.06.04.2.01.0001")
    assert sub.nama == "Penyediaan Permakanan"  # the name of 1.06.04.2.01.0001 in the 2027 list
    assert [(p.sumber_dana.kode, p.jumlah) for p in sub.pagu.all()] == [("PAD", Decimal(1000000))]
    assert sub.unit.kode == "rehsos"


def test_the_opd_as_penanggung_jawab_takes_the_default_unit(renja_baru, users):
    """BAB IV writes "DINAS SOSIAL" as penanggung jawab; the import's default unit stands in for it."""
    linjamsos = renja_baru.opd.unit_kerja.get(kode="linjamsos")
    hasil = tahap_import(
        renja=renja_baru,
        jenis_tahap="rancangan_awal",
        baris=_kecil(unit="DINAS SOSIAL"),
        user=users["perencana"],
        unit_bawaan=linjamsos,
    )
    assert hasil.tahap.rows.get(kode="1.06.04.2.01.0001").unit == linjamsos


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"kode": "1.06.04.2.01.9999"}, "1.06.04.2.01.9999"),
        ({"unit": "Bidang Tidak Ada"}, "unit penanggung jawab 'Bidang Tidak Ada' bukan unit kerja"),
        ({"unit": ""}, "unit penanggung jawab tidak disebut"),
        ({"unit": "DINAS SOSIAL"}, "('DINAS SOSIAL' adalah perangkat daerahnya)"),
        ({"pagu": {"APBN": Decimal(5)}}, "sumber dana 'APBN' tidak dikenal"),
        ({"pagu": {"PAD": Decimal("10.5")}}, "Rupiah bulat"),
        ({"indikator": [IndikatorImpor("X", Target(nilai=Decimal(-1)), "Orang")]}, "target tidak boleh negatif"),
        ({"indikator": [IndikatorImpor("X", Target(nilai=Decimal("0.00001")), "Orang")]}, "4 angka di belakang"),
        ({"indikator": [IndikatorImpor("X", Target(nilai=Decimal(1)), "")]}, "satuan wajib diisi"),
        ({"kelompok_sasaran": "x" * 301}, "Kelompok sasaran paling banyak 300 karakter"),
    ],
)
def test_a_bad_row_refuses_the_whole_import_naming_it(renja_baru, users, ubah, pesan):
    baris = _kecil(**ubah)
    with pytest.raises(GalatImpor) as e:
        tahap_import(renja=renja_baru, jenis_tahap="rancangan_awal", baris=baris, user=users["perencana"])
    assert pesan in str(e.value)
    assert "Baris 3:" in str(e.value)  # the third row of the list (a document names its table, row and column)
    assert not Tahap.objects.filter(renja=renja_baru).exists()


def test_missing_parent_and_duplicate_code_are_named(renja_baru, users):
    baris = _kecil()
    with pytest.raises(GalatImpor) as e:
        tahap_import(
            renja=renja_baru, jenis_tahap="rancangan_awal", baris=[baris[0], baris[2], baris[0]], user=users["admin"]
        )
    teks = str(e.value)
    assert "Baris 2: 1.06.04.2.01.0001: induknya (1.06.04.2.01) tidak ada" in teks
    assert "Baris 3: 1.06.04: kode ganda, sudah ada di Baris 1." in teks
    assert not Tahap.objects.filter(renja=renja_baru).exists()


def test_stage_rules_hold(renja2026, users):
    """The import makes a stage like tahap_create: not while a stage is open, not out of order."""
    with pytest.raises(ValidationError, match="belum ditetapkan"):
        tahap_import(renja=renja2026, jenis_tahap="penetapan", baris=_kecil(), user=users["perencana"])


@pytest.mark.parametrize("siapa", ["operator.rehsos", "pimpinan", "pemeriksa"])
def test_only_perencana_or_admin(renja_baru, users, siapa):
    with pytest.raises(PermissionDenied):
        tahap_import(renja=renja_baru, jenis_tahap="rancangan_awal", baris=_kecil(), user=users[siapa])
    assert not Renja.objects.get(pk=renja_baru.pk).tahap.exists()
