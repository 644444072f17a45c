"""Templates: every layer's template imports cleanly, carries the dictionary; the docs are in sync."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from geo.layers import LAYERS
from loaders.layers import analyse
from loaders.store import Store
from loaders.templates import DICTIONARY, dictionary_markdown, template_xlsx

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("layer", list(LAYERS))
def test_template_example_row_imports_and_dictionary_sheet_lists_aliases(layer, tmp_path):
    data = template_xlsx(layer)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Data", "Kamus data"]
    headers = [c.value for c in wb["Data"][1]]
    assert headers == [c.header for c in DICTIONARY[layer]]
    dictionary = [
        [c.value for c in row] for row in wb["Kamus data"].iter_rows(min_row=2, max_row=len(headers) + 1)
    ]
    assert [r[0] for r in dictionary] == headers
    assert "kode wilayah" in dictionary[0][5]
    plan = analyse(layer, data, f"templat_{layer}.xlsx", Store(tmp_path / "s"))
    assert plan.accepted, [i.message("en") for i in plan.issues]
    assert plan.matched == 1 and plan.frame["village"].tolist() == ["36.04.13.2007"]
    # every documented header is recognised as its field
    assert set(plan.mapping) >= {c.field for c in DICTIONARY[layer] if c.example not in ("", None)}


def test_readme_data_dictionary_is_generated_from_the_code():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("<!-- dictionary:start -->")[1].split("<!-- dictionary:end -->")[0]
    assert section.strip() == dictionary_markdown().strip()


def test_every_input_field_has_a_label_on_the_data_page():
    import i18n
    from loaders.columns import FIELDS

    missing = [f.name for f in FIELDS if f"data.field.{f.name}" not in i18n.TABLE]
    assert missing == []


def test_every_problem_code_has_a_message_in_both_languages():
    import re

    import i18n
    from loaders.layers.parsers import PARSERS

    src = {
        p: (ROOT / p).read_text() for p in ("loaders/validation.py", "loaders/tabular.py", "geo/matching.py")
    }
    src["loaders/layers"] = "".join(p.read_text() for p in sorted((ROOT / "loaders/layers").glob("*.py")))
    codes = set(re.findall(r'Issue\(\s*"(\w+)"', src["loaders/layers"] + src["loaders/validation.py"]))
    # the layer parsers name their problem codes in their rules
    for parser in PARSERS.values():
        for rule in parser.rules:
            for attr in ("unknown", "missing_row", "no_column", "absent"):
                value = getattr(rule, attr, None)
                if value and value not in ("one", "missing"):
                    codes.add(value)
    codes |= {"duplicate", "duplicate_counted", "negative", "year_range", "month_range", "programme_unknown"}
    codes |= {f"file_{c}" for c in re.findall(r'TableError\(\s*"(\w+)"', src["loaders/tabular.py"])}
    codes |= {"file_unreadable"} | {f"skipped_{r}" for r in ("totals", "notes")}
    codes |= {f"subtotal_{k}" for k in ("word", "area", "sum")}  # the subtotal stage's kinds
    reasons = set(re.findall(r'reason="(\w+)"', src["geo/matching.py"])) | set(
        re.findall(r'"(\w+_(?:ambiguous|not_found))"', src["geo/matching.py"])
    )
    reasons |= {"code_unknown", "area_total_row", "no_location", "point_outside"}
    reasons |= {f"code_{p}" for p in ("looks_like_bps", "not_a_code", "bad_length", "bad_village_part")}
    codes |= {f"match_{r}" for r in reasons}
    missing = sorted(c for c in codes if f"data.issue.{c}" not in i18n.TABLE)
    assert missing == []
    assert all(i18n.TABLE[f"data.issue.{c}"]["en"] and i18n.TABLE[f"data.issue.{c}"]["id"] for c in codes)
