"""The document model: one tree of blocks that every renderer (DOCX, PDF) writes, so the two cannot differ in
content. Blocks are plain dataclasses; the Renja document is built in :mod:`renja.dokumen.renja`, Markdown
narrative is turned into blocks by :mod:`renja.dokumen.markdown`.

A table block holds a :class:`renja.inti.tabel.Tabel` (the same object the XLSX writer takes); a table with
more than :data:`KOLOM_POTRET` columns is *wide* and sits in a landscape section (DOCX) or on a landscape named
page (PDF).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from renja.inti.tabel import Tabel

# A4 portrait holds about seven columns of a government form legibly; wider tables go landscape.
KOLOM_POTRET = 7


@dataclass(frozen=True)
class Teks:
    """A run of inline text."""

    teks: str
    tebal: bool = False
    miring: bool = False


@dataclass
class Judul:
    """A heading; ``tingkat`` 1 (BAB), 2 (1.1), 3. Headings go into the daftar isi unless ``daftar_isi=False``."""

    teks: str
    tingkat: int = 1
    daftar_isi: bool = True


@dataclass
class Paragraf:
    isi: list[Teks]
    rata: str = "justify"  # justify | center | left

    @classmethod
    def dari(cls, teks: str, **kw) -> Paragraf:
        return cls([Teks(teks)], **kw)

    @property
    def polos(self) -> str:
        return "".join(t.teks for t in self.isi)


@dataclass
class Daftar:
    butir: list[list[Teks]]
    bernomor: bool = False


@dataclass
class TabelBlok:
    tabel: Tabel
    keterangan: str = ""  # caption above the table ("Tabel 4.1 Rencana Program ...")
    lanskap: bool | None = None  # None: decided by the number of columns

    @property
    def lebar(self) -> bool:
        return self.lanskap if self.lanskap is not None else len(self.tabel.kolom) > KOLOM_POTRET


@dataclass
class HalamanBaru:
    pass


@dataclass
class DaftarIsi:
    judul: str = "DAFTAR ISI"


@dataclass
class Sampul:
    """The cover: centred lines, the first ones large."""

    baris: list[str]


@dataclass
class TandaTangan:
    """The signature block under the kata pengantar: place and date, the office (two lines at most), the name
    (bold, underlined in print), pangkat/golongan and NIP. ``sebutan`` is "Plt." or "Plh." for a deputy."""

    tempat_tanggal: str
    jabatan: list[str]
    nama: str
    pangkat: str = ""
    nip: str = ""
    sebutan: str = ""

    def baris(self) -> list[str]:
        jabatan = list(self.jabatan)
        if self.sebutan and jabatan:
            jabatan[0] = f"{self.sebutan} {jabatan[0]}"
        hasil = [self.tempat_tanggal, *jabatan, "", "", "", self.nama or "(nama)"]
        if self.pangkat:
            hasil.append(self.pangkat)
        if self.nip:
            hasil.append(f"NIP. {self.nip}")
        return hasil


Blok = Judul | Paragraf | Daftar | TabelBlok | HalamanBaru | DaftarIsi | Sampul | TandaTangan


@dataclass
class Dokumen:
    judul: str  # "Rancangan Akhir Rencana Kerja Dinas Sosial Kota Bekasi Tahun 2026"
    kepala_halaman: str  # the running header, "Rencana Kerja Dinas Sosial Kota Bekasi Tahun 2026"
    nama_berkas: str  # without extension, "Renja-2026-Dinas-Sosial-Kota-Bekasi-Rancangan-Akhir"
    blok: list[Blok] = field(default_factory=list)

    def tambah(self, *blok: Blok) -> None:
        self.blok.extend(blok)

    def tabel(self) -> list[Tabel]:
        return [b.tabel for b in self.blok if isinstance(b, TabelBlok)]

    def judul_daftar_isi(self) -> list[Judul]:
        return [b for b in self.blok if isinstance(b, Judul) and b.daftar_isi]


def lebar_kolom(tabel: Tabel, kapasitas: float) -> list[float]:
    """Column widths in characters for a page line of about `kapasitas` characters. Numbers and one-word cells
    (codes such as 1.06.01.2.01.0001) must not wrap, so those columns get their longest printed text first;
    the other columns share what remains in proportion to their XLSX width. When the unbreakable columns alone
    do not fit, every column is proportional to its XLSX width."""
    from renja.inti.tabel import Jenis, teks_sel

    dasar = [k.lebar or {Jenis.TEKS: 24, Jenis.RUPIAH: 16}.get(k.jenis, 10) for k in tabel.kolom]
    perlu: dict[int, float] = {}
    for baris in [*tabel.baris, *tabel.kaki]:
        for col, span, nilai in tabel.sel_baris(baris):
            if span != 1 or nilai is None:
                continue
            teks = teks_sel(nilai, tabel.kolom[col])
            if " " in teks.strip() or len(teks) > 22:
                perlu[col] = -1  # prose: wraps, shares the rest
            elif perlu.get(col, 0) >= 0:
                perlu[col] = max(perlu.get(col, 0), len(teks) + 1.5)
    for r in tabel.kepala_tata():  # a header word such as "Satuan" sets a floor for narrow columns
        for col, sel in r:
            if sel.colspan == 1 and perlu.get(col, 0) >= 0:
                kata = max((len(w) for w in str(sel.teks).split()), default=0)
                perlu[col] = max(perlu.get(col, 0), kata + 1)
    tetap = {c: w for c, w in perlu.items() if w > 0}
    sisa = kapasitas - sum(tetap.values())
    lain = [i for i in range(len(dasar)) if i not in tetap]
    if sisa <= 0 or not lain:
        return [float(x) for x in dasar]
    jumlah_lain = sum(dasar[i] for i in lain)
    return [tetap[i] if i in tetap else sisa * dasar[i] / jumlah_lain for i in range(len(dasar))]
