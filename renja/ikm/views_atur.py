"""Setup pages of the survey per OPD: layanan (with population), periods, the questionnaire of a period, extra
questions, the public links with their QR codes and A4 poster. The perencana and admin of the OPD edit; every
other role of the OPD (pimpinan, pemeriksa, operators) reads."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from renja.ikm import selectors, services
from renja.ikm.forms import LayananForm, PeriodeForm, TambahanForm, UnsurForm
from renja.ikm.qr import qr_png, qr_svg
from renja.organisasi import access


def _form_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _form_page(request, form, *, judul: str, kembali: str, status: int = 200, catatan: str = ""):
    return render(
        request, "ikm/form.html", {"form": form, "judul": judul, "kembali": kembali, "catatan": catatan}, status=status
    )


def _pesan(exc: Exception) -> str:
    return " ".join(getattr(exc, "messages", None) or [str(exc)])


# --- index and OPD page ---------------------------------------------------------------------------------


@access.login_required
def index(request):
    daftar = selectors.opd_list_ikm(user=request.user)
    if len(daftar) == 1:
        return redirect("ikm:opd", opd_id=daftar[0].pk)
    return render(request, "ikm/index.html", {"daftar": daftar})


@access.login_required
def opd(request, opd_id: int):
    opd = selectors.opd_get_ikm(user=request.user, opd_id=opd_id)
    return render(
        request,
        "ikm/opd.html",
        {
            "opd": opd,
            "layanan": selectors.layanan_list(opd=opd),
            "periode": selectors.periode_list(opd=opd),
            "can_edit": access.can_edit_ikm(request.user, opd),
        },
    )


# --- layanan --------------------------------------------------------------------------------------------


@access.login_required
def layanan_create(request, opd_id: int):
    opd = selectors.opd_get_ikm(user=request.user, opd_id=opd_id)
    access.access_ikm_edit(request.user, opd)
    kembali = reverse("ikm:opd", kwargs={"opd_id": opd.pk})
    form = LayananForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                lay = services.layanan_create(
                    actor=request.user,
                    opd=opd,
                    kode=d["kode"],
                    nama=d["nama"],
                    populasi=d["populasi"],
                    aktif=d["aktif"],
                )
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, f"Layanan {lay.kode} ditambahkan.")
                return redirect(kembali)
        return _form_page(request, form, judul=f"Layanan baru — {opd.nama}", kembali=kembali, status=400)
    return _form_page(request, form, judul=f"Layanan baru — {opd.nama}", kembali=kembali)


@access.login_required
def layanan_edit(request, layanan_id: int):
    lay = selectors.layanan_get(user=request.user, layanan_id=layanan_id)
    access.access_ikm_edit(request.user, lay.opd)
    kembali = reverse("ikm:opd", kwargs={"opd_id": lay.opd_id})
    judul = f"Ubah layanan {lay.kode}"
    if request.method != "POST":
        form = LayananForm(
            initial={
                "kode": lay.kode,
                "nama": lay.nama,
                "populasi": lay.populasi,
                "aktif": lay.aktif,
                "version": lay.version,
            }
        )
        return _form_page(request, form, judul=judul, kembali=kembali)
    form = LayananForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.layanan_update(
                actor=request.user,
                layanan=lay,
                version=d["version"],
                kode=d["kode"],
                nama=d["nama"],
                populasi=d["populasi"],
                aktif=d["aktif"],
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, f"Layanan {d['kode']} disimpan.")
            return redirect(kembali)
    return _form_page(request, form, judul=judul, kembali=kembali, status=400)


# --- periode --------------------------------------------------------------------------------------------


@access.login_required
def periode_create(request, opd_id: int):
    opd = selectors.opd_get_ikm(user=request.user, opd_id=opd_id)
    access.access_ikm_edit(request.user, opd)
    kembali = reverse("ikm:opd", kwargs={"opd_id": opd.pk})
    form = PeriodeForm(request.POST or None)
    judul = f"Periode survei baru — {opd.nama}"
    catatan = (
        "Kuesioner periode baru memakai 9 unsur dan kata-kata PermenPANRB 14/2017; "
        "dapat diubah sebelum responden pertama."
    )
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                p = services.periode_create(
                    actor=request.user,
                    opd=opd,
                    kode=d["kode"],
                    nama=d["nama"],
                    mulai=d["mulai"],
                    selesai=d["selesai"],
                    terbuka=d["terbuka"],
                )
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, f"Periode {p.kode} dibuat dengan kuesioner bawaan.")
                return redirect("ikm:periode", periode_id=p.pk)
        return _form_page(request, form, judul=judul, kembali=kembali, status=400, catatan=catatan)
    return _form_page(request, form, judul=judul, kembali=kembali, catatan=catatan)


def _periode_page(request, periode, form, *, status: int = 200):
    can_edit = access.can_edit_ikm(request.user, periode.opd)
    diisi = services.periode_sudah_diisi(periode)
    return render(
        request,
        "ikm/periode.html",
        {
            "periode": periode,
            "opd": periode.opd,
            "form": form,
            "can_edit": can_edit,
            "diisi": diisi,
            "menerima": services.periode_menerima(periode),
            "unsur": list(periode.unsur.order_by("nomor")),
            "tambahan": list(periode.pertanyaan_tambahan.order_by("nomor")),
            "tambahan_form": TambahanForm() if can_edit and not diisi else None,
            "tautan": selectors.tautan_list(periode=periode),
            "tanpa_tautan": selectors.layanan_tanpa_tautan(periode=periode),
        },
        status=status,
    )


@access.login_required
def periode(request, periode_id: int):
    p = selectors.periode_get(user=request.user, periode_id=periode_id)
    if request.method != "POST":
        form = PeriodeForm(
            initial={
                "nama": p.nama,
                "mulai": p.mulai,
                "selesai": p.selesai,
                "terbuka": p.terbuka,
                "version": p.version,
            },
            ubah=True,
        )
        return _periode_page(request, p, form)
    access.access_ikm_edit(request.user, p.opd)
    form = PeriodeForm(request.POST, ubah=True)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.periode_update(
                actor=request.user,
                periode=p,
                version=d["version"],
                nama=d["nama"],
                mulai=d["mulai"],
                selesai=d["selesai"],
                terbuka=d["terbuka"],
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, f"Periode {p.kode} disimpan.")
            return redirect("ikm:periode", periode_id=p.pk)
    return _periode_page(request, p, form, status=400)


# --- kuesioner ------------------------------------------------------------------------------------------


@access.login_required
def unsur_edit(request, unsur_id: int):
    u = selectors.unsur_get(user=request.user, unsur_id=unsur_id)
    access.access_ikm_edit(request.user, u.periode.opd)
    kembali = reverse("ikm:periode", kwargs={"periode_id": u.periode_id})
    judul = f"Unsur {u.nomor} — periode {u.periode.kode}"
    if services.periode_sudah_diisi(u.periode):
        messages.error(
            request,
            f"Kuesioner periode {u.periode.kode} sudah dibekukan karena sudah ada responden; unsur tidak dapat diubah.",
        )
        return redirect(kembali)
    if request.method != "POST":
        form = UnsurForm(initial={f: getattr(u, f) for f in UnsurForm.base_fields})
        return _form_page(request, form, judul=judul, kembali=kembali)
    form = UnsurForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.unsur_update(
                actor=request.user,
                unsur=u,
                nama=d["nama"],
                pertanyaan=d["pertanyaan"],
                pilihan=[d["pilihan_1"], d["pilihan_2"], d["pilihan_3"], d["pilihan_4"]],
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        except PermissionDenied as exc:
            messages.error(request, _pesan(exc))
            return redirect(kembali)
        else:
            messages.success(request, f"Unsur {u.nomor} disimpan.")
            return redirect(kembali)
    return _form_page(request, form, judul=judul, kembali=kembali, status=400)


@require_POST
@access.login_required
def tambahan_create(request, periode_id: int):
    p = selectors.periode_get(user=request.user, periode_id=periode_id)
    access.access_ikm_edit(request.user, p.opd)
    form = TambahanForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Pertanyaan tambahan: " + " ".join(e for es in form.errors.values() for e in es))
        return redirect("ikm:periode", periode_id=p.pk)
    try:
        t = services.pertanyaan_tambahan_create(
            actor=request.user, periode=p, teks=form.cleaned_data["teks"], jenis=form.cleaned_data["jenis"]
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, f"Pertanyaan tambahan {t.nomor} ditambahkan.")
    return redirect("ikm:periode", periode_id=p.pk)


@require_POST
@access.login_required
def tambahan_delete(request, pertanyaan_id: int):
    t = selectors.pertanyaan_tambahan_get(user=request.user, pertanyaan_id=pertanyaan_id)
    access.access_ikm_edit(request.user, t.periode.opd)
    try:
        services.pertanyaan_tambahan_delete(actor=request.user, pertanyaan=t)
    except PermissionDenied as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, f"Pertanyaan tambahan {t.nomor} dihapus.")
    return redirect("ikm:periode", periode_id=t.periode_id)


# --- public links, QR, poster ---------------------------------------------------------------------------


@require_POST
@access.login_required
def tautan_buat(request, periode_id: int):
    p = selectors.periode_get(user=request.user, periode_id=periode_id)
    access.access_ikm_edit(request.user, p.opd)
    baru = services.tautan_buat(actor=request.user, periode=p)
    if baru:
        messages.success(request, f"{len(baru)} tautan survei dibuat.")
    else:
        messages.warning(request, "Setiap layanan aktif sudah punya tautan di periode ini.")
    return redirect("ikm:periode", periode_id=p.pk)


def alamat_publik(request, tautan) -> str:
    """The absolute short URL printed and encoded in the QR: RENJA_URL when set (behind a proxy the host the
    public sees), else the host of this request."""
    path = reverse("ikm_publik:survei", kwargs={"token": tautan.token})
    basis = (getattr(settings, "RENJA_URL", "") or "").rstrip("/")
    return basis + path if basis else request.build_absolute_uri(path)


def _nama_berkas(tautan) -> str:
    return f"survei-{tautan.periode.kode}-{tautan.layanan.kode}"


@access.login_required
def tautan_qr_png(request, tautan_id: int):
    t = selectors.tautan_get(user=request.user, tautan_id=tautan_id)
    response = HttpResponse(qr_png(alamat_publik(request, t)), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="{_nama_berkas(t)}.png"'
    return response


@access.login_required
def tautan_qr_svg(request, tautan_id: int):
    t = selectors.tautan_get(user=request.user, tautan_id=tautan_id)
    judul = f"Kode QR survei kepuasan {t.layanan.nama}"
    response = HttpResponse(qr_svg(alamat_publik(request, t), judul=judul), content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="{_nama_berkas(t)}.svg"'
    return response


@access.login_required
def tautan_poster(request, tautan_id: int):
    t = selectors.tautan_get(user=request.user, tautan_id=tautan_id)
    return render(request, "ikm/poster.html", {"t": t, "opd": t.periode.opd, "alamat": alamat_publik(request, t)})
