"""Load test: browser-like sessions over several app processes sharing one PostGIS database.

``python -m bench.load [--scale demo|real] [--sessions 20] [--apps 2] [--rounds 2]
[--json bench/out/load.json] [--readme]`` (loopback only):

* starts a throwaway PostgreSQL + PostGIS server (``tests/pg_server.py``; or uses
  ``--database URL``), copies the bundled demo boundaries into it and imports the demo layer
  files through the importer, then removes the returnee-enterprises layer;
* starts ``--apps`` Streamlit processes on free ports, all with ``ATLAS_DATABASE_URL`` set;
* runs ``--sessions`` concurrent sessions, spread over the processes, each speaking the
  browser's websocket protocol (``bench/session.py``): per round it opens the overview,
  placements (then changes the gender filter), reports, map, enterprises and coverage pages;
* while they run, one import of the enterprises file (``loaders.layers.import_file``, what the
  Data page's import button runs) goes into the same database;
* at the end every session opens the enterprises page again: each must show the layer (so both
  processes saw the import without a restart), and the database must hold exactly one version
  of it (the import neither lost nor doubled).

Reports p50/p95/max interaction time (send to script finished), interactions, errors (an
exception on the page, a run that did not finish, a dropped connection) and the import checks;
``--readme`` writes the figures into the README's Performance table.

``--scale real`` runs the same on a real-scale store instead of the demo pack, with sign-in on:

* the embedded store of ``bench.realscale`` (every province's villages, five years of about
  270,000 placements, programmes, reports and enterprises on a few thousand villages; built
  once into ``--store``, default ``bench/out/realscale/store``, and reused) is copied into the
  database as ``python -m loaders.store migrate`` copies it, the enterprises layer left out;
* the apps run with ``ATLAS_AUTH=local``; :data:`REAL_USERS` (viewers, analysts, stewards and
  an admin, granted different provinces) are added to the database's accounts, and each
  session signs in through the form as one of them (sessions spread over them in turn):
  viewers open the layer pages as the protected view and change its year, analysts change
  the gender filter, stewards and admins also open the Data page;
* the import during the run is made as the admin (checked and recorded as the app records it).

Its figures are named ``load_real_*``, so both runs stand side by side in the README.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGES = ["", "penempatan", "laporan", "peta", "usaha-purna", "cakupan"]
APP_PIDS: dict[str, int] = {}  # app URL -> its server process, for the memory figure
#: Sessions whose final enterprises page did not show the import: who, and what the page said.
MISSED_FINALS: list[str] = []
#: How long a session waits for a run before it gives up (``AppSession``'s timeout).
SESSION_TIMEOUT_S = 120.0
#: The password of every account of the real-scale run (a throwaway database on loopback).
PASSWORD = "beban-uji-atlas-2026"


@dataclass(frozen=True)
class User:
    """An account the sessions of the real-scale run sign in as."""

    name: str
    role: str  # viewer, analyst, steward, admin
    provinces: tuple[str, ...] = ()  # ("*",): every province, given explicitly

    def pages(self) -> list[str]:
        """What this user opens in a round: the layer pages and the map; the Data page for writers."""
        return PAGES + (["data"] if self.role in ("steward", "admin") else [])


#: The office of the real-scale run: roles from viewer to admin over the provinces that send
#: most workers and a few others; sessions take them in turn (20 sessions: two each).
REAL_USERS = (
    User("viewer35", "viewer", ("35",)),
    User("analyst33", "analyst", ("33",)),
    User("steward32", "steward", ("32",)),
    User("viewer52", "viewer", ("52",)),
    User("analyst18_12", "analyst", ("18", "12")),
    User("steward36_51", "steward", ("36", "51")),
    User("analyst_all", "analyst", ("*",)),
    User("viewer53_61", "viewer", ("53", "61")),
    User("analyst35", "analyst", ("35",)),
    User("admin", "admin", ()),
)


def resident_mib(pid: int) -> float | None:
    """A process's resident memory (VmRSS) in MiB, or None where /proc does not say."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def log(message: str) -> None:
    print(f"[load] {message}", file=sys.stderr, flush=True)


