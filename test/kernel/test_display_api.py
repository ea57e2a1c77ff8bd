"""The display functions cells get: display.*, updateDisplay, clearOutput; values displaying themselves."""
from conftest import of_type, only


def ok(reply):
    assert reply["content"]["status"] == "ok", reply["content"]


def test_one_type_helpers(kernel):
    reply, outputs = kernel.execute(
        'display.html("<b>h</b>");\n'
        'display.markdown("# M");\n'
        'display.svg("<svg/>");\n'
        "display.png(new Uint8Array([137, 80, 78, 71]));\n"
        'display.json({ a: [1, { b: null }] });\n'
        'display.text("t");'
    )
    ok(reply)
    assert [m["content"]["data"] for m in of_type(outputs, "display_data")] == [
        {"text/html": "<b>h</b>"},
        {"text/markdown": "# M"},
        {"image/svg+xml": "<svg/>"},
        {"image/png": "iVBORw=="},
        {"application/json": {"a": [1, {"b": None}]}},
        {"text/plain": "t"},
    ]


def test_bundle_with_metadata_and_id_then_update_from_a_later_cell(kernel):
    reply, outputs = kernel.execute(
        'display.bundle({ "text/plain": "v1", "text/html": "<i>v1</i>", "application/vnd.x+json": { v: 1 } },\n'
        '  { metadata: { "text/html": { isolated: true } }, displayId: "status" });'
    )
    ok(reply)
    shown = only(outputs, "display_data")["content"]
    assert shown == {
        "data": {"text/plain": "v1", "text/html": "<i>v1</i>", "application/vnd.x+json": {"v": 1}},
        "metadata": {"text/html": {"isolated": True}},
        "transient": {"display_id": "status"},
    }
    reply, outputs = kernel.execute('updateDisplay("status", { "text/plain": "v2", "application/vnd.x+json": { v: 2 } });')
    ok(reply)
    updated = only(outputs, "update_display_data")["content"]
    assert updated == {"data": {"text/plain": "v2", "application/vnd.x+json": {"v": 2}}, "metadata": {}, "transient": {"display_id": "status"}}


def test_clear_output_with_and_without_wait(kernel):
    reply, outputs = kernel.execute('console.log("x");\nclearOutput();\nclearOutput({ wait: true });')
    ok(reply)
    assert [m["content"] for m in of_type(outputs, "clear_output")] == [{"wait": False}, {"wait": True}]


def test_bad_arguments_are_named(kernel):
    reply, _ = kernel.execute('updateDisplay("", { "text/plain": "x" })')
    assert reply["content"]["evalue"] == 'updateDisplay: displayId must be a non-empty string, got ""'
    reply, _ = kernel.execute('display.bundle([1, 2] as any)')
    assert reply["content"]["evalue"] == 'display.bundle: expected a MIME bundle object like { "text/plain": "..." }, got an array'
    reply, _ = kernel.execute('display("x", { update: true })')
    assert reply["content"]["evalue"] == "display(..., { update: true }) needs a displayId"


def test_display_output_of_a_timer_goes_to_the_cell_that_ran_last(kernel):
    reply, outputs = kernel.execute('setTimeout(() => display.text("late"), 300);\nawait new Promise((r) => setTimeout(r, 600));')
    ok(reply)
    assert only(outputs, "display_data")["content"]["data"] == {"text/plain": "late"}


def test_deno_style_object_as_last_expression_with_count(kernel):
    kernel.execute("1")
    reply, outputs = kernel.execute(
        "class Point { constructor(public x: number, public y: number) {}\n"
        '  [Symbol.for("Jupyter.display")]() { return { "text/plain": `P(${this.x}, ${this.y})`, "application/json": { x: this.x, y: this.y } }; } }\n'
        "new Point(1, 2)"
    )
    ok(reply)
    result = only(outputs, "execute_result")["content"]
    assert result == {"execution_count": 2, "data": {"text/plain": "P(1, 2)", "application/json": {"x": 1, "y": 2}}, "metadata": {}}


def test_async_self_display_and_failing_self_display(kernel):
    reply, outputs = kernel.execute('({ async [Symbol.for("Jupyter.display")]() { return { "text/markdown": "**async**" }; } })')
    ok(reply)
    data = only(outputs, "execute_result")["content"]["data"]
    assert data["text/markdown"] == "**async**" and "text/plain" in data
    reply, outputs = kernel.execute('({ [Symbol.for("Jupyter.display")]() { throw new RangeError("cannot show"); } })')
    assert reply["content"]["status"] == "error"
    assert (reply["content"]["ename"], reply["content"]["evalue"]) == ("RangeError", "cannot show")
