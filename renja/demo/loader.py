"""Loads the demo data set (Dinas Sosial Kota Bekasi, Renja 2026 and Renja 2024) from renja/demo/data/*.yaml.

Everything is written through the services, so the demo has the same audit trail and validation as data
typed by a user. The whole load is one transaction: a broken data file leaves the database as it was.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import yaml
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from renja.demo.ikm_2024 import load_ikm_2024
from renja.demo.kinerja_2024 import load_basis_2024, load_kinerja_2024
from renja.demo.realisasi_2024 import load_realisasi_2024
from renja.demo.spm_2026 import load_spm
from renja.inti.notifikasi import notifikasi_tandai_dibaca
from renja.monev import services as monev
from renja.monev.narasi import katalog_monev
from renja.monev.selectors import tahap_berlaku, unit_penanggung_jawab
from renja.nomenklatur.models import Nomenklatur, NomenklaturVersi
from renja.nomenklatur.services import nomenklatur_load
from renja.organisasi import access
from renja.organisasi import services as org
from renja.organisasi.models import Peran, PerangkatDaerah
from renja.perencanaan import services as plan
from renja.perencanaan.impor_tahap import BarisImpor, IndikatorImpor, tahap_import
from renja.perencanaan.models import (
    Level,
    NarasiBagian,
    Renja,
    Renstra,
    RenstraIndikator,
    RenstraSasaran,
    RenstraTarget,
    RenstraTujuan,
    SumberDana,
)
from renja.perencanaan.narasi import katalog_perencanaan
from renja.perencanaan.targets import Target, parse_target

DATA_DIR = Path(__file__).resolve().parent / "data"
OPD_KODE = "1.06.0.00.0.00.01.0000"

# username, nama lengkap, peran, unit (for operators). Bappeda/Inspektorat reviewers are pemeriksa.
DEMO_USERS = [
    ("admin", "Admin Sistem", Peran.ADMIN, None),
    ("perencana", "Sub Bagian Perencanaan", Peran.PERENCANA, None),
    ("operator.rehsos", "Operator Bidang Rehsos", Peran.OPERATOR, "rehsos"),
    ("operator.linjamsos", "Operator Bidang Linjamsos", Peran.OPERATOR, "linjamsos"),
    ("pimpinan", "Kepala Dinas Sosial", Peran.PIMPINAN, None),
    ("pemeriksa", "Pemeriksa Bappeda", Peran.PEMERIKSA, None),
]


def _read(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def demo_logins_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-akun.txt"


@dataclass
class DemoResult:
    users: dict[str, str]
    renja: Renja
    renja_2024: Renja | None = None


def _target(value, where: str) -> Target:
    try:
        return parse_target(None if value is None else str(value), wajib=False, label=f"Target {where}")
    except ValidationError as exc:
        raise ValidationError(f"{where}: {' '.join(exc.messages)}") from exc


def _baris_impor(item: dict, *, level: str, where: str) -> BarisImpor:
    pm = item.get("prakiraan_maju") or {}
    return BarisImpor(
        kode=str(item["kode"]),
        level=level,
        uraian=item["nama"],
        indikator=[
            IndikatorImpor(
                uraian=i["uraian"],
                target=_target(i.get("target"), f"{where} {item['kode']}"),
                satuan=i.get("satuan") or "",
                polaritas=i.get("polaritas", "naik"),
                agregasi=i.get("agregasi") or "",
            )
            for i in item.get("indikator") or []
        ],
        unit=item.get("unit") or "",
        pagu={k: Decimal(int(v)) for k, v in (item.get("pagu") or {}).items()},
        lokasi=list(item.get("lokasi") or []),
        prioritas_nasional=item.get("prioritas_nasional") or "",
        prioritas_daerah=item.get("prioritas_daerah") or "",
        kelompok_sasaran=item.get("kelompok_sasaran") or "",
        prakiraan_target=_target(pm.get("target"), f"{where} {item['kode']} prakiraan maju"),
        prakiraan_satuan=pm.get("satuan") or "",
        prakiraan_pagu=Decimal(int(pm["pagu"])) if pm.get("pagu") is not None else None,
        sumber=item.get("sumber") or "",
        catatan=item.get("catatan") or "",
    )


def baris_dari_data(data: dict) -> list[BarisImpor]:
    """The rows of a stage data file (program > kegiatan > sub_kegiatan) as the stage import takes them."""
    baris = []
    for p in data["program"]:
        baris.append(_baris_impor(p, level=Level.PROGRAM, where="program"))
        for k in p.get("kegiatan") or []:
            baris.append(_baris_impor(k, level=Level.KEGIATAN, where="kegiatan"))
            for s in k.get("sub_kegiatan") or []:
                baris.append(_baris_impor(s, level=Level.SUB_KEGIATAN, where="sub kegiatan"))
    return baris


def load_tahap(*, actor, renja: Renja, data: dict):
    """One stage of a data file, through the one stage import (renja.perencanaan.impor_tahap)."""
    return tahap_import(
        renja=renja,
        jenis_tahap=data["tahap"],
        baris=baris_dari_data(data),
        user=actor,
        catatan=data.get("sumber", ""),
        sumber=f"data demo {data['tahun']} {data['tahap']}",
        system=True,
    ).tahap


def _load_renstra(*, opd: PerangkatDaerah, data: dict) -> Renstra:
    renstra = Renstra.objects.create(opd=opd, tahun_awal=data["periode"]["awal"], tahun_akhir=data["periode"]["akhir"])

    def add_indikator(items, *, tujuan=None, sasaran=None):
        for n, ind in enumerate(items or []):
            obj = RenstraIndikator.objects.create(
                tujuan=tujuan,
                sasaran=sasaran,
                uraian=ind["uraian"],
                satuan=ind.get("satuan") or "",
                polaritas=ind.get("polaritas", "naik"),
                kondisi_awal=str(ind.get("kondisi_awal") or ""),
                urutan=n,
            )
            for tahun, value in (ind.get("target") or {}).items():
                t = _target(value, f"IKU {ind['uraian'][:40]} {tahun}")
                RenstraTarget.objects.create(indikator=obj, tahun=int(tahun), nilai=t.nilai, grade=t.grade)

    for n, tj in enumerate(data.get("tujuan") or []):
        tujuan = RenstraTujuan.objects.create(renstra=renstra, kode=tj["kode"], uraian=tj["uraian"], urutan=n)
        add_indikator(tj.get("indikator"), tujuan=tujuan)
        for m, ss in enumerate(tj.get("sasaran") or []):
            sasaran = RenstraSasaran.objects.create(tujuan=tujuan, kode=ss["kode"], uraian=ss["uraian"], urutan=m)
            add_indikator(ss.get("indikator"), sasaran=sasaran)
    return renstra


def load_narasi(*, actor, tahap, data: dict) -> int:
    """The seed's narrative (narasi_2026.yaml) into the sections of `tahap`, through the narrative service with
    the full placeholder catalog (an unknown placeholder in the file stops the load with its name)."""
    katalog = katalog_perencanaan() | katalog_monev()
    bagian = {b.kode: b for b in NarasiBagian.objects.filter(tahap=tahap)}
    for item in data["bagian"]:
        b = bagian[str(item["kode"])]
        plan.narasi_bagian_update(
            actor=actor,
            bagian=b,
            expected_version=b.version,
            teks=item["teks"].rstrip("\n"),
            katalog=katalog,
            system=True,
        )
    return len(data["bagian"])


def demo_is_loaded() -> bool:
    return PerangkatDaerah.objects.filter(kode=OPD_KODE).exists()


@transaction.atomic
def demo_load(*, passwords: dict[str, str] | None = None) -> DemoResult:
    """Load the demo into a database that does not hold it yet. `passwords` fixes passwords (tests)."""
    if not Nomenklatur.objects.exists():
        nomenklatur_load()
    org_data = _read("organisasi.yaml")
    pd = org_data["pemda"]
    pemda = org.pemda_upsert(actor=None, kode=str(pd["kode"]), nama=pd["nama"], jenis=pd["jenis"])
    o = org_data["perangkat_daerah"][0]
    kepala = o.get("kepala") or {}
    opd = org.opd_upsert(
        actor=None,
        pemda=pemda,
        kode=o["kode"],
        nama=o["nama"],
        bidang_urusan=o["bidang_urusan"],
        singkatan=o.get("singkatan", ""),
        kepala_nama=kepala.get("nama", ""),
        kepala_nip=str(kepala.get("nip", "")),
        kepala_jabatan=kepala.get("jabatan", ""),
    )
    units = {}
    for n, u in enumerate(o["unit_kerja"]):
        units[u["kode"]] = org.unit_upsert(actor=None, opd=opd, kode=u["kode"], nama=u["nama"], urutan=n)
    for sd in org_data.get("sumber_dana") or []:
        SumberDana.objects.update_or_create(kode=sd["kode"], defaults={"nama": sd["nama"]})

    passwords = dict(passwords or {})
    users = {}
    for username, nama, peran, unit_kode in DEMO_USERS:
        password = passwords.get(username) or secrets.token_urlsafe(9)
        user = org.user_create(actor=None, username=username, password=password, nama_lengkap=nama)
        org.peran_assign(actor=None, user=user, peran=peran, opd=opd, unit=units.get(unit_kode) if unit_kode else None)
        users[username] = password
    admin = get_user_model().objects.get(username="admin")

    renstra = _load_renstra(opd=opd, data=_read("renstra_2025_2029.yaml"))
    rkpd = _read("renja_2026_rancangan_akhir_rkpd.yaml")
    final = _read("renja_2026_rancangan_akhir.yaml")
    versi = NomenklaturVersi.objects.get(kode=str(final["nomenklatur_versi"]))
    renja = plan.renja_create(actor=admin, opd=opd, tahun=int(final["tahun"]), nomenklatur_versi=versi, renstra=renstra)

    t1 = load_tahap(actor=admin, renja=renja, data=rkpd)
    narasi = _read("narasi_2026.yaml")
    load_narasi(actor=admin, tahap=t1, data=narasi)
    plan.tahap_submit(actor=admin, tahap=t1, system=True)
    plan.tahap_tetapkan(actor=admin, tahap=t1, system=True)

    # The final stage is its own document (BAB IV), not an edit of Tabel 2.19: an import, so it starts empty.
    t2 = load_tahap(actor=admin, renja=renja, data=final)
    load_narasi(actor=admin, tahap=t2, data=narasi)
    load_realisasi_contoh(renja=renja, data=_read("realisasi_2026_contoh.yaml"))
    renja_2024 = load_renja_2024(actor=admin, opd=opd)
    realisasi_2024 = _read("renja_2024_realisasi.yaml")
    load_realisasi_2024(renja=renja_2024, data=realisasi_2024, users=DEMO_USERS)
    load_kinerja_2024(actor=admin, opd=opd, data=realisasi_2024)
    load_basis_2024(actor=admin, opd=opd, data=realisasi_2024)
    load_ikm_2024(actor=admin, opd=opd, data=_read("ikm_2024.yaml"))
    load_spm(actor=admin, opd=opd, data=_read("spm_2026.yaml"))
    return DemoResult(users=users, renja=renja, renja_2024=renja_2024)


def load_renja_2024(*, actor, opd: PerangkatDaerah) -> Renja:
    """Renja 2024 (the year the seed evaluates) on the 2023 nomenclature, as one ditetapkan stage.

    Only the plan; its realisation (renja_2024_realisasi.yaml) is loaded by renja.demo.realisasi_2024.
    The seed gives no Renstra for 2024-2026 as a whole, so the Renja has none (the 2025-2029 one does not cover it).
    """
    data = _read("renja_2024_penetapan.yaml")
    for sd in data.get("sumber_dana") or []:
        SumberDana.objects.update_or_create(kode=sd["kode"], defaults={"nama": sd["nama"]})
    versi = NomenklaturVersi.objects.get(kode=str(data["nomenklatur_versi"]))
    renja = plan.renja_create(actor=actor, opd=opd, tahun=int(data["tahun"]), nomenklatur_versi=versi)
    tahap = load_tahap(actor=actor, renja=renja, data=data)
    plan.tahap_submit(actor=actor, tahap=tahap, system=True)
    plan.tahap_tetapkan(actor=actor, tahap=tahap, system=True)
    return renja


def load_realisasi_contoh(*, renja: Renja, data: dict) -> int:
    """TW I and II 2026 realisation, made up for the demo and marked as example data ("contoh") on its pages.

    Typed through the services by the people who would type it (the unit's operator where the demo has one, the
    admin otherwise), then the workflow of the file: submitted, verified by the perencana, approved by the
    pimpinan. Returns the number of cells written."""

    User = get_user_model()
    people = {u.username: u for u in User.objects.filter(username__in=[x[0] for x in DEMO_USERS])}
    tahap = tahap_berlaku(renja)
    if tahap is None or tahap.jenis != data["tahap"]:
        raise ValidationError(f"Realisasi contoh ditulis untuk tahap {data['tahap']}, tahap yang berlaku {tahap}.")
    rows = {r.kode: r for r in tahap.rows.filter(level=Level.SUB_KEGIATAN).select_related("unit")}
    sumber = {s.kode: s for s in SumberDana.objects.all()}
    operator = {
        unit_id: people[username]
        for username, _, peran, unit_kode in DEMO_USERS
        if peran == Peran.OPERATOR
        for unit_id in access.operator_units(people[username], renja.opd_id)
    }
    admin = people["admin"]
    n = 0
    for kode, isi in data["sub_kegiatan"].items():
        row = rows.get(kode)
        if row is None:
            raise ValidationError(f"realisasi_2026_contoh.yaml: sub kegiatan {kode} tidak ada di tahap {tahap}.")
        actor = operator.get(row.unit_id, admin)
        indikator = row.indikator.order_by("urutan").first()
        for tw, nilai in enumerate(isi.get("kinerja") or [], start=1):
            if nilai is not None:
                monev.realisasi_kinerja_record(
                    actor=actor,
                    indikator=indikator,
                    bulan=3 * tw,
                    nilai=_target(nilai, f"realisasi {kode} TW {tw}"),
                    expected_version=0,
                )
                n += 1
        for kode_sumber, per_tw in (isi.get("keuangan") or {}).items():
            for tw, jumlah in enumerate(per_tw, start=1):
                if jumlah is not None:
                    monev.realisasi_keuangan_record(
                        actor=actor,
                        row=row,
                        sumber_dana_id=sumber[kode_sumber].pk,
                        bulan=3 * tw,
                        jumlah=Decimal(int(jumlah)),
                        expected_version=0,
                    )
                    n += 1
    for f in data.get("faktor") or []:
        row = rows[f["kode"]]
        monev.realisasi_faktor_record(
            actor=operator.get(row.unit_id, admin),
            row=row,
            triwulan=int(f["triwulan"]),
            faktor_pendorong=f.get("pendorong", ""),
            faktor_penghambat=f.get("penghambat", ""),
            tindak_lanjut=f.get("tindak_lanjut", ""),
            expected_version=0,
        )
    units = unit_penanggung_jawab(tahap=tahap)
    for tw, cfg in sorted(data["triwulan"].items()):
        tw = int(tw)
        monev.triwulan_contoh_set(renja=renja, triwulan=tw, contoh=True)
        if cfg.get("batas_waktu"):
            monev.triwulan_batas_waktu_set(
                actor=people["perencana"], renja=renja, triwulan=tw, batas_waktu=date.fromisoformat(cfg["batas_waktu"])
            )
        if cfg.get("status") == "disetujui":
            for unit in units:
                monev.realisasi_submit(actor=operator.get(unit.pk, admin), renja=renja, unit=unit, triwulan=tw)
                monev.realisasi_verify(actor=people["perencana"], renja=renja, unit=unit, triwulan=tw)
            monev.realisasi_approve(actor=people["pimpinan"], renja=renja, triwulan=tw)
    for user in people.values():  # the demo's history is read; a first login starts with an empty bell
        notifikasi_tandai_dibaca(actor=user)
    return n


def demo_write_logins(users: dict[str, str]) -> Path:
    path = demo_logins_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{u}\t{p}\t{dict((x[0], x[2].label) for x in DEMO_USERS)[u]}" for u, p in users.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def demo_logins_text() -> str:
    path = demo_logins_file()
    if not path.exists():
        return ""
    out = ["Akun demo (hanya mode demo):", f"  {'pengguna':<20} {'kata sandi':<16} peran"]
    for line in path.read_text(encoding="utf-8").splitlines():
        u, p, peran = line.split("\t")
        out.append(f"  {u:<20} {p:<16} {peran}")
    return "\n".join(out)


def demo_reset() -> None:
    """Remove the demo OPD, everything under it, the demo users and their audit events; nothing else."""
    from renja.inti.models import AuditEvent
    from renja.organisasi.models import Pemda

    User = get_user_model()
    with transaction.atomic():
        opd = PerangkatDaerah.objects.filter(kode=OPD_KODE).first()
        demo_users = list(User.objects.filter(username__in=[u[0] for u in DEMO_USERS]).values_list("pk", flat=True))
        if opd is not None:
            AuditEvent.objects.filter(scope=str(opd.pk)).delete()
        AuditEvent.objects.filter(
            object_type=User._meta.label_lower, object_id__in=[str(p) for p in demo_users]
        ).delete()
        Renja.objects.filter(opd__kode=OPD_KODE).delete()
        Renstra.objects.filter(opd__kode=OPD_KODE).delete()
        # a respondent protects its layanan (a survey's answers are not lost by deleting a service), so the
        # survey periods go first, taking their respondents with them
        from renja.ikm.models import Periode

        Periode.objects.filter(opd__kode=OPD_KODE).delete()
        User.objects.filter(pk__in=demo_users).delete()
        PerangkatDaerah.objects.filter(kode=OPD_KODE).delete()
        Pemda.objects.filter(perangkat_daerah__isnull=True).delete()
