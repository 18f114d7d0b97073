"""Early warning (issue 11, Build 5): linear vs plan-based projection, each flagging what it should.

Two sub kegiatan of Bidang Rehsos, realisation typed through monev's services up to TW II (June):

* Penyediaan Permakanan 1.06.04.2.01.0001: pagu PAD Rp 1.000.000.000, target 1.800 Orang (aggregation jumlah).
  Spent 80.000.000 (March) + 120.000.000 (June) = 200.000.000; 450 + 450 = 900 Orang.
  - linear: 200.000.000 x 4 / 2 = 400.000.000 = 40,00% of pagu -> below 80 -> flagged (serapan);
  - plan: Jan-Jun 250.000.000 of a 1.000.000.000 plan (back-loaded): 200/250 x 1.000.000.000 = 800.000.000 =
    80,00% -> not below 80 -> not flagged;
  - capaian: 900 x 4 / 2 = 1.800 of 1.800 = 100% -> not flagged.
* Penyediaan Sandang 1.06.04.2.01.0002: pagu PAD Rp 100.000.000, target 770 Orang.
  Spent 20.000.000 + 25.000.000 = 45.000.000; 100 + 100 = 200 Orang.
  - linear: 45.000.000 x 2 = 90.000.000 = 90,00% -> not flagged for serapan;
  - plan: Jan-Jun 90.000.000 of a 100.000.000 plan (front-loaded): 45/90 x 100.000.000 = 50.000.000 = 50,00% ->
    flagged;
  - capaian: 200 x 2 = 400 of 770 = 51,948...% -> below 80 -> flagged under either method.
"""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from renja.inti.models import AuditEvent
from renja.monev import peringatan, services
from renja.monev.models_peringatan import PptkSubKegiatan
from renja.perencanaan.targets import Target

JUTA = 1_000_000
RENCANA_PERMAKANAN = [0, 0, 100 * JUTA, 0, 0, 150 * JUTA] + [125 * JUTA] * 6  # 250 jt by June, 1.000 jt a year
RENCANA_SANDANG = [15 * JUTA] * 6 + [2 * JUTA] * 5 + [0]  # 90 jt by June, 100 jt a year


@pytest.fixture
def realisasi(users, permakanan, sandang, pad):
    perencana = users["perencana"]
    for row, (tw1, tw2), (k1, k2) in (
        (permakanan, (80 * JUTA, 120 * JUTA), (450, 450)),
        (sandang, (20 * JUTA, 25 * JUTA), (100, 100)),
    ):
        for bulan, jumlah in ((3, tw1), (6, tw2)):
            services.realisasi_keuangan_record(
                actor=perencana, row=row, sumber_dana_id=pad.pk, bulan=bulan, jumlah=Decimal(jumlah), expected_version=0
            )
        ind = row.indikator.order_by("urutan").first()
        for bulan, nilai in ((3, k1), (6, k2)):
            services.realisasi_kinerja_record(
                actor=perencana, indikator=ind, bulan=bulan, nilai=Target(nilai=Decimal(nilai)), expected_version=0
            )


@pytest.fixture
def rencana(users, renja2026, permakanan, sandang):
    for row, bulan in ((permakanan, RENCANA_PERMAKANAN), (sandang, RENCANA_SANDANG)):
        peringatan.rencana_penarikan_set(
            actor=users["perencana"], renja=renja2026, row=row, bulan=[Decimal(b) for b in bulan]
        )


def _by_kode(daftar):
    return {p.row.kode: p for p in daftar.semua}


