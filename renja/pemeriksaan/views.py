"""Pages of the checker: the rules' help, the findings of a Renja stage (and the count the Renja page loads), marking
a finding accepted, and checking an uploaded document (not kept)."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from renja.inti.unggah import BerkasDitolak, periksa_unggahan
from renja.organisasi import access
from renja.pemeriksaan import aturan as aturan_dokumen
from renja.pemeriksaan import aturan_data, selectors, services
from renja.pemeriksaan.models import ALASAN_MAKS
from renja.pemeriksaan.periksa import DokumenTidakTerbaca, periksa_dokumen, periksa_tahap
from renja.pemeriksaan.temuan import Tingkat
from renja.perencanaan import selectors as perencanaan_selectors

JENIS_DOKUMEN = {"teks", "csv", "docx", "xlsx", "pdf"}
TINGKAT = [(t.value, t.value.capitalize()) for t in Tingkat]


@access.login_required
def aturan_list(request):
    """The help page, generated from the registered rules themselves."""
    kelompok = [
        ("data", "Pemeriksaan data Renja yang tersimpan", aturan_data.ATURAN_DATA),
        ("dokumen", "Pemeriksaan dokumen buatan tangan (DOCX, XLSX, PDF, teks)", aturan_dokumen.ATURAN),
    ]
    return render(
        request,
        "pemeriksaan/aturan.html",
        {"kelompok": kelompok, "ambang": selectors.ambang_selisih()},
    )


def _hitung(hasil) -> dict[str, int]:
    hitung = Counter(str(h.temuan.tingkat) for h in hasil if not h.diterima)
    return {
        "galat": hitung["galat"],
        "peringatan": hitung["peringatan"],
        "info": hitung["info"],
        "diterima": sum(1 for h in hasil if h.diterima),
    }


@access.login_required
def tahap_temuan(request, tahap_id: int):
    tahap = selectors.tahap_get(user=request.user, tahap_id=tahap_id)
    hasil = periksa_tahap(tahap)
    hitung = _hitung(hasil)
    tingkat = request.GET.get("tingkat", "")
    status = request.GET.get("status", "")
    units = perencanaan_selectors.unit_list(opd=tahap.renja.opd)
    unit = next((u for u in units if str(u.pk) == request.GET.get("unit", "")), None)
    tampil = hasil
    if tingkat in Tingkat._value2member_map_:
        tampil = [h for h in tampil if h.temuan.tingkat == tingkat]
    if status == "terbuka":
        tampil = [h for h in tampil if not h.diterima]
    elif status == "diterima":
        tampil = [h for h in tampil if h.diterima]
    if unit is not None:
        kode_unit = selectors.unit_row_ids(perencanaan_selectors.tahap_rows(tahap), unit.pk)
        tampil = [h for h in tampil if h.temuan.lokasi.kode in kode_unit]
    context = {
        "tahap": tahap,
        "renja": tahap.renja,
        "hasil": tampil,
        "jumlah_semua": len(hasil),
        "hitung": hitung,
        "tingkat_pilihan": TINGKAT,
        "tingkat": tingkat,
        "status": status,
        "units": units,
        "unit": unit,
        "can_accept": access.can_accept_temuan(request.user, tahap),
        "alasan_maks": ALASAN_MAKS,
    }
    return render(request, "pemeriksaan/tahap.html", context)


@access.login_required
def tahap_ringkas(request, tahap_id: int):
    """The count of findings the Renja page loads (htmx) under its toolbar, with a link to the findings."""
    tahap = selectors.tahap_get(user=request.user, tahap_id=tahap_id)
    return render(request, "pemeriksaan/_ringkas.html", {"tahap": tahap, "hitung": _hitung(periksa_tahap(tahap))})


@require_POST
@access.login_required
def temuan_terima(request, tahap_id: int):
    tahap = selectors.tahap_get(user=request.user, tahap_id=tahap_id)
    access.access_temuan_terima(request.user, tahap)
    kembali = request.POST.get("kembali", "")
    url = reverse("pemeriksaan:tahap", args=[tahap.pk]) + (kembali if kembali.startswith("?") else "")
    try:
        services.temuan_terima(
            actor=request.user,
            tahap=tahap,
            kunci=request.POST.get("kunci", ""),
            sidik=request.POST.get("sidik", ""),
            alasan=request.POST.get("alasan", ""),
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, "Temuan ditandai diterima.")
    return redirect(url)


@access.login_required
def dokumen_periksa(request):
    """Upload a document, get its findings. The upload is read in memory and never stored (Django deletes the
    temporary file of a large upload at the end of the request)."""
    context: dict = {"hasil": None, "galat_berkas": "", "nama": ""}
    status = 200
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        if berkas is None:
            context["galat_berkas"] = "Pilih berkas dokumen (DOCX, XLSX, PDF atau teks) yang akan diperiksa."
            status = 400
        else:
            context["nama"] = berkas.name
            try:
                periksa_unggahan(berkas, boleh=JENIS_DOKUMEN)  # size first, before reading anything
                temuan = periksa_dokumen(berkas.read(), nama=berkas.name)
            except BerkasDitolak as e:
                context["galat_berkas"] = str(e)
                status = 400
            except DokumenTidakTerbaca as e:
                context["galat_berkas"] = str(e)
                status = 400
            else:
                context["hasil"] = temuan
                context["hitung"] = Counter(str(t.tingkat) for t in temuan)
            finally:
                berkas.close()
    return render(request, "pemeriksaan/dokumen.html", context, status=status)
