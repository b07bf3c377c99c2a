"""Peak memory of a command together with all its child processes (Linux).

``ru_maxrss`` reports one process at a time, and a worker started by fork+exec
briefly shows its parent's size; what a user needs to know for ``--workers N``
is the most memory the command and its workers held at the same moment. This
samples the summed RSS of the process tree every 0.2 s while the command runs.

    python benchmarks/tree_rss.py -- communique ingest stories.jsonl --db x.db --workers 2
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def _rss_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _tree(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(parents.get(pid, []))
    return out


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        raise SystemExit(__doc__)
    start = time.perf_counter()
    proc = subprocess.Popen(args)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, sum(_rss_kb(pid) for pid in _tree(proc.pid)))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    print(f"exit {proc.returncode}; {seconds:.1f} s; peak RSS of the process tree: "
          f"{peak / 1024:.0f} MB; load average: "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()), file=sys.stderr)
    raise SystemExit(proc.returncode)


if __name__ == "__main__":
    main()