def test_linear_projection_flags_the_slow_spender(users, renja2026, realisasi, rencana):
    d = peringatan.peringatan_dini(user=users["pemeriksa"], renja=renja2026, triwulan=2, metode="linear")
    p = _by_kode(d)
    perm, sand = p["1.06.04.2.01.0001"], p["1.06.04.2.01.0002"]
    assert perm.realisasi_sd == Decimal(200 * JUTA)
    assert perm.proyeksi_linear == Decimal(400 * JUTA)
    assert perm.serapan_linear == Decimal(40)
    assert perm.alasan == ["serapan"]
    assert sand.proyeksi_linear == Decimal(90 * JUTA)
    assert sand.serapan_linear == Decimal(90)
    assert sand.alasan == ["capaian"]
    assert sand.capaian_proyeksi.quantize(Decimal("0.01")) == Decimal("51.95")  # 400 / 770
    assert perm.capaian_proyeksi == Decimal(100)
    listed = {x.row.kode for x in d.diperingatkan}
    assert {"1.06.04.2.01.0001", "1.06.04.2.01.0002"} <= listed


def test_plan_projection_flags_the_row_behind_its_plan(users, renja2026, realisasi, rencana):
    d = peringatan.peringatan_dini(user=users["pemeriksa"], renja=renja2026, triwulan=2, metode="rencana")
    p = _by_kode(d)
    perm, sand = p["1.06.04.2.01.0001"], p["1.06.04.2.01.0002"]
    assert (perm.rencana_sd, perm.rencana_setahun) == (Decimal(250 * JUTA), Decimal(1000 * JUTA))
    assert perm.proyeksi_rencana == Decimal(800 * JUTA)
    assert perm.serapan_rencana == Decimal(80)
    assert perm.alasan == []  # 80,00% is not below the threshold of 80
    assert (sand.rencana_sd, sand.rencana_setahun) == (Decimal(90 * JUTA), Decimal(100 * JUTA))
    assert sand.proyeksi_rencana == Decimal(50 * JUTA)
    assert sand.serapan_rencana == Decimal(50)
    assert sand.alasan == ["serapan", "capaian"]
    # otomatis = the plan where there is one
    auto = _by_kode(peringatan.peringatan_dini(user=users["pemeriksa"], renja=renja2026, triwulan=2))
    assert auto["1.06.04.2.01.0001"].metode == "rencana" and auto["1.06.04.2.01.0001"].alasan == []


def test_unit_and_pptk_on_the_list(users, renja2026, realisasi, permakanan):
    peringatan.pptk_set(actor=users["perencana"], renja=renja2026, row=permakanan, nama="Siti Rahayu, S.Sos")
    d = peringatan.peringatan_dini(user=users["operator.rehsos"], renja=renja2026, triwulan=2, metode="linear")
    p = _by_kode(d)["1.06.04.2.01.0001"]
    assert p.row.unit.nama == "Bidang Rehabilitasi Sosial"
    assert p.pptk.nama == "Siti Rahayu, S.Sos"
    assert p.lampu == "merah"


def test_blank_is_not_zero(users, renja2026, realisasi):
    p = _by_kode(peringatan.peringatan_dini(user=users["pemeriksa"], renja=renja2026, triwulan=2, metode="linear"))
    # Penyediaan Gaji dan Tunjangan ASN has no realisation here: belum ada data, not 0% and not listed
    gaji = p["1.06.01.2.02.0001"]
    assert gaji.realisasi_sd is None and gaji.serapan_linear is None
    assert gaji.belum_ada_data and gaji.lampu == "abu" and gaji.alasan == []


def test_thresholds_are_configurable(users, renja2026, realisasi):
    # At 35% Permakanan's 40% is no longer below; Sandang's capaian 51,95% still is below 55
    peringatan.ambang_peringatan_set(
        actor=users["perencana"], renja=renja2026, serapan=Decimal(35), capaian=Decimal(55)
    )
    p = _by_kode(peringatan.peringatan_dini(user=users["pemeriksa"], renja=renja2026, triwulan=2, metode="linear"))
    assert p["1.06.04.2.01.0001"].alasan == []
    assert p["1.06.04.2.01.0001"].lampu == "kuning"  # 40 is less than 10 points above 35
    assert p["1.06.04.2.01.0002"].alasan == ["capaian"]
    assert AuditEvent.objects.filter(action="ambang_peringatan_set").count() == 1
    with pytest.raises(ValidationError, match="0 sampai 100"):
        peringatan.ambang_peringatan_set(actor=users["perencana"], renja=renja2026, serapan=Decimal(101), capaian=1)


