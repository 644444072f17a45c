"""What Streamlit's server keeps for a browser session, held to the sign-in (no Streamlit patched).

Two doors of the server do not pass through the script, so ``gate`` never sees them:

* ``PUT /_stcore/upload_file/<session>/<file id>`` keeps a file in memory for any live session
  and any file id (no widget needs to exist), until the session ends. :func:`guard_uploads`
  wraps ``add_file`` of the runtime's uploaded-file manager (that one object, once per process)
  so it refuses (HTTP 403) a file for a session that is not admitted: signed in, not expired,
  with a role that imports (:func:`admit`); files taken before the wrapper was set are dropped.
* ``GET /media/<id>`` serves a download button's data to whoever has the URL, while a session
  shows the button and then until the end of two more script runs of any session. :func:`dismiss`
  (at sign-out and expiry) drops the session's references and deletes every file no session
  shows at once; a sweeper thread does the same for admitted sessions that expired idle or
  closed, every quarter of the session lifetime (at most 30 s).

Only while sign-in is on; with ``ATLAS_AUTH=off`` the server stays as Streamlit makes it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["current_id", "admit", "dismiss", "guard_uploads", "admitted"]


@dataclass(frozen=True)
class _Admission:
    alive: Callable[[], bool]  # the signed-in session's own check (not ended, not expired)
    uploads: bool  # the role imports files (steward, admin)


_admitted: dict[str, _Admission] = {}
_lock = threading.Lock()
_installed: list[object] = []  # the manager wrapped, once per process
_sweeper: list[threading.Thread] = []


def current_id() -> str | None:
    """The Streamlit session id of the script run on this thread (None outside a session)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    return ctx.session_id if ctx is not None else None


def _runtime():
    from streamlit import runtime

    return runtime.get_instance() if runtime.exists() else None


def admit(session_id: str | None, alive: Callable[[], bool], *, uploads: bool) -> None:
    """Record that ``session_id`` is signed in (its uploads kept when ``uploads``) while ``alive()``."""
    if session_id:
        with _lock:
            _admitted[session_id] = _Admission(alive, uploads)


def admitted(session_id: str) -> bool:
    """True when ``session_id`` is signed in and may upload files now."""
    entry = _admitted.get(session_id)
    return entry is not None and entry.uploads and entry.alive()


def dismiss(session_id: str | None) -> None:
    """Forget ``session_id``: its uploaded files and its download files are deleted now."""
    if not session_id:
        return
    with _lock:
        _admitted.pop(session_id, None)
    rt = _runtime()
    if rt is None:
        return
    rt.uploaded_file_mgr.remove_session_files(session_id)
    media = rt.media_file_mgr
    media.clear_session_refs(session_id)
    # A download file no session shows is only marked at the first sweep and deleted at the
    # second (Streamlit's grace for a click racing a rerun): two sweeps delete it now.
    media.remove_orphaned_files()
    media.remove_orphaned_files()


def _refuse_upload() -> None:
    try:
        from starlette.exceptions import HTTPException
    except ImportError:  # pragma: no cover - a Streamlit without Starlette answers 500 instead
        raise PermissionError("sign in before uploading a file") from None
    raise HTTPException(status_code=403, detail="sign in before uploading a file")


def guard_uploads(session_lifetime_s: float) -> None:
    """Hold the upload endpoint to :func:`admitted` sessions (once per process), and start the
    sweeper of sessions that expired or closed."""
    rt = _runtime()
    if rt is None:
        return
    manager = rt.uploaded_file_mgr
    with _lock:
        if manager in _installed:
            return
        add_file = manager.add_file

        def add_admitted(session_id: str, file) -> None:
            if not admitted(session_id):
                _refuse_upload()
            add_file(session_id=session_id, file=file)

        manager.add_file = add_admitted
        _installed.append(manager)
        stored = getattr(manager, "file_storage", {})
        early = [sid for sid in list(stored) if not admitted(sid)]
        if not _sweeper:
            interval = max(1.0, min(30.0, session_lifetime_s / 4))
            thread = threading.Thread(target=_sweep, args=(interval,), name="atlas-sessions", daemon=True)
            _sweeper.append(thread)
            thread.start()
    for sid in early:  # taken before the guard was set (the first session of the process)
        manager.remove_session_files(sid)


def _sweep(interval: float) -> None:
    """Dismiss admitted sessions that expired idle or whose browser went away, every ``interval`` s."""
    while True:
        time.sleep(interval)
        rt = _runtime()
        if rt is None:
            continue
        with _lock:
            known = list(_admitted.items())
        for sid, entry in known:
            try:
                gone = not entry.alive() or not rt.is_active_session(sid)
            except Exception:  # noqa: BLE001  (a sweeper that stops would keep every later file)
                gone = True
            if gone:
                dismiss(sid)
