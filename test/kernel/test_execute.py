"""execute_request basics: counts, execute_result, streams, self-displaying values."""
from conftest import of_type, only


def test_execute_result_and_counts(kernel):
    for count, (code, text) in enumerate([("1 + 1", "2"), ('"a" + "b"', "'ab'"), ("[1, 2]", "[ 1, 2 ]")], start=1):
        reply, outputs = kernel.execute(code)
        assert reply["content"]["status"] == "ok"
        assert reply["content"]["execution_count"] == count
        assert only(outputs, "execute_input")["content"] == {"code": code, "execution_count": count}
        result = only(outputs, "execute_result")["content"]
        assert result["execution_count"] == count
        assert result["data"] == {"text/plain": text}


def test_statement_without_value_has_no_result(kernel):
    reply, outputs = kernel.execute("const x = 3;")
    assert reply["content"]["status"] == "ok"
    assert of_type(outputs, "execute_result") == []
    reply, outputs = kernel.execute("x * 2")
    assert only(outputs, "execute_result")["content"]["data"]["text/plain"] == "6"


def test_stdout_is_a_stream_not_a_result(kernel):
    reply, outputs = kernel.execute('console.log("hello"); console.error("oops"); 7')
    streams = {m["content"]["name"]: m["content"]["text"] for m in of_type(outputs, "stream")}
    assert streams == {"stdout": "hello\n", "stderr": "oops\n"}
    assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "7"}


def test_top_level_await_value(kernel):
    reply, outputs = kernel.execute("await new Promise((r) => setTimeout(r, 50)); 5")
    assert reply["content"]["status"] == "ok"
    assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "5"}


def test_jupyter_display_protocol_value(kernel):
    code = """({
  [Symbol.for("Jupyter.display")]() {
    return { "text/plain": "plain", "text/html": "<b>rich</b>", "application/vnd.test+json": { a: [1, 2] } };
  },
})"""
    reply, outputs = kernel.execute(code)
    result = only(outputs, "execute_result")["content"]
    assert result["execution_count"] == reply["content"]["execution_count"] == 1
    assert result["data"] == {
        "text/plain": "plain",
        "text/html": "<b>rich</b>",
        "application/vnd.test+json": {"a": [1, 2]},
    }


def test_silent_request_leaves_no_trace(kernel):
    reply, outputs = kernel.execute("1 + 1", silent=True)
    assert reply["content"]["status"] == "ok"
    assert outputs == []
    reply, outputs = kernel.execute("2 + 2")
    assert reply["content"]["execution_count"] == 1


def test_display_function_in_cells(kernel):
    reply, outputs = kernel.execute(
        'display({ n: 1 });\n'
        'display({ "text/html": "<i>x</i>", "application/json": { k: 2 } }, { raw: true, displayId: "d1" });\n'
        'display({ "text/plain": "new" }, { raw: true, displayId: "d1", update: true });'
    )
    assert reply["content"]["status"] == "ok", reply["content"]
    shown = of_type(outputs, "display_data")
    assert [m["content"]["data"] for m in shown] == [
        {"text/plain": "{ n: 1 }"},
        {"text/html": "<i>x</i>", "application/json": {"k": 2}},
    ]
    assert shown[1]["content"]["transient"] == {"display_id": "d1"}
    update = only(outputs, "update_display_data")["content"]
    assert update["data"] == {"text/plain": "new"}
    assert update["transient"] == {"display_id": "d1"}


def test_shorthand_properties_see_earlier_cells(kernel):
    # tslab 1.0.22 does not rewrite `{ units }` to the earlier cell's export: "units is not defined".
    kernel.execute("const units = 3;\nfunction build(o: { units: number; rate?: number }) { return o.units * 10; }")
    reply, outputs = kernel.execute("({ units })")
    assert reply["content"]["status"] == "ok", reply["content"]
    assert only(outputs, "execute_result")["content"]["data"]["text/plain"] == "{ units: 3 }"
    reply, outputs = kernel.execute("const rate = 0.5;\nbuild({ units, rate })")
    assert only(outputs, "execute_result")["content"]["data"]["text/plain"] == "30"
    # Destructuring with defaults still works after the rewrite.
    reply, outputs = kernel.execute("let a = 0, b = 0;\n({ a, b = 7 } = { a: 1 });\n[a, b]")
    assert only(outputs, "execute_result")["content"]["data"]["text/plain"] == "[ 1, 7 ]"


def test_traceback_lines_unchanged_by_the_shorthand_rewrite(kernel):
    reply, outputs = kernel.execute("const n = 2;\nconst o = { n };\nthrow new Error(`boom ${o.n}`);")
    assert reply["content"]["status"] == "error"
    assert reply["content"]["traceback"][1] == "    at In[1]:3:7"
