"""Writes of the satisfaction survey. Setup services (layanan, periode, kuesioner, tautan) check access and write an
AuditEvent each. The public submission (`responden_submit`) writes none: a busy form would flood the log with
anonymous rows; the stored responses are themselves the count (and an import writes one event per batch).

Bounds of every answer are checked here, once, for the public form and the paper import alike
(`responden_periksa`)."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from renja.ikm.kuesioner import KUESIONER_BAWAAN
from renja.ikm.models import (
    JUMLAH_UNSUR,
    SARAN_MAKS,
    TEKS_TAMBAHAN_MAKS,
    ImporIkm,
    JawabanTambahan,
    JenisKelamin,
    KelompokUsia,
    Layanan,
    Pekerjaan,
    Pendidikan,
    Periode,
    PertanyaanTambahan,
    Responden,
    Tautan,
    Unsur,
)
from renja.inti.audit import audit_record
from renja.inti.models import AuditEvent
from renja.organisasi import access
from renja.organisasi.models import PerangkatDaerah

KODE_POLA = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$")
POPULASI_MAKS = 100_000_000  # more users than Indonesia's largest province has people: a typing slip
PANJANG_TOKEN = 8  # ~47 bits from secrets.token_urlsafe: unguessable enough for a public form, short to type


class VersiKedaluwarsa(ValidationError):
    """The object changed since the user opened it (optimistic concurrency); nothing was saved."""

    def __init__(self, obj):
        super().__init__(
            f"{obj._meta.verbose_name.capitalize()} {obj} sudah diubah orang lain setelah Anda membukanya. "
            "Perubahan Anda tidak disimpan; muat ulang halaman lalu ulangi."
        )


def _cek_versi(obj, version: int | None) -> None:
    if version is None:
        raise ValidationError("Formulir tidak lengkap (versi hilang); muat ulang halaman lalu ulangi.")
    if obj.version != version:
        raise VersiKedaluwarsa(obj)


def _teks(nilai, *, label: str, maks: int, wajib: bool = True, field: str) -> str:
    teks = str(nilai or "").strip()
    if wajib and not teks:
        raise ValidationError({field: f"{label} wajib diisi."})
    if len(teks) > maks:
        raise ValidationError({field: f"{label} paling panjang {maks} karakter (terisi {len(teks)})."})
    return teks


def _kode(kode, *, label: str) -> str:
    kode = str(kode or "").strip()
    if not KODE_POLA.match(kode):
        raise ValidationError(
            {"kode": f"Kode {label} wajib diisi: 1-20 huruf, angka, titik, garis bawah atau tanda hubung ({kode!r})."}
        )
    return kode


def _snapshot(obj, fields: Sequence[str]) -> dict:
    return {f: getattr(obj, f) for f in fields}


# --- access ------------------------------------------------------------------------------------------------


def _edit(actor, opd: PerangkatDaerah) -> None:
    access.access_ikm_edit(actor, opd)


# --- layanan -----------------------------------------------------------------------------------------------

_LAYANAN = ("kode", "nama", "populasi", "aktif")


def _populasi(populasi) -> int | None:
    if populasi is None or populasi == "":
        return None
    if isinstance(populasi, bool) or not isinstance(populasi, int):
        raise ValidationError({"populasi": "Populasi harus bilangan bulat."})
    if not 1 <= populasi <= POPULASI_MAKS:
        raise ValidationError({"populasi": f"Populasi harus antara 1 dan {POPULASI_MAKS:,}".replace(",", ".") + "."})
    return populasi


@transaction.atomic
def layanan_create(
    *, actor, opd: PerangkatDaerah, kode: str, nama: str, populasi: int | None = None, aktif: bool = True
) -> Layanan:
    _edit(actor, opd)
    kode = _kode(kode, label="layanan")
    layanan = Layanan(
        opd=opd,
        kode=kode,
        nama=_teks(nama, label="Nama layanan", maks=200, field="nama"),
        populasi=_populasi(populasi),
        aktif=bool(aktif),
    )
    if Layanan.objects.filter(opd=opd, kode=kode).exists():
        raise ValidationError({"kode": f"Kode layanan {kode} sudah dipakai di {opd.nama}."})
    layanan.save()
    audit_record(
        actor=actor,
        event_type=AuditEvent.Jenis.CREATE,
        action="layanan_create",
        obj=layanan,
        scope=str(opd.pk),
        new=_snapshot(layanan, _LAYANAN),
    )
    return layanan


@transaction.atomic
def layanan_update(
    *, actor, layanan: Layanan, version: int | None, kode: str, nama: str, populasi: int | None, aktif: bool
) -> Layanan:
    current = Layanan.objects.select_for_update().select_related("opd").get(pk=layanan.pk)
    _edit(actor, current.opd)
    _cek_versi(current, version)
    old = _snapshot(current, _LAYANAN)
    kode = _kode(kode, label="layanan")
    if kode != current.kode and Layanan.objects.filter(opd=current.opd_id, kode=kode).exists():
        raise ValidationError({"kode": f"Kode layanan {kode} sudah dipakai layanan lain."})
    current.kode = kode
    current.nama = _teks(nama, label="Nama layanan", maks=200, field="nama")
    current.populasi = _populasi(populasi)
    current.aktif = bool(aktif)
    current.version += 1
    current.save()
    audit_record(
        actor=actor,
        event_type=AuditEvent.Jenis.UPDATE,
        action="layanan_update",
        obj=current,
        scope=str(current.opd_id),
        old=old,
        new=_snapshot(current, _LAYANAN),
    )
    return current


# --- periode -----------------------------------------------------------------------------------------------

_PERIODE = ("kode", "nama", "mulai", "selesai", "terbuka")


def _tanggal(mulai, selesai) -> tuple[datetime.date, datetime.date]:
    if not isinstance(mulai, datetime.date):
        raise ValidationError({"mulai": "Tanggal mulai wajib diisi."})
    if not isinstance(selesai, datetime.date):
        raise ValidationError({"selesai": "Tanggal selesai wajib diisi."})
    if selesai < mulai:
        raise ValidationError({"selesai": f"Tanggal selesai ({selesai:%d-%m-%Y}) sebelum tanggal mulai."})
    return mulai, selesai


@transaction.atomic
def periode_create(
    *,
    actor,
    opd: PerangkatDaerah,
    kode: str,
    nama: str,
    mulai: datetime.date,
    selesai: datetime.date,
    terbuka: bool = True,
) -> Periode:
    """A new survey period with the regulation's questionnaire of 9 unsur (KUESIONER_BAWAAN)."""
    _edit(actor, opd)
    kode = _kode(kode, label="periode")
    mulai, selesai = _tanggal(mulai, selesai)
    if Periode.objects.filter(opd=opd, kode=kode).exists():
        raise ValidationError({"kode": f"Kode periode {kode} sudah dipakai di {opd.nama}."})
    periode = Periode.objects.create(
        opd=opd,
        kode=kode,
        nama=_teks(nama, label="Nama periode", maks=200, field="nama"),
        mulai=mulai,
        selesai=selesai,
        terbuka=bool(terbuka),
    )
    Unsur.objects.bulk_create(
        Unsur(
            periode=periode,
            nomor=nomor,
            nama=nama_unsur,
            pertanyaan=pertanyaan,
            pilihan_1=pilihan[0],
            pilihan_2=pilihan[1],
            pilihan_3=pilihan[2],
            pilihan_4=pilihan[3],
        )
        for nomor, nama_unsur, pertanyaan, pilihan in KUESIONER_BAWAAN
    )
    audit_record(
        actor=actor,
        event_type=AuditEvent.Jenis.CREATE,
        action="periode_create",
        obj=periode,
        scope=str(opd.pk),
        new=_snapshot(periode, _PERIODE),
    )
    return periode


