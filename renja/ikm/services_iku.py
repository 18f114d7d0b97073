"""The IKM of a survey period taken as the realisation of an IKU ("Nilai IKM"), through renja.kinerja's IKU
realisation service, with a link back to the survey (issue 9 part 6). One transaction; audited by kinerja for the
realisation and here for the link."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from renja.ikm import hasil as hasil_ikm
from renja.ikm.models import Periode
from renja.ikm.models_iku import TautanIku
from renja.inti.audit import audit_record
from renja.inti.models import AuditEvent
from renja.kinerja import services as kinerja
from renja.organisasi import access
from renja.perencanaan.models import Renstra, RenstraIndikator
from renja.perencanaan.targets import Target
from renja.rumus.angka import format_angka

KATA_IKM = ("kepuasan", "ikm")


def iku_pilihan(periode: Periode) -> list[RenstraIndikator]:
    """The IKU (tujuan and sasaran indicators) of the OPD's Renstra covering the period's year, IKM-like first."""
    tahun = periode.selesai.year
    renstra = Renstra.objects.filter(opd_id=periode.opd_id, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
    qs = RenstraIndikator.objects.filter(program__isnull=True).filter(
        tujuan__renstra__in=renstra
    ) | RenstraIndikator.objects.filter(program__isnull=True, sasaran__tujuan__renstra__in=renstra)
    daftar = list(qs.distinct().order_by("pk"))
    return sorted(daftar, key=lambda i: (not any(k in i.uraian.casefold() for k in KATA_IKM), i.pk))


def _opd_id(indikator: RenstraIndikator) -> int | None:
    tujuan = indikator.tujuan or (indikator.sasaran.tujuan if indikator.sasaran_id else None)
    return tujuan.renstra.opd_id if tujuan else None


def tautan_url(periode: Periode) -> str:
    return reverse("ikm_hasil:hasil", kwargs={"periode_id": periode.pk})


@transaction.atomic
def iku_tautkan(*, actor, periode: Periode, indikator: RenstraIndikator, tahun: int | None = None) -> TautanIku:
    """Record the period's overall IKM (konversi, 2 places) as the IKU's realisation for ``tahun`` (default: the
    year the period ends) and remember the link. Refused when the period has no response or the IKU belongs to
    another OPD. Run again after new responses to refresh the realisation."""
    periode = Periode.objects.select_for_update().select_related("opd").get(pk=periode.pk)
    access.access_ikm_edit(actor, periode.opd)
    indikator = RenstraIndikator.objects.select_related("tujuan__renstra", "sasaran__tujuan__renstra").get(
        pk=indikator.pk
    )
    if _opd_id(indikator) != periode.opd_id or indikator.program_id:
        raise ValidationError({"indikator": "IKU itu bukan indikator Renstra perangkat daerah survei ini."})
    tahun = periode.selesai.year if tahun is None else tahun
    ringkasan = hasil_ikm.ringkasan_keseluruhan(periode=periode)
    if ringkasan.hasil is None:
        raise ValidationError(f"Periode {periode.kode} belum punya responden; belum ada IKM untuk dijadikan realisasi.")
    h = ringkasan.hasil
    konversi = h.konversi_bulat
    kinerja.realisasi_iku_record(
        actor=actor,
        indikator=indikator,
        tahun=tahun,
        nilai=Target(nilai=konversi),
        nilai_pendukung=f"IKM {format_angka(h.nilai_bulat, 4)}, mutu {h.mutu.mutu} ({h.mutu.kinerja})",
        keterangan=f"Dari Survei Kepuasan Masyarakat {periode.nama}: {ringkasan.responden} responden.",
        sumber=f"Survei Kepuasan Masyarakat periode {periode.kode}: {tautan_url(periode)}",
    )
    tautan = TautanIku.objects.select_for_update().filter(indikator=indikator, tahun=tahun).first()
    old = None
    if tautan is None:
        tautan = TautanIku(indikator=indikator, tahun=tahun, periode=periode)
    else:
        old = {"periode": tautan.periode.kode}
        tautan.periode = periode
    tautan.diubah_oleh = actor if getattr(actor, "pk", None) else None
    tautan.save()
    audit_record(
        actor=actor,
        event_type=AuditEvent.Jenis.UPDATE if old else AuditEvent.Jenis.CREATE,
        action="iku_tautkan",
        obj=tautan,
        scope=str(periode.opd_id),
        old=old,
        new={"periode": periode.kode, "indikator": indikator.uraian[:120], "tahun": tahun, "nilai": str(konversi)},
    )
    return tautan


def tautan_periode(periode: Periode, *, sekarang) -> list[dict]:
    """The IKU this period feeds, with the realisation stored there and whether it still equals ``sekarang`` (the
    survey's konversi now, 2 places)."""
    from renja.kinerja.models import RealisasiIku

    tautan = list(TautanIku.objects.filter(periode=periode).select_related("indikator"))
    if not tautan:
        return []
    realisasi = {
        (r.indikator_id, r.tahun): r
        for r in RealisasiIku.objects.filter(
            indikator_id__in=[t.indikator_id for t in tautan], tahun__in=[t.tahun for t in tautan]
        )
    }
    keluar = []
    for t in tautan:
        r = realisasi.get((t.indikator_id, t.tahun))
        nilai = None if r is None else r.nilai
        keluar.append({"tautan": t, "nilai": nilai, "sama": nilai is not None and nilai == sekarang})
    return keluar
