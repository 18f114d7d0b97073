"""The public IKM form in Debian's chromium: a respondent on a phone with the keyboard only, a second submission from
the same browser refused politely, the form without JavaScript, and axe-core finding no serious or critical
accessibility violation (axe-core 4.14.1 kept in tests/e2e/vendor, see its README)."""

import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PONSEL = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "locale": "id-ID",
    "timezone_id": "Asia/Jakarta",
}
GRUP = ["jenis_kelamin", "kelompok_usia", "pendidikan", "pekerjaan"] + [f"u{i}" for i in range(1, 10)]


@pytest.fixture
def survei(demo_live):
    """One layanan of the demo's Dinas Sosial and a period open today with its public link, through the services
    (demo_live reloads the demo: the transactional test database starts empty)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from renja.ikm import services
    from renja.organisasi.models import PerangkatDaerah

    perencana = get_user_model().objects.get(username="perencana")
    opd = PerangkatDaerah.objects.get(kode="1.06.0.00.0.00.01.0000")
    services.layanan_create(actor=perencana, opd=opd, kode="UJI-E2E", nama="Rekomendasi rehabilitasi sosial")
    hari_ini = timezone.localdate()
    periode = services.periode_create(
        actor=perencana,
        opd=opd,
        kode="UJI-E2E",
        nama="Semester uji",
        mulai=hari_ini - datetime.timedelta(days=3),
        selesai=hari_ini + datetime.timedelta(days=3),
    )
    tautan = next(t for t in services.tautan_buat(actor=perencana, periode=periode) if t.layanan.kode == "UJI-E2E")
    return f"{demo_live.url}/s/{tautan.token}/"


def _aktif(page: Page) -> dict:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName.toLowerCase(), name: e.name || '', type: e.type || '', checked: !!e.checked}; }"
    )


def _isi_dengan_papan_ketik(page: Page, pilihan: dict[str, int], saran: str) -> None:
    """Tab into each radio group in page order, choose with Space (first option) or the arrow keys, type the
    suggestion, Tab to the button and press Enter. Never a click."""
    for _ in range(10):  # from the top of the page to the first radio group
        page.keyboard.press("Tab")
        if _aktif(page)["name"] == GRUP[0]:
            break
    for nama in GRUP:
        aktif = _aktif(page)
        assert (aktif["tag"], aktif["name"]) == ("input", nama), f"fokus di {aktif}, seharusnya grup {nama}"
        langkah = pilihan[nama] - 1
        if langkah == 0:
            page.keyboard.press("Space")
        for _ in range(langkah):
            page.keyboard.press("ArrowDown")
        assert _aktif(page)["checked"]
        page.keyboard.press("Tab")
    assert _aktif(page) == {"tag": "textarea", "name": "saran", "type": "textarea", "checked": False}
    page.keyboard.type(saran)
    page.keyboard.press("Tab")
    assert _aktif(page)["tag"] == "button"
    page.keyboard.press("Enter")


def test_phone_keyboard_only_then_second_submission_refused(browser: Browser, survei):
    from renja.ikm.models import Responden

    konteks = browser.new_context(**PONSEL)
    pelanggaran: list[str] = []
    page = konteks.new_page()
    page.on("console", lambda m: pelanggaran.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(survei)
    # a second tab of the same browser opened before the first submission: its later submission is the duplicate
    tab_kedua = konteks.new_page()
    tab_kedua.goto(survei)
    expect(page.get_by_role("heading", name="Survei Kepuasan Masyarakat")).to_be_visible()
    # mobile first: nothing wider than the phone, answer targets at least 44 px high
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    tinggi = page.evaluate(
        "() => Math.min(...[...document.querySelectorAll('label.pilihan')].map(l => l.offsetHeight))"
    )
    assert tinggi >= 44

    jawaban = {"u1": 4, "u2": 3, "u3": 4, "u4": 2, "u5": 4, "u6": 4, "u7": 3, "u8": 4, "u9": 1}
    profil = {"jenis_kelamin": 2, "kelompok_usia": 3, "pendidikan": 3, "pekerjaan": 1}
    _isi_dengan_papan_ketik(page, {**profil, **jawaban}, "Antrean dipercepat")
    expect(page.get_by_role("heading", name="Terima kasih")).to_be_visible()
    r = Responden.objects.exclude(sumber="demo").get()
    assert r.jawaban == [4, 3, 4, 2, 4, 4, 3, 4, 1]
    # 2nd jenis kelamin, 3rd age band, 3rd education, 1st occupation in the models' order
    assert (r.jenis_kelamin, r.kelompok_usia, r.pendidikan, r.pekerjaan) == ("P", "30-39", "SMA", "PNS")
    assert (r.saran, r.sumber) == ("Antrean dipercepat", "daring")

    # the same browser, the same period: the form is not offered again ...
    page.goto(survei)
    expect(page.get_by_role("heading", name="Terima kasih, Anda sudah mengisi")).to_be_visible()
    expect(page.locator("#form-survei")).to_have_count(0)
    # ... and the form left open in the other tab is refused politely, nothing stored
    for nama in GRUP:
        tab_kedua.locator(f"input[name={nama}]").first.check()
    tab_kedua.get_by_role("button", name="Kirim jawaban").click()
    expect(tab_kedua.get_by_role("status")).to_contain_text("cukup mengisi sekali dalam satu periode")
    assert Responden.objects.exclude(sumber="demo").count() == 1
    assert pelanggaran == []
    konteks.close()


def test_form_works_without_javascript(browser: Browser, survei):
    from renja.ikm.models import Responden

    konteks = browser.new_context(**PONSEL, java_script_enabled=False)
    page = konteks.new_page()
    page.goto(survei)
    for nama in GRUP:
        page.locator(f"label[for={nama}-1]").click()  # tapping the label (a large target) chooses the answer
    page.get_by_label("Perempuan").check()
    page.get_by_label("Saran untuk perbaikan layanan").fill("Tanpa JavaScript pun bisa")
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_role("heading", name="Terima kasih")).to_be_visible()
    r = Responden.objects.exclude(sumber="demo").get()
    assert r.jawaban == [1] * 9 and r.saran == "Tanpa JavaScript pun bisa" and r.jenis_kelamin == "P"
    assert (r.kelompok_usia, r.pendidikan, r.pekerjaan) == ("<20", "SD", "PNS")
    page.goto(survei)
    expect(page.get_by_role("heading", name="Terima kasih, Anda sudah mengisi")).to_be_visible()
    konteks.close()


def _axe(page: Page) -> list[dict]:
    page.evaluate(AXE.read_text(encoding="utf-8"))
    hasil = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    # axe really ran its rule set over the page (not an empty result from a failed injection)
    assert hasil["testEngine"] == {"name": "axe-core", "version": "4.14.1"}
    assert len(hasil["passes"]) >= 20, [r["id"] for r in hasil["passes"]]
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in hasil["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_axe_finds_no_serious_or_critical_violation(browser: Browser, survei):
    konteks = browser.new_context(**PONSEL)
    page = konteks.new_page()
    page.goto(survei)
    assert _axe(page) == []
    # the form sent back with errors (server side: the browser's own check skipped) is checked too
    page.evaluate("() => document.getElementById('form-survei').noValidate = true")
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_role("alert")).to_contain_text("Isian belum lengkap")
    assert _axe(page) == []
    konteks.close()