@transaction.atomic
def periode_update(
    *,
    actor,
    periode: Periode,
    version: int | None,
    nama: str,
    mulai: datetime.date,
    selesai: datetime.date,
    terbuka: bool,
) -> Periode:
    """Rename, move the dates, open or close. The kode stays (links, reports and the IKU refer to it)."""
    current = Periode.objects.select_for_update().select_related("opd").get(pk=periode.pk)
    _edit(actor, current.opd)
    _cek_versi(current, version)
    old = _snapshot(current, _PERIODE)
    current.nama = _teks(nama, label="Nama periode", maks=200, field="nama")
    current.mulai, current.selesai = _tanggal(mulai, selesai)
    current.terbuka = bool(terbuka)
    current.version += 1
    current.save()
    audit_record(
        actor=actor,
        event_type=AuditEvent.Jenis.UPDATE,
        action="periode_update",
        obj=current,
        scope=str(current.opd_id),
        old=old,
        new=_snapshot(current, _PERIODE),
    )
    return current


def periode_sudah_diisi(periode: Periode) -> bool:
    return Responden.objects.filter(periode_id=periode.pk).exists()


def _kuesioner_terbuka(periode: Periode) -> None:
    """The questionnaire is frozen once the period has a response: answers must mean what they meant."""
    if periode_sudah_diisi(periode):
        raise PermissionDenied(
            f"Kuesioner periode {periode.kode} sudah dibekukan karena sudah ada responden; "
            "pertanyaan tidak dapat diubah lagi agar jawaban yang masuk tetap bermakna sama."
        )


