"""Bulk setup from a file: all or nothing, every bad cell named; a good file creates exactly its rows."""

import io
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from renja.inti.impor import GalatImpor
from renja.organisasi import impor
from renja.organisasi.models import Akun, PenugasanPeran, PerangkatDaerah, UnitKerja

DISDIK = "1.01.0.00.0.00.01.0000"


def workbook(sheets: dict[str, list[list]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def kota_contoh_sheets(ganti: dict | None = None) -> dict[str, list[list]]:
    """Dinas Pendidikan with two units, three users and four roles (one Pemda-wide pemeriksa)."""
    sheets = {
        "OPD": [
            ["Kode OPD", "Nama", "Singkatan", "Nama Kepala", "Pangkat/Golongan", "NIP Kepala", "Jabatan Kepala"],
            [
                DISDIK,
                "Dinas Pendidikan",
                "Disdik",
                "Dra. Siti Aminah",
                "Pembina (IV/a)",
                "19700101 199503 2 001",
                "Kepala Dinas",
            ],
        ],
        "Unit": [
            ["Kode OPD", "Kode Unit", "Nama Unit"],
            [DISDIK, "sekretariat", "Sekretariat"],
            [DISDIK, "paud", "Bidang PAUD dan Pendidikan Nonformal"],
        ],
        "Pengguna": [
            ["Nama Pengguna", "Nama Lengkap", "Kode OPD", "Surel", "NIP", "Jabatan"],
            ["perencana.disdik", "Rina Perencana", DISDIK, "rina@contoh.go.id", "198501012010012001", "Perencana"],
            ["operator.paud", "Agus Operator", DISDIK, "", "", ""],
            ["bappeda.bekasi", "Dedi Bappeda", "", "", "", "Analis Bappeda"],
        ],
        "Peran": [
            ["Nama Pengguna", "Peran", "Kode OPD", "Kode Unit"],
            ["perencana.disdik", "perencana", DISDIK, ""],
            ["operator.paud", "operator", DISDIK, "paud"],
            ["perencana.disdik", "pimpinan", DISDIK, ""],
            ["bappeda.bekasi", "pemeriksa", "", ""],
        ],
    }
    for (sheet, row, col), value in (ganti or {}).items():
        sheets[sheet][row][col] = value
    return sheets


def _counts():
    return (
        PerangkatDaerah.objects.count(),
        UnitKerja.objects.count(),
        get_user_model().objects.count(),
        PenugasanPeran.objects.count(),
    )


def test_bad_nip_and_unknown_unit_refuse_the_whole_file_naming_both_cells(bekasi):
    data = workbook(
        kota_contoh_sheets(
            {("Pengguna", 1, 4): "1985010120100120", ("Peran", 2, 3): "tk"}  # 16 digits; no unit 'tk' in Disdik
        )
    )
    before = _counts()
    with pytest.raises(GalatImpor) as err:
        impor.impor_organisasi(actor=None, pemda=bekasi, hasil=impor.baca(data, jenis="xlsx"))
    assert [str(g) for g in err.value.galat] == [
        "Lembar Pengguna, baris 2, kolom E (NIP): '1985010120100120' harus 18 digit angka "
        "(boleh dengan spasi, mis. 19660301 199003 1 010)",
        "Lembar Peran, baris 3, kolom D (Kode Unit): unit 'tk' tidak ada di perangkat daerah 1.01.0.00.0.00.01.0000",
    ]
    assert str(err.value).startswith("Impor dibatalkan, tidak ada yang disimpan: 2 galat.")
    assert _counts() == before


def test_good_file_creates_exactly_its_opds_units_users_and_roles(bekasi, django_user_model):
    before = _counts()
    hasil = impor.impor_organisasi(
        actor=None, pemda=bekasi, hasil=impor.baca(workbook(kota_contoh_sheets()), jenis="xlsx")
    )
    assert hasil.ringkasan() == "1 perangkat daerah, 2 unit kerja, 3 pengguna, 4 peran"
    assert _counts() == (before[0] + 1, before[1] + 2, before[2] + 3, before[3] + 4)
    disdik = PerangkatDaerah.objects.get(pemda=bekasi, kode=DISDIK)
    assert (disdik.kepala_nip, disdik.kepala_nip_tampil) == ("197001011995032001", "19700101 199503 2 001")
    assert [u.kode for u in disdik.unit_kerja.order_by("urutan")] == ["sekretariat", "paud"]
    op = django_user_model.objects.get(username="operator.paud")
    assert op.check_password(dict(hasil.pengguna)["operator.paud"])
    assert Akun.objects.get(user=op).wajib_ganti_sandi
    assert PenugasanPeran.objects.get(user=op).unit.kode == "paud"
    bappeda = PenugasanPeran.objects.get(user__username="bappeda.bekasi")
    assert (bappeda.peran, bappeda.pemda, bappeda.opd) == ("pemeriksa", bekasi, None)
    roles = set(PenugasanPeran.objects.filter(user__username="perencana.disdik").values_list("peran", flat=True))
    assert roles == {"perencana", "pimpinan"}


def test_every_kind_of_bad_cell_is_named_once(bekasi, dinsos):
    sheets = kota_contoh_sheets(
        {
            ("OPD", 1, 0): "1.01.0.00.0.00.01",  # seven parts
            ("Unit", 1, 0): "1.99.0.00.0.00.01.0000",  # no such OPD
            ("Pengguna", 2, 0): "admin",  # taken by the demo
            ("Peran", 1, 1): "bos",  # no such role
        }
    )
    with pytest.raises(GalatImpor) as err:
        impor.impor_organisasi(actor=None, pemda=bekasi, hasil=impor.baca(workbook(sheets), jenis="xlsx"))
    text = [str(g) for g in err.value.galat]
    assert text[0] == (
        "Lembar Peran, baris 2, kolom B (Peran): 'bos' bukan salah satu dari: "
        "admin, perencana, operator, pimpinan, pemeriksa"
    )
    assert any(
        t.startswith("Lembar OPD, baris 2, kolom A (Kode OPD): Kode perangkat daerah '1.01.0.00.0.00.01'") for t in text
    )
    assert (
        "Lembar Unit, baris 2, kolom A (Kode OPD): perangkat daerah 1.99.0.00.0.00.01.0000 tidak ada di Kota Bekasi "
        "maupun di lembar OPD"
    ) in text
    assert "Lembar Pengguna, baris 3, kolom A (Nama Pengguna): nama pengguna 'admin' sudah dipakai" in text


def test_nip_typed_as_a_spreadsheet_number_is_refused(bekasi):
    data = workbook(kota_contoh_sheets({("Pengguna", 1, 4): 198501012010012001}))
    with pytest.raises(GalatImpor, match="ditulis sebagai angka; format sel sebagai Teks"):
        impor.impor_organisasi(actor=None, pemda=bekasi, hasil=impor.baca(data, jenis="xlsx"))


YAML = f"""
OPD:
  - {{kode: "{DISDIK}", nama: Dinas Pendidikan, kepala_nip: "19700101 199503 2 001"}}
Unit:
  - {{opd: "{DISDIK}", kode: sekretariat, nama: Sekretariat}}
Pengguna:
  - {{username: perencana.disdik, nama_lengkap: Rina Perencana, opd: "{DISDIK}"}}
Peran:
  - {{username: perencana.disdik, peran: perencana, opd: "{DISDIK}"}}
"""


def test_command_imports_yaml_and_prints_one_time_passwords(tmp_path, bekasi):
    berkas = tmp_path / "kota.yaml"
    berkas.write_text(YAML, encoding="utf-8")
    out = StringIO()
    call_command("renja_impor_organisasi", str(berkas), pemda="32.75", stdout=out)
    text = out.getvalue()
    assert "Diimpor ke Kota Bekasi: 1 perangkat daerah, 1 unit kerja, 1 pengguna, 1 peran." in text
    line = next(x for x in text.splitlines() if x.strip().startswith("perencana.disdik"))
    assert get_user_model().objects.get(username="perencana.disdik").check_password(line.split("\t")[1])


def test_command_needs_pemda_when_there_are_two(tmp_path, semarang):
    berkas = tmp_path / "kota.yaml"
    berkas.write_text(YAML, encoding="utf-8")
    with pytest.raises(CommandError, match=r"Ada lebih dari satu Pemda \(32.75 Kota Bekasi; 33.74 Kota Semarang\)"):
        call_command("renja_impor_organisasi", str(berkas))
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"bukan lembar kerja")
    with pytest.raises(CommandError, match="rusak.xlsx"):
        call_command("renja_impor_organisasi", str(bad), pemda="33.74")


def test_template_has_the_four_sheets_and_reads_back_empty(client, users):
    client.force_login(users["admin"])
    response = client.get(reverse("organisasi:impor_templat"))
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["OPD", "Unit", "Pengguna", "Peran", "Petunjuk"]
    assert [c.value for c in wb["Peran"][1]] == ["Nama Pengguna", "Peran", "Kode OPD", "Kode Unit"]
    assert impor.baca(response.content, jenis="xlsx").sah


def test_upload_page_for_the_pemda_admin(client, admin_bekasi, users, bekasi):
    url = reverse("organisasi:impor", args=[bekasi.pk])
    client.force_login(users["admin"])  # an OPD admin does not set up the Pemda
    assert client.post(url).status_code == 403
    client.force_login(admin_bekasi)
    bad = workbook(kota_contoh_sheets({("Peran", 2, 3): "tk"}))
    response = client.post(url, {"berkas": _upload("org.xlsx", bad)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Lembar Peran, baris 3, kolom D (Kode Unit): unit &#x27;tk&#x27; tidak ada" in html
    assert not PerangkatDaerah.objects.filter(kode=DISDIK, pemda=bekasi).exists()
    response = client.post(url, {"berkas": _upload("org.xlsx", workbook(kota_contoh_sheets()))})
    assert response.status_code == 200
    assert "1 perangkat daerah, 2 unit kerja, 3 pengguna, 4 peran" in response.content.decode()
    assert 'id="sandi-impor"' in response.content.decode()


def _upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_upload_caps_new_accounts_the_command_does_not(bekasi):
    """Each account costs an argon2 hash; a web request stays short (PENGGUNA_MAKS_UNGGAH), the command may be long."""
    data = workbook(kota_contoh_sheets())  # three new accounts
    with pytest.raises(GalatImpor) as err:
        impor.impor_organisasi(actor=None, pemda=bekasi, hasil=impor.baca(data, jenis="xlsx"), pengguna_maks=2)
    assert str(err.value.galat[0]).startswith("Lembar Pengguna: 3 pengguna baru; lewat halaman ini paling banyak 2")
    assert not PerangkatDaerah.objects.filter(kode=DISDIK).exists()
