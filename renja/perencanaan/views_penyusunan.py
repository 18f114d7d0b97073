"""Authoring pages (issue 10): start a Renja, add/change/move programs and kegiatan, PPTK, rows a copy left,
and the Renstra. Thin: parse, call a service, render. Every object is read through a selector that checks the
user may see its OPD; every write is checked again by its service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from renja.nomenklatur.selectors import nomenklatur_pilihan_opd
from renja.organisasi import access
from renja.perencanaan import selectors, services
from renja.perencanaan.forms import IndikatorFormSet, indikator_initial
from renja.perencanaan.forms_penyusunan import (
    KodeUraianForm,
    PptkForm,
    RenjaStartForm,
    RenstraCreateForm,
    RenstraIndikatorForm,
    RenstraProgramForm,
    RowStrukturForm,
    TertundaForm,
    row_struktur_input,
)
from renja.perencanaan.models import (
    BarisTertunda,
    Level,
    RenjaRow,
    Renstra,
    RenstraIndikator,
    RenstraProgram,
    RenstraSasaran,
    RenstraTujuan,
    Tahap,
)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _attach(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errs in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errs)
    else:
        form.add_error(None, exc.messages)


def _tahap(request, tahap_id: int) -> Tahap:
    try:
        return selectors.tahap_get(user=request.user, tahap_id=tahap_id)
    except Tahap.DoesNotExist as exc:
        raise Http404("Tahap tidak ditemukan.") from exc


def _row(request, row_id: int) -> RenjaRow:
    try:
        return selectors.row_get(user=request.user, row_id=row_id)
    except RenjaRow.DoesNotExist as exc:
        raise Http404("Baris tidak ditemukan.") from exc


def _detail_url(tahap: Tahap, row_id: int | None = None) -> str:
    url = reverse("perencanaan:detail", args=[tahap.renja_id]) + f"?tahap={tahap.pk}"
    return url + (f"#row-{row_id}" if row_id else "")


# --- starting a Renja -----------------------------------------------------------------------------------


@access.login_required
def renja_start(request):
    opds = selectors.opd_plannable(user=request.user)
    if not opds:
        raise PermissionDenied("Hanya perencana atau admin perangkat daerah yang dapat membuat Renja baru.")
    from renja.organisasi.models import PerangkatDaerah

    opd_qs = PerangkatDaerah.objects.filter(pk__in=[o.pk for o in opds]).select_related("pemda")
    renstras = selectors.renstra_visible(user=request.user).filter(opd__in=opd_qs)
    status = 200
    if request.method == "POST":
        form = RenjaStartForm(request.POST, opds=opd_qs, renstras=renstras)
        if form.is_valid():
            cd = form.cleaned_data
            common = {"actor": request.user, "tahun": cd["tahun"], "nomenklatur_versi": cd["nomenklatur_versi"]}
            try:
                if cd["cara"] == "renstra":
                    hasil = services.renja_start_from_renstra(renstra=cd["renstra"], jenis=cd["jenis"], **common)
                elif cd["cara"] == "salin":
                    hasil = services.renja_start_from_previous(opd=cd["opd"], jenis=cd["jenis"], **common)
                else:
                    hasil = services.renja_start_empty(opd=cd["opd"], jenis=cd["jenis"], **common)
            except ValidationError as exc:
                _attach(form, exc)
                status = 400
            else:
                pesan = f"{hasil.renja} dibuat (tahap {hasil.tahap})."
                if hasil.dipetakan:
                    pesan += f" {len(hasil.dipetakan)} kode dipetakan ke versi nomenklatur baru."
                messages.success(request, pesan)
                if hasil.tertunda:
                    messages.warning(
                        request,
                        f"{len(hasil.tertunda)} baris tidak dapat disalin otomatis dan menunggu keputusan Anda.",
                    )
                    return redirect("perencanaan:tertunda_list", tahap_id=hasil.tahap.pk)
                return redirect(_detail_url(hasil.tahap))
        else:
            status = 400
    else:
        form = RenjaStartForm(opds=opd_qs, renstras=renstras, initial={"opd": opds[0].pk})
    return render(request, "perencanaan/renja_start.html", {"form": form}, status=status)


# --- programs and kegiatan ------------------------------------------------------------------------------


def _struktur_form_page(request, *, tahap: Tahap, level: str, parent: RenjaRow | None, row: RenjaRow | None):
    access.access_row_structure(request.user, tahap)
    units = selectors.unit_queryset(opd_id=tahap.renja.opd_id)
    status = 200
    if request.method == "POST":
        form = RowStrukturForm(request.POST, units=units, level=level)
        ind_fs = IndikatorFormSet(request.POST, prefix="indikator")
        if form.is_valid() and ind_fs.is_valid():
            try:
                data = row_struktur_input(form, ind_fs, existing_row=row)
                if row is None:
                    saved = services.row_structure_create(
                        actor=request.user,
                        tahap=tahap,
                        level=level,
                        parent=parent,
                        data=data,
                        pagu_indikatif=form.cleaned_data.get("pagu_indikatif"),
                    )
                else:
                    saved = services.row_update(
                        actor=request.user,
                        row=row,
                        expected_version=form.cleaned_data["version"],
                        data=data,
                        pagu_indikatif=form.cleaned_data.get("pagu_indikatif"),
                    )
            except services.VersiKedaluwarsa as exc:
                form.add_error(None, str(exc))
                status = 409
            except ValidationError as exc:
                _attach(form, exc)
                status = 400
            else:
                verb = "ditambahkan" if row is None else "disimpan"
                messages.success(request, f"{Level(level).label} {saved.kode} {verb}.")
                return redirect(_detail_url(tahap, saved.pk))
        else:
            status = 400
    else:
        if row is not None:
            form = RowStrukturForm(initial=RowStrukturForm.initial_for(row), units=units, level=level)
            ind_fs = IndikatorFormSet(initial=indikator_initial(row), prefix="indikator")
        else:
            form = RowStrukturForm(initial={"kode": parent.kode + "." if parent else ""}, units=units, level=level)
            ind_fs = IndikatorFormSet(prefix="indikator")
    context = {
        "tahap": tahap,
        "level": level,
        "level_label": Level(level).label,
        "parent": parent,
        "row": row,
        "form": form,
        "ind_fs": ind_fs,
        "detail_url": _detail_url(tahap, row.pk if row else None),
        "kode_url": reverse("perencanaan:kode_pilihan", args=[tahap.pk])
        + f"?tingkat={level}"
        + (f"&induk={parent.kode}" if parent else ""),
    }
    return render(request, "perencanaan/struktur_form.html", context, status=status)


@access.login_required
def program_create(request, tahap_id: int):
    tahap = _tahap(request, tahap_id)
    return _struktur_form_page(request, tahap=tahap, level=Level.PROGRAM, parent=None, row=None)


@access.login_required
def kegiatan_create(request, parent_id: int):
    parent = _row(request, parent_id)
    if parent.level != Level.PROGRAM:
        raise Http404("Kegiatan ditambahkan di bawah program.")
    return _struktur_form_page(request, tahap=parent.tahap, level=Level.KEGIATAN, parent=parent, row=None)


@access.login_required
def struktur_edit(request, row_id: int):
    row = _row(request, row_id)
    if row.level == Level.SUB_KEGIATAN:
        raise Http404("Sub kegiatan diubah lewat formulir sub kegiatan.")
    return _struktur_form_page(request, tahap=row.tahap, level=row.level, parent=row.parent, row=row)


@require_POST
@access.login_required
def row_move(request, row_id: int):
    row = _row(request, row_id)
    try:
        services.row_move(actor=request.user, row=row, arah=request.POST.get("arah", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(_detail_url(row.tahap, row.pk))


@require_POST
@access.login_required
def row_pptk(request, row_id: int):
    row = _row(request, row_id)
    access.access_row_edit(request.user, row, tahap=row.tahap)
    form = PptkForm(request.POST, users=selectors.pptk_choices(opd_id=row.tahap.renja.opd_id))
    if not form.is_valid():
        messages.error(request, "PPTK: " + " ".join(e for errs in form.errors.values() for e in errs))
    else:
        try:
            services.row_pptk_set(
                actor=request.user,
                row=row,
                expected_version=form.cleaned_data["version"],
                pptk=form.cleaned_data["pptk"],
            )
        except (ValidationError, services.VersiKedaluwarsa) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(request, f"PPTK sub kegiatan {row.kode} disimpan.")
    return redirect("perencanaan:row_history", row_id=row.pk)


@access.login_required
def kode_pilihan(request, tahap_id: int):
    """Search-as-you-type: <option>s of the codes the OPD may pick at a level (and under a parent)."""
    tahap = _tahap(request, tahap_id)
    return _kode_options(request, versi=tahap.renja.nomenklatur_versi, opd=tahap.renja.opd)


def kode_picker(form, *, tahap: Tahap, tingkat: str, induk_kode: str | None) -> None:
    """Turn the form's `kode` input into search-as-you-type over the OPD's nomenclature (a <datalist> the page
    holds with id kode-pilihan, filled by htmx from kode_pilihan)."""
    url = reverse("perencanaan:kode_pilihan", args=[tahap.pk]) + f"?tingkat={tingkat}"
    if induk_kode:
        url += f"&induk={induk_kode}"
    form.fields["kode"].widget.attrs.update(
        {
            "list": "kode-pilihan",
            "autocomplete": "off",
            "hx-get": url,
            "hx-trigger": "input changed delay:300ms, focus once",
            "hx-target": "#kode-pilihan",
            "hx-swap": "innerHTML",
        }
    )


def _kode_options(request, *, versi, opd):
    tingkat = request.GET.get("tingkat", "")
    if tingkat not in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN):
        tingkat = Level.PROGRAM
    q = (request.GET.get("q") or request.GET.get("kode") or "")[:200]
    induk = (request.GET.get("induk") or "").strip()[:24] or None
    try:
        pilihan = nomenklatur_pilihan_opd(versi=versi, opd=opd, tingkat=tingkat, induk_kode=induk, q=q)
    except ValidationError:
        pilihan = []
    return render(request, "perencanaan/_kode_pilihan.html", {"pilihan": pilihan})


# --- rows a copy left for a decision --------------------------------------------------------------------


@access.login_required
def tertunda_list(request, tahap_id: int):
    tahap = _tahap(request, tahap_id)
    items = selectors.tertunda_list(tahap=tahap)
    can_decide = access.can_structure_rows(request.user, tahap)
    return render(
        request,
        "perencanaan/tertunda_list.html",
        {"tahap": tahap, "items": items, "can_decide": can_decide, "detail_url": _detail_url(tahap)},
    )


@require_POST
@access.login_required
def tertunda_decide(request, tertunda_id: int):
    try:
        item = selectors.tertunda_get(user=request.user, tertunda_id=tertunda_id)
    except BarisTertunda.DoesNotExist as exc:
        raise Http404("Baris tidak ditemukan.") from exc
    form = TertundaForm(request.POST)
    form.is_valid()
    try:
        services.baris_tertunda_decide(
            actor=request.user,
            tertunda=item,
            kode_baru=form.cleaned_data.get("kode_baru", ""),
            catatan=form.cleaned_data.get("catatan", ""),
        )
    except ValidationError as exc:
        messages.error(request, f"Baris {item.kode_lama}: " + " ".join(exc.messages))
    else:
        messages.success(request, f"Keputusan untuk baris {item.kode_lama} disimpan.")
    return redirect("perencanaan:tertunda_list", tahap_id=item.tahap_id)


# --- Renstra ----------------------------------------------------------------------------------------------


def _renstra(request, renstra_id: int) -> Renstra:
    try:
        return selectors.renstra_get(user=request.user, renstra_id=renstra_id)
    except Renstra.DoesNotExist as exc:
        raise Http404("Renstra tidak ditemukan.") from exc


def _renstra_url(renstra_id: int, anchor: str = "") -> str:
    return reverse("perencanaan:renstra", args=[renstra_id]) + (f"#{anchor}" if anchor else "")


@access.login_required
def renstra_list(request):
    items = list(selectors.renstra_visible(user=request.user))
    can_create = bool(selectors.opd_plannable(user=request.user))
    return render(request, "perencanaan/renstra_list.html", {"items": items, "can_create": can_create})


@access.login_required
def renstra_create(request):
    opds = selectors.opd_plannable(user=request.user)
    if not opds:
        raise PermissionDenied("Hanya perencana atau admin perangkat daerah yang dapat membuat Renstra.")
    from renja.organisasi.models import PerangkatDaerah

    opd_qs = PerangkatDaerah.objects.filter(pk__in=[o.pk for o in opds])
    status = 200
    if request.method == "POST":
        form = RenstraCreateForm(request.POST, opds=opd_qs)
        if form.is_valid():
            cd = form.cleaned_data
            try:
                renstra = services.renstra_create(
                    actor=request.user, opd=cd["opd"], tahun_awal=cd["tahun_awal"], tahun_akhir=cd["tahun_akhir"]
                )
            except ValidationError as exc:
                _attach(form, exc)
                status = 400
            else:
                messages.success(request, f"{renstra} dibuat.")
                return redirect("perencanaan:renstra", renstra_id=renstra.pk)
        else:
            status = 400
    else:
        form = RenstraCreateForm(opds=opd_qs, initial={"opd": opds[0].pk})
    return render(
        request,
        "perencanaan/form_sederhana.html",
        {"form": form, "judul": "Renstra baru", "kembali": reverse("perencanaan:renstra_list")},
        status=status,
    )


def _simple_save(request, *, form, save, judul: str, kembali: str, ok: str):
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                obj = save(form.cleaned_data)
            except ValidationError as exc:
                _attach(form, exc)
                status = 400
            else:
                messages.success(request, ok.format(obj=obj))
                return redirect(kembali)
        else:
            status = 400
    return render(
        request, "perencanaan/form_sederhana.html", {"form": form, "judul": judul, "kembali": kembali}, status=status
    )


@access.login_required
def renstra_tujuan_form(request, renstra_id: int | None = None, tujuan_id: int | None = None):
    if tujuan_id is not None:
        tujuan = selectors.renstra_part_get(user=request.user, model=RenstraTujuan, pk=tujuan_id)
        renstra = tujuan.renstra
    else:
        tujuan, renstra = None, _renstra(request, renstra_id)
    access.access_renstra_edit(request.user, renstra)
    initial = {"version": tujuan.version, "kode": tujuan.kode, "uraian": tujuan.uraian} if tujuan else {}
    form = KodeUraianForm(request.POST if request.method == "POST" else None, initial=initial)
    return _simple_save(
        request,
        form=form,
        save=lambda cd: services.renstra_tujuan_save(
            actor=request.user,
            renstra=renstra,
            tujuan=tujuan,
            expected_version=cd.get("version"),
            kode=cd["kode"],
            uraian=cd["uraian"],
        ),
        judul=f"{'Ubah' if tujuan else 'Tambah'} tujuan — {renstra}",
        kembali=_renstra_url(renstra.pk),
        ok="Tujuan {obj.kode} disimpan.",
    )


@access.login_required
def renstra_sasaran_form(request, tujuan_id: int | None = None, sasaran_id: int | None = None):
    if sasaran_id is not None:
        sasaran = selectors.renstra_part_get(user=request.user, model=RenstraSasaran, pk=sasaran_id)
        tujuan = sasaran.tujuan
    else:
        sasaran, tujuan = None, selectors.renstra_part_get(user=request.user, model=RenstraTujuan, pk=tujuan_id)
    access.access_renstra_edit(request.user, tujuan.renstra)
    initial = {"version": sasaran.version, "kode": sasaran.kode, "uraian": sasaran.uraian} if sasaran else {}
    form = KodeUraianForm(request.POST if request.method == "POST" else None, initial=initial)
    return _simple_save(
        request,
        form=form,
        save=lambda cd: services.renstra_sasaran_save(
            actor=request.user,
            tujuan=tujuan,
            sasaran=sasaran,
            expected_version=cd.get("version"),
            kode=cd["kode"],
            uraian=cd["uraian"],
        ),
        judul=f"{'Ubah' if sasaran else 'Tambah'} sasaran — tujuan {tujuan.kode}",
        kembali=_renstra_url(tujuan.renstra_id),
        ok="Sasaran {obj.kode} disimpan.",
    )


@access.login_required
def renstra_indikator_form(request, renstra_id: int | None = None, indikator_id: int | None = None):
    pemilik = {}
    if indikator_id is not None:
        indikator = selectors.renstra_part_get(user=request.user, model=RenstraIndikator, pk=indikator_id)
        renstra = selectors.renstra_of(indikator)
    else:
        indikator, renstra = None, _renstra(request, renstra_id)
        access.access_renstra_edit(request.user, renstra)
        for name, model in (("tujuan", RenstraTujuan), ("sasaran", RenstraSasaran), ("program", RenstraProgram)):
            if pk := _int(request.GET.get(name)):
                obj = selectors.renstra_part_get(user=request.user, model=model, pk=pk)
                if selectors.renstra_of(obj).pk != renstra.pk:
                    raise Http404("Bukan bagian Renstra ini.")
                pemilik[name] = obj
        if len(pemilik) != 1:
            raise Http404("Pilih tujuan, sasaran atau program pemilik indikator.")
    access.access_renstra_edit(request.user, renstra)
    initial = RenstraIndikatorForm.initial_for(indikator) if indikator else {}
    form = RenstraIndikatorForm(
        request.POST if request.method == "POST" else None, initial=initial, tahun_list=renstra.tahun_list
    )
    return _simple_save(
        request,
        form=form,
        save=lambda cd: services.renstra_indikator_save(
            actor=request.user,
            renstra=renstra,
            indikator=indikator,
            expected_version=cd.get("version"),
            data=form.to_input(),
            **pemilik,
        ),
        judul=f"{'Ubah' if indikator else 'Tambah'} indikator — {renstra}",
        kembali=_renstra_url(renstra.pk),
        ok="Indikator disimpan.",
    )


@access.login_required
def renstra_program_form(request, renstra_id: int | None = None, program_id: int | None = None):
    if program_id is not None:
        program = selectors.renstra_part_get(user=request.user, model=RenstraProgram, pk=program_id)
        renstra, parent = program.renstra, program.parent
    else:
        program, renstra = None, _renstra(request, renstra_id)
        parent = None
        if pk := _int(request.GET.get("parent")):
            parent = selectors.renstra_part_get(user=request.user, model=RenstraProgram, pk=pk)
            if parent.renstra_id != renstra.pk:
                raise Http404("Program itu bukan bagian Renstra ini.")
    access.access_renstra_edit(request.user, renstra)
    kegiatan = parent is not None
    initial = RenstraProgramForm.initial_for(program) if program else {"kode": parent.kode + "." if parent else ""}
    form = RenstraProgramForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        tahun_list=renstra.tahun_list,
        units=selectors.unit_queryset(opd_id=renstra.opd_id),
        sasaran=RenstraSasaran.objects.filter(tujuan__renstra=renstra),
        kegiatan=kegiatan,
    )
    level = "kegiatan" if kegiatan else "program"
    form.kode_url = (
        reverse("perencanaan:renstra_kode", args=[renstra.pk])
        + f"?tingkat={level}"
        + (f"&induk={parent.kode}" if parent else "")
    )
    return _simple_save(
        request,
        form=form,
        save=lambda cd: services.renstra_program_save(
            actor=request.user,
            renstra=renstra,
            program=program,
            parent=parent,
            expected_version=cd.get("version"),
            data=form.to_input(),
        ),
        judul=f"{'Ubah' if program else 'Tambah'} {level} — {renstra}",
        kembali=_renstra_url(renstra.pk, "program-renstra"),
        ok=f"{level.capitalize()} {{obj.kode}} disimpan.",
    )


@access.login_required
def renstra_kode(request, renstra_id: int):
    from renja.nomenklatur.selectors import versi_untuk_tahun

    renstra = _renstra(request, renstra_id)
    return _kode_options(request, versi=versi_untuk_tahun(renstra.tahun_akhir), opd=renstra.opd)


RENSTRA_BAGIAN = {
    "tujuan": RenstraTujuan,
    "sasaran": RenstraSasaran,
    "indikator": RenstraIndikator,
    "program": RenstraProgram,
}


@require_POST
@access.login_required
def renstra_item_delete(request, jenis: str, item_id: int):
    model = RENSTRA_BAGIAN.get(jenis)
    if model is None:
        raise Http404("Jenis tidak dikenal.")
    item = selectors.renstra_part_get(user=request.user, model=model, pk=item_id)
    renstra = selectors.renstra_of(item)
    try:
        services.renstra_item_delete(actor=request.user, item=item, expected_version=_int(request.POST.get("version")))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{model._meta.verbose_name.capitalize()} dihapus.")
    return redirect(_renstra_url(renstra.pk))


@require_POST
@access.login_required
def renstra_tetapkan(request, renstra_id: int):
    renstra = _renstra(request, renstra_id)
    try:
        services.renstra_tetapkan(actor=request.user, renstra=renstra)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{renstra} ditetapkan dan dikunci.")
    return redirect(_renstra_url(renstra.pk))
