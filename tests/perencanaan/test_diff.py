"""Diff between stages (Permendagri 86/2017 T-C.31 review): Rancangan Akhir RKPD (Tabel 2.19) vs final (BAB IV)."""

from decimal import Decimal

from renja.perencanaan.selectors import tahap_diff


def test_diff_lists_target_changes_from_the_seed(tahap_rkpd, tahap_final):
    diff = tahap_diff(a=tahap_rkpd, b=tahap_final)
    by_kode = {d.kode: d for d in diff.rows}
    permakanan = by_kode["1.06.04.2.01.0001"]
    # seed line 934 (Tabel 2.19): 1800 Orang; line 1321 (BAB IV): 500 Orang
    assert permakanan.status == "ubah"
    assert "target 1.800 Orang → 500 Orang" in permakanan.perubahan
    # seed Tabel 2.19 line 914: 262 Orang; BAB IV line 1307: 2144 Orang
    assert "target 262 Orang → 2.144 Orang" in by_kode["1.06.02.2.03.0014"].perubahan


def test_diff_totals_are_equal_in_the_seed(tahap_rkpd, tahap_final):
    diff = tahap_diff(a=tahap_rkpd, b=tahap_final)
    assert diff.a.total_pagu == diff.b.total_pagu == Decimal("26736518416")
    assert diff.selisih_total == 0
    assert diff.count("tambah") == 0 and diff.count("hapus") == 0


def test_diff_page(client, users, renja2026, tahap_rkpd, tahap_final):
    client.force_login(users["pemeriksa"])
    response = client.get(f"/renja/{renja2026.pk}/selisih/?a={tahap_rkpd.pk}&b={tahap_final.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1.06.04.2.01.0001" in html
    assert "target 1.800 Orang → 500 Orang" in html
    assert html.count("Rp 26.736.518.416") == 2


def test_diff_counts_changes_by_kind(client, users, renja2026, tahap_rkpd, tahap_final):
    diff = tahap_diff(a=tahap_rkpd, b=tahap_final)
    # 13 sub kegiatan targets differ between Tabel 2.19 and BAB IV (renja/demo/data/README.md); the salary row's
    # satuan is "Orang/Bulan" vs "Orang/bulan" (1); kegiatan 1.06.01.2.01/.02/.08/.09 use other indicators in
    # BAB IV (4); 1.06.04, 1.06.04.2.01 and 1.06.06.2.02 have a blank target in Tabel 2.19 and 100 % in BAB IV (3)
    assert diff.count_kind("target") == 13 + 1 + 4 + 3
    assert diff.count_kind("pagu") == 0
    client.force_login(users["pemeriksa"])
    html = client.get(f"/renja/{renja2026.pk}/selisih/?a={tahap_rkpd.pk}&b={tahap_final.pk}").content.decode()
    assert 'id="jenis-target">21<' in html and 'id="jenis-pagu">0<' in html
