"""The seed's kinerja pelayanan (Tabel 2.3, T-C.30) and SPM targets 2026 (second Tabel 3.2) into renja.kinerja,
through its services (spm_2026.yaml)."""

from __future__ import annotations

from renja.kinerja import services as kinerja
from renja.organisasi.models import PerangkatDaerah
from renja.rumus.angka import parse_angka


def _angka(value):
    return None if value is None else parse_angka(str(value))


def load_spm(*, actor, opd: PerangkatDaerah, data: dict) -> int:
    n = 0
    for urutan, item in enumerate(data.get("kinerja_pelayanan") or []):
        tahun = {int(t) for key in ("target", "realisasi", "proyeksi") for t in (item.get(key) or {})}
        nilai = {
            t: {key: _angka((item.get(key) or {}).get(t)) for key in ("target", "realisasi", "proyeksi")}
            for t in sorted(tahun)
        }
        kinerja.kinerja_pelayanan_record(
            actor=actor,
            opd=opd,
            indikator=item["indikator"],
            spm=item.get("spm", ""),
            ikk=item.get("ikk", ""),
            satuan=item.get("satuan", ""),
            catatan=item.get("catatan", ""),
            sumber=item.get("sumber", ""),
            nilai=nilai,
            urutan=urutan,
            system=True,
        )
        n += 1
    for item in data.get("spm_target") or []:
        kinerja.spm_target_record(
            actor=actor,
            opd=opd,
            tahun=int(item["tahun"]),
            jenis=item["jenis"],
            indikator=item["indikator"],
            target=_angka(item.get("target")),
            satuan=item.get("satuan", ""),
            sumber=item.get("sumber", ""),
            system=True,
        )
        n += 1
    return n
