"""`import ... from "nnlab"` from any notebook directory, and the library's rich displays."""
from conftest import of_type, only

SUMMARY_MIME = "application/vnd.nnlab.summary+json"

MODEL_CELL = """import * as nn from "nnlab";
const model = nn.sequential([nn.layers.dense({ units: 2, activation: "sigmoid", inputShape: [2] }), nn.layers.dense({ units: 1, activation: "sigmoid" })]);
model.summary();"""


def ok(reply):
    assert reply["content"]["status"] == "ok", reply["content"]


def test_import_nnlab_from_a_temp_dir(kernel, tmp_path):
    # The kernel runs in tmp_path (no node_modules anywhere above it).
    assert not any((d / "node_modules").exists() for d in [tmp_path, *tmp_path.parents])
    reply, outputs = kernel.execute('import * as nn from "nnlab";\ntypeof nn.sequential')
    ok(reply)
    assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "'function'"}
    reply, outputs = kernel.execute('import { sequential } from "nnlab";\ntypeof sequential')
    ok(reply)
    assert only(outputs, "execute_result")["content"]["data"] == {"text/plain": "'function'"}


def test_nnlab_types_are_checked(kernel):
    # The library's declarations reach tslab's type checker: misuse is a compile error.
    reply, outputs = kernel.execute('import { sequential } from "nnlab";\nconst n: number = sequential;')
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "CompileError"
    assert reply["content"]["evalue"].startswith("2:7 - Type ")
    assert "is not assignable to type 'number'" in reply["content"]["evalue"]


def test_model_summary_is_one_rich_display(kernel):
    reply, outputs = kernel.execute(MODEL_CELL)
    ok(reply)
    display = only(outputs, "display_data")["content"]
    data = display["data"]
    assert isinstance(data[SUMMARY_MIME], dict)
    assert isinstance(data["text/html"], str) and "<" in data["text/html"]
    assert isinstance(data["text/plain"], str) and data["text/plain"]
    summary = data[SUMMARY_MIME]
    assert summary["totalParams"] == 2 * 2 + 2 + 2 * 1 + 1
    assert len(summary["layers"]) == 2
    # summary() returns nothing: no execute_result, no text printed instead.
    assert of_type(outputs, "execute_result") == []
    assert of_type(outputs, "stream") == []


def test_model_as_last_expression_displays_itself(kernel):
    ok(kernel.execute(MODEL_CELL)[0])
    reply, outputs = kernel.execute("model")
    data = only(outputs, "execute_result")["content"]["data"]
    assert isinstance(data[SUMMARY_MIME], dict)
    assert "text/html" in data and "text/plain" in data
