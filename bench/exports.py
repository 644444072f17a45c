"""Export build times on real boundaries with generated layers: ``python -m bench.exports [PP]``.

Prints one JSON object of seconds per step for a province (its districts on the map) and its
first regency (villages on the map); Banten (36) by default, e.g. ``35`` for Jawa Timur.

``python -m bench.exports national STORE`` times the exports of every village of a full store
(area *Indonesia*, :func:`national_figures`): STORE is read only (its boundaries are hard-linked
into a temporary copy that gets the generated layers). ``python -m bench`` runs the same as its
``exports`` stage. Figures, not assertions: compare runs by eye.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, round(time.perf_counter() - start, 3)


def main(province: str = "36") -> None:
    if not (SHARED_DATA / "boundaries").is_dir():
        print(json.dumps({"skipped": f"real data not found at {SHARED_DATA}"}))
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from export_data import build_store

    from exports import brief_pdf, deck, gis
    from exports import files as export_files
    from loaders.export_inputs import gis_areas, load_view

    leaflet = ROOT / "static" / "vendor" / "leaflet"
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store, seconds = _timed(lambda: build_store(Path(tmp) / "store", SHARED_DATA, province=province))
        out["store_build"] = {"seconds": seconds}
        regency = sorted(store.read_areas(2, province)["code"])[0]
        for area in (province, regency):
            view, t_view = _timed(lambda a=area: load_view(store, a, year=2024, layer="placements"))
            images, t_images = _timed(lambda v=view: deck.render_images(v))
            _, t_deck = _timed(lambda v=view, i=images: deck.build_deck(v, i))
            _, t_pdf = _timed(lambda v=view: brief_pdf.build_brief(v))
            html, t_html = _timed(lambda v=view: export_files.html_map(v, leaflet))
            _, t_csv = _timed(lambda v=view: export_files.tables_csv(v))
            _, t_xlsx = _timed(lambda v=view: export_files.tables_xlsx(v))
            polygons, t_areas = _timed(lambda a=area: gis_areas(store, a))
            gpkg, t_gpkg = _timed(lambda v=view, p=polygons: gis.gpkg_bytes(v, p))
            geojson, t_geojson = _timed(lambda v=view, p=polygons: gis.geojson_bytes(v, p))
            out[area] = {
                "map_areas": len(view.map_areas),
                "villages_in_table": len(view.villages.values) - 1,
                "view_s": t_view,
                "images_s": t_images,
                "deck_s": t_deck,
                "brief_pdf_s": t_pdf,
                "html_map_s": t_html,
                "html_map_mb": round(len(html) / 1e6, 2),
                "csv_s": t_csv,
                "xlsx_s": t_xlsx,
                "gis_areas_s": t_areas,
                "gpkg_s": t_gpkg,
                "gpkg_mb": round(len(gpkg) / 1e6, 2),
                "geojson_s": t_geojson,
                "geojson_mb": round(len(geojson) / 1e6, 2),
                "all_formats_s": round(
                    t_view
                    + t_images
                    + t_deck
                    + t_pdf
                    + t_html
                    + t_csv
                    + t_xlsx
                    + t_areas
                    + t_gpkg
                    + t_geojson,
                    3,
                ),
            }
    print(json.dumps(out, indent=1))


def national_figures(store_dir: Path, work: Path) -> tuple[dict, dict]:
    """Seconds to build the national village PNG map, PPTX and PDF brief from ``store_dir``.

    A hard-linked copy of the store in ``work`` gets the generated layers of the export tests
    over every village; ``store_dir`` itself is never written. Each figure is one cold build from
    the protected view (the view's own time is reported beside them):
    ``national_village_png_s`` the map picture (1600×900), ``national_village_pptx_s`` every
    picture of the deck and the deck, ``national_village_pdf_s`` the brief with its own map.
    """
    sys.path.insert(0, str(ROOT / "tests"))
    from export_data import write_layers

    from exports import brief_pdf, deck
    from exports import files as export_files
    from exports.static_map import view_map
    from loaders.export_inputs import NATIONAL, load_view
    from loaders.store import Store

    copy = work / "store-exports"
    Store(store_dir).snapshot(copy)
    _, t_layers = _timed(lambda: write_layers(Store(copy)))
    store = Store(copy)
    view, t_view = _timed(lambda: load_view(store, NATIONAL, year=2024, layer="placements"))
    source = ", ".join(view.sources)
    _, t_png = _timed(lambda: view_map(view, deck.IMAGE_SIZE, source=source))
    pptx, t_pptx = _timed(lambda: deck.build_deck(view, deck.render_images(view)))
    pdf, t_pdf = _timed(lambda: brief_pdf.build_brief(view))
    _, t_csv = _timed(lambda: export_files.tables_csv(view))
    _, t_xlsx = _timed(lambda: export_files.tables_xlsx(view))
    figures = {
        "national_village_export_view_s": t_view,
        "national_village_png_s": t_png,
        "national_village_pptx_s": t_pptx,
        "national_village_pdf_s": t_pdf,
    }
    detail = {
        "national_export_map_areas": len(view.map_areas),
        "national_export_villages_in_table": len(view.villages.values) - 1,
        "national_export_layers_s": t_layers,
        "national_export_csv_s": t_csv,
        "national_export_xlsx_s": t_xlsx,
        "national_export_pptx_bytes": len(pptx),
        "national_export_pdf_bytes": len(pdf),
    }
    return figures, detail


if __name__ == "__main__":
    if sys.argv[1:2] == ["national"]:
        if len(sys.argv) < 3:
            raise SystemExit("usage: python -m bench.exports national STORE (a store of every province)")
        with tempfile.TemporaryDirectory(prefix="atlas-bench-exports-") as tmp:
            found, more = national_figures(Path(sys.argv[2]), Path(tmp))
        print(json.dumps({**found, "meta": more}, indent=1))
    else:
        main(*sys.argv[1:2])
