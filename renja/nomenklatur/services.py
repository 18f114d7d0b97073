"""Loading the shipped nomenclature files (renja/nomenklatur/data/, written by `convert`) into the DB."""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from renja.inti.audit import audit_record
from renja.inti.models import AuditEvent
from renja.nomenklatur.models import KodeRemap, Nomenklatur, NomenklaturVersi
from renja.nomenklatur.sumber import KOLOM_NOMENKLATUR, KOLOM_REMAP, VERSI_BAWAAN, VersiBawaan, berkas_remap
from renja.nomenklatur.validators import URUTAN_TINGKAT, kode_format_valid, kode_induk, tingkat_dari_kode

BATCH = 1000
_KOLOM_ISI = ("tingkat", "nama", "kinerja", "indikator", "satuan", "spm", "jenis_pemda", "definisi")


def _baca_gz(path: Path, kolom: list[str]) -> list[dict[str, str]]:
    if not path.exists():
        raise ValidationError(
            f"Berkas nomenklatur {path.name} tidak ditemukan; jalankan `python -m renja.nomenklatur.convert`."
        )
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        kurang = [k for k in kolom if k not in (reader.fieldnames or [])]
        if kurang:
            raise ValidationError(f"Berkas {path.name}: kolom {', '.join(kurang)} tidak ada.")
        return list(reader)


def _baris_ke_isi(path: Path, baris: list[dict[str, str]]) -> dict[str, dict]:
    """Validated field values by code, in file order (parents first)."""
    isi: dict[str, dict] = {}
    for nomor, r in enumerate(baris, start=2):
        kode = r["kode"]
        pesan = kode_format_valid(kode)
        if pesan:
            raise ValidationError(f"Berkas {path.name} baris {nomor}: {pesan}")
        if r["tingkat"] != tingkat_dari_kode(kode):
            raise ValidationError(
                f"Berkas {path.name} baris {nomor}: tingkat {r['tingkat']} tidak cocok dengan {kode}."
            )
        induk = kode_induk(kode)
        if induk is not None and induk not in isi:
            raise ValidationError(f"Berkas {path.name} baris {nomor}: induk {induk} dari {kode} belum ada.")
        if kode in isi:
            raise ValidationError(f"Berkas {path.name} baris {nomor}: kode {kode} ganda.")
        isi[kode] = {
            "tingkat": r["tingkat"],
            "nama": r["nama"],
            "kinerja": r["kinerja"],
            "indikator": r["indikator"],
            "satuan": r["satuan"],
            "spm": r["spm"] == "1",
            "jenis_pemda": r["jenis_pemda"],
            "definisi": r["definisi"],
        }
    return isi


def _muat_versi(bawaan: VersiBawaan) -> tuple[NomenklaturVersi, dict[str, int]]:
    """Upsert one version: same code keeps its row (Renja rows point at it), changed text is updated,
    codes gone from the list are deleted. Inserts go level by level so each parent's id is known."""
    berkas = bawaan.berkas()
    isi = _baris_ke_isi(berkas, _baca_gz(berkas, KOLOM_NOMENKLATUR))
    versi, _ = NomenklaturVersi.objects.update_or_create(
        kode=bawaan.kode,
        defaults={
            "nama": bawaan.nama,
            "dasar_hukum": bawaan.dasar_hukum,
            "tahun_berlaku": bawaan.tahun_berlaku,
        },
    )
    ada = {r[0]: r for r in Nomenklatur.objects.filter(versi=versi).values_list("kode", "id", "induk_id", *_KOLOM_ISI)}
    id_per_kode = {kode: r[1] for kode, r in ada.items()}

    hapus = [id_per_kode[k] for k in ada if k not in isi]
    if hapus:
        try:
            Nomenklatur.objects.filter(versi=versi, induk__isnull=False, id__in=hapus).update(induk=None)
            Nomenklatur.objects.filter(id__in=hapus).delete()
        except ProtectedError as exc:
            dipakai = sorted({str(o) for o in exc.protected_objects})[:5]
            hilang = sorted(k for k in ada if k not in isi)[:10]
            raise ValidationError(
                f"Versi {versi.kode}: kode {', '.join(hilang)} tidak ada lagi di berkas, "
                f"tetapi masih dipakai ({'; '.join(dipakai)}). "
                "Pindahkan data tersebut ke kode baru sebelum memuat ulang."
            ) from exc
        for k in [k for k in ada if k not in isi]:
            del id_per_kode[k]

    dibuat = diubah = 0
    ubah: list[Nomenklatur] = []
    for tingkat in URUTAN_TINGKAT:
        baru: list[Nomenklatur] = []
        for kode, nilai in isi.items():
            if nilai["tingkat"] != tingkat:
                continue
            induk = kode_induk(kode)
            induk_id = id_per_kode[induk] if induk is not None else None
            lama = ada.get(kode)
            if lama is None:
                baru.append(Nomenklatur(versi=versi, kode=kode, induk_id=induk_id, **nilai))
            elif lama[2] != induk_id or lama[3:] != tuple(nilai[k] for k in _KOLOM_ISI):
                ubah.append(Nomenklatur(id=lama[1], versi=versi, kode=kode, induk_id=induk_id, **nilai))
        Nomenklatur.objects.bulk_create(baru, batch_size=BATCH)
        if any(o.pk is None for o in baru):  # backends that cannot return ids from a bulk insert
            id_per_kode.update(Nomenklatur.objects.filter(versi=versi, tingkat=tingkat).values_list("kode", "id"))
        else:
            id_per_kode.update((o.kode, o.pk) for o in baru)
        dibuat += len(baru)
    if ubah:
        Nomenklatur.objects.bulk_update(ubah, ["induk_id", *_KOLOM_ISI], batch_size=BATCH)
        diubah = len(ubah)

    per_tingkat = Counter(n["tingkat"] for n in isi.values())
    hasil = {t: per_tingkat[t] for t in URUTAN_TINGKAT}
    hasil.update(total=len(isi), dibuat=dibuat, diubah=diubah, dihapus=len(hapus))
    return versi, hasil


