"""Sign-in before any data, the pages each role may open, and the audit hooks of the pages.

``gate(pages)`` is the one call app.py makes (in place of ``st.navigation``). With
``ATLAS_AUTH=off`` (the default on the embedded store) it is ``st.navigation(pages)`` and nothing
else changes, but on a shared database (``ATLAS_DATABASE_URL``) every page says it is open to
anyone. With ``local`` or ``oidc`` it shows the sign-in (a form, or the identity provider through
``st.login``) and stops the script until the user is signed in; an expired session, a wrong
password, a locked account or an account without a role shows a translated message and nothing
else.

A callback or a fragment runs without the script above it, so without ``gate``: each one is
wrapped in :func:`guarded` (callbacks), :func:`fragment` or :func:`dialog` (in place of
``st.fragment`` / ``st.dialog``), which check the session again and refuse an expired or
signed-out one (a test reads every ``on_click`` / ``on_change`` of ``ui/`` and ``views/``).
Uploads and download files of the server are held to the session by ``ui.sessions``.

Then the role decides the pages:

* viewer: the layer pages and the area map draw from the protected export view (small counts
  hidden), and the export page (protected already); no Data page;
* analyst: every page but Data; steward: every page; admin: every page and the Audit tab.

and the grants decide the data: every role below admin sees only the provinces granted, on every
page, export and download (``ui.store()`` is the store through the grant); an account without a
grant sees a message saying so and nothing else (deny by default; ``*`` grants every province).
"""

from __future__ import annotations

import functools
import hashlib
import time
from dataclasses import dataclass
from enum import StrEnum

import streamlit as st

from loaders import accounts
from loaders.accounts import Account, Action, Role
from loaders.settings import settings
from ui import sessions, t

__all__ = [
    "AuthKeys",
    "gate",
    "account",
    "may_write",
    "sees",
    "record_download",
    "audit_tab",
    "guarded",
    "fragment",
    "dialog",
    "session_alive",
]


class AuthKeys(StrEnum):
    """Session and widget keys of sign-in."""

    SESSION = "auth_session"
    MESSAGE = "auth_message"
    FORM = "auth_form"
    NAME = "auth_name"
    PASSWORD = "auth_password"
    SIGN_OUT = "auth_sign_out"
    AREA = "auth_area"
    LAYER = "auth_layer"
    YEAR = "auth_year"
    EXPIRED = "auth_expired"
    GRANT_USER = "auth_grant_user"
    GRANT_FORM = "auth_grant_form"
    GRANT_ALL = "auth_grant_all"
    ACCOUNT = "auth_account"


@dataclass
class _Session:
    name: str
    source: str  # "local" or "oidc"
    seen: float
    ended: bool = False  # signed out: a callback or fragment still holding it is refused

    def expired(self) -> bool:
        """Inactive for longer than ``ATLAS_SESSION_MINUTES``."""
        return time.time() - self.seen > settings().session_minutes * 60

    def alive(self) -> bool:
        return not self.ended and not self.expired()


#: Layer pages a viewer sees through the protected export view: url path -> layer.
PROTECTED_LAYER = {
    "": "placements",
    "penempatan": "placements",
    "cakupan": "programmes",
    "usaha-purna": "enterprises",
    "laporan": "reports",
    "perjalanan": "returns",  # deaths, deportations, problem returns: only protected
    "perencanaan": "placements",
    "peta": "placements",  # the area map's village panel shows exact counts
}
#: Pages only stewards and admins open.
WRITERS_ONLY = {"data"}


def _session_account() -> Account | None:
    """The signed-in account of this Streamlit session (the resolver of ``accounts.current``)."""
    try:
        held = st.session_state.get(AuthKeys.SESSION)
    except Exception:  # noqa: BLE001  (no script run context: a thread outside a session)
        return None
    if not isinstance(held, _Session):
        return None
    found = accounts.book().account(held.name)
    return found if found is not None and found.active else None


