"""Everything a user can do with realisation. Each function: keyword-only, one transaction, one AuditEvent, and the
notifications the act causes. Every write first locks the triwulan of the OPD (TriwulanOpd), so an approval and a
write never interleave: once approved, nobody changes the triwulan (the admin included) until the pimpinan
reopens it with a reason."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from renja.inti.audit import audit_record
from renja.inti.fields import ANGKA_MAKS_EKSKLUSIF, SKALA_DESIMAL
from renja.inti.models import AuditEvent
from renja.inti.notifikasi import notifikasi_kirim
from renja.monev import bukti as bukti_guard
from renja.monev import selectors
from renja.monev.models import (
    BULAN_NAMA,
    AsalKeuangan,
    BuktiRealisasi,
    CatatanRealisasi,
    RealisasiFaktor,
    RealisasiKeuangan,
    RealisasiKeuanganAsal,
    RealisasiKinerja,
    StatusRealisasiUnit,
    StatusTriwulan,
    StatusUnit,
    TriwulanOpd,
    triwulan_bulan,
)
from renja.organisasi import access
from renja.organisasi.models import Peran, UnitKerja
from renja.perencanaan.models import Indikator, Level, Pagu, Renja, RenjaRow, Tahap
from renja.perencanaan.services import PAGU_MAKS
from renja.perencanaan.targets import GRADE_SAH, Target
from renja.rumus.angka import format_rupiah
from renja.rumus.uang import bulatkan

ROMAWI = selectors.ROMAWI
TEKS_MAKS = 4000  # faktor, notes: a paragraph, not a document


class SelKedaluwarsa(Exception):
    """The cell changed since the user loaded the grid (optimistic concurrency, as perencanaan's rows)."""

    def __init__(self, *, label: str, tersimpan: str, pengubah: str | None, version: int):
        self.tersimpan = tersimpan
        self.version = version
        oleh = f" oleh {pengubah}" if pengubah else ""
        super().__init__(
            f"{label} sudah diubah{oleh} setelah Anda membuka halaman ini (tersimpan sekarang: "
            f"{tersimpan or 'belum ada data'}). Isian Anda belum disimpan; periksa, lalu tekan Enter lagi untuk "
            "menimpanya."
        )


# --- shared steps ----------------------------------------------------------------------------------------------


def _triwulan_sah(triwulan) -> int:
    if triwulan not in (1, 2, 3, 4):
        raise ValidationError({"triwulan": f"Triwulan '{triwulan}' tidak dikenal; isi 1 sampai 4."})
    return int(triwulan)


def _lock_triwulan(renja: Renja, triwulan: int) -> TriwulanOpd:
    """Lock the OPD's triwulan row first in every write (created on first use: no row means open)."""
    TriwulanOpd.objects.get_or_create(renja=renja, triwulan=triwulan)
    return TriwulanOpd.objects.select_for_update(of=("self",)).get(renja=renja, triwulan=triwulan)


def _lock_status_unit(renja: Renja, unit_id: int | None, triwulan: int) -> StatusRealisasiUnit | None:
    if unit_id is None:
        return None
    StatusRealisasiUnit.objects.get_or_create(renja=renja, unit_id=unit_id, triwulan=triwulan)
    return (
        StatusRealisasiUnit.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(renja=renja, unit_id=unit_id, triwulan=triwulan)
    )


def _row_berlaku(row: RenjaRow) -> tuple[Renja, Tahap]:
    """Realisation is typed against the rows of the stage in force; refuse any other stage's row."""
    row = RenjaRow.objects.select_related("tahap__renja__opd", "unit").get(pk=row.pk)
    renja = row.tahap.renja
    berlaku = selectors.tahap_berlaku(renja)
    if berlaku is None:
        raise ValidationError(f"{renja} belum memiliki tahap yang ditetapkan; realisasi belum dapat diisi.")
    if row.tahap_id != berlaku.pk:
        raise ValidationError(
            f"Baris {row.kode} berasal dari tahap {row.tahap}; realisasi diisi pada baris tahap yang berlaku "
            f"({berlaku})."
        )
    return renja, berlaku


def _scope(renja: Renja) -> str:
    return str(renja.opd_id)


def _actor_or_none(actor):
    return actor if getattr(actor, "pk", None) else None


def _pengubah_terakhir(obj) -> str | None:
    last = (
        AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
        .select_related("actor")
        .first()
    )
    return str(last.actor.get_full_name() or last.actor) if last and last.actor else None


def _check_version(record, expected_version: int | None, *, label: str, tampil) -> None:
    if expected_version is None:
        raise ValidationError("Isian tidak lengkap (versi sel hilang); muat ulang halaman lalu ulangi.")
    current = record.version if record is not None else 0
    if current != expected_version:
        raise SelKedaluwarsa(
            label=label,
            tersimpan=tampil(record) if record is not None else "",
            pengubah=_pengubah_terakhir(record) if record is not None else None,
            version=current,
        )


def _tautan_grid(renja: Renja, triwulan: int, unit_id: int) -> str:
    return reverse("monev:grid", args=[renja.pk, triwulan, unit_id])


def _tautan_ringkasan(renja: Renja) -> str:
    return reverse("monev:renja", args=[renja.pk])


# --- values ----------------------------------------------------------------------------------------------------


def nilai_problem(nilai: Decimal) -> str | None:
    """Why a realisation number cannot be stored, or None. The one bound (AngkaTepatField's)."""
    if not nilai.is_finite():
        return "realisasi harus berupa angka."
    if nilai < 0:
        return "realisasi tidak boleh negatif."
    if abs(nilai) >= ANGKA_MAKS_EKSKLUSIF:
        return "realisasi terlalu besar (paling banyak 14 digit sebelum koma)."
    exponent = nilai.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > SKALA_DESIMAL:
        return f"realisasi paling banyak {SKALA_DESIMAL} angka di belakang koma."
    return None


@dataclass(frozen=True)
class HasilSel:
    record: object
    melebihi_pagu: bool = False


def _label_kinerja(ind: Indikator, row: RenjaRow, bulan: int) -> str:
    return f"Realisasi '{ind.uraian[:60]}' ({row.kode}) bulan {BULAN_NAMA[bulan - 1]}"


def _find_kinerja(ind: Indikator, row: RenjaRow, bulan: int) -> RealisasiKinerja | None:
    """The stored value of this indicator and month, also when it was typed against the row this row was copied
    from (an earlier stage in force): it is updated in place, so one month never holds two values."""
    garis = selectors.garis_baris(row)
    found = list(
        RealisasiKinerja.objects.select_for_update(of=("self",))
        .filter(indikator__row_id__in=garis, indikator__urutan=ind.urutan, bulan=bulan)
        .select_related("indikator")
    )
    found.sort(key=lambda r: garis.index(r.indikator.row_id))
    return found[0] if found else None


@transaction.atomic
def realisasi_kinerja_record(
    *, actor, indikator: Indikator, bulan: int, nilai: Target, expected_version: int | None
) -> HasilSel:
    """Record (or clear, with an empty Target) the realised value of an indicator in one month.

    The value means what the indicator's aggregation says (this quarter for sums, up to this quarter for
    levels): the grid labels it; this function stores it as given."""
    if bulan not in range(1, 13):
        raise ValidationError({"bulan": f"Bulan '{bulan}' tidak dikenal; isi 1 sampai 12."})
    ind = Indikator.objects.select_related("row").get(pk=indikator.pk)
    row = ind.row
    renja, berlaku = _row_berlaku(row)
    row = RenjaRow.objects.select_related("unit").get(pk=row.pk)
    row.tahap = berlaku
    triwulan = triwulan_bulan(bulan)
    tw_opd = _lock_triwulan(renja, triwulan)
    status = _lock_status_unit(renja, row.unit_id, triwulan)
    access.access_realisasi_edit(
        actor, row=row, status_unit=status.status if status else StatusUnit.DRAF, triwulan_opd=tw_opd
    )
    label = _label_kinerja(ind, row, bulan)
    if nilai.grade:
        if not ind.target_grade:
            raise ValidationError({"nilai": f"{label}: indikator ini bertarget angka; isi angka, bukan predikat."})
        if nilai.grade not in GRADE_SAH:
            raise ValidationError(
                {"nilai": f"{label}: predikat '{nilai.grade}' tidak dikenal ({', '.join(GRADE_SAH)})."}
            )
    elif nilai.nilai is not None:
        if ind.target_grade:
            raise ValidationError(
                {"nilai": f"{label}: indikator ini bertarget predikat ({ind.target_grade}); isi predikat."}
            )
        if (problem := nilai_problem(nilai.nilai)) is not None:
            raise ValidationError({"nilai": f"{label}: {problem}"})
    record = _find_kinerja(ind, row, bulan)
    _check_version(record, expected_version, label=label, tampil=lambda r: Target(r.nilai, r.grade).tampil())
    old = {"nilai": Target(record.nilai, record.grade).tampil()} if record and not _kosong(record) else None
    if record is None:
        if nilai.kosong:
            return HasilSel(record=None)  # a blank stays blank: nothing to store
        record = RealisasiKinerja(renja=renja, indikator=ind, bulan=bulan)
    else:
        record.version += 1
    record.nilai, record.grade = nilai.nilai, nilai.grade
    record.diubah_oleh = _actor_or_none(actor)
    record.save()
    audit_record(
        actor=actor,
        event_type="update" if old is not None or record.version > 1 else "create",
        action="realisasi_kinerja_record",
        obj=record,
        scope=_scope(renja),
        old={"bulan": bulan, **(old or {"nilai": None})},
        new={"bulan": bulan, "nilai": nilai.tampil() if not nilai.kosong else None, "indikator": ind.uraian[:120]},
    )
    return HasilSel(record=record)


def _kosong(record: RealisasiKinerja) -> bool:
    return record.nilai is None and not record.grade


def _asal_keuangan(row: RenjaRow, triwulan: int) -> RealisasiKeuanganAsal | None:
    garis = selectors.garis_baris(row)
    found = list(RealisasiKeuanganAsal.objects.filter(row_id__in=garis, triwulan=triwulan))
    found.sort(key=lambda r: garis.index(r.row_id))
    return found[0] if found else None


@transaction.atomic
def realisasi_keuangan_record(
    *, actor, row: RenjaRow, sumber_dana_id: int, bulan: int, jumlah: Decimal | None, expected_version: int | None
) -> HasilSel:
    """Record (or clear, with None) the Rupiah spent on a sub kegiatan from one sumber dana in one month.

    Realisation above the pagu of the stage in force is accepted and flagged (HasilSel.melebihi_pagu), never
    capped. While the triwulan's keuangan comes from an import, typing is refused (one source at a time)."""
    if bulan not in range(1, 13):
        raise ValidationError({"bulan": f"Bulan '{bulan}' tidak dikenal; isi 1 sampai 12."})
    renja, berlaku = _row_berlaku(row)
    row = RenjaRow.objects.select_related("unit").get(pk=row.pk)
    row.tahap = berlaku
    if row.level != Level.SUB_KEGIATAN:
        raise ValidationError("Realisasi keuangan diisi pada sub kegiatan; kegiatan dan program dijumlahkan.")
    triwulan = triwulan_bulan(bulan)
    tw_opd = _lock_triwulan(renja, triwulan)
    status = _lock_status_unit(renja, row.unit_id, triwulan)
    access.access_realisasi_edit(
        actor, row=row, status_unit=status.status if status else StatusUnit.DRAF, triwulan_opd=tw_opd
    )
    pagu = {p.sumber_dana_id: p for p in Pagu.objects.filter(row=row).select_related("sumber_dana")}
    if sumber_dana_id not in pagu:
        raise ValidationError(
            {"sumber_dana": f"Sub kegiatan {row.kode} tidak memiliki pagu dari sumber dana itu pada tahap {berlaku}."}
        )
    sumber = pagu[sumber_dana_id].sumber_dana
    label = f"Realisasi keuangan {row.kode} ({sumber.kode}) bulan {BULAN_NAMA[bulan - 1]}"
    if jumlah is not None:
        if jumlah < 0:
            raise ValidationError({"jumlah": f"{label}: tidak boleh negatif."})
        if jumlah > PAGU_MAKS:
            raise ValidationError({"jumlah": f"{label}: melebihi batas {format_rupiah(PAGU_MAKS)}."})
        if bulatkan(jumlah) != jumlah:
            raise ValidationError({"jumlah": f"{label}: isi Rupiah bulat tanpa sen."})
    asal = _asal_keuangan(row, triwulan)
    if asal is not None and asal.asal == AsalKeuangan.IMPOR:
        raise PermissionDenied(
            f"Realisasi keuangan {row.kode} triwulan {ROMAWI[triwulan]} berasal dari impor SIPD "
            f"({asal.keterangan or 'berkas impor'}); ubah lewat impor ulang, bukan diketik."
        )
    garis = selectors.garis_baris(row)
    found = list(
        RealisasiKeuangan.objects.select_for_update(of=("self",)).filter(
            row_id__in=garis, sumber_dana_id=sumber_dana_id, bulan=bulan
        )
    )
    found.sort(key=lambda r: garis.index(r.row_id))
    record = found[0] if found else None
    _check_version(
        record,
        expected_version,
        label=label,
        tampil=lambda r: format_rupiah(r.jumlah) if r.jumlah is not None else "",
    )
    old_jumlah = record.jumlah if record else None
    if record is None:
        if jumlah is None:
            return HasilSel(record=None)
        record = RealisasiKeuangan(renja=renja, row=row, sumber_dana_id=sumber_dana_id, bulan=bulan)
    else:
        record.version += 1
    record.jumlah = jumlah
    record.diubah_oleh = _actor_or_none(actor)
    record.save()
    # The flag compares the year so far (all months up to this one, through the lineage) with the pagu.
    total = sum(
        (
            r.jumlah
            for r in RealisasiKeuangan.objects.filter(
                row_id__in=garis, sumber_dana_id=sumber_dana_id, bulan__lte=12, jumlah__isnull=False
            )
        ),
        Decimal(0),
    )
    melebihi = total > pagu[sumber_dana_id].jumlah
    audit_record(
        actor=actor,
        event_type="update" if old_jumlah is not None or record.version > 1 else "create",
        action="realisasi_keuangan_record",
        obj=record,
        scope=_scope(renja),
        old={"bulan": bulan, "jumlah": old_jumlah},
        new={"bulan": bulan, "jumlah": jumlah, "sumber_dana": sumber.kode, "melebihi_pagu": melebihi},
    )
    return HasilSel(record=record, melebihi_pagu=melebihi)


def _teks(value: str, label: str) -> str:
    value = (value or "").strip()
    if len(value) > TEKS_MAKS:
        raise ValidationError({label: f"{label.replace('_', ' ').capitalize()} paling banyak {TEKS_MAKS} karakter."})
    return value


@transaction.atomic
def realisasi_faktor_record(
    *,
    actor,
    row: RenjaRow,
    triwulan: int,
    faktor_pendorong: str,
    faktor_penghambat: str,
    tindak_lanjut: str,
    expected_version: int | None,
) -> RealisasiFaktor:
    """Faktor pendorong, faktor penghambat and tindak lanjut of a sub kegiatan for one triwulan."""
    triwulan = _triwulan_sah(triwulan)
    renja, berlaku = _row_berlaku(row)
    row = RenjaRow.objects.select_related("unit").get(pk=row.pk)
    row.tahap = berlaku
    tw_opd = _lock_triwulan(renja, triwulan)
    status = _lock_status_unit(renja, row.unit_id, triwulan)
    access.access_realisasi_edit(
        actor, row=row, status_unit=status.status if status else StatusUnit.DRAF, triwulan_opd=tw_opd
    )
    data = {
        "faktor_pendorong": _teks(faktor_pendorong, "faktor_pendorong"),
        "faktor_penghambat": _teks(faktor_penghambat, "faktor_penghambat"),
        "tindak_lanjut": _teks(tindak_lanjut, "tindak_lanjut"),
    }
    garis = selectors.garis_baris(row)
    found = list(RealisasiFaktor.objects.select_for_update(of=("self",)).filter(row_id__in=garis, triwulan=triwulan))
    found.sort(key=lambda r: garis.index(r.row_id))
    record = found[0] if found else None
    _check_version(
        record,
        expected_version,
        label=f"Faktor dan tindak lanjut {row.kode} triwulan {ROMAWI[triwulan]}",
        tampil=lambda r: "; ".join(v for v in (r.faktor_pendorong, r.faktor_penghambat, r.tindak_lanjut) if v),
    )
    old = None
    if record is None:
        record = RealisasiFaktor(renja=renja, row=row, triwulan=triwulan)
    else:
        old = {k: getattr(record, k) for k in data}
        record.version += 1
    for k, v in data.items():
        setattr(record, k, v)
    record.diubah_oleh = _actor_or_none(actor)
    record.save()
    audit_record(
        actor=actor,
        event_type="update" if old else "create",
        action="realisasi_faktor_record",
        obj=record,
        scope=_scope(renja),
        old=old,
        new=data,
    )
    return record


@transaction.atomic
def realisasi_catatan_add(*, actor, row: RenjaRow, triwulan: int, teks: str) -> CatatanRealisasi:
    """A note or a reply in the thread of a sub kegiatan and triwulan; the other side is notified."""
    triwulan = _triwulan_sah(triwulan)
    renja, berlaku = _row_berlaku(row)
    row = RenjaRow.objects.select_related("unit").get(pk=row.pk)
    row.tahap = berlaku
    tw_opd = _lock_triwulan(renja, triwulan)
    access.access_realisasi_note(actor, row=row, triwulan_opd=tw_opd)
    teks = _teks(teks, "teks")
    if not teks:
        raise ValidationError({"teks": "Catatan wajib diisi."})
    catatan = CatatanRealisasi.objects.create(renja=renja, row=row, triwulan=triwulan, penulis=actor, teks=teks)
    audit_record(
        actor=actor,
        event_type="create",
        action="realisasi_catatan_add",
        obj=catatan,
        scope=_scope(renja),
        new={"row": row.kode, "triwulan": triwulan, "teks": teks},
    )
    operator_unit = row.unit_id is not None and row.unit_id in access.operator_units(actor, renja.opd_id)
    if operator_unit:  # the unit answered: tell the verifiers
        tujuan = selectors.penerima(opd_id=renja.opd_id, peran=Peran.PERENCANA)
    elif row.unit_id is not None:
        tujuan = selectors.penerima(opd_id=renja.opd_id, peran=Peran.OPERATOR, unit_id=row.unit_id)
    else:
        tujuan = []
    notifikasi_kirim(
        penerima=[u for u in tujuan if u.pk != actor.pk],
        jenis="realisasi_catatan",
        teks=f"Catatan baru pada {row.kode} triwulan {ROMAWI[triwulan]} dari {actor.get_full_name() or actor}:\n{teks}",
        tautan=reverse("monev:baris", args=[renja.pk, triwulan, row.pk]),
    )
    return catatan


@transaction.atomic
def realisasi_bukti_upload(*, actor, row: RenjaRow, triwulan: int, berkas) -> BuktiRealisasi:
    """Store an evidence file (PDF or image; kind decided by its content; size limited) for a sub kegiatan."""
    triwulan = _triwulan_sah(triwulan)
    renja, berlaku = _row_berlaku(row)
    row = RenjaRow.objects.select_related("unit").get(pk=row.pk)
    row.tahap = berlaku
    tw_opd = _lock_triwulan(renja, triwulan)
    status = _lock_status_unit(renja, row.unit_id, triwulan)
    access.access_realisasi_edit(
        actor, row=row, status_unit=status.status if status else StatusUnit.DRAF, triwulan_opd=tw_opd
    )
    jenis = bukti_guard.periksa_bukti(berkas)
    nama = (getattr(berkas, "name", "") or "bukti").rsplit("/", 1)[-1][:200]
    bukti = BuktiRealisasi(
        renja=renja,
        row=row,
        triwulan=triwulan,
        token=secrets.token_hex(16),
        nama_asli=nama,
        jenis=jenis,
        ukuran=berkas.size,
        diunggah_oleh=_actor_or_none(actor),
    )
    berkas.seek(0)
    bukti.berkas.save(f"{bukti.token}.{jenis}", berkas, save=False)  # upload_to decides the stored name
    try:  # the file is in storage before the row is written: remove it again if the row cannot be
        bukti.save()
        audit_record(
            actor=actor,
            event_type="create",
            action="realisasi_bukti_upload",
            obj=bukti,
            scope=_scope(renja),
            new={"row": row.kode, "triwulan": triwulan, "nama": nama, "jenis": jenis, "ukuran": berkas.size},
        )
    except Exception:
        bukti.berkas.delete(save=False)
        raise
    return bukti


@transaction.atomic
def realisasi_bukti_delete(*, actor, bukti: BuktiRealisasi) -> None:
    bukti = BuktiRealisasi.objects.select_related("row__unit", "renja").get(pk=bukti.pk)
    renja = bukti.renja
    row = bukti.row
    tw_opd = _lock_triwulan(renja, bukti.triwulan)
    status = _lock_status_unit(renja, row.unit_id, bukti.triwulan)
    row.tahap = Tahap.objects.select_related("renja").get(pk=row.tahap_id)
    access.access_realisasi_edit(
        actor, row=row, status_unit=status.status if status else StatusUnit.DRAF, triwulan_opd=tw_opd
    )
    audit_record(
        actor=actor,
        event_type="delete",
        action="realisasi_bukti_delete",
        obj=bukti,
        scope=_scope(renja),
        old={"row": row.kode, "triwulan": bukti.triwulan, "nama": bukti.nama_asli},
    )
    nama_berkas = bukti.berkas.name
    storage = bukti.berkas.storage
    bukti.delete()
    transaction.on_commit(lambda: storage.delete(nama_berkas))


# --- workflow ---------------------------------------------------------------------------------------------------


def _unit_of(renja: Renja, unit: UnitKerja) -> UnitKerja:
    if unit.opd_id != renja.opd_id:
        raise ValidationError({"unit": f"{unit} bukan unit kerja {renja.opd.nama}."})
    return unit


def _transition_unit(
    *, actor, renja: Renja, unit: UnitKerja, triwulan: int, dari: tuple[str, ...], ke: str, action: str, **new
) -> StatusRealisasiUnit:
    status = _lock_status_unit(renja, unit.pk, triwulan)
    if status.status not in dari:
        pilihan = " atau ".join(StatusUnit(s).label.lower() for s in dari)
        raise ValidationError(
            f"Realisasi {unit} triwulan {ROMAWI[triwulan]} berstatus {status.get_status_display().lower()}; "
            f"aksi ini hanya untuk status {pilihan}."
        )
    old = status.status
    status.status = ke
    now = timezone.now()
    if ke == StatusUnit.DIAJUKAN:
        status.diajukan_pada, status.diajukan_oleh = now, _actor_or_none(actor)
    else:
        status.diperiksa_pada, status.diperiksa_oleh = now, _actor_or_none(actor)
    if ke == StatusUnit.DIKEMBALIKAN:
        status.catatan_pengembalian = new.get("catatan", "")
    status.save()
    audit_record(
        actor=actor,
        event_type="transition",
        action=action,
        obj=status,
        scope=_scope(renja),
        old={"status": old},
        new={"status": ke, "unit": unit.kode, "triwulan": triwulan, **new},
    )
    return status


@transaction.atomic
def realisasi_submit(*, actor, renja: Renja, unit: UnitKerja, triwulan: int) -> StatusRealisasiUnit:
    """The unit's operator submits the triwulan (draf or dikembalikan -> diajukan); the perencana is notified."""
    triwulan = _triwulan_sah(triwulan)
    unit = _unit_of(renja, unit)
    tw_opd = _lock_triwulan(renja, triwulan)
    access.access_realisasi_submit(actor, opd_id=renja.opd_id, unit=unit, triwulan_opd=tw_opd)
    status = _transition_unit(
        actor=actor,
        renja=renja,
        unit=unit,
        triwulan=triwulan,
        dari=(StatusUnit.DRAF, StatusUnit.DIKEMBALIKAN),
        ke=StatusUnit.DIAJUKAN,
        action="realisasi_submit",
    )
    notifikasi_kirim(
        penerima=selectors.penerima(opd_id=renja.opd_id, peran=Peran.PERENCANA),
        jenis="realisasi_diajukan",
        teks=f"{unit} mengajukan realisasi triwulan {ROMAWI[triwulan]} {renja.tahun} untuk diverifikasi.",
        tautan=_tautan_grid(renja, triwulan, unit.pk),
    )
    return status


@transaction.atomic
def realisasi_verify(*, actor, renja: Renja, unit: UnitKerja, triwulan: int) -> StatusRealisasiUnit:
    """The perencana verifies a submitted unit; when every unit is verified the pimpinan is told it can be
    approved."""
    triwulan = _triwulan_sah(triwulan)
    unit = _unit_of(renja, unit)
    tw_opd = _lock_triwulan(renja, triwulan)
    access.access_realisasi_verify(actor, opd_id=renja.opd_id, triwulan_opd=tw_opd)
    status = _transition_unit(
        actor=actor,
        renja=renja,
        unit=unit,
        triwulan=triwulan,
        dari=(StatusUnit.DIAJUKAN,),
        ke=StatusUnit.DIVERIFIKASI,
        action="realisasi_verify",
    )
    notifikasi_kirim(
        penerima=selectors.penerima(opd_id=renja.opd_id, peran=Peran.OPERATOR, unit_id=unit.pk),
        jenis="realisasi_diverifikasi",
        teks=f"Realisasi {unit} triwulan {ROMAWI[triwulan]} {renja.tahun} sudah diverifikasi.",
        tautan=_tautan_grid(renja, triwulan, unit.pk),
    )
    if not _unit_belum_diverifikasi(renja, triwulan):
        notifikasi_kirim(
            penerima=selectors.penerima(opd_id=renja.opd_id, peran=Peran.PIMPINAN),
            jenis="realisasi_siap_disetujui",
            teks=f"Semua unit sudah diverifikasi: realisasi triwulan {ROMAWI[triwulan]} {renja.tahun} "
            f"{renja.opd.nama} siap disetujui.",
            tautan=_tautan_ringkasan(renja),
        )
    return status


@transaction.atomic
def realisasi_return(*, actor, renja: Renja, unit: UnitKerja, triwulan: int, catatan: str) -> StatusRealisasiUnit:
    """The perencana returns a submitted (or verified, not yet approved) unit with a required note."""
    triwulan = _triwulan_sah(triwulan)
    unit = _unit_of(renja, unit)
    tw_opd = _lock_triwulan(renja, triwulan)
    access.access_realisasi_verify(actor, opd_id=renja.opd_id, triwulan_opd=tw_opd)
    catatan = _teks(catatan, "catatan")
    if not catatan:
        raise ValidationError({"catatan": "Catatan pengembalian wajib diisi: tulis apa yang perlu diperbaiki."})
    status = _transition_unit(
        actor=actor,
        renja=renja,
        unit=unit,
        triwulan=triwulan,
        dari=(StatusUnit.DIAJUKAN, StatusUnit.DIVERIFIKASI),
        ke=StatusUnit.DIKEMBALIKAN,
        action="realisasi_return",
        catatan=catatan,
    )
    notifikasi_kirim(
        penerima=selectors.penerima(opd_id=renja.opd_id, peran=Peran.OPERATOR, unit_id=unit.pk),
        jenis="realisasi_dikembalikan",
        teks=f"Realisasi {unit} triwulan {ROMAWI[triwulan]} {renja.tahun} dikembalikan oleh "
        f"{actor.get_full_name() or actor}. Catatan: {catatan}",
        tautan=_tautan_grid(renja, triwulan, unit.pk),
    )
    return status


def _unit_belum_diverifikasi(renja: Renja, triwulan: int) -> list[UnitKerja]:
    tahap = selectors.tahap_berlaku(renja)
    if tahap is None:
        return []
    units = selectors.unit_penanggung_jawab(tahap=tahap)
    statuses = selectors.status_unit_map(renja=renja, triwulan=triwulan)
    return [u for u in units if selectors.status_unit_of(statuses, u.pk) != StatusUnit.DIVERIFIKASI]


def _semua_terkait(renja: Renja) -> list:
    opd_id = renja.opd_id
    return [
        *selectors.penerima(opd_id=opd_id, peran=Peran.OPERATOR),
        *selectors.penerima(opd_id=opd_id, peran=Peran.PERENCANA),
    ]


@transaction.atomic
def realisasi_approve(*, actor, renja: Renja, triwulan: int) -> TriwulanOpd:
    """The pimpinan approves the OPD's triwulan once every responsible unit is verified: it is then locked."""
    triwulan = _triwulan_sah(triwulan)
    tw_opd = _lock_triwulan(renja, triwulan)
    access.access_realisasi_approve(actor, opd_id=renja.opd_id, triwulan_opd=tw_opd)
    if selectors.tahap_berlaku(renja) is None:
        raise ValidationError(f"{renja} belum memiliki tahap yang ditetapkan; tidak ada realisasi untuk disetujui.")
    belum = _unit_belum_diverifikasi(renja, triwulan)
    if belum:
        raise ValidationError(
            f"Triwulan {ROMAWI[triwulan]} belum dapat disetujui: unit yang belum diverifikasi: "
            + ", ".join(str(u) for u in belum)
            + "."
        )
    tw_opd.status = StatusTriwulan.DISETUJUI
    tw_opd.disetujui_pada, tw_opd.disetujui_oleh = timezone.now(), _actor_or_none(actor)
    tw_opd.save()
    audit_record(
        actor=actor,
        event_type="transition",
        action="realisasi_approve",
        obj=tw_opd,
        scope=_scope(renja),
        old={"status": StatusTriwulan.TERBUKA},
        new={"status": StatusTriwulan.DISETUJUI, "triwulan": triwulan},
    )
    notifikasi_kirim(
        penerima=_semua_terkait(renja),
        jenis="realisasi_disetujui",
        teks=f"Realisasi triwulan {ROMAWI[triwulan]} {renja.tahun} {renja.opd.nama} disetujui pimpinan dan dikunci.",
        tautan=_tautan_ringkasan(renja),
    )
    return tw_opd


@transaction.atomic
def realisasi_reopen(*, actor, renja: Renja, triwulan: int, alasan: str) -> TriwulanOpd:
    """Only the pimpinan reopens an approved triwulan, with a reason that is audited and shown on the page.
    The units keep their status; the perencana returns the unit(s) that must correct their figures."""
    triwulan = _triwulan_sah(triwulan)
    tw_opd = _lock_triwulan(renja, triwulan)
    access.access_realisasi_reopen(actor, opd_id=renja.opd_id)
    alasan = _teks(alasan, "alasan")
    if not alasan:
        raise ValidationError({"alasan": "Alasan membuka kembali wajib diisi."})
    if tw_opd.status != StatusTriwulan.DISETUJUI:
        raise ValidationError(f"Triwulan {ROMAWI[triwulan]} belum disetujui; tidak ada yang perlu dibuka kembali.")
    tw_opd.status = StatusTriwulan.TERBUKA
    tw_opd.dibuka_pada, tw_opd.dibuka_oleh, tw_opd.alasan_dibuka = timezone.now(), _actor_or_none(actor), alasan
    tw_opd.save()
    audit_record(
        actor=actor,
        event_type="transition",
        action="realisasi_reopen",
        obj=tw_opd,
        scope=_scope(renja),
        old={"status": StatusTriwulan.DISETUJUI},
        new={"status": StatusTriwulan.TERBUKA, "triwulan": triwulan, "alasan": alasan},
    )
    notifikasi_kirim(
        penerima=_semua_terkait(renja),
        jenis="realisasi_dibuka",
        teks=f"Triwulan {ROMAWI[triwulan]} {renja.tahun} {renja.opd.nama} dibuka kembali oleh pimpinan. "
        f"Alasan: {alasan}",
        tautan=_tautan_ringkasan(renja),
    )
    return tw_opd


@transaction.atomic
def triwulan_batas_waktu_set(*, actor, renja: Renja, triwulan: int, batas_waktu: date | None) -> TriwulanOpd:
    """Set (or clear) the deadline for entering a triwulan; a new deadline gets a new reminder."""
    triwulan = _triwulan_sah(triwulan)
    tw_opd = _lock_triwulan(renja, triwulan)
    access.access_realisasi_deadline(actor, opd_id=renja.opd_id, triwulan_opd=tw_opd)
    if batas_waktu is not None and not (renja.tahun - 1 <= batas_waktu.year <= renja.tahun + 1):
        raise ValidationError({"batas_waktu": f"Batas waktu {batas_waktu:%d-%m-%Y} jauh dari tahun {renja.tahun}."})
    old = tw_opd.batas_waktu
    tw_opd.batas_waktu = batas_waktu
    tw_opd.pengingat_dikirim_pada = None
    tw_opd.save()
    audit_record(
        actor=actor,
        event_type="update",
        action="triwulan_batas_waktu_set",
        obj=tw_opd,
        scope=_scope(renja),
        old={"batas_waktu": old.isoformat() if old else None},
        new={"batas_waktu": batas_waktu.isoformat() if batas_waktu else None, "triwulan": triwulan},
    )
    return tw_opd


@transaction.atomic
def triwulan_contoh_set(*, renja: Renja, triwulan: int, contoh: bool) -> TriwulanOpd:
    """System only (the demo loader): mark a triwulan's realisation as made-up example data, shown on its pages."""
    triwulan = _triwulan_sah(triwulan)
    tw_opd = _lock_triwulan(renja, triwulan)
    if tw_opd.status == StatusTriwulan.DISETUJUI:
        raise PermissionDenied(f"Triwulan {ROMAWI[triwulan]} sudah disetujui dan terkunci.")
    tw_opd.contoh = contoh
    tw_opd.save(update_fields=["contoh"])
    audit_record(
        actor=None,
        event_type="update",
        action="triwulan_contoh_set",
        obj=tw_opd,
        scope=_scope(renja),
        new={"triwulan": triwulan, "contoh": contoh},
    )
    return tw_opd


HARI_PENGINGAT = 3  # the reminder goes out this many days before the deadline (issue 11)


@transaction.atomic
def realisasi_pengingat_kirim(*, hari_ini: date | None = None) -> int:
    """System job: for every open triwulan whose deadline is within three days, remind the operators of units
    that have not submitted (once per deadline). Returns the number of notifications created."""
    hari_ini = hari_ini or timezone.localdate()
    n = 0
    batas = hari_ini + timedelta(days=HARI_PENGINGAT)
    for tw_opd in (
        TriwulanOpd.objects.select_for_update(of=("self",))
        .filter(
            status=StatusTriwulan.TERBUKA,
            batas_waktu__gte=hari_ini,
            batas_waktu__lte=batas,
            pengingat_dikirim_pada__isnull=True,
        )
        .select_related("renja__opd")
    ):
        renja = tw_opd.renja
        ringkas = selectors.belum_mengisi(renja=renja, triwulan=tw_opd.triwulan)
        sisa = (tw_opd.batas_waktu - hari_ini).days
        for u in ringkas.unit_belum_mengajukan:
            n += notifikasi_kirim(
                penerima=selectors.penerima(opd_id=renja.opd_id, peran=Peran.OPERATOR, unit_id=u.unit.pk),
                jenis="realisasi_batas_waktu",
                teks=f"Batas waktu pengisian realisasi triwulan {ROMAWI[tw_opd.triwulan]} {renja.tahun}: "
                f"{tw_opd.batas_waktu:%d-%m-%Y} ({sisa} hari lagi). {u.unit} belum mengajukan"
                + (f"; {len(u.baris_kosong)} sub kegiatan belum berisi realisasi." if u.baris_kosong else "."),
                tautan=_tautan_grid(renja, tw_opd.triwulan, u.unit.pk),
                kunci=f"batas:{tw_opd.pk}:{tw_opd.batas_waktu.isoformat()}",
            )
        tw_opd.pengingat_dikirim_pada = timezone.now()
        tw_opd.save(update_fields=["pengingat_dikirim_pada"])
        audit_record(
            actor=None,
            event_type="update",
            action="realisasi_pengingat_kirim",
            obj=tw_opd,
            scope=_scope(renja),
            new={"triwulan": tw_opd.triwulan, "batas_waktu": tw_opd.batas_waktu.isoformat(), "notifikasi": n},
        )
    return n
