"""Evaluation pages (E.81, T-C.29, LKjIP): parse, call the selectors, render the table model as HTML or .xlsx."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from renja.inti.tabel import tulis_xlsx
from renja.kinerja import selectors, services
from renja.kinerja.html import tabel_html
from renja.kinerja.models import JenisPelayananDasar, MetodeEfisiensi
from renja.kinerja.tabel import tabel_alokasi, tabel_e81, tabel_iku, tabel_tc29
from renja.kinerja.tabel_spm import tabel_spm, tabel_tc30
from renja.monev.selectors import renja_monev_get
from renja.organisasi import access
from renja.perencanaan.models import Renja
from renja.perencanaan.targets import Target, format_nilai, parse_target
from renja.rumus.angka import parse_angka
from renja.rumus.spm import JenisPelayananDasar as JenisPelayananDasarRumus

HALAMAN = ("e81", "tc29", "lkjip", "basis")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _renja(request, renja_id: int) -> Renja:
    try:
        return renja_monev_get(user=request.user, renja_id=renja_id)
    except Renja.DoesNotExist as exc:
        raise Http404("Renja tidak ditemukan.") from exc


def _triwulan(request) -> int | None:
    tw = request.GET.get("triwulan") or ""
    if tw in ("", "tahun"):
        return None
    if tw not in ("1", "2", "3", "4"):
        raise Http404("Triwulan hanya I sampai IV.")
    return int(tw)


def _xlsx(tables, nama: str) -> HttpResponse:
    response = HttpResponse(tulis_xlsx(tables), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
    return response


def _page(request, renja, ev, tables, *, judul: str, halaman: str):
    return render(
        request,
        "kinerja/evaluasi.html",
        {
            "renja": renja,
            "ev": ev,
            "tables": [tabel_html(t) for t in tables],
            "judul": judul,
            "halaman": halaman,
            "triwulan": ev.triwulan,
            "metode_pilihan": MetodeEfisiensi.choices,
            "can_edit": access.can_edit_kinerja(request.user, renja.opd),
        },
    )


@access.login_required
def e81(request, renja_id: int):
    renja = _renja(request, renja_id)
    ev = selectors.evaluasi_opd(user=request.user, renja=renja, triwulan=_triwulan(request))
    renstra = selectors.renstra_tahun(renja)
    tabel = tabel_e81(
        ev,
        awal=selectors.capaian_renstra_awal(opd=renja.opd),
        tahun_akhir_renstra=renstra.tahun_akhir if renstra else None,
    )
    if request.GET.get("format") == "xlsx":
        return _xlsx(tabel, f"E81-{renja.opd.kode}-{renja.tahun}-{ev.triwulan or 'tahun'}")
    return _page(request, renja, ev, [tabel], judul="Evaluasi Renja (Tabel E.81)", halaman="e81")


@access.login_required
def tc29(request, renja_id: int):
    renja = _renja(request, renja_id)
    ev = selectors.evaluasi_opd(user=request.user, renja=renja)
    renstra = selectors.renstra_tahun(renja)
    tabel = tabel_tc29(
        ev,
        awal=selectors.capaian_renstra_awal(opd=renja.opd),
        target_n1=selectors.target_tahun_berikut(renja),
        realisasi_n3=selectors.realisasi_tahun_sebelumnya(renja),
        tahun_akhir_renstra=renstra.tahun_akhir if renstra else None,
    )
    if request.GET.get("format") == "xlsx":
        return _xlsx(tabel, f"TC29-{renja.opd.kode}-{renja.tahun}")
    return _page(request, renja, ev, [tabel], judul=f"Tabel T-C.29 (evaluasi Renja {renja.tahun})", halaman="tc29")


@access.login_required
def lkjip(request, renja_id: int):
    renja = _renja(request, renja_id)
    ev = selectors.evaluasi_opd(user=request.user, renja=renja)
    renstra = selectors.renstra_tahun(renja)
    tables = []
    if renstra is not None:
        iku = selectors.iku_evaluasi(renstra=renstra, tahun=renja.tahun)
        if iku:
            tables.append(tabel_iku(iku, tahun=renja.tahun, opd_nama=renja.opd.nama))
        tables += [tabel_alokasi(a, metode=ev.metode) for a in selectors.alokasi_iku(evaluasi=ev, iku=iku)]
    if request.GET.get("format") == "xlsx" and tables:
        return _xlsx(tables, f"LKjIP-{renja.opd.kode}-{renja.tahun}")
    return _page(request, renja, ev, tables, judul=f"Tabel LKjIP {renja.tahun}", halaman="lkjip")


@require_POST
@access.login_required
def metode_efisiensi(request, renja_id: int):
    renja = _renja(request, renja_id)
    try:
        services.efisiensi_metode_set(actor=request.user, opd=renja.opd, metode=request.POST.get("metode", ""))
        messages.success(request, "Metode efisiensi disimpan.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    kembali = request.POST.get("kembali")
    return redirect(f"kinerja:{kembali if kembali in HALAMAN else 'e81'}", renja_id=renja.pk)


def _isi(obj, prefix: str) -> str:
    """A stored number or grade as the user types it ('' when empty, never '-')."""
    if obj is None:
        return ""
    t = Target(getattr(obj, f"{prefix}_nilai"), getattr(obj, f"{prefix}_grade"))
    return "" if t.kosong else t.tampil()


def _target_post(request, name: str, label: str) -> Target:
    return parse_target(request.POST.get(name, ""), wajib=False, label=label)


@access.login_required
def basis(request, renja_id: int):
    """Renstra figures of each indicator that the system cannot compute (T-C.29 columns 4, 5, 9; E.81 5-6)."""
    renja = _renja(request, renja_id)
    ev = selectors.evaluasi_opd(user=request.user, renja=renja)
    can_edit = access.can_edit_kinerja(request.user, renja.opd)
    if request.method == "POST":
        kode, urutan = request.POST.get("kode", ""), request.POST.get("urutan", "")
        if not urutan.isdigit():
            raise Http404("Indikator tidak dikenal.")
        try:
            sampai = request.POST.get("sampai_tahun", "").strip()
            if sampai and not sampai.isdigit():
                raise ValidationError(f"Tahun '{sampai}' bukan angka tahun.")
            services.capaian_renstra_awal_record(
                actor=request.user,
                opd=renja.opd,
                kode=kode,
                urutan=int(urutan),
                target_akhir=_target_post(request, "target_akhir", f"Target akhir Renstra {kode}"),
                sampai_tahun=int(sampai) if sampai else None,
                realisasi=_target_post(request, "realisasi", f"Realisasi s.d. tahun lalu {kode}"),
                target_berikut=_target_post(request, "target_berikut", f"Target tahun berikutnya {kode}"),
            )
            messages.success(request, f"Basis Renstra {kode} disimpan.")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("kinerja:basis", renja_id=renja.pk)
    awal = selectors.capaian_renstra_awal(opd=renja.opd)
    baris = []
    for b in ev.baris():
        for i in b.indikator:
            a = awal.get((b.kode, i.indikator.urutan))
            baris.append(
                {
                    "baris": b,
                    "ind": i,
                    "form_id": f"basis-{b.kode}-{i.indikator.urutan}",
                    "target_akhir": _isi(a, "target_akhir"),
                    "sampai_tahun": a.sampai_tahun if a and a.sampai_tahun else "",
                    "realisasi": _isi(a, "realisasi"),
                    "target_berikut": _isi(a, "target_berikut"),
                }
            )
    return render(request, "kinerja/basis.html", {"renja": renja, "ev": ev, "baris": baris, "can_edit": can_edit})


def _angka_post(request, name: str, label: str):
    teks = request.POST.get(name, "").strip()
    if not teks:
        return None
    try:
        return parse_angka(teks)
    except ValueError as exc:
        raise ValidationError(f"{label} '{teks}' bukan angka (mis. 15.216 atau 12,5).") from exc


@access.login_required
def iku(request, renja_id: int):
    """IKU realisation of the Renja's year with the figures behind it, and the programs supporting each IKU."""
    renja = _renja(request, renja_id)
    access.access_realisasi_view(request.user, renja.opd)
    renstra = selectors.renstra_tahun(renja)
    can_edit = access.can_edit_kinerja(request.user, renja.opd)
    daftar = selectors.iku_evaluasi(renstra=renstra, tahun=renja.tahun) if renstra else []
    if request.method == "POST":
        by_id = {str(i.indikator.pk): i for i in daftar}
        item = by_id.get(request.POST.get("indikator", ""))
        if item is None:
            raise Http404("Indikator tidak dikenal.")
        label = f"IKU '{item.indikator.uraian[:50]}'"
        try:
            with transaction.atomic():
                services.realisasi_iku_record(
                    actor=request.user,
                    indikator=item.indikator,
                    tahun=renja.tahun,
                    nilai=_target_post(request, "realisasi", f"Realisasi {label}"),
                    jumlah_realisasi=_angka_post(request, "jumlah_realisasi", f"Jumlah realisasi {label}"),
                    jumlah_basis=_angka_post(request, "jumlah_basis", f"Jumlah basis {label}"),
                    nilai_pendukung=request.POST.get("nilai_pendukung", "").strip(),
                    keterangan=request.POST.get("keterangan", "").strip(),
                )
                services.iku_pendukung_set(
                    actor=request.user,
                    indikator=item.indikator,
                    tahun=renja.tahun,
                    kode_program=request.POST.get("program", "").replace(";", ",").split(","),
                )
            messages.success(request, f"Realisasi {label} disimpan.")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("kinerja:iku", renja_id=renja.pk)
    pendukung = selectors.pendukung_map(iku=daftar, tahun=renja.tahun)
    baris = [
        {
            "iku": i,
            "realisasi": "" if i.realisasi_obj is None else _isi_realisasi(i.realisasi_obj),
            "program": ", ".join(pendukung.get(i.indikator.pk, [])),
        }
        for i in daftar
    ]
    return render(
        request,
        "kinerja/iku.html",
        {"renja": renja, "renstra": renstra, "baris": baris, "can_edit": can_edit},
    )


