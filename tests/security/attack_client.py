"""A hand-made Streamlit client for attacks a browser will not make: replayed frames, raw uploads.

:class:`Attacker` speaks the app's websocket protocol as ``bench.session.AppSession`` does, and
also keeps what an attacker reads from the server: the session id, each widget's fragment, the
download URLs. Widget values are kept and sent again with every rerun, as the browser does;
a button trigger is sent once. A replay is the same ``BackMsg`` sent again.
"""

from __future__ import annotations

import http.cookiejar
import re
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = ["Attacker", "Seen", "put_upload", "upload_bytes_held", "fetch_status"]

_TEXT_TYPES = ("markdown", "heading", "alert", "text", "caption", "code", "metric")


@dataclass
class Seen:
    """What one script run sent back."""

    status: str = "TIMEOUT"
    texts: list[str] = field(default_factory=list)
    widgets: dict[str, tuple[str, object, str]] = field(default_factory=dict)  # id -> (type, proto, fragment)
    downloads: list[str] = field(default_factory=list)  # /media URLs of download buttons
    kinds: list[str] = field(default_factory=list)  # element types, in order

    def text(self) -> str:
        return "\n".join(self.texts)

    def widget(self, key: str) -> tuple[str, tuple[str, object, str]] | None:
        """The widget whose id ends with ``-<key>`` (a user key) or ``key`` itself."""
        for wid, found in self.widgets.items():
            if wid.endswith("-" + key) or wid.endswith(key):
                return wid, found
        return None


class Attacker:
    """One websocket session on a running app (``url`` like ``http://127.0.0.1:8501``)."""

    def __init__(self, url: str, *, timeout: float = 180):
        from websockets.sync.client import connect

        self.url = url
        netloc = urlsplit(url).netloc
        self.timeout = timeout
        self.ws = connect(
            f"ws://{netloc}/_stcore/stream",
            subprotocols=["streamlit"],
            open_timeout=timeout,
            max_size=None,
            origin=f"http://{netloc}",
        )
        self.session_id = ""
        self.page_hash = ""
        self.query = ""
        self.states: dict[str, tuple[str, object]] = {}  # widget values, sent with every rerun
        self.last = b""  # the last BackMsg sent (to replay it)

    def close(self) -> None:
        self.ws.close()

    def __enter__(self) -> Attacker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def send(
        self,
        *,
        page: str | None = None,
        states: dict[str, tuple[str, object]] | None = None,
        fragment_id: str = "",
    ) -> Seen:
        """One rerun (of ``page`` by URL path, else the current page), with the kept widget
        values and ``states`` (``{widget id: (WidgetState field, value)}``; values are kept,
        triggers sent once), of one fragment when ``fragment_id``."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        states = {**self.states, **(states or {})}
        self.states.update({w: v for w, v in states.items() if v[0] != "trigger_value"})

        msg = BackMsg()
        rerun = msg.rerun_script
        rerun.query_string = self.query
        if page is not None:
            rerun.page_name = page
        else:
            rerun.page_script_hash = self.page_hash
        if fragment_id:
            rerun.fragment_id = fragment_id
        for wid, (kind, value) in states.items():
            widget = rerun.widget_states.widgets.add()
            widget.id = wid
            if kind.endswith("_array_value"):
                getattr(widget, kind).data.extend(value)
            else:
                setattr(widget, kind, value)
        self.last = msg.SerializeToString()
        self.ws.send(self.last)
        return self._read()

    def replay(self, frame: bytes) -> Seen:
        """Send ``frame`` (an earlier ``BackMsg``) again, as it was."""
        self.ws.send(frame)
        return self._read()

    def _read(self) -> Seen:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        seen = Seen()
        deadline = time.monotonic() + self.timeout
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                raw = self.ws.recv(timeout=remaining)
            except TimeoutError:
                break
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.session_id = msg.new_session.initialize.session_id or self.session_id
                self.page_hash = msg.new_session.page_script_hash or self.page_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "navigation":
                self.page_hash = msg.navigation.page_script_hash or self.page_hash
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._keep(msg.delta.new_element, msg.delta.fragment_id, seen)
            elif kind == "script_finished":
                seen.status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                if seen.status != "FINISHED_EARLY_FOR_RERUN":  # st.rerun(): the next run follows
                    break
        return seen

    @staticmethod
    def _keep(element, fragment_id: str, seen: Seen) -> None:
        kind = element.WhichOneof("type")
        seen.kinds.append(kind)
        body = getattr(element, kind)
        if kind in _TEXT_TYPES:
            for name in ("body", "text", "label"):
                value = getattr(body, name, "")
                if value:
                    seen.texts.append(value)
                    break
        if kind == "download_button" and body.url:
            seen.downloads.append(body.url)
        wid = getattr(body, "id", "")
        if wid and isinstance(wid, str) and wid.startswith("$$ID"):
            seen.widgets[wid] = (kind, body, fragment_id)

    # ------------------------------------------------------------------ as a user would
    def open(self, page: str = "") -> Seen:
        return self.send(page=page)

    def sign_in(self, name: str, password: str) -> Seen:
        """Fill the sign-in form and submit it (one rerun, the values sent with the trigger)."""
        form = self.open("")
        name_id = form.widget("auth_name")[0]
        password_id = form.widget("auth_password")[0]
        submit = next(w for w in form.widgets if "FormSubmitter:auth_form" in w)
        seen = self.send(
            states={
                name_id: ("string_value", name),
                password_id: ("string_value", password),
                submit: ("trigger_value", True),
            }
        )
        for wid in (name_id, password_id):  # the form clears them on submit
            self.states.pop(wid, None)
        return seen

    def click(self, widget_id: str, fragment_id: str = "", **states: tuple[str, object]) -> Seen:
        return self.send(states={widget_id: ("trigger_value", True), **states}, fragment_id=fragment_id)


def _xsrf(url: str) -> str:
    """The XSRF cookie the server hands to anyone who asks (the upload endpoint wants it echoed)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(url + "/_stcore/health", timeout=30).read()
    return next(c.value for c in jar if c.name == "_streamlit_xsrf")


def put_upload(url: str, session_id: str, data: bytes, name: str = "desa.geojson") -> int:
    """``PUT /_stcore/upload_file/<session>/<a made-up file id>`` as the browser's uploader does;
    returns the HTTP status."""
    token = _xsrf(url)
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        f"{url}/_stcore/upload_file/{session_id}/{uuid.uuid4()}",
        data=body,
        method="PUT",
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "X-Xsrftoken": token,
            "Cookie": f"_streamlit_xsrf={token}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def upload_bytes_held(url: str) -> int:
    """Bytes of uploaded files the server holds in memory (its own metrics endpoint)."""
    text = urllib.request.urlopen(url + "/_stcore/metrics", timeout=30).read().decode()
    found = re.search(r'cache_memory_bytes\{cache_type="UploadedFileManager"[^}]*\}\s+(\d+)', text)
    return int(found.group(1)) if found else 0


def fetch_status(url: str) -> tuple[int, bytes]:
    """GET ``url`` without any cookie or session: ``(status, body)``."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, b""
