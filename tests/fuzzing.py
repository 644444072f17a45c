"""A seeded fuzzer for the importers: valid files of every layer and boundary files, mutated at
cell, file and byte level, imported through the command lines into a scratch store.

Each case checks what the importers promise: no traceback, no run past the time budget, a
refused file leaves the store byte-identical, and no planted personal value (NIK, passport,
phone, e-mail, person name) shows up in a message, the row report, the import log or the store.

``tests/loaders/test_fuzz.py`` runs a short batch in CI; the full batch is run by hand::

    nice .venv/bin/python tests/fuzzing.py --cases 1000 --seed 0 --json bench/out/fuzz.json

Every case is rebuilt from ``(seed, index)``, so a failing case is replayed with
``--only INDEX`` and its file written with ``--keep DIR``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import random
import re
import signal
import sys
import time
import traceback
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BOUNDARIES = ROOT.parent / "shared" / "data" / "boundaries"
PROVINCES = ("35", "36", "52")
BUDGET_S = 30.0

#: Personal values planted in files; none may come out anywhere.
PERSONAL = {
    "nik": ["3604131207850003", "3507215508920001", "5203014101900002"],
    "passport": ["C4829173", "X1234567", "B7654321"],
    "phone": ["081234567890", "+6285712345678", "0857-1122-3344"],
    "email": ["siti.aminah@example.com", "budi_santoso77@mail.example"],
    "name": ["Siti Aminah", "Budi Santoso", "Dewi Lestari Wulandari", "Ahmad Fauzi", "Nur Hidayah"],
}
PERSON_NAMES = PERSONAL["name"] + ["Rina Marlina", "Agus Salim", "Sri Wahyuni", "Joko Susilo", "Eko Prasetyo"]


@dataclass
class Case:
    index: int
    kind: str  # "layer" | "boundary"
    layer: str | None
    name: str  # file name
    data: bytes
    mutations: list[str] = field(default_factory=list)
    planted: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    index: int
    kind: str
    layer: str | None
    name: str
    mutations: list[str]
    exit: int | None
    seconds: float
    traceback: str | None = None
    store_changed_on_refusal: bool = False
    leaked: list[str] = field(default_factory=list)
    wall: float = 0.0  # seconds (``seconds`` is CPU time)

    @property
    def ok(self) -> bool:
        return self.traceback is None and not self.store_changed_on_refusal and not self.leaked


# --------------------------------------------------------------------------- reference
_VILLAGES: pd.DataFrame | None = None
_POLYGONS = None


def villages() -> pd.DataFrame:
    """Real villages of the three provinces (code, name, district, regency, province)."""
    global _VILLAGES
    if _VILLAGES is None:
        from geo.gazetteer import gazetteer

        g = gazetteer()
        names = g["name"]
        v = g[(g["level"] == 4) & g["province"].isin(PROVINCES)]
        _VILLAGES = pd.DataFrame(
            {
                "code": v["code"].to_numpy(),
                "name": v["name"].to_numpy(),
                "district": names.reindex(v["district"]).to_numpy(),
                "regency": names.reindex(v["regency"]).to_numpy(),
                "province": names.reindex(v["province"]).to_numpy(),
            }
        )
    return _VILLAGES


def polygons():
    """A few real village polygons (Kab. Serang) or, without ../shared, squares in Banten."""
    global _POLYGONS
    if _POLYGONS is None:
        import geopandas as gpd
        import shapely

        path = BOUNDARIES / "desa" / "desa_36.parquet"
        if path.exists():
            frame = gpd.read_parquet(path, columns=["kode", "geometry"])
            frame = frame[frame["kode"].str.startswith("36.04.13.")].head(12)
            frame = frame.rename(columns={"kode": "kode_desa"})
            frame["geometry"] = shapely.simplify(frame.geometry.values, 0.001)
        else:
            codes = [c for c in villages()["code"] if c.startswith("36.04.13.")][:12]
            frame = gpd.GeoDataFrame(
                {"kode_desa": codes},
                geometry=[
                    shapely.box(106.2 + i * 0.01, -6.0, 106.21 + i * 0.01, -5.99) for i in range(len(codes))
                ],
                crs=4326,
            )
        _POLYGONS = frame.reset_index(drop=True)
    return _POLYGONS


# --------------------------------------------------------------------------- valid tables
def _rows(rng: random.Random, n: int) -> pd.DataFrame:
    v = villages()
    return v.iloc[[rng.randrange(len(v)) for _ in range(n)]].reset_index(drop=True)


def layer_table(layer: str, rng: random.Random, n: int) -> list[list[object]]:
    """A valid table of ``layer`` as a header row and ``n`` data rows of real villages."""
    rows = _rows(rng, n)
    by_code = rng.random() < 0.6
    place = ["Kode Desa"] if by_code else ["Desa", "Kecamatan", "Kabupaten"]

    def where(r) -> list[object]:
        if by_code:
            return [r.code if rng.random() < 0.8 else r.code.replace(".", "")]
        return [r.name, r.district, r.regency]

    if layer == "placements":
        header = place + ["Tahun", "Bulan", "Jenis Kelamin", "Negara Tujuan", "Sektor", "Jumlah PMI"]
        body = [
            where(r)
            + [
                rng.choice([2021, 2022, 2023]),
                rng.randint(1, 12),
                rng.choice("LP"),
                rng.choice(["Malaysia", "Taiwan", "Hong Kong"]),
                rng.choice(["Formal", "Informal"]),
                rng.randint(0, 300),
            ]
            for r in rows.itertuples()
        ]
    elif layer == "programmes":
        header = place + ["Jenis Program", "Tahun Mulai", "Jumlah Anggota", "Aktif"]
        body = [
            where(r)
            + [
                rng.choice(["KKBM", "Desmigratif", "Kawan PMI"]),
                rng.randint(2015, 2023),
                rng.randint(5, 80),
                "Ya",
            ]
            for r in rows.itertuples()
        ]
    elif layer == "enterprises":
        header = place + ["Jenis Usaha", "Tahun Mulai", "Jumlah Anggota", "KUR"]
        body = [
            where(r)
            + [rng.choice(["Kerupuk", "Rumput Laut"]), rng.randint(2015, 2023), rng.randint(1, 20), "Tidak"]
            for r in rows.itertuples()
        ]
    elif layer == "reports":
        header = place + ["Tanggal Laporan", "Negara Tujuan", "Modus", "Hasil", "Jumlah Orang"]
        body = [
            where(r)
            + [
                f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/2023",
                "Malaysia",
                "Visa Ziarah",
                "Dicegah",
                rng.randint(1, 9),
            ]
            for r in rows.itertuples()
        ]
    else:
        header = place + ["Tahun", "Jumlah Penduduk"]
        body = [where(r) + [2023, rng.randint(500, 9000)] for r in rows.itertuples()]
    # different villages per row where the layer is one row per village and year
    return [header] + body


def _personal_column(rng: random.Random, n: int) -> tuple[str, list[object], list[str]]:
    kind = rng.choice(list(PERSONAL))
    header = {"nik": "NIK", "passport": "No Paspor", "phone": "No HP", "email": "Email", "name": "Nama PMI"}[
        kind
    ]
    pool = PERSONAL[kind] if kind != "name" else PERSON_NAMES
    values = [rng.choice(pool) for _ in range(n)]
    return header, values, sorted(set(values) & {p for ps in PERSONAL.values() for p in ps})


# --------------------------------------------------------------------------- mutations
def _cell_mutation(rng: random.Random, table: list[list[object]], notes: list[str]) -> None:
    if len(table) < 2:
        return
    r = rng.randrange(1, len(table))
    c = rng.randrange(len(table[r]))
    choice = rng.choice(
        [
            "20 digits",
            "negative",
            "words",
            "long",
            "formula",
            "empty",
            "unicode",
            "float",
            "huge float",
            "date",
            "nul",
        ]
    )
    value = {
        "20 digits": "12345678901234567890",
        "negative": -rng.randint(1, 10**6),
        "words": "tidak tahu",
        "long": "x" * rng.choice([300, 5000, 40000]),
        "formula": '=HYPERLINK("http://x")',
        "empty": "",
        "unicode": "Désa \u202e\u200b测试",
        "float": 3.75,
        "huge float": 1e308,
        "date": "31/02/2023",
        "nul": "a\x00b",
    }[choice]
    table[r][c] = value
    notes.append(f"cell:{choice}@{r},{c}")


def _file_mutation(
    rng: random.Random, table: list[list[object]], notes: list[str], planted: list[str]
) -> list[list[object]]:
    choice = rng.choice(
        [
            "drop header",
            "personal column",
            "personal as code header",
            "extra columns",
            "many columns",
            "title rows",
            "totals row",
            "shuffle columns",
            "duplicate header",
            "drop place",
            "many rows",
            "wide years",
        ]
    )
    notes.append(f"file:{choice}")
    n = len(table) - 1
    if choice == "drop header":
        header, values, found = _personal_column(rng, n)
        planted += found
        table = [row + [v] for row, v in zip(table, [header] + values, strict=True)]
        return table[1:]
    if choice in ("personal column", "personal as code header"):
        header, values, found = _personal_column(rng, n)
        planted += found
        if choice == "personal as code header":
            header = rng.choice(["Kode", "Kode Wilayah", "Kode Desa", "ID"])
        return [row + [v] for row, v in zip(table, [header] + values, strict=True)]
    if choice == "extra columns":
        k = rng.choice([20, 200])
        return [row + ([f"X{i}" for i in range(k)] if j == 0 else [""] * k) for j, row in enumerate(table)]
    if choice == "many columns":
        k = rng.choice([5000, 16385])
        return [row + ([f"C{i}" for i in range(k)] if j == 0 else [1] * k) for j, row in enumerate(table)]
    if choice == "title rows":
        return [["REKAP DATA PMI TAHUN 2023"], [], *table]
    if choice == "totals row":
        return table + [["JUMLAH"] + [""] * (len(table[0]) - 2) + [sum(range(n))]]
    if choice == "shuffle columns":
        order = list(range(len(table[0])))
        rng.shuffle(order)
        return [[row[i] if i < len(row) else "" for i in order] for row in table]
    if choice == "duplicate header":
        return [table[0]] + table
    if choice == "drop place":
        return [row[1:] for row in table]
    if choice == "many rows":
        return table + [list(table[1 + (i % n)]) for i in range(rng.choice([2000, 20000]))]
    # wide years
    header = table[0]
    return [header[:1] + ["2021", "2022", "2023", "TOTAL"]] + [row[:1] + [1, 2, 3, 6] for row in table[1:]]


def _csv_bytes(table: list[list[object]], rng: random.Random, notes: list[str]) -> bytes:
    import csv

    delim = rng.choice([",", ";", "\t"])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delim)
    for row in table:
        writer.writerow(["" if v is None else v for v in row])
    text = out.getvalue()
    enc = rng.choice(["utf-8", "utf-8-sig", "cp1252", "utf-16"])
    notes.append(f"csv:{enc}:{delim!r}")
    return text.encode(enc, errors="replace")


def _xlsx_bytes(table: list[list[object]]) -> bytes:
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    for row in table:
        ws.append(
            [
                ILLEGAL_CHARACTERS_RE.sub("", "'" + v if v.startswith("=") else v)
                if isinstance(v, str)
                else v
                for v in row
            ]
        )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rezip(data: bytes, edit) -> bytes:
    """An xlsx with its members passed through ``edit(name, bytes) -> bytes``."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, edit(info.filename, src.read(info.filename)))
    return buf.getvalue()


