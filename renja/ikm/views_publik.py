"""The public survey form (/s/<token>/): no login, mobile first, works without JavaScript.

Protections, each answered with a polite Indonesian page and nothing stored:
  - one submission per browser per period: a signed cookie set on success (path /s/, so every layanan link of
    the period shares it); a second GET shows "sudah mengisi", a second POST is refused (403);
  - a rate limit per client address (settings.IKM_BATAS_PER_JAM, env RENJA_IKM_BATAS_PER_JAM): accepted responses
    of the same address hash in the last hour; over it, 429. The address comes from renja.inti.klien.alamat_klien
    (behind a trusted proxy, its forwarding header) and is kept only as an HMAC (services.kunci_klien);
  - a honeypot field that people never see (hidden by CSS, out of the tab order) but form-filling bots fill: 400;
  - a closed period (not open, not started, ended): the page says so instead of the form; a POST gets 403.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from renja.ikm import selectors, services
from renja.ikm.models import JUMLAH_UNSUR, SARAN_MAKS, JenisKelamin, KelompokUsia, Pekerjaan, Pendidikan
from renja.inti.klien import alamat_klien
from renja.organisasi import access

COOKIE_SALT = "renja.ikm.sudah-mengisi"
HONEYPOT = "situs_web"  # a plausible name for bots; people never see the field


def nama_cookie(periode) -> str:
    return f"ikm_{periode.pk}"


def sudah_mengisi(request, periode) -> bool:
    nilai = request.get_signed_cookie(nama_cookie(periode), default=None, salt=COOKIE_SALT)
    return nilai == str(periode.pk)


def _tandai(response, periode) -> None:
    # until the period ends (at least a day): long enough for the period, not a lifelong tracker
    sisa = max((periode.selesai - timezone.localdate()).days + 1, 1)
    response.set_signed_cookie(
        nama_cookie(periode),
        str(periode.pk),
        salt=COOKIE_SALT,
        max_age=int(datetime.timedelta(days=sisa).total_seconds()),
        path="/s/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


PROFIL = (
    ("jenis_kelamin", "Jenis kelamin", JenisKelamin.choices),
    ("kelompok_usia", "Kelompok usia", KelompokUsia.choices),
    ("pendidikan", "Pendidikan terakhir", Pendidikan.choices),
    ("pekerjaan", "Pekerjaan utama", Pekerjaan.choices),
)


def _konteks(tautan, *, data=None, salah=None) -> dict:
    periode = tautan.periode
    data = data or {}
    salah = salah or {}
    unsur = list(periode.unsur.order_by("nomor"))
    tambahan = list(periode.pertanyaan_tambahan.order_by("nomor"))
    return {
        "t": tautan,
        "periode": periode,
        "opd": periode.opd,
        "unsur": [
            {
                "u": u,
                "nama": f"u{u.nomor}",
                "pilih": str(data.get(f"u{u.nomor}", "")),
                "salah": salah.get(f"u{u.nomor}"),
            }
            for u in unsur
        ],
        "profil": [
            {"nama": f, "label": label, "pilihan": pilihan, "pilih": data.get(f, ""), "salah": salah.get(f)}
            for f, label, pilihan in PROFIL
        ],
        "tambahan": [
            {"p": p, "nama": f"t{p.nomor}", "isi": str(data.get(f"t{p.nomor}", "")), "salah": salah.get(f"t{p.nomor}")}
            for p in tambahan
        ],
        "saran": data.get("saran", ""),
        "salah_saran": salah.get("saran"),
        "salah_umum": salah.get("__all__"),
        "ada_salah": bool(salah),
        "saran_maks": SARAN_MAKS,
        "honeypot": HONEYPOT,
    }


def _halaman(request, tautan, judul: str, pesan: str, *, status: int):
    return render(
        request,
        "ikm/publik_pesan.html",
        {"t": tautan, "periode": tautan.periode, "opd": tautan.periode.opd, "judul": judul, "pesan": pesan},
        status=status,
    )


def _sudah(request, tautan, *, status: int):
    return _halaman(
        request,
        tautan,
        "Terima kasih, Anda sudah mengisi",
        f"Dari peramban ini sudah ada jawaban untuk survei {tautan.periode.nama}. Setiap pengguna layanan cukup "
        "mengisi sekali dalam satu periode. Terima kasih atas penilaian Anda.",
        status=status,
    )


def _tertutup(request, tautan, *, status: int):
    p = tautan.periode
    return _halaman(
        request,
        tautan,
        "Survei sedang tidak menerima jawaban",
        f"Mohon maaf, survei {p.nama} untuk layanan {tautan.layanan.nama} hanya menerima jawaban dari "
        f"{p.mulai:%d-%m-%Y} sampai {p.selesai:%d-%m-%Y}"
        + ("" if p.terbuka else " dan saat ini ditutup oleh penyelenggara")
        + ". Terima kasih atas kesediaan Anda.",
        status=status,
    )


def _isian(post) -> services.Isian:
    return services.Isian(
        jawaban={i: post.get(f"u{i}", "") for i in range(1, JUMLAH_UNSUR + 1)},
        jenis_kelamin=post.get("jenis_kelamin", ""),
        kelompok_usia=post.get("kelompok_usia", ""),
        pendidikan=post.get("pendidikan", ""),
        pekerjaan=post.get("pekerjaan", ""),
        saran=post.get("saran", ""),
    )


@access.public
def survei(request, token: str):
    tautan = selectors.tautan_publik(token=token)
    periode = tautan.periode
    if sudah_mengisi(request, periode):
        return _sudah(request, tautan, status=403 if request.method == "POST" else 200)
    if not (services.periode_menerima(periode) and tautan.layanan.aktif):
        return _tertutup(request, tautan, status=403 if request.method == "POST" else 200)
    if request.method != "POST":
        return render(request, "ikm/survei.html", _konteks(tautan))

    if request.POST.get(HONEYPOT, ""):
        return _halaman(
            request,
            tautan,
            "Isian tidak dapat diterima",
            "Mohon maaf, isian ini tidak dapat kami terima. Bila Anda mengisi sendiri, muat ulang halaman lalu "
            "isi kembali tanpa memakai pengisian otomatis.",
            status=400,
        )
    kunci = services.kunci_klien(alamat_klien(request))
    batas = settings.IKM_BATAS_PER_JAM
    if kunci and selectors.kiriman_sejak(kunci=kunci, sejak=timezone.now() - datetime.timedelta(hours=1)) >= batas:
        return _halaman(
            request,
            tautan,
            "Terlalu banyak kiriman",
            f"Mohon maaf, dari jaringan Anda sudah masuk {batas} jawaban dalam satu jam terakhir, batas yang kami "
            "pakai untuk mencegah penyalahgunaan. Silakan coba lagi satu jam lagi. Terima kasih atas kesabaran Anda.",
            status=429,
        )
    isian = _isian(request.POST)
    tambahan = {}
    for p in periode.pertanyaan_tambahan.all():
        nilai = request.POST.get(f"t{p.nomor}", "")
        if nilai:
            tambahan[p.pk] = nilai
    isian.tambahan = tambahan
    try:
        services.responden_submit(tautan=tautan, isian=isian, kunci=kunci)
    except services.PeriodeTertutup:
        return _tertutup(request, tautan, status=403)
    except ValidationError as exc:
        konteks = _konteks(tautan, data=request.POST, salah=exc.message_dict)
        return render(request, "ikm/survei.html", konteks, status=400)
    response = redirect("ikm_publik:selesai", token=tautan.token)  # 302: every browser follows it with a GET
    _tandai(response, periode)
    return response


@access.public
def selesai(request, token: str):
    tautan = selectors.tautan_publik(token=token)
    return _halaman(
        request,
        tautan,
        "Terima kasih",
        f"Jawaban Anda untuk layanan {tautan.layanan.nama} sudah kami terima. Penilaian Anda membantu "
        f"{tautan.periode.opd.nama} memperbaiki pelayanan.",
        status=200,
    )