@contextmanager
def app_process(database_url: str, timeout: float = 180, auth: str | None = None):
    """``streamlit run app.py`` on a free loopback port against ``database_url``; yields its URL.
    ``auth`` sets ``ATLAS_AUTH`` (default: as the environment says, else ``off``)."""
    from tests.browser.harness import free_port

    port = free_port()
    # With a database, sign-in is on unless ATLAS_AUTH says otherwise: the demo run's sessions
    # open pages without signing in, so the atlas is opened on purpose (ATLAS_AUTH=off), unless
    # the caller set ATLAS_AUTH.
    env = {
        **os.environ,
        "ATLAS_DATABASE_URL": database_url,
        "ATLAS_LANGUAGE": "id",
        "ATLAS_AUTH": auth or os.environ.get("ATLAS_AUTH") or "off",
    }
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true"]
    command += [
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    APP_PIDS[url] = server.pid
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError as err:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(
                        "the app did not start: " + server.stderr.read1().decode(errors="replace")
                    ) from err
                time.sleep(0.25)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def prepare(database_url: str, files: Path) -> None:
    """Demo boundaries and layers in the database; the enterprises layer left out (imported later)."""
    from loaders import demo_layers
    from loaders.settings import DEMO_DIR
    from loaders.store import Store

    held, demo = Store(database_url), Store(DEMO_DIR)
    if not demo.provinces():
        raise SystemExit("the demo pack is not built: run scripts/setup.sh first")
    for province in demo.provinces():
        held.write_province(province, *demo.province_tables(province), meta=demo.province_meta(province))
    demo_layers.build(held, files)
    for version in held.layer_meta("enterprises")["versions"]:
        held.delete_layer_version("enterprises", version["id"])


def prepare_real(database_url: str, store_dir: Path, boundaries: Path | None = None, **build) -> dict:
    """The real-scale store (built once, reused) copied into the database as ``python -m
    loaders.store migrate`` copies it, the enterprises layer left out (imported during the run),
    and :data:`REAL_USERS` in the database's accounts. Returns the build record, the copy's
    seconds and the enterprises file."""
    from bench import realscale
    from loaders import accounts
    from loaders.store import Store

    built = realscale.build(store_dir, boundaries, **build)
    held = Store(database_url)
    began = time.perf_counter()
    held.create_schema()
    copied = held.copy_from(Store(store_dir), progress=lambda msg: None)
    copy_s = time.perf_counter() - began
    log(
        f"store copied into the database in {copy_s:.1f} s: {len(copied['provinces'])} provinces, {copied['layers']}"
    )
    for version in held.layer_meta("enterprises")["versions"]:
        held.delete_layer_version("enterprises", version["id"])
    book = accounts.PostgresBook(database_url)
    digest = accounts.hash_password(PASSWORD)
    for user in REAL_USERS:
        if book.account(user.name) is None:
            book.add_user(user.name, user.role, password_hash=digest, provinces=user.provinces)
        else:  # a database given with --database, used before
            book.set_role(user.name, user.role)
            book.set_grants(user.name, user.provinces)
            book.set_password_hash(user.name, digest)
            book.set_active(user.name, True)
    enterprises = next(Path(f) for f in built["files"] if "usaha" in Path(f).name)
    return {**built, "copy_s": round(copy_s, 1), "enterprises_file": enterprises}


def no_layer_text() -> str:
    import i18n

    return i18n.t("dash.no_layer", "id", layer=i18n.t("layer.enterprises", "id")).split(".")[0]


class GaveUp(Exception):
    """A run did not finish within the session's timeout: the user gives up (the session ends,
    as a closed tab; its late messages would otherwise be read as the next run's)."""


def shows_enterprises(run, user: User | None) -> bool:
    """Whether the enterprises page of ``run`` shows the layer: a viewer's protected view offers
    it among its layers, every other page no longer says it is missing."""
    import i18n

    if not run.ok:
        return False
    if user is not None and user.role == "viewer":
        found = run.widget("auth_layer")
        return found is not None and i18n.t("export.layer.enterprises", "id") in list(found[1].options)
    return no_layer_text() not in run.text()


def session_work(
    url: str,
    rounds: int,
    record,
    errors: list,
    finals: list,
    start: threading.Event,
    user: User | None = None,
) -> None:
    """One user: sign in as ``user`` (when given), ``rounds`` of page opens and a filter change,
    then the enterprises page again."""
    import i18n
    from bench.session import AppSession

    start.wait()
    try:
        with AppSession(url, timeout=SESSION_TIMEOUT_S) as session:
            if user is not None:
                session.query = "data=store"
                run = session.sign_in(user.name, PASSWORD)
                record(run, "sign-in", user)
                if user.name not in run.text() or i18n.t("auth.title", "id") in run.text():
                    raise RuntimeError(f"{user.name} is not signed in: {run.text()[:200]}")
            for _ in range(rounds):
                for page in user.pages() if user else PAGES:
                    run = session.open(page, "data=store")
                    record(run, page, user)
                    if page != "penempatan":
                        continue
                    key = "auth_year" if user is not None and user.role == "viewer" else "placements.gender"
                    found = run.widget(key)
                    if found:
                        wid, proto = found
                        choice = list(proto.options)[1] if len(proto.options) > 1 else proto.options[0]
                        record(session.set(wid, "string_value", choice), f"penempatan:{key}", user)
            run = session.open("usaha-purna", "data=store")
            record(run, "usaha-purna:final", user)
            shown = shows_enterprises(run, user)
            finals.append((url, shown))
            if not shown:  # what that session saw instead, for the report
                found = run.widget("auth_layer")
                MISSED_FINALS.append(
                    f"{user.name if user else url}: finished={run.ok}, says no layer={no_layer_text() in run.text()}, "
                    f"layers offered={list(found[1].options) if found else None}, text={run.text()[:200]!r}"
                )
    except GaveUp:  # counted where it timed out
        finals.append((url, False))
    except Exception as err:  # noqa: BLE001 - a dropped session is an error of the run, counted
        errors.append(f"{url}: {type(err).__name__}: {err}")
        finals.append((url, False))


@contextmanager
def as_admin(database_url: str, users: tuple[User, ...]):
    """Sign-in on in this process and the admin among ``users`` acting (the import during a
    signed-in run is checked and recorded as the app records it); nothing without users."""
    from loaders import accounts

    admin = next((u for u in users if u.role == "admin"), None)
    if admin is None:
        yield
        return
    saved = {k: os.environ.get(k) for k in ("ATLAS_DATABASE_URL", "ATLAS_AUTH")}
    os.environ.update({"ATLAS_DATABASE_URL": database_url, "ATLAS_AUTH": "local"})
    try:
        with accounts.acting_as(accounts.book().account(admin.name)):
            yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _percentile(ordered: list[float], p: float) -> float:
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))] if ordered else float("nan")


