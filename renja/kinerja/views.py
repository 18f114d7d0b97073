"""Evaluation pages (E.81, T-C.29, LKjIP): parse, call the selectors, render the table model as HTML or .xlsx."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from renja.inti.tabel import tulis_xlsx
from renja.kinerja import selectors, services
from renja.kinerja.html import tabel_html
from renja.kinerja.models import MetodeEfisiensi
from renja.kinerja.tabel import tabel_alokasi, tabel_e81, tabel_iku, tabel_tc29
from renja.monev.selectors import renja_monev_get
from renja.organisasi import access
from renja.perencanaan.models import Renja

HALAMAN = ("e81", "tc29", "lkjip")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _renja(request, renja_id: int) -> Renja:
    try:
        return renja_monev_get(user=request.user, renja_id=renja_id)
    except Renja.DoesNotExist as exc:
        raise Http404("Renja tidak ditemukan.") from exc


def _triwulan(request) -> int | None:
    tw = request.GET.get("triwulan") or ""
    if tw in ("", "tahun"):
        return None
    if tw not in ("1", "2", "3", "4"):
        raise Http404("Triwulan hanya I sampai IV.")
    return int(tw)


def _xlsx(tables, nama: str) -> HttpResponse:
    response = HttpResponse(tulis_xlsx(tables), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
    return response


def _page(request, renja, ev, tables, *, judul: str, halaman: str):
    return render(
        request,
        "kinerja/evaluasi.html",
        {
            "renja": renja,
            "ev": ev,
            "tables": [tabel_html(t) for t in tables],
            "judul": judul,
            "halaman": halaman,
            "triwulan": ev.triwulan,
            "metode_pilihan": MetodeEfisiensi.choices,
            "can_edit": access.can_edit_kinerja(request.user, renja.opd),
        },
    )


@access.login_required
def e81(request, renja_id: int):
    renja = _renja(request, renja_id)
    ev = selectors.evaluasi_opd(user=request.user, renja=renja, triwulan=_triwulan(request))
    renstra = selectors.renstra_tahun(renja)
    tabel = tabel_e81(
        ev,
        awal=selectors.capaian_renstra_awal(opd=renja.opd),
        tahun_akhir_renstra=renstra.tahun_akhir if renstra else None,
    )
    if request.GET.get("format") == "xlsx":
        return _xlsx(tabel, f"E81-{renja.opd.kode}-{renja.tahun}-{ev.triwulan or 'tahun'}")
    return _page(request, renja, ev, [tabel], judul="Evaluasi Renja (Tabel E.81)", halaman="e81")


@access.login_required
def tc29(request, renja_id: int):
    renja = _renja(request, renja_id)
    ev = selectors.evaluasi_opd(user=request.user, renja=renja)
    renstra = selectors.renstra_tahun(renja)
    tabel = tabel_tc29(
        ev,
        awal=selectors.capaian_renstra_awal(opd=renja.opd),
        tahun_akhir_renstra=renstra.tahun_akhir if renstra else None,
    )
    if request.GET.get("format") == "xlsx":
        return _xlsx(tabel, f"TC29-{renja.opd.kode}-{renja.tahun}")
    return _page(request, renja, ev, [tabel], judul=f"Tabel T-C.29 (evaluasi Renja {renja.tahun})", halaman="tc29")


@access.login_required
def lkjip(request, renja_id: int):
    renja = _renja(request, renja_id)
    ev = selectors.evaluasi_opd(user=request.user, renja=renja)
    renstra = selectors.renstra_tahun(renja)
    tables = []
    if renstra is not None:
        iku = selectors.iku_evaluasi(renstra=renstra, tahun=renja.tahun)
        if iku:
            tables.append(tabel_iku(iku, tahun=renja.tahun, opd_nama=renja.opd.nama))
        tables += [tabel_alokasi(a, metode=ev.metode) for a in selectors.alokasi_iku(evaluasi=ev, iku=iku)]
    if request.GET.get("format") == "xlsx" and tables:
        return _xlsx(tables, f"LKjIP-{renja.opd.kode}-{renja.tahun}")
    return _page(request, renja, ev, tables, judul=f"Tabel LKjIP {renja.tahun}", halaman="lkjip")


@require_POST
@access.login_required
def metode_efisiensi(request, renja_id: int):
    renja = _renja(request, renja_id)
    try:
        services.efisiensi_metode_set(actor=request.user, opd=renja.opd, metode=request.POST.get("metode", ""))
        messages.success(request, "Metode efisiensi disimpan.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    kembali = request.POST.get("kembali")
    return redirect(f"kinerja:{kembali if kembali in HALAMAN else 'e81'}", renja_id=renja.pk)
