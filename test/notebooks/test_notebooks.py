"""Every notebook runs headless without error; committed notebooks carry no outputs."""
import nbformat
import pytest

from conftest import notebook_paths


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_notebook_runs_without_error(path, executed):
    nb = executed(path)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, f"{path.name}: {errors[0]['ename']}: {errors[0]['evalue']}"


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_committed_notebook_is_stripped(path):
    nb = nbformat.read(path, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, f"{path.name}: cells {dirty} have outputs or execution counts; strip them before committing"
    assert nb.metadata.get("kernelspec", {}).get("name") == "nnlab", f"{path.name}: should use the nnlab kernel"


def test_there_are_notebooks():
    assert notebook_paths(), "notebooks/ has no .ipynb files"
