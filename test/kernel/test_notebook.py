"""Whole notebooks through nbclient, as `jupyter nbconvert --execute` runs them."""
import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from conftest import TIMEOUT
from test_nnlab import MODEL_CELL, SUMMARY_MIME


def notebook(*sources):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "nnlab", "display_name": "TypeScript (nnlab)", "language": "typescript"}
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    return nb


def run(nb, cwd):
    NotebookClient(nb, timeout=TIMEOUT, startup_timeout=TIMEOUT, kernel_name="nnlab", resources={"metadata": {"path": str(cwd)}}).execute()
    return nb


def test_notebook_outputs(tmp_path):
    nb = run(notebook("1 + 2", 'console.log("hi")', MODEL_CELL), tmp_path)
    first, second, third = nb.cells
    assert first.execution_count == 1
    assert first.outputs[0].output_type == "execute_result"
    assert first.outputs[0].data["text/plain"] == "3"
    assert second.outputs[0].output_type == "stream" and second.outputs[0].text == "hi\n"
    [summary] = third.outputs
    assert summary.output_type == "display_data"
    assert isinstance(summary.data[SUMMARY_MIME], dict)
    assert {"text/html", "text/plain"} <= set(summary.data)


def test_error_cell_raises_cell_execution_error_with_message(tmp_path):
    nb = notebook("const a = 1;", 'throw new RangeError("out of range: 42")', "a")
    with pytest.raises(CellExecutionError) as info:
        run(nb, tmp_path)
    message = str(info.value)
    assert "RangeError" in message and "out of range: 42" in message
    error = nb.cells[1].outputs[0]
    assert error.output_type == "error" and error.ename == "RangeError"


def test_compile_error_message_names_the_position(tmp_path):
    with pytest.raises(CellExecutionError) as info:
        run(notebook('let s: string = 1;'), tmp_path)
    assert "CompileError" in str(info.value)
    assert "1:5 - Type 'number' is not assignable to type 'string'" in str(info.value)


def test_allow_errors_keeps_going(tmp_path):
    nb = notebook('throw new Error("x")', "1 + 1")
    NotebookClient(nb, timeout=TIMEOUT, startup_timeout=TIMEOUT, kernel_name="nnlab", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert nb.cells[1].outputs[0].data["text/plain"] == "2"
    assert nb.cells[1].execution_count == 2
