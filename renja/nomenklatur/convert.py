"""Convert the official nomenclature CSVs into the normalised files shipped in renja/nomenklatur/data/.

    python -m renja.nomenklatur.convert /path/to/shared/reference/nomenklatur [FOLDER_KELUARAN]

Run by a developer when a new list is published; the application only reads the files this writes.
Inputs (see that folder's README):
  nomenklatur_kabkota_kepmendagri_900-1317-2023.csv             every level, kab/kota  -> versi 2023
  nomenklatur_sipd_pemutakhiran2027_semua_urusan.csv            sub kegiatan rows only -> versi 2027
  nomenklatur_sipd_pemutakhiran2027_sosial_1.06_..._definisi.csv definisi_operasional merged into 2027
Outputs: nomenklatur_2023.csv.gz, nomenklatur_2027.csv.gz (one row per code at every level, parents
first), remap_2023_2027.csv.gz (from `subkegiatan_sebelumnya`) and nomenklatur_2027_prov_bentrok.csv.gz.

The SIPD export has two code spaces: PROV and KABKOT reuse some codes for different things (mostly the
special-autonomy kegiatan, K = 3, 4, 5, 7, e.g. 1.01.02.3.04 is "Pengelolaan Akademi Komunitas" for a
province and "Pengelolaan Pendidikan Non Formal/Kesetaraan" for a kab/kota). A version holds one entry per
code, and Renja is written for kab/kota, so the KABKOT meaning wins; a PROV row whose code, kegiatan or
program means something else for KABKOT is set aside in the `bentrok` file instead of being mislabelled.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from renja.nomenklatur import sumber
from renja.nomenklatur.sumber import KOLOM_NOMENKLATUR, KOLOM_REMAP, NAMA_BERKAS_BENTROK, VERSI_BAWAAN
from renja.nomenklatur.validators import (
    URUTAN_TINGKAT,
    kode_format_valid,
    kode_induk,
    tingkat_dari_kode,
)

SUMBER_2023 = "nomenklatur_kabkota_kepmendagri_900-1317-2023.csv"
SUMBER_2027 = "nomenklatur_sipd_pemutakhiran2027_semua_urusan.csv"
SUMBER_2027_DEFINISI = "nomenklatur_sipd_pemutakhiran2027_sosial_1.06_dan_penunjang_dengan_definisi.csv"

KOLOM_SUMBER_2023 = ["kode", "kode_asli", "tingkat", "nomenklatur", "kinerja", "indikator", "satuan"]
KOLOM_SUMBER_2027 = (
    "jenis_pemda kode_bidang nama_bidang kode_program nama_program kode_kegiatan nama_kegiatan "
    "kode_sub_kegiatan nama_sub_kegiatan kinerja indikator satuan tag pelaksana spm jenis "
    "subkegiatan_sebelumnya"
).split()
KOLOM_BENTROK = [*KOLOM_SUMBER_2027, "definisi_operasional", "alasan"]
PROV, KABKOT = "PROV", "KABKOT"
TINGKAT_KOLOM_2027 = (
    ("bidang_urusan", "bidang"),
    ("program", "program"),
    ("kegiatan", "kegiatan"),
    ("sub_kegiatan", "sub_kegiatan"),
)
# The support programme is one programme named after the kind of pemda ("... DAERAH PROVINSI" vs
# "... DAERAH KABUPATEN/KOTA"): not a clash of meaning.
PROGRAM_PENUNJANG = "X.XX.01"


class KonversiGagal(Exception):
    pass


def teks(nilai: str | None) -> str:
    """One line, single spaces (the lists carry stray double spaces and non-breaking spaces)."""
    return " ".join((nilai or "").split())


def teks_panjang(nilai: str | None) -> str:
    """Multi-line text (definisi operasional): keep the line breaks, tidy each line."""
    baris = [teks(b) for b in (nilai or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(baris).strip()


def sama(a: str, b: str) -> bool:
    """Same name ignoring case, spacing and punctuation ("HAK-HAK" = "hak hak")."""
    return re.sub(r"[\W_]+", "", a.casefold()) == re.sub(r"[\W_]+", "", b.casefold())


def baca_csv(path: Path, kolom_wajib: list[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        kurang = [k for k in kolom_wajib if k not in (reader.fieldnames or [])]
        if kurang:
            raise KonversiGagal(f"{path.name}: kolom {', '.join(kurang)} tidak ada (kolom: {reader.fieldnames}).")
        return list(reader)


def entri(kode: str, nama: str, **lain: str) -> dict[str, str]:
    baris = dict.fromkeys(KOLOM_NOMENKLATUR, "")
    baris.update(kode=kode, tingkat=tingkat_dari_kode(kode), nama=nama, spm="0")
    baris.update(lain)
    return baris


def periksa(nama_versi: str, entri_per_kode: dict[str, dict[str, str]]) -> None:
    """Every code well-formed, at the level its shape says, with its parent present."""
    for kode, e in entri_per_kode.items():
        pesan = kode_format_valid(kode)
        if pesan:
            raise KonversiGagal(f"versi {nama_versi}: {pesan}")
        if e["tingkat"] != tingkat_dari_kode(kode):
            raise KonversiGagal(f"versi {nama_versi}: {kode} bertingkat {e['tingkat']}, bentuk kodenya lain.")
        induk = kode_induk(kode)
        if induk is not None and induk not in entri_per_kode:
            raise KonversiGagal(f"versi {nama_versi}: induk {induk} dari {kode} tidak ada.")


def konversi_2023(path: Path) -> dict[str, dict[str, str]]:
    hasil: dict[str, dict[str, str]] = {}
    for nomor, r in enumerate(baca_csv(path, KOLOM_SUMBER_2023), start=2):
        kode = r["kode"].strip()
        pesan = kode_format_valid(kode)
        if pesan:
            raise KonversiGagal(f"{path.name} baris {nomor}: {pesan}")
        if kode in hasil:
            raise KonversiGagal(f"{path.name} baris {nomor}: kode {kode} ganda.")
        if r["tingkat"] != tingkat_dari_kode(kode):
            raise KonversiGagal(f"{path.name} baris {nomor}: tingkat {r['tingkat']} tidak cocok dengan {kode}.")
        # The whole list is the kab/kota annex, so every entry is a KABKOT entry; SPM is not in this list.
        hasil[kode] = entri(
            kode,
            teks(r["nomenklatur"]),
            kinerja=teks(r["kinerja"]),
            indikator=teks(r["indikator"]),
            satuan=teks(r["satuan"]),
            jenis_pemda=KABKOT,
        )
    periksa("2023", hasil)
    return hasil


def konversi_2027(
    path: Path, path_definisi: Path, nama_urusan: dict[str, str]
) -> tuple[dict[str, dict[str, str]], list[dict[str, str]], list[dict[str, str]]]:
    """Returns (entries by code, remap rows, set-aside PROV rows)."""
    baris = baca_csv(path, KOLOM_SUMBER_2027)
    definisi = {
        (r["jenis_pemda"], r["kode_sub_kegiatan"]): teks_panjang(r["definisi_operasional"])
        for r in baca_csv(path_definisi, [*KOLOM_SUMBER_2027, "definisi_operasional"])
    }
    for nomor, r in enumerate(baris, start=2):
        if r["jenis_pemda"] not in (PROV, KABKOT):
            raise KonversiGagal(f"{path.name} baris {nomor}: jenis_pemda '{r['jenis_pemda']}' tidak dikenal.")
        for tingkat, kolom in TINGKAT_KOLOM_2027:
            kode = r[f"kode_{kolom}"]
            pesan = kode_format_valid(kode)
            if pesan or tingkat_dari_kode(kode) != tingkat:
                raise KonversiGagal(f"{path.name} baris {nomor} kolom kode_{kolom}: {pesan or 'tingkat salah'}")
        if (
            kode_induk(r["kode_sub_kegiatan"]) != r["kode_kegiatan"]
            or kode_induk(r["kode_kegiatan"]) != r["kode_program"]
            or kode_induk(r["kode_program"]) != r["kode_bidang"]
        ):
            raise KonversiGagal(
                f"{path.name} baris {nomor}: kode bidang/program/kegiatan/sub kegiatan tidak berurutan."
            )

    # Names of each code per jenis_pemda, to find codes that mean different things for PROV and KABKOT.
    nama: dict[str, dict[str, dict[str, str]]] = {t: defaultdict(dict) for t in ("bidang", "program", "kegiatan")}
    sub: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    for r in baris:
        p = r["jenis_pemda"]
        for t in nama:
            nama[t][r[f"kode_{t}"]].setdefault(p, teks(r[f"nama_{t}"]))
        if p in sub[r["kode_sub_kegiatan"]]:
            raise KonversiGagal(f"{path.name}: sub kegiatan {p} {r['kode_sub_kegiatan']} ganda.")
        sub[r["kode_sub_kegiatan"]][p] = r

    def bentrok(t: str, kode: str) -> bool:
        per_pemda = nama[t][kode]
        return len(per_pemda) == 2 and not sama(per_pemda[PROV], per_pemda[KABKOT])

    dipakai: list[dict[str, str]] = []
    disisihkan: list[dict[str, str]] = []
    for kode, per_pemda in sub.items():
        for p, r in per_pemda.items():
            alasan = ""
            if p == PROV and KABKOT in per_pemda:
                lain = per_pemda[KABKOT]
                if not sama(teks(r["nama_sub_kegiatan"]), teks(lain["nama_sub_kegiatan"])):
                    alasan = "sub kegiatan"
            if p == PROV and not alasan:
                if bentrok("kegiatan", r["kode_kegiatan"]):
                    alasan = "kegiatan"
                elif r["kode_program"] != PROGRAM_PENUNJANG and bentrok("program", r["kode_program"]):
                    alasan = "program"
            if alasan:
                tingkat = alasan.replace(" ", "_")
                kode_bentrok = r[f"kode_{tingkat}"]
                arti_kabkot = _nama_kabkot(sub, nama, tingkat, kode_bentrok)
                sisih = {k: r[k] for k in KOLOM_SUMBER_2027}
                sisih["definisi_operasional"] = definisi.get((p, kode), "")
                sisih["alasan"] = f"{alasan} {kode_bentrok} di KABKOT berarti lain: {arti_kabkot}"
                disisihkan.append(sisih)
            else:
                dipakai.append(r)

    hasil: dict[str, dict[str, str]] = {}
    pemda_per_kode: dict[str, set[str]] = defaultdict(set)
    # KABKOT rows first so that, where both kinds share a code, the KABKOT text is the one kept.
    dipakai.sort(key=lambda r: (r["jenis_pemda"] != KABKOT, r["kode_sub_kegiatan"]))
    remap: dict[str, dict[str, str]] = {}
    for r in dipakai:
        p = r["jenis_pemda"]
        kode = r["kode_sub_kegiatan"]
        urusan = kode.split(".")[0]
        induk = [(urusan, nama_urusan[urusan])]
        induk += [(r[f"kode_{t}"], teks(r[f"nama_{t}"])) for t in ("bidang", "program", "kegiatan")]
        for k, n in induk:
            hasil.setdefault(k, entri(k, n))
            pemda_per_kode[k].add(p)
        pemda_per_kode[kode].add(p)
        if kode not in hasil:
            hasil[kode] = entri(
                kode,
                teks(r["nama_sub_kegiatan"]),
                kinerja=teks(r["kinerja"]),
                indikator=teks(r["indikator"]),
                satuan=teks(r["satuan"]),
                spm="1" if r["spm"].strip().upper() == "SPM" else "0",
                definisi=definisi.get((p, kode), ""),
                tag=teks(r["tag"]),
                pelaksana=teks(r["pelaksana"]),
                jenis=teks(r["jenis"]),
            )
        elif not hasil[kode]["definisi"]:
            hasil[kode]["definisi"] = definisi.get((p, kode), "")
        sebelumnya = teks(r["subkegiatan_sebelumnya"])
        if sebelumnya:
            kode_lama, _, nama_lama = sebelumnya.partition(" ")
            pesan = kode_format_valid(kode_lama)
            if pesan or tingkat_dari_kode(kode_lama) != "sub_kegiatan":
                raise KonversiGagal(f"{path.name}: subkegiatan_sebelumnya '{sebelumnya}' dari {kode}: {pesan}")
            # The export names no version for the old code. 2023 is the only older list shipped, so the
            # remap is filed under it, though most old codes (258 of 331) are not in the 2023 list: they
            # come from Kepmendagri 900.1.15.5-3406/2024, which is not shipped.
            kunci = f"{kode_lama}>{kode}"
            if kunci in remap:
                remap[kunci]["jenis_pemda"] = ""
            else:
                remap[kunci] = {
                    "versi_lama": "2023",
                    "kode_lama": kode_lama,
                    "nama_lama": nama_lama,
                    "versi_baru": "2027",
                    "kode_baru": kode,
                    "jenis_pemda": p,
                }
    for kode, pemda in pemda_per_kode.items():
        hasil[kode]["jenis_pemda"] = pemda.pop() if len(pemda) == 1 else ""
    periksa("2027", hasil)
    return hasil, sorted(remap.values(), key=lambda r: (r["kode_baru"], r["kode_lama"])), disisihkan


def _nama_kabkot(sub, nama, tingkat: str, kode: str) -> str:
    if tingkat == "sub_kegiatan":
        return teks(sub[kode][KABKOT]["nama_sub_kegiatan"])
    return nama[tingkat][kode][KABKOT]


def urut(entri_per_kode: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """Parents before children; a parent's code is a prefix of its children's, so plain order does it."""
    return [entri_per_kode[k] for k in sorted(entri_per_kode)]


def tulis_gz(path: Path, kolom: list[str], baris: list[dict[str, str]]) -> None:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=kolom, lineterminator="\n")
    writer.writeheader()
    writer.writerows(baris)
    # mtime=0 keeps the file byte-identical when the data has not changed (clean git diffs).
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def ringkasan(nama_versi: str, entri_per_kode: dict[str, dict[str, str]]) -> str:
    per_tingkat = Counter(e["tingkat"] for e in entri_per_kode.values())
    bagian = ", ".join(f"{t} {per_tingkat[t]}" for t in URUTAN_TINGKAT)
    return f"versi {nama_versi}: {len(entri_per_kode)} kode ({bagian})"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) not in (1, 2):
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    keluar = Path(argv[1]) if len(argv) == 2 else sumber.DATA_DIR
    try:
        v2023 = konversi_2023(folder / SUMBER_2023)
        nama_urusan = {k: e["nama"] for k, e in v2023.items() if e["tingkat"] == "urusan"}
        v2027, remap, bentrok = konversi_2027(folder / SUMBER_2027, folder / SUMBER_2027_DEFINISI, nama_urusan)
    except (KonversiGagal, OSError) as exc:
        print(f"Gagal: {exc}", file=sys.stderr)
        return 1
    keluar.mkdir(parents=True, exist_ok=True)
    berkas = {v.kode: v.berkas(keluar) for v in VERSI_BAWAAN}
    tulis_gz(berkas["2023"], KOLOM_NOMENKLATUR, urut(v2023))
    tulis_gz(berkas["2027"], KOLOM_NOMENKLATUR, urut(v2027))
    tulis_gz(sumber.berkas_remap(keluar), KOLOM_REMAP, remap)
    tulis_gz(keluar / NAMA_BERKAS_BENTROK, KOLOM_BENTROK, sorted(bentrok, key=lambda r: r["kode_sub_kegiatan"]))
    print(ringkasan("2023", v2023))
    print(ringkasan("2027", v2027))
    lama_ada = sum(1 for r in remap if r["kode_lama"] in v2023)
    print(f"remap 2023 -> 2027: {len(remap)} (kode lama yang ada di daftar 2023: {lama_ada})")
    print(f"baris PROV 2027 disisihkan karena kodenya bermakna lain di KABKOT: {len(bentrok)}")
    print(f"ditulis ke {keluar}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
