"""The README documents every setting the code reads and every `renja` sub-command (Datasette's habit)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_environment_setting_is_documented():
    settings_src = (ROOT / "renja" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', settings_src))
    names |= set(re.findall(r'_env_bool\("([A-Z_]+)"', settings_src))
    assert names, "settings.py reads no environment variables?"
    missing = sorted(n for n in names if f"`{n}`" not in README)
    assert missing == []


def test_every_renja_subcommand_is_documented():
    cli = (ROOT / "renja" / "cli.py").read_text(encoding="utf-8")
    subcommands = set(re.findall(r'args\[0\] == "([a-z_]+)"', cli))
    assert subcommands == {"serve", "demo", "export"}
    for sub in subcommands:
        assert f"renja {sub}" in README


def test_two_setup_commands():
    assert "make run" in README and "make test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
