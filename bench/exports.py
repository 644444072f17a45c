"""Export build times on real boundaries with generated layers: ``python -m bench.exports [PP]``.

Prints one JSON object of seconds per step for a province (its districts on the map) and its
first regency (villages on the map); Banten (36) by default, e.g. ``35`` for Jawa Timur.
Figures, not assertions: compare runs by eye.
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

    from exports import brief_pdf, deck
    from exports import files as export_files
    from loaders.export_inputs import load_view

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
                "all_formats_s": round(t_view + t_images + t_deck + t_pdf + t_html + t_csv + t_xlsx, 3),
            }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main(*sys.argv[1:2])