def _run_account() -> Account | None:
    """The account ``gate`` resolved on this run (the resolver of ``accounts.current``): read
    once per run from the book, not once per store read; None once signed out."""
    try:
        held = st.session_state.get(AuthKeys.SESSION)
        found = st.session_state.get(AuthKeys.ACCOUNT)
    except Exception:  # noqa: BLE001  (no script run context: a thread outside a session)
        return None
    if not isinstance(held, _Session) or not isinstance(found, Account) or found.name != held.name:
        return None
    return found


def account() -> Account | None:
    """The signed-in account, or None (also when sign-in is off)."""
    return _session_account() if accounts.enabled() else None


def may_write(provinces) -> bool:
    """True when the user may write data of ``provinces`` (always while sign-in is off)."""
    if not accounts.enabled():
        return True
    held = accounts.current()
    return held is not None and held.may(Action.IMPORT, provinces)


def denied_text(provinces) -> str:
    """Why the user may not write data of ``provinces`` (translated; as ``AccessDenied`` says it)."""
    held = account()
    if held is None:
        return t("auth.denied.signed_out")
    if held.role == Role.STEWARD and not held.provinces:
        return t("auth.denied.no_grant", name=held.name)
    if held.role == Role.STEWARD:
        outside = sorted({str(p)[:2] for p in provinces} - set(held.provinces))
        return t(
            "auth.denied.province",
            provinces=", ".join(outside) or "-",
            granted=", ".join(held.provinces) or "-",
        )
    return t("auth.denied.role", role=t(f"auth.role.{held.role.value}"), action=t("audit.action.import"))


def sees(province: str) -> bool:
    """True when the user may see ``province``: always while sign-in is off; else the grants of
    every role below admin decide (no grant, no province; no account, nothing)."""
    if not accounts.enabled():
        return True
    held = accounts.current()
    return held is not None and held.sees(province)


def grant_words(found: Account) -> str:
    """The provinces an account sees, as the sidebar and the users table say it."""
    if found.role == Role.ADMIN or found.scope is None:
        return t("auth.all_provinces")
    return ", ".join(found.provinces) or t("auth.no_provinces")


def _expired_text() -> str:
    import i18n

    minutes = settings().session_minutes
    shown = i18n.fmt_num(minutes, _lang(), 0 if float(minutes).is_integer() else 2)
    return t("auth.expired", minutes=shown)


def _sign_out(message: str | None = None, outcome: str = "ok") -> None:
    """End this session: recorded, its uploads and download files deleted from the server now,
    and everything it kept (choices, a finished export job) forgotten but the language and the
    dataset, so whoever signs in next in this tab starts afresh."""
    import ui

    held = st.session_state.pop(AuthKeys.SESSION, None)
    sessions.dismiss(sessions.current_id())
    for key in list(st.session_state.keys()):
        if key not in (ui.Keys.LANG, ui.Keys.DATASET, AuthKeys.EXPIRED):
            del st.session_state[key]
    if isinstance(held, _Session):
        held.ended = True
        found = accounts.book().account(held.name)
        with accounts.acting_as(found or Account(held.name, Role.VIEWER)):
            accounts.record(Action.SIGN_OUT, outcome=outcome, detail={"via": held.source})
    if message:
        st.session_state[AuthKeys.MESSAGE] = message


def _sign_out_button() -> None:
    _sign_out()
    if accounts.mode() == "oidc" and st.user.is_logged_in:
        st.logout()


def _heading() -> None:
    """Title, the reason to sign in, a pending message, and the language picker (sidebar)."""
    import i18n
    import ui

    st.sidebar.selectbox(
        t("app.language"),
        i18n.LANGUAGES,
        key=ui.Keys.LANG,
        format_func=lambda code: {"id": "Bahasa Indonesia", "en": "English"}[code],
        on_change=ui.keep_language_in_url,
    )
    st.title(t("auth.title"))
    st.caption(t("auth.intro"))
    if message := st.session_state.pop(AuthKeys.MESSAGE, None):
        st.warning(message, icon=":material/lock_clock:")


