"""Reads of planning data, always scoped to what the user may see. Totals are computed here, never stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import Prefetch, Q, QuerySet

from renja.inti.models import AuditEvent
from renja.organisasi import access
from renja.organisasi.models import UnitKerja
from renja.perencanaan.models import (
    URUTAN_TAHAP,
    Indikator,
    JenisTahap,
    Level,
    Pagu,
    Renja,
    RenjaRow,
    Renstra,
    RenstraIndikator,
    RenstraSasaran,
    RenstraTarget,
    RenstraTujuan,
    Tahap,
)
from renja.perencanaan.targets import target_of
from renja.rumus import angka

NOL = Decimal(0)


def renja_visible(*, user) -> QuerySet[Renja]:
    qs = Renja.objects.select_related("opd__pemda", "nomenklatur_versi").order_by("-tahun", "opd__kode")
    ids = access.visible_opd_ids(user)
    return qs if ids is None else qs.filter(opd_id__in=ids)


def renja_get(*, user, renja_id: int) -> Renja:
    renja = Renja.objects.select_related("opd__pemda", "nomenklatur_versi").get(pk=renja_id)
    access.access_opd_view(user, renja.opd)
    return renja


def renja_find(*, tahun: int, opd_kode: str) -> Renja:
    return Renja.objects.select_related("opd__pemda", "nomenklatur_versi").get(tahun=tahun, opd__kode=opd_kode)


def renja_find_for_opd(*, tahun: int, opd) -> Renja:
    """The Renja of `opd` (found by organisasi.selectors.opd_find_for_command) for `tahun`: commands only."""
    return Renja.objects.select_related("opd__pemda", "nomenklatur_versi").get(tahun=tahun, opd=opd)


def tahap_list(*, renja: Renja) -> list[Tahap]:
    return list(Tahap.objects.filter(renja=renja).select_related("renja").order_by("urutan", "nomor"))


def tahap_default(tahaps: list[Tahap]) -> Tahap | None:
    """The stage a user most likely wants: the latest one."""
    return tahaps[-1] if tahaps else None


# --- tree with derived totals ------------------------------------------------------------------------


@dataclass
class Node:
    row: RenjaRow
    children: list[Node] = field(default_factory=list)
    pagu: Decimal = NOL  # derived for program/kegiatan, sum of Pagu rows for sub kegiatan
    prakiraan_pagu: Decimal = NOL
    unit_ids: set[int] = field(default_factory=set)  # kegiatan: units of all its sub kegiatan, before a unit filter

    @property
    def level(self) -> str:
        return self.row.level

    @cached_property
    def indikator(self) -> list[Indikator]:
        return list(self.row.indikator.all())

    @cached_property
    def pagu_rows(self) -> list[Pagu]:
        return list(self.row.pagu.all())

    @cached_property
    def sumber_dana(self) -> str:
        return ", ".join(p.sumber_dana.kode for p in self.pagu_rows)


@dataclass
class RenjaTree:
    tahap: Tahap
    programs: list[Node]
    total_pagu: Decimal
    total_prakiraan_pagu: Decimal
    counts: dict[str, int]
    prakiraan_kosong: int = 0  # sub kegiatan without a prakiraan maju pagu: the n+1 total is incomplete

    def flat(self):
        """Rows in display order (program, its kegiatan, their sub kegiatan)."""
        for p in self.programs:
            yield p
            for k in p.children:
                yield k
                yield from k.children


def _cached(model, items: list) -> QuerySet:
    """A queryset that already holds `items`, as prefetch_related would leave it."""
    qs = model.objects.none()
    qs._result_cache = items
    qs._prefetch_done = True
    return qs


def tahap_rows(tahap: Tahap) -> list[RenjaRow]:
    """All rows of a stage with indikator and pagu attached: three queries whatever the size.

    Django's prefetch_related builds a queryset per row; for thousands of rows that bookkeeping costs more
    than the queries, so the children are grouped here and put in the same cache `row.indikator.all()` reads.
    """
    rows = list(RenjaRow.objects.filter(tahap=tahap).select_related("unit").order_by("urutan", "id"))
    indikator: dict[int, list[Indikator]] = {r.pk: [] for r in rows}
    pagu: dict[int, list[Pagu]] = {r.pk: [] for r in rows}
    for i in Indikator.objects.filter(row__tahap=tahap).order_by("row_id", "urutan", "id"):
        indikator[i.row_id].append(i)
    for p in (
        Pagu.objects.filter(row__tahap=tahap).select_related("sumber_dana").order_by("row_id", "sumber_dana__kode")
    ):
        pagu[p.row_id].append(p)
    for r in rows:
        r.tahap = tahap  # cached FK: access checks read row.tahap.renja without a query per row
        r._prefetched_objects_cache = {
            "indikator": _cached(Indikator, indikator[r.pk]),
            "pagu": _cached(Pagu, pagu[r.pk]),
        }
    return rows


def renja_tree(*, tahap: Tahap, unit_id: int | None = None) -> RenjaTree:
    """Program > kegiatan > sub kegiatan with totals; with `unit_id`, only that unit's sub kegiatan count."""
    rows = tahap_rows(tahap)
    return _assemble(tahap=tahap, nodes=[Node(row=r) for r in rows], unit_id=unit_id)