def _isi_realisasi(r) -> str:
    t = Target(r.nilai, r.grade)
    return "" if t.kosong else t.tampil()


# --- kinerja pelayanan (T-C.30) and SPM targets --------------------------------------------------------------


def _angka_isian(request, name: str, label: str):
    teks = request.POST.get(name, "").strip()
    if not teks:
        return None
    try:
        return parse_angka(teks)
    except ValueError as exc:
        raise ValidationError(f"{label}: '{teks}' bukan angka (mis. 300 atau 12,5).") from exc


def _versi_post(request) -> int | None:
    v = request.POST.get("version", "").strip()
    return int(v) if v.isdigit() else None


def _spm_simpan(request, renja) -> str:
    jenis = request.POST.get("jenis", "")
    if jenis not in JenisPelayananDasar.values:
        raise Http404("Jenis pelayanan dasar tidak dikenal.")
    label = f"Target SPM {JenisPelayananDasar(jenis).label} {renja.tahun}"
    services.spm_target_record(
        actor=request.user,
        opd=renja.opd,
        tahun=renja.tahun,
        jenis=jenis,
        indikator=request.POST.get("indikator", ""),
        target=_angka_isian(request, "target", label),
        satuan=request.POST.get("satuan", ""),
        expected_version=_versi_post(request),
    )
    return f"{label} disimpan."


