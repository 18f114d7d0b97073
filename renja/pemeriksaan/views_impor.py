"""Import a checked planning document (DOCX/XLSX, T-C.33 layout) as a new Renja stage: upload -> check and
preview -> confirm (renja.pemeriksaan.impor_dokumen). Thin: parse, call, render.

Between preview and confirm the uploaded bytes wait in the storage under a random token remembered in the user's
session (as the SIPD import does); they are deleted when the import is saved or another file is uploaded."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from renja.inti import unggah
from renja.inti.impor import GalatImpor
from renja.organisasi import access
from renja.pemeriksaan.dokumen import DokumenTidakTerbaca
from renja.pemeriksaan.impor_dokumen import dokumen_impor
from renja.perencanaan import selectors
from renja.perencanaan.models import JenisTahap, Renja

SESI = "impor_tahap_dokumen"


def _renja(request, renja_id: int) -> Renja:
    try:
        renja = selectors.renja_get(user=request.user, renja_id=renja_id)
    except Renja.DoesNotExist as exc:
        raise Http404("Renja tidak ditemukan.") from exc
    access.access_tahap_create(request.user, renja)
    return renja


def _simpan_sementara(request, renja_id: int, data: bytes, nama: str, isian: dict) -> str:
    _buang(request)
    token = secrets.token_hex(16)
    path = default_storage.save(f"impor/sementara/{token}.bin", ContentFile(data))
    request.session[SESI] = {"token": token, "path": path, "nama": nama, "renja": renja_id, **isian}
    return token


def _ambil(request, renja_id: int, token: str) -> tuple[bytes, dict] | None:
    sesi = request.session.get(SESI) or {}
    if not token or sesi.get("token") != token or sesi.get("renja") != renja_id:
        return None
    try:
        with default_storage.open(sesi["path"], "rb") as fh:
            return fh.read(), sesi
    except FileNotFoundError:
        return None


def _buang(request) -> None:
    sesi = request.session.pop(SESI, None) or {}
    if sesi.get("path"):
        default_storage.delete(sesi["path"])


def _unit(renja: Renja, nilai) -> object | None:
    if not nilai:
        return None
    try:
        return renja.opd.unit_kerja.get(pk=int(nilai))
    except (ValueError, TypeError, renja.opd.unit_kerja.model.DoesNotExist):
        raise ValidationError("Unit bawaan tidak dikenal.") from None


def _pesan(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(exc.messages)
    return str(exc)


@access.login_required
def impor_tahap(request, renja_id: int):
    renja = _renja(request, renja_id)
    units = list(renja.opd.unit_kerja.order_by("urutan", "nama"))
    konteks = {
        "renja": renja,
        "jenis_pilihan": JenisTahap.choices,
        "units": units,
        "hasil": None,
        "token": "",
        "jenis": request.POST.get("jenis", ""),
        "unit_bawaan": request.POST.get("unit_bawaan", ""),
    }
    status = 200
    if request.method == "POST" and request.POST.get("aksi") == "simpan":
        ambil = _ambil(request, renja.pk, request.POST.get("token", ""))
        if ambil is None:
            messages.error(request, "Pratinjau sudah kedaluwarsa; unggah dokumennya lagi.")
            return redirect("pemeriksaan_impor:tahap", renja_id=renja.pk)
        data, sesi = ambil
        try:
            hasil = dokumen_impor(
                data=data,
                nama=sesi["nama"],
                renja=renja,
                jenis_tahap=sesi["jenis"],
                user=request.user,
                unit_bawaan=_unit(renja, sesi.get("unit_bawaan")),
                terima_peringatan=request.POST.get("terima") == "1",
                simpan=True,
            )
        except (ValidationError, PermissionDenied, DokumenTidakTerbaca) as exc:
            messages.error(request, _pesan(exc))
            return redirect("pemeriksaan_impor:tahap", renja_id=renja.pk)
        _buang(request)
        h = hasil.hasil
        messages.success(
            request,
            f"Tahap {h.jenis_label} dibuat dari '{sesi['nama']}': {h.jumlah_baris} baris "
            f"({h.jumlah['program']} program, {h.jumlah['kegiatan']} kegiatan, {h.jumlah['sub_kegiatan']} sub "
            f"kegiatan).",
        )
        return redirect(reverse("perencanaan:detail", args=[renja.pk]) + f"?tahap={h.tahap.pk}")
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        jenis = request.POST.get("jenis", "")
        try:
            if berkas is None:
                raise ValidationError("Pilih dokumen Renja (DOCX atau XLSX) dulu.")
            if jenis not in JenisTahap.values:
                raise ValidationError("Pilih jenis tahap yang akan dibuat.")
            unit = _unit(renja, request.POST.get("unit_bawaan"))
            data = berkas.read(unggah.ukuran_maks() + 1)
            hasil = dokumen_impor(
                data=data, nama=berkas.name, renja=renja, jenis_tahap=jenis, user=request.user, unit_bawaan=unit
            )
        except GalatImpor as exc:
            konteks["galat"] = exc.messages[0]
            status = 400
        except (ValidationError, DokumenTidakTerbaca) as exc:
            konteks["galat"] = _pesan(exc)
            status = 400
        else:
            konteks["hasil"] = hasil
            if hasil.hasil is not None:
                konteks["token"] = _simpan_sementara(
                    request,
                    renja.pk,
                    data,
                    berkas.name,
                    {"jenis": jenis, "unit_bawaan": request.POST.get("unit_bawaan", "")},
                )
    return render(request, "pemeriksaan/impor/tahap.html", konteks, status=status)