def _xlsx_mutation(data: bytes, rng: random.Random, notes: list[str]) -> bytes:
    choice = rng.choice(
        ["huge dimension", "empty rows", "huge shared string", "entity", "corrupt", "truncate"]
    )
    notes.append(f"xlsx:{choice}")
    sheet = "xl/worksheets/sheet1.xml"
    if choice == "huge dimension":
        return _rezip(
            data,
            lambda n, b: (
                re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', b) if n == sheet else b
            ),
        )
    if choice == "empty rows":
        rows = b"".join(b'<row r="%d"/>' % i for i in range(1000, 1_000_000))
        return _rezip(
            data, lambda n, b: b.replace(b"</sheetData>", rows + b"</sheetData>") if n == sheet else b
        )
    if choice == "huge shared string":
        big = b"A" * rng.choice([2_000_000, 60_000_000])
        cell = b'<row r="900"><c r="A900" t="inlineStr"><is><t>' + big + b"</t></is></c></row>"
        return _rezip(
            data, lambda n, b: b.replace(b"</sheetData>", cell + b"</sheetData>") if n == sheet else b
        )
    if choice == "entity":
        decl = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        return _rezip(
            data, lambda n, b: decl + re.sub(rb"^<\?xml[^>]*\?>", b"", b) if n == "xl/workbook.xml" else b
        )
    if choice == "corrupt":
        raw = bytearray(data)
        # flip bytes inside the compressed members, not in the headers
        for _ in range(rng.randint(1, 30)):
            i = rng.randrange(60, len(raw) - 30)
            raw[i] ^= 0xFF
        return bytes(raw)
    return data[: rng.randrange(10, len(data))]


