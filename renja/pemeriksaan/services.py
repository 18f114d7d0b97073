"""Writes of the checker: marking a finding of a stage "diterima" (accepted, with a reason)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from renja.inti.audit import audit_record
from renja.organisasi import access
from renja.pemeriksaan.models import ALASAN_MAKS, Penerimaan
from renja.pemeriksaan.periksa import periksa_tahap
from renja.perencanaan.models import Tahap


def _alasan_bersih(alasan: str) -> str:
    teks = " ".join((alasan or "").split())
    if not teks:
        raise ValidationError("Alasan menerima temuan wajib diisi.", code="alasan")
    if len(teks) > ALASAN_MAKS:
        raise ValidationError(
            f"Alasan menerima temuan terlalu panjang: {len(teks)} karakter, paling banyak {ALASAN_MAKS}.",
            code="alasan",
        )
    return teks


def temuan_terima(*, actor, tahap: Tahap, kunci: str, sidik: str, alasan: str) -> Penerimaan:
    """Mark the finding `kunci` of `tahap` accepted with `alasan`. The finding must still be there with the digest
    the user saw (`sidik`): a finding whose figures changed since the page was opened is refused, not accepted
    unseen. Accepting again (after the data changed) replaces the earlier acceptance; both are audited."""
    access.access_temuan_terima(actor, tahap)
    teks = _alasan_bersih(alasan)
    with transaction.atomic():
        Tahap.objects.select_for_update().filter(pk=tahap.pk).first()
        sekarang = {h.temuan.kunci: h for h in periksa_tahap(tahap)}
        hasil = sekarang.get(kunci)
        if hasil is None:
            raise ValidationError(
                "Temuan ini tidak ada lagi: datanya sudah berubah. Muat ulang halaman.", code="hilang"
            )
        if hasil.temuan.sidik != sidik:
            raise ValidationError(
                "Angka temuan ini berubah sejak halaman dibuka; periksa temuan yang baru lalu terima lagi.",
                code="berubah",
            )
        lama = Penerimaan.objects.filter(tahap=tahap, kunci=kunci).first()
        sebelum = {"sidik": lama.sidik, "alasan": lama.alasan, "pesan": lama.pesan} if lama else None
        p = lama or Penerimaan(tahap=tahap, kunci=kunci)
        p.aturan = hasil.temuan.aturan
        p.sidik = sidik
        p.alasan = teks
        p.pesan = hasil.temuan.pesan
        p.diterima_oleh = actor if getattr(actor, "pk", None) else None
        p.full_clean()
        p.save()
        audit_record(
            actor=actor,
            event_type="update" if lama else "create",
            action="temuan_terima",
            obj=p,
            scope=str(tahap.renja.opd_id),
            old=sebelum,
            new={"kunci": kunci, "sidik": sidik, "alasan": teks, "pesan": p.pesan},
        )
    return p
