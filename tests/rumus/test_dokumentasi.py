"""docs/rumus.md lists every rule (issue 3 acceptance): a test fails when a public name or a parameter
of renja.rumus is missing from it (Datasette habit: undocumented means failing)."""

import importlib
import re
from pathlib import Path

import pytest

import renja.rumus
from renja.rumus import parameter

PAKET = Path(renja.rumus.__file__).parent
DOKUMEN = PAKET.parent.parent / "docs" / "rumus.md"
MODUL = sorted(p.stem for p in PAKET.glob("*.py") if p.stem != "__init__")


@pytest.fixture(scope="module")
def teks_dokumen() -> str:
    return DOKUMEN.read_text(encoding="utf-8")


def nama_dalam_kode(teks: str) -> set[str]:
    """Names written as code in the document, also as ``name(...)`` or ``Class.member``."""
    nama = set()
    for potongan in re.findall(r"`([^`]+)`", teks):
        nama.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", potongan))
    return nama


@pytest.mark.parametrize("modul", MODUL)
def test_every_module_declares_its_public_names(modul):
    mod = importlib.import_module(f"renja.rumus.{modul}")
    assert mod.__all__
    for nama in mod.__all__:
        assert hasattr(mod, nama), f"{modul}.__all__ names missing {nama}"


@pytest.mark.parametrize("modul", MODUL)
def test_every_module_is_named_in_the_document(modul, teks_dokumen):
    assert f"renja/rumus/{modul}.py" in teks_dokumen


@pytest.mark.parametrize("modul", MODUL)
def test_every_public_name_is_documented(modul, teks_dokumen):
    mod = importlib.import_module(f"renja.rumus.{modul}")
    hilang = set(mod.__all__) - nama_dalam_kode(teks_dokumen)
    assert not hilang, f"docs/rumus.md does not mention {sorted(hilang)} from renja.rumus.{modul}"


def test_every_parameter_is_in_the_parameter_table(teks_dokumen):
    tabel = teks_dokumen.split("## 8. Parameters", 1)[1]
    hilang = set(parameter.SEMUA) - nama_dalam_kode(tabel)
    assert not hilang, f"docs/rumus.md parameter table lacks {sorted(hilang)}"
