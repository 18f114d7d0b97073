"""renja.rumus: the regulations' calculation rules as small, cited, tested pure-Python code.

Imports nothing from Django or from other renja apps (``tests/rumus/test_impor.py`` enforces it).
Every regulation-fixed parameter lives in :mod:`renja.rumus.parameter` with its source; every rule
is listed in ``docs/rumus.md``.

Modules:

* :mod:`~renja.rumus.uang`: Decimal basics, the one rounding rule (half-up), rupiah <-> sen;
* :mod:`~renja.rumus.angka`: Indonesian number formatting and strict parsing, value + unit;
* :mod:`~renja.rumus.parameter`: thresholds, weights and scales with their sources;
* :mod:`~renja.rumus.capaian`: capaian, quarters, Renstra kumulatif, predikat, serapan, efisiensi;
* :mod:`~renja.rumus.ikm`: SKM/IKM (PermenPANRB 14/2017); :mod:`~renja.rumus.sampel`: Krejcie-Morgan;
* :mod:`~renja.rumus.akip`: evaluasi AKIP (PermenPANRB 88/2021);
* :mod:`~renja.rumus.spm`: capaian SPM bidang sosial;
* :mod:`~renja.rumus.terbilang`: numbers and Rupiah in Indonesian words, and back.
"""
