from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from renja.nomenklatur import selectors
from renja.nomenklatur.models import Tingkat
from renja.nomenklatur.validators import kode_bersih
from renja.organisasi import access

UKURAN_HALAMAN = (25, 50, 100, 200)
UKURAN_BAWAAN = 50


def _ukuran(nilai: str | None) -> int:
    try:
        ukuran = int(nilai or UKURAN_BAWAAN)
    except ValueError:
        return UKURAN_BAWAAN
    return ukuran if ukuran in UKURAN_HALAMAN else UKURAN_BAWAAN


@access.login_required
def nomenklatur_list(request):
    """Browse and search one version. The reference list is readable by every signed-in user."""
    versi_semua = selectors.versi_list()
    diminta = request.GET.get("versi")
    versi = next((v for v in versi_semua if v.kode == diminta), versi_semua[0] if versi_semua else None)
    q = request.GET.get("q", "").strip()
    tingkat = request.GET.get("tingkat") or None
    if tingkat not in Tingkat.values:
        tingkat = None
    if "bidang" in request.GET:  # the form was used: an empty bidang means "all", as the user chose
        bidang = kode_bersih(request.GET["bidang"]) or None
        penunjang = request.GET.get("penunjang") == "1"
    else:  # first visit: the user's own bidang (1.06 for Dinas Sosial) with its support programme
        bidang = selectors.bidang_bawaan(request.user)
        penunjang = True
    per = _ukuran(request.GET.get("per"))
    page, pesan, status = None, "", 200
    if versi is not None:
        try:
            qs = selectors.nomenklatur_search(versi=versi, q=q, tingkat=tingkat, bidang=bidang, penunjang=penunjang)
        except ValidationError as exc:
            pesan, status = " ".join(exc.messages), 400
        else:
            page = Paginator(qs, per).get_page(request.GET.get("page"))
    context = {
        "versi_semua": versi_semua,
        "versi": versi,
        "q": q,
        "tingkat": tingkat,
        "tingkat_pilihan": Tingkat.choices,
        "bidang": bidang,
        "penunjang": penunjang,
        "per": per,
        "ukuran_pilihan": UKURAN_HALAMAN,
        "page": page,
        "pesan": pesan,
        "cari_panjang_maks": selectors.CARI_PANJANG_MAKS,
    }
    if request.htmx:
        response = render(request, "nomenklatur/_tabel.html", context, status=status)
    else:
        context["bidang_pilihan"] = selectors.bidang_list(versi=versi) if versi else []
        response = render(request, "nomenklatur/list.html", context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


@access.login_required
def nomenklatur_detail(request, versi: str, kode: str):
    """One entry with its parents, children, definisi and remaps. A real plan code such as
    1.06.01.2.02.0001 opens the listed X.XX.01.2.02.0001 entry."""
    versi_obj = selectors.versi_get(versi)
    if versi_obj is None:
        raise Http404(f"Versi nomenklatur {versi} tidak ada.")
    try:
        entri = selectors.nomenklatur_validate_kode(versi=versi_obj, kode=kode)
    except ValidationError as exc:
        context = {"versi": versi_obj, "kode": kode, "pesan": " ".join(exc.messages)}
        context["pengganti"] = selectors.remap_lookup(kode_lama=kode, versi_baru=versi_obj)
        return render(request, "nomenklatur/tidak_ada.html", context, status=404)
    context = {"versi": versi_obj, "entri": entri, "kode_diminta": kode_bersih(kode)}
    context.update(selectors.nomenklatur_detail(entri=entri))
    return render(request, "nomenklatur/detail.html", context)
