"""Issue 6 defect 11 (length half): text fields accepted 100.000 characters. Every text a planning service takes
has a limit checked in the service, with an Indonesian message naming the field; nothing is stored."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from renja.inti.models import AuditEvent
from renja.perencanaan import services
from renja.perencanaan.batas import BATAS_TEKS
from renja.perencanaan.services import IndikatorInput, RowInput
from renja.perencanaan.targets import Target

from .test_edit_access import form_data, row_of

SERATUS_RIBU = "x" * 100_000


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("nama", "Nama"),
        ("lokasi", "Lokasi 1"),  # lokasi is a comma-separated list; the message names the place
        ("prioritas_nasional", "Prioritas nasional"),
        ("prioritas_daerah", "Prioritas daerah"),
        ("kelompok_sasaran", "Kelompok sasaran"),
        ("prakiraan_satuan", "Satuan prakiraan maju"),
        ("indikator-0-uraian", "Indikator 1: uraian"),
        ("indikator-0-satuan", "Indikator 1: satuan"),
        ("kode", "Kode"),
    ],
)
def test_defect_11_hundred_thousand_characters_are_refused_naming_the_field(client, users, tahap_final, field, label):
    """Defect 11: 100.000 characters in any field of the edit form: 400, a message naming the field, nothing
    stored."""
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    events = AuditEvent.objects.count()
    client.force_login(users["perencana"])
    response = client.post(f"/renja/baris/{row.pk}/ubah/", form_data(row, **{field: SERATUS_RIBU}))
    assert response.status_code == 400
    html = response.content.decode()
    assert f"{label} paling banyak" in html and "karakter (terisi 100.000)" in html
    row.refresh_from_db()
    assert row.version == 1 and len(row.nama) < 100 and AuditEvent.objects.count() == events


def _data(row, **overrides) -> RowInput:
    values = dict(
        kode=row.kode,
        nama=row.nama,
        unit=row.unit,
        indikator=[IndikatorInput(uraian="Jumlah Orang", target=Target(nilai=Decimal(500)), satuan="Orang")],
        pagu={"PAD": Decimal(1000000000)},
    )
    values.update(overrides)
    return RowInput(**values)


@pytest.mark.parametrize(
    ("overrides", "pesan"),
    [
        ({"nama": SERATUS_RIBU}, "Nama paling banyak 1.000 karakter (terisi 100.000)"),
        ({"sumber": SERATUS_RIBU}, "Asal data paling banyak 1.000 karakter"),
        ({"catatan": SERATUS_RIBU}, "Catatan paling banyak 4.000 karakter"),
        ({"lokasi": ["Bekasi Utara", SERATUS_RIBU]}, "Lokasi 2 paling banyak"),
        ({"lokasi": [f"Kelurahan {n}" for n in range(101)]}, "Lokasi paling banyak 100 tempat (terisi 101)"),
        (
            {"indikator": [IndikatorInput(uraian="u", target=Target(nilai=Decimal(1)), satuan="Orang")] * 51},
            "paling banyak 50 indikator (terisi 51)",
        ),
        ({"nama": "Penyediaan\x00Permakanan"}, "Nama memuat karakter kendali"),
        ({"prioritas_daerah": "a\ud800b"}, "Prioritas daerah memuat karakter yang tidak sah"),
    ],
)
def test_service_refuses_long_or_broken_text(users, tahap_final, overrides, pesan):
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    with pytest.raises(ValidationError) as caught:
        services.subkegiatan_update(
            actor=users["perencana"], row=row, expected_version=row.version, data=_data(row, **overrides)
        )
    assert any(pesan in m for m in caught.value.messages), caught.value.messages
    row.refresh_from_db()
    assert row.version == 1


def test_text_at_the_limit_is_kept_whole(users, tahap_final):
    row = row_of(tahap_final, "1.06.04.2.01.0001")
    panjang = {k: "é" * BATAS_TEKS[k] for k in ("nama", "prioritas_nasional", "catatan", "sumber")}
    services.subkegiatan_update(
        actor=users["perencana"], row=row, expected_version=row.version, data=_data(row, **panjang)
    )
    row.refresh_from_db()
    assert {k: getattr(row, k) for k in panjang} == panjang


def test_tahap_return_reason_is_bounded(users, tahap_final):
    services.tahap_submit(actor=users["perencana"], tahap=tahap_final)
    with pytest.raises(ValidationError, match="Alasan paling banyak 2.000 karakter"):
        services.tahap_return(actor=users["pimpinan"], tahap=tahap_final, alasan=SERATUS_RIBU)
    tahap_final.refresh_from_db()
    assert tahap_final.status == "diajukan"


def test_tahap_return_over_http_names_the_field(client, users, tahap_final):
    services.tahap_submit(actor=users["perencana"], tahap=tahap_final)
    client.force_login(users["pimpinan"])
    response = client.post(f"/renja/tahap/{tahap_final.pk}/kembalikan/", {"alasan": SERATUS_RIBU}, follow=True)
    assert "Alasan paling banyak" in response.content.decode()
    tahap_final.refresh_from_db()
    assert tahap_final.status == "diajukan"


def test_tahap_catatan_is_bounded(users, tahap_final, renja2026):
    services.tahap_submit(actor=users["perencana"], tahap=tahap_final)
    services.tahap_tetapkan(actor=users["pimpinan"], tahap=tahap_final)
    with pytest.raises(ValidationError, match="Catatan paling banyak"):
        services.tahap_create(actor=users["perencana"], renja=renja2026, jenis="penetapan", catatan=SERATUS_RIBU)
    assert not renja2026.tahap.filter(jenis="penetapan").exists()


class TestAcceptedTextReadsBack(TestCase):
    """Any text the service accepts is stored as given (trimmed) and the row's page shows it, on both databases:
    PostgreSQL refuses NUL in text, so the service refuses control characters before the database does."""

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(teks=st.text(max_size=40), kelompok=st.text(alphabet=st.characters(codec="utf-8"), max_size=20))
    @example(teks="\x00", kelompok="")
    @example(teks="<script>alert(1)</script> & 'Rp'", kelompok="Lansia \u200b terlantar")
    def test_text_round_trip(self, teks, kelompok):
        from django.contrib.auth import get_user_model
        from django.test import Client
        from django.utils.html import escape

        from renja.perencanaan.models import RenjaRow

        user = get_user_model().objects.get(username="perencana")
        row = RenjaRow.objects.select_related("unit").get(tahap__jenis="rancangan_akhir", kode="1.06.04.2.01.0001")
        data = _data(row, prioritas_daerah=teks, kelompok_sasaran=kelompok)
        try:
            services.subkegiatan_update(actor=user, row=row, expected_version=row.version, data=data)
        except ValidationError as exc:
            assert set(exc.message_dict) <= {"prioritas_daerah", "kelompok_sasaran"}
            assert all("karakter" in m for m in exc.messages)
            return
        row.refresh_from_db()
        assert (row.prioritas_daerah, row.kelompok_sasaran) == (teks.strip(), kelompok.strip())
        client = Client()
        client.force_login(user)
        response = client.get(f"/renja/baris/{row.pk}/riwayat/")
        assert response.status_code == 200
        if row.prioritas_daerah:
            assert escape(row.prioritas_daerah) in response.content.decode()
