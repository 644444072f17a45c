"""CSV/XLSX tables, the PNG ZIP and the standalone HTML map."""

from __future__ import annotations

import io
import re
import zipfile

import pandas as pd
import pytest

from exports.files import ExportError, html_map, images_zip, tables_csv, tables_xlsx
from loaders.export_inputs import load_view
from loaders.settings import ROOT

LEAFLET = ROOT / "static" / "vendor" / "leaflet"


@pytest.fixture(scope="module")
def view(export_store):
    return load_view(export_store, "36.04", year=2024, layer="placements", lang="en", threshold=5)


def test_csv_has_every_village_with_data_and_a_total_row(view):
    frame = pd.read_csv(io.BytesIO(tables_csv(view)), dtype=str, comment="#", encoding="utf-8-sig")
    assert frame.columns[:3].tolist() == ["Code", "Village", "District"]
    assert frame["Village"].iloc[-1] == "Total"
    assert len(frame) == len(view.villages.values)
    assert frame["Code"].iloc[:-1].str.match(r"^36\.04\.\d\d\.\d{4}$").all()


def test_xlsx_sheets(view):
    sheets = pd.read_excel(io.BytesIO(tables_xlsx(view)), sheet_name=None)
    names = list(sheets)
    assert names[0] == "Key figures" and names[1] == "Villages" and names[-2] == "Note"
    assert names[-1] == "Data catalogue"  # the metadata of the figures (issue 26)
    assert len(names) == 4 + len(view.charts)
    assert len(sheets["Villages"]) == len(view.villages.values)


def test_images_zip_round_trip():
    data = images_zip({"map": b"\x89PNG-a", "chart-trend": b"\x89PNG-b"})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["map.png", "chart-trend.png"]
        assert archive.read("map.png") == b"\x89PNG-a"


def test_html_map_is_standalone(view):
    if not (LEAFLET / "leaflet.js").is_file():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    page = html_map(view, LEAFLET)
    assert not re.findall(r'<(?:script|link)[^>]+(?:src|href)="https?://', page)  # nothing from a CDN
    assert (LEAFLET / "leaflet.js").read_text()[:200] in page  # Leaflet inlined
    assert "L.geoJson" in page or "L.geoJSON" in page
    assert view.map_title in page


def test_html_map_names_missing_leaflet(view, tmp_path):
    with pytest.raises(ExportError, match="scripts/setup.sh"):
        html_map(view, tmp_path)


def test_programme_villages_figure_matches_the_dashboard_headline():
    """Inactive programmes and those started after the year are not counted, as on the dashboard."""
    from exports import view as export_view
    from geo import figures as registry

    programmes = pd.DataFrame(
        {
            "village": ["36.04.13.2007", "36.04.13.2008", "36.04.13.2009", "36.04.13.2010"],
            "programme": ["KKBM", "Desmigratif", "KKBM", "Kawan PMI"],
            "start_year": [2020, 2023, 2030, 2021],
            "active": [True, True, True, False],
            "count": [1, 1, 1, 1],
        }
    )
    layers = {"programmes": programmes}
    figures = {f.key: f.text for f in export_view._key_figures(layers, "36", 2024, 5, "en")}
    headline = {h.name: h for h in registry.headlines(layers, "36", 2024)}
    assert headline["programme_villages"].value == 2
    assert figures["programme_villages"] == "2"


def test_html_map_escapes_names_and_credits_the_boundaries(view):
    """Names from files reach folium's tooltip (which writes HTML) escaped; the attribution line
    names the boundary source instead of Leaflet's flag."""
    import dataclasses

    if not (LEAFLET / "leaflet.js").is_file():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    areas = view.map_areas.copy()
    areas["name"] = ["<img src=x onerror=alert(1)>"] * len(areas)
    page = html_map(dataclasses.replace(view, map_areas=areas), LEAFLET)
    assert "<img src=x onerror" not in page
    # escaped for the tooltip's HTML; the GeoJSON text may write the ampersand as \u0026
    escaped = "&lt;img src=x onerror=alert(1)&gt;"
    assert escaped in page or escaped.replace("&", "\\u0026") in page
    assert ".attributionControl.setPrefix(" in page


def test_xlsx_numbers_are_numbers_with_formats_and_hidden_cells_stay_hidden(view):
    """Counts and headline values were stored as text ('984', "'+5 dari 2023"): now every number
    is a number with a number format of the file's language, and every hidden cell holds only
    its label, in the villages sheet, the chart sheets and the key figures."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(tables_xlsx(view)))
    villages = book["Villages"]
    header = [c.value for c in villages[1]]
    hidden = view.villages.hidden
    labels = view.villages.labels()
    headers = view.village_headers
    checked = 0
    for i, row in enumerate(villages.iter_rows(min_row=2)):
        for column, cell in zip(header[1:], row[1:], strict=True):
            key = next(k for k, h in headers.items() if h == column)
            if key in ("name", "district", "regency", "province"):
                continue
            if hidden[key].iat[i]:
                assert cell.value == labels[key].iat[i] in ("<5", "x"), (column, cell.value)
            elif pd.isna(view.villages.values[key].iat[i]):  # a share of no one: empty, never 0
                assert cell.value is None
            else:
                assert isinstance(cell.value, (int, float)), (column, cell.value)
                assert cell.number_format.startswith("[$-409]"), cell.number_format
                assert ("%" in cell.number_format) == (key == "share_women")
                checked += 1
    assert checked > 100 and hidden.to_numpy().sum() > 10
    assert row[0].value is None and row[1].value == "Total"  # the total row: no internal code
    figures = book["Key figures"]
    head = [c.value for c in figures[1]]
    assert head == ["Name", "Value", "Change from 2023"]
    for f, (name, value, change) in zip(view.key_figures, figures.iter_rows(min_row=2), strict=True):
        assert name.value == f.label
        if f.hidden:
            assert value.value == f.text and change.value is None
            continue
        assert isinstance(value.value, (int, float)) and value.number_format != "General"
        if isinstance(change.value, (int, float)):  # +5 through a signed format, never "'+5 dari 2023"
            assert change.number_format.startswith("[$-409]+#,##0")
        else:
            assert change.value in (None, f.change) and not str(change.value or "").startswith(("'", "+"))
    for chart in view.charts:
        sheet = next(s for s in book.worksheets if s.title == chart.title[:31])
        for (_category, value), shown in zip(
            sheet.iter_rows(min_row=2), chart.data.labels()["value"], strict=True
        ):
            assert value.value == shown if shown else isinstance(value.value, (int, float))


def test_the_same_tables_make_the_same_workbook(view):
    """A page makes its workbook again on every rerun; with the creation time to the second in
    it, the download button's file changed and a download clicked during a rerun was cancelled."""
    import time

    first = tables_xlsx(view)
    time.sleep(1.1)  # into the next second (no timing is asserted)
    assert tables_xlsx(view) == first
