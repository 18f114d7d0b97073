"""Writes sipd_realisasi_2026.json: a made-up SIPD-RI realisation export of Dinas Sosial 2026 (example data, not
official figures). Run once; the JSON is the committed fixture: python tests/monev/data/buat_sipd_realisasi.py

120 transactions over 6 sub kegiatan of the demo's stage in force plus 2 codes the stage does not have, LS and UP
(and GU), one with nilai_setoran, and pairs on both sides of the TW I/II and TW II/III boundaries in Asia/Jakarta."""

import json
import random
from pathlib import Path

OPD = "1.06.0.00.0.00.01.0000"
SUB = {
    "1.06.01.2.02.0001": ("Penyediaan Gaji dan Tunjangan ASN", "5.1.01.01.01.0001", "Belanja Gaji Pokok PNS"),
    "1.06.01.2.06.0004": ("Penyediaan Bahan Logistik Kantor", "5.1.02.01.01.0024", "Belanja Alat/Bahan Kantor"),
    "1.06.01.2.08.0002": (
        "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
        "5.1.02.02.01.0061",
        "Belanja Listrik",
    ),
    "1.06.04.2.01.0001": ("Penyediaan Permakanan", "5.1.02.01.01.0052", "Belanja Makanan dan Minuman"),
    "1.06.04.2.01.0002": ("Penyediaan Sandang", "5.1.02.01.01.0012", "Belanja Bahan Pakaian"),
    "1.06.05.2.02.0001": ("Pendataan Fakir Miskin", "5.1.02.01.01.0026", "Belanja Bahan Cetak"),
    # not in the stage: listed as unknown
    "1.06.04.2.01.0099": ("Sub Kegiatan Tidak Dikenal A", "5.1.02.01.01.0052", "Belanja Makanan dan Minuman"),
    "1.06.99.2.01.0001": ("Sub Kegiatan Tidak Dikenal B", "5.1.02.01.01.0024", "Belanja Alat/Bahan Kantor"),
}


def transaksi(i, kode, tanggal, jenis, nilai, setoran=0, dokumen="SPP"):
    nama, rek, nama_rek = SUB[kode]
    return {
        "kode_skpd": OPD,
        "kode_sub_skpd": OPD,
        "kode_program": kode[:7],
        "kode_giat": kode[:12],
        "kode_sub_giat": kode,
        "nama_sub_giat": nama,
        "kode_rekening": rek,
        "nama_rekening": nama_rek,
        "nomor_dokumen": f"{i:05d}/{dokumen}-{jenis}/1.06.0.00.0.00.01.0000/2026",
        "jenis_dokumen": dokumen,
        "jenis_transaksi": jenis,
        "tanggal_dokumen": tanggal,
        "nilai_realisasi": nilai,
        "nilai_setoran": setoran,
    }


def main():
    rnd = random.Random(2026)
    kode = list(SUB)
    out = []
    i = 1
    # the boundaries: 23:30 WIB on 31 March is TW I; 17:30 UTC on 31 March is 00:30 WIB on 1 April, TW II
    out.append(transaksi(i, kode[3], "2026-03-31T23:30:00+07:00", "LS", 12_345_000))
    i += 1
    out.append(transaksi(i, kode[3], "2026-03-31T17:30:00Z", "LS", 7_654_321))
    i += 1
    out.append(transaksi(i, kode[1], "2026-06-30T16:59:59Z", "UP", 1_250_000))
    i += 1  # 23:59:59 WIB, TW II
    out.append(transaksi(i, kode[1], "2026-06-30T17:00:00+00:00", "UP", 2_500_000))
    i += 1  # 00:00 WIB 1 Jul, TW III
    # one transaction with a setoran (unspent UP returned)
    out.append(transaksi(i, kode[4], "2026-05-20T10:00:00+07:00", "GU", 30_000_000, setoran=4_321_500, dokumen="TBP"))
    i += 1
    while len(out) < 120:
        k = kode[rnd.randrange(len(kode))]
        bulan = rnd.randint(1, 8)
        hari = rnd.randint(1, 28)
        jam = rnd.randint(0, 23)
        zona = rnd.choice(["+07:00", "Z", "+08:00"])
        jenis = rnd.choice(["LS", "LS", "UP", "GU", "TU"])
        nilai = rnd.randrange(100_000, 60_000_000, 500)
        if k == kode[0]:
            nilai = rnd.randrange(200_000_000, 400_000_000, 1000)
        out.append(transaksi(i, k, f"2026-{bulan:02d}-{hari:02d}T{jam:02d}:15:00{zona}", jenis, nilai))
        i += 1
    path = Path(__file__).with_name("sipd_realisasi_2026.json")
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