def run_load(
    database_url: str,
    *,
    sessions: int,
    apps: int,
    rounds: int,
    files: Path,
    enterprises: Path | None = None,
    users: tuple[User, ...] = (),
) -> dict:
    """The sessions over ``apps`` processes and the import during the run; the figures.

    With ``users`` sign-in is on (``ATLAS_AUTH=local``), session ``i`` signs in as
    ``users[i % len(users)]`` and the import is made as the admin among them.
    """
    from loaders.layers import import_file
    from loaders.store import Store

    times: list[float] = []
    by_page: dict[str, list[float]] = {}
    by_role: dict[str, list[float]] = {}
    errors: list[str] = []
    finals: list[tuple[str, bool]] = []
    lock = threading.Lock()
    chosen = [users[i % len(users)] if users else None for i in range(sessions)]
    total = sum(rounds * (len(u.pages() if u else PAGES) + 1) + 1 + (u is not None) for u in chosen)
    auth = "local" if users else None

    def record(run, page: str, user: User | None = None) -> None:
        with lock:
            times.append(run.seconds)
            by_page.setdefault(page, []).append(run.seconds)
            if user is not None:
                by_role.setdefault(user.role, []).append(run.seconds)
            if not run.ok:
                who = f"{user.name} " if user else ""
                errors.append(f"{who}{page}: {run.status} {'; '.join(run.exceptions)[:300]}")
        if run.status == "TIMEOUT":
            raise GaveUp(page)

    logged_before = sum(e.get("layer") == "enterprises" for e in Store(database_url).import_log())
    with ExitStack() as stack:
        urls = [stack.enter_context(app_process(database_url, auth=auth)) for _ in range(apps)]
        log(f"{apps} app processes up: {', '.join(urls)}")
        # One warm-up page open per process (the first run of a process imports the modules).
        from bench.session import AppSession

        for url in urls:
            with AppSession(url) as warm:
                run = warm.open("", "data=store")
                log(f"warm-up {url}: {run.seconds:.2f} s {run.status}")
        start = threading.Event()
        threads = [
            threading.Thread(
                target=session_work,
                args=(urls[i % apps], rounds, record, errors, finals, start, chosen[i]),
                daemon=True,
            )
            for i in range(sessions)
        ]
        for thread in threads:
            thread.start()
        began = time.perf_counter()
        start.set()
        # The import, once about a third of the interactions are done.
        while len(times) < total // 3 and any(t.is_alive() for t in threads):
            time.sleep(0.1)
        log(f"importing the enterprises file after {len(times)} interactions")
        imported_at = time.perf_counter()
        with as_admin(database_url, users):
            plan, version = import_file(
                "enterprises",
                enterprises or files / "usaha_pmi_purna.csv",
                Store(database_url),
                mode="replace",
            )
        import_s = time.perf_counter() - imported_at
        log(f"  version {version} in {import_s:.2f} s")
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
        memory = {url: resident_mib(APP_PIDS[url]) for url in urls}

    held = Store(database_url)
    versions = held.layer_meta("enterprises")["versions"]
    logged = [e for e in held.import_log() if e.get("layer") == "enterprises"][logged_before:]
    ordered = sorted(times)

    def pct(p: float) -> float:
        return _percentile(ordered, p)

    def spread(values: list[float]) -> dict:
        values = sorted(values)
        return {
            "n": len(values),
            "p50_s": round(statistics.median(values), 3),
            "p95_s": round(_percentile(values, 0.95), 3),
            "max_s": round(values[-1], 3),
        }

    return {
        "load_sessions": sessions,
        "load_apps": apps,
        "load_interactions": len(times),
        "load_p50_s": round(statistics.median(ordered), 3) if ordered else None,
        "load_p95_s": round(pct(0.95), 3),
        "load_max_s": round(ordered[-1], 3) if ordered else None,
        "load_errors": len(errors),
        "load_timeouts": sum(": TIMEOUT" in e for e in errors),
        "load_wall_s": round(wall, 1),
        "load_import_s": round(import_s, 2),
        "load_import_versions": len(versions),
        "load_import_seen_by_all": all(ok for _, ok in finals) and len(finals) == sessions,
        "load_import_log_entries": len(logged),
        "load_app_memory_max_mib": max((m for m in memory.values() if m is not None), default=None),
        "meta": {
            "errors": errors[:20],
            "by_page_p50_s": {k: round(statistics.median(v), 3) for k, v in sorted(by_page.items())},
            "by_page": {k: spread(v) for k, v in sorted(by_page.items())},
            "by_role": {k: spread(v) for k, v in sorted(by_role.items())},
            "sessions_per_user": {
                u.name: sum(c == u for c in chosen) for u in users if any(c == u for c in chosen)
            },
            "import_version": version,
            "import_rows": int(len(plan.frame)) if plan.accepted else 0,
            "finals_per_app": {u: sum(ok for x, ok in finals if x == u) for u in {x for x, _ in finals}},
            "finals_missed": MISSED_FINALS[:20],
            "machine_load_average": list(os.getloadavg()),
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        },
    }


