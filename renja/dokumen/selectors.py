"""Reads of the dokumen app, each checked against what the user may see (organisasi.access)."""

from __future__ import annotations

from renja.dokumen.models import DokumenBerkas
from renja.organisasi import access
from renja.perencanaan.models import Tahap


def berkas_get(*, user, berkas_id: int) -> DokumenBerkas:
    berkas = DokumenBerkas.objects.select_related("tahap__renja__opd__pemda", "diminta_oleh").get(pk=berkas_id)
    access.access_opd_view(user, berkas.tahap.renja.opd)
    return berkas


def berkas_list(*, tahap: Tahap, batas: int = 20) -> list[DokumenBerkas]:
    """The latest requests for the stage (the caller has checked the stage's access)."""
    return list(DokumenBerkas.objects.filter(tahap=tahap).select_related("diminta_oleh")[:batas])
