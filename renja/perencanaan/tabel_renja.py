"""The planning tables of the Renja document as renja.inti.tabel models (the dokumen app renders them):

* T-C.33, BAB IV: rencana program, kegiatan dan sub kegiatan tahun n dan prakiraan maju n+1 (the seed's SIPD table,
  baris 1229-1402, 17 numbered columns; REGULASI.md §3.2);
* T-C.31, BAB II 2.4: review terhadap rancangan (akhir) RKPD, i.e. the diff of two stages (the seed's first
  Tabel 2.19, baris 858-1000), from the same selector as the diff page;
* Tabel 3.1: indikator kinerja utama of the Renstra with targets per year (baris 1053-1061);
* the national priority mapping (the seed's Asta Cita table, baris 1023-1036).

Figures come from the data as stored; totals are derived (perencanaan.selectors); a cell the data does not hold
stays empty (None), never 0 and never invented.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import zip_longest

from renja.inti.tabel import Baris, Gaya, Jenis, Kolom, Sel, Tabel
from renja.perencanaan.models import Level, Renstra, Tahap
from renja.perencanaan.selectors import Node, renja_tree, renstra_program_table, tahap_diff
from renja.perencanaan.targets import Target, target_of
from renja.rumus import angka

__all__ = ["tabel_tc33", "tabel_tc31", "tabel_iku", "tabel_prioritas"]

GAYA = {Level.PROGRAM: Gaya.PROGRAM, Level.KEGIATAN: Gaya.KEGIATAN, Level.SUB_KEGIATAN: Gaya.BIASA}
TINGKAT = {Level.PROGRAM: 0, Level.KEGIATAN: 1, Level.SUB_KEGIATAN: 2}
CATATAN_KOSONG = "Sel kosong = data tidak ada (bukan 0)."


def _nilai(t: Target):
    """A target cell: the number, a grade as text, or None."""
    if t.kosong:
        return None
    return t.grade or t.nilai


def _lokasi(node: Node | None) -> str:
    if node is None:
        return ""
    return ", ".join(x for x in (node.row.lokasi or []) if x)


def _penuh(kolom: list[Kolom], nilai: dict) -> dict:
    """Every column of a body row present (None when empty), so a renderer that walks the cells keeps the grid."""
    return {k.kunci: nilai.get(k.kunci) for k in kolom}


def _opd_judul(tahap: Tahap) -> str:
    opd = tahap.renja.opd
    return f"{opd.nama} {opd.pemda.nama}"


# --- T-C.33 ------------------------------------------------------------------------------------------------


def tabel_tc33(tahap: Tahap, *, capaian_lalu: dict[tuple[str, int], tuple] | None = None) -> Tabel:
    """T-C.33 of a stage: one line per indicator (the first line of a row carries its code, name and money).

    Columns 5-7 (Renstra end target, realisation n-2, estimate n-1) belong to the evaluation (kinerja); a higher
    app may pass them as ``capaian_lalu[(kode, urutan)] = (t5, t6, t7)`` (Target each); otherwise they are empty.
    """
    capaian_lalu = capaian_lalu or {}
    n = tahap.renja.tahun
    tree = renja_tree(tahap=tahap)
    kolom = [
        Kolom("no", "No", lebar=5),
        Kolom("kode", "Kode", lebar=20),
        Kolom("uraian", "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan", lebar=40),
        Kolom("indikator", "Indikator Program/Kegiatan/Sub Kegiatan", lebar=36),
        Kolom("t_renstra", "Target Akhir Periode Renstra PD", Jenis.DESIMAL),
        Kolom("r_n2", f"Realisasi Capaian Renja PD Tahun {n - 2}", Jenis.DESIMAL),
        Kolom("p_n1", f"Prakiraan Capaian Target Renja PD Tahun {n - 1}", Jenis.DESIMAL),
        Kolom("target", f"Target {n}", Jenis.DESIMAL, lebar=10),
        Kolom("satuan", "Satuan", lebar=12),
        Kolom("pagu", "Pagu Indikatif (Rp)", Jenis.RUPIAH, desimal=0, lebar=20),
        Kolom("lokasi", "Lokasi", lebar=24),
        Kolom("sumber_dana", "Sumber Dana", lebar=12),
        Kolom("prioritas_nasional", "Prioritas Nasional", lebar=36),
        Kolom("prioritas_daerah", "Prioritas Daerah", lebar=20),
        Kolom("kelompok_sasaran", "Kelompok Sasaran", lebar=22),
        Kolom("target_n1", f"Target {n + 1}", Jenis.DESIMAL, lebar=10),
        Kolom("satuan_n1", "Satuan", lebar=12),
        Kolom("pagu_n1", f"Pagu Indikatif {n + 1} (Rp)", Jenis.RUPIAH, desimal=0, lebar=20),
        Kolom("unit", "Perangkat Daerah Penanggung Jawab", lebar=22),
    ]
    kepala = [
        [
            Sel("No", rowspan=3),
            Sel("Kode", rowspan=3),
            Sel(kolom[2].judul, rowspan=3),
            Sel(kolom[3].judul, rowspan=3),
            Sel(kolom[4].judul, rowspan=3),
            Sel(kolom[5].judul, rowspan=3),
            Sel(kolom[6].judul, rowspan=3),
            Sel("Capaian Kinerja dan Kerangka Pendanaan", colspan=7),
            Sel("Kelompok Sasaran", rowspan=3),
            Sel(f"Prakiraan Maju Rencana Tahun {n + 1}", colspan=3),
            Sel("Perangkat Daerah Penanggung Jawab", rowspan=3),
        ],
        [
            Sel(f"Target {n}", colspan=2, rowspan=2),
            Sel("Pagu Indikatif (Rp)", rowspan=2),
            Sel("Lokasi", rowspan=2),
            Sel("Sumber Dana", rowspan=2),
            Sel("Prioritas", colspan=2),
            Sel("Target", colspan=2, rowspan=2),
            Sel("Pagu Indikatif (Rp)", rowspan=2),
        ],
        ["Nasional", "Daerah"],
    ]
    baris: list[Baris] = []
    no = 0
    for node in tree.flat():
        r = node.row
        if node.level == Level.PROGRAM:
            no += 1
        sub = node.level == Level.SUB_KEGIATAN
        indikator = list(node.indikator) or [None]
        for i, ind in enumerate(indikator):
            pertama = i == 0
            lalu = capaian_lalu.get((r.kode, ind.urutan)) if ind is not None else None
            t5, t6, t7 = lalu if lalu else (Target(), Target(), Target())
            nilai = {
                "no": str(no) if pertama and node.level == Level.PROGRAM else "",
                "kode": r.kode if pertama else "",
                "uraian": r.nama if pertama else "",
                "indikator": ind.uraian if ind else "",
                "t_renstra": _nilai(t5),
                "r_n2": _nilai(t6),
                "p_n1": _nilai(t7),
                "target": _nilai(target_of(ind)) if ind else None,
                "satuan": ind.satuan if ind else "",
            }
            if pertama:
                prakiraan = target_of(r, "prakiraan_target")
                nilai.update(
                    {
                        "pagu": node.pagu,
                        "lokasi": _lokasi(node),
                        "sumber_dana": node.sumber_dana if sub else "",
                        "prioritas_nasional": r.prioritas_nasional,
                        "prioritas_daerah": r.prioritas_daerah,
                        "kelompok_sasaran": r.kelompok_sasaran,
                        "target_n1": _nilai(prakiraan),
                        "satuan_n1": r.prakiraan_satuan if not prakiraan.kosong else "",
                        # a sub kegiatan's n+1 pagu is typed (None = not known); program and kegiatan sum theirs
                        "pagu_n1": (r.prakiraan_pagu if sub else node.prakiraan_pagu),
                        "unit": r.unit.nama if r.unit_id else "",
                    }
                )
            baris.append(Baris(_penuh(kolom, nilai), gaya=GAYA[node.level], tingkat=TINGKAT[node.level]))
    catatan = [CATATAN_KOSONG, "Pagu program dan kegiatan = jumlah pagu sub kegiatannya."]
    if tree.prakiraan_kosong:
        catatan.append(
            f"Prakiraan maju {n + 1}: {tree.prakiraan_kosong} sub kegiatan belum memiliki pagu, jumlah {n + 1} "
            "belum lengkap."
        )
    kaki = [
        Baris(
            {
                "no": Sel("TOTAL", colspan=9),
                "pagu": tree.total_pagu,
                "pagu_n1": tree.total_prakiraan_pagu,
            },
            gaya=Gaya.TOTAL,
        ),
        Baris([Sel("Catatan", 3), Sel(" ".join(catatan), len(kolom) - 3)]),
    ]
    return Tabel(
        kolom=kolom,
        baris=baris,
        judul=[
            f"Tabel T-C.33 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {n} dan Prakiraan Maju "
            f"Tahun {n + 1}",
            f"{_opd_judul(tahap)} — tahap {tahap}",
        ],
        kepala=kepala,
        # target and its satuan share one number, as the form prints "4 Laporan" in one cell
        nomor_kolom=[1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 1],
        kaki=kaki,
        nama_lembar="T-C.33",
        kolom_tingkat="uraian",
    )


# --- T-C.31 ------------------------------------------------------------------------------------------------


def tabel_tc31(tahap_rkpd: Tahap, tahap: Tahap) -> Tabel:
    """T-C.31: the RKPD stage (left) against the OPD's stage (right, the needs analysis), with the changes the
    diff page lists (renja.perencanaan.selectors.tahap_diff) as the catatan penting."""
    diff = tahap_diff(a=tahap_rkpd, b=tahap)
    n = tahap.renja.tahun
    kolom = [Kolom("no", "No", lebar=5)]
    for sisi in ("a", "b"):
        kolom += [
            Kolom(f"{sisi}_uraian", "Program/Kegiatan/Sub Kegiatan", lebar=36),
            Kolom(f"{sisi}_lokasi", "Lokasi", lebar=18),
            Kolom(f"{sisi}_indikator", "Indikator Kinerja", lebar=32),
            Kolom(f"{sisi}_target", "Target Capaian", Jenis.DESIMAL, lebar=10),
            Kolom(f"{sisi}_satuan", "Satuan", lebar=10),
            Kolom(
                f"{sisi}_pagu",
                "Pagu Indikatif (Rp)" if sisi == "a" else "Kebutuhan Dana (Rp)",
                Jenis.RUPIAH,
                desimal=0,
                lebar=18,
            ),
        ]
    kolom.append(Kolom("catatan", "Catatan Penting", lebar=40))
    sub = ["Program/Kegiatan", "Lokasi", "Indikator Kinerja", Sel("Target Capaian", colspan=2)]
    kepala = [
        [
            Sel("No", rowspan=2),
            Sel(f"{tahap_rkpd} Tahun {n}", colspan=6),
            Sel(f"Hasil Analisis Kebutuhan ({tahap})", colspan=6),
            Sel("Catatan Penting", rowspan=2),
        ],
        [*sub, "Pagu Indikatif (Rp)", *sub, "Kebutuhan Dana (Rp)"],
    ]
    baris: list[Baris] = []
    no = 0
    for d in diff.rows:
        ref = d.b or d.a
        if ref.level == Level.PROGRAM:
            no += 1
        ind_a = list(d.a.row.indikator.all()) if d.a else []
        ind_b = list(d.b.row.indikator.all()) if d.b else []
        for i, (ia, ib) in enumerate(list(zip_longest(ind_a, ind_b)) or [(None, None)]):
            pertama = i == 0
            nilai = {"no": str(no) if pertama and ref.level == Level.PROGRAM else ""}
            for sisi, node, ind in (("a", d.a, ia), ("b", d.b, ib)):
                nilai[f"{sisi}_indikator"] = ind.uraian if ind else ""
                nilai[f"{sisi}_target"] = _nilai(target_of(ind)) if ind else None
                nilai[f"{sisi}_satuan"] = ind.satuan if ind else ""
                if pertama and node is not None:
                    nilai[f"{sisi}_uraian"] = f"{node.row.kode} {node.row.nama}"
                    nilai[f"{sisi}_lokasi"] = _lokasi(node)
                    nilai[f"{sisi}_pagu"] = node.pagu
            if pertama:
                nilai["catatan"] = "; ".join(d.perubahan) if d.status != "sama" else ""
            baris.append(Baris(_penuh(kolom, nilai), gaya=GAYA[ref.level], tingkat=TINGKAT[ref.level]))
    kaki = [
        Baris(
            {
                "no": Sel("TOTAL", colspan=6),
                "a_pagu": diff.a.total_pagu,
                "b_uraian": Sel("", colspan=5),
                "b_pagu": diff.b.total_pagu,
                "catatan": f"selisih {angka.format_rupiah(diff.selisih_total)}" if diff.selisih_total else "",
            },
            gaya=Gaya.TOTAL,
        ),
        Baris(
            [
                Sel("Catatan", 1),
                Sel(
                    f"{CATATAN_KOSONG} Catatan penting = perubahan yang sama dengan halaman selisih tahap: "
                    f"{diff.count('ubah')} baris berubah, {diff.count('tambah')} baris baru, "
                    f"{diff.count('hapus')} baris dihapus.",
                    len(kolom) - 1,
                ),
            ]
        ),
    ]
    return Tabel(
        kolom=kolom,
        baris=baris,
        judul=[f"Tabel T-C.31 Review terhadap {tahap_rkpd} Tahun {n}", _opd_judul(tahap)],
        kepala=kepala,
        nomor_kolom=[1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1],
        kaki=kaki,
        nama_lembar="T-C.31",
        kolom_tingkat="a_uraian",
    )


# --- Tabel 3.1: IKU of the Renstra ------------------------------------------------------------------------


def tabel_iku(renstra: Renstra) -> Tabel:
    """Tabel 3.1: tujuan, sasaran, indikator and the target of each year of the Renstra. A tujuan's own
    indicators come first on its line with the sasaran cell empty, as the seed prints them."""
    tahun = renstra.tahun_list
    kolom = [
        Kolom("no", "No", lebar=5),
        Kolom("tujuan", "Tujuan", lebar=36),
        Kolom("sasaran", "Sasaran", lebar=36),
        Kolom("indikator", "Indikator", lebar=36),
        Kolom("satuan", "Satuan", lebar=8),
        *(Kolom(f"t{t}", str(t), Jenis.DESIMAL, lebar=9) for t in tahun),
        Kolom("ket", "Ket", lebar=14),
    ]
    kepala = [
        [
            Sel("No", rowspan=2),
            Sel("Tujuan", rowspan=2),
            Sel("Sasaran", rowspan=2),
            Sel("Indikator", rowspan=2),
            Sel("Satuan", rowspan=2),
            Sel("Target Tahun", colspan=len(tahun)),
            Sel("Ket", rowspan=2),
        ],
        [str(t) for t in tahun],
    ]
    tujuan_list = list(
        renstra.tujuan.prefetch_related("indikator__target", "sasaran__indikator__target").order_by("urutan", "id")
    )
    baris: list[Baris] = []

    def line(no: str, tujuan: str, sasaran: str, ind) -> Baris:
        targets = {x.tahun: x for x in ind.target.all()} if ind else {}
        nilai = {"no": no, "tujuan": tujuan, "sasaran": sasaran}
        if ind is not None:
            nilai.update({"indikator": ind.uraian, "satuan": ind.satuan})
            for t in tahun:
                nilai[f"t{t}"] = _nilai(Target(targets[t].nilai, targets[t].grade)) if t in targets else None
        return Baris(_penuh(kolom, nilai))

    for n, tj in enumerate(tujuan_list, start=1):
        pertama = True
        for ind in tj.indikator.all():
            baris.append(line(str(n) if pertama else "", tj.uraian if pertama else "", "", ind))
            pertama = False
        for s in tj.sasaran.all():
            inds = list(s.indikator.all()) or [None]
            for j, ind in enumerate(inds):
                baris.append(
                    line(str(n) if pertama else "", tj.uraian if pertama else "", s.uraian if j == 0 else "", ind)
                )
                pertama = False
        if pertama:
            baris.append(line(str(n), tj.uraian, "", None))
    return Tabel(
        kolom=kolom,
        baris=baris,
        judul=["Tabel 3.1 Indikator Kinerja Utama", f"{renstra.opd.nama} — Renstra {tahun[0]}-{tahun[-1]}"],
        kepala=kepala,
        kaki=[Baris([Sel("Catatan", 2), Sel(CATATAN_KOSONG, len(kolom) - 2)])],
        nama_lembar="Tabel 3.1 IKU",
    )


# --- national priority mapping (Asta Cita) ------------------------------------------------------------------


def _bidang_urusan(tahap: Tahap) -> str:
    from renja.nomenklatur.models import Nomenklatur

    opd = tahap.renja.opd
    nama = (
        Nomenklatur.objects.filter(versi_id=tahap.renja.nomenklatur_versi_id, kode=opd.bidang_urusan)
        .values_list("nama", flat=True)
        .first()
    )
    if not nama:
        return opd.bidang_urusan
    nama = nama.upper().removeprefix("URUSAN PEMERINTAHAN BIDANG ").strip()
    return nama.title()


def tabel_prioritas(tahap: Tahap, *, renstra: Renstra | None = None) -> Tabel:
    """Program dukungan perangkat daerah terhadap prioritas nasional (the seed's Asta Cita table): each national
    priority named on the stage's rows, the programs whose rows carry it, their pagu indikatif per Renstra year
    (Renstra programme table: a program's pagu is the sum of its kegiatan; empty where the Renstra holds none) and
    the bidang urusan in charge. One column of ours: the pagu of year n of the sub kegiatan that carry the priority.
    The Renstra defaults to the one the Renja names."""
    renstra = renstra if renstra is not None else tahap.renja.renstra
    tree = renja_tree(tahap=tahap)
    n = tahap.renja.tahun
    tahun = renstra.tahun_list if renstra else list(range(n - 1, n + 4))
    pagu_renstra: dict[str, dict[int, Decimal]] = {}
    if renstra is not None:
        for p in renstra_program_table(renstra=renstra).programs:
            if any(k.pagu for k in p.children):
                pagu_renstra[p.program.kode] = p.pagu
    # priority -> program kode -> pagu n of its sub kegiatan carrying it; a program row's own priority counts too
    urutan: dict[str, dict[str, Decimal]] = {}
    nama_program: dict[str, str] = {}
    for p in tree.programs:
        nama_program[p.row.kode] = p.row.nama
        if p.row.prioritas_nasional.strip():
            urutan.setdefault(p.row.prioritas_nasional.strip(), {}).setdefault(p.row.kode, Decimal(0))
        for k in p.children:
            for s in [k, *k.children]:
                pn = s.row.prioritas_nasional.strip()
                if not pn:
                    continue
                per_program = urutan.setdefault(pn, {})
                per_program[p.row.kode] = per_program.get(p.row.kode, Decimal(0)) + (
                    s.pagu if s.level == Level.SUB_KEGIATAN else Decimal(0)
                )
    bidang = _bidang_urusan(tahap)
    kolom = [
        Kolom("prioritas", "Prioritas Nasional", lebar=48),
        Kolom("program", "Program", lebar=40),
        *(Kolom(f"p{t}", str(t), Jenis.RUPIAH, desimal=0, lebar=17) for t in tahun),
        Kolom("pengampu", "PD Pengampu Bidang Urusan", lebar=16),
        Kolom("pagu_n", f"Pagu Renja {n} sub kegiatan berprioritas ini (Rp)", Jenis.RUPIAH, desimal=0, lebar=20),
    ]
    kepala = [
        [
            Sel("Prioritas Nasional (Asta Cita)", rowspan=2),
            Sel("Program", rowspan=2),
            Sel("Pagu Indikatif Renstra (Rp)", colspan=len(tahun)),
            Sel("PD Pengampu Bidang Urusan", rowspan=2),
            Sel("Tambahan aplikasi", rowspan=1),
        ],
        [*(str(t) for t in tahun), Sel(kolom[-1].judul)],
    ]
    baris = []
    for pn, programs in urutan.items():
        baris.append(Baris(_penuh(kolom, {"prioritas": pn}), gaya=Gaya.PROGRAM))
        for kode, pagu_n in programs.items():
            per_tahun = pagu_renstra.get(kode, {})
            baris.append(
                Baris(
                    _penuh(
                        kolom,
                        {
                            "program": f"{kode} {nama_program[kode]}",
                            **{f"p{t}": per_tahun.get(t) for t in tahun},
                            "pengampu": bidang,
                            "pagu_n": pagu_n,
                        },
                    ),
                    tingkat=1,
                )
            )
    catatan = CATATAN_KOSONG + " Prioritas nasional dari isian baris Renja (program, kegiatan, sub kegiatan)."
    if not pagu_renstra:
        catatan += " Renstra belum memuat pagu indikatif program: kolom pagu per tahun kosong."
    return Tabel(
        kolom=kolom,
        baris=baris,
        judul=[
            "Program Dukungan Perangkat Daerah terhadap Pencapaian Prioritas Nasional (Asta Cita)",
            _opd_judul(tahap),
        ],
        kepala=kepala,
        kaki=[Baris([Sel("Catatan", 2), Sel(catatan, len(kolom) - 2)])],
        nama_lembar="Prioritas Nasional",
        kolom_tingkat="program",
    )
