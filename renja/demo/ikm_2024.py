"""The dinas' 2024 satisfaction survey (renja/demo/data/ikm_2024.yaml): three layanan, the period "2024" and 100
synthetic respondents whose answers give IKM 92,06, mutu A, Sangat Baik (the arithmetic is in the data file), loaded
through the survey's own services (the paper-import batch, sumber "demo"), then taken as the realisation of the IKU
"Nilai Indeks Kepuasan Masyarakat (IKM)" 2024 through the IKU link."""

from __future__ import annotations

from renja.ikm import services as ikm
from renja.ikm.models import Periode
from renja.ikm.services_iku import iku_tautkan
from renja.organisasi.models import PerangkatDaerah
from renja.perencanaan.models import RenstraIndikator

JUMLAH = 100


def _sebar(jumlah: dict | list, langkah: int, geser: int = 0) -> list:
    """Respondent k gets item ((k x langkah + geser) mod 100) of the expanded list: a permutation when langkah
    shares no factor with 100, so the counts stay exactly as written."""
    items = list(jumlah.items()) if isinstance(jumlah, dict) else list(enumerate(jumlah, start=1))
    daftar = [nilai for nilai, n in items for _ in range(int(n))]
    if len(daftar) != JUMLAH:
        raise ValueError(f"data IKM demo: {items} menjumlah {len(daftar)}, bukan {JUMLAH}")
    return [daftar[(k * langkah + geser) % JUMLAH] for k in range(JUMLAH)]


def load_ikm_2024(*, actor, opd: PerangkatDaerah, data: dict) -> Periode:
    p = data["periode"]
    periode = ikm.periode_create(
        actor=actor,
        opd=opd,
        kode=str(p["kode"]),
        nama=p["nama"],
        mulai=p["mulai"],
        selesai=p["selesai"],
        terbuka=p["terbuka"],
    )
    layanan_per_responden: list[str] = []
    for lay in data["layanan"]:
        ikm.layanan_create(actor=actor, opd=opd, kode=lay["kode"], nama=lay["nama"], populasi=lay["populasi"])
        layanan_per_responden += [lay["kode"]] * int(lay["responden"])
    if len(layanan_per_responden) != JUMLAH:
        raise ValueError(f"data IKM demo: responden per layanan menjumlah {len(layanan_per_responden)}")
    langkah = int(data["langkah_jawaban"])
    jawaban = {int(u): _sebar(c, langkah, 11 * int(u)) for u, c in data["jawaban"].items()}
    profil = {f: _sebar(v["jumlah"], int(v["langkah"])) for f, v in data["profil"].items()}
    saran = {int(k): v for k, v in (data.get("saran") or {}).items()}
    baris = [
        (
            layanan_per_responden[k],
            ikm.Isian(
                jawaban={u: jawaban[u][k] for u in jawaban},
                saran=saran.get(k, ""),
                **{f: profil[f][k] for f in profil},
            ),
        )
        for k in range(JUMLAH)
    ]
    ikm.responden_import_batch(
        actor=actor, periode=periode, baris=baris, nama_berkas="ikm_2024.yaml (sintetis)", sumber="demo"
    )
    iku = data.get("iku")
    if iku:
        indikator = (
            RenstraIndikator.objects.filter(uraian=iku["indikator"], sasaran__tujuan__renstra__opd=opd)
            .filter(
                sasaran__tujuan__renstra__tahun_awal__lte=iku["tahun"],
                sasaran__tujuan__renstra__tahun_akhir__gte=iku["tahun"],
            )
            .first()
        )
        if indikator is not None:
            iku_tautkan(actor=actor, periode=periode, indikator=indikator, tahun=int(iku["tahun"]))
    return periode
