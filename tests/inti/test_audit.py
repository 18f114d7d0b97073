"""Every change through a service writes an AuditEvent (who, when, object, old -> new); a page shows it."""

from decimal import Decimal

from renja.inti.models import AuditEvent
from renja.perencanaan import services
from renja.perencanaan.models import Tahap
from renja.perencanaan.services import IndikatorInput, RowInput
from renja.perencanaan.targets import Target
from tests.perencanaan.test_edit_access import row_of


def test_update_records_old_and_new(users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0002")  # Penyediaan Sandang: 150 Orang, Rp 100.000.000
    data = RowInput(
        kode=row.kode,
        nama=row.nama,
        unit=row.unit,
        lokasi=row.lokasi,
        indikator=[
            IndikatorInput(uraian=row.indikator.get().uraian, target=Target(nilai=Decimal(175)), satuan="Orang")
        ],
        pagu={"PAD": Decimal(120000000)},
    )
    services.subkegiatan_update(actor=users["operator.rehsos"], row=row, expected_version=1, data=data)
    event = AuditEvent.objects.filter(object_id=str(row.pk), action="subkegiatan_update").get()
    assert event.actor == users["operator.rehsos"]
    assert event.old["indikator"][0]["target"] == "150"
    assert event.new["indikator"][0]["target"] == "175"
    assert event.old["pagu"] == {"PAD": "100000000.00"}
    assert event.new["pagu"] == {"PAD": "120000000.00"}
    changed = {k for k, _, _ in event.changes}
    assert {"indikator", "pagu"} <= changed
    assert "nama" not in changed and "kode" not in changed


def test_history_page(client, users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0002")
    client.force_login(users["pemeriksa"])
    html = client.get(f"/renja/baris/{row.pk}/riwayat/").content.decode()
    assert "1.06.04.2.01.0002 Penyediaan Sandang" in html
    assert "Riwayat perubahan" in html and "Rp 100.000.000" in html
    assert "Dibuat" in html and "PAD Rp 100.000.000" in html


def test_demo_load_is_audited(db):
    assert AuditEvent.objects.filter(action="row_create").count() > 100
    # One penetapan per locked stage: Renja 2026 Rancangan Akhir RKPD and Renja 2024 Penetapan.
    locked = {str(pk) for pk in Tahap.objects.filter(status="ditetapkan").values_list("pk", flat=True)}
    assert len(locked) == 2
    audited = AuditEvent.objects.filter(action="tahap_tetapkan").values_list("object_id", flat=True)
    assert sorted(audited) == sorted(locked)


def test_history_page_shows_old_and_new_readably(client, users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0002")
    data = RowInput(
        kode=row.kode,
        nama=row.nama,
        unit=row.unit,
        lokasi=row.lokasi,
        kelompok_sasaran=row.kelompok_sasaran,
        prioritas_nasional=row.prioritas_nasional,
        prioritas_daerah=row.prioritas_daerah,
        prakiraan_pagu=row.prakiraan_pagu,
        indikator=[IndikatorInput(uraian="Jumlah Orang", target=Target(nilai=Decimal(175)), satuan="Orang")],
        pagu={"PAD": Decimal(120000000)},
    )
    services.subkegiatan_update(actor=users["operator.rehsos"], row=row, expected_version=1, data=data)
    client.force_login(users["pimpinan"])
    html = client.get(f"/renja/baris/{row.pk}/riwayat/").content.decode()
    assert "Operator Bidang Rehsos" in html
    assert "<td>PAD Rp 100.000.000</td><td>PAD Rp 120.000.000</td>" in html
    assert ": 175 Orang</td>" in html
