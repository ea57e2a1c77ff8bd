"""Executes every notebook once per test session (headless, nbclient, the nnlab kernel)."""
import pathlib

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
ARTIFACTS = ROOT / "test-artifacts" / "executed"


def notebook_paths():
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def execute(path: pathlib.Path):
    """Runs a notebook top to bottom on a fresh kernel; raises CellExecutionError on a failing cell."""
    nb = nbformat.read(path, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name", "nnlab")
    client = NotebookClient(nb, timeout=180, kernel_name=kernel, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, ARTIFACTS / path.name)
    return nb


@pytest.fixture(scope="session")
def executed():
    """Cache: notebook name → executed notebook (an exception instance if it failed)."""
    cache = {}

    def get(path: pathlib.Path):
        if path.name not in cache:
            try:
                cache[path.name] = execute(path)
            except Exception as error:  # kept so each test reports the notebook's own failure
                cache[path.name] = error
        result = cache[path.name]
        if isinstance(result, Exception):
            raise result
        return result

    return get
