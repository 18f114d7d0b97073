"""The one stage import: a new Renja stage from neutral row data, all or nothing.

Every source that brings a whole stage from outside goes through :func:`tahap_import`: the demo data files
(renja.demo.loader) and a checked planning document in the T-C.33 layout (renja.pemeriksaan.impor_dokumen).
The source turns what it read into :class:`BarisImpor` (code, level, uraian, indicators with target and satuan,
pagu per sumber dana, lokasi, prakiraan maju, unit, and where in the file the row was); this module resolves units
and sumber dana, checks every row with the same validation a typed row gets (perencanaan.services._validate:
nomenclature version, OPD scope, targets by perencanaan.targets, text bounds by perencanaan.batas, pagu bounds),
names every bad row with its place in the file (one :class:`renja.inti.impor.GalatImpor`), and only then writes
the stage and its rows in one transaction.

Codes not in the Renja's nomenclature version are refused with the row named (a typed row is refused the same
way); BarisTertunda is for rows a copy carries from an earlier version, not for a document written for this one.
The message names the replacement code when the remap table has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from renja.inti.audit import _jsonable, audit_record
from renja.inti.impor import Asal, Galat, GalatImpor
from renja.inti.models import AuditEvent
from renja.nomenklatur.selectors import kode_pengganti_map
from renja.nomenklatur.validators import kode_bersih, kode_format_valid, kode_induk, tingkat_dari_kode
from renja.organisasi import access
from renja.perencanaan import services
from renja.perencanaan.models import Indikator, JenisTahap, Level, Pagu, Renja, RenjaRow, SumberDana, Tahap
from renja.perencanaan.targets import Target, agregasi_bawaan
from renja.rumus.angka import format_rupiah

__all__ = ["BarisImpor", "HasilImporTahap", "IndikatorImpor", "tahap_import", "tahap_import_renja_baru"]

_URUT_LEVEL = {Level.PROGRAM: 0, Level.KEGIATAN: 1, Level.SUB_KEGIATAN: 2}


@dataclass
class IndikatorImpor:
    uraian: str
    target: Target = field(default_factory=Target)
    satuan: str = ""
    polaritas: str = "naik"
    agregasi: str = ""  # empty: from the satuan (perencanaan.targets.agregasi_bawaan)


@dataclass
class BarisImpor:
    """One row of a stage as a source gives it. ``unit`` is a unit's kode or name (empty, or the OPD itself: the
    import's default unit); ``pagu`` maps a sumber dana (kode, name, or a name with the kode in parentheses) to
    Rupiah. Pagu and prakiraan pagu count on sub kegiatan only: a program's or kegiatan's are sums, not inputs."""

    kode: str
    uraian: str
    level: str = ""  # empty: from the code
    indikator: list[IndikatorImpor] = field(default_factory=list)
    pagu: dict[str, Decimal] = field(default_factory=dict)
    lokasi: list[str] = field(default_factory=list)
    prioritas_nasional: str = ""
    prioritas_daerah: str = ""
    kelompok_sasaran: str = ""
    prakiraan_target: Target = field(default_factory=Target)
    prakiraan_satuan: str = ""
    prakiraan_pagu: Decimal | None = None
    unit: str = ""
    sumber: str = ""
    catatan: str = ""
    asal: Asal | None = None  # where in the file; None: the row's position in the list


@dataclass
class HasilImporTahap:
    """What an import wrote (or, for a preview, would write)."""

    renja: Renja
    jenis: str
    tahap: Tahap | None  # None for a preview: nothing was kept
    jumlah: dict[str, int]  # per level
    total_pagu: Decimal
    total_prakiraan_pagu: Decimal
    per_program: list[tuple[str, str, Decimal]]  # (kode, nama, pagu)

    @property
    def jumlah_baris(self) -> int:
        return sum(self.jumlah.values())

    @property
    def jenis_label(self) -> str:
        return JenisTahap(self.jenis).label


class _Pratinjau(Exception):
    """Raised inside the transaction of a preview, so everything it wrote is rolled back."""

    def __init__(self, hasil: HasilImporTahap):
        self.hasil = hasil


def _kunci(teks: str) -> str:
    return " ".join(teks.casefold().split())


def _cari_unit(renja: Renja) -> dict[str, object]:
    peta: dict[str, object] = {}
    for u in renja.opd.unit_kerja.all():
        peta[_kunci(u.kode)] = u
        peta[_kunci(u.nama)] = u
    return peta


def _nama_opd(renja: Renja) -> set[str]:
    """Names a document uses for the OPD itself ("DINAS SOSIAL", also "Dinas Sosial Kota Bekasi"): no unit."""
    opd = renja.opd
    return {_kunci(n) for n in (opd.nama, getattr(opd, "singkatan", "") or "", opd.kode) if n}


def _cari_sumber() -> dict[str, SumberDana]:
    peta: dict[str, SumberDana] = {}
    for s in SumberDana.objects.all():
        peta[_kunci(s.kode)] = s
        peta[_kunci(s.nama)] = s
    return peta


def _sumber_dana(teks: str, peta: dict[str, SumberDana]) -> SumberDana | None:
    """'PAD', 'Pendapatan Asli Daerah (PAD)', 'PENDAPATAN ASLI DAERAH (PAD)'."""
    kunci = _kunci(teks)
    if kunci in peta:
        return peta[kunci]
    kurung = re.search(r"\(([^()]+)\)\s*$", teks)
    if kurung and _kunci(kurung.group(1)) in peta:
        return peta[_kunci(kurung.group(1))]
    return None


def _asal(b: BarisImpor, nomor: int) -> Asal:
    return b.asal if b.asal is not None else Asal(baris=nomor)


def _level(b: BarisImpor) -> tuple[str | None, str | None]:
    """(level, problem) of a row from its code; the level the source gave must agree."""
    if (problem := kode_format_valid(b.kode)) is not None:
        return None, problem
    level = tingkat_dari_kode(b.kode)
    if level not in _URUT_LEVEL:
        return (
            None,
            f"kode {b.kode} adalah {level.replace('_', ' ')}; yang diimpor hanya program, kegiatan, sub kegiatan.",
        )
    if b.level and b.level != level:
        return None, f"kode {b.kode} adalah kode {level.replace('_', ' ')}, bukan {b.level.replace('_', ' ')}."
    return level, None


def _row_input(b: BarisImpor, *, unit, sumber: dict[str, Decimal]) -> services.RowInput:
    return services.RowInput(
        kode=b.kode,
        nama=b.uraian,
        indikator=[
            services.IndikatorInput(
                uraian=i.uraian,
                target=i.target,
                satuan=i.satuan,
                polaritas=i.polaritas or "naik",
                agregasi=i.agregasi or agregasi_bawaan(i.satuan),
            )
            for i in b.indikator
        ],
        unit=unit,
        pagu=sumber,
        lokasi=list(b.lokasi),
        prioritas_nasional=b.prioritas_nasional,
        prioritas_daerah=b.prioritas_daerah,
        kelompok_sasaran=b.kelompok_sasaran,
        prakiraan_target=b.prakiraan_target,
        prakiraan_satuan=b.prakiraan_satuan,
        prakiraan_pagu=b.prakiraan_pagu,
        sumber=b.sumber,
        catatan=b.catatan,
    )


@dataclass
class _Siap:
    """A checked row, ready to write."""

    b: BarisImpor
    level: str
    data: services.RowInput
    nomenklatur: object
    sumber_by_kode: dict


def _periksa(*, tahap: Tahap, baris: list[BarisImpor], unit_bawaan) -> list[_Siap]:
    """Every row checked; returns them in write order or raises one GalatImpor naming them all."""
    renja = tahap.renja
    galat: list[Galat] = []
    units, opd_nama, sumber_peta = _cari_unit(renja), _nama_opd(renja), _cari_sumber()
    siap: list[_Siap] = []
    dilihat: dict[str, str] = {}
    level_per_kode: dict[str, str] = {}
    if not baris:
        raise GalatImpor([Galat(Asal(), "tidak ada baris program, kegiatan atau sub kegiatan untuk diimpor.")])
    kode_semua = [kode_bersih(b.kode) for b in baris]
    pengganti = kode_pengganti_map(kode_list=kode_semua, versi_baru=renja.nomenklatur_versi)
    for nomor, b in enumerate(baris, start=1):
        asal = _asal(b, nomor)
        tolak_awal = len(galat)

        def tolak(pesan: str, asal=asal, b=b) -> None:
            galat.append(Galat(asal, f"{b.kode or '(tanpa kode)'}: {pesan}"))

        b.kode = kode_bersih(b.kode)
        level, problem = _level(b)
        if problem:
            tolak(problem)
            continue
        if b.kode in dilihat:
            tolak(f"kode ganda, sudah ada di {dilihat[b.kode]}.")
            continue
        dilihat[b.kode] = str(asal)
        level_per_kode[b.kode] = level
        induk = kode_induk(b.kode) if level != Level.PROGRAM else None
        if induk is not None and induk not in level_per_kode:
            tolak(f"induknya ({induk}) tidak ada di atas baris ini; setiap baris berada di bawah induknya.")
        unit = units.get(_kunci(b.unit)) if b.unit.strip() else None
        unit_opd = any(_kunci(b.unit) == n or _kunci(b.unit).startswith(n + " ") for n in opd_nama)
        if unit is None and b.unit.strip() and not unit_opd:
            tolak(f"unit penanggung jawab '{b.unit.strip()}' bukan unit kerja {renja.opd.nama}.")
        elif unit is None and level == Level.SUB_KEGIATAN:
            unit = unit_bawaan
            if unit is None:
                tolak(
                    "unit penanggung jawab tidak disebut"
                    + (f" ('{b.unit.strip()}' adalah perangkat daerahnya)" if b.unit.strip() else "")
                    + "; tulis nama unit kerja atau pilih unit bawaan."
                )
        sumber: dict[str, Decimal] = {}
        for teks, jumlah in b.pagu.items():
            sd = _sumber_dana(teks, sumber_peta)
            if sd is None:
                dikenal = ", ".join(sorted({s.kode for s in sumber_peta.values()}))
                tolak(f"sumber dana '{teks}' tidak dikenal (yang dikenal: {dikenal}).")
            elif sd.kode in sumber:
                tolak(f"sumber dana {sd.kode} disebut dua kali.")
            else:
                sumber[sd.kode] = jumlah
        if level != Level.SUB_KEGIATAN:
            # A program's or kegiatan's pagu (and prakiraan pagu) is the sum of its sub kegiatan, never typed.
            sumber, b.prakiraan_pagu = {}, None
        data = _row_input(b, unit=unit, sumber=sumber)
        parent = RenjaRow(kode=induk) if induk else None
        try:
            nomenklatur, sumber_by_kode = services._validate(tahap=tahap, level=level, data=data, parent=parent)
        except ValidationError as exc:
            pengganti_kode = pengganti.get(b.kode) or []
            for nama, pesan_list in exc.message_dict.items():
                for pesan in pesan_list:
                    if nama == "kode" and pengganti_kode:
                        pesan += (
                            f" Kode penggantinya di versi {renja.nomenklatur_versi.kode}: {', '.join(pengganti_kode)}."
                        )
                    if nama == "unit" and len(galat) > tolak_awal:
                        continue  # already said why the unit is missing
                    tolak(pesan)
        else:
            if len(galat) == tolak_awal:
                siap.append(_Siap(b, level, data, nomenklatur, sumber_by_kode))
    total = sum((sum(s.data.pagu.values(), Decimal(0)) for s in siap), Decimal(0))
    prakiraan = sum((s.data.prakiraan_pagu or Decimal(0) for s in siap), Decimal(0))
    for label, nilai in (("pagu", total), ("pagu prakiraan maju", prakiraan)):
        if nilai > services.PAGU_MAKS:
            galat.append(
                Galat(
                    Asal(), f"total {label} {format_rupiah(nilai)} melebihi batas {format_rupiah(services.PAGU_MAKS)}."
                )
            )
    if galat:
        raise GalatImpor(galat)
    return siap  # the source's order: parents before children (checked above)


def _hasil(*, renja: Renja, jenis: str, tahap: Tahap | None, siap) -> HasilImporTahap:
    jumlah = {Level.PROGRAM.value: 0, Level.KEGIATAN.value: 0, Level.SUB_KEGIATAN.value: 0}
    per_program: dict[str, list] = {}
    total = prakiraan = Decimal(0)
    for s in siap:
        b, level, data = s.b, s.level, s.data
        jumlah[level] += 1
        if level == Level.PROGRAM:
            per_program[b.kode] = [b.kode, data.nama, Decimal(0)]
        pagu = sum(data.pagu.values(), Decimal(0))
        total += pagu
        prakiraan += data.prakiraan_pagu or 0
        program = b.kode.split(".")[:3]
        if pagu and ".".join(program) in per_program:
            per_program[".".join(program)][2] += pagu
    return HasilImporTahap(
        renja=renja,
        jenis=jenis,
        tahap=tahap,
        jumlah=jumlah,
        total_pagu=total,
        total_prakiraan_pagu=prakiraan,
        per_program=[tuple(p) for p in per_program.values()],
    )


def _snapshot(row: RenjaRow, data: services.RowInput) -> dict:
    """services._snapshot of a row just written, from what was written (no query per row)."""
    return {
        "kode": row.kode,
        "nama": row.nama,
        "unit": data.unit.kode if data.unit is not None else None,
        "indikator": [
            {"uraian": i.uraian.strip(), "target": i.target.tampil(), "satuan": i.satuan.strip()}
            for i in data.indikator
        ],
        "pagu": {k: str(v) for k, v in sorted(data.pagu.items())},
        "lokasi": list(row.lokasi),
        "prioritas_nasional": row.prioritas_nasional,
        "prioritas_daerah": row.prioritas_daerah,
        "kelompok_sasaran": row.kelompok_sasaran,
        "prakiraan_target": data.prakiraan_target.tampil(),
        "prakiraan_satuan": row.prakiraan_satuan,
        "prakiraan_pagu": str(row.prakiraan_pagu) if row.prakiraan_pagu is not None else None,
    }


def _tulis(*, tahap: Tahap, siap: list[_Siap], user) -> None:
    """Write checked rows as row_create would (same fields, same audit event per row), in a few statements:
    one INSERT per row (children need its id), then the indicators, pagu and audit events in bulk."""
    rows: dict[str, RenjaRow] = {}
    indikator, pagu, audit = [], [], []
    for urutan, s in enumerate(siap, start=1):
        induk = kode_induk(s.b.kode) if s.level != Level.PROGRAM else None
        row = RenjaRow(tahap=tahap, level=s.level, parent=rows.get(induk), urutan=urutan)
        services._assign(row, s.data, s.nomenklatur)
        row.save()
        rows[row.kode] = row
        indikator += [
            Indikator(
                row=row,
                urutan=n,
                uraian=i.uraian.strip(),
                target_nilai=i.target.nilai,
                target_grade=i.target.grade,
                satuan=i.satuan.strip(),
                polaritas=i.polaritas,
                agregasi=i.agregasi,
            )
            for n, i in enumerate(s.data.indikator)
        ]
        pagu += [Pagu(row=row, sumber_dana=s.sumber_by_kode[k], jumlah=v) for k, v in s.data.pagu.items()]
        audit.append(
            AuditEvent(
                actor=user if getattr(user, "pk", None) else None,
                event_type="create",
                action="row_create",
                object_type=row._meta.label_lower,
                object_id=str(row.pk),
                object_repr=str(row)[:300],
                scope=str(tahap.renja.opd_id),
                new=_jsonable(_snapshot(row, s.data)),
            )
        )
    Indikator.objects.bulk_create(indikator, batch_size=500)
    Pagu.objects.bulk_create(pagu, batch_size=500)
    AuditEvent.objects.bulk_create(audit, batch_size=500)


def tahap_import(
    *,
    renja: Renja,
    jenis_tahap: str,
    baris: list[BarisImpor],
    user,
    unit_bawaan=None,
    catatan: str = "",
    sumber: str = "",
    simpan: bool = True,
    system: bool = False,
) -> HasilImporTahap:
    """Create the stage `jenis_tahap` of `renja` holding `baris`, all or nothing.

    The stage follows tahap_create's rules (earlier stages ditetapkan, the regulation's order) and starts empty
    (an import, not a copy). Raises GalatImpor naming every bad row (nothing is written), ValidationError when
    the stage itself cannot be made, PermissionDenied for a user who may not create stages of this Renja.
    ``simpan=False`` is the preview: everything is checked and written, then rolled back, so the preview's
    counts and totals are exactly what saving would store. ``system``: the demo loader, no user check.
    """
    if not system:
        access.access_tahap_create(user, renja)
    if unit_bawaan is not None and unit_bawaan.opd_id != renja.opd_id:
        raise ValidationError({"unit_bawaan": "Unit bawaan harus unit dari perangkat daerah Renja ini."})
    try:
        with transaction.atomic():
            tahap = services.tahap_create(
                actor=user, renja=renja, jenis=jenis_tahap, kosong=True, catatan=catatan, system=True
            )
            tahap.renja = Renja.objects.select_related("opd", "nomenklatur_versi").get(pk=renja.pk)
            siap = _periksa(tahap=tahap, baris=baris, unit_bawaan=unit_bawaan)
            _tulis(tahap=tahap, siap=siap, user=user)
            hasil = _hasil(renja=renja, jenis=jenis_tahap, tahap=tahap, siap=siap)
            audit_record(
                actor=user,
                event_type="create",
                action="tahap_import",
                obj=tahap,
                scope=str(renja.opd_id),
                new={
                    "jenis": jenis_tahap,
                    "sumber": sumber,
                    "jumlah": dict(hasil.jumlah),
                    "total_pagu": str(hasil.total_pagu),
                    "total_prakiraan_pagu": str(hasil.total_prakiraan_pagu),
                },
            )
            if not simpan:
                hasil.tahap = None
                raise _Pratinjau(hasil)
    except _Pratinjau as p:
        return p.hasil
    return hasil


def tahap_import_renja_baru(
    *,
    opd,
    tahun: int,
    jenis_tahap: str,
    baris: list[BarisImpor],
    user,
    unit_bawaan=None,
    catatan: str = "",
    sumber: str = "",
    simpan: bool = True,
) -> HasilImporTahap:
    """The Renja of `tahun` for `opd` (on the nomenclature version of that year) with its first stage imported,
    in one transaction: the Renja is not kept when the stage is refused, nor by a preview."""
    from renja.nomenklatur.selectors import versi_untuk_tahun

    access.access_renja_start(user, opd)
    if not isinstance(tahun, int) or not services.TAHUN_MIN <= tahun <= services.TAHUN_MAKS:
        raise ValidationError({"tahun": f"Tahun harus antara {services.TAHUN_MIN} dan {services.TAHUN_MAKS}."})
    versi = versi_untuk_tahun(tahun)
    if versi is None:
        raise ValidationError({"tahun": f"Belum ada versi nomenklatur yang berlaku untuk {tahun}."})
    try:
        with transaction.atomic():
            renja = services.renja_create(actor=user, opd=opd, tahun=tahun, nomenklatur_versi=versi)
            hasil = tahap_import(
                renja=renja,
                jenis_tahap=jenis_tahap,
                baris=baris,
                user=user,
                unit_bawaan=unit_bawaan,
                catatan=catatan,
                sumber=sumber,
            )
            if not simpan:
                hasil.tahap = None
                raise _Pratinjau(hasil)
    except _Pratinjau as p:
        return p.hasil
    return hasil