def _pelayanan_simpan(request, renja, daftar) -> str:
    by_id = {str(b.pk): b for b in daftar}
    baris = by_id.get(request.POST.get("baris", ""))
    if baris is None:
        raise Http404("Baris kinerja pelayanan tidak dikenal.")
    n = renja.tahun
    label = f"Kinerja pelayanan '{baris.spm[:40] or baris.indikator[:40]}'"
    nilai: dict[int, dict] = {}
    for kunci, tahun_list in (
        ("target", range(n - 3, n + 1)),
        ("realisasi", range(n - 3, n - 1)),
        ("proyeksi", (n - 1, n)),
    ):
        for t in tahun_list:
            nilai.setdefault(t, {})[kunci] = _angka_isian(request, f"{kunci}_{t}", f"{label} {kunci} {t}")
    # a year's figures the form does not show (e.g. realisasi n-1) are kept as stored
    lama = {x.tahun: x for x in baris.tahun_nilai.all()}
    for t, isi in nilai.items():
        for kunci in ("target", "realisasi", "proyeksi"):
            if kunci not in isi:
                isi[kunci] = getattr(lama[t], kunci) if t in lama else None
    services.kinerja_pelayanan_record(
        actor=request.user,
        opd=renja.opd,
        baris=baris,
        indikator=request.POST.get("indikator", baris.indikator),
        spm=request.POST.get("spm", baris.spm),
        ikk=request.POST.get("ikk", baris.ikk),
        satuan=request.POST.get("satuan", baris.satuan),
        catatan=request.POST.get("catatan", baris.catatan),
        nilai=nilai,
        expected_version=_versi_post(request),
    )
    return f"{label} disimpan."


