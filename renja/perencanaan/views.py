from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from renja.organisasi import access
from renja.perencanaan import history, selectors, services
from renja.perencanaan.forms import (
    IndikatorFormSet,
    PaguFormSet,
    SubKegiatanForm,
    build_row_input,
    indikator_initial,
    pagu_initial,
)
from renja.perencanaan.models import Level, RenjaRow, Tahap


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@access.login_required
def renja_list(request):
    renjas = list(selectors.renja_visible(user=request.user))
    if len(renjas) == 1:
        return redirect("perencanaan:detail", renja_id=renjas[0].pk)
    return render(request, "perencanaan/renja_list.html", {"renjas": renjas})


def _renja_for_view(request, renja_id: int):
    try:
        return selectors.renja_get(user=request.user, renja_id=renja_id)
    except selectors.Renja.DoesNotExist as exc:
        raise Http404("Renja tidak ditemukan.") from exc


@access.login_required
def renja_detail(request, renja_id: int):
    renja = _renja_for_view(request, renja_id)
    tahaps = selectors.tahap_list(renja=renja)
    wanted = _int_or_none(request.GET.get("tahap"))
    tahap = next((t for t in tahaps if t.pk == wanted), None) or selectors.tahap_default(tahaps)
    units = selectors.unit_list(opd=renja.opd)
    unit_id = _int_or_none(request.GET.get("unit"))
    unit = next((u for u in units if u.pk == unit_id), None)
    tree = selectors.renja_tree(tahap=tahap, unit_id=unit.pk if unit else None) if tahap else None
    user = request.user
    editable_ids, addable_ids = set(), set()
    if tree:
        editable_ids = {
            n.row.pk
            for n in tree.flat()
            if n.level == Level.SUB_KEGIATAN and access.can_edit_row_in(user, n.row, tahap)
        }
        addable_ids = _addable_ids(user, tree, tahap)
    context = {
        "renja": renja,
        "tahaps": tahaps,
        "tahap": tahap,
        "units": units,
        "unit": unit,
        "tree": tree,
        "editable_ids": editable_ids,
        "addable_ids": addable_ids,
        "can_submit": tahap is not None and access.can_submit_opd(user, renja.opd_id),
        "can_approve": tahap is not None and access.can_approve_opd(user, renja.opd_id),
        "can_plan": access.can_plan_opd(user, renja.opd_id),
        "can_add": tahap is not None and access.can_add_rows(user, tahap),
        "jenis_baru": selectors.jenis_tahap_berikut(tahaps),
    }
    template = "perencanaan/_tree.html" if request.htmx else "perencanaan/renja_detail.html"
    return render(request, template, context)


def _addable_ids(user, tree, tahap) -> set[int]:
    """Kegiatan under which the user may add a sub kegiatan: the link is offered exactly where the form opens."""
    if not access.can_add_rows(user, tahap):
        return set()
    return {
        n.row.pk
        for n in tree.flat()
        if n.level == Level.KEGIATAN and access.can_add_under(user, tahap, units_under_parent=n.unit_ids)
    }


def _row_for_view(request, row_id: int) -> RenjaRow:
    try:
        return selectors.row_get(user=request.user, row_id=row_id)
    except RenjaRow.DoesNotExist as exc:
        raise Http404("Baris tidak ditemukan.") from exc


