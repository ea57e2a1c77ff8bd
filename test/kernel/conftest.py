"""Fixtures for the nnlab kernel tests: real kernels started through jupyter_client.

The kernelspec "nnlab" must be installed where jupyter_client finds it (setup installs it into
.venv with `node kernel/bin/nnlab-kernel install --prefix .venv`).
"""
import time
from pathlib import Path

import pytest
from jupyter_client import KernelManager

REPO = Path(__file__).resolve().parents[2]
# Generous: the first cell of a kernel builds tslab's TypeScript program (~1-3 s on a quiet
# machine, much more on a loaded CI runner).
TIMEOUT = 120


class Kernel:
    """A running nnlab kernel and a client, with helpers that collect a request's messages."""

    def __init__(self, cwd: Path):
        self.manager = KernelManager(kernel_name="nnlab")
        self.manager.start_kernel(cwd=str(cwd))
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=TIMEOUT)

    def send(self, code: str, **options) -> str:
        """Sends an execute_request without waiting; returns its msg_id."""
        return self.client.execute(code, **options)

    def collect(self, *msg_ids: str, timeout: float = TIMEOUT):
        """Waits for the replies of msg_ids and their iopub output up to `idle`.

        Returns {msg_id: (reply, [iopub messages other than status])}.
        """
        deadline = time.monotonic() + timeout
        replies = {}
        while len(replies) < len(msg_ids):
            msg = self.client.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            parent = msg["parent_header"].get("msg_id")
            if parent in msg_ids:
                replies[parent] = msg
        outputs = {msg_id: [] for msg_id in msg_ids}
        busy = set(msg_ids)
        while busy:
            msg = self.client.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            parent = msg["parent_header"].get("msg_id")
            if parent not in outputs:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    busy.discard(parent)
            else:
                outputs[parent].append(msg)
        return {msg_id: (replies[msg_id], outputs[msg_id]) for msg_id in msg_ids}

    def wait_for_stdout(self, msg_id: str, text: str, timeout: float = TIMEOUT):
        """Waits until the request msg_id has printed `text` (its other iopub messages are dropped)."""
        deadline = time.monotonic() + timeout
        while True:
            msg = self.client.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream" and text in msg["content"]["text"]:
                return

    def reply(self, msg_id: str, timeout: float = TIMEOUT):
        """The shell reply to msg_id (skipping replies to earlier requests, e.g. wait_for_ready's)."""
        deadline = time.monotonic() + timeout
        while True:
            msg = self.client.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def send_shell(self, msg_type: str, content: dict) -> str:
        """Sends any shell message (e.g. comm_open, comm_msg); returns its msg_id."""
        msg = self.client.session.msg(msg_type, content)
        self.client.shell_channel.send(msg)
        return msg["header"]["msg_id"]

    def wait_iopub(self, predicate, timeout: float = TIMEOUT):
        """The first iopub message for which predicate(msg) is true (earlier ones are dropped)."""
        deadline = time.monotonic() + timeout
        while True:
            msg = self.client.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if predicate(msg):
                return msg

    def execute(self, code: str, **options):
        """Runs code; returns (reply, iopub messages)."""
        msg_id = self.send(code, **options)
        return self.collect(msg_id)[msg_id]

    def shutdown(self):
        try:
            self.client.stop_channels()
            self.manager.shutdown_kernel(now=False)
        finally:
            if self.manager.is_alive():
                self.manager.shutdown_kernel(now=True)


def fit_setup(seed: int, samples: int = 512, units: int = 64) -> str:
    """A cell that makes a seeded 2-feature binary problem (`x`, `y`) and a compiled `model`."""
    return f"""import * as nn from "nnlab";
nn.setSeed({seed});
const x = nn.tensor(Array.from({{ length: {samples} }}, (_, i) => [Math.sin(i), Math.cos(i)]));
const y = nn.tensor(Array.from({{ length: {samples} }}, (_, i) => [Math.sin(i) * Math.cos(i) > 0 ? 1 : 0]));
const model = nn.sequential([nn.layers.dense({{ units: {units}, activation: "relu", inputShape: [2] }}), nn.layers.dense({{ units: 1, activation: "sigmoid" }})]);
model.compile({{ optimizer: "sgd", loss: "binaryCrossentropy" }});"""


def of_type(messages, msg_type):
    return [m for m in messages if m["msg_type"] == msg_type]


def only(messages, msg_type):
    """The single message of msg_type (fails if there are none or several)."""
    found = of_type(messages, msg_type)
    assert len(found) == 1, f"expected one {msg_type}, got {[m['msg_type'] for m in messages]}"
    return found[0]


@pytest.fixture
def kernel(tmp_path):
    """A fresh kernel whose working directory (the notebook's directory) is a temp dir."""
    k = Kernel(tmp_path)
    yield k
    k.shutdown()