def _client() -> str:
    """Who is signing in, for the lock of failed attempts: the address in the header named by
    ``ATLAS_SIGNIN_CLIENT_HEADER`` (behind a proxy that sets it), else the connection's remote
    address, else (on the server itself, where Streamlit gives none) this browser session."""
    header = settings().signin_client_header
    if header:
        value = (st.context.headers.get(header) or "").split(",")[0].strip()
        if value:
            return value
    return st.context.ip_address or f"session:{sessions.current_id() or '-'}"


def _local_sign_in() -> None:
    _heading()
    with st.form(AuthKeys.FORM, clear_on_submit=True):
        name = st.text_input(t("auth.name"), key=AuthKeys.NAME)
        password = st.text_input(t("auth.password"), type="password", key=AuthKeys.PASSWORD)
        submitted = st.form_submit_button(t("auth.submit"), type="primary", icon=":material/login:")
    if submitted:
        try:
            found = accounts.authenticate(name, password, client=_client())
        except accounts.SignInLocked as err:
            st.error(err.message(_lang()), icon=":material/lock_clock:")
            st.stop()
        if found is None:
            st.error(t("auth.wrong_password"), icon=":material/key_off:")
        else:
            st.session_state[AuthKeys.SESSION] = _Session(found.name, "local", time.time())
            st.rerun()
    st.stop()


def _oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def _oidc_sign_in() -> None:
    """Sign in through the identity provider (``st.login``); the role comes from the book."""
    if not _oidc_configured():
        _heading()
        st.error(t("auth.not_configured"))
        st.stop()
    if not st.user.is_logged_in:
        _heading()
        st.button(t("auth.oidc_button"), type="primary", icon=":material/login:", on_click=st.login)
        st.stop()
    expires = st.user.get("exp")
    if isinstance(expires, (int, float)) and expires < time.time():
        if isinstance(st.session_state.get(AuthKeys.SESSION), _Session):
            _sign_out(outcome="expired")
        elif not st.session_state.get(AuthKeys.EXPIRED):  # a new browser session on an old token
            name = str(st.user.get("email") or st.user.get("sub") or "-")
            with accounts.acting_as(accounts.book().account(name) or Account(name, Role.VIEWER)):
                accounts.record(Action.SIGN_OUT, outcome="expired", detail={"via": "oidc"})
        st.session_state[AuthKeys.EXPIRED] = True
        _heading()
        st.warning(t("auth.token_expired"), icon=":material/lock_clock:")
        st.button(t("auth.oidc_again"), type="primary", icon=":material/login:", on_click=st.login)
        st.stop()
    name = str(st.user.get("email") or st.user.get("sub") or "")
    found = accounts.book().account(name)
    if found is None or not found.active:
        _heading()
        st.error(t("auth.no_account", name=name), icon=":material/person_off:")
        st.button(t("auth.sign_out"), icon=":material/logout:", on_click=st.logout)
        st.stop()
    if not isinstance(st.session_state.get(AuthKeys.SESSION), _Session):
        st.session_state[AuthKeys.SESSION] = _Session(found.name, "oidc", time.time())
        with accounts.acting_as(found):
            accounts.record(
                Action.SIGN_IN,
                provinces=found.provinces,
                detail={"via": "oidc", "issuer": st.user.get("iss")},
            )


