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


def test_app_registers_only_existing_pages():
    import re

    text = (ROOT / "app.py").read_text()
    for page in re.findall(r'"(views/[\w/]+\.py)"', text):
        assert (ROOT / page).is_file(), page


def test_no_pages_folder_beside_app():
    """Streamlit runs a ``pages/`` folder as legacy navigation on a process's first script run,
    so a shared link to a page answered "Page not found"; the page files live in ``views/``."""
    assert not (ROOT / "pages").exists()
