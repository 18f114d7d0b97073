"""Rules of organisation codes and numbers, without the database: kode wilayah, kode unit SIPD, NIP.

Each `*_masalah` function returns None when the value is good, else an Indonesian message naming the wrong part;
services raise it as a ValidationError on the field, imports name the cell.
"""

import datetime
import re

POLA_OPD = "X.XX.X.XX.X.XX.XX.XXXX"
# (digits, name) of each part of the SIPD unit code.
_BAGIAN_OPD = (
    (1, "urusan pertama"),
    (2, "bidang urusan pertama"),
    (1, "urusan kedua"),
    (2, "bidang urusan kedua"),
    (1, "urusan ketiga"),
    (2, "bidang urusan ketiga"),
    (2, "nomor unit"),
    (4, "nomor sub unit"),
)

# Kemendagri kode wilayah (Permendagri 72/2019 and its updates): a provinsi has two digits (32 Jawa Barat);
# a kabupaten/kota adds two more: 01-70 kabupaten, 71-99 kota (32.04 Kab. Bandung, 32.75 Kota Bekasi).
_POLA_WILAYAH = re.compile(r"[0-9]{2}(\.[0-9]{2})?")
NOMOR_KOTA_PERTAMA = 71


def kode_bersih(kode: str) -> str:
    return "".join((kode or "").split())


def jenis_dari_kode_wilayah(kode: str) -> str | None:
    """provinsi, kabupaten or kota as the code says; None when the code is malformed."""
    kode = kode_bersih(kode)
    if not _POLA_WILAYAH.fullmatch(kode):
        return None
    if "." not in kode:
        return "provinsi"
    return "kota" if int(kode.split(".")[1]) >= NOMOR_KOTA_PERTAMA else "kabupaten"


def kode_wilayah_masalah(kode: str, jenis: str) -> str | None:
    bersih = kode_bersih(kode)
    if not bersih:
        return "Kode wilayah wajib diisi (mis. 32.75 untuk kota/kabupaten, 32 untuk provinsi)."
    if not _POLA_WILAYAH.fullmatch(bersih):
        return (
            f"Kode wilayah '{kode}' tidak sesuai format Kemendagri: 2 digit provinsi (mis. 32), "
            "atau provinsi.kabupaten/kota (mis. 32.75)."
        )
    provinsi, _, kabkota = bersih.partition(".")
    if int(provinsi) < 11:
        return f"Kode wilayah '{kode}': kode provinsi {provinsi} tidak ada (kode provinsi mulai dari 11)."
    if kabkota == "00":
        return f"Kode wilayah '{kode}': nomor kabupaten/kota 00 tidak ada; tulis {provinsi} untuk provinsi."
    menurut_kode = jenis_dari_kode_wilayah(bersih)
    if jenis and jenis != menurut_kode:
        alasan = {
            "provinsi": "kode 2 digit adalah provinsi",
            "kabupaten": "nomor 01-70 setelah titik adalah kabupaten",
            "kota": "nomor 71-99 setelah titik adalah kota",
        }[menurut_kode]
        return f"Kode wilayah {bersih} tidak cocok dengan jenis '{jenis}': {alasan}."
    return None


def kode_opd_masalah(kode: str) -> str | None:
    """Format of the SIPD unit code X.XX.X.XX.X.XX.XX.XXXX, naming the wrong part."""
    bersih = kode_bersih(kode)
    if not bersih:
        return f"Kode perangkat daerah wajib diisi dengan format {POLA_OPD} (mis. 1.06.0.00.0.00.01.0000)."
    bagian = bersih.split(".")
    awal = f"Kode perangkat daerah '{kode}' tidak sesuai format {POLA_OPD}"
    if len(bagian) != len(_BAGIAN_OPD):
        return f"{awal}: harus {len(_BAGIAN_OPD)} bagian dipisah titik, tertulis {len(bagian)}."
    for nomor, (teks, (digit, nama)) in enumerate(zip(bagian, _BAGIAN_OPD, strict=True), start=1):
        if not re.fullmatch(f"[0-9]{{{digit}}}", teks):
            return f"{awal}: bagian ke-{nomor} ({nama}) '{teks}' harus {digit} digit angka."
    for nomor in (0, 2, 4):
        urusan, bidang = bagian[nomor], bagian[nomor + 1]
        if (urusan == "0") != (bidang == "00"):
            return (
                f"{awal}: {_BAGIAN_OPD[nomor][1]} '{urusan}' dan {_BAGIAN_OPD[nomor + 1][1]} '{bidang}' harus "
                "sama-sama kosong (0.00) atau sama-sama terisi."
            )
    if bagian[0] == "0":
        return f"{awal}: bidang urusan pertama wajib terisi (mis. 1.06)."
    return None


def nip_bersih(nip: str) -> str:
    """The NIP as stored: digits only (typed with or without spaces, as printed "19660301 199003 1 010")."""
    return re.sub(r"[\s.]", "", nip or "")


def nip_alasan(nip: str) -> str | None:
    """Why `nip` is no NIP (PNS, Peraturan BKN 22/2007: 8 digits birth date, 6 digits TMT CPNS year and month,
    1 digit sex (1 pria, 2 wanita), 3 digits sequence; 18 digits in all), as a phrase that follows the value."""
    bersih = nip_bersih(nip)
    if not bersih.isdigit() or len(bersih) != 18:
        return "harus 18 digit angka (boleh dengan spasi, mis. 19660301 199003 1 010)"
    try:
        datetime.date(int(bersih[0:4]), int(bersih[4:6]), int(bersih[6:8]))
    except ValueError:
        return f"bukan NIP yang sah: 8 digit pertama ({bersih[:8]}) bukan tanggal lahir TTTTBBHH"
    if not 1 <= int(bersih[12:14]) <= 12:
        return f"bukan NIP yang sah: digit 9-14 ({bersih[8:14]}) harus tahun dan bulan TMT CPNS (TTTTBB)"
    if bersih[14] not in "12":
        return f"bukan NIP yang sah: digit ke-15 ({bersih[14]}) harus 1 (pria) atau 2 (wanita)"
    return None


def nip_masalah(nip: str) -> str | None:
    """None for an empty or good NIP, else the message naming it."""
    if not nip_bersih(nip):
        return None
    alasan = nip_alasan(nip)
    return f"NIP '{nip}' {alasan}." if alasan else None


def nip_tampil(nip: str) -> str:
    """Grouped 8-6-1-3 as printed on signatures: 19660301 199003 1 010."""
    d = nip_bersih(nip)
    if len(d) != 18:
        return nip or ""
    return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"
