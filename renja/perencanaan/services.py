"""Everything a user can change in planning. Each function: keyword-only, one transaction, one AuditEvent."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q, Sum
from django.utils import timezone

from renja.inti.audit import audit_record
from renja.inti.models import AuditEvent
from renja.nomenklatur.selectors import (
    kode_dalam_lingkup_opd,
    kode_pengganti_map,
    nomenklatur_get,
    nomenklatur_map,
    nomenklatur_validate_kode,
    versi_untuk_tahun,
)
from renja.nomenklatur.validators import kode_bersih, kode_induk, tingkat_dari_kode
from renja.organisasi import access
from renja.organisasi.models import PenugasanPeran, UnitKerja
from renja.perencanaan.batas import BATAS_TEKS, INDIKATOR_MAKS, LOKASI_MAKS, teks_problem
from renja.perencanaan.models import (
    URUTAN_TAHAP,
    Indikator,
    JenisTahap,
    Level,
    Pagu,
    Polaritas,
    Renja,
    RenjaRow,
    StatusTahap,
    SumberDana,
    Tahap,
)
from renja.perencanaan.selectors import tahap_rows
from renja.perencanaan.targets import Target, agregasi_bawaan, target_of, target_problem
from renja.rumus.angka import format_angka, format_rupiah
from renja.rumus.terbilang import BATAS_TERBILANG
from renja.rumus.uang import bulatkan

# One bound for every pagu and for the totals of a stage: what terbilang can write out (999.999.999.999.999),
# well below what an integer-sen BIGINT holds (9,2 x 10^16 Rupiah). Totals are checked in _check_totals.
PAGU_MAKS = Decimal(BATAS_TERBILANG - 1)


class VersiKedaluwarsa(Exception):
    """The row changed since the user opened it (optimistic concurrency)."""

    def __init__(self, row: RenjaRow, pengubah: str | None):
        self.row = row
        oleh = f" oleh {pengubah}" if pengubah else ""
        super().__init__(
            f"Baris {row.kode} sudah diubah{oleh} setelah Anda membukanya. Perubahan Anda tidak disimpan; "
            "muat ulang halaman untuk melihat isi terbaru, lalu ulangi perubahan Anda."
        )


# --- inputs ---------------------------------------------------------------------------------------------


@dataclass
class IndikatorInput:
    uraian: str
    target: Target
    satuan: str
    polaritas: str = "naik"
    agregasi: str = "jumlah"


@dataclass
class RowInput:
    kode: str
    nama: str
    indikator: list[IndikatorInput] = field(default_factory=list)
    unit: UnitKerja | None = None
    pagu: dict[str, Decimal] = field(default_factory=dict)  # kode sumber dana -> Rupiah
    lokasi: list[str] = field(default_factory=list)
    prioritas_nasional: str = ""
    prioritas_daerah: str = ""
    kelompok_sasaran: str = ""
    prakiraan_target: Target = field(default_factory=Target)
    prakiraan_satuan: str = ""
    prakiraan_pagu: Decimal | None = None
    sumber: str = ""
    catatan: str = ""


def _snapshot(row: RenjaRow) -> dict:
    return {
        "kode": row.kode,
        "nama": row.nama,
        "unit": row.unit.kode if row.unit_id else None,
        "indikator": [
            {"uraian": i.uraian, "target": target_of(i).tampil(), "satuan": i.satuan} for i in row.indikator.all()
        ],
        "pagu": {p.sumber_dana.kode: str(p.jumlah) for p in row.pagu.select_related("sumber_dana")},
        "lokasi": list(row.lokasi or []),
        "prioritas_nasional": row.prioritas_nasional,
        "prioritas_daerah": row.prioritas_daerah,
        "kelompok_sasaran": row.kelompok_sasaran,
        "prakiraan_target": target_of(row, "prakiraan_target").tampil(),
        "prakiraan_satuan": row.prakiraan_satuan,
        "prakiraan_pagu": str(row.prakiraan_pagu) if row.prakiraan_pagu is not None else None,
    }


def _validate(*, tahap: Tahap, level: str, data: RowInput, parent: RenjaRow | None) -> tuple[object, dict]:
    """Domain validation shared by create and update. Returns (nomenklatur entry, sumber dana by kode)."""
    errors: dict[str, list[str]] = {}
    nomenklatur = None
    try:
        nomenklatur = nomenklatur_validate_kode(
            versi=tahap.renja.nomenklatur_versi, kode=data.kode, induk_kode=parent.kode if parent else None
        )
    except ValidationError as exc:
        errors.setdefault("kode", []).extend(exc.messages)
    if nomenklatur is not None and (di_luar := kode_dalam_lingkup_opd(opd=tahap.renja.opd, kode=data.kode)):
        errors.setdefault("kode", []).append(di_luar)
    if not data.nama.strip():
        if nomenklatur is not None:
            data.nama = nomenklatur.nama  # the official name of the code, as SIPD would show it
        else:
            errors.setdefault("nama", []).append("Nama wajib diisi.")
    for n, ind in enumerate(data.indikator, start=1):
        if not ind.uraian.strip():
            errors.setdefault("indikator", []).append(f"Indikator {n}: uraian wajib diisi.")
        if ind.target.kosong and level == Level.SUB_KEGIATAN:
            errors.setdefault("indikator", []).append(f"Indikator {n}: target wajib diisi.")
        if ind.target.nilai is not None and ind.target.nilai < 0:
            errors.setdefault("indikator", []).append(f"Indikator {n}: target tidak boleh negatif.")
        if not ind.satuan.strip() and not ind.target.kosong:
            errors.setdefault("indikator", []).append(f"Indikator {n}: satuan wajib diisi (mis. Orang, Dokumen, %).")
        if (problem := target_problem(ind.target)) is not None:
            errors.setdefault("indikator", []).append(f"Indikator {n}: {problem}")
    if level == Level.SUB_KEGIATAN and not data.indikator:
        errors.setdefault("indikator", []).append("Sub kegiatan wajib memiliki minimal satu indikator.")
    sumber_by_kode = {s.kode: s for s in SumberDana.objects.filter(kode__in=list(data.pagu))}
    if data.pagu and level != Level.SUB_KEGIATAN:
        errors.setdefault("pagu", []).append("Pagu hanya diisi pada sub kegiatan; pagu kegiatan dan program dihitung.")
    for kode, jumlah in data.pagu.items():
        if kode not in sumber_by_kode:
            errors.setdefault("pagu", []).append(f"Sumber dana '{kode}' tidak dikenal.")
        if jumlah is None or jumlah < 0:
            errors.setdefault("pagu", []).append(f"Pagu {kode} harus Rupiah bulat ≥ 0.")
        elif jumlah > PAGU_MAKS:
            errors.setdefault("pagu", []).append(f"Pagu {kode} melebihi batas {format_rupiah(PAGU_MAKS)}.")
        elif bulatkan(jumlah) != jumlah:
            errors.setdefault("pagu", []).append(f"Pagu {kode} harus Rupiah bulat tanpa sen (isi {jumlah}).")
    if data.prakiraan_pagu is not None and (
        data.prakiraan_pagu < 0
        or data.prakiraan_pagu > PAGU_MAKS
        or bulatkan(data.prakiraan_pagu) != data.prakiraan_pagu
    ):
        errors.setdefault("prakiraan_pagu", []).append("Pagu prakiraan maju harus Rupiah bulat ≥ 0.")
    if (problem := target_problem(data.prakiraan_target)) is not None:
        errors.setdefault("prakiraan_target", []).append(problem)
    if not data.prakiraan_target.kosong and not data.prakiraan_satuan.strip():
        errors.setdefault("prakiraan_satuan", []).append("Satuan prakiraan maju wajib diisi bila targetnya diisi.")
    if data.unit is not None and data.unit.opd_id != tahap.renja.opd_id:
        errors.setdefault("unit", []).append("Unit kerja harus unit dari perangkat daerah ini.")
    if level == Level.SUB_KEGIATAN and data.unit is None:
        errors.setdefault("unit", []).append("Unit penanggung jawab wajib dipilih untuk sub kegiatan.")
    _check_texts(data, errors)
    if errors:
        raise ValidationError(errors)
    return nomenklatur, sumber_by_kode


# Text fields of a row: (field, label, limit key). Labels are the form's, so a message names what the user sees.
_TEKS_BARIS = (
    ("kode", "Kode", "kode"),
    ("nama", "Nama", "nama"),
    ("prioritas_nasional", "Prioritas nasional", "prioritas_nasional"),
    ("prioritas_daerah", "Prioritas daerah", "prioritas_daerah"),
    ("kelompok_sasaran", "Kelompok sasaran", "kelompok_sasaran"),
    ("prakiraan_satuan", "Satuan prakiraan maju", "prakiraan_satuan"),
    ("sumber", "Asal data", "sumber"),
    ("catatan", "Catatan", "catatan"),
)


def _check_texts(data: RowInput, errors: dict[str, list[str]]) -> None:
    """Every text of the row within its limit (renja.perencanaan.batas), each message naming its field."""
    for name, label, key in _TEKS_BARIS:
        if (problem := teks_problem(label, getattr(data, name).strip(), BATAS_TEKS[key])) is not None:
            errors.setdefault(name, []).append(problem)
    lokasi = [x.strip() for x in data.lokasi if x.strip()]
    if len(lokasi) > LOKASI_MAKS:
        errors.setdefault("lokasi", []).append(
            f"Lokasi paling banyak {LOKASI_MAKS} tempat (terisi {format_angka(len(lokasi))})."
        )
    for n, tempat in enumerate(lokasi, start=1):
        if (problem := teks_problem(f"Lokasi {n}", tempat, BATAS_TEKS["lokasi"])) is not None:
            errors.setdefault("lokasi", []).append(problem)
    if len(data.indikator) > INDIKATOR_MAKS:
        errors.setdefault("indikator", []).append(
            f"Satu baris paling banyak {INDIKATOR_MAKS} indikator (terisi {format_angka(len(data.indikator))})."
        )
    for n, ind in enumerate(data.indikator[:INDIKATOR_MAKS], start=1):
        for name, key in (("uraian", "uraian"), ("satuan", "satuan")):
            if problem := teks_problem(f"Indikator {n}: {name}", getattr(ind, name).strip(), BATAS_TEKS[key]):
                errors.setdefault("indikator", []).append(problem)


def _check_totals(*, tahap: Tahap, row_pk: int | None, data: RowInput) -> None:
    """The stage totals with this row's new pagu stay within PAGU_MAKS, so every total can be written in words.

    Runs after _lock_tahap, so two rows saved at once cannot each pass the check and together exceed it.
    """
    others = Pagu.objects.filter(row__tahap=tahap).exclude(row_id=row_pk)
    total = (others.aggregate(s=Sum("jumlah"))["s"] or Decimal(0)) + sum(data.pagu.values(), Decimal(0))
    other_rows = RenjaRow.objects.filter(tahap=tahap).exclude(pk=row_pk)
    prakiraan = (other_rows.aggregate(s=Sum("prakiraan_pagu"))["s"] or Decimal(0)) + (data.prakiraan_pagu or 0)
    errors: dict[str, list[str]] = {}
    for name, label, value in (("pagu", "pagu", total), ("prakiraan_pagu", "pagu prakiraan maju", prakiraan)):
        if value > PAGU_MAKS:
            errors[name] = [
                f"Total {label} tahap {tahap} menjadi {format_rupiah(value)} dan melebihi batas "
                f"{format_rupiah(PAGU_MAKS)} (batas yang dapat ditulis dengan huruf); kurangi pagu baris ini."
            ]
    if errors:
        raise ValidationError(errors)


def _bersihkan(data: RowInput) -> RowInput:
    """The input as stored: the code in its one spelling (kode_bersih), so duplicate checks compare like with like."""
    return replace(data, kode=kode_bersih(data.kode))


def _write_children(*, row: RenjaRow, data: RowInput, sumber_by_kode: dict) -> None:
    row.indikator.all().delete()
    Indikator.objects.bulk_create(
        [
            Indikator(
                row=row,
                urutan=n,
                uraian=ind.uraian.strip(),
                target_nilai=ind.target.nilai,
                target_grade=ind.target.grade,
                satuan=ind.satuan.strip(),
                polaritas=ind.polaritas,
                agregasi=ind.agregasi,
            )
            for n, ind in enumerate(data.indikator)
        ]
    )
    row.pagu.all().delete()
    Pagu.objects.bulk_create([Pagu(row=row, sumber_dana=sumber_by_kode[k], jumlah=v) for k, v in data.pagu.items()])


def _assign(row: RenjaRow, data: RowInput, nomenklatur) -> None:
    row.kode = data.kode
    row.nama = data.nama.strip()
    row.nomenklatur = nomenklatur
    row.unit = data.unit
    row.lokasi = [x.strip() for x in data.lokasi if x.strip()]
    row.prioritas_nasional = data.prioritas_nasional.strip()
    row.prioritas_daerah = data.prioritas_daerah.strip()
    row.kelompok_sasaran = data.kelompok_sasaran.strip()
    row.prakiraan_target_nilai = data.prakiraan_target.nilai
    row.prakiraan_target_grade = data.prakiraan_target.grade
    row.prakiraan_satuan = data.prakiraan_satuan.strip()
    row.prakiraan_pagu = data.prakiraan_pagu
    row.sumber = data.sumber
    row.catatan = data.catatan


def _check_row_write(*, actor, row: RenjaRow, tahap: Tahap, system: bool) -> None:
    if tahap.status == StatusTahap.DITETAPKAN:
        # Not even admin or the loader: a locked stage changes only through a new Perubahan stage.
        raise PermissionDenied(
            f"Tahap {tahap} sudah ditetapkan dan terkunci; perubahan hanya lewat tahap Perubahan baru."
        )
    if not system:
        access.access_row_edit(actor, row, tahap=tahap)


def _lock_tahap(tahap_id: int) -> Tahap:
    """Lock the stage first in every row write: a concurrent penetapan waits, or we see it and refuse."""
    return (
        Tahap.objects.select_for_update(of=("self",))
        .select_related("renja__nomenklatur_versi", "renja__opd")
        .get(pk=tahap_id)
    )


def _check_version(current: RenjaRow, expected_version: int | None) -> None:
    if expected_version is None:
        raise ValidationError("Formulir tidak lengkap (versi baris hilang); muat ulang halaman lalu ulangi.")
    if current.version == expected_version:
        return
    last = (
        AuditEvent.objects.filter(object_type=current._meta.label_lower, object_id=str(current.pk))
        .select_related("actor")
        .first()
    )
    raise VersiKedaluwarsa(current, str(last.actor) if last and last.actor else None)


# --- rows -----------------------------------------------------------------------------------------------


@transaction.atomic
def row_create(
    *, actor, tahap: Tahap, level: str, data: RowInput, parent: RenjaRow | None = None, system: bool = False
) -> RenjaRow:
    tahap = _lock_tahap(tahap.pk)
    data = _bersihkan(data)
    expected_parent = {Level.PROGRAM: None, Level.KEGIATAN: Level.PROGRAM, Level.SUB_KEGIATAN: Level.KEGIATAN}[level]
    if (parent.level if parent else None) != expected_parent:
        raise ValidationError({"parent": f"{Level(level).label} harus berada di bawah {expected_parent or 'OPD'}."})
    if parent is not None and parent.tahap_id != tahap.pk:
        raise ValidationError({"parent": "Baris induk berasal dari tahap lain."})
    if tahap.status == StatusTahap.DITETAPKAN:
        raise PermissionDenied(
            f"Tahap {tahap} sudah ditetapkan dan terkunci; perubahan hanya lewat tahap Perubahan baru."
        )
    if not system and data.unit is None and level == Level.SUB_KEGIATAN:
        # No unit chosen: a form error from _validate (input kept), not a refusal about someone else's unit.
        access.access_row_create(actor, tahap)
    elif not system:
        units_under_parent = set(parent.children.values_list("unit_id", flat=True)) if parent else set()
        access.access_row_add(actor, tahap, unit=data.unit, units_under_parent=units_under_parent)
    nomenklatur, sumber_by_kode = _validate(tahap=tahap, level=level, data=data, parent=parent)
    if RenjaRow.objects.filter(tahap=tahap, kode=data.kode).exists():
        raise ValidationError({"kode": f"Kode {data.kode} sudah ada di tahap {tahap}."})
    _check_totals(tahap=tahap, row_pk=None, data=data)
    row = RenjaRow(tahap=tahap, level=level, parent=parent)
    _assign(row, data, nomenklatur)
    row.urutan = (RenjaRow.objects.filter(tahap=tahap).aggregate(m=Max("urutan"))["m"] or 0) + 1
    row.save()
    _write_children(row=row, data=data, sumber_by_kode=sumber_by_kode)
    audit_record(
        actor=actor,
        event_type="create",
        action="row_create",
        obj=row,
        scope=str(tahap.renja.opd_id),
        new=_snapshot(row),
    )
    return row


@transaction.atomic
def subkegiatan_update(*, actor, row: RenjaRow, expected_version: int | None, data: RowInput) -> RenjaRow:
    """Change a sub kegiatan. Refused when the row changed since `expected_version` was read."""
    tahap = _lock_tahap(RenjaRow.objects.values_list("tahap_id", flat=True).get(pk=row.pk))
    data = _bersihkan(data)
    current = RenjaRow.objects.select_for_update(of=("self",)).select_related("parent", "unit").get(pk=row.pk)
    current.tahap = tahap
    if current.level != Level.SUB_KEGIATAN:
        raise ValidationError("Hanya sub kegiatan yang diubah lewat formulir ini.")
    _check_row_write(actor=actor, row=current, tahap=tahap, system=False)
    # The unit the row moves to must also be one the actor may edit (an operator cannot give rows away). No unit
    # at all is not a move but a missing field: _validate says so beside the field and the input is kept.
    if data.unit is not None and data.unit.pk != current.unit_id:
        access.access_row_edit(actor, RenjaRow(tahap=tahap, unit=data.unit), tahap=tahap)
    _check_version(current, expected_version)
    old = _snapshot(current)
    nomenklatur, sumber_by_kode = _validate(tahap=tahap, level=current.level, data=data, parent=current.parent)
    if data.kode != current.kode and RenjaRow.objects.filter(tahap=tahap, kode=data.kode).exists():
        raise ValidationError({"kode": f"Kode {data.kode} sudah dipakai baris lain di tahap ini."})
    _check_totals(tahap=tahap, row_pk=current.pk, data=data)
    _assign(current, data, nomenklatur)
    current.version = current.version + 1
    current.save()
    _write_children(row=current, data=data, sumber_by_kode=sumber_by_kode)
    audit_record(
        actor=actor,
        event_type="update",
        action="subkegiatan_update",
        obj=current,
        scope=str(tahap.renja.opd_id),
        old=old,
        new=_snapshot(current),
    )
    return current


@transaction.atomic
def row_delete(*, actor, row: RenjaRow, expected_version: int | None) -> None:
    tahap = _lock_tahap(RenjaRow.objects.values_list("tahap_id", flat=True).get(pk=row.pk))
    current = RenjaRow.objects.select_for_update(of=("self",)).select_related("unit").get(pk=row.pk)
    current.tahap = tahap
    _check_row_write(actor=actor, row=current, tahap=tahap, system=False)
    _check_version(current, expected_version)
    if current.children.exists():
        raise ValidationError(f"Baris {current.kode} masih memiliki baris di bawahnya; hapus itu dulu.")
    audit_record(
        actor=actor,
        event_type="delete",
        action="row_delete",
        obj=current,
        scope=str(tahap.renja.opd_id),
        old={**_snapshot(current), "tahap_id": tahap.pk},
    )
    current.delete()


# --- renja and tahap ------------------------------------------------------------------------------------


@transaction.atomic
def renja_create(*, actor, opd, tahun: int, nomenklatur_versi, renstra=None) -> Renja:
    if Renja.objects.filter(opd=opd, tahun=tahun).exists():
        raise ValidationError(f"Renja {opd.nama} tahun {tahun} sudah ada.")
    renja = Renja.objects.create(opd=opd, tahun=tahun, nomenklatur_versi=nomenklatur_versi, renstra=renstra)
    audit_record(
        actor=actor,
        event_type="create",
        action="renja_create",
        obj=renja,
        scope=str(opd.pk),
        new={"tahun": tahun, "nomenklatur_versi": nomenklatur_versi.kode},
    )
    return renja


def _copy_rows(*, source: Tahap, target: Tahap) -> int:
    rows = list(source.rows.order_by("urutan").prefetch_related("indikator", "pagu"))
    id_map: dict[int, RenjaRow] = {}
    for level in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN):
        batch = []
        originals = [r for r in rows if r.level == level]
        for r in originals:
            clone = RenjaRow(
                tahap=target,
                level=r.level,
                kode=r.kode,
                nama=r.nama,
                parent=id_map[r.parent_id] if r.parent_id else None,
                nomenklatur_id=r.nomenklatur_id,
                urutan=r.urutan,
                unit_id=r.unit_id,
                lokasi=list(r.lokasi or []),
                prioritas_nasional=r.prioritas_nasional,
                prioritas_daerah=r.prioritas_daerah,
                kelompok_sasaran=r.kelompok_sasaran,
                prakiraan_target_nilai=r.prakiraan_target_nilai,
                prakiraan_target_grade=r.prakiraan_target_grade,
                prakiraan_satuan=r.prakiraan_satuan,
                prakiraan_pagu=r.prakiraan_pagu,
                sumber=r.sumber,
                catatan=r.catatan,
                disalin_dari_id=r.pk,
            )
            batch.append(clone)
        created = RenjaRow.objects.bulk_create(batch)
        if any(c.pk is None for c in created):  # backends without RETURNING: fetch ids by kode
            by_kode = dict(RenjaRow.objects.filter(tahap=target, level=level).values_list("kode", "pk"))
            for c in created:
                c.pk = c.id = by_kode[c.kode]
        for r, c in zip(originals, created, strict=True):
            id_map[r.pk] = c
    Indikator.objects.bulk_create(
        [
            Indikator(
                row=id_map[r.pk],
                urutan=i.urutan,
                uraian=i.uraian,
                target_nilai=i.target_nilai,
                target_grade=i.target_grade,
                satuan=i.satuan,
                polaritas=i.polaritas,
                agregasi=i.agregasi,
            )
            for r in rows
            for i in r.indikator.all()
        ]
    )
    Pagu.objects.bulk_create(
        [Pagu(row=id_map[r.pk], sumber_dana_id=p.sumber_dana_id, jumlah=p.jumlah) for r in rows for p in r.pagu.all()]
    )
    return len(rows)


@transaction.atomic
def tahap_create(
    *,
    actor,
    renja: Renja,
    jenis: str,
    dari: Tahap | None = None,
    kosong: bool = False,
    catatan: str = "",
    system: bool = False,
) -> Tahap:
    """Start the next stage of a Renja as a copy of the latest one (`dari`, default: the latest).

    One stage is open at a time: the previous stages must be ditetapkan first, and stages follow the
    regulation's order (Rancangan Awal ... Penetapan, then Perubahan 1, 2, ...). `kosong=True` starts an
    empty stage; only the first stage of a Renja, or an import (system), may do that.
    """
    if not system:
        access.access_tahap_create(actor, renja)
    Renja.objects.select_for_update(of=("self",)).filter(pk=renja.pk).first()  # one tahap_create at a time
    if jenis not in JenisTahap.values:
        raise ValidationError(f"Jenis tahap '{jenis}' tidak dikenal.")
    if (problem := teks_problem("Catatan", catatan.strip(), BATAS_TEKS["catatan"])) is not None:
        raise ValidationError({"catatan": problem})
    existing = list(Tahap.objects.filter(renja=renja).order_by("urutan", "nomor"))
    latest = existing[-1] if existing else None
    open_stages = [t for t in existing if t.status != StatusTahap.DITETAPKAN]
    if open_stages:
        raise ValidationError(f"Tahap {open_stages[0]} belum ditetapkan; tetapkan dulu sebelum memulai tahap baru.")
    if latest is not None and jenis != JenisTahap.PERUBAHAN and URUTAN_TAHAP[jenis] <= URUTAN_TAHAP[latest.jenis]:
        raise ValidationError(
            f"Tahap {JenisTahap(jenis).label} tidak dapat dibuat setelah {latest}; urutan tahap: "
            + " → ".join(JenisTahap.labels)
            + "."
        )
    if jenis == JenisTahap.PERUBAHAN and latest is None:
        raise ValidationError("Perubahan hanya dapat dibuat setelah ada tahap yang ditetapkan.")
    if kosong:
        if latest is not None and not system:
            raise ValidationError("Tahap baru disalin dari tahap terakhir; hanya tahap pertama yang boleh kosong.")
        dari = None
    else:
        if dari is None:
            dari = latest
        elif latest is None or dari.pk != latest.pk:
            raise ValidationError(f"Tahap baru harus disalin dari tahap terakhir ({latest or 'belum ada'}).")
    nomor = 1
    if jenis == JenisTahap.PERUBAHAN:
        nomor = sum(1 for t in existing if t.jenis == JenisTahap.PERUBAHAN) + 1
    tahap = Tahap.objects.create(
        renja=renja,
        jenis=jenis,
        nomor=nomor,
        dibuat_dari=dari,
        urutan=URUTAN_TAHAP[jenis],
        dibuat_oleh=actor if getattr(actor, "pk", None) else None,
        catatan=catatan,
    )
    copied = _copy_rows(source=dari, target=tahap) if dari is not None else 0
    narasi = _copy_narasi(source=dari, target=tahap) if dari is not None else 0
    if not narasi:
        narasi_bagian_bawaan(tahap=tahap)
    audit_record(
        actor=actor,
        event_type="create",
        action="tahap_create",
        obj=tahap,
        scope=str(renja.opd_id),
        new={
            "jenis": jenis,
            "nomor": nomor,
            "dari": str(dari) if dari else None,
            "baris_disalin": copied,
            "narasi_disalin": narasi,
        },
    )
    return tahap


def _transition(*, actor, tahap: Tahap, dari: str, ke: str, action: str, catatan: str = "") -> Tahap:
    current = Tahap.objects.select_for_update(of=("self",)).select_related("renja").get(pk=tahap.pk)
    if current.status != dari:
        raise ValidationError(
            f"Tahap {current} berstatus {current.get_status_display()}; aksi ini hanya untuk status "
            f"{StatusTahap(dari).label}."
        )
    current.status = ke
    now = timezone.now()
    if ke == StatusTahap.DIAJUKAN:
        current.diajukan_pada, current.diajukan_oleh = now, actor if getattr(actor, "pk", None) else None
    if ke == StatusTahap.DITETAPKAN:
        current.ditetapkan_pada, current.ditetapkan_oleh = now, actor if getattr(actor, "pk", None) else None
    current.save()
    audit_record(
        actor=actor,
        event_type="transition",
        action=action,
        obj=current,
        scope=str(current.renja.opd_id),
        old={"status": dari},
        new={"status": ke, **({"catatan": catatan} if catatan else {})},
    )
    tahap.status = current.status
    return current


@transaction.atomic
def tahap_submit(*, actor, tahap: Tahap, system: bool = False) -> Tahap:
    if not system:
        access.access_tahap_submit(actor, tahap)
    if not tahap.rows.filter(level=Level.SUB_KEGIATAN).exists():
        raise ValidationError("Tahap tanpa sub kegiatan tidak dapat diajukan.")
    return _transition(actor=actor, tahap=tahap, dari=StatusTahap.DRAFT, ke=StatusTahap.DIAJUKAN, action="tahap_submit")


@transaction.atomic
def tahap_return(*, actor, tahap: Tahap, alasan: str) -> Tahap:
    access.access_tahap_approve(actor, tahap)
    if not alasan.strip():
        raise ValidationError({"alasan": "Alasan pengembalian wajib diisi."})
    if (problem := teks_problem("Alasan", alasan.strip(), BATAS_TEKS["alasan"])) is not None:
        raise ValidationError({"alasan": problem})
    return _transition(
        actor=actor,
        tahap=tahap,
        dari=StatusTahap.DIAJUKAN,
        ke=StatusTahap.DRAFT,
        action="tahap_return",
        catatan=alasan.strip(),
    )


@transaction.atomic
def tahap_tetapkan(*, actor, tahap: Tahap, system: bool = False) -> Tahap:
    if not system:
        access.access_tahap_approve(actor, tahap)
    return _transition(
        actor=actor, tahap=tahap, dari=StatusTahap.DIAJUKAN, ke=StatusTahap.DITETAPKAN, action="tahap_tetapkan"
    )


# --- authoring: the Renja of a new year, program/kegiatan structure, PPTK (issue 10 Build 4) -----------

TAHUN_MIN, TAHUN_MAKS = 2000, 2100


@dataclass
class HasilSalin:
    """What a Renja start carried over: rows kept as they were, codes remapped, rows listed for a decision."""

    renja: Renja
    tahap: Tahap
    dipertahankan: list[str] = field(default_factory=list)
    dipetakan: list[tuple[str, str]] = field(default_factory=list)  # (old code, new code)
    tertunda: list = field(default_factory=list)  # BarisTertunda
    induk_dibuat: list[str] = field(default_factory=list)  # parents a remapped code needed, named from the list


@dataclass
class _Bawaan:
    """One row to carry into a new stage, whatever its source (last year's Renja or the Renstra)."""

    level: str
    kode: str
    nama: str
    isi: dict  # indikator, pagu, other fields as JSON-able values (also what BarisTertunda keeps)
    asal: RenjaRow | None = None


def _isi_dari_row(r: RenjaRow) -> dict:
    return {
        "indikator": [
            {
                "uraian": i.uraian,
                "nilai": None if i.target_nilai is None else str(i.target_nilai),
                "grade": i.target_grade,
                "satuan": i.satuan,
                "polaritas": i.polaritas,
                "agregasi": i.agregasi,
            }
            for i in r.indikator.all()
        ],
        "pagu": {str(p.sumber_dana_id): str(p.jumlah) for p in r.pagu.all()},
        "unit_id": r.unit_id,
        "pptk_id": r.pptk_id,
        "lokasi": list(r.lokasi or []),
        "prioritas_nasional": r.prioritas_nasional,
        "prioritas_daerah": r.prioritas_daerah,
        "kelompok_sasaran": r.kelompok_sasaran,
        "prakiraan_target_nilai": None if r.prakiraan_target_nilai is None else str(r.prakiraan_target_nilai),
        "prakiraan_target_grade": r.prakiraan_target_grade,
        "prakiraan_satuan": r.prakiraan_satuan,
        "prakiraan_pagu": None if r.prakiraan_pagu is None else str(r.prakiraan_pagu),
        "pagu_indikatif": None if r.pagu_indikatif is None else str(r.pagu_indikatif),
    }


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def _row_bawaan(*, tahap: Tahap, b: _Bawaan, kode: str, nomenklatur, parent: RenjaRow | None, urutan: int):
    isi = b.isi
    return RenjaRow(
        tahap=tahap,
        level=b.level,
        kode=kode,
        nama=nomenklatur.nama if kode != b.kode and nomenklatur is not None else b.nama,
        parent=parent,
        nomenklatur=nomenklatur,
        urutan=urutan,
        unit_id=isi.get("unit_id"),
        pptk_id=isi.get("pptk_id"),
        lokasi=list(isi.get("lokasi") or []),
        prioritas_nasional=isi.get("prioritas_nasional", ""),
        prioritas_daerah=isi.get("prioritas_daerah", ""),
        kelompok_sasaran=isi.get("kelompok_sasaran", ""),
        prakiraan_target_nilai=_dec(isi.get("prakiraan_target_nilai")),
        prakiraan_target_grade=isi.get("prakiraan_target_grade", ""),
        prakiraan_satuan=isi.get("prakiraan_satuan", ""),
        prakiraan_pagu=_dec(isi.get("prakiraan_pagu")),
        pagu_indikatif=_dec(isi.get("pagu_indikatif")),
        sumber=isi.get("sumber", ""),
        disalin_dari=b.asal,
    )


class _Penempat:
    """Places carried rows in a stage: finds each row's parent by its code, creating a missing parent from the
    nomenclature (a remapped sub kegiatan may move to a kegiatan the stage does not hold yet). Indicators and
    pagu are collected and written in two statements by `selesai()`."""

    def __init__(self, tahap: Tahap, hasil: HasilSalin, entri: dict | None = None):
        self.tahap = tahap
        self.hasil = hasil
        self.versi = tahap.renja.nomenklatur_versi
        self.entri = entri if entri is not None else {}
        self.by_kode = {r.kode: r for r in RenjaRow.objects.filter(tahap=tahap)}
        self.urutan = (RenjaRow.objects.filter(tahap=tahap).aggregate(m=Max("urutan"))["m"] or 0) + 1
        self.indikator: list[Indikator] = []
        self.pagu: list[Pagu] = []

    def _next(self) -> int:
        self.urutan += 1
        return self.urutan - 1

    def _entri(self, kode: str):
        if kode not in self.entri:
            self.entri[kode] = nomenklatur_get(versi=self.versi, kode=kode)
        return self.entri[kode]

    def induk(self, kode: str) -> RenjaRow | None:
        induk_kode = kode_induk(kode)
        if induk_kode is None or tingkat_dari_kode(induk_kode) == "bidang_urusan":
            return None
        if induk_kode in self.by_kode:
            return self.by_kode[induk_kode]
        entri = self._entri(induk_kode)
        parent = self.induk(induk_kode)
        row = RenjaRow.objects.create(
            tahap=self.tahap,
            level=tingkat_dari_kode(induk_kode),
            kode=induk_kode,
            nama=entri.nama if entri else induk_kode,
            parent=parent,
            nomenklatur=entri,
            urutan=self._next(),
        )
        self.by_kode[induk_kode] = row
        self.hasil.induk_dibuat.append(induk_kode)
        return row

    def tulis(self, b: _Bawaan, kode: str, nomenklatur) -> RenjaRow:
        parent = self.induk(kode) if b.level != Level.PROGRAM else None
        row = _row_bawaan(tahap=self.tahap, b=b, kode=kode, nomenklatur=nomenklatur, parent=parent, urutan=self._next())
        row.save()
        self.by_kode[kode] = row
        for n, i in enumerate(b.isi.get("indikator") or []):
            self.indikator.append(
                Indikator(
                    row=row,
                    urutan=n,
                    uraian=i["uraian"],
                    target_nilai=_dec(i.get("nilai")),
                    target_grade=i.get("grade", ""),
                    satuan=i.get("satuan", ""),
                    polaritas=i.get("polaritas", "naik"),
                    agregasi=i.get("agregasi", "jumlah"),
                )
            )
        for sd, j in (b.isi.get("pagu") or {}).items():
            self.pagu.append(Pagu(row=row, sumber_dana_id=int(sd), jumlah=Decimal(j)))
        return row

    def selesai(self) -> None:
        Indikator.objects.bulk_create(self.indikator, batch_size=500)
        Pagu.objects.bulk_create(self.pagu, batch_size=500)
        self.indikator, self.pagu = [], []


def _bawa(*, tahap: Tahap, bawaan: list[_Bawaan], hasil: HasilSalin) -> None:
    """Carry rows into `tahap` (programs first): a code the stage's version holds is kept, a code its remap
    table replaces by exactly one code is remapped, anything else is listed (BarisTertunda), never dropped."""
    from renja.perencanaan.models import BarisTertunda

    versi = tahap.renja.nomenklatur_versi
    kode_semua = [b.kode for b in bawaan]
    entri = nomenklatur_map(versi=versi, kode_list=kode_semua)
    pengganti_semua = kode_pengganti_map(kode_list=[k for k in kode_semua if k not in entri], versi_baru=versi)
    entri.update(nomenklatur_map(versi=versi, kode_list=[k for daftar in pengganti_semua.values() for k in daftar]))
    penempat = _Penempat(tahap, hasil, entri=entri)
    tertunda = []
    urut = {Level.PROGRAM: 0, Level.KEGIATAN: 1, Level.SUB_KEGIATAN: 2}
    for b in sorted(bawaan, key=lambda x: urut[x.level]):
        if b.kode in entri:
            if b.kode in penempat.by_kode:
                continue  # already there as the parent of a remapped row
            penempat.tulis(b, b.kode, entri[b.kode])
            hasil.dipertahankan.append(b.kode)
            continue
        pengganti = pengganti_semua.get(b.kode, [])
        if len(pengganti) == 1 and pengganti[0] not in penempat.by_kode:
            penempat.tulis(b, pengganti[0], entri.get(pengganti[0]))
            hasil.dipetakan.append((b.kode, pengganti[0]))
            continue
        if len(pengganti) > 1:
            alasan = f"Kode diganti beberapa kode di versi {versi.kode}: {', '.join(pengganti)}; pilih salah satu."
        elif pengganti:
            alasan = f"Kode pengganti {pengganti[0]} sudah ada di tahap ini; gabungkan atau pilih kode lain."
        else:
            alasan = f"Kode tidak ada di nomenklatur versi {versi.kode} dan tidak ada pemetaan kodenya."
        tertunda.append(
            BarisTertunda(
                tahap=tahap, asal=b.asal, level=b.level, kode_lama=b.kode, nama=b.nama, alasan=alasan, isi=b.isi
            )
        )
    penempat.selesai()
    for t in tertunda:
        t.save()
    hasil.tertunda.extend(tertunda)


def _renja_baru(*, actor, opd, tahun: int, nomenklatur_versi, renstra, jenis: str) -> tuple[Renja, Tahap]:
    access.access_renja_start(actor, opd)
    if not isinstance(tahun, int) or not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise ValidationError({"tahun": f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS}."})
    if jenis not in JenisTahap.values or jenis == JenisTahap.PERUBAHAN:
        raise ValidationError({"jenis": "Tahap pertama Renja harus salah satu tahap rancangan atau penetapan."})
    if nomenklatur_versi is None:
        nomenklatur_versi = versi_untuk_tahun(tahun)
        if nomenklatur_versi is None:
            raise ValidationError({"nomenklatur_versi": f"Belum ada versi nomenklatur yang berlaku untuk {tahun}."})
    if Renja.objects.filter(opd=opd, tahun=tahun).exists():
        raise ValidationError({"tahun": f"Renja {opd.nama} tahun {tahun} sudah ada."})
    renja = Renja.objects.create(opd=opd, tahun=tahun, nomenklatur_versi=nomenklatur_versi, renstra=renstra)
    tahap = Tahap.objects.create(
        renja=renja,
        jenis=jenis,
        urutan=URUTAN_TAHAP[jenis],
        dibuat_oleh=actor if getattr(actor, "pk", None) else None,
    )
    renja.nomenklatur_versi = nomenklatur_versi
    tahap.renja = renja
    narasi_bagian_bawaan(tahap=tahap)
    return renja, tahap


def _audit_start(*, actor, action: str, hasil: HasilSalin, **extra) -> None:
    audit_record(
        actor=actor,
        event_type="create",
        action=action,
        obj=hasil.renja,
        scope=str(hasil.renja.opd_id),
        new={
            "tahun": hasil.renja.tahun,
            "nomenklatur_versi": hasil.renja.nomenklatur_versi.kode,
            "tahap": hasil.tahap.jenis,
            "dipertahankan": len(hasil.dipertahankan),
            "dipetakan": [f"{a} → {b}" for a, b in hasil.dipetakan],
            "tertunda": [t.kode_lama for t in hasil.tertunda],
            "induk_dibuat": hasil.induk_dibuat,
            **extra,
        },
    )


@transaction.atomic
def renja_start_empty(
    *, actor, opd, tahun: int, nomenklatur_versi=None, jenis: str = JenisTahap.RANCANGAN_AWAL
) -> HasilSalin:
    """The Renja of `tahun` with an empty first stage."""
    renja, tahap = _renja_baru(
        actor=actor, opd=opd, tahun=tahun, nomenklatur_versi=nomenklatur_versi, renstra=None, jenis=jenis
    )
    hasil = HasilSalin(renja=renja, tahap=tahap)
    _audit_start(actor=actor, action="renja_start_empty", hasil=hasil)
    return hasil


def _renja_sumber(renja: Renja) -> Tahap | None:
    """The stage of an earlier Renja to copy: the latest ditetapkan one, else the latest."""
    tahaps = list(Tahap.objects.filter(renja=renja).order_by("urutan", "nomor"))
    ditetapkan = [t for t in tahaps if t.status == StatusTahap.DITETAPKAN]
    return (ditetapkan or tahaps or [None])[-1]


@transaction.atomic
def renja_start_from_previous(
    *, actor, opd, tahun: int, nomenklatur_versi=None, jenis: str = JenisTahap.RANCANGAN_AWAL
) -> HasilSalin:
    """The Renja of `tahun` starting as a copy of the Renja of `tahun - 1` (its latest ditetapkan stage).

    Codes the new nomenclature version changed are carried through the remap table; rows whose code no longer
    exists are listed as BarisTertunda for the perencana to decide (baris_tertunda_decide).
    """
    lalu = Renja.objects.filter(opd=opd, tahun=tahun - 1).first()
    if lalu is None:
        access.access_renja_start(actor, opd)
        raise ValidationError({"tahun": f"Renja {opd.nama} tahun {tahun - 1} tidak ada; tidak ada yang disalin."})
    sumber = _renja_sumber(lalu)
    if sumber is None:
        raise ValidationError({"tahun": f"Renja {tahun - 1} belum memiliki tahap; tidak ada yang disalin."})
    renja, tahap = _renja_baru(
        actor=actor, opd=opd, tahun=tahun, nomenklatur_versi=nomenklatur_versi, renstra=lalu.renstra, jenis=jenis
    )
    hasil = HasilSalin(renja=renja, tahap=tahap)
    # Last year's narrative: its placeholders now read this year's data.
    _copy_narasi_ganti(source=sumber, target=tahap)
    rows = tahap_rows(sumber)
    _bawa(
        tahap=tahap,
        bawaan=[_Bawaan(level=r.level, kode=r.kode, nama=r.nama, isi=_isi_dari_row(r), asal=r) for r in rows],
        hasil=hasil,
    )
    tahap.dibuat_dari = sumber
    tahap.catatan = f"Disalin dari Renja {lalu.tahun} tahap {sumber}."
    tahap.save(update_fields=["dibuat_dari", "catatan"])
    _audit_start(actor=actor, action="renja_start_from_previous", hasil=hasil, dari=f"{lalu.tahun} {sumber}")
    return hasil


@transaction.atomic
def renja_start_from_renstra(
    *, actor, renstra, tahun: int, nomenklatur_versi=None, jenis: str = JenisTahap.RANCANGAN_AWAL
) -> HasilSalin:
    """The Renja of `tahun` starting from the Renstra's programs and kegiatan: their indicators with the
    Renstra target of that year and the kegiatan's pagu indikatif of that year (as a ceiling to fill)."""
    from renja.perencanaan.models import RenstraProgram

    if tahun not in renstra.tahun_list:
        access.access_renja_start(actor, renstra.opd)
        raise ValidationError(
            {"tahun": f"Tahun {tahun} di luar periode Renstra {renstra.tahun_awal}-{renstra.tahun_akhir}."}
        )
    renja, tahap = _renja_baru(
        actor=actor, opd=renstra.opd, tahun=tahun, nomenklatur_versi=nomenklatur_versi, renstra=renstra, jenis=jenis
    )
    hasil = HasilSalin(renja=renja, tahap=tahap)
    programs = list(
        RenstraProgram.objects.filter(renstra=renstra)
        .prefetch_related("indikator__target", "pagu")
        .order_by("urutan", "id")
    )
    bawaan = []
    for p in programs:
        indikator = []
        for i in p.indikator.all():
            t = next((x for x in i.target.all() if x.tahun == tahun), None)
            indikator.append(
                {
                    "uraian": i.uraian,
                    "nilai": None if t is None or t.nilai is None else str(t.nilai),
                    "grade": t.grade if t else "",
                    "satuan": i.satuan,
                    "polaritas": i.polaritas,
                    "agregasi": agregasi_bawaan(i.satuan),
                }
            )
        pagu = next((x.jumlah for x in p.pagu.all() if x.tahun == tahun), None)
        isi = {
            "indikator": indikator,
            "unit_id": p.unit_id,
            "pagu_indikatif": None if pagu is None else str(pagu),
            "sumber": f"Renstra {renstra.tahun_awal}-{renstra.tahun_akhir}",
        }
        bawaan.append(_Bawaan(level=p.level, kode=p.kode, nama=p.nama, isi=isi))
    _bawa(tahap=tahap, bawaan=bawaan, hasil=hasil)
    _audit_start(
        actor=actor,
        action="renja_start_from_renstra",
        hasil=hasil,
        renstra=f"{renstra.tahun_awal}-{renstra.tahun_akhir}",
    )
    return hasil


@transaction.atomic
def baris_tertunda_decide(*, actor, tertunda, kode_baru: str = "", catatan: str = ""):
    """Decide on a row a copy could not carry: continue it under `kode_baru` (a code of the stage's version in
    the OPD's bidang, same level), or, with `kode_baru` empty, do not continue it (a reason is required)."""
    from renja.perencanaan.models import BarisTertunda, StatusTertunda

    tahap = _lock_tahap(tertunda.tahap_id)
    current = BarisTertunda.objects.select_for_update(of=("self",)).get(pk=tertunda.pk)
    access.access_row_structure(actor, tahap)
    if current.status != StatusTertunda.MENUNGGU:
        raise ValidationError(f"Baris {current.kode_lama} sudah diputuskan ({current.get_status_display()}).")
    kode_baru = kode_bersih(kode_baru)
    catatan = catatan.strip()
    if (problem := teks_problem("Catatan", catatan, BATAS_TEKS["alasan"])) is not None:
        raise ValidationError({"catatan": problem})
    hasil = HasilSalin(renja=tahap.renja, tahap=tahap)
    if kode_baru:
        try:
            entri = nomenklatur_validate_kode(versi=tahap.renja.nomenklatur_versi, kode=kode_baru)
        except ValidationError as exc:
            raise ValidationError({"kode_baru": exc.messages}) from exc
        if di_luar := kode_dalam_lingkup_opd(opd=tahap.renja.opd, kode=kode_baru):
            raise ValidationError({"kode_baru": di_luar})
        if tingkat_dari_kode(kode_baru) != current.level:
            raise ValidationError(
                {"kode_baru": f"Kode {kode_baru} bukan {Level(current.level).label.lower()}; pilih kode setingkat."}
            )
        if RenjaRow.objects.filter(tahap=tahap, kode=kode_baru).exists():
            raise ValidationError({"kode_baru": f"Kode {kode_baru} sudah ada di tahap {tahap}."})
        b = _Bawaan(level=current.level, kode=current.kode_lama, nama=current.nama, isi=current.isi, asal=current.asal)
        penempat = _Penempat(tahap, hasil)
        penempat.tulis(b, kode_baru, entri)
        penempat.selesai()
        current.status, current.kode_baru = StatusTertunda.DIPAKAI, kode_baru
    else:
        if not catatan:
            raise ValidationError({"catatan": "Tulis alasan baris ini tidak dilanjutkan."})
        current.status = StatusTertunda.DILEPAS
    current.catatan = catatan
    current.diputuskan_pada = timezone.now()
    current.diputuskan_oleh = actor if getattr(actor, "pk", None) else None
    current.save()
    audit_record(
        actor=actor,
        event_type="update",
        action="baris_tertunda_decide",
        obj=current,
        scope=str(tahap.renja.opd_id),
        old={"status": StatusTertunda.MENUNGGU, "kode": current.kode_lama},
        new={"status": current.status, "kode_baru": kode_baru, "catatan": catatan, "induk_dibuat": hasil.induk_dibuat},
    )
    return current


def _lock_row(row: RenjaRow) -> tuple[Tahap, RenjaRow]:
    tahap = _lock_tahap(RenjaRow.objects.values_list("tahap_id", flat=True).get(pk=row.pk))
    current = RenjaRow.objects.select_for_update(of=("self",)).select_related("parent", "unit").get(pk=row.pk)
    current.tahap = tahap
    return tahap, current


@transaction.atomic
def row_update(
    *, actor, row: RenjaRow, expected_version: int | None, data: RowInput, pagu_indikatif: Decimal | None = None
) -> RenjaRow:
    """Change a program or kegiatan: name, code (only while it has no rows below), indicators and targets,
    prioritas, kelompok sasaran, prakiraan maju target, unit and (kegiatan) the pagu indikatif ceiling.
    Its pagu stays the sum of its sub kegiatan. Refused when the row changed since `expected_version`."""
    tahap, current = _lock_row(row)
    data = _bersihkan(data)
    if current.level == Level.SUB_KEGIATAN:
        raise ValidationError("Sub kegiatan diubah lewat formulir sub kegiatan.")
    access.access_row_structure(actor, tahap)
    _check_version(current, expected_version)
    old = _snapshot(current)
    old["pagu_indikatif"] = None if current.pagu_indikatif is None else str(current.pagu_indikatif)
    kode = data.kode
    if kode != current.kode and current.children.exists():
        raise ValidationError({"kode": f"Kode {current.kode} tidak dapat diubah selama ada baris di bawahnya."})
    nomenklatur, sumber_by_kode = _validate(tahap=tahap, level=current.level, data=data, parent=current.parent)
    if kode != current.kode and RenjaRow.objects.filter(tahap=tahap, kode=kode).exists():
        raise ValidationError({"kode": f"Kode {kode} sudah dipakai baris lain di tahap ini."})
    if data.prakiraan_pagu is not None:
        raise ValidationError(
            {"prakiraan_pagu": "Pagu prakiraan maju program dan kegiatan dihitung dari sub kegiatan."}
        )
    if pagu_indikatif is not None and (
        pagu_indikatif < 0 or pagu_indikatif > PAGU_MAKS or bulatkan(pagu_indikatif) != pagu_indikatif
    ):
        raise ValidationError({"pagu_indikatif": "Pagu indikatif harus Rupiah bulat ≥ 0."})
    _assign(current, data, nomenklatur)
    current.pagu_indikatif = pagu_indikatif if current.level == Level.KEGIATAN else None
    current.version += 1
    current.save()
    _write_children(row=current, data=data, sumber_by_kode=sumber_by_kode)
    new = _snapshot(current)
    new["pagu_indikatif"] = None if current.pagu_indikatif is None else str(current.pagu_indikatif)
    audit_record(
        actor=actor,
        event_type="update",
        action="row_update",
        obj=current,
        scope=str(tahap.renja.opd_id),
        old=old,
        new=new,
    )
    return current


@transaction.atomic
def row_structure_create(
    *,
    actor,
    tahap: Tahap,
    level: str,
    data: RowInput,
    parent: RenjaRow | None = None,
    pagu_indikatif: Decimal | None = None,
) -> RenjaRow:
    """Add a program or kegiatan (the perencana's decision, not an operator's), with a kegiatan's pagu indikatif
    ceiling, in one transaction. Validation and the audit are row_create's."""
    if level not in (Level.PROGRAM, Level.KEGIATAN):
        raise ValidationError("Sub kegiatan ditambahkan lewat formulir sub kegiatan.")
    access.access_row_structure(actor, _lock_tahap(tahap.pk))
    if pagu_indikatif is not None and (
        level != Level.KEGIATAN
        or pagu_indikatif < 0
        or pagu_indikatif > PAGU_MAKS
        or bulatkan(pagu_indikatif) != pagu_indikatif
    ):
        raise ValidationError({"pagu_indikatif": "Pagu indikatif (kegiatan) harus Rupiah bulat ≥ 0."})
    row = row_create(actor=actor, tahap=tahap, level=level, data=data, parent=parent)
    if pagu_indikatif is not None:
        row.pagu_indikatif = pagu_indikatif
        row.save(update_fields=["pagu_indikatif"])
    return row


@transaction.atomic
def row_move(*, actor, row: RenjaRow, arah: str) -> RenjaRow:
    """Move a row one place up ('naik') or down ('turun') among the rows under the same parent."""
    if arah not in ("naik", "turun"):
        raise ValidationError({"arah": "Arah harus 'naik' atau 'turun'."})
    tahap, current = _lock_row(row)
    if current.level == Level.SUB_KEGIATAN:
        access.access_row_edit(actor, current, tahap=tahap)
    else:
        access.access_row_structure(actor, tahap)
    siblings = list(
        RenjaRow.objects.select_for_update(of=("self",))
        .filter(tahap=tahap, parent_id=current.parent_id)
        .order_by("urutan", "id")
    )
    i = next(n for n, r in enumerate(siblings) if r.pk == current.pk)
    j = i - 1 if arah == "naik" else i + 1
    if not 0 <= j < len(siblings):
        raise ValidationError(f"Baris {current.kode} sudah di posisi {'teratas' if arah == 'naik' else 'terbawah'}.")
    other = siblings[j]
    a, b = current.urutan, other.urutan
    if a == b:  # rows written with equal order: give them distinct places first
        b = a + (1 if j > i else -1) if a > 0 or j > i else a + 1
    RenjaRow.objects.filter(pk=current.pk).update(urutan=b)
    RenjaRow.objects.filter(pk=other.pk).update(urutan=a)
    current.urutan = b
    audit_record(
        actor=actor,
        event_type="update",
        action="row_move",
        obj=current,
        scope=str(tahap.renja.opd_id),
        old={"setelah" if arah == "naik" else "sebelum": other.kode},
        new={"sebelum" if arah == "naik" else "setelah": other.kode},
    )
    return current


@transaction.atomic
def row_pptk_set(*, actor, row: RenjaRow, expected_version: int | None, pptk) -> RenjaRow:
    """Name the PPTK (the officer responsible) of a sub kegiatan: an active user with a role in the OPD."""
    tahap, current = _lock_row(row)
    if current.level != Level.SUB_KEGIATAN:
        raise ValidationError("PPTK ditetapkan pada sub kegiatan.")
    _check_row_write(actor=actor, row=current, tahap=tahap, system=False)
    _check_version(current, expected_version)
    if pptk is not None and not (
        pptk.is_active and PenugasanPeran.objects.filter(user=pptk, opd_id=tahap.renja.opd_id).exists()
    ):
        raise ValidationError({"pptk": f"{pptk} bukan pengguna aktif perangkat daerah ini."})
    old = {"pptk": str(current.pptk) if current.pptk_id else None}
    current.pptk = pptk
    current.version += 1
    current.save(update_fields=["pptk", "version", "diubah_pada"])
    audit_record(
        actor=actor,
        event_type="update",
        action="row_pptk_set",
        obj=current,
        scope=str(tahap.renja.opd_id),
        old=old,
        new={"pptk": str(pptk) if pptk else None},
    )
    return current


# --- Renstra authoring (issue 10 Build 3) ---------------------------------------------------------------

RENSTRA_TAHUN_MAKS = 6  # a Renstra follows the RPJMD: five years, six when a transition year is added
URAIAN_MAKS = BATAS_TEKS["uraian"]


@dataclass
class RenstraIndikatorInput:
    uraian: str
    satuan: str
    polaritas: str = "naik"
    kondisi_awal: str = ""
    target: dict[int, Target] = field(default_factory=dict)  # tahun -> target


@dataclass
class RenstraProgramInput:
    kode: str
    nama: str = ""
    unit: UnitKerja | None = None
    sasaran: object | None = None  # RenstraSasaran
    pagu: dict[int, Decimal] = field(default_factory=dict)  # tahun -> pagu indikatif (kegiatan only)


def _lock_renstra(renstra_id: int):
    from renja.perencanaan.models import Renstra

    return Renstra.objects.select_for_update(of=("self",)).select_related("opd").get(pk=renstra_id)


def _renstra_edit(actor, renstra_id: int):
    renstra = _lock_renstra(renstra_id)
    access.access_renstra_edit(actor, renstra)
    return renstra


def _teks(errors: dict, name: str, label: str, value: str, limit: int, wajib: bool = True) -> str:
    value = (value or "").strip()
    if wajib and not value:
        errors.setdefault(name, []).append(f"{label} wajib diisi.")
    elif (problem := teks_problem(label, value, limit)) is not None:
        errors.setdefault(name, []).append(problem)
    return value


def _versi_check(obj, expected_version: int | None) -> None:
    if obj is None or obj.pk is None:
        return
    if expected_version is None:
        raise ValidationError("Formulir tidak lengkap (versi hilang); muat ulang halaman lalu ulangi.")
    if obj.version != expected_version:
        raise ValidationError(
            f"{obj} sudah diubah orang lain setelah Anda membukanya. Perubahan Anda tidak disimpan; "
            "muat ulang halaman, lalu ulangi."
        )


def _audit_renstra(*, actor, renstra, obj, action: str, old=None, new=None, event_type: str = "update") -> None:
    audit_record(
        actor=actor, event_type=event_type, action=action, obj=obj, scope=str(renstra.opd_id), old=old, new=new
    )


@transaction.atomic
def renstra_create(*, actor, opd, tahun_awal: int, tahun_akhir: int):
    from renja.perencanaan.models import Renstra

    access.access_renstra_create(actor, opd)
    errors: dict[str, list[str]] = {}
    if not TAHUN_MIN <= tahun_awal <= TAHUN_MAKS:
        errors.setdefault("tahun_awal", []).append(f"Tahun awal harus antara {TAHUN_MIN} dan {TAHUN_MAKS}.")
    if not 0 <= tahun_akhir - tahun_awal < RENSTRA_TAHUN_MAKS:
        errors.setdefault("tahun_akhir", []).append(
            f"Periode Renstra 1 sampai {RENSTRA_TAHUN_MAKS} tahun (mis. 2025-2029); tahun akhir tidak sebelum awal."
        )
    if errors:
        raise ValidationError(errors)
    bentrok = Renstra.objects.filter(opd=opd, tahun_awal__lte=tahun_akhir, tahun_akhir__gte=tahun_awal).first()
    if bentrok is not None:
        raise ValidationError(
            {"tahun_awal": f"Periode bertumpang tindih dengan Renstra {bentrok.tahun_awal}-{bentrok.tahun_akhir}."}
        )
    renstra = Renstra.objects.create(opd=opd, tahun_awal=tahun_awal, tahun_akhir=tahun_akhir)
    _audit_renstra(
        actor=actor,
        renstra=renstra,
        obj=renstra,
        action="renstra_create",
        event_type="create",
        new={"tahun_awal": tahun_awal, "tahun_akhir": tahun_akhir},
    )
    return renstra


@transaction.atomic
def renstra_tujuan_save(*, actor, renstra, kode: str, uraian: str, tujuan=None, expected_version: int | None = None):
    """Add a tujuan to `renstra` (tujuan None) or change one."""
    from renja.perencanaan.models import RenstraTujuan

    renstra = _renstra_edit(actor, renstra.pk)
    if tujuan is not None:
        tujuan = RenstraTujuan.objects.select_for_update(of=("self",)).get(pk=tujuan.pk, renstra=renstra)
    _versi_check(tujuan, expected_version)
    errors: dict[str, list[str]] = {}
    kode = _teks(errors, "kode", "Kode tujuan", kode, 20)
    uraian = _teks(errors, "uraian", "Uraian tujuan", uraian, URAIAN_MAKS)
    if kode and RenstraTujuan.objects.filter(renstra=renstra, kode=kode).exclude(pk=getattr(tujuan, "pk", None)):
        errors.setdefault("kode", []).append(f"Kode tujuan {kode} sudah dipakai di Renstra ini.")
    if errors:
        raise ValidationError(errors)
    old = None if tujuan is None else {"kode": tujuan.kode, "uraian": tujuan.uraian}
    if tujuan is None:
        urutan = RenstraTujuan.objects.filter(renstra=renstra).count()
        tujuan = RenstraTujuan(renstra=renstra, urutan=urutan)
    else:
        tujuan.version += 1
    tujuan.kode, tujuan.uraian = kode, uraian
    tujuan.save()
    _audit_renstra(
        actor=actor,
        renstra=renstra,
        obj=tujuan,
        action="renstra_tujuan_save",
        event_type="create" if old is None else "update",
        old=old,
        new={"kode": kode, "uraian": uraian},
    )
    return tujuan


@transaction.atomic
def renstra_sasaran_save(*, actor, tujuan, kode: str, uraian: str, sasaran=None, expected_version: int | None = None):
    """Add a sasaran under `tujuan` (sasaran None) or change one."""
    from renja.perencanaan.models import RenstraSasaran

    renstra = _renstra_edit(actor, tujuan.renstra_id)
    if sasaran is not None:
        sasaran = RenstraSasaran.objects.select_for_update(of=("self",)).get(pk=sasaran.pk, tujuan=tujuan)
    _versi_check(sasaran, expected_version)
    errors: dict[str, list[str]] = {}
    kode = _teks(errors, "kode", "Kode sasaran", kode, 20)
    uraian = _teks(errors, "uraian", "Uraian sasaran", uraian, URAIAN_MAKS)
    dipakai = RenstraSasaran.objects.filter(tujuan__renstra=renstra, kode=kode).exclude(pk=getattr(sasaran, "pk", None))
    if kode and dipakai.exists():
        errors.setdefault("kode", []).append(f"Kode sasaran {kode} sudah dipakai di Renstra ini.")
    if errors:
        raise ValidationError(errors)
    old = None if sasaran is None else {"kode": sasaran.kode, "uraian": sasaran.uraian}
    if sasaran is None:
        sasaran = RenstraSasaran(tujuan=tujuan, urutan=RenstraSasaran.objects.filter(tujuan=tujuan).count())
    else:
        sasaran.version += 1
    sasaran.kode, sasaran.uraian = kode, uraian
    sasaran.save()
    _audit_renstra(
        actor=actor,
        renstra=renstra,
        obj=sasaran,
        action="renstra_sasaran_save",
        event_type="create" if old is None else "update",
        old=old,
        new={"kode": kode, "uraian": uraian},
    )
    return sasaran


def _indikator_snapshot(ind) -> dict:
    return {
        "uraian": ind.uraian,
        "satuan": ind.satuan,
        "polaritas": ind.polaritas,
        "kondisi_awal": ind.kondisi_awal,
        "target": {str(t.tahun): _target_tampil(t) for t in ind.target.all()},
    }


def _target_tampil(t) -> str:
    return Target(nilai=t.nilai, grade=t.grade).tampil()


@transaction.atomic
def renstra_indikator_save(
    *,
    actor,
    renstra,
    data: RenstraIndikatorInput,
    indikator=None,
    expected_version: int | None = None,
    tujuan=None,
    sasaran=None,
    program=None,
):
    """Add an indicator (IKU of a tujuan or sasaran, or the indicator of a Renstra program/kegiatan) with its
    baseline and one target per year of the period, or change one (`indikator` given)."""
    from renja.perencanaan.models import RenstraIndikator, RenstraTarget

    renstra = _renstra_edit(actor, renstra.pk)
    if indikator is not None:
        indikator = RenstraIndikator.objects.select_for_update(of=("self",)).get(pk=indikator.pk)
        tujuan, sasaran, program = indikator.tujuan, indikator.sasaran, indikator.program
    induk = [x for x in (tujuan, sasaran, program) if x is not None]
    if len(induk) != 1:
        raise ValidationError("Indikator harus milik tepat satu tujuan, sasaran, atau program/kegiatan.")
    pemilik = induk[0]
    renstra_id = getattr(pemilik, "renstra_id", None) or pemilik.tujuan.renstra_id
    if renstra_id != renstra.pk:
        raise ValidationError("Tujuan, sasaran atau program itu bukan bagian Renstra ini.")
    _versi_check(indikator, expected_version)
    errors: dict[str, list[str]] = {}
    uraian = _teks(errors, "uraian", "Uraian indikator", data.uraian, URAIAN_MAKS)
    satuan = _teks(errors, "satuan", "Satuan", data.satuan, 60)
    kondisi_awal = _teks(errors, "kondisi_awal", "Kondisi awal", data.kondisi_awal, 60, wajib=False)
    if data.polaritas not in Polaritas.values:
        errors.setdefault("polaritas", []).append("Polaritas harus 'naik' atau 'turun'.")
    for tahun, target in sorted(data.target.items()):
        if tahun not in renstra.tahun_list:
            errors.setdefault("target", []).append(f"Tahun {tahun} di luar periode Renstra.")
        elif (problem := target_problem(target)) is not None:
            errors.setdefault("target", []).append(f"Target {tahun}: {problem}")
    if errors:
        raise ValidationError(errors)
    old = None if indikator is None else _indikator_snapshot(indikator)
    if indikator is None:
        indikator = RenstraIndikator(
            tujuan=tujuan,
            sasaran=sasaran,
            program=program,
            urutan=RenstraIndikator.objects.filter(tujuan=tujuan, sasaran=sasaran, program=program).count(),
        )
    else:
        indikator.version += 1
    indikator.uraian, indikator.satuan, indikator.polaritas = uraian, satuan, data.polaritas
    indikator.kondisi_awal = kondisi_awal
    indikator.save()
    indikator.target.all().delete()
    RenstraTarget.objects.bulk_create(
        [
            RenstraTarget(indikator=indikator, tahun=tahun, nilai=t.nilai, grade=t.grade)
            for tahun, t in sorted(data.target.items())
            if not t.kosong
        ]
    )
    _audit_renstra(
        actor=actor,
        renstra=renstra,
        obj=indikator,
        action="renstra_indikator_save",
        event_type="create" if old is None else "update",
        old=old,
        new=_indikator_snapshot(indikator),
    )
    return indikator


def _program_snapshot(p) -> dict:
    return {
        "kode": p.kode,
        "nama": p.nama,
        "unit": p.unit.kode if p.unit_id else None,
        "sasaran": p.sasaran.kode if p.sasaran_id else None,
        "pagu": {str(x.tahun): str(x.jumlah) for x in p.pagu.all()},
    }


@transaction.atomic
def renstra_program_save(
    *, actor, renstra, data: RenstraProgramInput, program=None, parent=None, expected_version: int | None = None
):
    """Add a program (`parent` None) or a kegiatan under a program to the Renstra's programme table, or change
    one. Codes come from the nomenclature version in force at the end of the period, within the OPD's bidang."""
    from renja.nomenklatur.selectors import nomenklatur_validate_kode_opd
    from renja.perencanaan.models import RenstraPagu, RenstraProgram

    renstra = _renstra_edit(actor, renstra.pk)
    if program is not None:
        program = (
            RenstraProgram.objects.select_for_update(of=("self",))
            .select_related("parent")
            .get(pk=program.pk, renstra=renstra)
        )
        parent = program.parent
    if parent is not None and (parent.renstra_id != renstra.pk or parent.level != Level.PROGRAM):
        raise ValidationError({"parent": "Kegiatan Renstra ditambahkan di bawah program Renstra yang sama."})
    level = Level.PROGRAM if parent is None else Level.KEGIATAN
    _versi_check(program, expected_version)
    errors: dict[str, list[str]] = {}
    kode = kode_bersih(data.kode)
    versi = versi_untuk_tahun(renstra.tahun_akhir)
    entri = None
    try:
        if versi is None:
            raise ValidationError("Belum ada nomenklatur yang dimuat.")
        entri = nomenklatur_validate_kode_opd(
            versi=versi, opd=renstra.opd, kode=kode, induk_kode=parent.kode if parent else None
        )
        if tingkat_dari_kode(kode) != level:
            errors.setdefault("kode", []).append(f"Kode {kode} bukan kode {Level(level).label.lower()}.")
    except ValidationError as exc:
        errors.setdefault("kode", []).extend(exc.messages)
    if kode and RenstraProgram.objects.filter(renstra=renstra, kode=kode).exclude(pk=getattr(program, "pk", None)):
        errors.setdefault("kode", []).append(f"Kode {kode} sudah ada di Renstra ini.")
    if program is not None and kode != program.kode and program.children.exists():
        errors.setdefault("kode", []).append(f"Kode {program.kode} tidak dapat diubah selama ada kegiatan di bawahnya.")
    nama = _teks(errors, "nama", "Nama", data.nama, URAIAN_MAKS, wajib=False) or (entri.nama if entri else "")
    if data.unit is not None and data.unit.opd_id != renstra.opd_id:
        errors.setdefault("unit", []).append("Unit kerja harus unit dari perangkat daerah ini.")
    if data.sasaran is not None and data.sasaran.tujuan.renstra_id != renstra.pk:
        errors.setdefault("sasaran", []).append("Sasaran harus sasaran Renstra ini.")
    if data.pagu and level != Level.KEGIATAN:
        errors.setdefault("pagu", []).append("Pagu indikatif diisi pada kegiatan; pagu program dihitung.")
    for tahun, jumlah in sorted(data.pagu.items()):
        if tahun not in renstra.tahun_list:
            errors.setdefault("pagu", []).append(f"Tahun {tahun} di luar periode Renstra.")
        elif jumlah < 0 or jumlah > PAGU_MAKS or bulatkan(jumlah) != jumlah:
            errors.setdefault("pagu", []).append(f"Pagu {tahun} harus Rupiah bulat ≥ 0, paling banyak 15 digit.")
    if errors:
        raise ValidationError(errors)
    old = None if program is None else _program_snapshot(program)
    if program is None:
        program = RenstraProgram(
            renstra=renstra,
            level=level,
            parent=parent,
            urutan=(RenstraProgram.objects.filter(renstra=renstra).aggregate(m=Max("urutan"))["m"] or 0) + 1,
        )
    else:
        program.version += 1
    program.kode, program.nama, program.unit, program.sasaran = kode, nama, data.unit, data.sasaran
    program.save()
    program.pagu.all().delete()
    RenstraPagu.objects.bulk_create(
        [RenstraPagu(program=program, tahun=t, jumlah=j) for t, j in sorted(data.pagu.items())]
    )
    _audit_renstra(
        actor=actor,
        renstra=renstra,
        obj=program,
        action="renstra_program_save",
        event_type="create" if old is None else "update",
        old=old,
        new=_program_snapshot(program),
    )
    return program


@transaction.atomic
def renstra_item_delete(*, actor, item, expected_version: int | None) -> None:
    """Delete a tujuan, sasaran, indicator or program/kegiatan of a draft Renstra (one without items below it)."""
    from renja.perencanaan.models import RenstraIndikator, RenstraProgram, RenstraSasaran, RenstraTujuan

    model = type(item)
    current = model.objects.select_for_update(of=("self",)).get(pk=item.pk)
    if isinstance(current, RenstraTujuan | RenstraProgram):
        renstra_id = current.renstra_id
    elif isinstance(current, RenstraSasaran):
        renstra_id = current.tujuan.renstra_id
    elif isinstance(current, RenstraIndikator):
        pemilik = current.tujuan or current.sasaran or current.program
        renstra_id = getattr(pemilik, "renstra_id", None) or pemilik.tujuan.renstra_id
    else:
        raise ValidationError("Bukan bagian Renstra.")
    renstra = _renstra_edit(actor, renstra_id)
    _versi_check(current, expected_version)
    if isinstance(current, RenstraTujuan) and current.sasaran.exists():
        raise ValidationError(f"Tujuan {current.kode} masih memiliki sasaran; hapus sasarannya dulu.")
    if isinstance(current, RenstraProgram) and current.children.exists():
        raise ValidationError(f"Program {current.kode} masih memiliki kegiatan; hapus kegiatannya dulu.")
    old = {"jenis": model._meta.verbose_name, "teks": str(current)[:300]}
    _audit_renstra(
        actor=actor, renstra=renstra, obj=current, action="renstra_item_delete", event_type="delete", old=old
    )
    current.delete()


@transaction.atomic
def renstra_tetapkan(*, actor, renstra):
    """Set the Renstra (pimpinan): it is locked from then on, for everybody."""
    from renja.perencanaan.models import RenstraIndikator, StatusRenstra

    current = _lock_renstra(renstra.pk)
    access.access_renstra_tetapkan(actor, current)
    if current.status != StatusRenstra.DRAFT:
        raise ValidationError(f"{current} sudah ditetapkan.")
    iku = RenstraIndikator.objects.filter(Q(tujuan__renstra=current) | Q(sasaran__tujuan__renstra=current))
    if not iku.exists():
        raise ValidationError("Renstra tanpa indikator tujuan atau sasaran tidak dapat ditetapkan.")
    current.status = StatusRenstra.DITETAPKAN
    current.ditetapkan_pada = timezone.now()
    current.ditetapkan_oleh = actor if getattr(actor, "pk", None) else None
    current.save()
    _audit_renstra(
        actor=actor,
        renstra=current,
        obj=current,
        action="renstra_tetapkan",
        event_type="transition",
        old={"status": StatusRenstra.DRAFT},
        new={"status": current.status},
    )
    renstra.status = current.status
    return current


# --- usulan (T-C.32) ----------------------------------------------------------------------------------------


@dataclass
class UsulanInput:
    sumber: str
    pengusul: str
    uraian: str
    lokasi: str = ""
    volume: Decimal | None = None
    satuan: str = ""
    perkiraan_biaya: Decimal | None = None


BATAS_USULAN = {"pengusul": 300, "uraian": 2000, "lokasi": 200, "satuan": 60, "alasan": 2000}


def _usulan_snapshot(u) -> dict:
    return {
        "sumber": u.sumber,
        "pengusul": u.pengusul,
        "uraian": u.uraian,
        "lokasi": u.lokasi,
        "volume": None if u.volume is None else str(u.volume),
        "satuan": u.satuan,
        "perkiraan_biaya": None if u.perkiraan_biaya is None else str(u.perkiraan_biaya),
        "status": u.status,
        "alasan": u.alasan,
        "kode_sub_kegiatan": u.kode_sub_kegiatan,
    }


def _usulan_validate(data: UsulanInput) -> UsulanInput:
    from renja.perencanaan.models import SumberUsulan

    errors: dict[str, list[str]] = {}
    if data.sumber not in SumberUsulan.values:
        errors["sumber"] = [f"Sumber usulan '{data.sumber}' tidak dikenal; pilih {', '.join(SumberUsulan.labels)}."]
    pengusul = _teks(errors, "pengusul", "Pengusul", data.pengusul, BATAS_USULAN["pengusul"])
    uraian = _teks(errors, "uraian", "Uraian usulan", data.uraian, BATAS_USULAN["uraian"])
    lokasi = _teks(errors, "lokasi", "Lokasi", data.lokasi, BATAS_USULAN["lokasi"], wajib=False)
    satuan = _teks(errors, "satuan", "Satuan", data.satuan, BATAS_USULAN["satuan"], wajib=False)
    if data.volume is not None:
        if (problem := target_problem(Target(nilai=data.volume))) is not None:
            errors.setdefault("volume", []).append("Volume: " + problem.replace("target", "volume"))
        elif not satuan:
            errors.setdefault("satuan", []).append("Satuan wajib diisi bila volume diisi.")
    biaya = data.perkiraan_biaya
    if biaya is not None and (biaya < 0 or biaya > PAGU_MAKS or bulatkan(biaya) != biaya):
        errors.setdefault("perkiraan_biaya", []).append(
            f"Perkiraan biaya harus Rupiah bulat antara 0 dan {format_rupiah(PAGU_MAKS)}."
        )
    if errors:
        raise ValidationError(errors)
    return replace(data, pengusul=pengusul, uraian=uraian, lokasi=lokasi, satuan=satuan)


def _usulan_assign(u, data: UsulanInput) -> None:
    u.sumber = data.sumber
    u.pengusul = data.pengusul
    u.uraian = data.uraian
    u.lokasi = data.lokasi
    u.volume = data.volume
    u.satuan = data.satuan
    u.perkiraan_biaya = data.perkiraan_biaya


@transaction.atomic
def usulan_create(*, actor, renja: Renja, data: UsulanInput):
    """Enter a proposal (Musrenbang, Pokir DPRD, Forum Perangkat Daerah) for `renja`; it starts undecided."""
    from renja.perencanaan.models import Usulan

    access.access_usulan_edit(actor, renja)
    data = _usulan_validate(data)
    u = Usulan(renja=renja)
    _usulan_assign(u, data)
    u.save()
    audit_record(
        actor=actor,
        event_type="create",
        action="usulan_create",
        obj=u,
        scope=str(renja.opd_id),
        new=_usulan_snapshot(u),
    )
    return u


def _lock_usulan(usulan_id: int):
    from renja.perencanaan.models import Usulan

    return Usulan.objects.select_for_update(of=("self",)).select_related("renja__opd").get(pk=usulan_id)


@transaction.atomic
def usulan_update(*, actor, usulan, expected_version: int | None, data: UsulanInput):
    """Change what a proposal says (not its decision: usulan_decide). Refused when it changed since it was read."""
    current = _lock_usulan(usulan.pk)
    access.access_usulan_edit(actor, current.renja)
    _versi_check(current, expected_version)
    data = _usulan_validate(data)
    old = _usulan_snapshot(current)
    _usulan_assign(current, data)
    current.version += 1
    current.save()
    audit_record(
        actor=actor,
        event_type="update",
        action="usulan_update",
        obj=current,
        scope=str(current.renja.opd_id),
        old=old,
        new=_usulan_snapshot(current),
    )
    return current


def usulan_tahap_acuan(renja: Renja) -> Tahap | None:
    """The stage whose sub kegiatan may take up a proposal: the one in force (latest ditetapkan), else the
    latest."""
    return _renja_sumber(renja)


@transaction.atomic
def usulan_decide(
    *, actor, usulan, expected_version: int | None, status: str, alasan: str = "", kode_sub_kegiatan: str = ""
):
    """Decide a proposal: diterima (taken up by a sub kegiatan of the stage in force, named by its code),
    ditolak or ditunda (each with a reason), or back to undecided (baru)."""
    from renja.perencanaan.models import StatusUsulan

    current = _lock_usulan(usulan.pk)
    access.access_usulan_edit(actor, current.renja)
    _versi_check(current, expected_version)
    errors: dict[str, list[str]] = {}
    if status not in StatusUsulan.values:
        raise ValidationError({"status": f"Status '{status}' tidak dikenal; pilih {', '.join(StatusUsulan.labels)}."})
    wajib_alasan = status in (StatusUsulan.DITOLAK, StatusUsulan.DITUNDA)
    label_status = StatusUsulan(status).label.lower()
    alasan = (alasan or "").strip()
    if wajib_alasan and not alasan:
        errors["alasan"] = [f"Alasan wajib diisi untuk usulan yang {label_status}."]
    else:
        alasan = _teks(errors, "alasan", "Alasan", alasan, BATAS_USULAN["alasan"], wajib=False)
    kode = kode_bersih(kode_sub_kegiatan or "")
    if status == StatusUsulan.DITERIMA:
        tahap = usulan_tahap_acuan(current.renja)
        if not kode:
            errors["kode_sub_kegiatan"] = ["Usulan yang diterima wajib menyebut kode sub kegiatan yang menampungnya."]
        elif tahap is None or not RenjaRow.objects.filter(tahap=tahap, kode=kode, level=Level.SUB_KEGIATAN).exists():
            errors["kode_sub_kegiatan"] = [
                f"Sub kegiatan {kode} tidak ada di tahap {tahap or '(belum ada tahap)'} Renja {current.renja.tahun}."
            ]
    elif kode:
        errors["kode_sub_kegiatan"] = ["Kode sub kegiatan hanya diisi untuk usulan yang diterima."]
    if errors:
        raise ValidationError(errors)
    old = _usulan_snapshot(current)
    current.status = status
    current.alasan = alasan
    current.kode_sub_kegiatan = kode if status == StatusUsulan.DITERIMA else ""
    baru = status == StatusUsulan.BARU
    current.diputuskan_pada = None if baru else timezone.now()
    current.diputuskan_oleh = None if baru or not getattr(actor, "pk", None) else actor
    current.version += 1
    current.save()
    audit_record(
        actor=actor,
        event_type="update",
        action="usulan_decide",
        obj=current,
        scope=str(current.renja.opd_id),
        old=old,
        new=_usulan_snapshot(current),
    )
    return current


# --- narrative of a stage (BAB I-V) ------------------------------------------------------------------------

NARASI_TEKS_MAKS = 100_000  # characters per section: the seed's longest (2.1 with its lists) is under 10.000


def narasi_bagian_bawaan(*, tahap: Tahap) -> int:
    """Give a stage without narrative the seed's sections (empty text). Part of creating a stage."""
    from renja.perencanaan.models import NarasiBagian
    from renja.perencanaan.narasi import BAGIAN_BAWAAN

    if NarasiBagian.objects.filter(tahap=tahap).exists():
        return 0
    NarasiBagian.objects.bulk_create(
        [
            NarasiBagian(tahap=tahap, kode=kode, bab=bab, judul=judul, urutan=i)
            for i, (kode, bab, judul) in enumerate(BAGIAN_BAWAAN)
        ]
    )
    return len(BAGIAN_BAWAAN)


def _copy_narasi(*, source: Tahap, target: Tahap) -> int:
    from renja.perencanaan.models import NarasiBagian

    bagian = list(NarasiBagian.objects.filter(tahap=source).order_by("urutan", "kode"))
    NarasiBagian.objects.bulk_create(
        [
            NarasiBagian(tahap=target, kode=b.kode, bab=b.bab, judul=b.judul, urutan=b.urutan, teks=b.teks)
            for b in bagian
        ]
    )
    return len(bagian)


def _copy_narasi_ganti(*, source: Tahap, target: Tahap) -> int:
    """Replace `target`'s sections by a copy of `source`'s, when `source` has any (renja_start_from_previous)."""
    from renja.perencanaan.models import NarasiBagian

    if not NarasiBagian.objects.filter(tahap=source).exists():
        return 0
    NarasiBagian.objects.filter(tahap=target).delete()
    return _copy_narasi(source=source, target=target)


def _narasi_teks_check(*, tahap: Tahap, teks: str, katalog, kode: str, data: bool = True) -> None:
    """`data=False` (the demo loader, which loads a stage before the data its placeholders read, such as the
    year n-2 evaluation): only the names and arguments are checked, not whether the data can fill them."""
    from renja.perencanaan.narasi import narasi_galat, narasi_periksa

    errors = []
    periksa = narasi_galat if data else (lambda *, tahap, teks, katalog: narasi_periksa(teks=teks, katalog=katalog))
    if (problem := teks_problem(f"Teks bagian {kode}", teks, NARASI_TEKS_MAKS)) is not None:
        errors.append(problem)
    else:
        errors.extend(f"Bagian {kode}, {m[0].lower()}{m[1:]}" for m in periksa(tahap=tahap, teks=teks, katalog=katalog))
    if errors:
        raise ValidationError({"teks": errors})


def _narasi_snapshot(b) -> dict:
    return {"kode": b.kode, "judul": b.judul, "teks": b.teks}


@transaction.atomic
def narasi_bagian_update(*, actor, bagian, expected_version: int | None, teks: str, katalog, system: bool = False):
    """Change the text of one section. Refused on a locked or submitted stage, on a stale version, and when a
    placeholder is unknown or cannot be filled (each named); `katalog` is the full catalog of the caller."""
    from renja.perencanaan.models import NarasiBagian

    tahap = _lock_tahap(NarasiBagian.objects.values_list("tahap_id", flat=True).get(pk=bagian.pk))
    current = NarasiBagian.objects.select_for_update(of=("self",)).get(pk=bagian.pk)
    current.tahap = tahap
    if tahap.status == StatusTahap.DITETAPKAN:
        raise PermissionDenied(
            f"Tahap {tahap} sudah ditetapkan dan terkunci; perubahan hanya lewat tahap Perubahan baru."
        )
    if not system:
        access.access_narasi_edit(actor, tahap)
        _versi_check(current, expected_version)
    teks = (teks or "").replace("\r\n", "\n")
    _narasi_teks_check(tahap=tahap, teks=teks, katalog=katalog, kode=current.kode, data=not system)
    if teks == current.teks:
        return current
    old = _narasi_snapshot(current)
    current.teks = teks
    current.version += 1
    current.save()
    audit_record(
        actor=actor,
        event_type="update",
        action="narasi_bagian_update",
        obj=current,
        scope=str(tahap.renja.opd_id),
        old=old,
        new=_narasi_snapshot(current),
    )
    return current
