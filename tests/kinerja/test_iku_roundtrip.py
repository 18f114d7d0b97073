"""Any IKU realisation the service accepts reads back identical and renders (IKU page, Tabel 2.2 as .xlsx and
HTML); anything past the bound (10^14, 4 decimals) is refused with a message naming the indicator."""

import io
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from openpyxl import load_workbook

from renja.inti.format import angka_ringkas
from renja.inti.tabel import tulis_xlsx
from renja.kinerja import services
from renja.kinerja.models import RealisasiIku
from renja.kinerja.selectors import iku_evaluasi, renstra_tahun
from renja.kinerja.tabel import tabel_iku
from renja.perencanaan.models import Renja
from renja.perencanaan.targets import Target

OPD = "1.06.0.00.0.00.01.0000"
IKM = "Nilai Indeks Kepuasan Masyarakat (IKM)"


@st.composite
def angka(draw, min_value=0) -> Decimal:
    desimal = draw(st.integers(0, 4))
    n = draw(st.integers(min_value, 10 ** (14 + desimal) - 1))
    return Decimal(n).scaleb(-desimal)


class TestIkuRoundTrip(TestCase):
    @settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(nilai=angka(), jumlah=st.one_of(st.none(), st.tuples(angka(), angka(min_value=1))))
    @example(nilai=Decimal("99999999999999.9999"), jumlah=(Decimal("99999999999999.9999"), Decimal("0.0001")))
    @example(nilai=Decimal("0"), jumlah=None)
    def test_round_trip(self, nilai, jumlah):
        users = {u.username: u for u in get_user_model().objects.all()}
        renja = Renja.objects.select_related("opd__pemda").get(tahun=2024, opd__kode=OPD)
        renstra = renstra_tahun(renja)
        ind = next(i.indikator for i in iku_evaluasi(renstra=renstra, tahun=2024) if i.indikator.uraian == IKM)
        services.realisasi_iku_record(
            actor=users["perencana"],
            indikator=ind,
            tahun=2024,
            nilai=Target(nilai=nilai),
            jumlah_realisasi=jumlah[0] if jumlah else None,
            jumlah_basis=jumlah[1] if jumlah else None,
        )
        obj = RealisasiIku.objects.get(indikator=ind, tahun=2024)
        assert obj.nilai == nilai
        assert (obj.jumlah_realisasi, obj.jumlah_basis) == (jumlah or (None, None))
        daftar = iku_evaluasi(renstra=renstra, tahun=2024)
        ws = load_workbook(io.BytesIO(tulis_xlsx(tabel_iku(daftar, tahun=2024, opd_nama="Dinas Sosial")))).active
        assert any(ws.cell(row=r, column=3).value == IKM for r in range(1, ws.max_row + 1))
        client = Client()
        client.force_login(users["pimpinan"])
        html = client.get(f"/evaluasi/{renja.pk}/iku/").content.decode()
        if jumlah:
            assert angka_ringkas(jumlah[0]) in html and angka_ringkas(jumlah[1]) in html
        else:
            assert angka_ringkas(nilai) in html
        assert client.get(f"/evaluasi/{renja.pk}/lkjip/").status_code == 200

    def test_past_the_bound_is_refused(self):
        users = {u.username: u for u in get_user_model().objects.all()}
        renja = Renja.objects.get(tahun=2024, opd__kode=OPD)
        ind = next(
            i.indikator for i in iku_evaluasi(renstra=renstra_tahun(renja), tahun=2024) if i.indikator.uraian == IKM
        )
        for bad in (Decimal("100000000000000"), Decimal("0.00001")):
            with self.assertRaisesRegex(ValidationError, "IKU 'Nilai Indeks Kepuasan"):
                services.realisasi_iku_record(
                    actor=users["perencana"], indikator=ind, tahun=2024, nilai=Target(nilai=bad)
                )
        assert RealisasiIku.objects.get(indikator=ind, tahun=2024).nilai == Decimal("92.06")
