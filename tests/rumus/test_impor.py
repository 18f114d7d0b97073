"""Acceptance of issue 3: renja.rumus imports nothing from Django or from other renja apps.

Checked twice: statically (every import statement of renja/rumus/*.py must name the standard library
or renja.rumus) and at run time (importing every module in a fresh interpreter loads neither Django
nor another renja package).
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import renja.rumus

PAKET = Path(renja.rumus.__file__).parent
MODUL = sorted(PAKET.glob("*.py"))


def impor_terlarang(sumber: str) -> list[str]:
    """Import statements in ``sumber`` that are neither stdlib nor renja.rumus."""
    salah = []
    for simpul in ast.walk(ast.parse(sumber)):
        if isinstance(simpul, ast.Import):
            nama = [alias.name for alias in simpul.names]
        elif isinstance(simpul, ast.ImportFrom):
            if simpul.level > 1:
                salah.append("." * simpul.level + (simpul.module or ""))
                continue
            if simpul.level == 1:
                continue  # "from . import x" stays inside renja.rumus
            if simpul.module == "renja":
                nama = [f"renja.{alias.name}" for alias in simpul.names]
            else:
                nama = [simpul.module]
        else:
            continue
        for n in nama:
            bagian = n.split(".")
            if bagian[0] == "renja":
                if bagian[1:2] != ["rumus"]:
                    salah.append(n)
            elif bagian[0] not in sys.stdlib_module_names:
                salah.append(n)
    return salah


def test_the_package_has_modules_to_check():
    assert {p.name for p in MODUL} >= {"uang.py", "angka.py", "parameter.py", "capaian.py", "terbilang.py"}


@pytest.mark.parametrize("modul", MODUL, ids=lambda p: p.name)
def test_module_imports_only_stdlib_and_renja_rumus(modul):
    assert impor_terlarang(modul.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "sumber",
    [
        "import django",
        "from django.db import models",
        "import django.conf as conf",
        "from renja.inti import models",
        "from renja import inti",
        "import renja.perencanaan.services",
        "from .. import inti",
        "from ..inti.models import X",
        "import yaml",
        "def f():\n    import django.utils.timezone",
    ],
)
def test_the_checker_catches_forbidden_imports(sumber):
    assert impor_terlarang(sumber) != []


@pytest.mark.parametrize(
    "sumber",
    [
        "import re",
        "from decimal import Decimal",
        "from renja.rumus import uang",
        "from renja import rumus",
        "from . import uang",
    ],
)
def test_the_checker_allows_stdlib_and_rumus(sumber):
    assert impor_terlarang(sumber) == []


def test_importing_every_module_loads_no_django_and_no_other_renja_app():
    nama = [f"renja.rumus.{p.stem}" for p in MODUL if p.stem != "__init__"]
    kode = (
        "import sys\n"
        + "".join(f"import {n}\n" for n in nama)
        + "bocor = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')"
        " or (m.startswith('renja.') and not m.startswith('renja.rumus')))\n"
        "print(bocor)\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True)
    assert hasil.stdout.strip() == "[]"