def _byte_mutation(data: bytes, rng: random.Random, notes: list[str]) -> bytes:
    choice = rng.choice(["truncate", "flip", "insert", "nul"])
    notes.append(f"bytes:{choice}")
    raw = bytearray(data)
    if choice == "truncate" and len(raw) > 2:
        return bytes(raw[: rng.randrange(1, len(raw))])
    if choice == "flip":
        for _ in range(rng.randint(1, 20)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    if choice == "insert":
        i = rng.randrange(len(raw))
        return bytes(raw[:i] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))) + raw[i:])
    return bytes(raw).replace(b",", b"\x00", rng.randint(1, 5))


# --------------------------------------------------------------------------- boundary files
def _boundary_case(rng: random.Random, notes: list[str]) -> tuple[str, bytes]:
    import shapely
    from shapely.affinity import translate

    frame = polygons().copy()
    choice = rng.choice(
        [
            "valid",
            "shift",
            "swap",
            "open ring",
            "bowtie",
            "corrupt zip",
            "truncate",
            "huge",
            "3857 label",
            "zip slip",
        ]
    )
    notes.append(f"boundary:{choice}")
    geoms = list(frame.geometry.values)
    if choice == "shift":
        dx, dy = rng.choice([(300, 0), (-250, 40), (0, 120), (180, 0)])
        geoms = [translate(g, dx, dy) for g in geoms]
    elif choice == "swap":
        geoms = [shapely.ops.transform(lambda x, y: (y, x), g) for g in geoms]
    elif choice == "huge":
        geoms = [translate(g, 1e7, 1e7) for g in geoms]
    frame = frame.set_geometry(geoms)
    if choice in ("corrupt zip", "zip slip"):
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            shp = Path(folder) / "desa.shp"
            frame.to_file(shp)
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                for part in Path(folder).iterdir():
                    member = (
                        ("../../" + part.name)
                        if choice == "zip slip" and part.suffix == ".shp"
                        else part.name
                    )
                    z.write(part, member)
            data = buf.getvalue()
        if choice == "corrupt zip":
            raw = bytearray(data)
            for _ in range(rng.randint(1, 20)):
                i = rng.randrange(60, len(raw) - 30)
                raw[i] ^= 0x5A
            data = bytes(raw)
        return "desa.zip", data
    text = frame.to_json()
    if choice == "3857 label":
        doc = json.loads(text)
        doc["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
        text = json.dumps(doc)
    if choice in ("open ring", "bowtie"):
        doc = json.loads(text)
        for feature in doc["features"][: rng.randint(1, 4)]:
            geom = feature["geometry"]
            ring = geom["coordinates"][0] if geom["type"] == "Polygon" else geom["coordinates"][0][0]
            if choice == "open ring":
                ring.pop()
                if rng.random() < 0.5:
                    del ring[2:]
            else:
                x0, y0 = ring[0]
                ring[:] = [[x0, y0], [x0 + 0.01, y0 + 0.01], [x0 + 0.01, y0], [x0, y0 + 0.01], [x0, y0]]
        text = json.dumps(doc)
    data = text.encode()
    if choice == "truncate":
        data = data[: rng.randrange(10, len(data))]
    return "desa.geojson", data


# --------------------------------------------------------------------------- cases
LAYER_NAMES = ("placements", "programmes", "enterprises", "reports", "population")


def build_case(seed: int, index: int) -> Case:
    """Case ``index`` of the batch ``seed`` (the same bytes every time)."""
    rng = random.Random(seed * 1_000_003 + index)
    notes: list[str] = []
    planted: list[str] = []
    if rng.random() < 0.15:
        name, data = _boundary_case(rng, notes)
        return Case(index, "boundary", None, name, data, notes, planted)
    layer = rng.choice(LAYER_NAMES)
    table = layer_table(layer, rng, rng.choice([3, 12, 40]))
    if rng.random() < 0.5:
        header, values, found = _personal_column(rng, len(table) - 1)
        planted += found
        table = [row + [v] for row, v in zip(table, [header] + values, strict=True)]
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        _cell_mutation(rng, table, notes)
    if rng.random() < 0.6:
        table = _file_mutation(rng, table, notes, planted)
    fmt = rng.choice(["csv", "csv", "xlsx", "xlsx", "html"])
    if fmt == "csv":
        data, name = _csv_bytes(table, rng, notes), f"{layer}.csv"
    elif fmt == "xlsx":
        data, name = _xlsx_bytes(table), f"{layer}.xlsx"
        if rng.random() < 0.35:
            data = _xlsx_mutation(data, rng, notes)
    else:
        cells = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in table)
        data, name = f"<html><body><table>{cells}</table></body></html>".encode(), f"{layer}.xls"
    if rng.random() < 0.15:
        data = _byte_mutation(data, rng, notes)
    # a personal value written only in a cell that a mutation later overwrote is still "planted":
    # the check below only looks for values that the file really holds
    planted = [p for p in planted if p.encode() in data or p.encode("utf-16-le") in data]
    return Case(index, "layer", layer, name, data, notes, planted)


