"""Realisation pages: parse, call a service or a selector, render. Every view is wrapped by access.login_required
and checks the object through renja.organisasi.access."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from renja.monev import bukti as bukti_guard
from renja.monev import selectors, services
from renja.monev.forms import parse_int, parse_keuangan, parse_kinerja, parse_tanggal
from renja.monev.models import BULAN_NAMA, BuktiRealisasi, StatusUnit
from renja.organisasi import access
from renja.organisasi.models import Pemda, UnitKerja
from renja.perencanaan.models import Indikator, Level, Renja, RenjaRow

MODE = ("triwulan", "bulan")


def _renja(request, renja_id: int) -> Renja:
    try:
        return selectors.renja_monev_get(user=request.user, renja_id=renja_id)
    except Renja.DoesNotExist as exc:
        raise Http404("Renja tidak ditemukan.") from exc


def _triwulan(tw: int) -> int:
    if tw not in (1, 2, 3, 4):
        raise Http404("Triwulan hanya I sampai IV.")
    return tw


def _unit(renja: Renja, unit_id: int) -> UnitKerja:
    unit = UnitKerja.objects.filter(pk=unit_id, opd_id=renja.opd_id).first()
    if unit is None:
        raise Http404("Unit kerja tidak ditemukan di perangkat daerah ini.")
    return unit


def _pesan(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


def _mode(request) -> str:
    mode = request.GET.get("mode") or request.POST.get("mode") or "triwulan"
    return mode if mode in MODE else "triwulan"


@access.login_required
def index(request):
    renjas = selectors.renja_monev_visible(user=request.user)
    if len(renjas) == 1:
        return redirect("monev:renja", renja_id=renjas[0].pk)
    return render(request, "monev/index.html", {"renjas": renjas})


@access.login_required
def renja_ringkasan(request, renja_id: int):
    renja = _renja(request, renja_id)
    tahap = selectors.tahap_berlaku(renja)
    units = selectors.unit_penanggung_jawab(tahap=tahap) if tahap else []
    user, opd_id = request.user, renja.opd_id
    return render(
        request,
        "monev/renja.html",
        {
            "renja": renja,
            "tahap": tahap,
            "units": units,
            "ringkasan": selectors.ringkasan_triwulan(renja=renja, tahap=tahap, units=units),
            "can_approve": access.can_approve_realisasi(user, opd_id=opd_id),
            "can_reopen": access.can_reopen_realisasi(user, opd_id=opd_id),
            "can_deadline": access.can_set_deadline_realisasi(user, opd_id=opd_id),
            "own_units": access.operator_units(user, opd_id),
        },
    )


def _grid(renja: Renja, triwulan: int, unit: UnitKerja | None, user, *, atas: bool = False):
    tahap = selectors.tahap_berlaku(renja)
    if tahap is None:
        return None
    grid = selectors.realisasi_grid(renja=renja, triwulan=triwulan, unit=unit, tahap=tahap, atas=atas)
    for b in grid.baris:
        b.dapat_diubah = access.can_edit_realisasi(
            user, row=b.row, status_unit=grid.status, triwulan_opd=grid.triwulan_opd
        )
    return grid


@access.login_required
def grid(request, renja_id: int, tw: int, unit_id: int):
    renja = _renja(request, renja_id)
    triwulan = _triwulan(tw)
    unit = _unit(renja, unit_id)
    data = _grid(renja, triwulan, unit, request.user)
    user, opd_id = request.user, renja.opd_id
    status = data.status if data else StatusUnit.DRAF
    terkunci = bool(data and data.terkunci)
    context = {
        "renja": renja,
        "triwulan": triwulan,
        "unit": unit,
        "units": selectors.unit_penanggung_jawab(tahap=data.tahap) if data else [],
        "grid": data,
        "mode": _mode(request),
        "bulan_nama": [BULAN_NAMA[b - 1] for b in range(3 * triwulan - 2, 3 * triwulan + 1)],
        "can_submit": not terkunci
        and status in (StatusUnit.DRAF, StatusUnit.DIKEMBALIKAN)
        and access.can_submit_realisasi(user, opd_id=opd_id, unit_id=unit.pk),
        "can_verify": not terkunci
        and status == StatusUnit.DIAJUKAN
        and access.can_verify_realisasi(user, opd_id=opd_id),
        "can_return": not terkunci
        and status in (StatusUnit.DIAJUKAN, StatusUnit.DIVERIFIKASI)
        and access.can_verify_realisasi(user, opd_id=opd_id),
    }
    return render(request, "monev/grid.html", context)


@access.login_required
def grid_atas(request, renja_id: int, tw: int):
    """Outcome (program) and output (kegiatan) indicators of the OPD: typed by the perencana, no unit workflow;
    the triwulan's lock applies as everywhere."""
    renja = _renja(request, renja_id)
    triwulan = _triwulan(tw)
    data = _grid(renja, triwulan, None, request.user, atas=True)
    context = {
        "renja": renja,
        "triwulan": triwulan,
        "unit": None,
        "grid": data,
        "mode": _mode(request),
        "bulan_nama": [BULAN_NAMA[b - 1] for b in range(3 * triwulan - 2, 3 * triwulan + 1)],
    }
    return render(request, "monev/grid_atas.html", context)


