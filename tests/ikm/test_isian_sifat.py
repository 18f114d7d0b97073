"""Property tests of the public form's bounded inputs: any suggestion and profile the service accepts reads back
identical and renders; anything it refuses is named and nothing is stored."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from renja.ikm import services
from renja.ikm.models import SARAN_MAKS, JenisKelamin, KelompokUsia, Pekerjaan, Pendidikan, Responden
from tests.ikm.conftest import isian_lengkap

pytestmark = pytest.mark.django_db

# text a person could type: no surrogates, no NUL; leading/trailing blanks and CR LF are normalised by the service
SARAN = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=SARAN_MAKS + 20
)


@given(saran=SARAN)
@hyp_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_accepted_saran_reads_back_identical_and_renders(tautan, saran):
    bersih = saran.strip()
    sebelum = Responden.objects.count()
    try:
        r = services.responden_submit(tautan=tautan, isian=isian_lengkap(saran=saran))
    except ValidationError as exc:
        assert len(bersih) > SARAN_MAKS
        assert exc.message_dict == {"saran": [f"Saran paling panjang {SARAN_MAKS} karakter (terisi {len(bersih)})."]}
        assert Responden.objects.count() == sebelum
        return
    assert len(bersih) <= SARAN_MAKS
    r.refresh_from_db()
    assert r.saran == bersih
    # rendered back into the form (a refused submission keeps what was typed), escaped
    data = {f"u{i}": "4" for i in range(2, 10)}
    data.update(jenis_kelamin="L", kelompok_usia="<20", pendidikan="SD", pekerjaan="TIDAK", saran=r.saran)
    html = Client().post(reverse("ikm_publik:survei", args=[tautan.token]), data).content.decode()
    assert escape(r.saran) + "</textarea>" in html


BAND = {
    "jenis_kelamin": JenisKelamin.values,
    "kelompok_usia": KelompokUsia.values,
    "pendidikan": Pendidikan.values,
    "pekerjaan": Pekerjaan.values,
}


@given(
    field=st.sampled_from(sorted(BAND)),
    nilai=st.one_of(st.sampled_from(sorted({v for vs in BAND.values() for v in vs})), st.text(max_size=12)),
)
@hyp_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_profile_band_accepted_reads_back_and_renders(tautan, field, nilai):
    sebelum = Responden.objects.count()
    try:
        r = services.responden_submit(tautan=tautan, isian=isian_lengkap(**{field: nilai}))
    except ValidationError as exc:
        assert nilai.strip() not in BAND[field]
        assert set(exc.message_dict) == {field}
        assert Responden.objects.count() == sebelum
        return
    assert nilai.strip() in BAND[field]
    r.refresh_from_db()
    assert getattr(r, field) == nilai.strip()
    # rendered: the radio of that band is the one checked when the form comes back
    data = {f"u{i}": "4" for i in range(2, 10)}
    data[field] = getattr(r, field)
    html = Client().post(reverse("ikm_publik:survei", args=[tautan.token]), data).content.decode()
    assert f'name="{field}" value="{escape(getattr(r, field))}" required checked' in html