# --- the Renja page: the same tree from plain values ---------------------------------------------------


@dataclass(slots=True)
class PageIndikator:
    uraian: str
    target_nilai: Decimal | None
    target_grade: str
    satuan: str


@dataclass(slots=True)
class PagePagu:
    sumber_dana_kode: str
    jumlah: Decimal


@dataclass(slots=True)
class PageRow:
    """A Renja row as the page shows it. Building a model instance costs more than fetching its values, and
    the page shows thousands of rows, so it reads plain values; `opd_id` and `unit_id` let access.can_* decide."""

    pk: int
    parent_id: int | None
    level: str
    kode: str
    nama: str
    unit_id: int | None
    unit_nama: str
    prakiraan_pagu: Decimal | None
    opd_id: int
    pagu_indikatif: Decimal | None = None
    indikator: list[PageIndikator] = field(default_factory=list)
    pagu: list[PagePagu] = field(default_factory=list)


class PageNode(Node):
    """A Node over a PageRow: indikator and pagu are already plain lists."""

    @property
    def indikator(self) -> list[PageIndikator]:
        return self.row.indikator

    @property
    def pagu_rows(self) -> list[PagePagu]:
        return self.row.pagu

    @property
    def sumber_dana(self) -> str:
        return ", ".join(p.sumber_dana_kode for p in self.row.pagu)


def renja_page_tree(*, tahap: Tahap, unit_id: int | None = None) -> RenjaTree:
    """The tree the Renja page renders: the same three queries, totals and filter as renja_tree, over plain
    values instead of model instances (benchmarks/renja_page.py)."""
    opd_id = tahap.renja.opd_id
    rows = [
        PageRow(pk, parent_id, level, kode, nama, unit_id_, unit_nama or "", prakiraan, opd_id, indikatif)
        for pk, parent_id, level, kode, nama, unit_id_, unit_nama, prakiraan, indikatif in RenjaRow.objects.filter(
            tahap=tahap
        )
        .order_by("urutan", "id")
        .values_list(
            "id", "parent_id", "level", "kode", "nama", "unit_id", "unit__nama", "prakiraan_pagu", "pagu_indikatif"
        )
    ]
    by_id = {r.pk: r for r in rows}
    for row_id, uraian, nilai, grade, satuan in (
        Indikator.objects.filter(row__tahap=tahap)
        .order_by("row_id", "urutan", "id")
        .values_list("row_id", "uraian", "target_nilai", "target_grade", "satuan")
    ):
        by_id[row_id].indikator.append(PageIndikator(uraian, nilai, grade, satuan))
    for row_id, kode, jumlah in (
        Pagu.objects.filter(row__tahap=tahap)
        .order_by("row_id", "sumber_dana__kode")
        .values_list("row_id", "sumber_dana__kode", "jumlah")
    ):
        by_id[row_id].pagu.append(PagePagu(kode, jumlah))
    return _assemble(tahap=tahap, nodes=[PageNode(row=r) for r in rows], unit_id=unit_id)


