"""Turns AuditEvent snapshots of Renja rows (services._snapshot) into readable lines for the history page."""

from decimal import Decimal, InvalidOperation

from renja.rumus import angka

HIDDEN = {"tahap_id"}  # bookkeeping keys in snapshots, not shown

LABELS = {
    "kode": "Kode",
    "nama": "Nama",
    "unit": "Unit",
    "indikator": "Indikator",
    "pagu": "Pagu",
    "lokasi": "Lokasi",
    "prioritas_nasional": "Prioritas nasional",
    "prioritas_daerah": "Prioritas daerah",
    "kelompok_sasaran": "Kelompok sasaran",
    "prakiraan_target": "Target prakiraan maju",
    "prakiraan_satuan": "Satuan prakiraan maju",
    "prakiraan_pagu": "Pagu prakiraan maju",
    "status": "Status",
    "catatan": "Catatan",
    "jenis": "Jenis",
    "dari": "Disalin dari",
    "baris_disalin": "Baris disalin",
    "narasi_disalin": "Bagian narasi disalin",
    "judul": "Judul bagian",
    "teks": "Teks narasi",
}


def _rupiah(value) -> str:
    try:
        return angka.format_rupiah(Decimal(str(value)))
    except (InvalidOperation, ValueError, TypeError):
        return str(value)


def show(key: str, value) -> str:
    if value in (None, "", [], {}):
        return "-"
    if key == "indikator":
        return "; ".join(f"{i.get('uraian', '')}: {i.get('target', '-')} {i.get('satuan', '')}".strip() for i in value)
    if key == "pagu":
        return "; ".join(f"{k} {_rupiah(v)}" for k, v in value.items())
    if key == "prakiraan_pagu":
        return _rupiah(value)
    if key == "lokasi":
        return ", ".join(value)
    return str(value)


def describe(event) -> list[tuple[str, str, str]]:
    """(label, old, new) for each field the event touched; for create/delete every recorded field."""
    old, new = event.old or {}, event.new or {}
    if event.event_type in {"update", "transition"}:
        keys = [k for k, _, _ in event.changes]
    else:
        keys = [k for k in dict.fromkeys([*old, *new]) if (new or old).get(k) not in (None, "", [], {}, "-")]
    return [(LABELS.get(k, k), show(k, old.get(k)), show(k, new.get(k))) for k in keys if k not in HIDDEN]
