"""A record by id over HTTP, two workers, beside a bare Starlette endpoint reading the same row.

    python -m bench.bench_http --size 20000 --seconds 10

Needs `wrk` (Debian package `wrk`). Builds a demo hub in SQLite, serves it with
`cultuurhub serve --workers 2`, and asks for random event ids with wrk (2 threads, 32
connections); then the same against `bench/bare_app.py` under uvicorn with two workers.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from cultuurhub.demo import load_demo
from cultuurhub.search import SearchIndex, default_index_path
from cultuurhub.store import Store

LUA = """
local ids = {}
for line in io.lines("%s") do ids[#ids + 1] = line end
request = function()
  return wrk.format("GET", "/events/" .. ids[math.random(#ids)])
end
"""


def build(folder: Path, size: int) -> tuple[Path, Path]:
    """Build the demo database and the wrk script with its event ids."""
    database = folder / "hub.db"
    store = Store(f"sqlite:///{database}")
    store.upgrade()
    load_demo(store, size)
    ids = [str(row["id"]) for row in store.recently_modified("event", size)]
    # the search index as a running hub has it, so the server's sync finds nothing to do
    SearchIndex(default_index_path(store.url)).rebuild(store)
    store.close()
    (folder / "ids.txt").write_text("\n".join(ids))
    script = folder / "random.lua"
    script.write_text(LUA % (folder / "ids.txt"))
    return database, script


def serve(command: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    """Start a server and wait until it answers."""
    process = subprocess.Popen(command, env=env)
    for _ in range(100):
        try:
            httpx.get(f"http://127.0.0.1:{port}/events/00000000-0000-0000-0000-000000000000")
            return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"server on port {port} did not start")


def wrk(port: int, script: Path, seconds: int) -> float:
    """Run wrk against the server and return requests per second."""
    output = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{seconds}s", "-s", str(script), f"http://127.0.0.1:{port}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    assert match, output
    if "Non-2xx" in output:
        raise RuntimeError(output)
    return float(match.group(1))


def measure(database: Path, script: Path, seconds: int) -> tuple[float, float]:
    """Requests per second of the hub and of the bare peer."""
    env = {**os.environ, "CULTUURHUB_DATABASE_URL": f"sqlite:///{database}",
           # one client asks everything: the per-address rate limit would answer 429
           "CULTUURHUB_RATE_LIMIT_PER_IP": "0", "CULTUURHUB_RATE_LIMIT_PER_KEY": "0"}  # fmt: skip
    hub = serve(
        [sys.executable, "-m", "cultuurhub.cli", "serve", "--port", "8123", "--workers", "2"],
        env, 8123,
    )  # fmt: skip
    try:
        hub_rate = wrk(8123, script, seconds)
    finally:
        hub.terminate()
        hub.wait()
    env["BENCH_SQLITE_PATH"] = str(database)
    bare_command = [sys.executable, "-m", "uvicorn", "bench.bare_app:app", "--port", "8124"]
    bare = serve([*bare_command, "--workers", "2", "--log-level", "warning"], env, 8124)
    try:
        bare_rate = wrk(8124, script, seconds)
    finally:
        bare.terminate()
        bare.wait()
    return hub_rate, bare_rate


def main() -> None:
    """Build, measure, print a Markdown row."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database, script = build(Path(folder), args.size)
        hub_rate, bare_rate = measure(database, script, args.seconds)
    print(f"| {args.size:,} | {hub_rate:,.0f} | {bare_rate:,.0f} | {hub_rate / bare_rate:.0%} |")


if __name__ == "__main__":
    main()