def _assemble(*, tahap: Tahap, nodes: list[Node], unit_id: int | None) -> RenjaTree:
    """Link `nodes` (in display order) into the tree and derive every total; one rule for both trees."""
    by_id = {n.row.pk: n for n in nodes}
    programs: list[Node] = []
    for node in nodes:
        if node.row.parent_id is None:
            programs.append(node)
        else:
            by_id[node.row.parent_id].children.append(node)
    counts = {Level.PROGRAM: 0, Level.KEGIATAN: 0, Level.SUB_KEGIATAN: 0}
    kept_programs = []
    for p in programs:
        kept_kegiatan = []
        for k in p.children:
            k.unit_ids = {s.row.unit_id for s in k.children if s.row.unit_id is not None}
            subs = [s for s in k.children if unit_id is None or s.row.unit_id == unit_id]
            for s in subs:
                s.pagu = sum((x.jumlah for x in s.pagu_rows), NOL)
                s.prakiraan_pagu = s.row.prakiraan_pagu or NOL
            k.children = subs
            k.pagu = sum((s.pagu for s in subs), NOL)
            k.prakiraan_pagu = sum((s.prakiraan_pagu for s in subs), NOL)
            if subs or unit_id is None:
                kept_kegiatan.append(k)
                counts[Level.SUB_KEGIATAN] += len(subs)
        p.children = kept_kegiatan
        p.pagu = sum((k.pagu for k in kept_kegiatan), NOL)
        p.prakiraan_pagu = sum((k.prakiraan_pagu for k in kept_kegiatan), NOL)
        if kept_kegiatan or unit_id is None:
            kept_programs.append(p)
            counts[Level.KEGIATAN] += len(kept_kegiatan)
    counts[Level.PROGRAM] = len(kept_programs)
    return RenjaTree(
        tahap=tahap,
        programs=kept_programs,
        total_pagu=sum((p.pagu for p in kept_programs), NOL),
        total_prakiraan_pagu=sum((p.prakiraan_pagu for p in kept_programs), NOL),
        counts=counts,
        prakiraan_kosong=sum(
            1 for p in kept_programs for k in p.children for sub in k.children if sub.row.prakiraan_pagu is None
        ),
    )


def kegiatan_unit_ids(*, kegiatan: RenjaRow) -> set[int]:
    """Units of the sub kegiatan under a kegiatan (who may add there: access.access_row_add_under)."""
    return set(kegiatan.children.exclude(unit=None).values_list("unit_id", flat=True))


def row_get(*, user, row_id: int) -> RenjaRow:
    row = (
        RenjaRow.objects.select_related(
            "tahap__renja__opd", "tahap__renja__nomenklatur_versi", "unit", "parent", "nomenklatur"
        )
        .prefetch_related("indikator", Prefetch("pagu", queryset=Pagu.objects.select_related("sumber_dana")))
        .get(pk=row_id)
    )
    access.access_opd_view(user, row.tahap.renja.opd)
    return row


# --- diff between two stages (Permendagri 86/2017 T-C.31 review) ---------------------------------------


@dataclass
class DiffRow:
    kode: str
    level: str
    nama: str
    status: str  # tambah / hapus / ubah / sama
    a: Node | None
    b: Node | None
    perubahan: list[str]

    @property
    def selisih_pagu(self) -> Decimal:
        return (self.b.pagu if self.b else NOL) - (self.a.pagu if self.a else NOL)


@dataclass
class TahapDiff:
    a: RenjaTree
    b: RenjaTree
    rows: list[DiffRow]

    @property
    def changed(self) -> list[DiffRow]:
        return [r for r in self.rows if r.status != "sama"]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    def count_kind(self, label: str) -> int:
        """Rows with a change of one kind: 'target', 'pagu', 'unit', 'lokasi', 'prakiraan maju'."""
        return sum(1 for r in self.rows if any(c.startswith(label + " ") for c in r.perubahan))

    @property
    def selisih_total(self) -> Decimal:
        return self.b.total_pagu - self.a.total_pagu


def _targets(node: Node) -> str:
    return "; ".join(f"{target_of(i).tampil()} {i.satuan}".strip() for i in node.row.indikator.all()) or "-"


def _pagu_detail(node: Node) -> str:
    if node.level != Level.SUB_KEGIATAN:
        return angka.format_rupiah(node.pagu)
    return "; ".join(f"{p.sumber_dana.kode} {angka.format_rupiah(p.jumlah)}" for p in node.row.pagu.all()) or "-"


def _prakiraan(node: Node) -> str:
    r = node.row
    target = target_of(r, "prakiraan_target")
    parts = [] if target.kosong else [f"{target.tampil()} {r.prakiraan_satuan}".strip()]
    if r.level == Level.SUB_KEGIATAN:
        parts.append("-" if r.prakiraan_pagu is None else angka.format_rupiah(r.prakiraan_pagu))
    return "; ".join(parts) or "-"