# --------------------------------------------------------------------------- running
def store_digest(root: Path) -> dict[str, str]:
    """Every file of the store with its SHA-256 (the byte-identical check)."""
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _store_text(root: Path) -> str:
    """What the store says in text: its JSON files and the string cells of every layer."""
    from loaders.store import Store

    parts = [p.read_text(errors="replace") for p in root.rglob("*.json")]
    parts += [p.read_text(errors="replace") for p in root.rglob("*.jsonl")]
    store = Store(root)
    for layer in LAYER_NAMES:
        with contextlib.suppress(Exception):
            frame = store.read_layer(layer)
            for column in frame.columns:
                if frame[column].dtype == object or str(frame[column].dtype) == "string":
                    parts.append(" ".join(map(str, frame[column].dropna().unique())))
    return "\n".join(parts)


class _Timeout(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise _Timeout()


def run_case(case: Case, store_root: Path, work: Path, *, budget: float = BUDGET_S) -> Outcome:
    """Import ``case`` through its command line into ``store_root``; check the promises."""
    from loaders import boundaries as boundaries_cli
    from loaders.layers import cli as layers_cli

    path = work / case.name
    path.write_bytes(case.data)
    report = work / "report.csv"
    report.unlink(missing_ok=True)
    before = store_digest(store_root)
    out, err = io.StringIO(), io.StringIO()
    exit_code, trace = None, None
    if case.kind == "layer":
        argv = ["--store", str(store_root), "--lang", "en", "import", case.layer, str(path)]
        argv += ["--mode", "append", "--report", str(report)]
        main = layers_cli.main
    else:
        argv = ["--store", str(store_root), "--lang", "en", "import", str(path)]
        main = boundaries_cli.main
    # the budget is CPU time of this process (the machine is shared: wall time is also kept);
    # a run past twice the budget is stopped and counted as a hang
    use_alarm = hasattr(signal, "SIGPROF")
    if use_alarm:
        previous = signal.signal(signal.SIGPROF, _alarm)
        signal.setitimer(signal.ITIMER_PROF, budget * 2)
    start, cpu = time.perf_counter(), time.process_time()
    os.environ["ATLAS_IMPORT_DEBUG"] = "1"  # the importers' last line of defence raises here
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            exit_code = main(argv)
    except _Timeout:
        trace = f"timeout after {budget * 2:.0f} s of CPU"
    except SystemExit as stop:  # argparse
        exit_code = stop.code if isinstance(stop.code, int) else 2
    except BaseException:  # noqa: BLE001 - what the fuzzer looks for
        trace = traceback.format_exc()
    finally:
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        os.environ.pop("ATLAS_IMPORT_DEBUG", None)
        if use_alarm:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)
    after = store_digest(store_root)
    changed = exit_code != 0 and before != after
    text = out.getvalue() + err.getvalue()
    if report.exists():
        text += report.read_text(encoding="utf-8-sig", errors="replace")
    leaked = []
    if case.planted:
        text += _store_text(store_root)
        leaked = [v for v in case.planted if v in text]
    return Outcome(
        case.index,
        case.kind,
        case.layer,
        case.name,
        case.mutations,
        exit_code,
        seconds,
        trace,
        changed,
        leaked,
    )


