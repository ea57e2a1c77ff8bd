"""The library through the kernel: live training display, Stop via comm, completion and hover of nnlab objects."""
import time

from conftest import fit_setup, of_type, only

HISTORY_MIME = "application/vnd.nnlab.history+json"

SETUP = fit_setup(5)


def ok(reply):
    assert reply["content"]["status"] == "ok", reply["content"]


def test_fit_updates_its_display_while_it_runs(kernel):
    ok(kernel.execute(SETUP)[0])
    # A run of about 2 seconds, whatever the machine's speed.
    msg_id = kernel.send(
        "class TwoSeconds extends nn.callbacks.Callback {\n"
        "  started = Date.now();\n"
        "  override onEpochEnd() { if (Date.now() - this.started > 2000) model.stopTraining = true; }\n"
        "}\n"
        "const h = await model.fit(x, y, { epochs: 1000, batchSize: 8, verbose: 1, callbacks: [new TwoSeconds()] });"
    )
    # Updates must arrive while fit runs, not in a burst at the end: time them against the reply.
    arrivals = []
    while True:
        msg = kernel.client.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "update_display_data":
            arrivals.append(time.monotonic())
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            end = time.monotonic()
            break
    reply = kernel.reply(msg_id)
    ok(reply)
    before_end = [t for t in arrivals if end - t > 0.3]
    assert len(before_end) >= 3, f"{len(arrivals)} updates, {len(before_end)} more than 0.3 s before fit resolved"
    # At most one update per 200 ms between epoch ends: over ~2 s that is well under 100.
    assert len(arrivals) < 100


def test_stop_button_comm_stops_the_real_fit(kernel):
    ok(kernel.execute(SETUP)[0])
    msg_id = kernel.send("const h = await model.fit(x, y, { epochs: 1000, batchSize: 8, verbose: 1 });\nh.epoch.length")
    shown = kernel.wait_iopub(lambda m: m["msg_type"] == "display_data" and m["parent_header"].get("msg_id") == msg_id and HISTORY_MIME in m["content"]["data"])
    run_id = shown["content"]["data"][HISTORY_MIME]["runId"]
    kernel.wait_iopub(lambda m: m["msg_type"] == "update_display_data" and m["parent_header"].get("msg_id") == msg_id)
    kernel.send_shell("comm_open", {"comm_id": "stop1", "target_name": "nnlab.training", "data": {}})
    kernel.send_shell("comm_msg", {"comm_id": "stop1", "data": {"method": "stop", "runId": run_id}})
    answer = kernel.wait_iopub(lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == "stop1")
    assert answer["content"]["data"] == {"method": "stopped", "runId": run_id, "ok": True}
    results = kernel.collect(msg_id)
    reply, outputs = results[msg_id]
    ok(reply)
    epochs_run = int(only(outputs, "execute_result")["content"]["data"]["text/plain"])
    assert 1 <= epochs_run < 1000
    # The final state stays in the display: the last update says the run was stopped.
    final = of_type(outputs, "update_display_data")[-1]["content"]["data"][HISTORY_MIME]
    assert final["runId"] == run_id and final["status"] == "stopped"
    # The run is over: stopping it again is not ok; the model still predicts.
    kernel.send_shell("comm_msg", {"comm_id": "stop1", "data": {"method": "stop", "runId": run_id}})
    again = kernel.wait_iopub(lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == "stop1")
    assert again["content"]["data"]["ok"] is False
    reply, outputs = kernel.execute("model.predict(x).shape")
    assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "[ 512, 1 ]"}


def test_nnlab_objects_as_last_expression_carry_their_bundles(kernel):
    ok(kernel.execute(SETUP)[0])
    reply, outputs = kernel.execute("const h = await model.fit(x, y, { epochs: 2, batchSize: 64, verbose: 0 });\nh")
    ok(reply)
    data = only(outputs, "execute_result")["content"]["data"]
    assert isinstance(data[HISTORY_MIME], dict) and "text/html" in data and "text/plain" in data
    reply, outputs = kernel.execute("nn.tensor([[1, 2], [3, 4]])")
    text = only(outputs, "execute_result")["content"]["data"]["text/plain"]
    assert text.startswith("Tensor(shape=[2, 2], dtype=float32)")


def test_completion_and_hover_of_nnlab_objects(kernel):
    ok(kernel.execute(SETUP)[0])
    code = "model."
    reply = kernel.reply(kernel.client.complete(code, len(code)))["content"]
    assert {"fit", "predict", "summary", "compile", "evaluate"} <= set(reply["matches"])
    assert reply["cursor_start"] == len(code)
    code = "nn.layers.den"
    reply = kernel.reply(kernel.client.complete(code, len(code)))["content"]
    assert "dense" in reply["matches"]
    code = "model.fit"
    reply = kernel.reply(kernel.client.inspect(code, len(code)))["content"]
    assert reply["found"] is True
    text = reply["data"]["text/plain"]
    assert text.startswith("(method) Model.fit(")
    # The doc comment reads as written: a {@link X} stays inside its sentence.
    assert "{@link" not in text and "\n{" not in text
    doc = text.split("\n\n")[1]
    assert doc.startswith("Trains the model")
