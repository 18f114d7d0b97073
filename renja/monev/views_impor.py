"""The SIPD realisation import page: upload -> preview -> confirm (renja.monev.impor). Thin: parse, call, render.

Between preview and confirm the uploaded bytes wait in the storage under a random token remembered in the user's
session (never a path from the user); the confirmation carries the file's sha256 so only the previewed file is
saved."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect, render

from renja.inti import unggah
from renja.monev import impor
from renja.monev.views import _pesan, _renja
from renja.organisasi import access

SESI = "impor_realisasi"


def _simpan_sementara(request, renja_id: int, data: bytes, nama: str) -> str:
    token = secrets.token_hex(16)
    path = default_storage.save(f"impor/sementara/{token}.bin", ContentFile(data))
    lama = request.session.get(SESI) or {}
    if lama.get("path"):
        default_storage.delete(lama["path"])
    request.session[SESI] = {"token": token, "path": path, "nama": nama, "renja": renja_id}
    return token


def _ambil(request, renja_id: int, token: str) -> tuple[bytes, str] | None:
    sesi = request.session.get(SESI) or {}
    if not token or sesi.get("token") != token or sesi.get("renja") != renja_id:
        return None
    try:
        with default_storage.open(sesi["path"], "rb") as fh:
            return fh.read(), sesi["nama"]
    except FileNotFoundError:
        return None


def _buang(request) -> None:
    sesi = request.session.pop(SESI, None) or {}
    if sesi.get("path"):
        default_storage.delete(sesi["path"])


@access.login_required
def impor_realisasi(request, renja_id: int):
    renja = _renja(request, renja_id)
    access.access_realisasi_import(request.user, opd_id=renja.opd_id)
    konteks = {"renja": renja, "pratinjau": None, "token": ""}
    if request.method == "POST" and request.POST.get("aksi") == "simpan":
        ambil = _ambil(request, renja.pk, request.POST.get("token", ""))
        if ambil is None:
            messages.error(request, "Pratinjau sudah kedaluwarsa; unggah berkasnya lagi.")
            return redirect("monev:impor", renja_id=renja.pk)
        data, nama = ambil
        try:
            hasil = impor.realisasi_impor_simpan(
                actor=request.user, renja=renja, data=data, nama=nama, sidik=request.POST.get("sidik")
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _pesan(exc))
            return redirect("monev:impor", renja_id=renja.pk)
        _buang(request)
        if hasil.berubah:
            messages.success(
                request,
                f"Impor '{nama}' disimpan: {hasil.transaksi_ditulis} transaksi ditulis, realisasi "
                f"{hasil.baris_ditulis} "
                "sub kegiatan-triwulan diperbarui.",
            )
        else:
            messages.info(request, f"Impor '{nama}' tidak mengubah apa pun (semua transaksi sudah tersimpan).")
        return redirect("monev:impor", renja_id=renja.pk)
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        if berkas is None:
            messages.error(request, "Pilih berkas ekspor realisasi SIPD (JSON, CSV atau XLSX) dulu.")
        else:
            data = berkas.read(unggah.ukuran_maks() + 1)
            try:
                p = impor.realisasi_impor_pratinjau(actor=request.user, renja=renja, data=data, nama=berkas.name)
            except (ValidationError, PermissionDenied) as exc:
                konteks["galat"] = _pesan(exc) if not isinstance(exc, ValidationError) else "\n".join(exc.messages)
            else:
                konteks["pratinjau"] = p
                konteks["token"] = _simpan_sementara(request, renja.pk, data, berkas.name)
    return render(request, "monev/impor.html", konteks)
