"""A browser-like Streamlit session without a browser: the app's own websocket protocol.

:class:`AppSession` opens ``/_stcore/stream`` as the Streamlit frontend does and sends the
same ``BackMsg`` a browser sends (a page open is a rerun with the page's URL path, a filter
change a rerun with the widget's new value, a sign-in the form's fields sent with its submit
button), then reads ``ForwardMsg`` until the script has finished (through an ``st.rerun()``, as
after a sign-in): that wall time is the interaction time a user waits for. Nothing is rendered, so 20
sessions fit on a 2-core machine where 20 Chromium tabs would measure Chromium instead of the app.
Elements that carry text (headings, markdown, alerts, captions) and widgets are kept, so a
caller can check what the page shows and find a widget by its key.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = ["AppSession", "Run"]

_TEXT_TYPES = ("markdown", "heading", "alert", "text", "caption", "code")
_WIDGET_TYPES = (
    "selectbox",
    "radio",
    "select_slider",
    "multiselect",
    "checkbox",
    "toggle",
    "slider",
    "button",
    "text_input",
)


@dataclass
class Run:
    """One script run as the session saw it."""

    seconds: float
    status: str
    texts: list[str] = field(default_factory=list)
    widgets: dict[str, object] = field(default_factory=dict)  # widget id -> its element proto
    exceptions: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "FINISHED_SUCCESSFULLY" and not self.exceptions

    def text(self) -> str:
        return "\n".join(self.texts)

    def widget(self, key: str) -> tuple[str, object] | None:
        """The widget whose user key is ``key`` (ids end with ``-<key>``): ``(id, proto)``."""
        for wid, proto in self.widgets.items():
            if wid.endswith("-" + key):
                return wid, proto
        return None


class AppSession:
    """One user's session on a running app (``url`` like ``http://127.0.0.1:8501``)."""

    def __init__(self, url: str, *, timeout: float = 120):
        from websockets.sync.client import connect

        parts = urlsplit(url)
        self.timeout = timeout
        self.ws = connect(
            f"ws://{parts.netloc}/_stcore/stream",
            subprotocols=["streamlit"],
            open_timeout=timeout,
            max_size=None,
            origin=f"http://{parts.netloc}",
        )
        self.page_hash = ""
        self.page = ""
        self.query = ""
        self.states: dict[str, tuple[str, object]] = {}  # widget id -> (value field, value)

    def close(self) -> None:
        self.ws.close()

    def __enter__(self) -> AppSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _client_state(self, page: str | None, triggers: tuple[str, ...] = ()):
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        if page is not None:
            state.page_name = page
        else:
            state.page_script_hash = self.page_hash
        for wid, (kind, value) in self.states.items():
            widget = state.widget_states.widgets.add()
            widget.id = wid
            if kind == "string_array_value":
                widget.string_array_value.data.extend(value)
            elif kind == "int_array_value":
                widget.int_array_value.data.extend(value)
            elif kind == "double_array_value":
                widget.double_array_value.data.extend(value)
            else:
                setattr(widget, kind, value)
        for wid in triggers:  # a button press: sent once, never kept
            widget = state.widget_states.widgets.add()
            widget.id = wid
            widget.trigger_value = True
        return msg

    def open(self, page: str = "", query: str = "") -> Run:
        """Open a page by its URL path (``""`` is the default page), as a link or the menu does."""
        self.page, self.query = page, query
        return self._rerun(page)

    def set(self, widget_id: str, kind: str, value: object) -> Run:
        """Change one widget (``kind`` the ``WidgetState`` field, e.g. ``string_value``) and rerun."""
        self.states[widget_id] = (kind, value)
        return self._rerun(None)

    def sign_in(self, name: str, password: str) -> Run:
        """Fill the sign-in form (``ATLAS_AUTH=local``) and submit it, as a user does: the run
        that follows (the app reruns into the default page) is timed from the submit."""
        form = self.open("", self.query)
        fields = [form.widget(key) for key in ("auth_name", "auth_password")]
        submit = next((wid for wid in form.widgets if "FormSubmitter:auth_form" in wid), None)
        if None in fields or submit is None:
            raise RuntimeError("no sign-in form on the page: " + form.text()[:200])
        (name_id, _), (password_id, _) = fields
        self.states[name_id] = ("string_value", name)
        self.states[password_id] = ("string_value", password)
        run = self._rerun(None, (submit,))
        for wid in (name_id, password_id):  # the form clears them on submit
            self.states.pop(wid, None)
        return run

    def _rerun(self, page: str | None, triggers: tuple[str, ...] = ()) -> Run:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        started = time.perf_counter()
        self.ws.send(self._client_state(page, triggers).SerializeToString())
        run = Run(seconds=0.0, status="TIMEOUT")
        deadline = started + self.timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                break
            try:
                raw = self.ws.recv(timeout=remaining)
            except TimeoutError:
                break
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = msg.new_session.page_script_hash or self.page_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "navigation":
                self.page_hash = msg.navigation.page_script_hash or self.page_hash
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._keep(msg.delta.new_element, run)
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                if status == "FINISHED_FRAGMENT_RUN_SUCCESSFULLY":
                    continue
                if status == "FINISHED_EARLY_FOR_RERUN":  # st.rerun(): the user waits for the next run
                    run.texts.clear()
                    run.widgets.clear()
                    continue
                run.status = status
                break
        run.seconds = time.perf_counter() - started
        return run

    @staticmethod
    def _keep(element, run: Run) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            run.exceptions.append(f"{element.exception.type}: {element.exception.message}")
        elif kind in _TEXT_TYPES:
            body = getattr(element, kind)
            run.texts.append(getattr(body, "body", "") or getattr(body, "text", ""))
        elif kind in _WIDGET_TYPES:
            body = getattr(element, kind)
            if getattr(body, "id", ""):
                run.widgets[body.id] = body
