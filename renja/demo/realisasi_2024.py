"""Loads the seed's 2024 realisation (renja_2024_realisasi.yaml) into the monitoring models, through monev's services.

The seed gives annual figures only (``periode: tahunan``): no quarter is known. Each annual value is stored as the
value of **December** (month 12, the last month of triwulan IV), which is how monev stores a value typed once per
triwulan. The year's roll-up then reproduces it under every aggregation: a sum over the months (jumlah), the last
value (terakhir), the mean of the reported months (rata-rata) and the maximum are all the December value. TW I-III
stay empty ("belum ada data"); TW IV alone shows the year's figures. Sub kegiatan without a seed figure (pagu
``null``) get nothing: a blank stays blank.

TW IV is then taken through the workflow the way it would have been in 2024: every responsible unit submits, the
perencana verifies, the pimpinan approves, so the year is locked like any approved triwulan.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from renja.inti.notifikasi import notifikasi_tandai_dibaca
from renja.monev import services as monev
from renja.monev.selectors import tahap_berlaku, unit_penanggung_jawab
from renja.organisasi import access
from renja.organisasi.models import Peran
from renja.perencanaan.models import Indikator, Level, Renja
from renja.perencanaan.targets import parse_target

BULAN_TAHUNAN = 12  # the annual value is December's (see the module docstring)
TRIWULAN_TAHUNAN = 4


def _nilai(value, where: str):
    try:
        return parse_target(None if value is None else str(value), wajib=False, label=where)
    except ValidationError as exc:
        raise ValidationError(f"{where}: {' '.join(exc.messages)}") from exc


def load_realisasi_2024(*, renja: Renja, data: dict, users: list[tuple]) -> dict[str, int]:
    """Write the 2024 realisation of `data` (renja_2024_realisasi.yaml) into `renja`; returns counts per kind.

    `users` is the loader's DEMO_USERS list: sub kegiatan are typed by their unit's operator (the admin where the
    demo has none), program and kegiatan indicators by the perencana."""
    tahap = tahap_berlaku(renja)
    if tahap is None or tahap.jenis != data["tahap"]:
        raise ValidationError(f"Realisasi 2024 ditulis untuk tahap {data['tahap']}, tahap yang berlaku {tahap}.")
    people = {u.username: u for u in get_user_model().objects.filter(username__in=[x[0] for x in users])}
    operator = {
        unit_id: people[username]
        for username, _, peran, _unit in users
        if peran == Peran.OPERATOR
        for unit_id in access.operator_units(people[username], renja.opd_id)
    }
    admin, perencana = people["admin"], people["perencana"]
    rows = {r.kode: r for r in tahap.rows.select_related("unit")}
    indikator: dict[int, list[Indikator]] = {}
    for ind in Indikator.objects.filter(row__tahap=tahap).order_by("row_id", "urutan", "id"):
        indikator.setdefault(ind.row_id, []).append(ind)
    counts = {"kinerja": 0, "keuangan": 0, "tanpa_keuangan": 0}
    for item in data["baris"]:
        kode = str(item["kode"])
        row = rows.get(kode)
        if row is None:
            raise ValidationError(f"renja_2024_realisasi.yaml: baris {kode} tidak ada di tahap {tahap}.")
        actor = operator.get(row.unit_id, admin) if row.level == Level.SUB_KEGIATAN else perencana
        by_uraian = {i.uraian: i for i in indikator.get(row.pk, [])}
        for isi in item.get("indikator") or []:
            ind = by_uraian.get(isi["uraian"])
            if ind is None:
                raise ValidationError(f"renja_2024_realisasi.yaml: {kode} tidak punya indikator '{isi['uraian']}'.")
            nilai = _nilai(isi.get("realisasi"), f"realisasi {kode}")
            if not nilai.kosong:
                monev.realisasi_kinerja_record(
                    actor=actor, indikator=ind, bulan=BULAN_TAHUNAN, nilai=nilai, expected_version=0
                )
                counts["kinerja"] += 1
        if row.level != Level.SUB_KEGIATAN:
            continue
        jumlah = item.get("realisasi_keuangan")
        if jumlah is None:
            counts["tanpa_keuangan"] += 1
            continue
        pagu = list(row.pagu.all())
        if len(pagu) != 1:
            raise ValidationError(
                f"renja_2024_realisasi.yaml: {kode} berpagu {len(pagu)} sumber dana; realisasi tahunan seed tidak "
                "dirinci per sumber dana."
            )
        monev.realisasi_keuangan_record(
            actor=actor,
            row=row,
            sumber_dana_id=pagu[0].sumber_dana_id,
            bulan=BULAN_TAHUNAN,
            jumlah=Decimal(int(jumlah)),
            expected_version=0,
        )
        counts["keuangan"] += 1
    for unit in unit_penanggung_jawab(tahap=tahap):
        monev.realisasi_submit(actor=operator.get(unit.pk, admin), renja=renja, unit=unit, triwulan=TRIWULAN_TAHUNAN)
        monev.realisasi_verify(actor=perencana, renja=renja, unit=unit, triwulan=TRIWULAN_TAHUNAN)
    monev.realisasi_approve(actor=people["pimpinan"], renja=renja, triwulan=TRIWULAN_TAHUNAN)
    for user in people.values():  # history, as the 2026 example: a first login starts with an empty bell
        notifikasi_tandai_dibaca(actor=user)
    return counts
