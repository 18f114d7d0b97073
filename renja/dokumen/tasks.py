"""Background tasks of the dokumen app (django-tasks; the database backend's worker runs beside the server)."""

from django_tasks import task


@task()
def buat_dokumen(berkas_id: int) -> None:
    from renja.dokumen.services import dokumen_buat

    dokumen_buat(berkas_id=berkas_id)
