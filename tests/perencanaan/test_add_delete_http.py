"""Adding and deleting sub kegiatan from the pages."""

from decimal import Decimal

from renja.perencanaan.models import RenjaRow
from renja.perencanaan.selectors import renja_tree


def new_form(**overrides) -> dict:
    data = {
        "kode": "1.06.04.2.01.0017",
        "nama": "",
        "unit": "",
        "lokasi": "Kota Bekasi",
        "prakiraan_target": "",
        "prakiraan_satuan": "",
        "prakiraan_pagu": "",
        "indikator-TOTAL_FORMS": 1,
        "indikator-INITIAL_FORMS": 0,
        "indikator-MIN_NUM_FORMS": 0,
        "indikator-MAX_NUM_FORMS": 1000,
        "indikator-0-uraian": "Jumlah Orang yang Mendapatkan Perbekalan Kesehatan",
        "indikator-0-target": "120",
        "indikator-0-satuan": "Orang",
        "pagu-TOTAL_FORMS": 1,
        "pagu-INITIAL_FORMS": 0,
        "pagu-MIN_NUM_FORMS": 0,
        "pagu-MAX_NUM_FORMS": 1000,
        "pagu-0-sumber_dana": "PAD",
        "pagu-0-jumlah": "Rp 80.000.000",
    }
    data.update(overrides)
    return data


def test_operator_adds_a_sub_kegiatan_in_own_unit(client, users, tahap_final, renja2026):
    kegiatan = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01")
    rehsos = renja2026.opd.unit_kerja.get(kode="rehsos")
    client.force_login(users["operator.rehsos"])
    assert f'value="{rehsos.pk}" selected' in client.get(f"/renja/baris/{kegiatan.pk}/tambah/").content.decode()
    response = client.post(f"/renja/baris/{kegiatan.pk}/tambah/", new_form(unit=rehsos.pk))
    assert response.status_code == 302
    row = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01.0017")
    assert row.nama == "Penyediaan Perbekalan Kesehatan"  # taken from the nomenclature when left empty
    # 4.962.840.000 + 80.000.000
    program = next(p for p in renja_tree(tahap=tahap_final).programs if p.row.kode == "1.06.04")
    assert program.pagu == Decimal("5042840000")


def test_operator_cannot_add_for_another_unit(client, users, tahap_final, renja2026):
    kegiatan = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01")
    linjamsos = renja2026.opd.unit_kerja.get(kode="linjamsos")
    client.force_login(users["operator.rehsos"])
    response = client.post(f"/renja/baris/{kegiatan.pk}/tambah/", new_form(unit=linjamsos.pk))
    assert response.status_code == 403
    assert not RenjaRow.objects.filter(tahap=tahap_final, kode="1.06.04.2.01.0017").exists()


def test_pemeriksa_cannot_add(client, users, tahap_final):
    kegiatan = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01")
    client.force_login(users["pemeriksa"])
    assert client.get(f"/renja/baris/{kegiatan.pk}/tambah/").status_code == 403


def test_code_outside_the_kegiatan_is_refused(client, users, tahap_final):
    kegiatan = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01")
    client.force_login(users["perencana"])
    response = client.post(f"/renja/baris/{kegiatan.pk}/tambah/", new_form(kode="1.06.06.2.01.0003"))
    assert response.status_code == 400
    assert "1.06.06.2.01.0003" in response.content.decode()


def test_delete_from_the_page(client, users, tahap_final):
    row = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01.0002")
    client.force_login(users["perencana"])
    response = client.post(f"/renja/baris/{row.pk}/hapus/", {"version": row.version}, follow=True)
    assert "Baris 1.06.04.2.01.0002 dihapus" in response.content.decode()
    assert renja_tree(tahap=tahap_final).total_pagu == Decimal("26636518416")