# --- kuesioner ---------------------------------------------------------------------------------------------

_UNSUR = ("nama", "pertanyaan", "pilihan_1", "pilihan_2", "pilihan_3", "pilihan_4")


@transaction.atomic
def unsur_update(
    *,
    actor,
    unsur: Unsur,
    nama: str,
    pertanyaan: str,
    pilihan: Sequence[str],
) -> Unsur:
    """Reword one unsur of a period (its number and place in the index stay). Refused after the first response."""
    periode = Periode.objects.select_for_update().select_related("opd").get(pk=unsur.periode_id)
    _edit(actor, periode.opd)
    _kuesioner_terbuka(periode)
    current = Unsur.objects.get(pk=unsur.pk)
    old = _snapshot(current, _UNSUR)
    current.nama = _teks(nama, label=f"Nama unsur {current.nomor}", maks=120, field="nama")
    current.pertanyaan = _teks(pertanyaan, label=f"Pertanyaan unsur {current.nomor}", maks=300, field="pertanyaan")
    if len(pilihan) != 4:
        raise ValidationError("Setiap unsur punya tepat 4 pilihan jawaban (1 terburuk sampai 4 terbaik).")
    for i, teks in enumerate(pilihan, start=1):
        setattr(
            current,
            f"pilihan_{i}",
            _teks(teks, label=f"Pilihan {i} unsur {current.nomor}", maks=80, field=f"pilihan_{i}"),
        )
    current.save()
    audit_record(
        actor=actor,
        event_type=AuditEvent.Jenis.UPDATE,
        action="unsur_update",
        obj=current,
        scope=str(periode.opd_id),
        old=old,
        new=_snapshot(current, _UNSUR),
    )
    return current


@transaction.atomic
def pertanyaan_tambahan_create(*, actor, periode: Periode, teks: str, jenis: str) -> PertanyaanTambahan:
    periode = Periode.objects.select_for_update().select_related("opd").get(pk=periode.pk)
    _edit(actor, periode.opd)
    _kuesioner_terbuka(periode)
    if jenis not in PertanyaanTambahan.Jenis.values:
        raise ValidationError({"jenis": "Jenis jawaban harus skala 1-4 atau teks bebas."})
    if periode.pertanyaan_tambahan.count() >= 10:
        raise ValidationError("Paling banyak 10 pertanyaan tambahan per periode.")
    nomor = (periode.pertanyaan_tambahan.order_by("-nomor").values_list("nomor", flat=True).first() or 0) + 1
    pertanyaan = PertanyaanTambahan.objects.create(
        periode=periode, nomor=nomor, teks=_teks(teks, label="Pertanyaan", maks=300, field="teks"), jenis=jenis
    )
    audit_record(
        actor=actor,
        event_type=AuditEvent.Jenis.CREATE,
        action="pertanyaan_tambahan_create",
        obj=pertanyaan,
        scope=str(periode.opd_id),
        new=_snapshot(pertanyaan, ("nomor", "teks", "jenis")),
    )
    return pertanyaan


