"""Reads of realisation, always scoped to what the user may see. Roll-ups are computed here, never stored."""

from __future__ import annotations

from renja.perencanaan.models import Renja, StatusTahap, Tahap


def tahap_berlaku(renja: Renja) -> Tahap | None:
    """The stage in force: the latest ditetapkan stage in the regulation's order (a ditetapkan Perubahan wins
    over Penetapan, Perubahan 2 over Perubahan 1). None while no stage is ditetapkan."""
    return (
        Tahap.objects.filter(renja=renja, status=StatusTahap.DITETAPKAN)
        .select_related("renja__opd")
        .order_by("-urutan", "-nomor")
        .first()
    )