def _muat_remap(versi_per_kode: dict[str, NomenklaturVersi]) -> dict[str, int]:
    """Replace the remap rows between versions that are both loaded (no other table points at them)."""
    berkas = berkas_remap()
    baris = _baca_gz(berkas, KOLOM_REMAP)
    pasangan = {(r["versi_lama"], r["versi_baru"]) for r in baris}
    pasangan = {p for p in pasangan if p[0] in versi_per_kode and p[1] in versi_per_kode}
    for nomor, r in enumerate(baris, start=2):
        for kolom in ("kode_lama", "kode_baru"):
            pesan = kode_format_valid(r[kolom])
            if pesan:
                raise ValidationError(f"Berkas {berkas.name} baris {nomor} kolom {kolom}: {pesan}")
    dihapus = 0
    for lama, baru in pasangan:
        dihapus += KodeRemap.objects.filter(versi_lama=versi_per_kode[lama], versi_baru=versi_per_kode[baru]).delete()[
            0
        ]
    objek = [
        KodeRemap(
            versi_lama=versi_per_kode[r["versi_lama"]],
            kode_lama=r["kode_lama"],
            nama_lama=r["nama_lama"],
            versi_baru=versi_per_kode[r["versi_baru"]],
            kode_baru=r["kode_baru"],
        )
        for r in baris
        if (r["versi_lama"], r["versi_baru"]) in pasangan
    ]
    KodeRemap.objects.bulk_create(objek, batch_size=BATCH)
    return {"total": len(objek), "dihapus": dihapus}


def _pilih_versi(versi_kode: str | None) -> Iterable[VersiBawaan]:
    if versi_kode is None:
        return VERSI_BAWAAN
    pilihan = [v for v in VERSI_BAWAAN if v.kode == versi_kode]
    if not pilihan:
        tersedia = ", ".join(v.kode for v in VERSI_BAWAAN)
        raise ValidationError(f"Versi nomenklatur '{versi_kode}' tidak dikenal; yang tersedia: {tersedia}.")
    return pilihan


@transaction.atomic
def nomenklatur_load(*, versi_kode: str | None = None, actor=None) -> dict:
    """Load the shipped lists (every version, or only `versi_kode`) and the remaps between loaded versions.

    Idempotent: a second run changes nothing. All-or-nothing: one transaction for everything.
    Returns counts: {"2023": {"urusan": .., ..., "total": .., "dibuat": .., "diubah": .., "dihapus": ..},
    ..., "remap": {"total": .., "dihapus": ..}}.
    """
    hasil: dict[str, dict[str, int]] = {}
    for bawaan in _pilih_versi(versi_kode):
        versi, hasil[bawaan.kode] = _muat_versi(bawaan)
        audit_record(
            actor=actor,
            event_type=AuditEvent.Jenis.IMPORT,
            action="nomenklatur_load",
            obj=versi,
            new=hasil[bawaan.kode],
        )
    versi_per_kode = {v.kode: v for v in NomenklaturVersi.objects.all()}
    hasil["remap"] = _muat_remap(versi_per_kode)
    return hasil
