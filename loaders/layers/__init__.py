"""Import a layer file into the store, and the ``python -m loaders.layers`` command line.

The package, one module per concern:

- :mod:`~loaders.layers.vocab`: the vocabularies (gender, programme, scheme, outcome, yes/no,
  destinations);
- :mod:`~loaders.layers.cells`: cell parsers (numbers, years, months, categories, labels),
  once per distinct value;
- :mod:`~loaders.layers.reshape`: wide tables into rows (pure functions returning new frames);
- :mod:`~loaders.layers.parsers`: one parser per layer, driven by its spec;
- :mod:`~loaders.layers.reference`: the villages rows are matched against;
- :mod:`~loaders.layers.aggregate`: one stored row per village and breakdown;
- :mod:`~loaders.layers.stages`: the stages of an import, one function each;
- :mod:`~loaders.layers.plan`: the :class:`ImportPlan` and the tables made from it;
- :mod:`~loaders.layers.pipeline`: the stages in order (:data:`STAGES`), :func:`analyse`
  (everything but writing) and :func:`commit`;
- :mod:`~loaders.layers.cli`: the command line (``python -m loaders.layers``).
"""

from __future__ import annotations

from geo.layers import LAYERS, layer_spec
from loaders.layers.aggregate import aggregate
from loaders.layers.aggregate import aggregate as _aggregate
from loaders.layers.cli import main
from loaders.layers.pipeline import (
    MATCH_COLUMNS,
    MODES,
    REPORT_COLUMNS,
    STAGES,
    ImportPlan,
    analyse,
    commit,
    coverage_frame,
    delete_version,
    import_file,
    log_frame,
    mapping_frame,
    match_frame,
    provinces_changed,
    replace_plan,
    report_frame,
    run_stages,
    status,
    summary_messages,
    undo,
    undo_plan,
    versions_frame,
)
from loaders.layers.reference import reference_for
from loaders.layers.vocab import GENDER_VALUES, OUTCOME_VALUES, PROGRAMME_VALUES, SCHEME_VALUES

__all__ = [
    "STAGES",
    "ImportPlan",
    "analyse",
    "run_stages",
    "summary_messages",
    "commit",
    "delete_version",
    "import_file",
    "provinces_changed",
    "replace_plan",
    "undo_plan",
    "undo",
    "coverage_frame",
    "reference_for",
    "status",
    "report_frame",
    "versions_frame",
    "log_frame",
    "mapping_frame",
    "match_frame",
    "MATCH_COLUMNS",
    "MODES",
    "REPORT_COLUMNS",
    "LAYERS",
    "layer_spec",
    "aggregate",
    "_aggregate",
    "GENDER_VALUES",
    "PROGRAMME_VALUES",
    "SCHEME_VALUES",
    "OUTCOME_VALUES",
    "main",
]
