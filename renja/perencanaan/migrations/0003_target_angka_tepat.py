"""Targets move from DECIMAL(20,4) to an exact scaled integer (x 10^4), see renja.inti.fields.AngkaTepatField.

SQLite's DECIMAL kept only 15 significant digits, so 9007199254740993 read back as 9007199254740990.
Existing values are carried over by one UPDATE per column (ROUND(x * 10000) works on SQLite and PostgreSQL).
"""

from django.db import migrations

import renja.inti.fields

KOLOM = [("indikator", "target_nilai"), ("renjarow", "prakiraan_target_nilai"), ("renstratarget", "nilai")]


def salin(apps, schema_editor):
    for model_name, field in KOLOM:
        table = apps.get_model("perencanaan", model_name)._meta.db_table
        q = schema_editor.quote_name
        schema_editor.execute(
            f"UPDATE {q(table)} SET {q(field)} = CAST(ROUND({q(field + '_lama')} * 10000) AS BIGINT) "
            f"WHERE {q(field + '_lama')} IS NOT NULL"
        )


def salin_balik(apps, schema_editor):
    for model_name, field in KOLOM:
        table = apps.get_model("perencanaan", model_name)._meta.db_table
        q = schema_editor.quote_name
        schema_editor.execute(
            f"UPDATE {q(table)} SET {q(field + '_lama')} = {q(field)} / 10000.0 WHERE {q(field)} IS NOT NULL"
        )


class Migration(migrations.Migration):
    dependencies = [("perencanaan", "0002_row_disalin_dari")]

    operations = [
        *[migrations.RenameField(model_name=m, old_name=f, new_name=f + "_lama") for m, f in KOLOM],
        *[
            migrations.AddField(model_name=m, name=f, field=renja.inti.fields.AngkaTepatField(blank=True, null=True))
            for m, f in KOLOM
        ],
        migrations.RunPython(salin, salin_balik),
        *[migrations.RemoveField(model_name=m, name=f + "_lama") for m, f in KOLOM],
    ]