@require_POST
@access.login_required
def sel_simpan(request, renja_id: int, tw: int):
    """Save one cell (Enter in the grid). Answers htmx with the sub kegiatan's block re-rendered (roll-ups,
    capaian and the over-pagu flag follow); a refused or stale save keeps what the user typed, with a message."""
    renja = _renja(request, renja_id)
    triwulan = _triwulan(tw)
    jenis = request.POST.get("jenis")
    bulan = parse_int(request.POST.get("bulan"))
    version = parse_int(request.POST.get("version"))
    teks = request.POST.get("nilai", "")
    if bulan is None or not (3 * triwulan - 2 <= bulan <= 3 * triwulan):
        raise Http404("Bulan di luar triwulan ini.")
    if jenis == "kinerja":
        indikator = get_object_or_404(
            Indikator.objects.select_related("row"), pk=parse_int(request.POST.get("indikator")) or 0
        )
        row = indikator.row
        sel_id = f"k-{indikator.pk}-{bulan}"
    elif jenis == "keuangan":
        row = get_object_or_404(RenjaRow, pk=parse_int(request.POST.get("row")) or 0)
        sumber_dana_id = parse_int(request.POST.get("sumber_dana")) or 0
        sel_id = f"u-{row.pk}-{sumber_dana_id}-{bulan}"
    else:
        raise Http404("Jenis sel tidak dikenal.")
    if RenjaRow.objects.filter(pk=row.pk, tahap__renja=renja).count() != 1:
        raise Http404("Baris bukan bagian dari Renja ini.")
    status, gagal = 200, None
    try:
        if jenis == "kinerja":
            nilai = parse_kinerja(teks, label=f"Realisasi bulan {BULAN_NAMA[bulan - 1]}")
            services.realisasi_kinerja_record(
                actor=request.user, indikator=indikator, bulan=bulan, nilai=nilai, expected_version=version
            )
        else:
            jumlah = parse_keuangan(teks, label=f"Realisasi keuangan bulan {BULAN_NAMA[bulan - 1]}")
            services.realisasi_keuangan_record(
                actor=request.user,
                row=row,
                sumber_dana_id=sumber_dana_id,
                bulan=bulan,
                jumlah=jumlah,
                expected_version=version,
            )
    except services.SelKedaluwarsa as exc:
        status, gagal = 409, {"id": sel_id, "teks": teks, "pesan": str(exc), "version": exc.version}
    except (ValidationError, PermissionDenied) as exc:
        status = 403 if isinstance(exc, PermissionDenied) else 400
        gagal = {"id": sel_id, "teks": teks, "pesan": _pesan(exc), "version": version}
    row = RenjaRow.objects.select_related("unit").get(pk=row.pk)
    if not request.htmx:
        if gagal:
            messages.error(request, gagal["pesan"])
        else:
            messages.success(request, "Tersimpan.")
        if row.level != Level.SUB_KEGIATAN:
            return redirect(reverse("monev:grid_atas", args=[renja.pk, triwulan]) + f"?mode={_mode(request)}")
        url = reverse("monev:grid", args=[renja.pk, triwulan, row.unit_id]) + f"?mode={_mode(request)}#baris-{row.pk}"
        return redirect(url)
    atas = row.level != Level.SUB_KEGIATAN
    data = _grid(renja, triwulan, None if atas else row.unit, request.user, atas=atas)
    baris = next((b for b in data.baris if b.row.pk == row.pk), None) if data else None
    if baris is None:
        raise Http404("Baris tidak ada pada tahap yang berlaku.")
    context = {"renja": renja, "triwulan": triwulan, "grid": data, "b": baris, "mode": _mode(request), "gagal": gagal}
    return render(request, "monev/_baris.html", context, status=status)


