"""Architecture rules that no other test would catch."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_geo_never_imports_streamlit():
    offenders = [p.name for p in (ROOT / "geo").rglob("*.py") if "streamlit" in _imports(p)]
    assert offenders == []


def test_loaders_never_import_streamlit():
    offenders = [p.name for p in (ROOT / "loaders").rglob("*.py") if "streamlit" in _imports(p)]
    assert offenders == []


def test_exports_never_import_streamlit():
    offenders = [p.name for p in (ROOT / "exports").rglob("*.py") if "streamlit" in _imports(p)]
    assert offenders == []


def test_geo_never_imports_exports_or_ui():
    """Output rendering builds on the domain, never the other way round."""
    offenders = [p.name for p in (ROOT / "geo").rglob("*.py") if _imports(p) & {"exports", "ui", "views"}]
    assert offenders == []


def test_app_registers_only_existing_pages():
    import re

    text = (ROOT / "app.py").read_text()
    for page in re.findall(r'"(views/[\w/]+\.py)"', text):
        assert (ROOT / page).is_file(), page


def test_no_pages_folder_beside_app():
    """Streamlit runs a ``pages/`` folder as legacy navigation on a process's first script run,
    so a shared link to a page answered "Page not found"; the page files live in ``views/``."""
    assert not (ROOT / "pages").exists()


def test_map_page_modules_leave_heavy_libraries_unloaded():
    """The first page run imports these modules; esda/libpysal (hotspots), matplotlib (image
    exports), python-pptx (slides) and mapclassify (on the first natural-breaks or equal-interval map:
    it brings scipy.stats, scikit-learn and pyplot) load only when used, seconds sooner to the map."""
    import subprocess
    import sys

    heavy = ["esda", "libpysal", "sklearn", "matplotlib", "mapclassify", "scipy.stats", "pptx"]
    code = (
        "import sys\n"
        "import ui, ui.dashboard, ui.maps, ui.panels, ui.present, exports.static_map, exports.static_chart\n"
        "import exports.brief_pdf, exports.files, exports.view, geo.hotspots, geo.coverage, geo.charts\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=300
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_classification_has_one_home():
    """Schemes, limits, colours and legend labels live in geo.classify alone."""
    import exports.files
    import exports.static_map
    import geo.charts
    import geo.coverage
    import geo.maps

    for module in (geo.charts, geo.coverage, geo.maps, exports.static_map, exports.files):
        for name in ("CLASS_SCHEMES", "class_breaks", "map_classes", "class_labels", "default_classes"):
            assert not hasattr(module, name), f"{module.__name__}.{name}"
    assert not hasattr(geo.maps, "class_layer")
