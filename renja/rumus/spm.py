"""Standar Pelayanan Minimal bidang sosial (PP 2/2018, Permensos 9/2018, Permendagri 59/2021).

Capaian per jenis pelayanan dasar = warga negara terlayani sesuai standar / warga negara yang
berhak x 100%, target 100%.  The overall capaian is the unweighted mean of the per-jenis capaian
(each basic service counts the same); jenis with nobody entitled are left out and flagged.

The weighted "indeks capaian SPM" (penerima ~80%, mutu ~20%) and the "Tuntas ..." bands are not
confirmed (REGULASI.md §5.3, confidence L) and are deliberately not implemented.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum

from renja.rumus import parameter
from renja.rumus.capaian import Flag, HasilCapaian, persentase, rata_rata_capaian

__all__ = ["JenisPelayananDasar", "capaian_spm", "capaian_spm_keseluruhan", "spm_tercapai"]


class JenisPelayananDasar(StrEnum):
    """The five basic services of SPM sosial for a kabupaten/kota, in PP 2/2018 order."""

    DISABILITAS_TERLANTAR = "disabilitas_terlantar"
    ANAK_TERLANTAR = "anak_terlantar"
    LANSIA_TERLANTAR = "lansia_terlantar"
    GELANDANGAN_PENGEMIS = "gelandangan_pengemis"
    KORBAN_BENCANA = "korban_bencana"

    @property
    def nama(self) -> str:
        """The regulation's name of this basic service."""
        urutan = list(JenisPelayananDasar).index(self)
        return parameter.JENIS_PELAYANAN_DASAR_SOSIAL_KABKOTA.nilai[urutan]


def _cacah(nilai: object, nama: str) -> int:
    if isinstance(nilai, bool) or not isinstance(nilai, int):
        raise TypeError(f"{nama} harus int (jumlah warga negara), bukan {type(nilai).__name__}")
    if nilai < 0:
        raise ValueError(f"{nama} tidak boleh negatif ({nilai})")
    return nilai


def capaian_spm(*, terlayani: int, berhak: int) -> HasilCapaian:
    """Capaian of one basic service: ``terlayani / berhak x 100``.

    Nobody entitled: ``persen=None``, flag ``SASARAN_NOL``.  More served than entitled: computed
    and flagged ``MELEBIHI_SASARAN``.
    """
    t = _cacah(terlayani, "terlayani")
    b = _cacah(berhak, "berhak")
    if b == 0:
        return HasilCapaian(None, Flag.SASARAN_NOL)
    return HasilCapaian(persentase(t, b), Flag.MELEBIHI_SASARAN if t > b else None)


def capaian_spm_keseluruhan(per_jenis: Mapping[JenisPelayananDasar, tuple[int, int]]) -> HasilCapaian:
    """Overall capaian: mean of the per-jenis capaian, from ``{jenis: (terlayani, berhak)}``.

    Flag ``SASARAN_NOL`` when some jenis had nobody entitled (``persen=None`` if all), else
    ``MELEBIHI_SASARAN`` when some jenis served more than were entitled.
    """
    if not per_jenis:
        raise ValueError("tidak ada jenis pelayanan dasar")
    hasil = []
    for jenis, (terlayani, berhak) in per_jenis.items():
        JenisPelayananDasar(jenis)  # an unknown jenis raises ValueError
        hasil.append(capaian_spm(terlayani=terlayani, berhak=berhak))
    flags = {h.flag for h in hasil}
    flag = None
    if Flag.SASARAN_NOL in flags:
        flag = Flag.SASARAN_NOL
    elif Flag.MELEBIHI_SASARAN in flags:
        flag = Flag.MELEBIHI_SASARAN
    return HasilCapaian(rata_rata_capaian(hasil), flag)


def spm_tercapai(hasil: HasilCapaian) -> bool | None:
    """Whether a capaian reaches the SPM target of 100% (``None`` when it is undefined)."""
    if hasil.persen is None:
        return None
    target: Decimal = parameter.TARGET_CAPAIAN_SPM.nilai
    return hasil.persen >= target