def readme_note(result: dict, rounds: int) -> str:
    """The paragraph under the Performance table that says how the load figures were measured."""
    meta = result["meta"]
    load = ", ".join(f"{x:.1f}" for x in meta["machine_load_average"])
    seen = (
        "seen by every session of both processes at its next page open, without a restart"
        if result["load_import_seen_by_all"]
        else "**not** seen by every session"
    )
    return (
        f"Load test (`python -m bench.load`, {meta['date'][:10]}): {result['load_sessions']} concurrent "
        f"sessions speaking the browser's websocket protocol to {result['load_apps']} Streamlit processes "
        "that share one PostgreSQL + PostGIS database on loopback (the demo pack), "
        f"{result['load_interactions']} interactions ({rounds} rounds of opening six pages and changing "
        "the gender filter, then the enterprises page again), and during the run one import of the "
        f"returnee-enterprises file into the same database ({result['load_import_s']:.1f} s): "
        f"{result['load_import_versions']} version stored, {result['load_import_log_entries']} log entry, {seen}. "
        "An interaction is timed from the message sent to the script finished, as a user waits for it "
        f"(no rendering). Load average at the end: {load} (1, 5, 15 min) on a machine shared with "
        "other work."
    )


def real_result(result: dict, built: dict) -> dict:
    """The figures of a real-scale run: ``load_*`` named ``load_real_*``, with the store's build
    (its time when it was built, its size) and the copy into the database."""
    out = {
        ("load_real_" + k.removeprefix("load_") if k.startswith("load_") else k): v for k, v in result.items()
    }
    figures = built["figures"]
    out["load_real_build_s"] = figures["realscale_build_s"]
    out["load_real_store_bytes"] = figures["realscale_store_bytes"]
    out["load_real_copy_s"] = built["copy_s"]
    signin = result["meta"]["by_page"].get("sign-in")
    out["load_real_signin_p95_s"] = signin["p95_s"] if signin else None
    out["meta"] = {
        **result["meta"],
        "store": {
            "built": built["date"],
            "reused": bool(built.get("reused_from")),
            "params": built["params"],
            "provinces": built["provinces"],
            "villages": built["villages"],
            "layers": built["layers"],
            "placements_by_province": built["placements_by_province"],
            "figures": figures,
        },
        "users": [{"name": u.name, "role": u.role, "provinces": list(u.provinces)} for u in REAL_USERS],
    }
    return out


