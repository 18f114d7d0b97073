"""Administration pages (installation, Pemda, OPD, accounts) and the user's own password. Thin: parse, call a
service or selector, render."""

from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from renja.inti import unggah
from renja.organisasi import access, selectors, services
from renja.organisasi import impor as organisasi_impor
from renja.organisasi.forms import (
    KepalaForm,
    OpdBaruForm,
    OpdForm,
    PemdaForm,
    PenggunaBaruForm,
    PenggunaForm,
    PeranForm,
    SandiForm,
    UnitForm,
    attach_errors,
)
from renja.organisasi.models import Peran

PERAN_PEMDA = [(Peran.ADMIN, "Admin Pemda (mengelola semua OPD-nya)"), (Peran.PEMERIKSA, "Pemeriksa seluruh Pemda")]


# --- login and own password ------------------------------------------------------------------------------


class Masuk(auth_views.LoginView):
    """Django's login; a one-time password (set by an admin) leads straight to choosing one's own."""

    template_name = "inti/masuk.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        akun = selectors.akun_of(form.get_user())
        if akun is not None and akun.wajib_ganti_sandi:
            self.request.session[access.SESI_WAJIB_GANTI_SANDI] = True
            return redirect("organisasi:sandi")
        return response


@access.login_required
@access.password_change_view
def sandi(request):
    wajib = bool(request.session.get(access.SESI_WAJIB_GANTI_SANDI))
    form = SandiForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.user_password_change(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            attach_errors(form, exc)
            status = 400
        else:
            update_session_auth_hash(request, request.user)
            request.session.pop(access.SESI_WAJIB_GANTI_SANDI, None)
            messages.success(request, "Kata sandi Anda sudah diganti.")
            return redirect("beranda")
    return render(request, "organisasi/sandi.html", {"form": form, "wajib": wajib}, status=status)


# --- helpers ---------------------------------------------------------------------------------------------


def _form_page(request, template: str, form, context: dict, call, ok_message, ok_url):
    """GET shows the form; a valid POST calls the service; its ValidationError goes back on the form (400)."""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                result = call(form.cleaned_data)
            except ValidationError as exc:
                attach_errors(form, exc)
                status = 400
            else:
                messages.success(request, ok_message(result) if callable(ok_message) else ok_message)
                return redirect(ok_url(result) if callable(ok_url) else ok_url)
        else:
            status = 400
    return render(request, template, {**context, "form": form}, status=status)


def _mark_revocable(user, pemegang):
    """Offer 'Cabut' only on the roles this admin may take away (an OPD admin sees its Pemda's pemeriksa but
    cannot revoke it)."""
    for h in pemegang:
        for p in h.penugasan:
            p.boleh_cabut = access.can_assign_in(user, pemda=p.pemda_id, opd=p.opd_id)
    return pemegang


def _user_by_username(username: str):
    user = get_user_model().objects.filter(username=(username or "").strip()).first()
    if user is None:
        raise ValidationError({"username": f"Pengguna '{username}' tidak ada."})
    return user


# --- installation ----------------------------------------------------------------------------------------


@access.login_required
def kelola(request):
    """The administration entry: installation admins see every Pemda, others go to their own scope."""
    home = selectors.admin_home(user=request.user)
    if home is None:
        raise PermissionDenied("Halaman administrasi hanya untuk admin.")
    kind, pk = home
    if kind == "pemda":
        return redirect("organisasi:pemda", pemda_id=pk)
    if kind == "opd":
        return redirect("organisasi:opd", opd_id=pk)
    context = {
        "pemdas": list(selectors.pemda_manageable(user=request.user)),
        "admins": _mark_revocable(request.user, selectors.global_admins()),
        "peran_boleh": access.PERAN_BOLEH,
    }
    return render(request, "organisasi/instalasi.html", context)


@access.login_required
def pemda_create(request):
    access.access_installation_manage(request.user)
    return _form_page(
        request,
        "organisasi/form.html",
        PemdaForm(request.POST or None),
        {"judul": "Pemda baru", "kembali": reverse("organisasi:kelola")},
        lambda d: services.pemda_create(actor=request.user, **d),
        lambda p: f"{p.nama} ({p.kode}) dibuat. Tambahkan perangkat daerahnya.",
        lambda p: reverse("organisasi:pemda", args=[p.pk]),
    )


@access.login_required
def instalasi_pengguna_create(request):
    """A new installation admin."""
    access.access_installation_manage(request.user)
    form = PenggunaBaruForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            data = {k: form.cleaned_data[k] for k in ("username", "nama_lengkap", "email", "nip", "jabatan")}
            baru = services.user_register(actor=request.user, **data)
            services.peran_assign(actor=request.user, user=baru.user, peran=Peran.ADMIN)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            return _sandi_sekali_page(request, baru.user, baru.password, reverse("organisasi:kelola"))
    context = {"form": form, "judul": "Admin instalasi baru", "kembali": reverse("organisasi:kelola")}
    return render(request, "organisasi/form.html", context, status=400 if request.method == "POST" else 200)


# --- Pemda -----------------------------------------------------------------------------------------------


@access.login_required
def pemda_detail(request, pemda_id: int):
    pemda = selectors.pemda_get_for_admin(user=request.user, pemda_id=pemda_id)
    years, status = selectors.pemda_overview(pemda=pemda)
    context = {
        "pemda": pemda,
        "years": years,
        "status": status,
        "pemegang": _mark_revocable(request.user, selectors.penugasan_of_pemda(pemda=pemda)),
        "pengguna": selectors.users_of_scope(pemda=pemda),
        "can_edit_pemda": access.can_manage_installation(request.user),
        "peran_form": PeranForm(peran_choices=PERAN_PEMDA),
        "peran_boleh": access.PERAN_BOLEH,
    }
    return render(request, "organisasi/pemda.html", context)


@access.login_required
def pemda_edit(request, pemda_id: int):
    pemda = selectors.pemda_get_for_admin(user=request.user, pemda_id=pemda_id)
    access.access_installation_manage(request.user)
    initial = {"kode": pemda.kode, "nama": pemda.nama, "jenis": pemda.jenis}
    return _form_page(
        request,
        "organisasi/form.html",
        PemdaForm(request.POST or None, initial=initial),
        {"judul": f"Ubah {pemda.nama}", "kembali": reverse("organisasi:pemda", args=[pemda.pk])},
        lambda d: services.pemda_update(actor=request.user, pemda=pemda, **d),
        "Pemda disimpan.",
        reverse("organisasi:pemda", args=[pemda.pk]),
    )


@access.login_required
def opd_create(request, pemda_id: int):
    pemda = selectors.pemda_get_for_admin(user=request.user, pemda_id=pemda_id)
    return _form_page(
        request,
        "organisasi/form.html",
        OpdBaruForm(request.POST or None),
        {"judul": f"Perangkat daerah baru — {pemda.nama}", "kembali": reverse("organisasi:pemda", args=[pemda.pk])},
        lambda d: services.opd_create(actor=request.user, pemda=pemda, **d),
        lambda o: f"{o.nama} dibuat (bidang urusan {', '.join(o.bidang_urusan_daftar)}). Tambahkan unit kerjanya.",
        lambda o: reverse("organisasi:opd", args=[o.pk]),
    )


@access.login_required
def pemda_pengguna_create(request, pemda_id: int):
    """An account of the Pemda itself (Bappeda, Inspektorat, Pemda admin), with an optional Pemda-wide role."""
    pemda = selectors.pemda_get_for_admin(user=request.user, pemda_id=pemda_id)
    form = PenggunaBaruForm(request.POST or None, peran_choices=PERAN_PEMDA)
    kembali = reverse("organisasi:pemda", args=[pemda.pk])
    if request.method == "POST" and form.is_valid():
        try:
            baru = _register_with_role(request, form.cleaned_data, pemda=pemda)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            return _sandi_sekali_page(request, baru.user, baru.password, kembali)
    context = {"form": form, "judul": f"Pengguna baru — {pemda.nama}", "kembali": kembali}
    return render(request, "organisasi/form.html", context, status=400 if request.method == "POST" else 200)


@access.login_required
@require_POST
def pemda_peran(request, pemda_id: int):
    pemda = selectors.pemda_get_for_admin(user=request.user, pemda_id=pemda_id)
    form = PeranForm(request.POST, peran_choices=PERAN_PEMDA)
    _assign_from_form(request, form, pemda=pemda)
    return redirect("organisasi:pemda", pemda_id=pemda.pk)


# --- OPD -------------------------------------------------------------------------------------------------


@access.login_required
def opd_detail(request, opd_id: int):
    opd = selectors.opd_get_for_admin(user=request.user, opd_id=opd_id)
    units = selectors.unit_list(opd=opd)
    context = {
        "opd": opd,
        "units": units,
        "pemegang": _mark_revocable(request.user, selectors.penugasan_of_opd(opd=opd)),
        "pengguna": selectors.users_of_scope(opd=opd),
        "can_edit_identitas": access.can_manage_pemda(request.user, opd.pemda_id),
        "can_manage_pemda": access.can_manage_pemda(request.user, opd.pemda_id),
        "peran_form": PeranForm(units=units),
        "peran_boleh": access.PERAN_BOLEH,
    }
    return render(request, "organisasi/opd.html", context)


@access.login_required
def opd_edit(request, opd_id: int):
    opd = selectors.opd_get_for_admin(user=request.user, opd_id=opd_id)
    access.access_pemda_manage(request.user, opd.pemda)
    initial = {"kode": opd.kode, "nama": opd.nama, "singkatan": opd.singkatan}
    return _form_page(
        request,
        "organisasi/form.html",
        OpdForm(request.POST or None, initial=initial),
        {"judul": f"Ubah {opd.nama}", "kembali": reverse("organisasi:opd", args=[opd.pk])},
        lambda d: services.opd_update(actor=request.user, opd=opd, **d),
        "Perangkat daerah disimpan.",
        reverse("organisasi:opd", args=[opd.pk]),
    )


@access.login_required
def opd_kepala(request, opd_id: int):
    opd = selectors.opd_get_for_admin(user=request.user, opd_id=opd_id)
    initial = {
        "kepala_nama": opd.kepala_nama,
        "kepala_pangkat": opd.kepala_pangkat,
        "kepala_nip": opd.kepala_nip_tampil,
        "kepala_jabatan": opd.kepala_jabatan,
    }
    return _form_page(
        request,
        "organisasi/form.html",
        KepalaForm(request.POST or None, initial=initial),
        {"judul": f"Kepala {opd.nama}", "kembali": reverse("organisasi:opd", args=[opd.pk])},
        lambda d: services.opd_kepala_update(
            actor=request.user,
            opd=opd,
            nama=d["kepala_nama"],
            pangkat=d["kepala_pangkat"],
            nip=d["kepala_nip"],
            jabatan=d["kepala_jabatan"],
        ),
        "Data kepala disimpan.",
        reverse("organisasi:opd", args=[opd.pk]),
    )


@access.login_required
def unit_create(request, opd_id: int):
    opd = selectors.opd_get_for_admin(user=request.user, opd_id=opd_id)
    return _form_page(
        request,
        "organisasi/form.html",
        UnitForm(request.POST or None),
        {"judul": f"Unit kerja baru — {opd.nama}", "kembali": reverse("organisasi:opd", args=[opd.pk])},
        lambda d: services.unit_create(actor=request.user, opd=opd, **d),
        lambda u: f"Unit {u.nama} dibuat.",
        reverse("organisasi:opd", args=[opd.pk]) + "#unit",
    )


@access.login_required
def unit_edit(request, unit_id: int):
    unit = selectors.unit_get_for_admin(user=request.user, unit_id=unit_id)
    kembali = reverse("organisasi:opd", args=[unit.opd_id]) + "#unit"
    return _form_page(
        request,
        "organisasi/form.html",
        UnitForm(request.POST or None, initial={"kode": unit.kode, "nama": unit.nama}),
        {"judul": f"Ubah unit {unit.nama}", "kembali": kembali},
        lambda d: services.unit_update(actor=request.user, unit=unit, **d),
        "Unit disimpan.",
        kembali,
    )


@access.login_required
@require_POST
def unit_move(request, unit_id: int):
    unit = selectors.unit_get_for_admin(user=request.user, unit_id=unit_id)
    try:
        services.unit_move(actor=request.user, unit=unit, arah=request.POST.get("arah", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    if request.htmx:
        opd = unit.opd
        return render(request, "organisasi/_unit.html", {"opd": opd, "units": selectors.unit_list(opd=opd)})
    return redirect(reverse("organisasi:opd", args=[unit.opd_id]) + "#unit")


@access.login_required
def opd_pengguna_create(request, opd_id: int):
    opd = selectors.opd_get_for_admin(user=request.user, opd_id=opd_id)
    units = selectors.unit_list(opd=opd)
    form = PenggunaBaruForm(request.POST or None, peran_choices=Peran.choices, units=units)
    kembali = reverse("organisasi:opd", args=[opd.pk])
    if request.method == "POST" and form.is_valid():
        try:
            baru = _register_with_role(request, form.cleaned_data, opd=opd, units=units)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            return _sandi_sekali_page(request, baru.user, baru.password, kembali)
    context = {"form": form, "judul": f"Pengguna baru — {opd.nama}", "kembali": kembali}
    return render(request, "organisasi/form.html", context, status=400 if request.method == "POST" else 200)


@access.login_required
@require_POST
def opd_peran(request, opd_id: int):
    opd = selectors.opd_get_for_admin(user=request.user, opd_id=opd_id)
    units = selectors.unit_list(opd=opd)
    _assign_from_form(request, PeranForm(request.POST, units=units), opd=opd, units=units)
    return redirect(reverse("organisasi:opd", args=[opd.pk]) + "#peran")


@access.login_required
@require_POST
def peran_cabut(request, penugasan_id: int):
    p = selectors.penugasan_get_for_admin(user=request.user, penugasan_id=penugasan_id)
    try:
        services.peran_revoke(actor=request.user, penugasan=p)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Peran {p.get_peran_display()} {p.user.username} dicabut.")
    back = request.POST.get("kembali") or ""
    if back.startswith("/kelola/"):
        return redirect(back)
    return redirect("organisasi:kelola")


def _unit_from(units, value):
    return next((u for u in units or [] if str(u.pk) == str(value)), None) if value else None


def _register_with_role(request, data: dict, *, pemda=None, opd=None, units=None):
    """Create the account and, when a role was chosen, give it, in one transaction (both or neither)."""
    with transaction.atomic():
        akun = {k: data.get(k, "") for k in ("username", "nama_lengkap", "email", "nip", "jabatan")}
        baru = services.user_register(actor=request.user, pemda=pemda, opd=opd, **akun)
        if data.get("peran"):
            services.peran_assign(
                actor=request.user,
                user=baru.user,
                peran=data["peran"],
                opd=opd,
                unit=_unit_from(units, data.get("unit")),
                pemda=pemda if opd is None else None,
            )
    return baru


def _assign_from_form(request, form, *, pemda=None, opd=None, units=None) -> None:
    if not form.is_valid():
        messages.error(request, "Isian peran tidak lengkap: " + "; ".join(e for es in form.errors.values() for e in es))
        return
    try:
        user = _user_by_username(form.cleaned_data["username"])
        if opd is not None and user not in selectors.users_assignable(opd=opd):
            raise ValidationError(f"Pengguna '{user.username}' bukan pengguna aktif Pemda ini.")
        services.peran_assign(
            actor=request.user,
            user=user,
            peran=form.cleaned_data["peran"],
            opd=opd,
            unit=_unit_from(units, form.cleaned_data.get("unit")),
            pemda=pemda,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Peran diberikan kepada {user.username}.")


# --- users -----------------------------------------------------------------------------------------------


@never_cache
def _sandi_sekali_page(request, user, password: str, kembali: str):
    """Shown once, never stored: the next request cannot show it again."""
    return render(request, "organisasi/sandi_sekali.html", {"target": user, "password": password, "kembali": kembali})


@access.login_required
def user_detail(request, user_id: int):
    target = selectors.user_get_for_admin(user=request.user, user_id=user_id)
    context = {
        "target": target,
        "akun": selectors.akun_of(target),
        "penugasan": selectors.penugasan_of_user(user=target),
        "peran_boleh": access.PERAN_BOLEH,
        "is_self": target.pk == request.user.pk,
    }
    return render(request, "organisasi/pengguna.html", context)


@access.login_required
def user_edit(request, user_id: int):
    target = selectors.user_get_for_admin(user=request.user, user_id=user_id)
    akun = selectors.akun_of(target)
    initial = {
        "nama_lengkap": target.get_full_name(),
        "email": target.email,
        "nip": akun.nip_tampil if akun else "",
        "jabatan": akun.jabatan if akun else "",
    }
    kembali = reverse("organisasi:pengguna", args=[target.pk])
    return _form_page(
        request,
        "organisasi/form.html",
        PenggunaForm(request.POST or None, initial=initial),
        {"judul": f"Ubah pengguna {target.username}", "kembali": kembali},
        lambda d: services.user_update(actor=request.user, user=target, **d),
        "Pengguna disimpan.",
        kembali,
    )


@access.login_required
@require_POST
def user_aktif(request, user_id: int):
    target = selectors.user_get_for_admin(user=request.user, user_id=user_id)
    aktif = request.POST.get("aktif") == "1"
    try:
        services.user_set_active(actor=request.user, user=target, aktif=aktif)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Akun {target.username} {'diaktifkan' if aktif else 'dinonaktifkan'}.")
    return redirect("organisasi:pengguna", user_id=target.pk)


@access.login_required
@require_POST
def user_reset_sandi(request, user_id: int):
    target = selectors.user_get_for_admin(user=request.user, user_id=user_id)
    password = services.user_password_reset(actor=request.user, user=target)
    return _sandi_sekali_page(request, target, password, reverse("organisasi:pengguna", args=[target.pk]))


# --- bulk setup from a file ------------------------------------------------------------------------------


@access.login_required
def impor_templat(request):
    if not access.can_administer(request.user):
        raise PermissionDenied("Templat impor organisasi hanya untuk admin.")
    response = HttpResponse(
        organisasi_impor.templat(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="templat-impor-organisasi.xlsx"'
    return response


@access.login_required
@never_cache
def impor_organisasi(request, pemda_id: int):
    pemda = selectors.pemda_get_for_admin(user=request.user, pemda_id=pemda_id)
    context = {"pemda": pemda, "hasil": None, "galat": []}
    status = 200
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        try:
            if berkas is None:
                raise ValidationError("Pilih berkas XLSX atau YAML yang akan diimpor.")
            jenis = unggah.periksa_unggahan(berkas, boleh=organisasi_impor.JENIS_BERKAS)
            berkas.seek(0)
            hasil = organisasi_impor.baca(berkas.read(), jenis=jenis)
            context["hasil"] = organisasi_impor.impor_organisasi(
                actor=request.user, pemda=pemda, hasil=hasil, pengguna_maks=organisasi_impor.PENGGUNA_MAKS_UNGGAH
            )
        except ValidationError as exc:
            context["galat"] = "\n".join(exc.messages).splitlines()
            status = 400
    return render(request, "organisasi/impor.html", context, status=status)