def run_batch(seed: int, cases: int, root: Path, *, only: list[int] | None = None, keep: Path | None = None):
    """Run ``cases`` cases of batch ``seed`` in ``root``; a fresh store every 50 cases."""
    outcomes = []
    work = root / "work"
    work.mkdir(parents=True, exist_ok=True)
    store_root = root / "store"
    for index in only if only is not None else range(cases):
        if index % 50 == 0 or not store_root.exists():
            import shutil

            shutil.rmtree(store_root, ignore_errors=True)
        case = build_case(seed, index)
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"{index:04d}-{case.name}").write_bytes(case.data)
        outcomes.append(run_case(case, store_root, work))
    return outcomes


def summary(outcomes: list[Outcome], budget: float = BUDGET_S) -> dict:
    tracebacks = [o for o in outcomes if o.traceback]
    kinds = sorted({(o.traceback or "").strip().splitlines()[-1][:120] for o in tracebacks})
    return {
        "cases": len(outcomes),
        "tracebacks": len(tracebacks),
        "traceback_kinds": kinds,
        "over_budget": sum(1 for o in outcomes if o.seconds > budget),
        "store_changed_on_refusal": sum(1 for o in outcomes if o.store_changed_on_refusal),
        "personal_values_leaked": sum(1 for o in outcomes if o.leaked),
        "imported": sum(1 for o in outcomes if o.exit == 0),
        "refused": sum(1 for o in outcomes if o.exit not in (0, None)),
        "slowest_cpu_s": round(max((o.seconds for o in outcomes), default=0.0), 2),
        "slowest_wall_s": round(max((o.wall for o in outcomes), default=0.0), 2),
        "over_budget_wall": sum(1 for o in outcomes if o.wall > budget),
        "failures": [
            {
                "index": o.index,
                "file": o.name,
                "mutations": o.mutations,
                "cpu_s": round(o.seconds, 2),
                "wall_s": round(o.wall, 2),
                "traceback": (o.traceback or "").strip().splitlines()[-3:],
                "store_changed": o.store_changed_on_refusal,
                "leaked": bool(o.leaked),
            }
            for o in outcomes
            if not o.ok or o.seconds > budget
        ],
    }


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", type=int, nargs="*", default=None)
    parser.add_argument("--keep", type=Path, default=None, help="write each case's file here")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="atlas-fuzz-") as folder:
        start = time.perf_counter()
        outcomes = run_batch(args.seed, args.cases, Path(folder), only=args.only, keep=args.keep)
        info = {"seed": args.seed, "wall_s": round(time.perf_counter() - start, 1), **summary(outcomes)}
    text = json.dumps(info, indent=1, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text)
    return 0 if not info["failures"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