def _changes(na: Node, nb: Node) -> list[str]:
    out = []
    checks = [
        ("target", _targets),
        ("pagu", _pagu_detail),
        ("unit", lambda n: str(n.row.unit) if n.row.unit_id else "-"),
        ("lokasi", lambda n: ", ".join(n.row.lokasi or []) or "-"),
        ("prakiraan maju", _prakiraan),
    ]
    for label, show in checks:
        before, after = show(na), show(nb)
        if before != after:
            out.append(f"{label} {before} → {after}")
    if na.row.nama != nb.row.nama:
        out.append("nama berubah")
    if [i.uraian for i in na.row.indikator.all()] != [i.uraian for i in nb.row.indikator.all()]:
        out.append("uraian indikator berubah")
    return out


def tahap_diff(*, a: Tahap, b: Tahap) -> TahapDiff:
    tree_a, tree_b = renja_tree(tahap=a), renja_tree(tahap=b)
    nodes_a = {n.row.kode: n for n in tree_a.flat()}
    nodes_b = {n.row.kode: n for n in tree_b.flat()}
    order = list(nodes_b) + [k for k in nodes_a if k not in nodes_b]
    order.sort(key=lambda kode: [int(x) if x.isdigit() else 0 for x in kode.split(".")])
    out = []
    for kode in order:
        na, nb = nodes_a.get(kode), nodes_b.get(kode)
        ref = nb or na
        if na is None:
            out.append(DiffRow(kode, ref.level, ref.row.nama, "tambah", None, nb, ["baris baru"]))
        elif nb is None:
            out.append(DiffRow(kode, ref.level, ref.row.nama, "hapus", na, None, ["baris dihapus"]))
        else:
            changes = _changes(na, nb)
            out.append(DiffRow(kode, ref.level, ref.row.nama, "ubah" if changes else "sama", na, nb, changes))
    return TahapDiff(a=tree_a, b=tree_b, rows=out)


# --- units and history ------------------------------------------------------------------------------


def unit_queryset(*, opd_id: int) -> QuerySet[UnitKerja]:
    return UnitKerja.objects.filter(opd_id=opd_id)


def unit_list(*, opd) -> list[UnitKerja]:
    return list(unit_queryset(opd_id=opd.pk))


def jenis_tahap_berikut(tahaps: list[Tahap]) -> list[JenisTahap]:
    """The stage kinds that may follow the latest one (services.tahap_create enforces the same order)."""
    if not tahaps:
        return list(JenisTahap)
    latest = URUTAN_TAHAP[tahaps[-1].jenis]
    return [j for j in JenisTahap if URUTAN_TAHAP[j] > latest or j == JenisTahap.PERUBAHAN]


def row_history_events(*, row: RenjaRow) -> list[AuditEvent]:
    """Events of this row and of the rows it was copied from in earlier stages, newest first."""
    ids, current = [row.pk], row.disalin_dari_id
    while current is not None and current not in ids:
        ids.append(current)
        current = RenjaRow.objects.filter(pk=current).values_list("disalin_dari_id", flat=True).first()
    return list(
        AuditEvent.objects.filter(object_type=row._meta.label_lower, object_id__in=[str(i) for i in ids])
        .select_related("actor")
        .order_by("-created_at", "-id")
    )


