"""Pages of the Renja document: per stage, choose format and signer and start a background build; a request's
page shows its progress (htmx polls it, no inline script) and the download when done; a single table
downloads at once."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render

from renja.dokumen import selectors, services
from renja.dokumen.forms import DokumenForm
from renja.dokumen.keluaran import JENIS_MIME, tulis_tabel
from renja.dokumen.models import DokumenBerkas, StatusBerkas
from renja.dokumen.renja import DAFTAR_TABEL, jenis_tabel, nama_berkas, penandatangan_bawaan
from renja.organisasi import access
from renja.perencanaan.models import Tahap
from renja.perencanaan.selectors import tahap_get


def _tahap(request, tahap_id: int) -> Tahap:
    try:
        return tahap_get(user=request.user, tahap_id=tahap_id)
    except Tahap.DoesNotExist as exc:
        raise Http404("Tahap tidak ditemukan.") from exc


def _berkas(request, berkas_id: int) -> DokumenBerkas:
    try:
        return selectors.berkas_get(user=request.user, berkas_id=berkas_id)
    except DokumenBerkas.DoesNotExist as exc:
        raise Http404("Berkas dokumen tidak ditemukan.") from exc


def _awal(tahap: Tahap) -> dict:
    ttd = penandatangan_bawaan(tahap.renja.opd)
    return {"format": "docx", "nama": ttd.nama, "pangkat": ttd.pangkat, "nip": ttd.nip, "jabatan": ttd.jabatan,
            "tempat": ttd.tempat}


@access.login_required
def tahap_dokumen(request, tahap_id: int):
    tahap = _tahap(request, tahap_id)
    status = 200
    if request.method == "POST":
        form = DokumenForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                ttd = services.penandatangan_clean(
                    nama=d["nama"], jabatan=d["jabatan"], pangkat=d["pangkat"], nip=d["nip"],
                    sebutan=d["sebutan"], tempat=d["tempat"], tanggal=d["tanggal"],
                )
                berkas = services.dokumen_minta(actor=request.user, tahap=tahap, format=d["format"], penandatangan=ttd)
                return redirect("dokumen:berkas", berkas_id=berkas.pk)
            except ValidationError as exc:
                for field, pesan in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, pesan)
        status = 400
    else:
        form = DokumenForm(initial=_awal(tahap))
    return render(
        request,
        "dokumen/tahap.html",
        {
            "tahap": tahap,
            "renja": tahap.renja,
            "form": form,
            "daftar": selectors.berkas_list(tahap=tahap),
            "tabel": DAFTAR_TABEL,
            "nama_berkas": nama_berkas(tahap),
        },
        status=status,
    )


@access.login_required
def berkas(request, berkas_id: int):
    b = _berkas(request, berkas_id)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    ctx = {"b": b, "tahap": b.tahap, "renja": b.tahap.renja}
    if request.htmx:
        return render(request, "dokumen/_status.html", ctx)
    return render(request, "dokumen/berkas.html", ctx)


@access.login_required
def unduh(request, berkas_id: int):
    b = _berkas(request, berkas_id)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    if b.status != StatusBerkas.SELESAI or not b.berkas:
        raise Http404("Berkas belum selesai dibuat.")
    return FileResponse(
        b.berkas.open("rb"), as_attachment=True, filename=b.nama_berkas, content_type=JENIS_MIME[b.format]
    )


@access.login_required
def tabel(request, tahap_id: int, kode: str):
    tahap = _tahap(request, tahap_id)
    jenis = jenis_tabel(kode)
    if jenis is None:
        raise Http404(f"Tabel '{kode}' tidak dikenal.")
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    fmt = request.GET.get("format") or "xlsx"
    if fmt not in JENIS_MIME:
        raise Http404("Format hanya xlsx, docx atau pdf.")
    isi = jenis.buat(tahap)
    if not hasattr(isi, "kolom"):
        raise Http404(isi if isinstance(isi, str) else f"Tabel {jenis.kode} belum tersedia di versi ini.")
    response = HttpResponse(tulis_tabel(isi, fmt), content_type=JENIS_MIME[fmt])
    nama = f"{nama_berkas(tahap)}-{jenis.kode.replace('.', '')}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    return response
