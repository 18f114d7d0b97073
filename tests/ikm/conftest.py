import datetime

import pytest
from django.utils import timezone


@pytest.fixture
def opd(db):
    from renja.organisasi.models import PerangkatDaerah

    return PerangkatDaerah.objects.get(kode="1.06.0.00.0.00.01.0000")


@pytest.fixture
def layanan(opd, users):
    from renja.ikm import services

    return services.layanan_create(
        actor=users["perencana"], opd=opd, kode="REHSOS", nama="Rekomendasi rehabilitasi sosial", populasi=1000
    )


@pytest.fixture
def periode(opd, users):
    """A period open today (a week either side), so the public form accepts responses."""
    from renja.ikm import services

    hari_ini = timezone.localdate()
    return services.periode_create(
        actor=users["perencana"],
        opd=opd,
        kode="UJI-S1",
        nama="Semester uji",
        mulai=hari_ini - datetime.timedelta(days=7),
        selesai=hari_ini + datetime.timedelta(days=7),
    )


@pytest.fixture
def tautan(periode, layanan, users):
    from renja.ikm import services

    # the demo's own layanan (survey 2024, renja/demo/data/ikm_2024.yaml) get links too: take this layanan's
    return next(
        t for t in services.tautan_buat(actor=users["perencana"], periode=periode) if t.layanan_id == layanan.pk
    )


def isian_lengkap(nilai: int = 4, **lain):
    from renja.ikm.services import Isian

    data = dict(
        jawaban={i: nilai for i in range(1, 10)},
        jenis_kelamin="P",
        kelompok_usia="30-39",
        pendidikan="SMA",
        pekerjaan="WIRASWASTA",
    )
    data.update(lain)
    return Isian(**data)
