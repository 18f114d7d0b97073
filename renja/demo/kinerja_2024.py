"""The seed's 2024 IKU (Tabel 2.2) into renja.kinerja: the transition Renstra 2024-2026 as far as the seed shows it
(its sasaran and their IKU with the 2023 and 2024 targets of renja_2024_realisasi.yaml `renstra_2024_2026`), the 2024
and 2023 realisation with the figures behind it (15.216 of 125.326 PPKS), and the programs supporting each IKU in
Tabel 3.9 and 3.16. The seed names no tujuan for that Renstra: one placeholder tujuan says so."""

from __future__ import annotations

from decimal import Decimal

from renja.kinerja import services as kinerja
from renja.organisasi.models import PerangkatDaerah
from renja.perencanaan.models import Renstra, RenstraIndikator, RenstraSasaran, RenstraTarget, RenstraTujuan
from renja.perencanaan.targets import Target, parse_target

# Tabel 3.9 (baris 572-605): IKU "Persentase PPKS binaan yang mandiri"; Tabel 3.16 (baris 778-790): "... PSKS ...".
PENDUKUNG_2024 = {
    "Persentase PPKS binaan yang mandiri": ["1.06.04", "1.06.06", "1.06.05"],
    "Persentase PSKS yang berfungsi": ["1.06.02"],
}


def _t(value, where):
    return parse_target(None if value is None else str(value), wajib=False, label=where)


def load_kinerja_2024(*, actor, opd: PerangkatDaerah, data: dict) -> Renstra:
    renstra = Renstra.objects.create(opd=opd, tahun_awal=2024, tahun_akhir=2026)
    tujuan = RenstraTujuan.objects.create(
        renstra=renstra, kode="T", uraian="(tujuan Renstra 2024-2026 tidak tertulis di seed)", urutan=0
    )
    targets = {r["indikator"]: r for r in data["renstra_2024_2026"]}
    sasaran: dict[str, RenstraSasaran] = {}
    for n, iku in enumerate(data["iku"]):
        if iku["sasaran"] not in sasaran:
            sasaran[iku["sasaran"]] = RenstraSasaran.objects.create(
                tujuan=tujuan, kode=f"S{len(sasaran) + 1}", uraian=iku["sasaran"], urutan=len(sasaran)
            )
        ind = RenstraIndikator.objects.create(
            sasaran=sasaran[iku["sasaran"]],
            uraian=iku["indikator"],
            satuan=iku.get("satuan") or "",
            polaritas=iku.get("polaritas", "naik"),
            urutan=n,
        )
        for tahun, value in (targets.get(iku["indikator"], {}).get("target") or {}).items():
            t = _t(value, f"target IKU {iku['indikator'][:40]} {tahun}")
            RenstraTarget.objects.create(indikator=ind, tahun=int(tahun), nilai=t.nilai, grade=t.grade)
        angka = iku.get("angka") or {}
        basis = angka.get("jumlah_ppks") or angka.get("jumlah_psks")
        jumlah = angka.get("realisasi_orang") or angka.get("psks_berfungsi")
        pendukung = [f"{k} {v}" for k, v in angka.items() if k.startswith("nilai_") or k.startswith("predikat")]
        kinerja.realisasi_iku_record(
            actor=actor,
            indikator=ind,
            tahun=2024,
            nilai=Target() if basis else _t(iku["realisasi"], f"realisasi IKU {iku['indikator'][:40]}"),
            jumlah_realisasi=Decimal(int(jumlah)) if basis else None,
            jumlah_basis=Decimal(int(basis)) if basis else None,
            nilai_pendukung=", ".join(pendukung),
            keterangan=iku.get("catatan", ""),
            sumber=iku.get("sumber", ""),
            system=True,
        )
        sebelum = iku.get("tahun_sebelumnya")
        if sebelum:
            kinerja.realisasi_iku_record(
                actor=actor,
                indikator=ind,
                tahun=int(sebelum["tahun"]),
                nilai=_t(sebelum["realisasi"], f"realisasi IKU {sebelum['tahun']}"),
                sumber=iku.get("sumber", ""),
                system=True,
            )
        if iku["indikator"] in PENDUKUNG_2024:
            kinerja.iku_pendukung_set(
                actor=actor, indikator=ind, tahun=2024, kode_program=PENDUKUNG_2024[iku["indikator"]], system=True
            )
    return renstra


def load_basis_2024(*, actor, opd: PerangkatDaerah, data: dict) -> int:
    """Per indicator of the 2024 Renja, what the seed's Tabel 2.1 gives beyond 2024 itself: the realisation up to
    2023 (T-C.29 column 5) and the 2025 target (column 9, Renja 2025 is not in the demo). The Renstra's end target
    is not printed (Tabel 2.1 prints the 2023 target there), so it stays empty."""
    n = 0
    for item in data["baris"]:
        for urutan, ind in enumerate(item.get("indikator") or []):
            sebelum = ind.get("tahun_sebelumnya") or {}
            renstra = ind.get("renstra") or {}
            if not sebelum and not renstra:
                continue
            kinerja.capaian_renstra_awal_record(
                actor=actor,
                opd=opd,
                kode=str(item["kode"]),
                urutan=urutan,
                target_akhir=Target(),
                sampai_tahun=int(sebelum["tahun"]) if sebelum.get("realisasi") is not None else None,
                realisasi=_t(sebelum.get("realisasi"), f"realisasi {sebelum.get('tahun')} {item['kode']}"),
                target_berikut=_t(renstra.get("target_2025"), f"target 2025 {item['kode']}"),
                sumber=ind.get("sumber", ""),
                system=True,
            )
            n += 1
    return n