def _signed_in() -> Account:
    """The signed-in account; shows the sign-in and stops the script until there is one."""
    held = st.session_state.get(AuthKeys.SESSION)
    if isinstance(held, _Session) and held.expired():
        _sign_out(_expired_text(), outcome="expired")
        if held.source == "oidc":  # the provider's cookie would sign straight back in
            _heading()
            st.button(t("auth.oidc_again"), type="primary", icon=":material/login:", on_click=st.login)
            st.stop()
    if accounts.mode() == "oidc":
        _oidc_sign_in()
    held = st.session_state.get(AuthKeys.SESSION)
    found = _session_account()
    if found is None:
        if isinstance(held, _Session):  # removed or disabled since signing in
            _sign_out(t("auth.no_account", name=held.name))
        _local_sign_in()
    held.seen = time.time()
    sessions.admit(sessions.current_id(), held.alive, uploads=found.role in (Role.STEWARD, Role.ADMIN))
    return found


def _lang() -> str:
    import ui

    return ui.lang()


def session_alive() -> bool:
    """True when sign-in is off, or this browser session is signed in, active and not expired
    (its activity time is then renewed). An expired session is signed out here (recorded, its
    files deleted, the reason kept for the sign-in page). Outside a browser session (no script
    run: a direct call) there is no session to check; ``accounts`` still checks the actor."""
    if not accounts.enabled() or sessions.current_id() is None:
        return True
    held = st.session_state.get(AuthKeys.SESSION)
    if not isinstance(held, _Session) or held.ended:
        return False
    if held.expired():
        _sign_out(_expired_text(), outcome="expired")
        return False
    if _session_account() is None:
        _sign_out(t("auth.no_account", name=held.name))
        return False
    held.seen = time.time()
    return True


def guarded(callback):
    """``callback`` run only for a live session (:func:`session_alive`): the ``on_click`` /
    ``on_change`` of every widget, which Streamlit runs before the script, so before ``gate``.
    Refused, it does nothing; the rerun that follows shows the sign-in."""

    @functools.wraps(callback)
    def checked(*args, **kwargs):
        if session_alive():
            return callback(*args, **kwargs)
        return None

    checked.atlas_guarded = True
    return checked


def _checked_body(body):
    @functools.wraps(body)
    def checked(*args, **kwargs):
        if not session_alive():
            st.rerun()  # the whole app: gate shows the sign-in and why
        return body(*args, **kwargs)

    return checked


def fragment(func=None, *, run_every=None):
    """``st.fragment`` whose every run (a click inside it reruns it alone, without ``gate``, and
    a replayed run after sign-out too) first checks the session (:func:`session_alive`)."""

    def wrap(body):
        return st.fragment(_checked_body(body), run_every=run_every)

    return wrap(func) if func is not None else wrap


def dialog(title: str, **options):
    """``st.dialog`` (a fragment too) whose body first checks the session."""

    def wrap(body):
        return st.dialog(title, **options)(_checked_body(body))

    return wrap


class _ProtectedPage:
    """A layer page as a viewer sees it: the protected export view of that layer."""

    def __init__(self, page, layer: str):
        self.page = page
        self.layer = layer
        self.url_path = page.url_path
        self.title = page.title

    def run(self) -> None:
        protected_view(self.title, self.layer)


