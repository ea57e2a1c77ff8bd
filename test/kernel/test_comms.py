"""Comms: comm_open / comm_msg / comm_close / comm_info_request, and the nnlab.training stop target."""
import time

from conftest import of_type, only

COMMS = '(globalThis as any)[Symbol.for("nnlab.comms")]'


def comm_reply(kernel, comm_id, timeout=30):
    return kernel.wait_iopub(lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id, timeout)


def comm_info(kernel, **kwargs):
    return kernel.reply(kernel.client.comm_info(**kwargs))["content"]


def test_open_to_unknown_target_is_closed_by_the_kernel(kernel):
    kernel.execute("1")
    kernel.send_shell("comm_open", {"comm_id": "u1", "target_name": "no.such.target", "data": {}})
    closed = kernel.wait_iopub(lambda m: m["msg_type"] == "comm_close")
    assert closed["content"]["comm_id"] == "u1"
    assert comm_info(kernel) == {"status": "ok", "comms": {}}


def test_comm_info_lists_open_comms_by_target_and_forgets_closed_ones(kernel):
    kernel.execute("1")
    kernel.send_shell("comm_open", {"comm_id": "t1", "target_name": "nnlab.training", "data": {}})
    assert comm_info(kernel) == {"status": "ok", "comms": {"t1": {"target_name": "nnlab.training"}}}
    assert comm_info(kernel, target_name="other") == {"status": "ok", "comms": {}}
    assert comm_info(kernel, target_name="nnlab.training")["comms"] == {"t1": {"target_name": "nnlab.training"}}
    kernel.send_shell("comm_close", {"comm_id": "t1", "data": {}})
    assert comm_info(kernel) == {"status": "ok", "comms": {}}


def test_comm_messages_get_busy_and_idle_status(kernel):
    kernel.execute("1")
    msg_id = kernel.send_shell("comm_open", {"comm_id": "s1", "target_name": "nnlab.training", "data": {}})
    states = []
    while len(states) < 2:
        m = kernel.wait_iopub(lambda m: m["msg_type"] == "status" and m["parent_header"].get("msg_id") == msg_id)
        states.append(m["content"]["execution_state"])
    assert states == ["busy", "idle"]


def test_stop_unknown_run_answers_not_ok(kernel):
    kernel.execute("1")
    kernel.send_shell("comm_open", {"comm_id": "c1", "target_name": "nnlab.training", "data": {}})
    kernel.send_shell("comm_msg", {"comm_id": "c1", "data": {"method": "stop", "runId": "nope"}})
    assert comm_reply(kernel, "c1")["content"]["data"] == {"method": "stopped", "runId": "nope", "ok": False}
    kernel.send_shell("comm_msg", {"comm_id": "c1", "data": {"method": "pause"}})
    assert comm_reply(kernel, "c1")["content"]["data"] == {"method": "error", "error": 'unknown method "pause"; expected "stop"'}
    kernel.send_shell("comm_msg", {"comm_id": "c1", "data": {"method": "stop", "runId": 3}})
    assert comm_reply(kernel, "c1")["content"]["data"] == {"method": "error", "error": '"stop" needs a string runId, got 3'}


def test_stop_reaches_a_registry_while_a_cell_runs(kernel):
    # A run registered from a cell in the library's registry of running fits (as fit's live
    # display does); the cell waits until the kernel, receiving the comm message, has stopped it.
    cell = (
        'import * as nn from "nnlab";\n'
        "let stopped: string[] = [];\n"
        "const unregister = nn.display.trainingRuns().register('r1', () => stopped.push('r1'));\n"
        'console.log("waiting");\n'
        "while (stopped.length === 0) await new Promise((r) => setTimeout(r, 10));\n"
        "unregister();\n"
        "stopped"
    )
    msg_id = kernel.send(cell)
    kernel.wait_for_stdout(msg_id, "waiting")
    kernel.send_shell("comm_open", {"comm_id": "c2", "target_name": "nnlab.training", "data": {}})
    kernel.send_shell("comm_msg", {"comm_id": "c2", "data": {"method": "stop", "runId": "r1"}})
    answer = comm_reply(kernel, "c2")
    assert answer["content"]["data"] == {"method": "stopped", "runId": "r1", "ok": True}
    reply = kernel.reply(msg_id)
    assert reply["content"]["status"] == "ok"


def test_targets_registered_from_a_cell_and_kernel_opened_comms(kernel):
    reply, _ = kernel.execute(
        f"const comms = {COMMS};\n"
        'comms.registerTarget("echo", (comm: any, data: any) => {\n'
        '  comm.send({ opened: data });\n'
        '  comm.onMsg = (d: any) => comm.send({ echo: d });\n'
        '  comm.onClose = () => console.log("closed");\n'
        "});"
    )
    assert reply["content"]["status"] == "ok", reply["content"]
    kernel.send_shell("comm_open", {"comm_id": "e1", "target_name": "echo", "data": {"hello": 1}})
    assert comm_reply(kernel, "e1")["content"]["data"] == {"opened": {"hello": 1}}
    kernel.send_shell("comm_msg", {"comm_id": "e1", "data": {"x": [1, 2]}})
    assert comm_reply(kernel, "e1")["content"]["data"] == {"echo": {"x": [1, 2]}}
    kernel.send_shell("comm_close", {"comm_id": "e1", "data": {}})
    kernel.wait_iopub(lambda m: m["msg_type"] == "stream" and "closed" in m["content"]["text"])
    # The kernel opens a comm to a frontend target.
    reply, outputs = kernel.execute('const c = comms.open("jupyter.widget", { state: 1 });\nc.send({ n: 2 });\nc.close();')
    opened = only(outputs, "comm_open")["content"]
    assert opened["target_name"] == "jupyter.widget" and opened["data"] == {"state": 1}
    assert only(outputs, "comm_msg")["content"] == {"comm_id": opened["comm_id"], "data": {"n": 2}, "metadata": {}}
    assert only(outputs, "comm_close")["content"]["comm_id"] == opened["comm_id"]


def test_failing_comm_handler_does_not_harm_the_kernel(kernel):
    kernel.execute(f'{COMMS}.registerTarget("bad", (comm: any) => {{ comm.onMsg = () => {{ throw new Error("handler broke"); }}; }});')
    kernel.send_shell("comm_open", {"comm_id": "b1", "target_name": "bad", "data": {}})
    kernel.send_shell("comm_msg", {"comm_id": "b1", "data": {}})
    err = kernel.wait_iopub(lambda m: m["msg_type"] == "stream" and "handler broke" in m["content"]["text"])
    assert 'comm target "bad"' in err["content"]["text"]
    reply, outputs = kernel.execute("2 + 2")
    assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "4"}
