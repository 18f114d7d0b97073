"""Issue 9 part 6: the IKM of a period taken as the realisation of the IKU "Nilai IKM" through kinerja's IKU
realisation service, with a link back to the survey; refreshed when the responses change."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from renja.ikm import services
from renja.ikm.models import Periode
from renja.ikm.models_iku import TautanIku
from renja.ikm.services_iku import iku_pilihan, iku_tautkan
from renja.inti.models import AuditEvent
from renja.kinerja.models import RealisasiIku
from renja.perencanaan.models import RenstraIndikator

DINSOS = "1.06.0.00.0.00.01.0000"
IKU_IKM = "Nilai Indeks Kepuasan Masyarakat (IKM)"


@pytest.fixture
def periode(db):
    return Periode.objects.select_related("opd").get(opd__kode=DINSOS, kode="2024")


@pytest.fixture
def iku(periode):
    return RenstraIndikator.objects.get(uraian=IKU_IKM, sasaran__tujuan__renstra__tahun_awal=2024)


def test_demo_iku_2024_is_the_survey_result_with_a_link_back(client, users, periode, iku):
    r = RealisasiIku.objects.get(indikator=iku, tahun=2024)
    assert r.nilai == Decimal("92.06")  # Tabel 2.2 baris 316, now computed from the survey
    assert r.sumber == f"Survei Kepuasan Masyarakat periode 2024: /ikm/hasil/{periode.pk}/"
    assert r.nilai_pendukung == "IKM 3,6822, mutu A (Sangat Baik)"
    assert TautanIku.objects.get(indikator=iku, tahun=2024).periode == periode
    client.force_login(users["pemeriksa"])
    html = client.get(f"/ikm/hasil/{periode.pk}/").content.decode()
    assert f'id="tautan-iku-{iku.pk}"' in html and "<strong>92,06</strong>" in html
    assert "berbeda dengan hasil survei" not in html
    assert 'id="form-iku"' not in html  # the pemeriksa only reads


def test_iku_choices_put_the_ikm_indicator_first(periode, iku):
    pilihan = iku_pilihan(periode)
    assert pilihan[0] == iku and len(pilihan) == 4  # Tabel 2.2: AKIP, IKM, PPKS, PSKS


def test_new_responses_make_the_iku_stale_until_refreshed(client, users, periode, iku):
    perencana = users["perencana"]
    # 10 paper forms all 1: 100 x 33,14 + 10 x 9 = 3.404 over 110 x 9 answers; konversi 3.404 / 990 x 25 = 85,96
    services.responden_import_batch(
        actor=perencana, periode=periode, baris=[("DTKS", services.Isian(jawaban={u: 1 for u in range(1, 10)}))] * 10
    )
    client.force_login(perencana)
    html = client.get(f"/ikm/hasil/{periode.pk}/").content.decode()
    assert 'id="ikm-konversi">85,96<' in html and "berbeda dengan hasil survei saat ini" in html
    assert 'id="form-iku"' in html
    sebelum = AuditEvent.objects.filter(action="iku_tautkan").count()
    r = client.post(f"/ikm/hasil/{periode.pk}/iku/", {"indikator": iku.pk})
    assert r.status_code == 302
    assert RealisasiIku.objects.get(indikator=iku, tahun=2024).nilai == Decimal("85.96")
    assert AuditEvent.objects.filter(action="iku_tautkan").count() == sebelum + 1
    assert AuditEvent.objects.filter(action="realisasi_iku_record").exists()
    html = client.get(f"/ikm/hasil/{periode.pk}/").content.decode()
    assert "<strong>85,96</strong>" in html and "berbeda dengan hasil survei" not in html


def test_refused_without_responses_or_for_another_opds_iku(users, periode, iku):
    kosong = services.periode_create(
        actor=users["perencana"],
        opd=periode.opd,
        kode="2025",
        nama="SKM 2025",
        mulai=datetime.date(2025, 1, 1),
        selesai=datetime.date(2025, 12, 31),
    )
    with pytest.raises(ValidationError, match="belum punya responden"):
        iku_tautkan(actor=users["perencana"], periode=kosong, indikator=iku)

    from renja.organisasi import services as org
    from renja.perencanaan.models import Renstra, RenstraSasaran, RenstraTujuan

    lain = org.opd_create(
        actor=None, pemda=periode.opd.pemda, kode="1.02.0.00.0.00.01.0000", nama="Dinas Kesehatan", system=True
    )
    renstra = Renstra.objects.create(opd=lain, tahun_awal=2024, tahun_akhir=2026)
    tujuan = RenstraTujuan.objects.create(renstra=renstra, kode="T", uraian="Tujuan")
    sasaran = RenstraSasaran.objects.create(tujuan=tujuan, kode="S1", uraian="Sasaran")
    asing = RenstraIndikator.objects.create(sasaran=sasaran, uraian=IKU_IKM, satuan="Nilai")
    with pytest.raises(ValidationError, match="bukan indikator Renstra perangkat daerah survei ini"):
        iku_tautkan(actor=users["perencana"], periode=periode, indikator=asing)
    assert not RealisasiIku.objects.filter(indikator=asing).exists()


def test_only_the_perencana_or_admin_links(client, users, periode, iku):
    client.force_login(users["pimpinan"])
    assert client.post(f"/ikm/hasil/{periode.pk}/iku/", {"indikator": iku.pk}).status_code == 403
    client.force_login(users["perencana"])
    r = client.post(f"/ikm/hasil/{periode.pk}/iku/", {"indikator": "x"}, follow=True)
    assert "Pilih IKU" in r.content.decode()