@access.login_required
def subkegiatan_edit(request, row_id: int):
    row = _row_for_view(request, row_id)
    if row.level != Level.SUB_KEGIATAN:
        raise Http404("Hanya sub kegiatan yang dapat diubah di sini.")
    tahap = row.tahap
    access.access_row_edit(request.user, row, tahap=tahap)
    units = selectors.unit_queryset(opd_id=tahap.renja.opd_id)
    detail_url = reverse("perencanaan:detail", args=[tahap.renja_id]) + f"?tahap={tahap.pk}#row-{row.pk}"
    status = 200
    if request.method == "POST":
        form, ind_fs, pagu_fs = _bound_forms(request, units)
        if all([form.is_valid(), ind_fs.is_valid(), pagu_fs.is_valid()]):
            try:
                data = build_row_input(form, ind_fs, pagu_fs, existing_row=row)
                services.subkegiatan_update(
                    actor=request.user, row=row, expected_version=form.cleaned_data["version"], data=data
                )
            except services.VersiKedaluwarsa as exc:
                messages.error(request, str(exc))
                status = 409
                row = _row_for_view(request, row_id)  # show the value that is now stored, beside the user's
                # Keep everything the user typed; the form now carries the stored version, so a second
                # "Simpan" after reading the stored values is a deliberate overwrite, not a blind one.
                data = request.POST.copy()
                data["version"] = row.version
                form = SubKegiatanForm(data, units=units)
                form.is_valid()
            except ValidationError as exc:
                _attach_errors(form, exc)
                status = 400
            else:
                messages.success(request, f"Sub kegiatan {data.kode} disimpan.")
                return redirect(detail_url)
        else:
            status = 400
    else:
        form = SubKegiatanForm(initial=SubKegiatanForm.initial_for(row), units=units)
        ind_fs = IndikatorFormSet(initial=indikator_initial(row), prefix="indikator")
        pagu_fs = PaguFormSet(initial=pagu_initial(row), prefix="pagu")
    context = {
        "row": row,
        "tahap": tahap,
        "form": form,
        "ind_fs": ind_fs,
        "pagu_fs": pagu_fs,
        "detail_url": detail_url,
        "conflict": status == 409,
    }
    return render(request, "perencanaan/subkegiatan_form.html", context, status=status)


def _bound_forms(request, units):
    return (
        SubKegiatanForm(request.POST, units=units),
        IndikatorFormSet(request.POST, prefix="indikator"),
        PaguFormSet(request.POST, prefix="pagu"),
    )


def _attach_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errs in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, exc.messages)


@access.login_required
def row_history(request, row_id: int):
    row = _row_for_view(request, row_id)
    entries = [(e, history.describe(e)) for e in selectors.row_history_events(row=row)]
    return render(request, "perencanaan/row_history.html", {"row": row, "entries": entries})


@access.login_required
def tahap_history(request, tahap_id: int):
    tahap = get_object_or_404(Tahap.objects.select_related("renja__opd"), pk=tahap_id)
    access.access_opd_view(request.user, tahap.renja.opd)
    entries = [(e, history.describe(e)) for e in selectors.tahap_history_events(tahap=tahap)]
    return render(request, "perencanaan/tahap_history.html", {"tahap": tahap, "entries": entries})


@access.login_required
def renja_diff(request, renja_id: int):
    renja = _renja_for_view(request, renja_id)
    tahaps = selectors.tahap_list(renja=renja)
    by_id = {t.pk: t for t in tahaps}
    a = by_id.get(_int_or_none(request.GET.get("a"))) or (tahaps[-2] if len(tahaps) > 1 else None)
    b = by_id.get(_int_or_none(request.GET.get("b"))) or (tahaps[-1] if tahaps else None)
    diff = selectors.tahap_diff(a=a, b=b) if a and b else None
    show_all = request.GET.get("semua") == "1"
    rows = (diff.rows if show_all else diff.changed) if diff else []
    ringkas = {s: diff.count(s) for s in ("tambah", "hapus", "ubah")} if diff else {}
    jenis = ("target", "pagu", "unit", "lokasi", "prakiraan maju")
    per_jenis = [(j, diff.count_kind(j)) for j in jenis] if diff else []
    return render(
        request,
        "perencanaan/renja_diff.html",
        {
            "renja": renja,
            "tahaps": tahaps,
            "a": a,
            "b": b,
            "diff": diff,
            "rows": rows,
            "ringkas": ringkas,
            "per_jenis": per_jenis,
            "show_all": show_all,
        },
    )


def _tahap_action(request, tahap_id: int, fn, ok: str, **extra):
    tahap = get_object_or_404(Tahap.objects.select_related("renja__opd"), pk=tahap_id)
    access.access_opd_view(request.user, tahap.renja.opd)
    try:
        fn(actor=request.user, tahap=tahap, **extra)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, ok.format(tahap=tahap))
    return redirect(reverse("perencanaan:detail", args=[tahap.renja_id]) + f"?tahap={tahap.pk}")


@require_POST
@access.login_required
def tahap_submit(request, tahap_id: int):
    return _tahap_action(request, tahap_id, services.tahap_submit, "Tahap {tahap} diajukan.")


