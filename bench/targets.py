"""The figures ``python -m bench`` reports, their units and the targets of the issue."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Figure", "FIGURES", "MB", "NAIVE", "met", "per_naive"]

MB = 1_000_000
#: The naive village map of Jawa Timur, built in the same run: every time target is also stated
#: as a ratio to it, since machines of this kind differ in speed from run to run (6.8 to 12.5 s
#: for the same map on the same kind of machine).
NAIVE = "province_map_naive_build_s"


@dataclass(frozen=True)
class Figure:
    """One reported figure: what it is, its unit, its limit (``at_most`` or ``at_least``), its naive
    twin, and for a time its limit as a ratio to the naive map of the same run (``per_naive``)."""

    label: str
    unit: str  # "s", "bytes", "MiB" or "x"
    at_most: float | None = None
    at_least: float | None = None
    naive: str | None = None
    per_naive: float | None = None


#: Every key of the benchmark's JSON that holds a figure, in the order of the README table.
FIGURES: dict[str, Figure] = {
    "store_import_all_s": Figure("Import all village boundaries (38 files, 83,246 villages)", "s"),
    "store_import_peak_mib": Figure("… peak memory of that import", "MiB"),
    "store_import_levels_s": Figure(
        "Then import the regency and district files (kabupaten, kecamatan: 514 + 7,284 areas)", "s"
    ),
    "store_import_levels_peak_mib": Figure("… peak memory of that import", "MiB"),
    "store_bytes": Figure("… store size on disk", "bytes"),
    "province_map_build_s": Figure(
        "Village map of Jawa Timur (35) from the store", "s", 1.0, naive=NAIVE, per_naive=0.09
    ),
    "province_map_bytes": Figure(
        "… HTML sent to the browser", "bytes", 3 * MB, naive="province_map_naive_bytes"
    ),
    "province_map_speedup": Figure("… times faster than the naive map", "x", at_least=5),
    "province_map_shrink": Figure("… times smaller than the naive map", "x", at_least=5),
    "province_map_naive_build_s": Figure("Naive village map of Jawa Timur (to_json + GeoJson)", "s"),
    "province_map_naive_bytes": Figure("… HTML sent to the browser", "bytes"),
    "national_regency_map_build_s": Figure("National map of every regency", "s", 0.3, per_naive=0.03),
    "national_regency_map_bytes": Figure("… HTML sent to the browser", "bytes", 1 * MB),
    "national_district_map_build_s": Figure("National map of every district", "s", 1.0, per_naive=0.09),
    "national_district_map_bytes": Figure("… HTML sent to the browser", "bytes", 4 * MB),
    "placements_import_1m_s": Figure("Import 1,000,000 row-level placement records", "s", 20, per_naive=1.85),
    "placements_import_1m_peak_mib": Figure("… peak memory of that import", "MiB", 2048),
    "placements_import_xlsx_200k_s": Figure("Import a 200,000-row placements workbook (.xlsx)", "s"),
    "placements_import_xlsx_200k_peak_mib": Figure("… peak memory of that import", "MiB"),
    "app_first_render_s": Figure(
        "App start to the map page's polygons drawn (Chromium)", "s", 6, per_naive=0.4
    ),
    "browser_province_render_s": Figure(
        "Choose Jawa Timur's villages to 8,492 polygons drawn", "s", 3, per_naive=0.28
    ),
    "interaction_p50_s": Figure(
        "A widget change to Jawa Timur's 8,492 villages redrawn (Chromium): median of 20",
        "s",
        1,
        per_naive=0.09,
    ),
    "interaction_p95_s": Figure("… 95th percentile of those 20 changes", "s", 2, per_naive=0.19),
    "national_village_tiles_build_s": Figure(
        "Village packs of the national view for all 38 provinces (done at import; rebuilt here)", "s"
    ),
    "national_village_tiles_peak_mib": Figure("… peak memory of that build", "MiB"),
    "national_village_pack_bytes": Figure(
        "… national packs on disk (what the first view fetches, uncompressed)", "bytes"
    ),
    "national_village_first_draw_s": Figure(
        "Choose Desa/Kelurahan for all of Indonesia to every village drawn (Chromium)", "s", 5, per_naive=0.46
    ),
    "national_village_bytes_initial": Figure("… bytes the browser received for that view", "bytes", 8 * MB),
    "national_village_recolour_s": Figure(
        "Year range changed to new colours drawn on every village", "s", 1, per_naive=0.05
    ),
    # exports of every village (area Indonesia) from the store: python -m bench.exports national
    "national_village_export_view_s": Figure("Export view of every village (values, protection, table)", "s"),
    "national_village_png_s": Figure("… static PNG map of 83,246 villages (1600×900)", "s"),
    "national_village_pptx_s": Figure("… PPTX deck (map and chart pictures, slides)", "s"),
    "national_village_pdf_s": Figure("… PDF brief (with its own map picture)", "s"),
    # python -m bench.reach (issue 23): distance over land and where the next service points go
    "reach_graph_35_s": Figure(
        "Land graph of Jawa Timur's 8,492 villages (built once per data version)", "s"
    ),
    "reach_distances_35_s": Figure(
        "… distance over land from every village to the nearest of 10 points", "s"
    ),
    "reach_where_next_35_s": Figure(
        "Where next in Jawa Timur: 3 new sites within 25 km over land, exact (HiGHS) and greedy", "s", 10
    ),
    "reach_where_next_52_s": Figure("… the same in Nusa Tenggara Barat (1,166 villages)", "s", 10),
    "reach_where_next_36_s": Figure("… the same in Banten (1,552 villages)", "s", 10),
    # python -m bench.load: sessions over app processes sharing one PostGIS database
    "load_p50_s": Figure("20 sessions over 2 app processes on one PostGIS: median interaction", "s"),
    "load_p95_s": Figure("… 95th percentile interaction", "s", 2),
    "load_max_s": Figure("… slowest interaction", "s"),
    "load_errors": Figure("… errors (page exceptions, unfinished runs, dropped sessions)", "", 0),
    "load_interactions": Figure("… interactions measured", ""),
    "load_import_versions": Figure("… versions of the layer imported once during the run (must be 1)", ""),
    "load_app_memory_max_mib": Figure("… resident memory of the larger app process at the end", "MiB"),
    # python -m bench.load --scale real: the same on every province's villages, sign-in on
    "load_real_build_s": Figure(
        "Real-scale store: 38 village files, regency and district files, 5 × 270,000 placements, "
        "programmes, reports, enterprises (built once, reused)",
        "s",
    ),
    "load_real_store_bytes": Figure("… its size on disk", "bytes"),
    "load_real_copy_s": Figure("… copied into PostGIS (as `python -m loaders.store migrate`)", "s"),
    "load_real_p50_s": Figure(
        "20 signed-in sessions (4 roles, different provinces) over 2 app processes on that store: median interaction",
        "s",
    ),
    "load_real_p95_s": Figure("… 95th percentile interaction", "s", 2),
    "load_real_max_s": Figure("… slowest interaction", "s"),
    "load_real_errors": Figure(
        "… errors (page exceptions, unfinished runs, dropped sessions, failed sign-ins)", "", 0
    ),
    "load_real_interactions": Figure("… interactions measured (sign-in included)", ""),
    "load_real_signin_p95_s": Figure(
        "… 95th percentile sign-in (form sent to the first page shown; argon2id check included)", "s"
    ),
    "load_real_import_versions": Figure(
        "… versions of the layer imported once during the run (must be 1)", ""
    ),
    "load_real_app_memory_max_mib": Figure("… resident memory of the larger app process at the end", "MiB"),
}


def per_naive(key: str, result: dict) -> float | None:
    """``key``'s figure in ``result`` as a ratio to the naive map of the same run (None when
    either is missing, or ``key`` has no ratio target)."""
    figure = FIGURES.get(key)
    value, naive = result.get(key), result.get(NAIVE)
    if figure is None or figure.per_naive is None or value is None or not naive:
        return None
    return value / naive


def met(key: str, value: float | None, result: dict | None = None) -> bool | None:
    """Whether ``value`` meets the target of ``key`` (None: no target, or not measured); with
    the run's ``result``, its ratio to the naive map must meet ``per_naive`` too.

    >>> met("app_first_render_s", 3.9), met("app_first_render_s", 3.9, {NAIVE: 6.8, "app_first_render_s": 3.9})
    (True, False)
    """
    figure = FIGURES.get(key)
    if figure is None or value is None or (figure.at_most is None and figure.at_least is None):
        return None
    if figure.at_most is not None and value > figure.at_most:
        return False
    if figure.at_least is not None and value < figure.at_least:
        return False
    ratio = per_naive(key, {**(result or {}), key: value}) if result else None
    return not (ratio is not None and ratio > figure.per_naive)
