"""Setup and submission services of the survey: bounds, refusals, the frozen questionnaire, audit events."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from renja.ikm import services
from renja.ikm.models import Layanan, Periode, Responden, Unsur
from renja.inti.models import AuditEvent
from renja.rumus.parameter import UNSUR_SKM
from tests.ikm.conftest import isian_lengkap

pytestmark = pytest.mark.django_db


def test_periode_gets_the_regulation_questionnaire(periode):
    unsur = list(periode.unsur.order_by("nomor"))
    assert [u.nama for u in unsur] == list(UNSUR_SKM.nilai)
    assert unsur[0].nama == "Persyaratan" and unsur[8].nama == "Sarana dan Prasarana"
    assert [u.pilihan_1 for u in unsur][3] == "Sangat mahal" and unsur[3].pilihan_4 == "Gratis"
    assert unsur[7].pilihan == [
        (1, "Tidak ada"),
        (2, "Ada tetapi tidak berfungsi"),
        (3, "Berfungsi kurang maksimal"),
        (4, "Dikelola dengan baik"),
    ]
    ev = AuditEvent.objects.filter(action="periode_create", object_id=str(periode.pk)).get()
    assert ev.new["kode"] == "UJI-S1"


def test_layanan_create_update_and_refusals(opd, users, layanan):
    assert layanan.populasi == 1000 and layanan.version == 1
    with pytest.raises(ValidationError, match="sudah dipakai"):
        services.layanan_create(actor=users["perencana"], opd=opd, kode="REHSOS", nama="Lagi")
    with pytest.raises(ValidationError, match="Populasi harus antara 1 dan 100.000.000"):
        services.layanan_create(actor=users["perencana"], opd=opd, kode="X", nama="X", populasi=0)
    with pytest.raises(PermissionDenied, match="perencana atau admin"):
        services.layanan_create(actor=users["pimpinan"], opd=opd, kode="Y", nama="Y")
    with pytest.raises(PermissionDenied):
        services.layanan_create(actor=users["pemeriksa"], opd=opd, kode="Y", nama="Y")
    baru = services.layanan_update(
        actor=users["admin"], layanan=layanan, version=1, kode="REHSOS", nama="Rehsos", populasi=250, aktif=True
    )
    assert (baru.nama, baru.populasi, baru.version) == ("Rehsos", 250, 2)
    with pytest.raises(ValidationError, match="sudah diubah orang lain"):
        services.layanan_update(
            actor=users["perencana"], layanan=layanan, version=1, kode="REHSOS", nama="Basi", populasi=1, aktif=True
        )
    assert Layanan.objects.get(pk=layanan.pk).nama == "Rehsos"
    assert not Layanan.objects.filter(kode__in=["X", "Y"]).exists()


def test_periode_dates_refused_when_reversed(opd, users):
    with pytest.raises(ValidationError, match="sebelum tanggal mulai"):
        services.periode_create(
            actor=users["perencana"],
            opd=opd,
            kode="2030",
            nama="2030",
            mulai=datetime.date(2030, 12, 31),
            selesai=datetime.date(2030, 1, 1),
        )
    assert not Periode.objects.filter(kode="2030").exists()


def test_questionnaire_editable_until_first_response_then_frozen(periode, tautan, users):
    u4 = periode.unsur.get(nomor=4)
    services.unsur_update(
        actor=users["perencana"],
        unsur=u4,
        nama="Biaya/Tarif",
        pertanyaan="Bagaimana pendapat Saudara tentang biaya layanan?",
        pilihan=["Sangat mahal", "Mahal", "Murah", "Gratis"],
    )
    assert Unsur.objects.get(pk=u4.pk).pilihan_2 == "Mahal"
    tambahan = services.pertanyaan_tambahan_create(
        actor=users["perencana"], periode=periode, teks="Apakah informasi layanan mudah didapat?", jenis="skala"
    )
    assert tambahan.nomor == 1
    services.responden_submit(tautan=tautan, isian=isian_lengkap(3, tambahan={tambahan.pk: "2"}))
    with pytest.raises(PermissionDenied, match="sudah dibekukan"):
        services.unsur_update(
            actor=users["perencana"], unsur=u4, nama="Biaya", pertanyaan="?", pilihan=["a", "b", "c", "d"]
        )
    with pytest.raises(PermissionDenied, match="sudah dibekukan"):
        services.pertanyaan_tambahan_create(actor=users["perencana"], periode=periode, teks="Lagi?", jenis="teks")
    with pytest.raises(PermissionDenied, match="sudah dibekukan"):
        services.pertanyaan_tambahan_delete(actor=users["perencana"], pertanyaan=tambahan)
    assert Unsur.objects.get(pk=u4.pk).nama == "Biaya/Tarif"
    r = Responden.objects.get(periode=periode)
    assert r.jawaban == [3] * 9
    assert r.jawaban_tambahan.get().nilai == 2


def test_submit_checks_bounds_once_and_names_the_field(tautan):
    jawaban = {i: 4 for i in range(1, 10)}
    jawaban[5] = 5
    with pytest.raises(ValidationError) as exc:
        services.responden_submit(
            tautan=tautan, isian=isian_lengkap(jawaban=jawaban, pendidikan="SD-X", saran="x" * 1001)
        )
    salah = exc.value.message_dict
    assert salah["u5"] == ["Unsur 5: jawaban harus 1, 2, 3 atau 4 (terisi 5)."]
    assert "Pendidikan: 'SD-X' tidak dikenal" in salah["pendidikan"][0]
    assert salah["saran"] == ["Saran paling panjang 1000 karakter (terisi 1001)."]
    kosong = dict(jawaban)
    del kosong[9]
    kosong[5] = 4
    with pytest.raises(ValidationError) as exc:
        services.responden_submit(tautan=tautan, isian=isian_lengkap(jawaban=kosong))
    assert exc.value.message_dict == {"u9": ["Unsur 9: pilih salah satu jawaban 1 sampai 4."]}
    assert not Responden.objects.filter(periode=tautan.periode).exists()


def test_submit_refused_when_period_closed_or_not_started(tautan, users):
    p = tautan.periode
    services.periode_update(
        actor=users["perencana"],
        periode=p,
        version=p.version,
        nama=p.nama,
        mulai=p.mulai,
        selesai=p.selesai,
        terbuka=False,
    )
    tautan.refresh_from_db()
    with pytest.raises(services.PeriodeTertutup, match="sedang tidak menerima jawaban"):
        services.responden_submit(tautan=tautan, isian=isian_lengkap())
    assert not Responden.objects.filter(periode=p).exists()


def test_submit_writes_no_audit_event_and_keeps_only_a_keyed_hash(tautan):
    sebelum = AuditEvent.objects.count()
    kunci = services.kunci_klien("203.0.113.7")
    r = services.responden_submit(tautan=tautan, isian=isian_lengkap(saran="Antrean lebih cepat"), kunci=kunci)
    assert AuditEvent.objects.count() == sebelum
    assert len(r.kunci_klien) == 64 and "203.0.113.7" not in r.kunci_klien
    assert r.kunci_klien == services.kunci_klien("203.0.113.7") != services.kunci_klien("203.0.113.8")
    assert (r.sumber, r.layanan.kode, r.saran) == ("daring", "REHSOS", "Antrean lebih cepat")


def test_import_batch_all_or_nothing(periode, layanan, users):
    baik = ("REHSOS", isian_lengkap(2))
    kosong_boleh = ("REHSOS", services.Isian(jawaban={1: 4, 2: "3"}))
    with pytest.raises(ValidationError) as exc:
        services.responden_import_batch(
            actor=users["perencana"],
            periode=periode,
            baris=[baik, ("REHSOS", isian_lengkap(0)), ("NGAWUR", isian_lengkap())],
        )
    pesan = exc.value.messages
    assert "Baris 2, u1: Unsur 1: jawaban harus 1, 2, 3 atau 4 (terisi 0)." in pesan
    assert any(m.startswith("Baris 3, layanan: kode 'NGAWUR' tidak ada") for m in pesan)
    assert not Responden.objects.filter(periode=periode).exists()
    impor = services.responden_import_batch(
        actor=users["perencana"], periode=periode, baris=[baik, kosong_boleh], nama_berkas="kertas.xlsx"
    )
    assert impor.jumlah == 2 and impor.responden.count() == 2
    assert sorted(r.jawaban[1] for r in impor.responden.all()) == [2, 3]
    assert AuditEvent.objects.filter(action="responden_import_batch", object_id=str(impor.pk)).get().new["jumlah"] == 2
