"""Issue 6 defect 3: a pagu at the accepted maximum made the OPD total pass what terbilang can write, and the
Renja page failed for everyone. Input, totals and terbilang now share one bound (renja.rumus.terbilang)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from renja.inti.models import AuditEvent
from renja.perencanaan import services
from renja.perencanaan.models import Pagu
from renja.perencanaan.selectors import renja_tree
from renja.perencanaan.services import PAGU_MAKS, IndikatorInput, RowInput
from renja.perencanaan.targets import Target
from renja.rumus.terbilang import BATAS_TERBILANG

from .test_edit_access import form_data, row_of

TOTAL_SEED = Decimal("26736518416")  # BAB IV total of the seed, Rp 26.736.518.416
PERMAKANAN = Decimal("1000000000")  # 1.06.04.2.01.0001, PAD Rp 1.000.000.000


def test_bounds_agree():
    assert PAGU_MAKS == BATAS_TERBILANG - 1 == Decimal("999999999999999")


def test_defect_3_pagu_that_would_push_the_stage_total_past_terbilang_is_refused(client, users, tahap_final):
    """Defect 3: Rp 999.999.999.999.999 on one row was accepted; the stage total then broke the Renja page."""
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    events = AuditEvent.objects.count()
    client.force_login(users["perencana"])
    response = client.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, **{"pagu-0-jumlah": "999999999999999"}))
    assert response.status_code == 400
    # 26.736.518.416 - 1.000.000.000 + 999.999.999.999.999 = 1.000.025.736.518.415
    assert "Total pagu tahap Rancangan Akhir menjadi Rp 1.000.025.736.518.415" in response.content.decode()
    assert "melebihi batas Rp 999.999.999.999.999" in response.content.decode()
    assert row.pagu.get().jumlah == PERMAKANAN and AuditEvent.objects.count() == events
    assert client.get(f"/renja/{tahap_final.renja_id}/").status_code == 200


def test_the_largest_pagu_that_fits_is_accepted_and_written_out(client, users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    fits = PAGU_MAKS - (TOTAL_SEED - PERMAKANAN)  # 999.974.263.481.583: the total becomes exactly the maximum
    client.force_login(users["perencana"])
    response = client.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, **{"pagu-0-jumlah": str(fits)}))
    assert response.status_code == 302
    assert renja_tree(tahap=tahap_final).total_pagu == PAGU_MAKS
    html = client.get(f"/renja/{tahap_final.renja_id}/?tahap={tahap_final.pk}").content.decode()
    assert "Rp 999.999.999.999.999" in html
    assert "Sembilan ratus sembilan puluh sembilan triliun" in html


def test_new_row_is_bounded_by_the_stage_total_too(users, tahap_final):
    kegiatan = tahap_final.rows.get(kode="1.06.04.2.01")
    data = RowInput(
        kode="1.06.04.2.01.0017",
        nama="",
        unit=row_of(tahap_final, "1.06.04.2.01.0001").unit,
        indikator=[IndikatorInput(uraian="Jumlah Orang", target=Target(nilai=Decimal(1)), satuan="Orang")],
        pagu={"PAD": PAGU_MAKS},
    )
    with pytest.raises(ValidationError, match="Total pagu tahap Rancangan Akhir menjadi"):
        services.row_create(
            actor=users["perencana"], tahap=tahap_final, level="sub_kegiatan", parent=kegiatan, data=data
        )
    assert not tahap_final.rows.filter(kode="1.06.04.2.01.0017").exists()


def test_prakiraan_total_has_the_same_bound(users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    others = sum((r.prakiraan_pagu or 0 for r in tahap_final.rows.exclude(pk=row.pk)), Decimal(0))
    data = RowInput(
        kode=row.kode,
        nama=row.nama,
        unit=row.unit,
        indikator=[IndikatorInput(uraian="Jumlah Orang", target=Target(nilai=Decimal(500)), satuan="Orang")],
        pagu={"PAD": PERMAKANAN},
        prakiraan_pagu=PAGU_MAKS - others + 1,
    )
    with pytest.raises(ValidationError, match="Total pagu prakiraan maju tahap Rancangan Akhir menjadi"):
        services.subkegiatan_update(actor=users["perencana"], row=row, expected_version=row.version, data=data)


def test_page_stays_up_when_a_stored_total_is_past_terbilang(client, users, tahap_final):
    """Rows written before the bound (or by a bulk load) must not take the page down: the words are left out."""
    Pagu.objects.filter(row=row_of(tahap_final, "1.06.04.2.01.0001")).update(jumlah=PAGU_MAKS)
    client.force_login(users["pemeriksa"])
    response = client.get(f"/renja/{tahap_final.renja_id}/?tahap={tahap_final.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rp 1.000.025.736.518.415" in html
    assert "terlalu besar untuk ditulis dengan huruf" in html
