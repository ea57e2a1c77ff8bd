#!/usr/bin/env python3
"""PyTorch CPU as a peer of the nnlab benchmark: one workload in its own process.

    python bench/torch_peer.py <workload id> <data dir>

Driven by bench/run.mjs with the same protocol as bench/child.mjs: commands as JSON lines on
stdin, replies as JSON lines on file descriptor 3 ("ready" / "rep" / "finish", or "unsupported" /
"failed" with a reason). The data are the bytes the runner wrote (<data dir>/<id>.json and
<id>.<name>.f32), so PyTorch trains on exactly what nnlab and TensorFlow.js train on; the task's
sizes and settings come from the same manifest.

Matching the JavaScript libraries:
- one thread (torch.set_num_threads(1), one inter-op thread; the runner also sets
  OMP_NUM_THREADS=1 and MKL_NUM_THREADS=1);
- Keras's initializers (Glorot-uniform kernels, zero biases; the LSTM's recurrent kernel
  orthogonal and forget-gate bias 1);
- Adam with the same learning rate, betas and epsilon (1e-7, Keras's, instead of torch's 1e-8);
- one repetition = one epoch: a fresh random permutation of the samples, then full batches, each
  forward → loss → backward → step, and the epoch loss is the mean of the batch losses (as
  Keras's fit reports it);
- softmax + categorical cross-entropy is F.cross_entropy on logits with probability targets: the
  same function, computed the way PyTorch users write it;
- the CNN is channels-first inside PyTorch (NCHW, its native layout); with one input channel the
  channels-last bytes are already in that order.
"""
import json
import os
import resource
import sys
import time


def reply(message):
    os.write(3, (json.dumps(message) + "\n").encode())


try:
    import torch
    import torch.nn as tnn
    import torch.nn.functional as F
except ImportError as error:  # the runner checks first; this is for a direct call
    reply({"type": "unsupported", "reason": f"torch not importable: {error}"})
    sys.exit(0)

torch.set_num_threads(1)
torch.set_num_interop_threads(1)


def read_data(data_dir, workload_id):
    with open(os.path.join(data_dir, f"{workload_id}.json")) as f:
        manifest = json.load(f)
    arrays = {}
    for name, length in manifest["arrays"].items():
        with open(os.path.join(data_dir, f"{workload_id}.{name}.f32"), "rb") as f:
            raw = bytearray(f.read())
        if len(raw) != 4 * length:
            raise ValueError(f"bench data {workload_id}.{name}: {len(raw)} bytes, expected {4 * length}")
        arrays[name] = torch.frombuffer(raw, dtype=torch.float32)
    return manifest["task"], arrays


def keras_init(module):
    """Keras's defaults: Glorot-uniform kernels, zero biases (torch's defaults differ).

    Meant for `model.apply`, which visits every submodule and then the container itself: only a
    module's own parameters are set (recurse=False), or the container's visit would draw them
    again and reset the LSTM's forget-gate bias to 0 (it did, and the peer then learned slower).
    """
    for name, p in module.named_parameters(recurse=False):
        if "bias" in name:
            tnn.init.zeros_(p)
        elif "weight_hh" in name:
            # Keras's LSTM recurrent kernel is orthogonal, per gate block as a whole matrix.
            tnn.init.orthogonal_(p)
        else:
            tnn.init.xavier_uniform_(p)
    if isinstance(module, tnn.LSTM):
        units = module.hidden_size
        with torch.no_grad():
            module.bias_ih_l0[units:2 * units] = 1.0  # Keras's unit_forget_bias (gate order i, f, g, o)


def adam(params, task):
    a = task["adam"]
    return torch.optim.Adam(params, lr=a["learningRate"], betas=(a["beta1"], a["beta2"]), eps=a["epsilon"])


def epoch_rep(model, loss_fn, x, y, task):
    """One epoch like Keras's fit(shuffle=True): returns samples/s and the mean batch loss."""
    optimizer = adam(model.parameters(), task)

    def rep():
        samples, batch = task["samples"], task["batchSize"]
        start = time.perf_counter()
        model.train()
        order = torch.randperm(samples)
        losses = []
        for i in range(0, samples, batch):
            idx = order[i:i + batch]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        seconds = time.perf_counter() - start
        return {"value": samples / seconds, "seconds": seconds, "loss": sum(losses) / len(losses)}

    return rep


