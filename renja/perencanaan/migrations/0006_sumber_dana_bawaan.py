"""The funding sources every Pemda budgets from, so an installation without the demo (RENJA_DEMO=0) can enter
pagu per sumber dana from the first day. Source: UU 1/2022 (HKPD) pasal 1 and Permendagri 77/2020 (pendapatan
daerah: PAD; transfer: DBH, DAU, DAK fisik and non fisik, insentif fiskal; bantuan keuangan; pinjaman daerah).
DBHCHT is the tobacco-excise share the seed names (line 667). Existing rows (the demo's) are left as they are."""

from django.db import migrations

SUMBER_DANA = [
    ("PAD", "Pendapatan Asli Daerah (PAD)"),
    ("DAU", "Dana Alokasi Umum (DAU)"),
    ("DAK-F", "Dana Alokasi Khusus Fisik"),
    ("DAK-NF", "Dana Alokasi Khusus Non Fisik"),
    ("DBH", "Dana Bagi Hasil (DBH)"),
    ("DBHCHT", "Dana Bagi Hasil Cukai Hasil Tembakau (DBHCHT)"),
    ("DIF", "Dana Insentif Fiskal"),
    ("BANKEU", "Bantuan Keuangan Provinsi"),
    ("PINJAMAN", "Pinjaman Daerah"),
]


def tambah(apps, schema_editor):
    SumberDana = apps.get_model("perencanaan", "SumberDana")
    for kode, nama in SUMBER_DANA:
        SumberDana.objects.get_or_create(kode=kode, defaults={"nama": nama})


class Migration(migrations.Migration):
    dependencies = [("perencanaan", "0005_penyusunan")]

    operations = [migrations.RunPython(tambah, migrations.RunPython.noop)]
