"""AppTest of the Data page (issue 22): what an import replaces is shown before anything is
written and confirmed; every write can be undone from the page; the coverage view. The NTB-wide
export, then a Lombok Tengah 2024 file, in Indonesian."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

import i18n
from loaders.layers import import_file
from loaders.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from coverage_data import LOMBOK_TENGAH, LOMBOK_TIMUR, hand_total, lombok_tengah_2024, ntb_export  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def layer_bytes(store: Store) -> dict[str, str]:
    folder = (store.root / "layers" / "placements").resolve()
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*")) if p.is_file()
    }


def open_data_page(monkeypatch, root: Path) -> AppTest:
    monkeypatch.setenv("ATLAS_DATA_DIR", str(root))
    at = AppTest.from_file(APP, default_timeout=240)
    at.session_state["dataset"] = "store"
    at.session_state["lang"] = "id"
    at.run()
    at.switch_page("views/data.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_replace_shown_confirmed_then_undone(monkeypatch, tmp_path):
    store = Store(tmp_path / "store")
    ntb, ntb_rows = ntb_export(tmp_path)
    import_file("placements", ntb, store)
    before = layer_bytes(store)
    path, lt_rows = lombok_tengah_2024(tmp_path)
    at = open_data_page(monkeypatch, store.root)
    at.file_uploader(key="data_upload").set_value(
        (path.name, path.read_bytes(), "application/octet-stream")
    ).run()
    assert not at.exception, at.exception
    # the default mode, in plain words, and what the file covers
    assert at.radio(key="data_mode").value == "replace"
    assert i18n.t("data.mode.replace", "id") in at.radio(key="data_mode").options
    shown = "\n".join(df.value.to_csv() for df in at.dataframe)
    assert "Kabupaten Lombok Tengah (52.02)" in shown
    # what will be replaced: Lombok Tengah 2024 only, before anything is written
    gone = ntb_rows[ntb_rows["Kode Desa"].str.startswith("5202") & (ntb_rows["Tahun"] == 2024)]
    summary = i18n.t(
        "replace.summary",
        "id",
        rows=i18n.fmt_int(len(gone), "id"),
        total=f"{i18n.fmt_int(gone['Jumlah PMI'].sum(), 'id')} pekerja ditempatkan",
    )
    assert summary in [w.value for w in at.warning]
    code = i18n.t("coverage.view.col.code", "id")
    table = next(df.value for df in at.dataframe if code in df.value.columns)
    assert table[code].tolist() == [LOMBOK_TENGAH]
    assert table[i18n.t("coverage.view.col.year", "id")].tolist() == ["2024"]
    save = next(b for b in at.button if b.label == i18n.t("data.confirm", "id"))
    assert save.disabled  # confirmed first
    assert layer_bytes(store) == before
    sure = i18n.t("replace.confirm", "id", rows=i18n.fmt_int(len(gone), "id"))
    next(c for c in at.checkbox if c.label == sure).check().run()
    next(b for b in at.button if b.label == i18n.t("data.confirm", "id")).click().run()
    assert not at.exception, at.exception
    rows = Store(store.root).read_layer("placements")
    totals = rows.groupby([rows["village"].str[:5], "year"])["count"].sum()
    assert totals[(LOMBOK_TIMUR, 2024)] == hand_total(ntb_rows, LOMBOK_TIMUR, 2024)
    assert totals[(LOMBOK_TENGAH, 2024)] == hand_total(lt_rows, LOMBOK_TENGAH, 2024)
    # undo from the page (Data tersimpan tab): stated, confirmed, then exactly as before
    at.run()
    undo_text = [c.value for c in at.caption if "versi 2" in c.value]
    assert undo_text and "52" in undo_text[0]
    undo = next(b for b in at.button if b.label == i18n.t("undo.button", "id"))
    assert undo.disabled
    at.checkbox(key="data_undo_placements_sure").check().run()
    next(b for b in at.button if b.label == i18n.t("undo.button", "id")).click().run()
    assert not at.exception, at.exception
    assert layer_bytes(Store(store.root)) == before


def test_coverage_view_lists_areas_by_year(monkeypatch, tmp_path):
    store = Store(tmp_path / "store")
    path, _ = lombok_tengah_2024(tmp_path)
    import_file("placements", path, store)
    at = open_data_page(monkeypatch, store.root)
    assert i18n.t("coverage.view.matrix", "id", layer=i18n.t("layer.placements", "id")) in [
        m.value.strip("*") for m in at.markdown
    ]
    grid = next(df.value for df in at.dataframe if "2024" in [str(c) for c in df.value.columns])
    assert list(grid.index) == ["Kabupaten Lombok Tengah (52.02)"]
