"""Everything a user can change in planning. Each function: keyword-only, one transaction, one AuditEvent."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from renja.inti.audit import audit_record
from renja.inti.models import AuditEvent
from renja.nomenklatur.selectors import nomenklatur_validate_kode
from renja.nomenklatur.validators import kode_bersih
from renja.organisasi import access
from renja.organisasi.models import UnitKerja
from renja.perencanaan.batas import BATAS_TEKS, INDIKATOR_MAKS, LOKASI_MAKS, teks_problem
from renja.perencanaan.models import (
    URUTAN_TAHAP,
    Indikator,
    JenisTahap,
    Level,
    Pagu,
    Renja,
    RenjaRow,
    StatusTahap,
    SumberDana,
    Tahap,
)
from renja.perencanaan.targets import Target, target_of, target_problem
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
    audit_record(
        actor=actor,
        event_type="create",
        action="tahap_create",
        obj=tahap,
        scope=str(renja.opd_id),
        new={"jenis": jenis, "nomor": nomor, "dari": str(dari) if dari else None, "baris_disalin": copied},
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
