"""The proposal register (T-C.32) and the narrative editor (BAB I-V). Thin: parse, call a service, render; every
object is read through a selector that checks the user may see its OPD, every write checked again by its
service. The narrative catalog is passed in by the URLconf (renja/urls.py combines this app's placeholders with
monev's), so this module never imports a higher app."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from renja.organisasi import access
from renja.perencanaan import selectors, services
from renja.perencanaan.forms_usulan import KeputusanForm, NarasiForm, UsulanForm, usulan_initial
from renja.perencanaan.models import NarasiBagian, Renja, StatusUsulan, SumberUsulan, Usulan
from renja.perencanaan.narasi import (
    BAB_JUDUL,
    katalog_perencanaan,
    markdown_html,
    narasi_galat,
    narasi_isi,
    narasi_sesi,
)
from renja.perencanaan.tabel_usulan import tabel_tc32
from renja.perencanaan.views_penyusunan import _attach, _tahap


def _renja(request, renja_id: int) -> Renja:
    try:
        return selectors.renja_get(user=request.user, renja_id=renja_id)
    except Renja.DoesNotExist as exc:
        raise Http404("Renja tidak ditemukan.") from exc


def _usulan(request, usulan_id: int) -> Usulan:
    try:
        return selectors.usulan_get(user=request.user, usulan_id=usulan_id)
    except Usulan.DoesNotExist as exc:
        raise Http404("Usulan tidak ditemukan.") from exc


def _list_url(renja_id: int) -> str:
    return reverse("perencanaan:usulan_list", args=[renja_id])


# --- usulan ---------------------------------------------------------------------------------------------


@access.login_required
def usulan_list(request, renja_id: int):
    renja = _renja(request, renja_id)
    sumber = request.GET.get("sumber", "")
    status = request.GET.get("status", "")
    sumber = sumber if sumber in SumberUsulan.values else ""
    status = status if status in StatusUsulan.values else ""
    items = selectors.usulan_list(renja=renja, sumber=sumber, status=status)
    tabel = tabel_tc32(renja) if not sumber and not status else None
    tahap = services.usulan_tahap_acuan(renja)
    rows = selectors.sub_kegiatan_nama(tahap=tahap, kode=[u.kode_sub_kegiatan for u in items if u.kode_sub_kegiatan])
    for u in items:
        u.sub_kegiatan = rows.get(u.kode_sub_kegiatan)
    return render(
        request,
        "perencanaan/usulan_list.html",
        {
            "renja": renja,
            "items": items,
            "sumber": sumber,
            "status": status,
            "sumber_pilihan": SumberUsulan.choices,
            "status_pilihan": StatusUsulan.choices,
            "can_edit": access.can_edit_usulan(request.user, renja),
            "tabel": tabel,
            "tabel_baris": [tabel.sel_baris(b) for b in tabel.baris] if tabel else [],
            "tahap_acuan": tahap,
        },
    )


@access.login_required
def usulan_create(request, renja_id: int):
    renja = _renja(request, renja_id)
    access.access_usulan_edit(request.user, renja)
    status = 200
    if request.method == "POST":
        form = UsulanForm(request.POST)
        if form.is_valid():
            try:
                u = services.usulan_create(actor=request.user, renja=renja, data=form.usulan_input())
            except ValidationError as exc:
                _attach(form, exc)
            else:
                messages.success(request, f"Usulan dari {u.pengusul} disimpan.")
                return redirect(_list_url(renja.pk))
        status = 400
    else:
        form = UsulanForm()
    return render(
        request,
        "perencanaan/form_sederhana.html",
        {"form": form, "judul": f"Usulan baru — {renja}", "kembali": _list_url(renja.pk)},
        status=status,
    )


def _sub_kegiatan_pilihan(renja: Renja) -> list:
    tahap = services.usulan_tahap_acuan(renja)
    if tahap is None:
        return []
    return [r for r in selectors.tahap_rows(tahap) if r.level == "sub_kegiatan"]


def _keputusan_awal(u) -> dict:
    return {"version": u.version, "status": u.status, "alasan": u.alasan, "kode_sub_kegiatan": u.kode_sub_kegiatan}


@access.login_required
def usulan_edit(request, usulan_id: int):
    u = _usulan(request, usulan_id)
    access.access_usulan_edit(request.user, u.renja)
    status = 200
    if request.method == "POST":
        form = UsulanForm(request.POST)
        if form.is_valid():
            try:
                services.usulan_update(
                    actor=request.user,
                    usulan=u,
                    expected_version=form.cleaned_data.get("version"),
                    data=form.usulan_input(),
                )
            except ValidationError as exc:
                _attach(form, exc)
            else:
                messages.success(request, "Usulan diperbarui.")
                return redirect(_list_url(u.renja_id))
        status = 400
    else:
        form = UsulanForm(initial=usulan_initial(u))
    keputusan = KeputusanForm(initial=_keputusan_awal(u))
    return render(
        request,
        "perencanaan/usulan_form.html",
        {
            "usulan": u,
            "form": form,
            "keputusan": keputusan,
            "pilihan": _sub_kegiatan_pilihan(u.renja),
            "kembali": _list_url(u.renja_id),
        },
        status=status,
    )


@access.login_required
def usulan_decide(request, usulan_id: int):
    u = _usulan(request, usulan_id)
    access.access_usulan_edit(request.user, u.renja)
    status = 200
    if request.method == "POST":
        keputusan = KeputusanForm(request.POST)
        if keputusan.is_valid():
            cd = keputusan.cleaned_data
            try:
                services.usulan_decide(
                    actor=request.user,
                    usulan=u,
                    expected_version=cd.get("version"),
                    status=cd["status"],
                    alasan=cd.get("alasan", ""),
                    kode_sub_kegiatan=cd.get("kode_sub_kegiatan", ""),
                )
            except ValidationError as exc:
                _attach(keputusan, exc)
            else:
                messages.success(request, f"Keputusan usulan dari {u.pengusul}: {StatusUsulan(cd['status']).label}.")
                return redirect(_list_url(u.renja_id))
        status = 400
    else:
        keputusan = KeputusanForm(
            initial={
                "version": u.version,
                "status": u.status,
                "alasan": u.alasan,
                "kode_sub_kegiatan": u.kode_sub_kegiatan,
            }
        )
    return render(
        request,
        "perencanaan/usulan_form.html",
        {
            "usulan": u,
            "form": UsulanForm(initial=usulan_initial(u)),
            "keputusan": keputusan,
            "pilihan": _sub_kegiatan_pilihan(u.renja),
            "kembali": _list_url(u.renja_id),
        },
        status=status,
    )


# --- narrative ----------------------------------------------------------------------------------------------


@access.login_required
def narasi_list(request, tahap_id: int, katalog=katalog_perencanaan):
    tahap = _tahap(request, tahap_id)
    bagian = selectors.narasi_list(tahap=tahap)
    isian = katalog()
    with narasi_sesi():  # one tree and one evaluation for every section
        for b in bagian:
            b.galat = narasi_galat(tahap=tahap, teks=b.teks, katalog=isian)
    bab = []
    for b in bagian:
        if not bab or bab[-1]["nomor"] != b.bab:
            bab.append({"nomor": b.bab, "judul": BAB_JUDUL.get(b.bab, ""), "bagian": []})
        bab[-1]["bagian"].append(b)
    return render(
        request,
        "perencanaan/narasi_list.html",
        {
            "tahap": tahap,
            "bab": bab,
            "can_edit": access.can_edit_narasi(request.user, tahap),
            "detail_url": reverse("perencanaan:detail", args=[tahap.renja_id]) + f"?tahap={tahap.pk}",
        },
    )


def _bagian(request, bagian_id: int) -> NarasiBagian:
    try:
        return selectors.narasi_bagian_get(user=request.user, bagian_id=bagian_id)
    except NarasiBagian.DoesNotExist as exc:
        raise Http404("Bagian narasi tidak ditemukan.") from exc


def _pratinjau(*, tahap, teks: str, katalog) -> tuple[str, list[str]]:
    galat = narasi_galat(tahap=tahap, teks=teks, katalog=katalog)
    if galat:
        return "", galat
    return markdown_html(narasi_isi(tahap=tahap, teks=teks, katalog=katalog)), []


@access.login_required
def narasi_edit(request, bagian_id: int, katalog=katalog_perencanaan):
    """One section: the text, the placeholders to insert, the preview with the stage's data. GET is the reading
    view for every reader of the OPD; POST (pratinjau or simpan) is the planner's, on an open stage."""
    bagian = _bagian(request, bagian_id)
    tahap = bagian.tahap
    isian = katalog()
    status = 200
    galat: list[str] = []
    if request.method == "POST":
        access.access_narasi_edit(request.user, tahap)
        form = NarasiForm(request.POST)
        form.is_valid()
        teks = form.cleaned_data.get("teks", "")
        if request.POST.get("aksi") == "simpan":
            try:
                services.narasi_bagian_update(
                    actor=request.user,
                    bagian=bagian,
                    expected_version=form.cleaned_data.get("version"),
                    teks=teks,
                    katalog=isian,
                )
            except ValidationError as exc:
                galat = exc.message_dict.get("teks", []) if hasattr(exc, "error_dict") else exc.messages
                form.add_error(None, "Teks tidak disimpan: " + " ".join(galat or exc.messages))
                status = 400
            else:
                messages.success(request, f"Bagian {bagian.kode} {bagian.judul} disimpan.")
                return redirect("perencanaan:narasi_edit", bagian_id=bagian.pk)
        html, galat_pratinjau = _pratinjau(tahap=tahap, teks=teks, katalog=isian)
        galat = galat or galat_pratinjau
    else:
        form = NarasiForm(initial={"version": bagian.version, "teks": bagian.teks})
        html, galat = _pratinjau(tahap=tahap, teks=bagian.teks, katalog=isian)
    return render(
        request,
        "perencanaan/narasi_form.html",
        {
            "bagian": bagian,
            "tahap": tahap,
            "form": form,
            "pratinjau": html,
            "galat": galat,
            "katalog": [(nama, i.sintaks(nama), i) for nama, i in isian.items()],
            "can_edit": access.can_edit_narasi(request.user, tahap),
            "kembali": reverse("perencanaan:narasi_list", args=[tahap.pk]),
        },
        status=status,
    )