@transaction.atomic
def pertanyaan_tambahan_delete(*, actor, pertanyaan: PertanyaanTambahan) -> None:
    periode = Periode.objects.select_for_update().select_related("opd").get(pk=pertanyaan.periode_id)
    _edit(actor, periode.opd)
    _kuesioner_terbuka(periode)
    audit_record(
        actor=actor,
        event_type=AuditEvent.Jenis.DELETE,
        action="pertanyaan_tambahan_delete",
        obj=pertanyaan,
        scope=str(periode.opd_id),
        old=_snapshot(pertanyaan, ("nomor", "teks", "jenis")),
    )
    pertanyaan.delete()


# --- tautan (public link + QR) ------------------------------------------------------------------------------


@transaction.atomic
def tautan_buat(*, actor, periode: Periode) -> list[Tautan]:
    """A short public link for every active layanan of the OPD that has none in this period yet."""
    periode = Periode.objects.select_for_update().select_related("opd").get(pk=periode.pk)
    _edit(actor, periode.opd)
    sudah = set(periode.tautan.values_list("layanan_id", flat=True))
    baru = []
    for layanan in Layanan.objects.filter(opd_id=periode.opd_id, aktif=True).exclude(pk__in=sudah):
        while True:
            token = secrets.token_urlsafe(PANJANG_TOKEN)[:PANJANG_TOKEN]
            if not Tautan.objects.filter(token=token).exists():
                break
        tautan = Tautan.objects.create(layanan=layanan, periode=periode, token=token)
        audit_record(
            actor=actor,
            event_type=AuditEvent.Jenis.CREATE,
            action="tautan_buat",
            obj=tautan,
            scope=str(periode.opd_id),
            new={"layanan": layanan.kode, "periode": periode.kode, "token": token},
        )
        baru.append(tautan)
    return baru


# --- responses ---------------------------------------------------------------------------------------------


def kunci_klien(alamat: str) -> str:
    """A keyed hash of the client address (HMAC-SHA256 with SECRET_KEY): enough to count submissions per address
    for the rate limit, useless to recover the address without the key. The address itself is never stored."""
    if not alamat:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), alamat.encode(), hashlib.sha256).hexdigest()


@dataclass
class Isian:
    """One filled questionnaire, as the public form or a paper-import row gives it (values not yet checked)."""

    jawaban: Mapping[int, object]  # unsur nomor 1..9 -> answer 1..4 (None/"" = not answered)
    jenis_kelamin: str = ""
    kelompok_usia: str = ""
    pendidikan: str = ""
    pekerjaan: str = ""
    saran: str = ""
    tambahan: Mapping[int, object] = field(default_factory=dict)  # PertanyaanTambahan.pk -> answer


_PROFIL = (
    ("jenis_kelamin", "Jenis kelamin", JenisKelamin),
    ("kelompok_usia", "Kelompok usia", KelompokUsia),
    ("pendidikan", "Pendidikan", Pendidikan),
    ("pekerjaan", "Pekerjaan", Pekerjaan),
)


def _nilai_1_4(nilai, *, label: str, field: str, wajib: bool) -> int | None:
    if nilai is None or nilai == "":
        if wajib:
            raise ValidationError({field: f"{label}: pilih salah satu jawaban 1 sampai 4."})
        return None
    if isinstance(nilai, bool):
        nilai = None
    elif isinstance(nilai, str) and nilai.strip().isdigit():
        nilai = int(nilai.strip())
    if not isinstance(nilai, int) or not 1 <= nilai <= 4:
        raise ValidationError({field: f"{label}: jawaban harus 1, 2, 3 atau 4 (terisi {nilai!r})."})
    return nilai


