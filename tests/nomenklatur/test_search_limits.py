"""Issue 6 defect 8: a search of about 1.000 words gave a server error (SQL expression too deep on SQLite).
The words and the length of a search are capped, with a message."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from renja.nomenklatur import selectors
from renja.nomenklatur.selectors import CARI_KATA_MAKS, CARI_PANJANG_MAKS

pytestmark = pytest.mark.django_db


@pytest.fixture
def klien(client, nomenklatur):
    client.force_login(get_user_model().objects.create_user(username="tamu.cari", password="Rahasia-uji-2026!"))
    return client


def test_defect_8_a_thousand_words_get_a_message_not_a_server_error(klien):
    """Defect 8: 1.000 words, each a filter, nested past SQLite's expression depth."""
    q = " ".join(["permakanan"] * 1000)
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = klien.get("/nomenklatur/", {"versi": "2027", "q": q, "bidang": ""}, **headers)
        assert response.status_code == 400
        assert f"Pencarian paling banyak {CARI_KATA_MAKS} kata (terisi 1.000 kata)" in response.content.decode()


def test_a_very_long_search_gets_a_message(klien):
    response = klien.get("/nomenklatur/", {"versi": "2027", "q": "a" * 100_000, "bidang": ""})
    assert response.status_code == 400
    assert f"Pencarian paling banyak {CARI_PANJANG_MAKS} karakter (terisi 100.000 karakter)" in (
        response.content.decode()
    )


def test_a_very_long_bidang_gets_a_message(klien):
    response = klien.get("/nomenklatur/", {"versi": "2027", "q": "", "bidang": "1" * 60_000})
    assert response.status_code == 400
    assert "Bidang urusan &#x27;11111111111111111111…&#x27; tidak dikenal" in response.content.decode()


def test_the_cap_still_finds(klien, nomenklatur):
    # 1.06.04.2.01.0001 Penyediaan Permakanan: its code prefix and name words, exactly the allowed number of words
    q = " ".join(["1.06", "1.06.04", "penyediaan", "permakanan"] + ["permakanan"] * (CARI_KATA_MAKS - 4))
    kode = list(selectors.nomenklatur_search(versi="2027", q=q).values_list("kode", flat=True))
    assert "1.06.04.2.01.0001" in kode
    response = klien.get("/nomenklatur/", {"versi": "2027", "q": q, "bidang": ""})
    assert response.status_code == 200 and "1.06.04.2.01.0001" in response.content.decode()


def test_selector_refuses_too_many_words(nomenklatur):
    with pytest.raises(ValidationError, match="paling banyak"):
        list(selectors.nomenklatur_search(versi="2027", q="a " * (CARI_KATA_MAKS + 1)))
