"""Narrative placeholders that need realisation: the evaluation of the year n-2 (BAB II 2.1 of the seed, lines
137-139: "6 Program dengan 14 Kegiatan dan 44 sub kegiatan, dengan Pagu Anggaran sebesar Rp. 31.132.479.236 (...)
dengan realisasi sebesar Rp. 27.935.447.177 atau 89,73%").

perencanaan cannot import monev, so these live here and callers combine the catalogs:
``katalog_perencanaan() | katalog_monev()`` (renja/urls.py does so for the editor). The figures are those of
``evaluasi_renja`` (the same rule as Tabel E.81 and T-C.29): the Renja of the same OPD for tahun - 2, the whole
year; totals over the sub kegiatan with data (the demo's 2024 holds pagu for 21 of its 69 sub kegiatan, so its
figures differ from the seed's sentence: narasi_2026.yaml says why).
"""

from __future__ import annotations

from renja.monev.evaluasi import evaluasi_renja
from renja.perencanaan.models import Renja
from renja.perencanaan.narasi import Isian, Katalog, NarasiGalat, cache_narasi, rupiah_terbilang
from renja.rumus.angka import format_angka, format_persen, format_rupiah


def _evaluasi(tahap):
    def hitung():
        tahun = tahap.renja.tahun - 2
        renja = Renja.objects.filter(opd_id=tahap.renja.opd_id, tahun=tahun).first()
        if renja is None:
            raise NarasiGalat([f"Renja {tahun} perangkat daerah ini tidak ada; evaluasinya tidak dapat dikutip."])
        return evaluasi_renja(renja=renja)

    return cache_narasi(("evaluasi_n2", tahap.renja_id), hitung)


def _ada(nilai, apa: str, tahap):
    if nilai is None:
        raise NarasiGalat([f"{apa} Renja {tahap.renja.tahun - 2} belum ada datanya (realisasi belum diisi)."])
    return nilai


def _jumlah(tahap, level: str) -> str:
    ev = _evaluasi(tahap)
    if level == "program":
        return format_angka(len(ev.program))
    if level == "kegiatan":
        return format_angka(sum(len(p.anak) for p in ev.program))
    return format_angka(len(ev.sub_kegiatan))


def katalog_monev() -> Katalog:
    def tanpa(fungsi):
        return lambda tahap, argumen: fungsi(tahap)

    return Katalog(
        {
            "evaluasi_jumlah_program": Isian(
                "Evaluasi tahun n-2: jumlah program", "6", tanpa(lambda t: _jumlah(t, "program"))
            ),
            "evaluasi_jumlah_kegiatan": Isian(
                "Evaluasi tahun n-2: jumlah kegiatan", "16", tanpa(lambda t: _jumlah(t, "kegiatan"))
            ),
            "evaluasi_jumlah_sub_kegiatan": Isian(
                "Evaluasi tahun n-2: jumlah sub kegiatan", "69", tanpa(lambda t: _jumlah(t, "sub_kegiatan"))
            ),
            "evaluasi_pagu": Isian(
                "Evaluasi tahun n-2: pagu (sub kegiatan berdata)",
                "Rp 14.099.806.296",
                tanpa(lambda t: format_rupiah(_ada(_evaluasi(t).pagu_total, "Pagu", t))),
            ),
            "evaluasi_pagu_terbilang": Isian(
                "Evaluasi tahun n-2: pagu, terbilang (argumen gaya: kecil, kalimat, judul, kapital)",
                "empat belas miliar sembilan puluh sembilan juta delapan ratus enam ribu dua ratus sembilan puluh "
                "enam rupiah",
                lambda t, a: rupiah_terbilang(_ada(_evaluasi(t).pagu_total, "Pagu", t), a),
                argumen="gaya terbilang",
            ),
            "evaluasi_realisasi": Isian(
                "Evaluasi tahun n-2: realisasi keuangan",
                "Rp 12.031.244.879",
                tanpa(lambda t: format_rupiah(_ada(_evaluasi(t).realisasi_total, "Realisasi", t))),
            ),
            "evaluasi_serapan": Isian(
                "Evaluasi tahun n-2: serapan anggaran",
                "85,33%",
                tanpa(lambda t: format_persen(_ada(_evaluasi(t).serapan.persen, "Serapan", t))),
            ),
            "evaluasi_capaian": Isian(
                "Evaluasi tahun n-2: rata-rata capaian kinerja (rata-rata persentase)",
                "99,94%",
                tanpa(lambda t: format_persen(_ada(_evaluasi(t).capaian_rata_rata, "Capaian", t))),
            ),
        }
    )