def _row_in_renja(renja: Renja, row_id: int) -> RenjaRow:
    row = RenjaRow.objects.select_related("unit", "tahap__renja").filter(pk=row_id, tahap__renja=renja).first()
    if row is None or row.level != Level.SUB_KEGIATAN:
        raise Http404("Sub kegiatan tidak ditemukan di Renja ini.")
    return row


@access.login_required
def baris(request, renja_id: int, tw: int, row_id: int):
    """One sub kegiatan in one triwulan: faktor, evidence and the note thread."""
    renja = _renja(request, renja_id)
    triwulan = _triwulan(tw)
    row = _row_in_renja(renja, row_id)
    if request.method == "POST":
        try:
            services.realisasi_faktor_record(
                actor=request.user,
                row=row,
                triwulan=triwulan,
                faktor_pendorong=request.POST.get("faktor_pendorong", ""),
                faktor_penghambat=request.POST.get("faktor_penghambat", ""),
                tindak_lanjut=request.POST.get("tindak_lanjut", ""),
                expected_version=parse_int(request.POST.get("version")),
            )
        except (services.SelKedaluwarsa, ValidationError, PermissionDenied) as exc:
            messages.error(request, _pesan(exc))
        else:
            messages.success(request, f"Faktor dan tindak lanjut {row.kode} disimpan.")
        return redirect("monev:baris", renja_id=renja.pk, tw=triwulan, row_id=row.pk)
    data = _grid(renja, triwulan, row.unit, request.user)
    item = next((b for b in data.baris if b.row.pk == row.pk), None) if data else None
    if item is None:
        raise Http404("Sub kegiatan ini tidak ada pada tahap yang berlaku.")
    return render(
        request,
        "monev/baris.html",
        {
            "renja": renja,
            "triwulan": triwulan,
            "grid": data,
            "b": item,
            "can_note": access.can_note_realisasi(request.user, row=item.row, triwulan_opd=data.triwulan_opd),
            "batas_bukti": bukti_guard.batas_teks(),
        },
    )


@require_POST
@access.login_required
def catatan_tambah(request, renja_id: int, tw: int, row_id: int):
    renja = _renja(request, renja_id)
    triwulan = _triwulan(tw)
    row = _row_in_renja(renja, row_id)
    try:
        services.realisasi_catatan_add(
            actor=request.user, row=row, triwulan=triwulan, teks=request.POST.get("teks", "")
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, "Catatan ditambahkan.")
    return redirect(reverse("monev:baris", args=[renja.pk, triwulan, row.pk]) + "#catatan")


@require_POST
@access.login_required
def bukti_unggah(request, renja_id: int, tw: int, row_id: int):
    renja = _renja(request, renja_id)
    triwulan = _triwulan(tw)
    row = _row_in_renja(renja, row_id)
    berkas = request.FILES.get("berkas")
    try:
        if berkas is None:
            raise ValidationError("Pilih berkas bukti (PDF atau gambar) dulu.")
        bukti = services.realisasi_bukti_upload(actor=request.user, row=row, triwulan=triwulan, berkas=berkas)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, f"Bukti '{bukti.nama_asli}' diunggah.")
    return redirect(reverse("monev:baris", args=[renja.pk, triwulan, row.pk]) + "#bukti")


def _bukti(request, bukti_id: int) -> BuktiRealisasi:
    bukti = BuktiRealisasi.objects.select_related("renja__opd", "row").filter(pk=bukti_id).first()
    if bukti is None:
        raise Http404("Bukti tidak ditemukan.")
    access.access_realisasi_view(request.user, bukti.renja.opd)
    return bukti


@access.login_required
def bukti_unduh(request, bukti_id: int):
    bukti = _bukti(request, bukti_id)
    try:
        fh = bukti.berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Berkas bukti tidak ada lagi di penyimpanan.") from exc
    return FileResponse(fh, filename=bukti.nama_asli, content_type=bukti_guard.media_type(bukti.jenis))


@require_POST
@access.login_required
def bukti_hapus(request, bukti_id: int):
    bukti = _bukti(request, bukti_id)
    try:
        services.realisasi_bukti_delete(actor=request.user, bukti=bukti)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, f"Bukti '{bukti.nama_asli}' dihapus.")
    return redirect(reverse("monev:baris", args=[bukti.renja_id, bukti.triwulan, bukti.row_id]) + "#bukti")


def _aksi(request, fn, ok: str, kembali: str, **kwargs):
    try:
        fn(actor=request.user, **kwargs)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, ok)
    return redirect(kembali)