def test_plan_input_bounds_and_roles(users, renja2026, permakanan):
    bulan = [Decimal(0)] * 12
    with pytest.raises(PermissionDenied, match="perencana"):
        peringatan.rencana_penarikan_set(actor=users["operator.rehsos"], renja=renja2026, row=permakanan, bulan=bulan)
    bulan[4] = Decimal("10.50")
    with pytest.raises(ValidationError, match="Rencana penarikan 1.06.04.2.01.0001 bulan Mei: isi Rupiah bulat"):
        peringatan.rencana_penarikan_set(actor=users["perencana"], renja=renja2026, row=permakanan, bulan=bulan)
    bulan[4] = Decimal(-1)
    with pytest.raises(ValidationError, match="tidak boleh negatif"):
        peringatan.rencana_penarikan_set(actor=users["perencana"], renja=renja2026, row=permakanan, bulan=bulan)
    with pytest.raises(ValidationError, match="NIP PPTK"):
        peringatan.pptk_set(actor=users["perencana"], renja=renja2026, row=permakanan, nama="A", nip="123")
    assert not PptkSubKegiatan.objects.exists()


def test_plan_page_shows_the_plan_and_its_difference_from_pagu(users, renja2026, rencana):
    rows = {b.row.kode: b for b in peringatan.rencana_penarikan_list(user=users["pemeriksa"], renja=renja2026)}
    assert rows["1.06.04.2.01.0001"].total == Decimal(1000 * JUTA)
    assert rows["1.06.04.2.01.0001"].selisih == Decimal(0)
    assert rows["1.06.04.2.01.0002"].total == Decimal(100 * JUTA)
    assert rows["1.06.01.2.02.0001"].total is None


def test_pages(client, users, renja2026, realisasi, rencana, permakanan):
    client.force_login(users["pemeriksa"])
    r = client.get(f"/monev/{renja2026.pk}/peringatan/?tw=2&metode=linear")
    assert r.status_code == 200
    html = r.content.decode()
    assert 'data-kode="1.06.04.2.01.0001" data-lampu="merah"' in html
    assert "Rp 400.000.000 (40,00%)" in html  # linear projection of Permakanan
    assert "Rp 800.000.000 (80,00%)" in html  # its plan-based projection
    r = client.get(f"/monev/{renja2026.pk}/rencana-penarikan/")
    assert r.status_code == 200 and 'form="f-' not in r.content.decode()  # read-only for the pemeriksa
    r = client.post(f"/monev/{renja2026.pk}/rencana-penarikan/{permakanan.pk}/", {"b1": "1.000"}, follow=True)
    assert "diisi oleh perencana" in r.content.decode()
    client.force_login(users["perencana"])
    data = {f"b{m}": "" for m in range(1, 13)} | {"b1": "5.000.000", "pptk_nama": "Budi", "pptk_nip": ""}
    r = client.post(f"/monev/{renja2026.pk}/rencana-penarikan/{permakanan.pk}/", data, follow=True)
    assert "Rencana penarikan 1.06.04.2.01.0001 disimpan." in r.content.decode()
    b = {x.row.kode: x for x in peringatan.rencana_penarikan_list(user=users["perencana"], renja=renja2026)}
    assert b["1.06.04.2.01.0001"].bulan[0] == Decimal(5_000_000) and b["1.06.04.2.01.0001"].total == Decimal(5_000_000)
    assert b["1.06.04.2.01.0001"].pptk.nama == "Budi"
    r = client.post(f"/monev/{renja2026.pk}/ambang-peringatan/", {"serapan": "75,5", "capaian": "abc"}, follow=True)
    assert "Ambang capaian: &#x27;abc&#x27; bukan persen yang sah" in r.content.decode()
    r = client.post(f"/monev/{renja2026.pk}/ambang-peringatan/", {"serapan": "75,5", "capaian": "70"}, follow=True)
    assert peringatan.ambang_get(renja=renja2026).serapan == Decimal("75.5")
