"""Benchmarks on the real boundaries in ``../shared/data`` (figures, not tests).

``python -m bench [--json OUT]`` measures the atlas at national scale (see :mod:`bench.__main__`);
``python -m bench.readme OUT`` writes its figures into the README's Performance table;
``python -m bench.exports`` times the export formats.
"""
