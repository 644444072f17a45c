"""Architecture rules that no other test would catch."""

import ast
import re
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


def test_one_conftest_in_the_test_tree():
    """pytest --doctest-modules imports every conftest.py outside a package as the module
    ``conftest``; a second one stops collection on a clean clone (CI, stop 29)."""
    conftests = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("conftest.py"))
    assert conftests == ["tests/conftest.py"]


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


# --------------------------------------------------------------------------- store closed
#: Project code outside ``loaders/store/`` (the tests of the store itself may open a backend).
_STORE_PACKAGE = ROOT / "loaders" / "store"
_STORE_INTERNALS = {"province_dir", "LEVEL_FILES", "_unit_dir", "_unit_link", "_level_paths", "_replace_unit"}
_STORE_FILES = ("village.parquet", "import_log.jsonl", "meta.json", ".gen")


def _project_files() -> list[Path]:
    skip = (ROOT / ".venv", ROOT / "data", ROOT / "static", ROOT / "node_modules")
    return sorted(
        p
        for p in ROOT.rglob("*.py")
        if not any(p.is_relative_to(s) for s in skip) and "site-packages" not in p.parts
    )


def _store_layout_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Attribute):
            name = node.attr
        elif isinstance(node, ast.Name):
            name = node.id
        elif isinstance(node, ast.alias):
            name = node.name
        if name in _STORE_INTERNALS:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
        if isinstance(node, ast.ImportFrom) and node.module in (
            "loaders.store.files",
            "loaders.store.postgis",
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: imports {node.module}")
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if any(node.value == f or node.value.endswith("/" + f) for f in _STORE_FILES):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    return found


def test_no_module_outside_the_store_knows_its_layout():
    """Every read and write goes through ``Store`` methods: outside ``loaders/store/`` no code
    names the store's files, folders or private helpers, nor opens a backend module directly
    (that is what lets the PostGIS backend stand in for the files)."""
    offenders = []
    for path in _project_files():
        if (
            path.is_relative_to(_STORE_PACKAGE)
            or path.name.startswith("test_store")
            or path.name == Path(__file__).name
        ):
            continue
        offenders += _store_layout_uses(path)
    assert offenders == []


def test_the_layout_check_catches_a_direct_read(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import pandas as pd\n"
        "def names(store):\n"
        "    return pd.read_parquet(store.province_dir('36') / 'village.parquet')\n"
    )
    assert len(_store_layout_uses_at(probe, tmp_path)) == 2


def _store_layout_uses_at(path: Path, root: Path) -> list[str]:
    global ROOT
    saved, ROOT = ROOT, root
    try:
        return _store_layout_uses(path)
    finally:
        ROOT = saved


# --------------------------------------------------------------------------- import cycles
_PACKAGES = ("app", "geo", "loaders", "ui", "views", "exports", "i18n", "bench", "cli", "ogcapi")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _module_graph() -> dict[str, set[str]]:
    """Module -> project modules it imports, anywhere in the file (an import inside a function
    only hides a cycle until the function runs)."""
    files = [p for p in _project_files() if p.relative_to(ROOT).parts[0].removesuffix(".py") in _PACKAGES]
    modules = {_module_name(p): p for p in files}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text())
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        nodes = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
        for node in nodes:
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
                continue
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                targets.add(full if full in modules else base)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return out


def test_no_import_cycle_between_project_modules():
    """``ui.dashboard`` and ``ui.maps`` imported each other; no two project modules may."""
    assert _cycles(_module_graph()) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def _key_patterns(source: str) -> list[re.Pattern]:
    """Keys the code builds: each f-string literal with its ``{...}`` parts as wildcards
    (``t(f"planner.ind.{name}")``, ``t(f"{page}.title")``, ``t(f"data.col.match_{c}")``)."""
    patterns = []
    for literal in re.findall(r"\bf\"([^\"\n]*\{[^\"\n]*)\"", source):
        pieces = re.split(r"\{[^{}]*\}", literal)
        if any(re.fullmatch(r"[\w.]*", piece) is None for piece in pieces):
            continue  # not a key: spaces, punctuation
        if not any(re.search(r"[a-z]", piece) for piece in pieces):
            continue  # f"{a}.{b}" names no key of its own
        patterns.append(re.compile(r"[\w.-]*".join(re.escape(piece) for piece in pieces)))
    return patterns


def test_every_translation_is_used():
    """A text nobody shows is a text nobody keeps right (metric.help.* outlived the figure registry)."""
    import i18n

    folders = ("ui", "views", "geo", "exports", "loaders", "ogcapi")
    files = [ROOT / "app.py", *(p for d in folders for p in (ROOT / d).rglob("*.py"))]
    source = "\n".join(p.read_text() for p in files)
    patterns = _key_patterns(source)
    unused = [
        key
        for key in i18n.TABLE
        if f'"{key}"' not in source
        and f"'{key}'" not in source
        and not any(pattern.fullmatch(key) for pattern in patterns)
    ]
    assert unused == [], f"translations no code uses (delete them, or use them): {unused}"


def test_server_config_keeps_data_in_the_office_and_skips_the_per_run_collection():
    """Usage statistics off (officials' data stays in the office); no full garbage collection
    after every script run (64 % of a shared server's CPU in a profile; see .streamlit/config.toml)."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["runner"]["postScriptGC"] is False


def test_the_command_line_never_imports_streamlit_or_pages():
    """``atlas`` routes to loaders/ and exports/: no Streamlit, ui/ or views/ behind a command."""
    graph = _module_graph()
    for name, targets in graph.items():
        if name == "cli" or name.startswith("cli."):
            assert not {t for t in targets if t.split(".")[0] in ("ui", "views", "app")}, name
            text = (
                ROOT / (name.replace(".", "/") + ("/__init__.py" if name == "cli" else ".py"))
            ).read_text()
            assert "import streamlit" not in text, name
