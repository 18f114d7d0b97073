"""Early-warning list and the rencana penarikan dana page (renja.monev.peringatan). Thin views."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from renja.monev import peringatan
from renja.monev.forms import parse_int, parse_keuangan
from renja.monev.models import BULAN_NAMA
from renja.monev.views import _pesan, _renja
from renja.organisasi import access
from renja.perencanaan.models import Level, RenjaRow
from renja.rumus import angka


@access.login_required
def peringatan_dini(request, renja_id: int):
    renja = _renja(request, renja_id)
    tw = parse_int(request.GET.get("tw"))
    metode = request.GET.get("metode") or "otomatis"
    try:
        daftar = peringatan.peringatan_dini(
            user=request.user, renja=renja, triwulan=tw, metode=metode if metode in peringatan.METODE else "otomatis"
        )
    except ValidationError:
        daftar = peringatan.peringatan_dini(user=request.user, renja=renja)
    return render(
        request,
        "monev/peringatan.html",
        {
            "renja": renja,
            "d": daftar,
            "metode_pilihan": peringatan.METODE,
            "can_edit": access.can_edit_rencana_penarikan(request.user, opd_id=renja.opd_id),
        },
    )


@access.login_required
def rencana_penarikan(request, renja_id: int):
    renja = _renja(request, renja_id)
    return render(
        request,
        "monev/rencana_penarikan.html",
        {
            "renja": renja,
            "rows": peringatan.rencana_penarikan_list(user=request.user, renja=renja),
            "bulan_nama": BULAN_NAMA,
            "ambang": peringatan.ambang_get(renja=renja),
            "can_edit": access.can_edit_rencana_penarikan(request.user, opd_id=renja.opd_id),
        },
    )


@require_POST
@access.login_required
def rencana_penarikan_simpan(request, renja_id: int, row_id: int):
    renja = _renja(request, renja_id)
    row = RenjaRow.objects.filter(pk=row_id, tahap__renja=renja, level=Level.SUB_KEGIATAN).first()
    if row is None:
        raise Http404("Sub kegiatan tidak ditemukan di Renja ini.")
    try:
        bulan = [
            parse_keuangan(request.POST.get(f"b{m}"), label=f"{row.kode} bulan {BULAN_NAMA[m - 1]}")
            for m in range(1, 13)
        ]
        peringatan.rencana_penarikan_set(actor=request.user, renja=renja, row=row, bulan=bulan)
        peringatan.pptk_set(
            actor=request.user,
            renja=renja,
            row=row,
            nama=request.POST.get("pptk_nama", ""),
            nip=request.POST.get("pptk_nip", ""),
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, f"Rencana penarikan {row.kode} disimpan.")
    return redirect(f"/monev/{renja.pk}/rencana-penarikan/#baris-{row.pk}")


@require_POST
@access.login_required
def ambang_simpan(request, renja_id: int):
    renja = _renja(request, renja_id)
    try:
        nilai = {}
        for nama in ("serapan", "capaian"):
            teks = (request.POST.get(nama) or "").strip()
            try:
                nilai[nama] = angka.parse_persen(teks)
            except ValueError as exc:
                raise ValidationError(f"Ambang {nama}: '{teks}' bukan persen yang sah (mis. 80 atau 75,5).") from exc
        peringatan.ambang_peringatan_set(actor=request.user, renja=renja, **nilai)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, "Ambang peringatan disimpan.")
    return redirect("monev:rencana_penarikan", renja_id=renja.pk)