def real_readme_note(result: dict, rounds: int) -> str:
    """The paragraph under the Performance table that says how the real-scale figures were measured."""
    meta = result["meta"]
    store = meta["store"]
    params = store["params"]
    load = ", ".join(f"{x:.1f}" for x in meta["machine_load_average"])
    placements = store["layers"]["placements"]
    roles = sorted({u["role"] for u in meta["users"]})
    by_role = "; ".join(f"{k} p95 {v['p95_s']:.2f} s" for k, v in meta["by_role"].items())
    seen = (
        "seen by every session" if result["load_real_import_seen_by_all"] else "**not** seen by every session"
    )
    return (
        f"Real-scale load test (`python -m bench.load --scale real`, {meta['date'][:10]}): the same "
        f"{result['load_real_sessions']} sessions over {result['load_real_apps']} processes and one PostGIS, "
        f"on a store of every province ({store['villages']:,} villages from `../shared/data`, with the "
        f"regency and district files) and {len(params['years'])} years of invented placements shaped like "
        f"BP2MI's ({params['per_year']:,} a year, most from Jawa Timur, Jawa Tengah, Jawa Barat, NTB and "
        f"Lampung; {placements['rows_stored']:,} stored rows), programmes, reports and enterprises on about "
        f"{params['layer_villages']:,} villages, all imported through the importer (`python -m bench.realscale`: "
        f"{result['load_real_build_s'] / 60:.0f} min to build once, then reused; copied into the database "
        f"in {result['load_real_copy_s']:.0f} s). Sign-in on (`ATLAS_AUTH=local`): each session signs in "
        f"through the form as one of {len(meta['users'])} accounts ({', '.join(roles)}) granted different "
        f"provinces, viewers seeing the protected view; {result['load_real_interactions']} interactions "
        f"({rounds} rounds, the Data page too for stewards and admins), {result['load_real_errors']} errors "
        f"({result['load_real_timeouts']} runs without an answer within {SESSION_TIMEOUT_S:g} s, after which the "
        f"session gives up), the enterprises import made as the admin during the run {seen}. Sign-in (form "
        f"sent to the first page, argon2id check included) p95 {result['load_real_signin_p95_s']:.2f} s. "
        f"By role: {by_role}. "
        f"Load average at the end: {load} (1, 5, 15 min)."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", choices=("demo", "real"), default="demo", help="the demo pack or a real-scale store"
    )
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--apps", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--database", help="an existing postgresql:// URL (default: a throwaway server)")
    parser.add_argument(
        "--store",
        type=Path,
        default=None,
        help="--scale real: the real-scale store folder (built once, reused)",
    )
    parser.add_argument(
        "--data", type=Path, default=None, help="--scale real: the reference data (../shared/data)"
    )
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    parser.add_argument("--readme", action="store_true", help="write the figures into README.md")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tests"))
    if args.scale == "real":
        return main_real(args)
    with ExitStack() as stack:
        url = args.database
        if not url:
            from pg_server import PgServer, missing_reason

            reason = missing_reason()
            if reason:
                print(f"load test skipped: {reason}", file=sys.stderr)
                return 2
            server = stack.enter_context(PgServer())
            url = server.database()
            log(f"PostgreSQL on port {server.port}")
        files = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="atlas-load-")))
        prepare(url, files)
        log("demo boundaries and layers in the database; enterprises left for the import")
        result = run_load(url, sessions=args.sessions, apps=args.apps, rounds=args.rounds, files=files)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    if args.readme:
        from bench.readme import README, add_rows

        README.write_text(add_rows(README.read_text(), result, note=readme_note(result, args.rounds)))
        log(f"wrote the load figures to {README}")
    ok = (
        result["load_errors"] == 0
        and result["load_import_versions"] == 1
        and result["load_import_seen_by_all"]
    )
    return 0 if ok else 1


