"""Instructions per stored record, counted by Valgrind: a figure the machine's drift cannot move.

    python -m bench.bench_instructions --n 20000
    python -m bench.bench_instructions --n 20000 --tree /tmp/old   # another checkout, to compare

On a shared virtual machine the clock (and even CPU time) of the same run drifts by a factor of
1.5 within minutes, which hides a change of 10 or 20 %. Valgrind's ``cachegrind`` counts the
instructions a process executes instead; the count repeats to 0.1 %. The figure is the count of a
run that builds ``n`` demo drafts and stores them with ``Store.put_batch`` (as ``bench_store``
does, SQLite, batches of 1,000) minus the count of the same run that only builds them, divided
by ``n``. It leaves out what the processor waits for (the disk, the page cache), so it measures
the code, not the machine; the records/s of ``bench_store`` stay the figures the issue asks for.

Needs Debian's ``valgrind``. A run of 20,000 records takes about five minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

BATCH = 1_000


def inner(n: int, put: bool) -> None:
    """Build ``n`` drafts into an empty SQLite store and, with ``put``, store them."""
    from bench.bench_store import drafts_for
    from cultuurhub.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'bench.db'}")
        store.upgrade()
        drafts = drafts_for(store, n)
        if put:
            for start in range(0, n, BATCH):
                store.put_batch(drafts[start : start + BATCH], "bench")
        store.close()


def count(tree: Path, n: int, put: bool) -> int:
    """The instructions one inner run executes under cachegrind, with ``tree``'s code (this
    file runs as a script, so an older checkout without it can be counted too)."""
    env = {**os.environ, "PYTHONPATH": f"{tree / 'src'}:{tree}", "PYTHONHASHSEED": "0"}
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, "--inner", "put" if put else "build",
        "--n", str(n),
    ]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    """Parse the arguments; count, or be the counted run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--inner", choices=["put", "build"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        inner(args.n, args.inner == "put")
        return
    stored = count(args.tree, args.n, put=True)
    built = count(args.tree, args.n, put=False)
    print(f"{args.tree}: {(stored - built) / args.n:,.0f} instructions per stored record")


if __name__ == "__main__":
    main()