def responden_periksa(
    *, periode: Periode, isian: Isian, wajib_lengkap: bool, pertanyaan: Sequence[PertanyaanTambahan] | None = None
) -> tuple[dict, list[JawabanTambahan]]:
    """Check one questionnaire against the bounds of the model; return the Responden fields and the extra answers
    (unsaved). Every message names the field. `wajib_lengkap`: the public form requires every unsur and every
    profile band; a paper form may leave some blank (its blanks are left out of the NRR by renja.rumus.ikm)."""
    salah: dict[str, list[str]] = {}
    data: dict = {}

    def kumpul(fn, key):
        try:
            return fn()
        except ValidationError as exc:
            for k, v in exc.message_dict.items():
                salah.setdefault(k, []).extend(v)
            return None

    for i in range(1, JUMLAH_UNSUR + 1):
        f = f"u{i}"
        data[f] = kumpul(
            lambda i=i, f=f: _nilai_1_4(isian.jawaban.get(i), label=f"Unsur {i}", field=f, wajib=wajib_lengkap), f
        )
    lain = set(isian.jawaban) - set(range(1, JUMLAH_UNSUR + 1))
    if lain:
        salah.setdefault("__all__", []).append(f"Unsur hanya nomor 1 sampai 9 (terisi {sorted(lain)}).")
    for f, label, pilihan in _PROFIL:
        nilai = str(getattr(isian, f) or "").strip()
        if not nilai:
            if wajib_lengkap:
                salah.setdefault(f, []).append(f"{label}: pilih salah satu.")
        elif nilai not in pilihan.values:
            salah.setdefault(f, []).append(f"{label}: {nilai!r} tidak dikenal; pilihan: {', '.join(pilihan.values)}.")
        data[f] = nilai
    saran = str(isian.saran or "").replace("\r\n", "\n").strip()
    if len(saran) > SARAN_MAKS:
        salah.setdefault("saran", []).append(f"Saran paling panjang {SARAN_MAKS} karakter (terisi {len(saran)}).")
    if "\x00" in saran:
        salah.setdefault("saran", []).append("Saran memuat karakter yang tidak sah.")
    data["saran"] = saran

    if pertanyaan is None:
        pertanyaan = list(periode.pertanyaan_tambahan.all())
    per_pk = {p.pk: p for p in pertanyaan}
    jawaban_tambahan = []
    for pk, nilai in isian.tambahan.items():
        p = per_pk.get(pk)
        if p is None:
            salah.setdefault("__all__", []).append("Pertanyaan tambahan tidak dikenal untuk periode ini.")
            continue
        f = f"t{p.nomor}"
        if p.jenis == PertanyaanTambahan.Jenis.SKALA:
            v = kumpul(
                lambda p=p, f=f, nilai=nilai: _nilai_1_4(
                    nilai, label=f"Pertanyaan tambahan {p.nomor}", field=f, wajib=False
                ),
                f,
            )
            if v is not None:
                jawaban_tambahan.append(JawabanTambahan(pertanyaan=p, nilai=v))
        else:
            teks = str(nilai or "").replace("\r\n", "\n").strip()
            if len(teks) > TEKS_TAMBAHAN_MAKS or "\x00" in teks:
                salah.setdefault(f, []).append(
                    f"Pertanyaan tambahan {p.nomor}: paling panjang {TEKS_TAMBAHAN_MAKS} karakter (terisi {len(teks)})."
                )
            elif teks:
                jawaban_tambahan.append(JawabanTambahan(pertanyaan=p, teks=teks))
    if salah:
        raise ValidationError(salah)
    return data, jawaban_tambahan


def periode_menerima(periode: Periode, *, hari_ini: datetime.date | None = None) -> bool:
    hari_ini = hari_ini or timezone.localdate()
    return periode.terbuka and periode.mulai <= hari_ini <= periode.selesai


class PeriodeTertutup(PermissionDenied):
    """The period does not accept responses now (closed, not started or ended)."""


