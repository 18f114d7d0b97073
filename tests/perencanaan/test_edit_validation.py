"""Bad input gets an Indonesian message naming the field; nothing is half-written."""

from decimal import Decimal

import pytest

from renja.inti.models import AuditEvent

from .test_edit_access import form_data, row_of


@pytest.fixture
def perencana(client, users):
    client.force_login(users["perencana"])
    return client


@pytest.mark.parametrize(
    ("overrides", "pesan"),
    [
        ({"indikator-0-target": "-10"}, "tidak boleh negatif"),
        ({"indikator-0-target": "banyak"}, "isi angka ≥ 0"),
        ({"indikator-0-satuan": ""}, "Indikator 1: satuan wajib diisi"),
        ({"indikator-0-target": ""}, "Indikator 1: target wajib diisi"),
        ({"indikator-0-target": "0,00001"}, "paling banyak 4 angka di belakang koma"),
        ({"indikator-0-target": "99.999.999.999.999.999.999"}, "target terlalu besar"),
        ({"pagu-0-jumlah": "Rp 999.999.999.999.999.999"}, "melebihi batas Rp 999.999.999.999.999"),
        ({"indikator-0-satuan": "x" * 61}, "paling banyak 60 karakter"),
        ({"kelompok_sasaran": "x" * 301}, "paling banyak 300 karakter"),
        ({"unit": ""}, "Unit penanggung jawab wajib dipilih"),
        ({"version": ""}, "Formulir tidak lengkap"),
        ({"pagu-0-jumlah": "Rp .350.000.000"}, "bukan jumlah Rupiah yang sah"),
        ({"pagu-0-jumlah": "1.000,50"}, "Rupiah bulat"),
        ({"pagu-0-jumlah": "-5"}, "tidak boleh negatif"),
        ({"kode": "1.06.04.2.01.9999"}, "tidak ada"),
        ({"kode": "1.06.04.02.01.0001"}, "tidak sesuai format"),
    ],
)
def test_invalid_input_is_refused_with_a_message(perencana, tahap_final, overrides, pesan):
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    events_before = AuditEvent.objects.count()
    response = perencana.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, **overrides))
    assert response.status_code == 400, response.status_code
    assert pesan in response.content.decode()
    row.refresh_from_db()
    assert row.version == 1
    assert row.indikator.get().target_nilai == Decimal("500")
    assert sum(p.jumlah for p in row.pagu.all()) == Decimal("1000000000")
    assert AuditEvent.objects.count() == events_before


def test_grade_target_is_accepted(perencana, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    response = perencana.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, **{"indikator-0-target": "bb"}))
    assert response.status_code == 302
    ind = row.indikator.get()
    assert (ind.target_grade, ind.target_nilai) == ("BB", None)


def test_indonesian_money_input_is_parsed(perencana, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    response = perencana.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, **{"pagu-0-jumlah": "Rp 1.250.000.000"}))
    assert response.status_code == 302
    assert row.pagu.get().jumlah == Decimal("1250000000")


def test_broken_formset_says_why(perencana, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    data = form_data(row)
    del data["pagu-TOTAL_FORMS"]
    response = perencana.post(f"/renja/baris/{row.pk}/ubah/", data)
    assert response.status_code == 400
    assert "Pagu: " in response.content.decode()