class LastStep(tnn.Module):
    """LSTM → its last time step's output → Dense(1), like Keras's LSTM(return_sequences=False)."""

    def __init__(self, features, units):
        super().__init__()
        self.lstm = tnn.LSTM(features, units, batch_first=True)
        self.dense = tnn.Linear(units, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.dense(out[:, -1, :])


def mlp_model(task):
    model = tnn.Sequential(tnn.Linear(task["features"], task["hidden"]), tnn.ReLU(), tnn.Linear(task["hidden"], task["classes"]))
    model.apply(keras_init)
    return model


def median(xs):
    s = sorted(xs)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def repeat_for(fn, min_seconds, min_calls):
    times = []
    start = time.perf_counter()
    while len(times) < min_calls or time.perf_counter() - start < min_seconds:
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times, time.perf_counter() - start


def set_up(workload_id, task, data):
    torch.manual_seed(task.get("seed", 0))
    if workload_id == "mlp":
        x = data["x"].view(task["samples"], task["features"])
        y = data["y"].view(task["samples"], task["classes"])
        return epoch_rep(mlp_model(task), F.cross_entropy, x, y, task)
    if workload_id == "mlpInfer":
        model = mlp_model(task).eval()
        x = data["x"].view(1, task["features"])

        def predict_once():
            with torch.inference_mode():
                out = model(x).softmax(dim=1)
            if out.numel() != task["classes"]:
                raise RuntimeError(f"torch predict gave {out.numel()} values")
            out.tolist()  # read back, as the JavaScript peers do

        def rep():
            times, _ = repeat_for(predict_once, task["minSeconds"], task["minCalls"])
            return {"value": median(times) * 1000, "calls": len(times)}

        return rep
    if workload_id == "cnn":
        side, classes = task["side"], task["classes"]
        model = tnn.Sequential(
            tnn.Conv2d(1, 8, 3), tnn.ReLU(), tnn.MaxPool2d(2),
            tnn.Conv2d(8, 16, 3), tnn.ReLU(), tnn.MaxPool2d(2),
            # Channels-first flatten (C·H·W) instead of Keras's H·W·C: the same dense layer, its
            # weight rows permuted; the cost is identical.
            tnn.Flatten(), tnn.Linear(16 * 5 * 5, classes),
        )
        model.apply(keras_init)
        x = data["x"].view(task["samples"], 1, side, side)
        y = data["y"].view(task["samples"], classes)
        return epoch_rep(model, F.cross_entropy, x, y, task)
    if workload_id == "lstm":
        model = LastStep(task["features"], task["units"])
        model.apply(keras_init)
        x = data["x"].view(task["samples"], task["steps"], task["features"])
        y = data["y"].view(task["samples"], 1)
        return epoch_rep(model, F.mse_loss, x, y, task)
    if workload_id.startswith("matmul"):
        n = task["n"]
        a = data["a"].view(n, n)
        b = data["b"].view(n, n)

        def product_once():
            out = torch.mm(a, b)
            if out.shape != (n, n):
                raise RuntimeError(f"torch.mm gave shape {tuple(out.shape)}")

        def rep():
            times, seconds = repeat_for(product_once, task["minSeconds"], task["minCalls"])
            return {"value": len(times) * 2 * n ** 3 / seconds / 1e9, "calls": len(times)}

        return rep
    raise ValueError(f"torch_peer: unknown workload {workload_id}")


def main():
    workload_id, data_dir = sys.argv[1], sys.argv[2]
    try:
        task, data = read_data(data_dir, workload_id)
        rep = set_up(workload_id, task, data)
        reply({
            "type": "ready",
            "version": torch.__version__,
            "backend": {"name": "cpu", "threads": torch.get_num_threads(), "interopThreads": torch.get_num_interop_threads(),
                        "simd": torch.backends.cpu.get_cpu_capability()},
        })
    except Exception as error:  # reported, not raised: the runner records the reason
        reply({"type": "failed", "reason": f"{type(error).__name__}: {error}"})
        return
    for line in sys.stdin:
        cmd = json.loads(line)["cmd"]
        if cmd == "rep":
            try:
                reply({"type": "rep", **rep()})
            except Exception as error:
                reply({"type": "failed", "reason": f"{type(error).__name__}: {error}"})
        elif cmd == "finish":
            # ru_maxrss is in KiB on Linux: the peak resident set of this process.
            reply({"type": "finish", "peakRSSMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
            return
        else:
            reply({"type": "failed", "reason": f"torch_peer: unknown command {cmd}"})


if __name__ == "__main__":
    main()
