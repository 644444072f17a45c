"""Hostile and broken files: a message naming the file, never a traceback or a hang, and the
store byte-identical after every refusal. Each case is the smallest file, built here, that
showed a traceback, a hang or a leak in the fuzzer (``tests/fuzzing.py``) or in the steward's
run of issue 16."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from fuzzing import store_digest

from geo.gazetteer import gazetteer
from loaders.boundary_files import BoundaryFileError, read_boundary_file
from loaders.layers import analyse, cli, report_frame
from loaders.store import Store


def _villages(regency: str = "36.04", n: int = 3) -> list[str]:
    g = gazetteer()
    return list(g[(g["level"] == 4) & (g["regency"] == regency)]["code"].head(n))


def _xlsx(rows: list[list[object]]) -> bytes:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _valid_rows() -> list[list[object]]:
    return [["Kode Desa", "Tahun", "Jumlah PMI"]] + [[c, 2023, 4] for c in _villages()]


def _rezip(data: bytes, edit) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, edit(info.filename, src.read(info.filename)))
    return buf.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


def _entity_xlsx() -> bytes:
    decl = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    return _rezip(
        _xlsx(_valid_rows()),
        lambda n, b: decl + re.sub(rb"^<\?xml[^>]*\?>", b"", b) if n == "xl/workbook.xml" else b,
    )


def _corrupt_xlsx() -> bytes:
    """A sheet whose XML is cut in the middle (ParseError in openpyxl on main)."""
    return _rezip(_xlsx(_valid_rows()), lambda n, b: b[: len(b) // 2] if n == SHEET else b)


def _bad_deflate_xlsx() -> bytes:
    """Bytes flipped inside a compressed member (zlib.error on main)."""
    data = bytearray(_xlsx(_valid_rows()))
    info = next(i for i in zipfile.ZipFile(io.BytesIO(bytes(data))).infolist() if i.filename == SHEET)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 5, start + min(info.compress_size, 40)):
        data[i] ^= 0xFF
    return bytes(data)


def _huge_dimension_xlsx() -> bytes:
    return _rezip(
        _xlsx(_valid_rows()),
        lambda n, b: (
            re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', b) if n == SHEET else b
        ),
    )


def _empty_rows_xlsx() -> bytes:
    rows = b"".join(b'<row r="%d"/>' % i for i in range(10, 1_300_000))
    return _rezip(
        _xlsx(_valid_rows()),
        lambda n, b: b.replace(b"</sheetData>", rows + b"</sheetData>") if n == SHEET else b,
    )


def _huge_string_xlsx() -> bytes:
    cell = b'<row r="90"><c r="A90" t="inlineStr"><is><t>' + b"A" * 50_000 + b"</t></is></c></row>"
    return _rezip(
        _xlsx(_valid_rows()),
        lambda n, b: b.replace(b"</sheetData>", cell + b"</sheetData>") if n == SHEET else b,
    )


def _utf16_truncated() -> bytes:
    text = "Kode Desa,Tahun,Jumlah PMI\n" + "".join(f"{c},2023,4\n" for c in _villages())
    return text.encode("utf-16")[:-1]  # half a code unit at the end (UnicodeDecodeError on main)


def _twenty_digits() -> bytes:
    codes = _villages()
    return (
        "Kode Desa,Tahun,Jumlah PMI\n" + f"{codes[0]},12345678901234567890,4\n{codes[1]},2023,5\n"
    ).encode()


def _many_columns(k: int) -> bytes:
    header = "Kode Desa,Tahun,Jumlah PMI," + ",".join(f"C{i}" for i in range(k))
    rows = "".join(f"{c},2023,4," + ",".join("1" for _ in range(k)) + "\n" for c in _villages())
    return (header + "\n" + rows).encode()


REFUSED = {
    "xml entity declaration": ("placements.xlsx", _entity_xlsx, "file_xml_entities"),
    "cut sheet xml": ("placements.xlsx", _corrupt_xlsx, "file_bad_xlsx"),
    "bad deflate stream": ("placements.xlsx", _bad_deflate_xlsx, "file_bad_xlsx"),
    "huge declared dimension": ("placements.xlsx", _huge_dimension_xlsx, "file_limit_columns"),
    "a million empty rows": ("placements.xlsx", _empty_rows_xlsx, "file_limit_rows"),
    "huge shared string": ("placements.xlsx", _huge_string_xlsx, "file_limit_cell_chars"),
    "5,000 extra columns": ("placements.csv", lambda: _many_columns(5000), "file_limit_columns"),
    "16,385 extra columns": ("placements.csv", lambda: _many_columns(16385), "file_limit_columns"),
}


@pytest.fixture()
def stocked(tmp_path) -> Path:
    """A store that already holds one accepted import (so a refusal has something to spoil)."""
    root = tmp_path / "store"
    good = tmp_path / "good.csv"
    good.write_text("Kode Desa,Tahun,Jumlah PMI\n" + "".join(f"{c},2022,3\n" for c in _villages()))
    assert cli.main(["--store", str(root), "import", "placements", str(good), "--mode", "append"]) == 0
    return root


@pytest.mark.parametrize("case", list(REFUSED))
def test_hostile_file_is_refused_by_name_and_leaves_the_store_byte_identical(case, stocked, tmp_path, capsys):
    name, build, code = REFUSED[case]
    path = tmp_path / name
    path.write_bytes(build())
    before = store_digest(stocked)
    report = tmp_path / "report.csv"
    exit_code = cli.main(
        ["--store", str(stocked), "--lang", "en", "import", "placements", str(path), "--report", str(report)]
    )
    assert exit_code == 1
    assert store_digest(stocked) == before
    assert code in report.read_text(encoding="utf-8-sig")
    err = capsys.readouterr().err
    assert name in err and "Traceback" not in err


def test_limits_are_named_in_the_message(tmp_path):
    plan = analyse("placements", _many_columns(600), "wide.csv", Store(tmp_path / "s"), sheet=None)
    message = plan.errors[0].message("en")
    assert "wide.csv" in message and "500" in message and "ATLAS_MAX_COLUMNS" in message


def test_a_limit_is_read_from_its_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_MAX_COLUMNS", "2000")
    plan = analyse("placements", _many_columns(600), "wide.csv", Store(tmp_path / "s"))
    assert not any(i.code == "file_limit_columns" for i in plan.issues)


def test_truncated_utf16_csv_is_read_without_a_traceback(tmp_path):
    plan = analyse("placements", _utf16_truncated(), "utf16.csv", Store(tmp_path / "s"))
    assert plan.matched == 3  # every row read; the cut last cell is the one error
    assert [(i.code, i.row) for i in plan.errors] == [("not_a_number", 4)]
    assert analyse(
        "placements", _utf16_truncated(), "utf16.csv", Store(tmp_path / "s"), skip_invalid=True
    ).accepted


def test_twenty_digit_year_is_a_row_error_not_an_overflow(tmp_path):
    plan = analyse("placements", _twenty_digits(), "big.csv", Store(tmp_path / "s"))
    assert [(i.code, i.row) for i in plan.errors] == [("year_not_a_year", 2)]


def test_twenty_digit_count_is_too_large(tmp_path):
    codes = _villages()
    data = f"Kode Desa,Tahun,Jumlah PMI\n{codes[0]},2023,12345678901234567890\n".encode()
    plan = analyse("placements", data, "big.csv", Store(tmp_path / "s"))
    assert [i.code for i in plan.errors] == ["too_large"]


def test_an_unforeseen_error_is_a_message_naming_the_file(tmp_path, monkeypatch):
    import loaders.layers.stages as stages

    def boom(*args, **kwargs):
        raise RuntimeError("3604131207850003")  # a text that quotes a cell is never shown

    monkeypatch.setattr(stages, "parse_rows", boom)
    plan = analyse("placements", _xlsx(_valid_rows()), "x.xlsx", Store(tmp_path / "s"))
    assert [i.code for i in plan.errors] == ["file_unexpected"]
    message = plan.errors[0].message("en")
    assert "x.xlsx" in message and "RuntimeError" in message and "3604131207850003" not in message


# --------------------------------------------------------------------------- boundary files
def _geojson(features: list[dict]) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def _square(code: str, x: float, y: float, *, close: bool = True) -> dict:
    ring = [[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01]] + ([[x, y]] if close else [])
    return {
        "type": "Feature",
        "properties": {"kode": code},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def test_boundary_ring_that_does_not_close_is_repaired_and_counted(tmp_path):
    codes = _villages(n=3)
    path = tmp_path / "desa.geojson"
    path.write_bytes(
        _geojson(
            [
                _square(codes[0], 106.1, -6.0, close=False),
                _square(codes[1], 106.2, -6.0),
                _square(codes[2], 106.3, -6.0),
            ]
        )
    )
    read = read_boundary_file(path)
    assert len(read.areas) == 3
    assert read.repaired == [1]
    assert any("1" in line for line in read.problems("en") if "repaired" in line)


def test_boundary_bowtie_is_repaired_with_make_valid(tmp_path):
    codes = _villages(n=2)
    bowtie = {
        "type": "Feature",
        "properties": {"kode": codes[0]},
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[106.1, -6.0], [106.11, -5.99], [106.11, -6.0], [106.1, -5.99], [106.1, -6.0]]],
        },
    }
    path = tmp_path / "desa.geojson"
    path.write_bytes(_geojson([bowtie, _square(codes[1], 106.2, -6.0)]))
    read = read_boundary_file(path)
    assert read.repaired == [1] and read.areas.geometry.is_valid.all()


@pytest.mark.parametrize(
    ("shift", "cause"),
    [((300.0, 0.0), "shifted"), ((0.0, 120.0), "shifted"), (None, "swapped")],
)
def test_boundaries_outside_indonesia_are_refused_with_the_likely_cause(tmp_path, shift, cause):
    codes = _villages(n=3)
    features = []
    for i, code in enumerate(codes):
        x, y = 106.1 + i * 0.1, -6.0
        if shift is None:
            f = _square(code, x, y)
            f["geometry"]["coordinates"] = [[[b, a] for a, b in f["geometry"]["coordinates"][0]]]
        else:
            f = _square(code, x + shift[0], y + shift[1])
        features.append(f)
    path = tmp_path / "desa.geojson"
    path.write_bytes(_geojson(features))
    with pytest.raises(BoundaryFileError) as err:
        read_boundary_file(path)
    assert err.value.key == "outside_indonesia" and err.value.params["cause"] == cause
    assert "1, 2, 3" in err.value.message("en")


def test_boundary_cli_refusal_leaves_the_store_byte_identical(tmp_path, capsys):
    from loaders import boundaries

    codes = _villages(n=2)
    root = tmp_path / "store"
    good = tmp_path / "good.geojson"
    good.write_bytes(_geojson([_square(codes[0], 106.1, -6.0), _square(codes[1], 106.2, -6.0)]))
    assert boundaries.main(["--store", str(root), "import", str(good)]) == 0
    before = store_digest(root)
    bad = tmp_path / "bad.geojson"
    bad.write_bytes(_geojson([_square(codes[0], 406.1, -6.0), _square(codes[1], 406.2, -6.0)]))
    assert boundaries.main(["--store", str(root), "import", str(bad)]) != 0
    assert store_digest(root) == before
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("member", ["../../desa.shp", "/etc/desa.shp", "C:/x/desa.shp"])
def test_zip_with_absolute_or_parent_member_is_refused(tmp_path, member):
    path = tmp_path / "desa.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(member, b"x")
        z.writestr("desa.dbf", b"x")
    with pytest.raises(BoundaryFileError) as err:
        read_boundary_file(path)
    assert err.value.key == "zip_unsafe"


def test_corrupt_boundary_zip_is_a_message(tmp_path):
    path = tmp_path / "desa.zip"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("desa.shp", b"\x00" * 5000)
    data = bytearray(buf.getvalue())
    for i in range(40, 60):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    with pytest.raises(BoundaryFileError) as err:
        read_boundary_file(path)
    assert err.value.key in ("zip_corrupt", "zip_member")


# --------------------------------------------------------------------------- personal values
def test_names_under_a_code_header_are_dropped_and_never_quoted(tmp_path):
    names = ["Siti Aminah", "Budi Santoso", "Dewi Lestari", "Ahmad Fauzi"]
    codes = _villages(n=4)
    rows = [["Kode", "Kode Desa", "Tahun", "Jumlah PMI"]] + [
        [n, c, 2023, 2] for n, c in zip(names, codes, strict=True)
    ]
    plan = analyse("placements", _xlsx(rows), "x.xlsx", Store(tmp_path / "s"))
    assert plan.accepted, [i.message("en") for i in plan.issues]
    assert [(d.column, d.kind, d.by) for d in plan.dropped] == [("Kode", "name", "content")]
    text = report_frame(plan, "en").to_csv()
    assert not any(n in text for n in names)


def test_a_lost_header_row_never_quotes_a_passport_number(tmp_path):
    codes = _villages(n=4)
    passports = ["C4829173", "X1234567", "B7654321", "A7654321"]
    rows = [[c, 2023, 2, p] for c, p in zip(codes, passports, strict=True)]  # no header row at all
    plan = analyse("placements", _xlsx(rows), "x.xlsx", Store(tmp_path / "s"))
    text = report_frame(plan, "en").to_csv() + " ".join(i.message("id") for i in plan.issues)
    assert not any(p in text for p in passports)


def test_values_in_messages_are_redacted():
    from loaders.validation import Issue

    issue = Issue("not_a_number", row=3, column="Jumlah", params={"value": "NIK 3604131207850003"})
    assert "3604131207850003" not in issue.message("en")


# --------------------------------------------------------------------------- the fuzzer in CI
def test_a_short_seeded_fuzz_batch_keeps_every_promise(tmp_path):
    from fuzzing import run_batch, summary

    info = summary(run_batch(7, 24, tmp_path))
    assert info["tracebacks"] == 0, info["failures"]
    assert info["store_changed_on_refusal"] == 0, info["failures"]
    assert info["personal_values_leaked"] == 0, info["failures"]


def test_many_rows_without_a_year_are_each_reported_once(tmp_path):
    """Fuzz case 591 (seed 0): 30,000 rows of which a third had no year ran past 60 s of CPU,
    each missing year checked against every issue found before it. Each row is reported once."""
    code = _villages()[0]
    block = f";2023;1291\ntidak tahu;2023;4721\n{code};3.75;526\n"
    data = ("Kode Desa;Tahun;Jumlah Penduduk\n" + block * 4000).encode("cp1252")
    plan = analyse("population", data, "population.csv", Store(tmp_path / "s"))
    year_rows = [i.row for i in plan.issues if i.code in ("year_not_a_year", "year_missing")]
    assert len(year_rows) == len(set(year_rows)) == 4000  # the "3.75" rows, once each
    assert not plan.accepted


def test_a_code_column_without_its_header_is_found_among_many_extra_columns(tmp_path):
    """Fuzz case 662 (seed 0): 1.8 KB with 300 extra columns took 22 s (each column compared with
    every known code anew). The unnamed column of codes is still the one found."""
    codes = _villages(n=3)
    extra = [f"X{i}" for i in range(300)]
    header = ",".join(["Kolom A", "Tahun", "Jumlah PMI", *extra])
    body = "".join(",".join([c, "2023", "4", *("" for _ in extra)]) + "\n" for c in codes)
    plan = analyse("placements", (header + "\n" + body).encode(), "placements.csv", Store(tmp_path / "s"))
    assert plan.matched == 3, [i.code for i in plan.issues]


def test_long_columns_are_judged_on_a_sample_and_still_tell_names_from_villages():
    """A million-row export spent seconds comparing every distinct village name with the
    gazetteer; long columns are now judged on a fixed sample of cells, with the same answers."""
    from loaders.pii import NAME_SAMPLE_CELLS, person_name_column

    g = gazetteer()
    villages = g[g["level"] == 4]["name"].dropna().head(3000).tolist()
    n = NAME_SAMPLE_CELLS * 10
    names = ["Rina Marlina", "Agus Salim", "Sri Wahyuni", "Joko Susilo", "Eko Prasetyo"]
    assert person_name_column(pd.Series([names[i % 5] for i in range(n)]))
    assert not person_name_column(pd.Series([villages[i % len(villages)] for i in range(n)]))
    mostly_names = [names[i % 5] if i % 10 < 8 else villages[i % len(villages)] for i in range(n)]
    assert person_name_column(pd.Series(mostly_names))  # 80 % names: over the 60 % share
