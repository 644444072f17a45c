"""The planner's CSV and XLSX downloads against the page they come from (AppTest, the demo pack).

Testers found the page ranking one village first while the files ranked it "x" at the bottom,
the *missing data* column printing the key ``distance_km`` and the workbook holding numbers as
text. Here the page is run as a user opens it, the bytes its two download buttons offer are
caught, and the files are read back as a spreadsheet reads them: the same rows in the same order,
the same ranks and scores, every indicator equal to the page's wherever it is shown, a hidden
count only where the page's count is small, numbers stored as numbers with a number format.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

import i18n
from geo import priority
from loaders.settings import DEMO_DIR
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
THRESHOLD = 5

pytestmark = pytest.mark.skipif(
    not Store(DEMO_DIR).provinces(), reason="the demo pack is not built (python -m loaders.demo build)"
)


@pytest.fixture
def offered(monkeypatch) -> dict[str, bytes]:
    """The bytes each download button of the page offers, by file name."""
    files: dict[str, bytes] = {}
    original = DeltaGenerator.download_button

    def catch(self, label, data, file_name=None, *args, **kwargs):
        files[file_name] = data
        return original(self, label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", catch)
    return files


def run_planner(lang: str) -> AppTest:
    years = sorted(Store(DEMO_DIR).read_layer("placements")["year"].dropna().astype(int).unique())
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["dataset"] = "demo"
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("views/planner.py")
    # the view (area, period) lives in the URL (issue 27)
    at.query_params.update({"area": "99.01", "year": f"{int(years[0])}-{int(years[-1])}"})
    at.run()
    assert not at.exception, at.exception
    return at


def _number(text: str, lang: str) -> float:
    """A number as the page writes it (``1.210,5`` in Indonesian, ``1,210.5`` in English)."""
    if lang == "id":
        text = text.replace(".", "").replace(",", ".")
    return float(text.replace(",", ""))


def _rows_csv(data: bytes) -> tuple[list[str], list[list[str]]]:
    lines = [line for line in data.decode("utf-8-sig").splitlines() if not line.startswith("#")]
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    return rows[0], rows[1:]


def _rows_xlsx(data: bytes) -> tuple[list[str], list[list[object]], list[list[str]]]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    cells = [list(row) for row in sheet.iter_rows()]
    return (
        [c.value for c in cells[0]],
        [[c.value for c in r] for r in cells[1:]],
        [[c.number_format for c in r] for r in cells[1:]],
    )


def _same(page: str, file: object, column: str, lang: str, hidden: list[str]) -> None:
    """One cell of the file against the page's: equal, or hidden where the rule hides it."""
    label = f"<{THRESHOLD}"
    if file in (label, "x"):
        hidden.append(str(file))
        if file == label:  # only a small count is "<5", and the page's count is small
            assert 1 <= _number(page, lang) < THRESHOLD, (column, page)
        return
    if page in ("", "–"):
        assert file in ("", None), (column, page, file)
        return
    assert isinstance(file, (int, float)) or file.replace(".", "", 1).isdigit(), (column, file)
    assert float(file) == pytest.approx(_number(page, lang), abs=1e-9), (column, page, file)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_planner_files_rank_and_score_as_the_page(lang, offered, monkeypatch):
    monkeypatch.setenv("ATLAS_LANGUAGE", lang)  # AppTest reads widgets back outside the session
    at = run_planner(lang)
    page = at.dataframe[0].value.astype(str)
    headers = priority.ranking_headers(lang)
    assert list(page.columns) == [headers[c] for c in priority.RANKING_COLUMNS]
    assert len(page) > 20
    name = i18n.t("file.priority", lang)  # downloads are named in the interface language (issue 27)
    csv_header, csv_rows = _rows_csv(offered[f"{name}.csv"])
    xlsx_header, xlsx_rows, formats = _rows_xlsx(offered[f"{name}.xlsx"])
    assert csv_header == list(page.columns) == xlsx_header
    assert len(csv_rows) == len(xlsx_rows) == len(page)
    numeric = {headers[c] for c in ("rank", *priority.DECIMAL_COLUMNS, *priority.COUNT_COLUMNS)}
    hidden: list[str] = []
    for i, (_, shown) in enumerate(page.iterrows()):
        for j, column in enumerate(page.columns):
            if column in numeric:
                _same(shown[column], csv_rows[i][j], column, lang, hidden)
                _same(shown[column], xlsx_rows[i][j], column, lang, [])
            else:  # village, code, missing data: the same words
                assert csv_rows[i][j] == shown[column] == (xlsx_rows[i][j] or ""), (column, i)
        # rank and score are never hidden: the files rank exactly as the page
        assert int(csv_rows[i][0]) == xlsx_rows[i][0] == int(shown[headers["rank"]]) == i + 1
        assert isinstance(xlsx_rows[i][2], float | int)
    assert f"<{THRESHOLD}" in hidden and "x" in hidden  # the demo has small counts: the rule ran
    # the page's first village is the files' first
    assert csv_rows[0][1] == xlsx_rows[0][1] == page.iloc[0][headers["name"]] != ""
    # the missing-data column speaks the reader's language, never the key
    missing = {row[-1] for row in csv_rows} - {""}
    assert missing <= {i18n.t(f"planner.ind.{k}", lang) for k in priority.INDICATORS}
    # numbers are numbers in the workbook, with a number format of the file's language
    tag = "[$-421]" if lang == "id" else "[$-409]"
    for row, row_formats in zip(xlsx_rows, formats, strict=True):
        for j, value in enumerate(row):
            if xlsx_header[j] in numeric and isinstance(value, (int, float)):
                assert row_formats[j].startswith(tag) and "#,##0" in row_formats[j], (xlsx_header[j], value)
            if isinstance(value, str) and xlsx_header[j] in numeric:
                assert value in (f"<{THRESHOLD}", "x"), (xlsx_header[j], value)  # text only where hidden
