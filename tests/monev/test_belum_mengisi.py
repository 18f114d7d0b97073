"""'Belum mengisi': units that have not submitted and sub kegiatan without realisation, per OPD and across the OPD
of a Pemda the user may read."""

from decimal import Decimal

import pytest

from renja.monev import selectors, services
from renja.perencanaan.targets import Target

pytestmark = pytest.mark.django_db


def test_units_and_rows_without_realisation(users, renja2026, units, permakanan, sandang, pad):
    op = users["operator.rehsos"]
    services.realisasi_kinerja_record(
        actor=op, indikator=permakanan.indikator.get(), bulan=3, nilai=Target(nilai=Decimal(400)), expected_version=0
    )
    services.realisasi_keuangan_record(
        actor=op, row=permakanan, sumber_dana_id=pad.pk, bulan=2, jumlah=Decimal(200000000), expected_version=0
    )
    services.realisasi_keuangan_record(  # keuangan only: kinerja still missing
        actor=op, row=sandang, sumber_dana_id=pad.pk, bulan=1, jumlah=Decimal(0), expected_version=0
    )
    services.realisasi_submit(actor=op, renja=renja2026, unit=units["rehsos"], triwulan=1)
    r = selectors.belum_mengisi(renja=renja2026, triwulan=1)
    # five units carry sub kegiatan; Rehsos submitted
    assert [u.unit.kode for u in r.unit_belum_mengajukan] == ["sekretariat", "linjamsos", "pemsos", "gulmakin"]
    kosong = {b.row.kode for b in r.baris_kosong}
    assert len(kosong) == 50  # 51 sub kegiatan, Permakanan complete
    assert "1.06.04.2.01.0001" not in kosong and "1.06.04.2.01.0002" in kosong
    rehsos = next(u for u in r.unit if u.unit.kode == "rehsos")
    assert (len(rehsos.baris_kosong), rehsos.baris_total) == (11, 12)


def test_page_per_opd(client, users, renja2026):
    client.force_login(users["pemeriksa"])
    html = client.get(f"/monev/{renja2026.pk}/tw/1/belum-mengisi/").content.decode()
    assert "Unit yang belum mengajukan (5)" in html
    assert "Sub kegiatan tanpa realisasi (51)" in html
    assert 'data-kode="1.06.04.2.01.0001"' in html


def test_pemda_page_lists_the_opd_the_user_may_read(client, users, renja2026, django_user_model):
    from renja.organisasi.models import PerangkatDaerah
    from renja.perencanaan.models import Renja

    pemda = renja2026.opd.pemda
    bappeda = PerangkatDaerah.objects.create(pemda=pemda, kode="5.01.5.05.0.00.01.0000", nama="Bappelitbangda")
    Renja.objects.create(opd=bappeda, tahun=2026, nomenklatur_versi=renja2026.nomenklatur_versi)
    url = f"/monev/pemda/{pemda.pk}/2026/tw/1/belum-mengisi/"
    client.force_login(users["pemeriksa"])  # pemeriksa of Dinas Sosial only
    html = client.get(url).content.decode()
    assert 'data-opd="1.06.0.00.0.00.01.0000"' in html and "Bappelitbangda" not in html
    admin = django_user_model.objects.create_superuser("akar", "a@example.org", "x-Renja-2026!")
    client.force_login(admin)  # installation admin: every OPD of the Pemda
    html = client.get(url).content.decode()
    assert 'data-opd="5.01.5.05.0.00.01.0000"' in html and "belum ada tahap ditetapkan" in html
    outsider = django_user_model.objects.create_user("luar", password="x-Renja-2026!")
    client.force_login(outsider)
    assert client.get(url).status_code == 403