def protected_view(title: str, layer: str) -> None:
    """Title, area/layer/year pickers, the key figures and the map of the protected export view."""
    import streamlit.components.v1 as components

    import ui
    from exports.view import MAP_MEASURES, is_national
    from loaders.store import StoreError
    from ui import present

    ui.demo_banner()
    st.title(title)
    st.caption(t("auth.protected.note"))
    held = ui.store()
    layers = [name for name in MAP_MEASURES if name in held.layers()]
    areas = {code: name for code, name in present.area_options().items() if present.may_see(code, sees)}
    if not held.provinces() or not layers or not areas:
        st.info(t("auth.protected.empty"))
        st.stop()
    years = present.year_options()
    left, middle, right = st.columns([3, 2, 1])
    first = next((i for i, code in enumerate(areas) if not is_national(code)), 0)  # a province first
    area = left.selectbox(
        t("export.page.area"), list(areas), index=first, format_func=areas.get, key=AuthKeys.AREA
    )
    layer = middle.selectbox(
        t("export.page.layer"),
        layers,
        index=layers.index(layer) if layer in layers else 0,
        format_func=lambda n: t(f"export.layer.{n}"),
        key=AuthKeys.LAYER,
    )
    year = (
        right.selectbox(t("export.page.year"), years, index=len(years) - 1, key=AuthKeys.YEAR)
        if years
        else None
    )
    key = present.view_key(area, year, layer)
    try:
        view = present.export_view(key)
        # every village of the store: the static picture (no HTML page of 83k polygons)
        page = None if is_national(area) else present.build(key, "html_present").decode("utf-8")
    except StoreError as err:
        st.error(t("export.error", message=str(err)))
        st.stop()
    with st.container(border=True):
        st.markdown(f"**{view.map_title}**")
        cols = st.columns(len(view.key_figures) or 1)
        for col, figure in zip(cols, view.key_figures, strict=False):
            col.metric(figure.label, figure.text)
        st.caption(view.suppression_note)
    if page is None:
        st.image(present.map_picture(key), width="stretch")
    else:
        components.html(page, height=560)


def _sidebar(found: Account) -> None:
    with st.sidebar:
        st.markdown(t("auth.signed_in_as", name=found.name, role=t(f"auth.role.{found.role.value}")))
        st.caption(t("auth.provinces", provinces=grant_words(found)))
        st.button(
            t("auth.sign_out"), key=AuthKeys.SIGN_OUT, icon=":material/logout:", on_click=_sign_out_button
        )


def _no_grant(found: Account) -> None:
    """What an account without a grant sees (deny by default): who it is, why, and how to get one."""
    import i18n
    import ui

    st.sidebar.selectbox(
        t("app.language"),
        i18n.LANGUAGES,
        key=ui.Keys.LANG,
        format_func=lambda code: {"id": "Bahasa Indonesia", "en": "English"}[code],
        on_change=guarded(ui.keep_language_in_url),
    )
    _sidebar(found)
    st.title("Atlas PMI")
    st.warning(t("auth.no_grant", name=found.name), icon=":material/lock:")
    st.stop()


def gate(pages: list):
    """Sign-in first, then ``st.navigation`` over the pages the user's role may open.

    Returns the page to run (``.run()``), as ``st.navigation`` does. An account below admin
    without a grant sees only a message saying so.
    """
    if not accounts.enabled():
        if settings().database_url:  # a shared database with sign-in switched off on purpose
            st.warning(t("auth.open_banner"), icon=":material/lock_open:")
        return st.navigation(pages)
    st.session_state.pop(AuthKeys.ACCOUNT, None)  # resolved again below, from the book
    accounts.set_resolver(_run_account)
    sessions.guard_uploads(settings().session_minutes * 60)
    from ui.reads import warm_reference

    warm_reference()
    found = _signed_in()
    st.session_state[AuthKeys.ACCOUNT] = found
    if found.role != Role.ADMIN and not found.provinces:
        _no_grant(found)
    allowed = [p for p in pages if found.role in (Role.STEWARD, Role.ADMIN) or p.url_path not in WRITERS_ONLY]
    current = st.navigation(allowed)
    _sidebar(found)
    if not found.exact_counts and current.url_path in PROTECTED_LAYER:
        return _ProtectedPage(current, PROTECTED_LAYER[current.url_path])
    return current


# --------------------------------------------------------------------------- page hooks
@guarded
def record_download(file_name: str, data: bytes, area: str | None = None) -> None:
    """``on_click`` of an export download button: one audit entry (file name, sha256, province)."""
    import ui
    from exports.view import is_national

    digest = hashlib.sha256(data if isinstance(data, bytes) else str(data).encode()).hexdigest()
    provinces = ui.store().provinces() if area and is_national(area) else [area[:2]] if area else []
    accounts.record(Action.EXPORT, provinces=provinces, file=file_name, sha256=digest)


