"""Results of a survey period: the page (charts with their tables), the report as PDF and DOCX, the raw responses as
XLSX, the paper template and its import, and taking the IKM as an IKU's realisation. Thin: parse, call, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from renja.ikm import ekspor, laporan
from renja.ikm import hasil as sel
from renja.ikm import impor as ikm_impor
from renja.ikm.models import Layanan, Periode
from renja.ikm.services_iku import iku_pilihan, iku_tautkan, tautan_periode
from renja.inti import unggah
from renja.organisasi import access
from renja.perencanaan.models import RenstraIndikator


def _periode(request, periode_id: int) -> Periode:
    try:
        return sel.periode_get(user=request.user, periode_id=periode_id)
    except Periode.DoesNotExist as exc:
        raise Http404("Periode survei tidak ditemukan.") from exc


def _layanan(request, periode: Periode) -> Layanan | None:
    pk = request.GET.get("layanan") or ""
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404("Layanan tidak dikenal.")
    try:
        return Layanan.objects.get(pk=int(pk), opd_id=periode.opd_id)
    except Layanan.DoesNotExist as exc:
        raise Http404("Layanan tidak dikenal.") from exc


def _berkas(data: bytes, nama: str, jenis: str) -> HttpResponse:
    response = HttpResponse(data, content_type=jenis)
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    return response


def _nama(h: sel.HasilPeriode, akhiran: str) -> str:
    p = h.periode
    lay = f"-{h.layanan_dipilih.kode}" if h.layanan_dipilih else ""
    return f"SKM-{p.opd.kode}-{p.kode}{lay}.{akhiran}"


def _grafik(h: sel.HasilPeriode) -> dict:
    """The figures the charts draw: the same numbers as the tables under them."""

    def f(x, d=2):
        # rounded half up by rumus like the table under the chart (ekspor.angka), not Python's round (half even)
        return ekspor.angka(x, d)

    r = h.keseluruhan
    return {
        "unsur": {"label": [f"U{u.nomor} {u.nama}" for u in r.unsur], "nrr": [f(u.nrr, 3) for u in r.unsur]},
        "layanan": {
            "label": [x.layanan.nama for x in h.per_layanan],
            "konversi": [f(x.ringkasan.hasil and x.ringkasan.hasil.konversi_bulat) for x in h.per_layanan],
        },
        "tren": {
            "label": [t.periode.nama for t in h.tren],
            "konversi": [f(t.hasil and t.hasil.konversi_bulat) for t in h.tren],
        },
    }


@access.login_required
def daftar(request):
    """Survey periods of the OPD the user reads, with a link to each period's results."""
    periode = sel.periode_daftar(user=request.user)
    return render(request, "ikm/hasil_daftar.html", {"daftar": periode})


@access.login_required
def hasil(request, periode_id: int):
    periode = _periode(request, periode_id)
    layanan = _layanan(request, periode)
    h = sel.hasil_periode(periode=periode, layanan=layanan)
    sekarang = None if h.keseluruhan.hasil is None else h.keseluruhan.hasil.konversi_bulat
    boleh_ubah = access.can_edit_ikm(request.user, periode.opd)
    return render(
        request,
        "ikm/hasil.html",
        {
            "h": h,
            "periode": periode,
            "layanan_semua": Layanan.objects.filter(opd_id=periode.opd_id).order_by("kode"),
            "grafik": _grafik(h),
            "boleh_ubah": boleh_ubah,
            "tautan_iku": tautan_periode(periode, sekarang=sekarang),
            "iku_pilihan": iku_pilihan(periode) if boleh_ubah and layanan is None else [],
            "query": request.GET.urlencode(),
        },
    )


@access.login_required
def laporan_pdf(request, periode_id: int):
    periode = _periode(request, periode_id)
    h = sel.hasil_periode(periode=periode, layanan=_layanan(request, periode))
    return _berkas(laporan.laporan_pdf(h), _nama(h, "pdf"), "application/pdf")


@access.login_required
def laporan_docx(request, periode_id: int):
    periode = _periode(request, periode_id)
    h = sel.hasil_periode(periode=periode, layanan=_layanan(request, periode))
    return _berkas(laporan.laporan_docx(h), _nama(h, "docx"), laporan.DOCX)


@access.login_required
def responden_xlsx(request, periode_id: int):
    periode = _periode(request, periode_id)
    h = sel.hasil_periode(periode=periode, layanan=_layanan(request, periode))
    return _berkas(laporan.responden_xlsx(h), _nama(h, "xlsx").replace("SKM-", "SKM-responden-"), laporan.XLSX)


@access.login_required
def templat(request, periode_id: int):
    periode = _periode(request, periode_id)
    return _berkas(ikm_impor.templat_xlsx(periode), f"templat-SKM-{periode.kode}.xlsx", laporan.XLSX)


@access.login_required
def impor(request, periode_id: int):
    """Upload a filled template: all rows are added, or none and every bad cell is listed."""
    periode = _periode(request, periode_id)
    access.access_ikm_edit(request.user, periode.opd)
    konteks = {"periode": periode, "galat": None}
    status = 200
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        if berkas is None:
            konteks["galat"] = ["Pilih berkas templat yang sudah diisi (.xlsx) dulu."]
            status = 400
        else:
            data = berkas.read(unggah.ukuran_maks() + 1)
            try:
                h = ikm_impor.ikm_impor(actor=request.user, periode=periode, data=data, nama=berkas.name)
            except ValidationError as exc:
                konteks["galat"] = exc.messages[0].split("\n") if len(exc.messages) == 1 else exc.messages
                status = 400
            else:
                messages.success(request, f"Impor '{berkas.name}' disimpan: {h.jumlah} responden ditambahkan.")
                return redirect("ikm_hasil:hasil", periode_id=periode.pk)
    return render(request, "ikm/hasil_impor.html", konteks, status=status)


@require_POST
@access.login_required
def iku(request, periode_id: int):
    """Take the period's IKM as the realisation of the chosen IKU (kinerja), or refresh it."""
    periode = _periode(request, periode_id)
    access.access_ikm_edit(request.user, periode.opd)
    pk = request.POST.get("indikator", "")
    indikator = RenstraIndikator.objects.filter(pk=int(pk)).first() if pk.isdigit() else None
    if indikator is None:
        messages.error(request, "Pilih IKU yang akan diisi dengan nilai IKM periode ini.")
        return redirect("ikm_hasil:hasil", periode_id=periode.pk)
    try:
        t = iku_tautkan(actor=request.user, periode=periode, indikator=indikator)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(
            request, f"Nilai IKM periode {periode.kode} dicatat sebagai realisasi IKU '{indikator.uraian}' {t.tahun}."
        )
    return redirect("ikm_hasil:hasil", periode_id=periode.pk)
