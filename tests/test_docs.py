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
    """Every management command named renja_VERB[_NOUN] is a `renja VERB [NOUN]` the README must show."""
    import django
    from django.core.management import get_commands

    from renja.cli import VERBS

    django.setup()
    ours = sorted(c for c in get_commands() if c.startswith("renja_"))
    assert "renja_serve" in ours and "renja_export" in ours
    missing = []
    for name in ours:
        verb, _, noun = name.removeprefix("renja_").partition("_")
        assert verb in VERBS, f"{name}: '{verb}' is not a verb of the command grammar (renja/cli.py VERBS)"
        spoken = f"renja {verb} {noun}".strip()
        if spoken not in README:
            missing.append(spoken)
    assert missing == []


def test_cli_maps_verb_and_noun_to_a_command():
    from renja.cli import command_for

    available = {"renja_export": "x", "renja_impor_organisasi": "y"}
    assert command_for(["export", "renja", "--tahun", "2026"], available) == (
        "renja_export",
        ["renja", "--tahun", "2026"],
    )
    assert command_for(["impor", "organisasi", "f.xlsx"], available) == ("renja_impor_organisasi", ["f.xlsx"])
    assert command_for(["migrate"], available) is None


def test_two_setup_commands():
    assert "make run" in README and "make test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