@require_POST
@access.login_required
def unit_ajukan(request, renja_id: int, tw: int, unit_id: int):
    renja, triwulan = _renja(request, renja_id), _triwulan(tw)
    unit = _unit(renja, unit_id)
    return _aksi(
        request,
        services.realisasi_submit,
        f"Realisasi {unit} triwulan {selectors.ROMAWI[triwulan]} diajukan untuk diverifikasi.",
        reverse("monev:grid", args=[renja.pk, triwulan, unit.pk]),
        renja=renja,
        unit=unit,
        triwulan=triwulan,
    )


@require_POST
@access.login_required
def unit_verifikasi(request, renja_id: int, tw: int, unit_id: int):
    renja, triwulan = _renja(request, renja_id), _triwulan(tw)
    unit = _unit(renja, unit_id)
    return _aksi(
        request,
        services.realisasi_verify,
        f"Realisasi {unit} triwulan {selectors.ROMAWI[triwulan]} diverifikasi.",
        reverse("monev:grid", args=[renja.pk, triwulan, unit.pk]),
        renja=renja,
        unit=unit,
        triwulan=triwulan,
    )


@require_POST
@access.login_required
def unit_kembalikan(request, renja_id: int, tw: int, unit_id: int):
    renja, triwulan = _renja(request, renja_id), _triwulan(tw)
    unit = _unit(renja, unit_id)
    return _aksi(
        request,
        services.realisasi_return,
        f"Realisasi {unit} triwulan {selectors.ROMAWI[triwulan]} dikembalikan dengan catatan.",
        reverse("monev:grid", args=[renja.pk, triwulan, unit.pk]),
        renja=renja,
        unit=unit,
        triwulan=triwulan,
        catatan=request.POST.get("catatan", ""),
    )


@require_POST
@access.login_required
def triwulan_setujui(request, renja_id: int, tw: int):
    renja, triwulan = _renja(request, renja_id), _triwulan(tw)
    return _aksi(
        request,
        services.realisasi_approve,
        f"Realisasi triwulan {selectors.ROMAWI[triwulan]} disetujui dan dikunci.",
        reverse("monev:renja", args=[renja.pk]),
        renja=renja,
        triwulan=triwulan,
    )


@require_POST
@access.login_required
def triwulan_buka(request, renja_id: int, tw: int):
    renja, triwulan = _renja(request, renja_id), _triwulan(tw)
    return _aksi(
        request,
        services.realisasi_reopen,
        f"Triwulan {selectors.ROMAWI[triwulan]} dibuka kembali.",
        reverse("monev:renja", args=[renja.pk]),
        renja=renja,
        triwulan=triwulan,
        alasan=request.POST.get("alasan", ""),
    )


@require_POST
@access.login_required
def triwulan_batas_waktu(request, renja_id: int, tw: int):
    renja, triwulan = _renja(request, renja_id), _triwulan(tw)
    kembali = reverse("monev:renja", args=[renja.pk])
    try:
        batas = parse_tanggal(request.POST.get("batas_waktu"))
    except ValidationError as exc:
        messages.error(request, _pesan(exc))
        return redirect(kembali)
    teks = f"{batas:%d-%m-%Y}" if batas else "dihapus"
    return _aksi(
        request,
        services.triwulan_batas_waktu_set,
        f"Batas waktu triwulan {selectors.ROMAWI[triwulan]}: {teks}.",
        kembali,
        renja=renja,
        triwulan=triwulan,
        batas_waktu=batas,
    )


@access.login_required
def belum_mengisi(request, renja_id: int, tw: int):
    renja, triwulan = _renja(request, renja_id), _triwulan(tw)
    ringkas = selectors.belum_mengisi(renja=renja, triwulan=triwulan)
    return render(request, "monev/belum_mengisi.html", {"renja": renja, "triwulan": triwulan, "r": ringkas})


@access.login_required
def belum_mengisi_pemda(request, pemda_id: int, tahun: int, tw: int):
    pemda = get_object_or_404(Pemda, pk=pemda_id)
    triwulan = _triwulan(tw)
    access.access_realisasi_pemda_view(request.user, opd_ids=selectors.opd_ids_of_pemda(pemda))
    daftar = selectors.belum_mengisi_pemda(user=request.user, pemda=pemda, tahun=tahun, triwulan=triwulan)
    return render(
        request,
        "monev/belum_mengisi_pemda.html",
        {"pemda": pemda, "tahun": tahun, "triwulan": triwulan, "daftar": daftar, "romawi": selectors.ROMAWI[triwulan]},
    )
