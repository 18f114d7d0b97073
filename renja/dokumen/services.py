"""Requests for a Renja document: recorded (with the signer printed on it), audited, and built by a background
task (renja.dokumen.tasks) that reports its progress on the record and keeps the file in the media folder."""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from renja.dokumen.models import DokumenBerkas, Format, StatusBerkas
from renja.dokumen.renja import SEBUTAN, Penandatangan, dokumen_renja
from renja.inti.audit import audit_record
from renja.organisasi import access
from renja.organisasi.validators import nip_bersih, nip_masalah, nip_tampil
from renja.perencanaan.models import Tahap

log = logging.getLogger(__name__)

BATAS = {"nama": 120, "pangkat": 80, "jabatan": 120, "tempat": 60}


def _teks(value: str, *, field: str, label: str, batas: int, wajib: bool = False) -> str:
    value = " ".join((value or "").split())
    if wajib and not value:
        raise ValidationError({field: f"{label} penanda tangan wajib diisi."})
    if len(value) > batas:
        raise ValidationError(
            {field: f"{label} penanda tangan paling banyak {batas} karakter (tertulis {len(value)})."}
        )
    return value


def penandatangan_clean(
    *,
    nama: str,
    jabatan: str,
    pangkat: str = "",
    nip: str = "",
    sebutan: str = "",
    tempat: str = "",
    tanggal: dt.date | None = None,
) -> Penandatangan:
    """The signer as typed, checked: name and jabatan required, lengths bounded, NIP 18 valid digits (or empty),
    sebutan one of definitif / Plt. / Plh."""
    if sebutan not in SEBUTAN:
        raise ValidationError(
            {"sebutan": f"Sebutan '{sebutan}' tidak dikenal; pilih kosong (definitif), Plt. atau Plh."}
        )
    masalah = nip_masalah(nip or "")
    if masalah:
        raise ValidationError({"nip": masalah})
    if tanggal is not None and not (1900 <= tanggal.year <= 2200):
        raise ValidationError({"tanggal": f"Tanggal {tanggal.isoformat()} di luar rentang 1900-2200."})
    return Penandatangan(
        nama=_teks(nama, field="nama", label="Nama", batas=BATAS["nama"], wajib=True),
        jabatan=_teks(jabatan, field="jabatan", label="Jabatan", batas=BATAS["jabatan"], wajib=True),
        pangkat=_teks(pangkat, field="pangkat", label="Pangkat/golongan", batas=BATAS["pangkat"]),
        nip=nip_tampil(nip_bersih(nip)) if nip else "",
        sebutan=sebutan,
        tempat=_teks(tempat, field="tempat", label="Tempat", batas=BATAS["tempat"]),
        tanggal=tanggal,
    )


def dokumen_minta(*, actor, tahap: Tahap, format: str, penandatangan: Penandatangan) -> DokumenBerkas:
    """Record a request for the Renja document of `tahap` and queue its generation. Anyone who may read the OPD
    may print its document (it shows nothing the pages do not)."""
    access.access_opd_view(actor, tahap.renja.opd)
    if format not in Format.values:
        raise ValidationError({"format": f"Format '{format}' tidak dikenal; pilih docx, pdf atau xlsx."})
    with transaction.atomic():
        berkas = DokumenBerkas.objects.create(
            tahap=tahap,
            format=format,
            ttd_nama=penandatangan.nama,
            ttd_pangkat=penandatangan.pangkat,
            ttd_nip=nip_bersih(penandatangan.nip),
            ttd_jabatan=penandatangan.jabatan,
            ttd_sebutan=penandatangan.sebutan,
            ttd_tempat=penandatangan.tempat,
            ttd_tanggal=penandatangan.tanggal,
            diminta_oleh=actor if getattr(actor, "pk", None) else None,
        )
        audit_record(
            actor=actor,
            event_type="create",
            action="dokumen_minta",
            obj=berkas,
            scope=tahap.renja.opd.kode,
            new={
                "tahap": str(tahap),
                "format": format,
                "penandatangan": penandatangan.nama,
                "sebutan": penandatangan.sebutan,
                "tempat": penandatangan.tempat,
                "tanggal": penandatangan.tanggal.isoformat() if penandatangan.tanggal else None,
            },
        )
    # Queued after the commit, so the worker finds the record (the immediate backend runs it right here).
    from renja.dokumen.tasks import buat_dokumen

    buat_dokumen.enqueue(berkas.pk)
    berkas.refresh_from_db()
    return berkas


def penandatangan_dari(berkas: DokumenBerkas) -> Penandatangan:
    return Penandatangan(
        nama=berkas.ttd_nama,
        jabatan=berkas.ttd_jabatan,
        pangkat=berkas.ttd_pangkat,
        nip=nip_tampil(berkas.ttd_nip) if berkas.ttd_nip else "",
        sebutan=berkas.ttd_sebutan,
        tempat=berkas.ttd_tempat,
        tanggal=berkas.ttd_tanggal,
    )


def _kemajuan(berkas_id: int, persen: int, langkah: str) -> None:
    # Its own small write, outside any transaction of the build, so the polling page sees each step.
    DokumenBerkas.objects.filter(pk=berkas_id).update(kemajuan=persen, langkah=langkah[:80])


def dokumen_buat(*, berkas_id: int) -> DokumenBerkas:
    """Build the requested document and keep it in media storage; a failure is recorded on the request with
    its reason (the page shows it), never left "in progress"."""
    from renja.dokumen.keluaran import tulis

    berkas = DokumenBerkas.objects.select_related("tahap__renja__opd__pemda").get(pk=berkas_id)
    if berkas.status == StatusBerkas.SELESAI:
        return berkas
    DokumenBerkas.objects.filter(pk=berkas_id).update(status=StatusBerkas.PROSES, kemajuan=1, langkah="mulai")
    try:
        dok = dokumen_renja(
            tahap=berkas.tahap,
            penandatangan=penandatangan_dari(berkas),
            kemajuan=lambda p, langkah: _kemajuan(berkas_id, p, langkah),
        )
        isi = tulis(dok, berkas.format)
    except Exception as exc:  # the request records why; the worker goes on with the next task
        log.exception("dokumen %s gagal dibuat", berkas_id)
        pesan = str(exc) or exc.__class__.__name__
        DokumenBerkas.objects.filter(pk=berkas_id).update(
            status=StatusBerkas.GAGAL, pesan=f"Dokumen gagal dibuat: {pesan}"[:2000], selesai_pada=timezone.now()
        )
        berkas.refresh_from_db()
        return berkas
    nama = f"{dok.nama_berkas}.{berkas.format}"
    berkas.berkas.save(nama, ContentFile(isi), save=False)
    berkas.nama_berkas = nama
    berkas.status = StatusBerkas.SELESAI
    berkas.kemajuan = 100
    berkas.langkah = "selesai"
    berkas.selesai_pada = timezone.now()
    berkas.save(update_fields=["berkas", "nama_berkas", "status", "kemajuan", "langkah", "selesai_pada"])
    return berkas
