"""Load test: browser-like sessions over several app processes sharing one PostGIS database.

``python -m bench.load [--sessions 20] [--apps 2] [--rounds 2] [--json bench/out/load.json]
[--readme]`` (loopback only):

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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGES = ["", "penempatan", "laporan", "peta", "usaha-purna", "cakupan"]
APP_PIDS: dict[str, int] = {}  # app URL -> its server process, for the memory figure


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
def app_process(database_url: str, timeout: float = 180):
    """``streamlit run app.py`` on a free loopback port against ``database_url``; yields its URL."""
    from tests.browser.harness import free_port

    port = free_port()
    # With a database, sign-in is on unless ATLAS_AUTH says otherwise: the sessions here open
    # pages without signing in, so the atlas is opened on purpose (ATLAS_AUTH=off), unless the
    # caller set ATLAS_AUTH.
    env = {
        **os.environ,
        "ATLAS_DATABASE_URL": database_url,
        "ATLAS_LANGUAGE": "id",
        "ATLAS_AUTH": os.environ.get("ATLAS_AUTH") or "off",
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


def no_layer_text() -> str:
    import i18n

    return i18n.t("dash.no_layer", "id", layer=i18n.t("layer.enterprises", "id")).split(".")[0]


def session_work(url: str, rounds: int, record, errors: list, finals: list, start: threading.Event) -> None:
    """One user: ``rounds`` of page opens and a filter change, then the enterprises page again."""
    from bench.session import AppSession

    missing = no_layer_text()
    start.wait()
    try:
        with AppSession(url) as session:
            for _ in range(rounds):
                for page in PAGES:
                    run = session.open(page, "data=store")
                    record(run, page)
                    if page == "penempatan":
                        found = run.widget("placements.gender")
                        if found:
                            wid, proto = found
                            choice = list(proto.options)[1] if len(proto.options) > 1 else proto.options[0]
                            record(session.set(wid, "string_value", choice), "penempatan:gender")
            run = session.open("usaha-purna", "data=store")
            record(run, "usaha-purna:final")
            finals.append((url, run.ok and missing not in run.text()))
    except Exception as err:  # noqa: BLE001 - a dropped session is an error of the run, counted
        errors.append(f"{url}: {type(err).__name__}: {err}")
        finals.append((url, False))


def run_load(database_url: str, *, sessions: int, apps: int, rounds: int, files: Path) -> dict:
    from loaders.layers import import_file
    from loaders.store import Store

    times: list[float] = []
    by_page: dict[str, list[float]] = {}
    errors: list[str] = []
    finals: list[tuple[str, bool]] = []
    lock = threading.Lock()
    total = sessions * rounds * (len(PAGES) + 1) + sessions

    def record(run, page: str) -> None:
        with lock:
            times.append(run.seconds)
            by_page.setdefault(page, []).append(run.seconds)
            if not run.ok:
                errors.append(f"{page}: {run.status} {'; '.join(run.exceptions)[:300]}")

    logged_before = sum(e.get("layer") == "enterprises" for e in Store(database_url).import_log())
    with ExitStack() as stack:
        urls = [stack.enter_context(app_process(database_url)) for _ in range(apps)]
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
                target=session_work, args=(urls[i % apps], rounds, record, errors, finals, start), daemon=True
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
        plan, version = import_file(
            "enterprises", files / "usaha_pmi_purna.csv", Store(database_url), mode="replace"
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
        return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))] if ordered else float("nan")

    return {
        "load_sessions": sessions,
        "load_apps": apps,
        "load_interactions": len(times),
        "load_p50_s": round(statistics.median(ordered), 3) if ordered else None,
        "load_p95_s": round(pct(0.95), 3),
        "load_max_s": round(ordered[-1], 3) if ordered else None,
        "load_errors": len(errors),
        "load_wall_s": round(wall, 1),
        "load_import_s": round(import_s, 2),
        "load_import_versions": len(versions),
        "load_import_seen_by_all": all(ok for _, ok in finals) and len(finals) == sessions,
        "load_import_log_entries": len(logged),
        "load_app_memory_max_mib": max((m for m in memory.values() if m is not None), default=None),
        "meta": {
            "errors": errors[:20],
            "by_page_p50_s": {k: round(statistics.median(v), 3) for k, v in sorted(by_page.items())},
            "import_version": version,
            "import_rows": int(len(plan.frame)) if plan.accepted else 0,
            "finals_per_app": {u: sum(ok for x, ok in finals if x == u) for u in {x for x, _ in finals}},
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--apps", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--database", help="an existing postgresql:// URL (default: a throwaway server)")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    parser.add_argument("--readme", action="store_true", help="write the figures into README.md")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tests"))
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


if __name__ == "__main__":
    raise SystemExit(main())
