"""Kernel start-up benchmark: time from starting the `nnlab` kernel to its kernel_info_reply,
and to the first cell's result (the first cell also builds tslab's TypeScript program).

Run with the project venv (the kernelspec must be installed, as `npm start`/`npm test` do):

    .venv/bin/python kernel/bench/startup.py [runs]

Prints the median and the range of each measurement. Goal (issue 6): kernel_info_reply in
under 3 s on the CI machine.
"""
import statistics
import sys
import tempfile
import time

from jupyter_client import KernelManager


def one_run() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as cwd:
        start = time.perf_counter()
        manager = KernelManager(kernel_name="nnlab")
        manager.start_kernel(cwd=cwd)
        client = manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=120)  # sends kernel_info_request until it is answered
            ready = time.perf_counter() - start
            reply = client.execute_interactive("1 + 1", timeout=120)
            assert reply["content"]["status"] == "ok", reply["content"]
            first_cell = time.perf_counter() - start
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
    return ready, first_cell


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    results = [one_run() for _ in range(runs)]
    for label, values in (("kernel_info_reply", [r[0] for r in results]), ("first cell result", [r[1] for r in results])):
        print(f"{label:>18}: median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f}, {runs} runs)")


if __name__ == "__main__":
    main()
