"""Issue 6 defect 10: an operator who cleared the unit of their own row got a 403 page and lost the input; actions
a user may not take were offered (operator.linjamsos saw "Tambah sub" under other units' kegiatan, and GET of that
form answered 200 although the POST was refused)."""

import re

import pytest

from renja.perencanaan.models import RenjaRow

from .test_add_delete_http import new_form
from .test_edit_access import form_data, row_of

REHSOS_SAJA = "1.06.04.2.01"  # kegiatan whose sub kegiatan are all Bidang Rehabilitasi Sosial
LINJAMSOS_SAJA = "1.06.06.2.02"  # kegiatan whose sub kegiatan are all Bidang Perlindungan dan Jaminan Sosial


def tambah_links(html: str) -> set[int]:
    return {int(pk) for pk in re.findall(r'href="/renja/baris/(\d+)/tambah/"', html)}


def test_defect_10_clearing_the_unit_is_a_form_error_that_keeps_the_input(client, users, tahap_final):
    """Defect 10: the operator's own row, unit cleared, target changed: 400 with the message beside the field,
    everything typed still in the form, nothing stored."""
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    client.force_login(users["operator.rehsos"])
    response = client.post(
        f"/renja/baris/{row.pk}/ubah/",
        form_data(row, unit="", kelompok_sasaran="Lansia terlantar", **{"indikator-0-target": "650"}),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Unit penanggung jawab wajib dipilih untuk sub kegiatan." in html
    assert 'value="650"' in html and 'value="Lansia terlantar"' in html
    row.refresh_from_db()
    assert row.version == 1 and row.unit.kode == "rehsos"


def test_operator_adding_without_a_unit_gets_a_form_error(client, users, tahap_final):
    kegiatan = RenjaRow.objects.get(tahap=tahap_final, kode=REHSOS_SAJA)
    client.force_login(users["operator.rehsos"])
    response = client.post(f"/renja/baris/{kegiatan.pk}/tambah/", new_form(unit=""))
    assert response.status_code == 400
    assert "Unit penanggung jawab wajib dipilih untuk sub kegiatan." in response.content.decode()
    assert 'value="Kota Bekasi"' in response.content.decode()
    assert not tahap_final.rows.filter(kode="1.06.04.2.01.0017").exists()


@pytest.mark.parametrize(
    ("username", "boleh", "tidak"),
    [
        ("operator.linjamsos", LINJAMSOS_SAJA, REHSOS_SAJA),
        ("operator.rehsos", REHSOS_SAJA, LINJAMSOS_SAJA),
    ],
)
def test_defect_10_tambah_sub_only_where_the_operator_may_add(client, users, tahap_final, username, boleh, tidak):
    """Defect 10: the link is offered only under a kegiatan that already holds a sub kegiatan of the operator's
    unit, and the form answers 403 on GET exactly where the POST would be refused."""
    boleh_row = RenjaRow.objects.get(tahap=tahap_final, kode=boleh)
    tidak_row = RenjaRow.objects.get(tahap=tahap_final, kode=tidak)
    client.force_login(users[username])
    for url in (f"/renja/{tahap_final.renja_id}/?tahap={tahap_final.pk}", f"/renja/{tahap_final.renja_id}/"):
        links = tambah_links(client.get(url).content.decode())
        assert boleh_row.pk in links and tidak_row.pk not in links
    assert client.get(f"/renja/baris/{boleh_row.pk}/tambah/").status_code == 200
    refused = client.get(f"/renja/baris/{tidak_row.pk}/tambah/")
    assert refused.status_code == 403
    assert "minta perencana menambahkannya" in refused.content.decode()


def test_links_follow_the_same_rule_as_the_post(client, users, tahap_final):
    """Every kegiatan: a link is shown exactly where GET of the form answers 200."""
    client.force_login(users["operator.linjamsos"])
    links = tambah_links(client.get(f"/renja/{tahap_final.renja_id}/?tahap={tahap_final.pk}").content.decode())
    for kegiatan in tahap_final.rows.filter(level="kegiatan"):
        status = client.get(f"/renja/baris/{kegiatan.pk}/tambah/").status_code
        assert (status == 200) == (kegiatan.pk in links), kegiatan.kode


def test_a_unit_filter_does_not_hide_an_allowed_link(client, users, tahap_final, renja2026):
    """Filtered to Gulmakin, kegiatan 1.06.05.2.02 (Gulmakin and Linjamsos rows) still offers Linjamsos to add."""
    shared = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.05.2.02")
    gulmakin = renja2026.opd.unit_kerja.get(kode="gulmakin")
    client.force_login(users["operator.linjamsos"])
    html = client.get(f"/renja/{tahap_final.renja_id}/?tahap={tahap_final.pk}&unit={gulmakin.pk}").content.decode()
    assert shared.pk in tambah_links(html)
    assert client.get(f"/renja/baris/{shared.pk}/tambah/").status_code == 200


def test_perencana_sees_every_tambah_sub(client, users, tahap_final):
    client.force_login(users["perencana"])
    links = tambah_links(client.get(f"/renja/{tahap_final.renja_id}/?tahap={tahap_final.pk}").content.decode())
    assert links == set(tahap_final.rows.filter(level="kegiatan").values_list("pk", flat=True))


@pytest.mark.parametrize("username", ["pimpinan", "pemeriksa"])
def test_readers_see_no_tambah_sub(client, users, tahap_final, username):
    client.force_login(users[username])
    assert tambah_links(client.get(f"/renja/{tahap_final.renja_id}/?tahap={tahap_final.pk}").content.decode()) == set()
