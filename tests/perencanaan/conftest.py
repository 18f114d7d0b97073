"""Fixtures of the authoring tests: a second Pemda (tests/perencanaan/pemda_lain.py)."""

from tests.perencanaan.pemda_lain import dinsos_lain, dinsos_lain_users, pupr, pupr_users  # noqa: F401
