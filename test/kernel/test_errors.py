"""Errors: iopub `error` + error replies, no dropped requests, the kernel survives."""
import time

from conftest import of_type, only


def assert_error(reply, outputs, ename):
    content = reply["content"]
    assert content["status"] == "error"
    assert content["ename"] == ename
    error = only(outputs, "error")["content"]
    assert error == {k: content[k] for k in ("ename", "evalue", "traceback")}
    return content


def test_thrown_error(kernel):
    reply, outputs = kernel.execute('function f() {\n  throw new TypeError("boom");\n}\nf();')
    content = assert_error(reply, outputs, "TypeError")
    assert content["evalue"] == "boom"
    assert content["execution_count"] == 1
    # Positions are in the cell's TypeScript (V8's columns: `new` of the throw, `(` of the call),
    # followed by the line IPython-style.
    assert content["traceback"] == [
        "TypeError: boom",
        "    at f (In[1]:2:9)",
        "    at In[1]:4:2",
        "In[1], line 2:",
        '  2 |   throw new TypeError("boom");',
        "    |         ^",
    ]
    # tslab's and Node's internals are not the user's business.
    assert not any("tslab" in line or "node:" in line for line in content["traceback"])
    assert of_type(outputs, "execute_result") == []


def test_thrown_non_error_value(kernel):
    reply, outputs = kernel.execute('throw "plain string";')
    content = assert_error(reply, outputs, "Uncaught")
    assert content["evalue"] == "'plain string'"


def test_compile_error_is_cell_relative(kernel, tmp_path):
    reply, outputs = kernel.execute('const ok = 1;\nconst n: number = "text";')
    content = assert_error(reply, outputs, "CompileError")
    assert content["evalue"].startswith("2:7 - Type 'string' is not assignable to type 'number'")
    text = "\n".join(content["traceback"])
    assert 'const n: number = "text";' in text
    # No temporary or internal file names.
    assert "__tslab__" not in text and str(tmp_path) not in text


def test_next_request_right_after_an_error_runs(kernel):
    for _ in range(3):  # several times: tslab dropped requests within 200 ms of an error
        reply, outputs = kernel.execute('throw new Error("first")')
        assert reply["content"]["status"] == "error"
        reply, outputs = kernel.execute("40 + 2")
        assert reply["content"]["status"] == "ok"
        assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "42"}
    assert reply["content"]["execution_count"] == 6


def test_requests_queued_behind_a_failure_are_aborted_not_dropped(kernel):
    failing = kernel.send('await new Promise((r) => setTimeout(r, 500)); throw new Error("late")')
    queued = kernel.send("1 + 1")  # arrives while the first cell still runs
    results = kernel.collect(failing, queued)
    assert results[failing][0]["content"]["status"] == "error"
    reply, outputs = results[queued]
    assert reply["content"]["status"] == "aborted"
    assert of_type(outputs, "execute_result") == []
    # Sent after the error reply: runs.
    reply, outputs = kernel.execute("2 + 2")
    assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "4"}


def test_stop_on_error_false_keeps_the_queue(kernel):
    failing = kernel.send('await new Promise((r) => setTimeout(r, 300)); throw new Error("x")', stop_on_error=False)
    queued = kernel.send("1 + 1")
    results = kernel.collect(failing, queued)
    assert results[failing][0]["content"]["status"] == "error"
    assert results[queued][0]["content"]["status"] == "ok"
    assert only(results[queued][1], "execute_result")["content"]["data"] == {"text/plain": "2"}


def test_kernel_survives_errors_after_the_cell(kernel):
    reply, outputs = kernel.execute('setTimeout(() => { throw new Error("later") }, 10); Promise.reject(new Error("nobody waits"));')
    assert reply["content"]["status"] == "ok"
    time.sleep(0.5)
    reply, outputs = kernel.execute("3 * 3")
    assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "9"}
    assert kernel.manager.is_alive()


def test_interrupt_stops_a_busy_cell(kernel):
    msg_id = kernel.send('console.log("started"); while (true) {}')
    kernel.wait_for_stdout(msg_id, "started")  # the cell is type-checked before it runs
    kernel.manager.interrupt_kernel()
    reply = kernel.reply(msg_id)
    assert reply["content"]["status"] == "error"
    assert "interrupted" in reply["content"]["evalue"]
    reply, outputs = kernel.execute("1 + 2")
    assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "3"}


def test_interrupt_stops_a_pending_await(kernel):
    # "started" is printed from a timer: the cell is waiting in its top-level await.
    msg_id = kernel.send('setTimeout(() => console.log("started"), 200);\nawait new Promise(() => {})')
    kernel.wait_for_stdout(msg_id, "started")
    kernel.manager.interrupt_kernel()
    reply = kernel.reply(msg_id)
    assert reply["content"]["status"] == "error"
    assert "Interrupted" in reply["content"]["evalue"]
    reply, outputs = kernel.execute("1 + 3")
    assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "4"}
