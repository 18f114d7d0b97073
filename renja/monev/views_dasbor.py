"""The OPD dashboard (renja.monev.dasbor) and the home page choice. Thin views."""

from __future__ import annotations

from django.shortcuts import redirect, render

from renja.monev import dasbor, selectors
from renja.monev.forms import parse_int
from renja.monev.views import _renja
from renja.organisasi import access


@access.login_required
def beranda(request):
    """Home: the OPD dashboard for every user whose scope is one OPD (operator, perencana, pimpinan of it: the
    dashboard links to the Renja list); Pemda-wide and installation users keep the Renja list, and an admin whose
    scope holds no OPD yet is led to the setup pages."""
    user = request.user
    ids = access.visible_opd_ids(user)
    if access.can_administer(user) and (ids == set() or (ids is None and not access.any_opd_exists())):
        return redirect("organisasi:kelola")
    if access.single_opd_scope(user) is not None:
        renja = dasbor.renja_dasbor(user=user)
        if renja is not None:
            return redirect("monev:dasbor", renja_id=renja.pk)
    return redirect("perencanaan:list")


@access.login_required
def dasbor_index(request):
    renja = dasbor.renja_dasbor(user=request.user)
    if renja is not None:
        return redirect("monev:dasbor", renja_id=renja.pk)
    return render(request, "monev/dasbor_pilih.html", {"renjas": selectors.renja_monev_visible(user=request.user)})


@access.login_required
def dasbor_opd(request, renja_id: int):
    renja = _renja(request, renja_id)
    d = dasbor.dasbor_opd(user=request.user, renja=renja, triwulan=parse_int(request.GET.get("tw")))
    return render(request, "monev/dasbor.html", {"renja": renja, "d": d, "grafik": d.grafik()})