def audit_tab() -> None:
    """The Audit tab of the Data page (admins): the log, newest first, the CSV, users and grants."""
    import pandas as pd

    st.caption(t("audit.intro"))
    frame = accounts.audit_frame()
    if frame.empty:
        st.info(t("audit.empty"))
    else:
        shown = frame.drop(columns=["id", "sha256"]).copy()
        shown["action"] = shown["action"].map(lambda a: t(f"audit.action.{a}"))
        shown["outcome"] = shown["outcome"].map(
            lambda o: t(f"audit.outcome.{o}") if o in ("ok", "denied", "expired", "refused", "locked") else o
        )
        shown["role"] = shown["role"].map(lambda r: t(f"auth.role.{r}") if r in set(Role) else (r or ""))
        st.dataframe(
            shown.rename(columns={c: t(f"audit.col.{c}") for c in shown.columns}),
            hide_index=True,
            width="stretch",
        )
    st.download_button(
        t("audit.download"),
        accounts.audit_csv(),
        "atlas-pmi_audit.csv",
        "text/csv",
        icon=":material/download:",
        key="audit.csv",
        on_click=guarded(accounts.record),
        args=(Action.AUDIT_EXPORT,),
        kwargs={"file": "atlas-pmi_audit.csv"},
    )
    st.subheader(t("audit.users"))
    users = pd.DataFrame(
        [
            {
                t("audit.col.user"): a.name,
                t("audit.col.role"): t(f"auth.role.{a.role.value}"),
                t("audit.col.provinces"): grant_words(a),
                t("audit.col.active"): a.active,
            }
            for a in accounts.book().accounts()
        ]
    )
    st.dataframe(users, hide_index=True, width="stretch")
    _grant_form()


def _grant_form() -> None:
    """Change one user's role, provinces and whether the account is active (recorded)."""
    from loaders.boundaries import fetch_choices

    held = {a.name: a for a in accounts.book().accounts()}
    if not held:
        return
    st.subheader(t("audit.change"))
    name = st.selectbox(t("audit.col.user"), list(held), key=AuthKeys.GRANT_USER)
    chosen = held[name]
    provinces = fetch_choices()
    with st.form(AuthKeys.GRANT_FORM):
        roles = [r.value for r in Role]
        role = st.selectbox(
            t("audit.col.role"),
            roles,
            index=roles.index(chosen.role.value),
            format_func=lambda r: t(f"auth.role.{r}"),
        )
        every = st.checkbox(
            t("auth.grant_all"),
            value=accounts.ALL_PROVINCES in chosen.provinces,
            key=AuthKeys.GRANT_ALL,
            help=t("auth.grant_help"),
        )
        granted = st.multiselect(
            t("audit.col.provinces"),
            list(provinces),
            default=[p for p in chosen.provinces if p in provinces],
            format_func=lambda code: f"{code} {provinces[code]}",
            placeholder=t("auth.no_provinces"),
            help=t("auth.grant_help"),
        )
        active = st.checkbox(t("audit.col.active"), value=chosen.active)
        saved = st.form_submit_button(t("audit.save"), type="primary", icon=":material/save:")
    if saved:
        book = accounts.book()
        accounts.authorize(Action.GRANT)
        if role != chosen.role.value or active != chosen.active:
            book.set_role(name, role)
            book.set_active(name, active)
            accounts.record(Action.USER_CHANGE, detail={"name": name, "role": role, "active": active})
        granted = [accounts.ALL_PROVINCES] if every else sorted(granted)
        if granted != list(chosen.provinces):
            book.set_grants(name, granted)
            accounts.record(Action.GRANT, provinces=granted, detail={"name": name})
        st.success(t("audit.saved", name=name))


def is_admin() -> bool:
    """True when sign-in is on and the user is an administrator (the Audit tab is shown)."""
    held = account()
    return held is not None and held.role == Role.ADMIN
