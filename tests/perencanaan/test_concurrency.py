"""Two users save the same row: the second save is refused with a message and the first value stays."""

from decimal import Decimal

from django.test import Client

from .test_edit_access import form_data, row_of


def test_second_stale_save_is_refused(users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0005")  # Bimbingan Fisik, Mental, Spiritual, dan Sosial: 200 Orang
    perencana, operator = Client(), Client()
    perencana.force_login(users["perencana"])
    operator.force_login(users["operator.rehsos"])
    # both open the form at version 1
    first = form_data(row, **{"indikator-0-target": "250"})
    second = form_data(row, **{"indikator-0-target": "300"})
    assert perencana.post(f"/renja/baris/{row.pk}/ubah/", first).status_code == 302
    response = operator.post(f"/renja/baris/{row.pk}/ubah/", second)
    assert response.status_code == 409
    html = response.content.decode()
    assert "sudah diubah oleh perencana" in html
    assert 'value="300"' in html  # the refused input is still in the form: nothing the user typed is lost
    row.refresh_from_db()
    assert row.version == 2
    assert row.indikator.get().target_nilai == Decimal("250")
