"""The Renja page's fast row fragment (the renja_rows tag over renja_page_tree) gives the same HTML as the
Django template over the model tree (perencanaan/_tree_rows_template.html), for every role and filter."""

import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from renja.organisasi import access
from renja.perencanaan.models import Level, RenjaRow
from renja.perencanaan.selectors import renja_page_tree, renja_tree
from renja.perencanaan.templatetags.renja_tree import renja_rows


def normalised(html: str) -> str:
    return re.sub(r">\s+<", "><", str(html)).strip()


def both(user, tahap, unit_id=None) -> tuple[str, str]:
    """The rows rendered both ways, with the view's rules for which links to offer."""

    def offered(tree) -> tuple[set, set]:
        editable = {
            n.row.pk
            for n in tree.flat()
            if n.level == Level.SUB_KEGIATAN and access.can_edit_row_in(user, n.row, tahap)
        }
        addable = {
            n.row.pk
            for n in tree.flat()
            if n.level == Level.KEGIATAN and access.can_add_under(user, tahap, units_under_parent=n.unit_ids)
        }
        return editable, addable

    model_tree = renja_tree(tahap=tahap, unit_id=unit_id)
    editable, addable = offered(model_tree)
    reference = render_to_string(
        "perencanaan/_tree_rows_template.html",
        {
            "tree": model_tree,
            "editable_ids": editable,
            "addable_ids": addable,
            "can_structure": access.can_structure_rows(user, tahap),
            "csrf_token": "tok3n",
        },
    )
    fast_tree = renja_page_tree(tahap=tahap, unit_id=unit_id)
    assert fast_tree.total_pagu == model_tree.total_pagu
    assert fast_tree.total_prakiraan_pagu == model_tree.total_prakiraan_pagu
    assert fast_tree.counts == model_tree.counts
    assert fast_tree.prakiraan_kosong == model_tree.prakiraan_kosong
    subs = [n.row for n in fast_tree.flat() if n.level == Level.SUB_KEGIATAN]
    # the page's one-lookup rules give what the per-row rules give
    assert access.rows_editable_in(user, subs, tahap) == offered(fast_tree)[0]
    units_by_kegiatan = {n.row.pk: n.unit_ids for n in fast_tree.flat() if n.level == Level.KEGIATAN}
    assert access.kegiatan_addable_in(user, tahap, units_by_kegiatan=units_by_kegiatan) == offered(fast_tree)[1]
    fast = renja_rows(fast_tree, *offered(fast_tree), access.can_structure_rows(user, tahap), "tok3n")
    return normalised(reference), normalised(fast)


@pytest.mark.parametrize("username", ["perencana", "operator.rehsos", "pemeriksa"])
@pytest.mark.parametrize("tahap_fixture", ["tahap_final", "tahap_rkpd"])
def test_fast_rows_equal_the_template(request, users, username, tahap_fixture):
    tahap = request.getfixturevalue(tahap_fixture)
    reference, fast = both(users[username], tahap)
    assert fast == reference
    assert fast.count("<tr ") == RenjaRow.objects.filter(tahap=tahap).count()


def test_fast_rows_equal_the_template_with_unit_filter(users, tahap_final, renja2026):
    rehsos = renja2026.opd.unit_kerja.get(kode="rehsos")
    reference, fast = both(users["operator.rehsos"], tahap_final, unit_id=rehsos.pk)
    assert fast == reference
    # Bidang Rehsos in the final stage: Rp 4.962.840.000 over its sub kegiatan (the e2e test's figure)
    assert renja_page_tree(tahap=tahap_final, unit_id=rehsos.pk).total_pagu == 4_962_840_000


def test_operator_gets_edit_links_only_on_own_unit(users, tahap_final):
    _, fast = both(users["operator.rehsos"], tahap_final)
    own = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01.0001")  # Bidang Rehsos
    other = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.06.2.01.0001")  # Bidang Linjamsos
    assert f"/renja/baris/{own.pk}/ubah/" in fast
    assert f"/renja/baris/{other.pk}/ubah/" not in fast
    assert f"/renja/baris/{other.pk}/riwayat/" in fast


def test_text_is_escaped_like_the_template(users, tahap_final):
    hostile = "<script>alert('x')</script> & \"kutip\""
    RenjaRow.objects.filter(tahap=tahap_final, kode="1.06.04.2.01.0001").update(nama=hostile)
    row = RenjaRow.objects.get(tahap=tahap_final, kode="1.06.04.2.01.0001")
    row.indikator.update(uraian=hostile, satuan="<i>Orang</i>")
    reference, fast = both(users["perencana"], tahap_final)
    assert fast == reference
    assert "<script>" not in fast
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;kutip&quot;" in fast


def test_targets_render_like_the_template(users, tahap_final):
    """A grade, a fraction, a number past 15 digits and no target at all: each shown as the template shows it."""
    rows = RenjaRow.objects.filter(tahap=tahap_final, level=Level.SUB_KEGIATAN).order_by("urutan")[:4]
    values = [
        {"target_grade": "A", "target_nilai": None},
        {"target_grade": "", "target_nilai": Decimal("12.5")},
        {"target_grade": "", "target_nilai": Decimal("12345678901234.5678")},
        {"target_grade": "", "target_nilai": None},
    ]
    for row, value in zip(rows, values, strict=True):
        row.indikator.update(**value)
    reference, fast = both(users["perencana"], tahap_final)
    assert fast == reference
    for shown in ('<div class="target">A</div>', '<div class="target">12,5</div>', '<div class="target">-</div>'):
        assert shown in fast
    assert '<div class="target">12.345.678.901.234,5678</div>' in fast


def test_fast_rows_equal_the_template_for_renja_2024(users, renja2026):
    """The 2024 Renja of the demo (2023 nomenclature, ditetapkan): another year, other codes, no edit links."""
    from renja.perencanaan.models import Tahap

    tahap = Tahap.objects.select_related("renja").get(renja__opd=renja2026.opd, renja__tahun=2024)
    reference, fast = both(users["perencana"], tahap)
    assert fast == reference
    assert "/ubah/" not in fast


def test_sub_kegiatan_without_pagu_shows_a_blank_not_rp_0(users, renja2026):
    """Issue 11: the 2024 Renja has 48 sub kegiatan without pagu in the seed (renja_2024_realisasi.yaml): their
    pagu cell reads "-" on the page (tag and template alike), never "Rp 0"; a kegiatan all of whose sub kegiatan
    lack a pagu is blank too; the total still adds up the rows that have one."""
    from renja.perencanaan.models import Tahap

    tahap = Tahap.objects.select_related("renja").get(renja__opd=renja2026.opd, renja__tahun=2024)
    reference, fast = both(users["perencana"], tahap)
    assert fast == reference
    tree = renja_page_tree(tahap=tahap)
    tanpa = [n for n in tree.flat() if n.level == Level.SUB_KEGIATAN and not n.pagu_rows]
    assert len(tanpa) == 48 and all(n.pagu_tampil is None for n in tanpa)
    for n in tanpa:
        cell = re.search(rf'id="row-{n.row.pk}".*?<td class="num pagu">(.*?)</td>', fast).group(1)
        assert cell == "-", (n.row.kode, cell)
    assert '<td class="num pagu">Rp 0</td>' not in fast
    kosong = [n for n in tree.flat() if n.level == Level.KEGIATAN and not any(s.pagu_rows for s in n.children)]
    assert kosong and all(n.pagu_tampil is None for n in kosong)
    assert tree.total_pagu == sum(n.pagu for n in tree.programs)
