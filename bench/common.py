"""What every benchmark stage shares: the machine's description, a worker process, a median of
timed runs and the path of the shared real data (apart from ``bench.__main__`` so the stages
can use them without importing the runner that imports them)."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


def machine() -> dict:
    """Cores, RAM, CPU model and OS of this machine (for the README line)."""
    cpu, ram_kib = "", 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_kib = int(line.split()[1])
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "ram_gib": round(ram_kib / 1024**2, 1),
        "cpu": cpu or platform.processor() or platform.machine(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def run_worker(*args: str) -> dict:
    """``python -m bench.worker ARGS`` in its own process; its JSON result."""
    command = [sys.executable, "-m", "bench.worker", *args]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench.worker {args[0]} failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def timed(fn, repeat: int) -> tuple[object, float, list[float]]:
    """``fn()``'s result and the median of ``repeat`` wall times (and all of them)."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return result, round(statistics.median(times), 3), [round(t, 3) for t in times]