def main_real(args: argparse.Namespace) -> int:
    """``--scale real``: the real-scale store in the database, sign-in on, sessions as users."""
    from bench import realscale

    data = (args.data or realscale.ROOT.parent / "shared" / "data") / "boundaries"
    if not (data / "desa").is_dir():
        print(f"load test skipped: real data not found at {data}", file=sys.stderr)
        return 2
    with ExitStack() as stack:
        url = args.database
        if not url:
            from pg_server import PgServer, missing_reason

            reason = missing_reason()
            if reason:
                print(f"load test skipped: {reason}", file=sys.stderr)
                return 2
            server = stack.enter_context(PgServer())
            url = server.database()
            log(f"PostgreSQL on port {server.port}")
        built = prepare_real(url, args.store or realscale.DEFAULT_STORE, data)
        files = built["enterprises_file"].parent
        result = run_load(
            url,
            sessions=args.sessions,
            apps=args.apps,
            rounds=args.rounds,
            files=files,
            enterprises=built["enterprises_file"],
            users=REAL_USERS,
        )
        result = real_result(result, built)
    print(json.dumps(result, ensure_ascii=False, indent=1, default=str))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str))
    if args.readme:
        from bench.readme import README, add_rows

        README.write_text(add_rows(README.read_text(), result, note=real_readme_note(result, args.rounds)))
        log(f"wrote the real-scale load figures to {README}")
    ok = (
        result["load_real_errors"] == 0
        and result["load_real_import_versions"] == 1
        and result["load_real_import_seen_by_all"]
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