@access.login_required
def spm(request, renja_id: int):
    """Kinerja pelayanan (T-C.30) and the SPM targets of the Renja's year: view, edit (perencana), download."""
    renja = _renja(request, renja_id)
    access.access_realisasi_view(request.user, renja.opd)
    can_edit = access.can_edit_kinerja(request.user, renja.opd)
    daftar = selectors.kinerja_pelayanan_list(opd=renja.opd)
    if request.method == "POST":
        bagian = request.POST.get("bagian", "")
        if bagian not in ("spm", "pelayanan"):
            raise Http404("Bagian tidak dikenal.")
        try:
            with transaction.atomic():
                pesan = _spm_simpan(request, renja) if bagian == "spm" else _pelayanan_simpan(request, renja, daftar)
            messages.success(request, pesan)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("kinerja:spm", renja_id=renja.pk)
    targets = selectors.spm_target_list(opd=renja.opd, tahun=renja.tahun)
    tables = [
        tabel_tc30(daftar, tahun=renja.tahun, opd_nama=renja.opd.nama),
        tabel_spm(targets, tahun=renja.tahun, opd_nama=renja.opd.nama),
    ]
    if request.GET.get("format") == "xlsx":
        return _xlsx(tables, f"SPM-{renja.opd.kode}-{renja.tahun}")
    n = renja.tahun
    by_jenis = {t.jenis: t for t in targets}
    isian_spm = [
        {"jenis": j, "nama": JenisPelayananDasarRumus(j.value).nama, "obj": by_jenis.get(j.value)}
        for j in JenisPelayananDasar
    ]
    kolom_tahun = [
        *(("target", t, f"Target {t}") for t in range(n - 3, n + 1)),
        *(("realisasi", t, f"Realisasi {t}") for t in range(n - 3, n - 1)),
        *(("proyeksi", t, f"Proyeksi {t}") for t in (n - 1, n)),
    ]
    isian_pelayanan = []
    for b in daftar:
        per_tahun = {x.tahun: x for x in b.tahun_nilai.all()}
        sel = []
        for kunci, t, judul in kolom_tahun:
            v = getattr(per_tahun[t], kunci) if t in per_tahun else None
            sel.append({"nama": f"{kunci}_{t}", "judul": judul, "nilai": "" if v is None else format_nilai(v)})
        isian_pelayanan.append({"baris": b, "sel": sel})
    return render(
        request,
        "kinerja/spm.html",
        {
            "renja": renja,
            "tables": [tabel_html(t) for t in tables],
            "can_edit": can_edit,
            "isian_spm": isian_spm,
            "isian_pelayanan": isian_pelayanan,
            "kolom_tahun": kolom_tahun,
        },
    )
