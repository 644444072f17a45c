"""Every way into the code that skips ``gate`` checks the session itself.

Streamlit runs a widget's ``on_click`` / ``on_change`` before the script, and a fragment (or a
dialog) alone: neither passes through ``ui.auth.gate``. Read every call site in ``app.py``,
``ui/`` and ``views/``: each callback is wrapped in ``ui.auth.guarded`` (at its definition or
where it is passed), each fragment and dialog comes from ``ui.auth.fragment`` / ``dialog``. Then
the behaviour (AppTest): a callback after expiry does nothing, and sign-out forgets the session.
"""

from __future__ import annotations

import ast
import time
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import i18n
from loaders import accounts
from loaders.accounts import Role
from loaders.limits import Limits

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "views").glob("*.py"))]
PASSWORD = "kata-sandi-rahasia"
#: Callbacks of the sign-in page itself (no session exists yet, nothing to protect) and sign-out.
BEFORE_SIGN_IN = {
    ("ui/auth.py", "_heading", "keep_language_in_url"),
    ("ui/auth.py", "_oidc_sign_in", "login"),
    ("ui/auth.py", "_oidc_sign_in", "logout"),
    ("ui/auth.py", "_signed_in", "login"),
    ("ui/auth.py", "_sidebar", "_sign_out_button"),
}


def _name(node: ast.AST) -> str:
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def _is_guard(node: ast.AST) -> bool:
    return _name(node) == "guarded" or (isinstance(node, ast.Call) and _name(node.func) == "guarded")


def _trees() -> dict[str, ast.Module]:
    return {str(path.relative_to(ROOT)): ast.parse(path.read_text(), str(path)) for path in SOURCES}


def _callbacks():
    """(file, innermost enclosing function, keyword, callback node) of every on_click / on_change."""

    def visit(node: ast.AST, owner: str):
        if isinstance(node, ast.FunctionDef):
            owner = node.name
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg in ("on_click", "on_change"):
                    yield owner, keyword.arg, keyword.value
        for child in ast.iter_child_nodes(node):
            yield from visit(child, owner)

    for file, tree in _trees().items():
        for owner, keyword, value in visit(tree, "<module>"):
            yield file, owner, keyword, value


def test_every_callback_is_guarded():
    guarded_defs = {
        node.name
        for tree in _trees().values()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and any(_is_guard(d) for d in node.decorator_list)
    }
    seen, unguarded = set(), []
    for file, owner, keyword, value in _callbacks():
        seen.add((file, owner, _name(value)))
        if isinstance(value, ast.Call) and _name(value.func) == "guarded":
            continue
        if _name(value) in guarded_defs or (file, owner, _name(value)) in BEFORE_SIGN_IN:
            continue
        unguarded.append(f"{file}: {owner}() {keyword}={ast.unparse(value)}")
    assert not unguarded, "callbacks that skip the session check:\n" + "\n".join(unguarded)
    assert len(seen) > 15  # the scan found the callbacks (download buttons, pickers, toggles)
    assert BEFORE_SIGN_IN <= seen  # the exceptions still exist, so the list stays short


def test_every_fragment_and_dialog_checks_the_session():
    direct = []
    for file, tree in _trees().items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("fragment", "dialog")
                and _name(node.value) == "st"
            ):
                if file != "ui/auth.py":
                    direct.append(f"{file}:{node.lineno} st.{node.attr}")
    assert not direct, "use ui.auth.fragment / ui.auth.dialog:\n" + "\n".join(direct)
    from ui import auth

    assert auth.guarded(lambda: None).atlas_guarded


def test_the_upload_endpoint_is_bounded_by_the_projects_file_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == Limits.__dataclass_fields__["file_mb"].default_factory()


@pytest.fixture()
def signed_in(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_AUTH", "local")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("ATLAS_SESSION_MINUTES", "30")
    book = accounts.book()
    book.add_user("siti", Role.ANALYST, password_hash=accounts.hash_password(PASSWORD), provinces=["99"])
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.session_state["dataset"] = "demo"
    at.run()
    at.text_input(key="auth_name").input("siti")
    at.text_input(key="auth_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception and at.title[0].value == i18n.t("overview.title", "id")
    return at, book


def test_a_callback_after_expiry_does_nothing(signed_in):
    at, book = signed_in
    years = at.selectbox(key="view.year").options  # the view bar's year (issue 27)
    at.session_state["auth_session"].seen = time.time() - 31 * 60  # idle past the expiry
    at.selectbox(key="view.year").select(years[0]).run()  # its on_change writes ?year= to the URL
    assert at.title[0].value == i18n.t("auth.title", "id")
    assert "year" not in at.query_params
    assert [(e["action"], e["outcome"]) for e in book.entries()][-1] == ("sign-out", "expired")


def test_sign_out_forgets_the_session_but_the_language(signed_in):
    at, _ = signed_in
    at.session_state["export.job"] = "a finished export of the previous user"
    at.sidebar.button(key="auth_sign_out").click().run()
    assert at.title[0].value == i18n.t("auth.title", "id")
    assert "export.job" not in at.session_state and at.session_state["lang"] == "id"
