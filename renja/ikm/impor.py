"""Paper questionnaires: the XLSX template of a period (one row per respondent) and its import through the shared
all-or-nothing importer (renja.inti.impor). Every bad cell is named with its row, column, value and what is allowed;
only when the whole file is clean does renja.ikm.services.responden_import_batch write it, in one transaction.

Columns: Layanan (the layanan's kode), the four profile bands (code or label, blank allowed on paper), U1..U9 (1-4,
blank = not answered, left out of that unsur's NRR), Saran, and T1.. for the period's extra questions."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import TextChoices

from renja.ikm import services as ikm
from renja.ikm.models import (
    JUMLAH_UNSUR,
    SARAN_MAKS,
    TEKS_TAMBAHAN_MAKS,
    ImporIkm,
    JenisKelamin,
    KelompokUsia,
    Layanan,
    Pekerjaan,
    Pendidikan,
    Periode,
    PertanyaanTambahan,
    Unsur,
)
from renja.inti import impor, tabel, unggah
from renja.organisasi import access

NAMA_LEMBAR = "Responden"


def _skala(label: str):
    bulat = impor.bilangan_bulat()

    def urai(nilai):
        try:
            n = bulat(nilai)
        except ValueError:
            n = None
        if n not in (1, 2, 3, 4):
            raise ValueError(f"bukan jawaban {label} yang sah: isi 1, 2, 3 atau 4 (kosongkan bila tidak dijawab)")
        return n

    return urai


def _pita(pilihan: type[TextChoices]):
    """A profile band: its code ("L", "30-39") or its label ("Perempuan", "30–39 tahun")."""
    peta = {}
    for kode, label in pilihan.choices:
        peta[kode] = kode
        peta[label] = kode
    urai_dasar = impor.pilihan(peta)

    def urai(nilai):
        try:
            return urai_dasar(nilai)
        except ValueError as exc:
            daftar = "; ".join(f"{k} ({lbl})" for k, lbl in pilihan.choices)
            raise ValueError(f"tidak dikenal; isi salah satu: {daftar}") from exc

    return urai


def _keterangan_pita(pilihan: type[TextChoices]) -> str:
    return "Kode atau uraian: " + "; ".join(f"{k} = {lbl}" for k, lbl in pilihan.choices) + ". Boleh kosong."


def skema(periode: Periode) -> impor.Skema:
    """The columns of the period's template: its layanan codes, its questionnaire's unsur and extra questions."""
    kode_layanan = list(Layanan.objects.filter(opd_id=periode.opd_id).order_by("kode").values_list("kode", flat=True))
    unsur = {u.nomor: u for u in Unsur.objects.filter(periode=periode)}
    kolom = [
        impor.Kolom(
            "layanan",
            "Layanan",
            wajib=True,
            urai=impor.pilihan(kode_layanan),
            catatan="Kode layanan: " + ", ".join(kode_layanan),
            contoh=kode_layanan[0] if kode_layanan else "",
        ),
        impor.Kolom("jenis_kelamin", "Jenis kelamin", urai=_pita(JenisKelamin), catatan=_keterangan_pita(JenisKelamin)),
        impor.Kolom("kelompok_usia", "Kelompok usia", urai=_pita(KelompokUsia), catatan=_keterangan_pita(KelompokUsia)),
        impor.Kolom("pendidikan", "Pendidikan", urai=_pita(Pendidikan), catatan=_keterangan_pita(Pendidikan)),
        impor.Kolom("pekerjaan", "Pekerjaan", urai=_pita(Pekerjaan), catatan=_keterangan_pita(Pekerjaan)),
    ]
    for i in range(1, JUMLAH_UNSUR + 1):
        u = unsur.get(i)
        arti = "; ".join(f"{n} = {t}" for n, t in u.pilihan) if u else "1 terburuk sampai 4 terbaik"
        kolom.append(
            impor.Kolom(
                f"u{i}",
                f"U{i}",
                urai=_skala(f"U{i}"),
                catatan=f"{u.nama if u else f'Unsur {i}'}: {arti}. Kosong = tidak dijawab.",
                contoh=4,
                jenis=tabel.Jenis.ANGKA,
                lebar=8,
            )
        )
    kolom.append(
        impor.Kolom(
            "saran", "Saran", urai=impor.teks(maks=SARAN_MAKS), catatan=f"Boleh kosong; paling panjang {SARAN_MAKS}."
        )
    )
    for p in PertanyaanTambahan.objects.filter(periode=periode).order_by("nomor"):
        skala = p.jenis == PertanyaanTambahan.Jenis.SKALA
        kolom.append(
            impor.Kolom(
                f"t{p.nomor}",
                f"T{p.nomor}",
                urai=_skala(f"T{p.nomor}") if skala else impor.teks(maks=TEKS_TAMBAHAN_MAKS),
                catatan=f"Pertanyaan tambahan: {p.teks} " + ("(1-4)" if skala else "(teks bebas)"),
            )
        )
    return impor.Skema(NAMA_LEMBAR, kolom)


def templat_xlsx(periode: Periode) -> bytes:
    return impor.templat_xlsx(skema(periode))


@dataclass(frozen=True)
class HasilImpor:
    impor: ImporIkm
    jumlah: int


def ikm_impor(*, actor, periode: Periode, data: bytes, nama: str = "") -> HasilImpor:
    """Read a filled template (XLSX; CSV with the same headers too) and add its respondents, all or nothing.
    Raises GalatImpor (every bad cell) or BerkasDitolak (not a readable file); nothing is written then."""
    ikm_edit_check(actor, periode)
    jenis = unggah.periksa_unggahan(data, nama=nama or None, boleh={"xlsx", "csv"})
    sk = skema(periode)
    hasil = impor.baca(data, sk, jenis=jenis)
    rekaman = hasil.lembar.get(NAMA_LEMBAR, [])
    if not rekaman and hasil.sah:
        hasil.tolak(impor.Asal(NAMA_LEMBAR), None, "tidak ada baris responden (isi mulai baris 2)")
    pertanyaan = {f"t{p.nomor}": p for p in PertanyaanTambahan.objects.filter(periode=periode)}
    baris = []
    for r in rekaman:
        isian = ikm.Isian(
            jawaban={i: r[f"u{i}"] for i in range(1, JUMLAH_UNSUR + 1)},
            jenis_kelamin=r["jenis_kelamin"] or "",
            kelompok_usia=r["kelompok_usia"] or "",
            pendidikan=r["pendidikan"] or "",
            pekerjaan=r["pekerjaan"] or "",
            saran=r["saran"] or "",
            tambahan={p.pk: r[k] for k, p in pertanyaan.items() if r.get(k) not in (None, "")},
        )
        if r.sah:
            # the service's own bounds, checked here too so that a refusal names this row's cell
            try:
                ikm.responden_periksa(
                    periode=periode, isian=isian, wajib_lengkap=False, pertanyaan=list(pertanyaan.values())
                )
            except ValidationError as exc:
                for kunci, pesan in exc.message_dict.items():
                    hasil.tolak(r, kunci if kunci in r else None, " ".join(pesan))
        baris.append((r["layanan"], isian))
    hasil.periksa()
    batch = ikm.responden_import_batch(actor=actor, periode=periode, baris=baris, nama_berkas=nama)
    return HasilImpor(batch, batch.jumlah)


def ikm_edit_check(actor, periode: Periode) -> None:
    access.access_ikm_edit(actor, periode.opd)
