"""Total notebook execution time on each compute backend, paired notebook by notebook.

Issue 9 asks that the fast backend's speed-up show in the notebooks. Each notebook runs top to
bottom on a fresh nnlab kernel (nbclient, as `npm test` does) once with NNLAB_BACKEND=ts and once
with NNLAB_BACKEND=wasm, alternating which goes first, so a busy spell of the shared machine hits
both alike. Prints per-notebook seconds and the totals, and writes bench/results-notebooks.json.

    node bench/notebook-times.mjs [notebooks/001-*.ipynb ...]

(the .mjs runs this script with the project's venv and Jupyter environment). With no arguments it
runs every notebook and writes the results file.
"""
import json
import os
import pathlib
import platform
import sys
import time

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[1]
BACKENDS = ("ts", "wasm")


def run(path: pathlib.Path, backend: str) -> float:
    """Seconds to execute the notebook on a fresh kernel whose NNLAB_BACKEND is `backend`."""
    nb = nbformat.read(path, as_version=4)
    # Proof that the kernel computed on the backend asked for (it inherits NNLAB_BACKEND).
    nb.cells.append(nbformat.v4.new_code_cell('require("nnlab").backendInfo().name'))
    os.environ["NNLAB_BACKEND"] = backend
    client = NotebookClient(nb, timeout=300, kernel_name="nnlab", resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    shown = "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for o in nb.cells[-1].outputs)
    if backend not in shown:
        raise RuntimeError(f"{path.name}: asked for backend {backend}, the kernel reports {shown!r}")
    return seconds


def main(argv):
    paths = [pathlib.Path(p) for p in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    rows = []
    for i, path in enumerate(paths):
        order = BACKENDS if i % 2 == 0 else BACKENDS[::-1]
        seconds = {backend: run(path, backend) for backend in order}
        rows.append({"notebook": path.name, **seconds})
        print(f"{path.name:60s} ts {seconds['ts']:6.1f} s   wasm {seconds['wasm']:6.1f} s", flush=True)
    totals = {b: sum(r[b] for r in rows) for b in BACKENDS}
    print(f"{'total':60s} ts {totals['ts']:6.1f} s   wasm {totals['wasm']:6.1f} s   (ts / wasm = {totals['ts'] / totals['wasm']:.2f})")
    result = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "loadavg_end": os.getloadavg()},
        "notebooks": rows,
        "total_seconds": totals,
    }
    if not argv:
        out = ROOT / "bench" / "results-notebooks.json"
        tmp = out.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(result, indent=2) + "\n")
        tmp.replace(out)


if __name__ == "__main__":
    main(sys.argv[1:])
