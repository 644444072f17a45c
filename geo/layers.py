"""The data layers and their canonical stored columns: the contract between import and pages.

Every stored layer table has one row per village and breakdown (already aggregated), keyed by
``village`` (dotted Kemendagri code) and ``year``. Importers map the many column names real
exports use onto these; pages and metrics read only these names.

A column added to a layer later (placements' ``agency``) is missing from versions stored
before it: the store's reads give every column of :data:`LAYERS` (:func:`with_columns`), the
older rows with it empty, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geo.codes import Level

__all__ = [
    "LayerSpec",
    "LAYERS",
    "LAYER_METADATA",
    "PROBLEM_REASONS",
    "PROGRAMME_TYPES",
    "RETURN_PROBLEMS",
    "RETURN_REASONS",
    "ROUTES",
    "SERVICE_POINT_TYPES",
    "layer_spec",
    "with_columns",
]

#: The metadata each layer states in its own words, in both languages (``layer.<element>.<name>``):
#: what it holds, what one row is, its breakdowns, who produces it, how often and its caveats.
LAYER_METADATA = ("definition", "unit", "classification", "source", "cadence", "caveats")
#: Community-programme types, in display order.
PROGRAMME_TYPES = ("KKBM", "DESMIGRATIF", "KAWAN_PMI", "MRC", "PERDES", "PERWIRA", "OTHER")
GENDERS = ("L", "P")  # laki-laki (men), perempuan (women)
SCHEMES = ("G2G", "P2P", "MANDIRI", "OTHER")  # government, private agency, individual
REPORT_OUTCOMES = ("PREVENTED", "RETURNED", "CASE_HANDLED", "OTHER")
#: Why a worker came home (returns layer), in display order: end of contract, deported,
#: repatriated as a problem case, sick, died, other.
RETURN_REASONS = ("END_OF_CONTRACT", "DEPORTED", "PROBLEM", "SICK", "DIED", "OTHER")
#: The problem of a problem case, where the list gives it: unpaid wages, violence, trafficking
#: (TPPO), undocumented, other.
RETURN_PROBLEMS = ("UNPAID_WAGES", "VIOLENCE", "TRAFFICKING", "UNDOCUMENTED", "OTHER")
#: Returns "in trouble" (the *problem returns* figure): deported, repatriated as a problem case,
#: sick or dead. End of contract, other and not recorded are not counted.
PROBLEM_REASONS = ("DEPORTED", "PROBLEM", "SICK", "DIED")
#: How the worker had left: through the procedure (registered placement) or outside it.
ROUTES = ("PROCEDURAL", "NON_PROCEDURAL")
#: Service-point types (where a worker finds protection), in display order: one-stop service
#: (LTSA), UPT BP3MI / BP2MI / KP2MI office, Pos Pelayanan, Disnaker, Migrant Resource Centre
#: (BP PIPA), Desmigratif service centre, shelter (rumah aman), other.
SERVICE_POINT_TYPES = ("LTSA", "UPT_BP3MI", "POS", "DISNAKER", "MRC", "DESMIGRATIF", "SHELTER", "OTHER")
#: How a service point was placed: its own coordinates, or its village's representative point.
LOCATED_BY = ("point", "village")


@dataclass(frozen=True)
class LayerSpec:
    """One layer: its stored columns (name -> dtype), breakdown keys and main count."""

    name: str
    columns: dict[str, str]
    keys: tuple[str, ...]
    count: str
    #: Translation key of the layer's name.
    title_key: str
    #: The level of the areas a file of this layer is taken to speak for (:mod:`geo.data_coverage`):
    #: each area of this level with a row, in each year with a row. A village of such an area
    #: without a row had none (0); outside every version's areas there is no data.
    covers: Level = Level.REGENCY

    def meta_key(self, element: str) -> str:
        """Translation key of one of the layer's metadata texts (:data:`LAYER_METADATA`), e.g.
        ``layer.source.placements`` (the data catalogue, :mod:`geo.catalogue`)."""
        if element not in LAYER_METADATA:
            raise ValueError(
                f"unknown metadata element {element!r}; choose one of: {', '.join(LAYER_METADATA)}"
            )
        return f"layer.{element}.{self.name}"


LAYERS: dict[str, LayerSpec] = {
    "placements": LayerSpec(
        name="placements",
        columns={
            "village": "string",
            "year": "int16",
            "month": "Int8",  # optional, 1-12
            "gender": "string",  # L / P / missing
            "destination": "string",  # country, Indonesian name as written (normalised case)
            "sector": "string",
            "scheme": "string",  # one of SCHEMES or missing
            "agency": "string",  # recruitment agency (P3MI/PPTKIS), a company's name as written
            "count": "int64",  # workers placed
        },
        keys=("village", "year", "month", "gender", "destination", "sector", "scheme", "agency"),
        count="count",
        title_key="layer.placements",
    ),
    "programmes": LayerSpec(
        name="programmes",
        columns={
            "village": "string",
            "programme": "string",  # one of PROGRAMME_TYPES
            "start_year": "Int16",
            "members": "Int64",
            "active": "boolean",
            "count": "int64",  # programmes (normally 1 per village and type)
        },
        keys=("village", "programme"),
        count="members",
        title_key="layer.programmes",
        covers=Level.PROVINCE,  # a programme list names every programme of its province
    ),
    "enterprises": LayerSpec(
        name="enterprises",
        columns={
            "village": "string",
            "enterprise_type": "string",
            "start_year": "Int16",
            "members": "Int64",
            "kur_credit": "boolean",  # has KUR (people's business credit)
            "cooperative": "boolean",
            "count": "int64",  # enterprises
        },
        keys=("village", "enterprise_type", "start_year", "kur_credit", "cooperative"),
        count="count",
        title_key="layer.enterprises",
    ),
    "reports": LayerSpec(
        name="reports",
        columns={
            "village": "string",
            "year": "int16",
            "month": "Int8",
            "destination": "string",
            "channel": "string",  # visa type or broker channel, as normalised
            "outcome": "string",  # one of REPORT_OUTCOMES or missing
            "persons": "int64",
            "count": "int64",  # reports
        },
        keys=("village", "year", "month", "destination", "channel", "outcome"),
        count="persons",
        title_key="layer.reports",
    ),
    "returns": LayerSpec(
        name="returns",
        columns={
            "village": "string",
            "year": "int16",  # year of the return (arrival)
            "month": "Int8",
            "gender": "string",  # L / P / missing
            "country": "string",  # country returned from, Indonesian name as written (normalised)
            "reason": "string",  # one of RETURN_REASONS or missing (not recorded)
            "problem": "string",  # one of RETURN_PROBLEMS or missing (not given)
            "route": "string",  # one of ROUTES or missing
            "entry_point": "string",  # debarkation port or airport, as written (normalised)
            "persons": "int64",  # workers returned
        },
        keys=("village", "year", "month", "gender", "country", "reason", "problem", "route", "entry_point"),
        count="persons",
        title_key="layer.returns",
    ),
    "service_points": LayerSpec(
        name="service_points",
        columns={
            "village": "string",  # the village the point lies in
            "type": "string",  # one of SERVICE_POINT_TYPES
            "name": "string",  # the office's name (never a person's)
            "lon": "float64",  # the point (missing: the village's representative point)
            "lat": "float64",
            "located": "string",  # one of LOCATED_BY
            "year_opened": "Int16",
            "year_closed": "Int16",
            "count": "int64",  # points (normally 1 per row)
        },
        keys=("village", "type", "name", "lon", "lat"),
        count="count",
        title_key="layer.service_points",
    ),
    "population": LayerSpec(
        name="population",
        columns={"village": "string", "year": "int16", "residents": "int64"},
        keys=("village", "year"),
        count="residents",
        title_key="layer.population",
    ),
}


def layer_spec(name: str) -> LayerSpec:
    """The spec of a layer by name; unknown names raise ``ValueError`` listing the valid ones."""
    try:
        return LAYERS[name]
    except KeyError:
        raise ValueError(f"unknown layer {name!r}; choose one of: {', '.join(LAYERS)}") from None


def with_columns(layer: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (rows of ``layer`` as stored) with every column of the layer's spec: a column
    an older version lacks is added empty (missing, never 0), in its dtype.

    >>> old = pd.DataFrame({"village": ["36.04.13.2007"], "year": [2023], "count": [4]})
    >>> bool(with_columns("placements", old)["agency"].isna().all())
    True
    """
    spec = LAYERS.get(layer)
    if spec is None or frame.empty and not len(frame.columns):
        return frame
    missing = [c for c in spec.columns if c not in frame.columns]
    if not missing:
        return frame
    out = frame.copy()
    for column in missing:
        out[column] = pd.Series(pd.NA, index=out.index, dtype=spec.columns[column])
    return out