def tahap_history_events(*, tahap: Tahap) -> list[AuditEvent]:
    """Transitions of the stage, rows deleted from it (their snapshot names the stage) and changes of its
    narrative sections."""
    from renja.perencanaan.models import NarasiBagian

    narasi = [str(pk) for pk in NarasiBagian.objects.filter(tahap=tahap).values_list("pk", flat=True)]
    return list(
        AuditEvent.objects.filter(
            Q(object_type=tahap._meta.label_lower, object_id=str(tahap.pk))
            | Q(action="row_delete", old__tahap_id=tahap.pk)
            | Q(object_type=NarasiBagian._meta.label_lower, object_id__in=narasi)
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
    )


# --- Renstra ------------------------------------------------------------------------------------------


def renstra_get(*, user, renstra_id: int) -> Renstra:
    """A Renstra with tujuan > sasaran > indikator > targets prefetched (constant number of queries)."""
    indikator_qs = RenstraIndikator.objects.prefetch_related(
        Prefetch("target", queryset=RenstraTarget.objects.order_by("tahun"))
    )
    renstra = (
        Renstra.objects.select_related("opd__pemda")
        .prefetch_related(
            Prefetch(
                "tujuan",
                queryset=RenstraTujuan.objects.prefetch_related(
                    Prefetch("indikator", queryset=indikator_qs),
                    Prefetch(
                        "sasaran",
                        queryset=RenstraSasaran.objects.prefetch_related(Prefetch("indikator", queryset=indikator_qs)),
                    ),
                ),
            )
        )
        .get(pk=renstra_id)
    )
    access.access_opd_view(user, renstra.opd)
    return renstra


# --- authoring (issue 10): Renstra programme table, starting points, rows left by a copy ---------------


@dataclass
class RenstraProgramNode:
    program: object  # RenstraProgram
    children: list[RenstraProgramNode] = field(default_factory=list)
    pagu: dict[int, Decimal] = field(default_factory=dict)  # tahun -> pagu indikatif (program: sum of kegiatan)
    pagu_list_tahun: list = field(default_factory=list)  # the same in the order of the period's years

    @property
    def level(self) -> str:
        return self.program.level

    def pagu_list(self, tahun_list: list[int]) -> list[Decimal | None]:
        return [self.pagu.get(t) for t in tahun_list]


@dataclass
class RenstraProgramTable:
    programs: list[RenstraProgramNode]
    total: dict[int, Decimal]
    total_list: list[Decimal] = field(default_factory=list)

    def flat(self):
        for p in self.programs:
            yield p
            yield from p.children


def renstra_program_table(*, renstra: Renstra) -> RenstraProgramTable:
    """Programs with their kegiatan, indicators (targets prefetched), yearly pagu indikatif: a kegiatan's as
    typed, a program's and the Renstra's derived (sums). A constant number of queries."""
    from renja.perencanaan.models import RenstraPagu, RenstraProgram

    items = list(
        RenstraProgram.objects.filter(renstra=renstra)
        .select_related("unit", "sasaran")
        .prefetch_related(
            Prefetch(
                "indikator",
                queryset=RenstraIndikator.objects.prefetch_related(
                    Prefetch("target", queryset=RenstraTarget.objects.order_by("tahun"))
                ).order_by("urutan", "id"),
            ),
            Prefetch("pagu", queryset=RenstraPagu.objects.order_by("tahun")),
        )
        .order_by("urutan", "id")
    )
    nodes = {p.pk: RenstraProgramNode(program=p) for p in items}
    programs = []
    for p in items:
        node = nodes[p.pk]
        if p.parent_id is None:
            programs.append(node)
        else:
            nodes[p.parent_id].children.append(node)
            node.pagu = {x.tahun: x.jumlah for x in p.pagu.all()}
    tahun_list = renstra.tahun_list
    total: dict[int, Decimal] = {t: NOL for t in tahun_list}
    for node in programs:
        node.pagu = {t: sum((k.pagu.get(t, NOL) for k in node.children), NOL) for t in tahun_list}
        for t, v in node.pagu.items():
            total[t] = total.get(t, NOL) + v
        node.pagu_list_tahun = node.pagu_list(tahun_list)
        for k in node.children:
            k.pagu_list_tahun = k.pagu_list(tahun_list)
    return RenstraProgramTable(programs=programs, total=total, total_list=[total[t] for t in tahun_list])


def renstra_visible(*, user, opd_id: int | None = None) -> QuerySet[Renstra]:
    qs = Renstra.objects.select_related("opd__pemda").order_by("-tahun_awal", "opd__kode")
    ids = access.visible_opd_ids(user)
    if ids is not None:
        qs = qs.filter(opd_id__in=ids)
    return qs if opd_id is None else qs.filter(opd_id=opd_id)


def opd_plannable(*, user) -> list:
    """The OPDs where `user` may start a Renja or a Renstra (perencana or admin)."""
    from renja.organisasi.models import PerangkatDaerah

    ids = access.visible_opd_ids(user)
    qs = PerangkatDaerah.objects.select_related("pemda").order_by("pemda__nama", "kode")
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return [opd for opd in qs if access.can_plan_opd(user, opd.pk)]


def tertunda_list(*, tahap: Tahap) -> list:
    from renja.perencanaan.models import BarisTertunda

    return list(BarisTertunda.objects.filter(tahap=tahap).select_related("diputuskan_oleh").order_by("kode_lama"))


def pptk_choices(*, opd_id: int) -> QuerySet:
    """Active users with a role in the OPD: who may be named PPTK of its sub kegiatan."""
    from django.contrib.auth import get_user_model

    from renja.organisasi.models import PenugasanPeran

    user_ids = PenugasanPeran.objects.filter(opd_id=opd_id).values("user_id")
    return get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("first_name", "username")


def tahap_get(*, user, tahap_id: int) -> Tahap:
    tahap = Tahap.objects.select_related("renja__opd__pemda", "renja__nomenklatur_versi").get(pk=tahap_id)
    access.access_opd_view(user, tahap.renja.opd)
    return tahap


def tertunda_get(*, user, tertunda_id: int):
    from renja.perencanaan.models import BarisTertunda

    item = BarisTertunda.objects.select_related("tahap__renja__opd").get(pk=tertunda_id)
    access.access_opd_view(user, item.tahap.renja.opd)
    return item


def renstra_of(obj) -> Renstra:
    """The Renstra a tujuan, sasaran, indicator or programme row belongs to."""
    if isinstance(obj, RenstraIndikator):
        obj = obj.tujuan or obj.sasaran or obj.program
    if isinstance(obj, RenstraSasaran):
        obj = obj.tujuan
    return obj.renstra


def renstra_part_get(*, user, model, pk: int):
    """A tujuan, sasaran, indicator or programme row by id, refused (403) outside the user's OPDs, 404 if none."""
    from django.http import Http404

    related = {
        "RenstraTujuan": ["renstra__opd"],
        "RenstraSasaran": ["tujuan__renstra__opd"],
        "RenstraIndikator": ["tujuan__renstra__opd", "sasaran__tujuan__renstra__opd", "program__renstra__opd"],
        "RenstraProgram": ["renstra__opd", "parent"],
    }[model.__name__]
    obj = model.objects.select_related(*related).filter(pk=pk).first()
    if obj is None:
        raise Http404("Bagian Renstra tidak ditemukan.")
    access.access_opd_view(user, renstra_of(obj).opd)
    return obj


def tertunda_count(*, tahap: Tahap) -> int:
    """Rows a copy left in `tahap` that still wait for a decision."""
    from renja.perencanaan.models import BarisTertunda

    return BarisTertunda.objects.filter(tahap=tahap, status="menunggu").count()


# --- usulan (T-C.32) and narrative (issue 7) --------------------------------------------------------------


def usulan_list(*, renja: Renja, sumber: str = "", status: str = "") -> list:
    """The proposals of `renja` (the caller read `renja` through renja_get), optionally of one sumber/status."""
    from renja.perencanaan.models import Usulan

    qs = Usulan.objects.filter(renja=renja).select_related("diputuskan_oleh").order_by("id")
    if sumber:
        qs = qs.filter(sumber=sumber)
    if status:
        qs = qs.filter(status=status)
    return list(qs)


def usulan_get(*, user, usulan_id: int):
    from renja.perencanaan.models import Usulan

    usulan = Usulan.objects.select_related("renja__opd__pemda").get(pk=usulan_id)
    access.access_opd_view(user, usulan.renja.opd)
    return usulan


def sub_kegiatan_nama(*, tahap: Tahap | None, kode: list[str]) -> dict[str, RenjaRow]:
    """The sub kegiatan rows of `tahap` with these codes (with their kegiatan and program), by code."""
    if tahap is None or not kode:
        return {}
    rows = RenjaRow.objects.filter(tahap=tahap, kode__in=kode, level=Level.SUB_KEGIATAN).select_related(
        "parent__parent"
    )
    return {r.kode: r for r in rows.prefetch_related("indikator")}


def narasi_list(*, tahap: Tahap) -> list:
    from renja.perencanaan.models import NarasiBagian

    return list(NarasiBagian.objects.filter(tahap=tahap).order_by("urutan", "kode"))


def narasi_bagian_get(*, user, bagian_id: int):
    from renja.perencanaan.models import NarasiBagian

    bagian = NarasiBagian.objects.select_related("tahap__renja__opd__pemda", "tahap__renja__renstra").get(pk=bagian_id)
    access.access_opd_view(user, bagian.tahap.renja.opd)
    return bagian