@require_POST
@access.login_required
def tahap_tetapkan(request, tahap_id: int):
    return _tahap_action(request, tahap_id, services.tahap_tetapkan, "Tahap {tahap} ditetapkan dan dikunci.")


@require_POST
@access.login_required
def tahap_return(request, tahap_id: int):
    return _tahap_action(
        request,
        tahap_id,
        services.tahap_return,
        "Tahap {tahap} dikembalikan ke draf.",
        alasan=request.POST.get("alasan", ""),
    )


@require_POST
@access.login_required
def tahap_create(request, renja_id: int):
    renja = _renja_for_view(request, renja_id)
    tahaps = {t.pk: t for t in selectors.tahap_list(renja=renja)}
    dari = tahaps.get(_int_or_none(request.POST.get("dari")))
    try:
        tahap = services.tahap_create(actor=request.user, renja=renja, jenis=request.POST.get("jenis", ""), dari=dari)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("perencanaan:detail", renja_id=renja.pk)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return redirect("perencanaan:detail", renja_id=renja.pk)
    messages.success(request, f"Tahap {tahap} dibuat" + (f" dari salinan {dari}." if dari else "."))
    return redirect(reverse("perencanaan:detail", args=[renja.pk]) + f"?tahap={tahap.pk}")


@access.login_required
def renstra_detail(request, renstra_id: int):
    try:
        renstra = selectors.renstra_get(user=request.user, renstra_id=renstra_id)
    except selectors.Renstra.DoesNotExist as exc:
        raise Http404("Renstra tidak ditemukan.") from exc
    return render(request, "perencanaan/renstra_detail.html", {"renstra": renstra})


@access.login_required
def subkegiatan_create(request, parent_id: int):
    parent = _row_for_view(request, parent_id)
    if parent.level != Level.KEGIATAN:
        raise Http404("Sub kegiatan ditambahkan di bawah kegiatan.")
    tahap = parent.tahap
    access.access_row_add_under(request.user, tahap, units_under_parent=selectors.kegiatan_unit_ids(kegiatan=parent))
    opd = tahap.renja.opd
    units = selectors.unit_queryset(opd_id=opd.pk)
    detail_url = reverse("perencanaan:detail", args=[tahap.renja_id]) + f"?tahap={tahap.pk}"
    status = 200
    if request.method == "POST":
        form, ind_fs, pagu_fs = _bound_forms(request, units)
        if all([form.is_valid(), ind_fs.is_valid(), pagu_fs.is_valid()]):
            try:
                data = build_row_input(form, ind_fs, pagu_fs)
                row = services.row_create(
                    actor=request.user, tahap=tahap, level=Level.SUB_KEGIATAN, parent=parent, data=data
                )
            except ValidationError as exc:
                _attach_errors(form, exc)
                status = 400
            else:
                messages.success(request, f"Sub kegiatan {row.kode} ditambahkan.")
                return redirect(detail_url + f"#row-{row.pk}")
        else:
            status = 400
    else:
        own_units = sorted(access.operator_units(request.user, opd.pk))
        form = SubKegiatanForm(
            initial={"kode": parent.kode + ".", "unit": own_units[0] if own_units else None}, units=units
        )
        ind_fs = IndikatorFormSet(prefix="indikator")
        pagu_fs = PaguFormSet(prefix="pagu")
    context = {
        "row": None,
        "parent": parent,
        "tahap": tahap,
        "form": form,
        "ind_fs": ind_fs,
        "pagu_fs": pagu_fs,
        "detail_url": detail_url,
        "conflict": False,
    }
    return render(request, "perencanaan/subkegiatan_form.html", context, status=status)


@require_POST
@access.login_required
def row_delete(request, row_id: int):
    row = _row_for_view(request, row_id)
    detail_url = reverse("perencanaan:detail", args=[row.tahap.renja_id]) + f"?tahap={row.tahap_id}"
    try:
        services.row_delete(actor=request.user, row=row, expected_version=_int_or_none(request.POST.get("version")))
    except services.VersiKedaluwarsa as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Baris {row.kode} dihapus dari tahap {row.tahap}.")
    return redirect(detail_url)
