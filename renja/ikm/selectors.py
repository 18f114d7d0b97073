"""Reads of the survey setup and the public form, scoped to what the user may see. A missing id is Http404 before
any access check (so a stranger learns nothing either way but gets no 500); a row of another OPD is refused by
renja.organisasi.access."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.http import Http404

from renja.ikm.models import Layanan, Periode, PertanyaanTambahan, Responden, Tautan, Unsur
from renja.organisasi import access
from renja.organisasi.models import PerangkatDaerah
from renja.rumus.sampel import krejcie_morgan


def _get(qs, pk: int, pesan: str):
    try:
        return qs.get(pk=pk)
    except (qs.model.DoesNotExist, OverflowError, ValueError) as exc:
        raise Http404(pesan) from exc


def opd_list_ikm(*, user) -> list[PerangkatDaerah]:
    visible = access.visible_opd_ids(user)
    qs = PerangkatDaerah.objects.select_related("pemda").order_by("pemda__kode", "kode")
    return list(qs if visible is None else qs.filter(pk__in=visible))


def opd_get_ikm(*, user, opd_id: int) -> PerangkatDaerah:
    opd = _get(PerangkatDaerah.objects.select_related("pemda"), opd_id, "Perangkat daerah tidak ditemukan.")
    access.access_ikm_view(user, opd)
    return opd


def layanan_get(*, user, layanan_id: int) -> Layanan:
    layanan = _get(Layanan.objects.select_related("opd__pemda"), layanan_id, "Layanan tidak ditemukan.")
    access.access_ikm_view(user, layanan.opd)
    return layanan


def periode_get(*, user, periode_id: int) -> Periode:
    periode = _get(Periode.objects.select_related("opd__pemda"), periode_id, "Periode survei tidak ditemukan.")
    access.access_ikm_view(user, periode.opd)
    return periode


def unsur_get(*, user, unsur_id: int) -> Unsur:
    unsur = _get(Unsur.objects.select_related("periode__opd__pemda"), unsur_id, "Unsur tidak ditemukan.")
    access.access_ikm_view(user, unsur.periode.opd)
    return unsur


def pertanyaan_tambahan_get(*, user, pertanyaan_id: int) -> PertanyaanTambahan:
    p = _get(
        PertanyaanTambahan.objects.select_related("periode__opd__pemda"), pertanyaan_id, "Pertanyaan tidak ditemukan."
    )
    access.access_ikm_view(user, p.periode.opd)
    return p


def tautan_get(*, user, tautan_id: int) -> Tautan:
    t = _get(Tautan.objects.select_related("layanan", "periode__opd__pemda"), tautan_id, "Tautan tidak ditemukan.")
    access.access_ikm_view(user, t.periode.opd)
    return t


@dataclass
class BarisLayanan:
    layanan: Layanan
    sampel: int | None  # Krejcie-Morgan for the population; None without a population


def layanan_list(*, opd: PerangkatDaerah) -> list[BarisLayanan]:
    return [
        BarisLayanan(lay, krejcie_morgan(lay.populasi) if lay.populasi else None)
        for lay in Layanan.objects.filter(opd=opd).order_by("kode")
    ]


def periode_list(*, opd: PerangkatDaerah) -> list[Periode]:
    return list(Periode.objects.filter(opd=opd).annotate(jumlah_responden=Count("responden")).order_by("-mulai"))


@dataclass
class BarisTautan:
    tautan: Tautan
    jumlah_responden: int


def tautan_list(*, periode: Periode) -> list[BarisTautan]:
    per_layanan = dict(
        Responden.objects.filter(periode=periode).values_list("layanan_id").annotate(n=Count("id")).order_by()
    )
    return [
        BarisTautan(t, per_layanan.get(t.layanan_id, 0))
        for t in Tautan.objects.filter(periode=periode).select_related("layanan").order_by("layanan__kode")
    ]


def layanan_tanpa_tautan(*, periode: Periode) -> int:
    return Layanan.objects.filter(opd_id=periode.opd_id, aktif=True).exclude(tautan__periode=periode).count()


# --- public form -------------------------------------------------------------------------------------------


def tautan_publik(*, token: str) -> Tautan:
    """The link of the public form; Http404 for an unknown token (no login, so no access check)."""
    try:
        return Tautan.objects.select_related("layanan", "periode__opd__pemda").get(token=token)
    except Tautan.DoesNotExist as exc:
        raise Http404("Tautan survei tidak dikenal.") from exc


def kiriman_sejak(*, kunci: str, sejak: datetime.datetime) -> int:
    """Responses accepted from one client-address hash since `sejak` (the rate limit)."""
    return Responden.objects.filter(kunci_klien=kunci, waktu__gte=sejak).count()
