"""Import a checked planning document (DOCX/XLSX, T-C.33 layout) as a new stage of a Renja, or as the first stage
of a new year's Renja: upload -> check and preview -> confirm (renja.pemeriksaan.impor_dokumen). Thin: parse, call,
render.

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


def _simpan_sementara(request, kunci: str, data: bytes, nama: str, isian: dict) -> str:
    _buang(request)
    token = secrets.token_hex(16)
    path = default_storage.save(f"impor/sementara/{token}.bin", ContentFile(data))
    request.session[SESI] = {"token": token, "path": path, "nama": nama, "kunci": kunci, **isian}
    return token


def _ambil(request, kunci: str, token: str) -> tuple[bytes, dict] | None:
    """The previewed file, only for the page (Renja or OPD) that previewed it."""
    sesi = request.session.get(SESI) or {}
    if not token or sesi.get("token") != token or sesi.get("kunci") != kunci:
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


def _unit(opd, nilai) -> object | None:
    if not nilai:
        return None
    try:
        return opd.unit_kerja.get(pk=int(nilai))
    except (ValueError, TypeError, opd.unit_kerja.model.DoesNotExist):
        raise ValidationError("Unit bawaan tidak dikenal.") from None


def _pesan(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(exc.messages)
    return str(exc)


def _opd(request, opd_id: int):
    from renja.organisasi.models import PerangkatDaerah

    try:
        opd = PerangkatDaerah.objects.select_related("pemda").get(pk=opd_id)
    except PerangkatDaerah.DoesNotExist as exc:
        raise Http404("Perangkat daerah tidak ditemukan.") from exc
    access.access_renja_start(request.user, opd)
    return opd


def _tahun(nilai) -> int:
    try:
        return int(str(nilai).strip())
    except (TypeError, ValueError):
        raise ValidationError("Isi tahun Renja baru (mis. 2027).") from None


@access.login_required
def impor_tahap(request, renja_id: int):
    """A new stage of an existing Renja."""
    renja = _renja(request, renja_id)
    return _halaman(request, renja=renja, opd=renja.opd, kunci=f"renja-{renja.pk}")


@access.login_required
def impor_renja_baru(request, opd_id: int):
    """The Renja of a new year with its first stage from the document."""
    opd = _opd(request, opd_id)
    return _halaman(request, renja=None, opd=opd, kunci=f"opd-{opd.pk}")


def _halaman(request, *, renja, opd, kunci: str):
    units = list(opd.unit_kerja.order_by("urutan", "nama"))
    konteks = {
        "renja": renja,
        "opd": opd,
        "jenis_pilihan": JenisTahap.choices if renja is not None else JenisTahap.choices[:-1],
        "units": units,
        "hasil": None,
        "token": "",
        "jenis": request.POST.get("jenis", ""),
        "tahun": request.POST.get("tahun", ""),
        "unit_bawaan": request.POST.get("unit_bawaan", ""),
    }
    ini = request.path
    status = 200
    if request.method == "POST" and request.POST.get("aksi") == "simpan":
        ambil = _ambil(request, kunci, request.POST.get("token", ""))
        if ambil is None:
            messages.error(request, "Pratinjau sudah kedaluwarsa; unggah dokumennya lagi.")
            return redirect(ini)
        data, sesi = ambil
        try:
            hasil = dokumen_impor(
                data=data,
                nama=sesi["nama"],
                renja=renja,
                opd=opd,
                tahun=sesi.get("tahun"),
                jenis_tahap=sesi["jenis"],
                user=request.user,
                unit_bawaan=_unit(opd, sesi.get("unit_bawaan")),
                terima_peringatan=request.POST.get("terima") == "1",
                simpan=True,
            )
        except (ValidationError, PermissionDenied, DokumenTidakTerbaca) as exc:
            messages.error(request, _pesan(exc))
            return redirect(ini)
        _buang(request)
        h = hasil.hasil
        messages.success(
            request,
            f"Tahap {h.jenis_label} dibuat dari '{sesi['nama']}': {h.jumlah_baris} baris "
            f"({h.jumlah['program']} program, {h.jumlah['kegiatan']} kegiatan, {h.jumlah['sub_kegiatan']} sub "
            f"kegiatan).",
        )
        return redirect(reverse("perencanaan:detail", args=[h.renja.pk]) + f"?tahap={h.tahap.pk}")
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        jenis = request.POST.get("jenis", "")
        try:
            if berkas is None:
                raise ValidationError("Pilih dokumen Renja (DOCX atau XLSX) dulu.")
            if jenis not in JenisTahap.values:
                raise ValidationError("Pilih jenis tahap yang akan dibuat.")
            tahun = renja.tahun if renja is not None else _tahun(request.POST.get("tahun"))
            unit = _unit(opd, request.POST.get("unit_bawaan"))
            data = berkas.read(unggah.ukuran_maks() + 1)
            hasil = dokumen_impor(
                data=data,
                nama=berkas.name,
                renja=renja,
                opd=opd,
                tahun=tahun,
                jenis_tahap=jenis,
                user=request.user,
                unit_bawaan=unit,
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
                isian = {"jenis": jenis, "tahun": tahun, "unit_bawaan": request.POST.get("unit_bawaan", "")}
                konteks["token"] = _simpan_sementara(request, kunci, data, berkas.name, isian)
    return render(request, "pemeriksaan/impor/tahap.html", konteks, status=status)