@transaction.atomic
def responden_submit(*, tautan: Tautan, isian: Isian, kunci: str = "") -> Responden:
    """A response from the public form (sumber daring): every unsur and profile band required, bounds checked
    here. `kunci` is kunci_klien(address). No AuditEvent (see the module docstring)."""
    periode = tautan.periode
    layanan = tautan.layanan
    if not periode_menerima(periode):
        raise PeriodeTertutup(
            f"Survei {periode.nama} untuk layanan {layanan.nama} sedang tidak menerima jawaban "
            f"(periode {periode.mulai:%d-%m-%Y} sampai {periode.selesai:%d-%m-%Y}). Terima kasih atas kesediaan Anda."
        )
    if not layanan.aktif:
        raise PeriodeTertutup(f"Layanan {layanan.nama} sedang tidak disurvei. Terima kasih atas kesediaan Anda.")
    data, tambahan = responden_periksa(periode=periode, isian=isian, wajib_lengkap=True)
    responden = Responden.objects.create(
        periode=periode, layanan=layanan, sumber=Responden.Sumber.DARING, kunci_klien=kunci[:64], **data
    )
    for j in tambahan:
        j.responden = responden
    JawabanTambahan.objects.bulk_create(tambahan)
    return responden


@transaction.atomic
def responden_import_batch(
    *,
    actor,
    periode: Periode,
    baris: Sequence[tuple[str, Isian]],
    nama_berkas: str = "",
    sumber: str = Responden.Sumber.KERTAS,
) -> ImporIkm:
    """Paper questionnaires of one period, all or nothing: `baris` is (kode layanan, isian) per respondent. A bad
    row refuses the whole batch with a ValidationError naming the row and field (row 1 = first data row; the
    caller maps it to its sheet row). One AuditEvent for the batch."""
    periode = Periode.objects.select_for_update().select_related("opd").get(pk=periode.pk)
    _edit(actor, periode.opd)
    if sumber not in (Responden.Sumber.KERTAS, Responden.Sumber.DEMO):
        raise ValidationError("Impor hanya untuk kuesioner kertas atau data demo.")
    layanan_per_kode = {lay.kode: lay for lay in Layanan.objects.filter(opd_id=periode.opd_id)}
    pertanyaan = list(periode.pertanyaan_tambahan.all())
    salah: list[str] = []
    siap: list[tuple[Responden, list[JawabanTambahan]]] = []
    for n, (kode_layanan, isian) in enumerate(baris, start=1):
        layanan = layanan_per_kode.get(str(kode_layanan or "").strip())
        if layanan is None:
            salah.append(
                f"Baris {n}, layanan: kode {kode_layanan!r} tidak ada; pilihan: {', '.join(layanan_per_kode) or '-'}."
            )
            continue
        try:
            data, tambahan = responden_periksa(periode=periode, isian=isian, wajib_lengkap=False, pertanyaan=pertanyaan)
        except ValidationError as exc:
            salah.extend(f"Baris {n}, {k}: {m}" for k, ms in exc.message_dict.items() for m in ms)
            continue
        siap.append((Responden(periode=periode, layanan=layanan, sumber=sumber, **data), tambahan))
    if salah:
        raise ValidationError(salah)
    if not siap:
        raise ValidationError("Berkas tidak memuat satu pun responden.")
    impor = ImporIkm.objects.create(
        periode=periode,
        nama_berkas=nama_berkas[:255],
        jumlah=len(siap),
        diimpor_oleh=actor if getattr(actor, "pk", None) else None,
    )
    for r, _ in siap:
        r.impor = impor
    Responden.objects.bulk_create([r for r, _ in siap])
    jawaban = []
    for r, tambahan in siap:
        for j in tambahan:
            j.responden = r
            jawaban.append(j)
    JawabanTambahan.objects.bulk_create(jawaban)
    audit_record(
        actor=actor,
        event_type=AuditEvent.Jenis.IMPORT,
        action="responden_import_batch",
        obj=impor,
        scope=str(periode.opd_id),
        new={"periode": periode.kode, "berkas": nama_berkas, "jumlah": len(siap), "sumber": sumber},
    )
    return impor
