"""Reads of the organisation.

Interim copy (penyusunan branch): `opd_find_for_command` and `OpdTidakDitemukan` have the same name, signature
and messages as the `kantor` branch's, which supersedes this file when it lands on main.
"""

from __future__ import annotations

from renja.organisasi.models import Pemda, PerangkatDaerah


class OpdTidakDitemukan(Exception):
    """The message says why (unknown code, ambiguous code naming the Pemda that have it); commands print it."""


def _bersih(kode: str) -> str:
    return "".join((kode or "").split())


def opd_find_for_command(*, opd: str, pemda: str | None = None) -> PerangkatDaerah:
    """The OPD a command names. OPD codes are unique only within a Pemda: with one Pemda holding the code,
    `--opd` alone is enough; with several, `--pemda` is required and the message names them."""
    kode = _bersih(opd)
    qs = PerangkatDaerah.objects.select_related("pemda").filter(kode=kode).order_by("pemda__kode")
    if pemda:
        pemda_kode = _bersih(pemda)
        if not Pemda.objects.filter(kode=pemda_kode).exists():
            raise OpdTidakDitemukan(f"Pemda dengan kode wilayah {pemda_kode} tidak ada.")
        found = qs.filter(pemda__kode=pemda_kode).first()
        if found is None:
            raise OpdTidakDitemukan(f"Perangkat daerah {kode} tidak ada di Pemda {pemda_kode}.")
        return found
    found = list(qs)
    if not found:
        raise OpdTidakDitemukan(f"Perangkat daerah dengan kode {kode} tidak ada.")
    if len(found) > 1:
        names = "; ".join(f"{o.pemda.kode} {o.pemda.nama}" for o in found)
        raise OpdTidakDitemukan(
            f"Kode perangkat daerah {kode} dipakai lebih dari satu Pemda ({names}); sebutkan --pemda KODE."
        )
    return found[0]
