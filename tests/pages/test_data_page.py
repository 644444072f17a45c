"""AppTest of the Data page: upload a messy file, preview, save, status, delete; both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import i18n
from geo.gazetteer import gazetteer
from loaders.layers import import_file
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
NIKS = ["3604131203850001", "3604134507900002", "3604136608920003"]


def messy_csv() -> bytes:
    """Title rows, semicolons, Windows-1252, name variants, one worker per row, NIK and names."""
    g = gazetteer()
    v = g[(g["level"] == 4) & (g["district"] == "36.04.13")].head(3)
    lines = ["DATA CPMI BERANGKAT – KAB. SERANG 2023", "", "No;Nama;NIK;Desa;Kecamatan;Kabupaten;Tanggal;L/P"]
    variants = [v["name"].iat[0].upper(), "Desa " + v["name"].iat[1], v["name"].iat[2].lower()]
    for i, (name, nik) in enumerate(zip(variants, NIKS, strict=True)):
        lines.append(f"{i + 1};Siti Aminah;{nik};{name};Kec. Tirtayasa;Kab. Serang;29 Desember 2023;P")
    lines.append("4;Ani Lestari;3604130000000009;Desa Entah Dimana;Tirtayasa;Kab. Serang;02/01/2023;L")
    return ("\n".join(lines) + "\n").encode("cp1252")


def open_page(
    monkeypatch, store_root: Path, *, lang: str = "id", dataset: str = "store", timeout: float = 180
) -> AppTest:
    """The Data page on the store at ``store_root`` (also ATLAS_DATA_DIR), in ``lang``."""
    monkeypatch.setenv("ATLAS_DATA_DIR", str(store_root))
    monkeypatch.setenv("ATLAS_LANGUAGE", lang)
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.session_state["dataset"] = dataset
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("views/data.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "success", "warning", "error", "info", "title", "subheader")
             for e in getattr(at, kind)]  # fmt: skip
    parts += [str(m.value) for m in at.metric]
    parts += [df.value.to_csv() for df in at.dataframe]
    parts += [table.value.to_csv() for table in at.table]
    return "\n".join(map(str, parts))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_upload_preview_save_and_status(monkeypatch, tmp_path, lang):
    store_root = tmp_path / "store"
    at = open_page(monkeypatch, store_root, lang=lang)
    assert at.title[0].value == i18n.t("data.title", lang)
    at.file_uploader(key="data_upload").set_value(("cpmi_serang.csv", messy_csv(), "text/csv")).run()
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[i18n.t("data.rows_read", lang)] == "4"
    assert metrics[i18n.t("data.matched", lang)] == "3"
    assert metrics[i18n.t("data.unmatched", lang)] == "1"
    assert any("'Nama'" in w.value and "'NIK'" in w.value for w in at.warning)
    text = _texts(at)
    assert "Desa Entah Dimana" in text  # the unmatched row is explained in the report
    assert not any(n in text for n in [*NIKS, "3604130000000009", "Siti Aminah", "Ani Lestari"])
    assert not store_root.exists()  # nothing written before confirming
    save = next(b for b in at.button if b.label == i18n.t("data.confirm", lang))
    save.click().run()
    assert not at.exception, at.exception
    stored = Store(store_root).read_layer("placements")
    assert stored["count"].sum() == 3 and set(stored["gender"]) == {"P"}
    assert any(i18n.t("data.imported", lang, layer=i18n.t("layer.placements", lang), version=1, rows=3) == s.value
               for s in at.success)  # fmt: skip


def test_status_and_delete_a_version(monkeypatch, tmp_path):
    store = Store(tmp_path / "store")
    path = tmp_path / "a.csv"
    path.write_bytes(messy_csv())
    import_file("placements", path, store)
    import_file("placements", path, store, mode="append")
    at = open_page(monkeypatch, store.root, lang="en")
    status_table = at.dataframe[0].value
    row = status_table[status_table["Layer"] == "Placements"].iloc[0]
    assert row["Versions"] == 2 and row["Total"] == "6"
    at.selectbox(key="data_delete_placements").set_value(1).run()
    next(b for b in at.button if b.label == "Delete").click().run()
    assert not at.exception, at.exception
    assert [v["id"] for v in store.layer_meta("placements")["versions"]] == [2]


def test_demo_dataset_is_read_only_but_checks_files(monkeypatch, tmp_path):
    at = open_page(monkeypatch, tmp_path / "unused", dataset="demo")
    at.file_uploader(key="data_upload").set_value(("cpmi.csv", messy_csv(), "text/csv")).run()
    assert not at.exception, at.exception
    assert any(i.value == i18n.t("data.demo_readonly", "id") for i in at.info)
    assert not any(b.label == i18n.t("data.confirm", "id") for b in at.button)
    assert len(at.get("download_button")) >= 6  # the report and the five templates
