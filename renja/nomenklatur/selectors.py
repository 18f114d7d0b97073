"""Reads of the reference codes. Nomenclature is public reference data: every signed-in user may read it."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from renja.nomenklatur.models import KodeRemap, Nomenklatur, NomenklaturVersi, Tingkat
from renja.nomenklatur.validators import (
    URUTAN_TINGKAT,
    awalan_ke_nomenklatur,
    kode_bersih,
    kode_induk,
    kode_ke_nomenklatur,
    tingkat_dari_kode,
    validate_kode_format,
)
from renja.organisasi import access
from renja.organisasi.models import PerangkatDaerah
from renja.rumus.angka import format_angka

# Columns the browse table shows; definisi (long text) and the FK are left out of the list query.
KOLOM_DAFTAR = ("id", "versi_id", "kode", "tingkat", "nama", "indikator", "satuan", "spm", "jenis_pemda")
_KODE_ATAU_AWALAN = re.compile(r"[0-9X]+(\.[0-9X]*)*")
# Each word of a search is one more condition in the query; past some hundreds SQLite refuses the expression
# ("Expression tree is too large"). Nobody searches a name with more than a few words.
CARI_KATA_MAKS = 10
CARI_PANJANG_MAKS = 200


def versi_list() -> list[NomenklaturVersi]:
    return list(NomenklaturVersi.objects.order_by("-tahun_berlaku"))


def versi_get(versi: NomenklaturVersi | str) -> NomenklaturVersi | None:
    if isinstance(versi, NomenklaturVersi):
        return versi
    return NomenklaturVersi.objects.filter(kode=versi).first()


def _versi_id(versi: NomenklaturVersi | str | int) -> int | None:
    if isinstance(versi, NomenklaturVersi):
        return versi.pk
    if isinstance(versi, int):
        return versi
    return NomenklaturVersi.objects.filter(kode=versi).values_list("pk", flat=True).first()


def _versi_label(versi: NomenklaturVersi | str) -> str:
    return versi.kode if isinstance(versi, NomenklaturVersi) else str(versi)


def nomenklatur_get(*, versi: NomenklaturVersi | str, kode: str) -> Nomenklatur | None:
    """The entry for `kode` in `versi`, reading a real support-programme code (1.06.01...) as X.XX.01..."""
    versi_id = _versi_id(versi)
    if versi_id is None:
        return None
    return (
        Nomenklatur.objects.select_related("versi", "induk")
        .filter(versi_id=versi_id, kode=kode_ke_nomenklatur(kode))
        .first()
    )


def remap_lookup(*, kode_lama: str, versi_baru: NomenklaturVersi | str) -> list[str]:
    """Codes of `versi_baru` that replace `kode_lama`, as written in the list (X.XX.01... for support)."""
    versi_id = _versi_id(versi_baru)
    if versi_id is None:
        return []
    kode = kode_bersih(kode_lama)
    return list(
        KodeRemap.objects.filter(versi_baru_id=versi_id, kode_lama__in={kode, kode_ke_nomenklatur(kode)})
        .order_by("kode_baru")
        .values_list("kode_baru", flat=True)
    )


def _sebagai_kode_rencana(kode_daftar: str, kode_asli: str) -> str:
    """Write a list code (X.XX.01...) back with the bidang of the code the user typed (1.06.01...)."""
    if kode_daftar.startswith("X.XX.") and not kode_bersih(kode_asli).startswith("X"):
        return ".".join([*kode_bersih(kode_asli).split(".")[:2], *kode_daftar.split(".")[2:]])
    return kode_daftar


def nomenklatur_validate_kode(
    *, versi: NomenklaturVersi | str, kode: str, induk_kode: str | None = None
) -> Nomenklatur:
    """The entry for `kode` in `versi`, or ValidationError in Indonesian saying what is wrong.

    Checks, in order: the format (U.BB.PP.K.KK.SSSS or a prefix of it), that `kode` sits directly under
    `induk_kode` when given, and that it exists in the version (suggesting the replacement code when the
    version's remap table knows one).
    """
    validate_kode_format(kode)
    bersih = kode_bersih(kode)
    label = _versi_label(versi)
    if induk_kode is not None:
        validate_kode_format(induk_kode)
        induk = kode_bersih(induk_kode)
        # The parent may be written as in the plan (1.06.01.2.02) or as in the list (X.XX.01.2.02).
        if induk not in (kode_induk(bersih), kode_ke_nomenklatur(kode_induk(bersih) or "")):
            tingkat = Tingkat(tingkat_dari_kode(bersih)).label.lower()
            tingkat_induk = Tingkat(tingkat_dari_kode(induk)).label.lower()
            seharusnya = kode_induk(bersih)
            if seharusnya is None:
                alasan = "urusan tidak memiliki induk"
            else:
                alasan = f"induk {tingkat} ini seharusnya {seharusnya}"
            raise ValidationError(
                f"Kode {tingkat} '{bersih}' tidak berada langsung di bawah {tingkat_induk} '{induk}': {alasan}.",
                code="induk",
            )
    entri = nomenklatur_get(versi=versi, kode=bersih)
    if entri is not None:
        return entri
    pengganti = [_sebagai_kode_rencana(k, bersih) for k in remap_lookup(kode_lama=bersih, versi_baru=versi)]
    if pengganti:
        raise ValidationError(
            f"Kode '{bersih}' tidak ada di versi nomenklatur {label}; penggantinya {', '.join(pengganti)}.",
            code="diganti",
        )
    raise ValidationError(f"Kode '{bersih}' tidak ada di versi nomenklatur {label}.", code="tidak_ada")


def nomenklatur_search(
    *,
    versi: NomenklaturVersi | str,
    q: str = "",
    tingkat: str | None = None,
    bidang: str | None = None,
    penunjang: bool = False,
) -> QuerySet[Nomenklatur]:
    """Entries of `versi` ordered by code.

    `q`: each word is either a code prefix (1.06.04, also found under X.XX.01 for 1.06.01) or a word of the
    name, all case-insensitive and all required; at most CARI_KATA_MAKS words and CARI_PANJANG_MAKS characters
    (ValidationError otherwise, see cari_problem). `bidang` (mis. 1.06) keeps that bidang's subtree, plus the
    generic support programme X.XX.01 when `penunjang` is set (it is every OPD's programme 01).
    """
    if (problem := cari_problem(q)) is not None:
        raise ValidationError({"q": problem})
    versi_id = _versi_id(versi)
    qs = Nomenklatur.objects.filter(versi_id=versi_id).only(*KOLOM_DAFTAR).order_by("kode")
    if tingkat:
        qs = qs.filter(tingkat=tingkat)
    if bidang:
        bidang = kode_bersih(bidang)
        if len(bidang) > CARI_PANJANG_MAKS:  # a bidang is 4 characters (1.06); a LIKE pattern past 50.000 fails
            raise ValidationError({"bidang": f"Bidang urusan '{bidang[:20]}…' tidak dikenal (mis. 1.06)."})
        lingkup = Q(kode=bidang) | Q(kode__startswith=f"{bidang}.")
        if penunjang:
            lingkup |= Q(kode="X.XX.01") | Q(kode__startswith="X.XX.01.")
        qs = qs.filter(lingkup)
    for kata in q.split():
        awalan = kode_bersih(kata).rstrip(".")
        if _KODE_ATAU_AWALAN.fullmatch(awalan):
            qs = qs.filter(_awalan_kode(awalan))
        else:
            qs = qs.filter(nama__icontains=kata)
    return qs


def cari_problem(q: str) -> str | None:
    """Why a search cannot be run, or None: too long, or too many words (each word is one more condition)."""
    q = q or ""
    if len(kata := q.split()) > CARI_KATA_MAKS:
        return (
            f"Pencarian paling banyak {CARI_KATA_MAKS} kata (terisi {format_angka(len(kata))} kata); "
            "pakai beberapa kata yang paling khas."
        )
    if len(q) > CARI_PANJANG_MAKS:
        return (
            f"Pencarian paling banyak {CARI_PANJANG_MAKS} karakter (terisi {format_angka(len(q))} karakter); "
            "persingkat kata kuncinya."
        )
    return None


def _awalan_kode(awalan: str) -> Q:
    """Codes starting with `awalan`, also mid-part (1.06.0 finds 1.06.04); 1.06.01 also finds X.XX.01."""
    kondisi = Q(kode__startswith=awalan)
    daftar = awalan_ke_nomenklatur(awalan)
    if daftar != awalan:
        kondisi |= Q(kode__startswith=daftar)
    return kondisi


def bidang_list(*, versi: NomenklaturVersi | str) -> list[tuple[str, str]]:
    """(kode, nama) of every bidang urusan of the version, for the filter."""
    return list(
        Nomenklatur.objects.filter(versi_id=_versi_id(versi), tingkat=Tingkat.BIDANG_URUSAN)
        .order_by("kode")
        .values_list("kode", "nama")
    )


def bidang_bawaan(user) -> str | None:
    """The bidang urusan of the OPD the user works in (1.06 for Dinas Sosial), if there is exactly one."""
    opd_ids = access.visible_opd_ids(user)
    if not opd_ids:
        return None
    bidang = set(PerangkatDaerah.objects.filter(pk__in=opd_ids).values_list("bidang_urusan", flat=True))
    return bidang.pop() if len(bidang) == 1 else None


def nomenklatur_detail(*, entri: Nomenklatur) -> dict:
    """What the detail page shows around an entry: ancestors, children, remaps both ways, other versions."""
    leluhur_kode = []
    kode = entri.kode
    while (kode := kode_induk(kode)) is not None:
        leluhur_kode.append(kode)
    leluhur = list(
        Nomenklatur.objects.filter(versi_id=entri.versi_id, kode__in=leluhur_kode).only("kode", "tingkat", "nama")
    )
    leluhur.sort(key=lambda e: URUTAN_TINGKAT.index(e.tingkat))
    # Not entri.anak: the related manager would load each child's deferred induk_id one query at a time.
    anak = list(Nomenklatur.objects.filter(induk_id=entri.pk).only(*KOLOM_DAFTAR).order_by("kode"))
    pengganti = list(
        KodeRemap.objects.filter(versi_lama_id=entri.versi_id, kode_lama=entri.kode)
        .select_related("versi_baru")
        .order_by("versi_baru__tahun_berlaku", "kode_baru")
    )
    menggantikan = list(
        KodeRemap.objects.filter(versi_baru_id=entri.versi_id, kode_baru=entri.kode)
        .select_related("versi_lama")
        .order_by("kode_lama")
    )
    versi_lain = list(
        Nomenklatur.objects.filter(kode=entri.kode)
        .exclude(versi_id=entri.versi_id)
        .select_related("versi")
        .only("kode", "nama", "versi__kode", "versi__nama", "versi__tahun_berlaku")
        .order_by("versi__tahun_berlaku")
    )
    return {
        "leluhur": leluhur,
        "anak": anak,
        "pengganti": pengganti,
        "menggantikan": menggantikan,
        "versi_lain": versi_lain,
    }
