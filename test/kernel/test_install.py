"""`nnlab-kernel install`: the kernelspec written by Node, with absolute paths and logos."""
import json
import os
import shutil
import struct
import subprocess
from pathlib import Path

from conftest import REPO

CLI = REPO / "kernel" / "bin" / "nnlab-kernel"
NODE = shutil.which("node")


def install(*args, env=None):
    return subprocess.run([NODE, str(CLI), "install", *args], capture_output=True, text=True, env=env, timeout=60)


def png_size(path: Path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def check_kernelspec(kernel_dir: Path):
    spec = json.loads((kernel_dir / "kernel.json").read_text())
    assert spec["display_name"] == "TypeScript (nnlab)"
    assert spec["language"] == "typescript"
    assert spec["interrupt_mode"] == "signal"
    node, entry, *rest = spec["argv"]
    assert os.path.isabs(node) and os.access(node, os.X_OK)
    assert os.path.isabs(entry) and Path(entry).resolve() == CLI.resolve()
    assert rest == ["kernel", "--config-path", "{connection_file}"]
    assert png_size(kernel_dir / "logo-32x32.png") == (32, 32)
    assert png_size(kernel_dir / "logo-64x64.png") == (64, 64)


def test_install_prefix(tmp_path):
    result = install("--prefix", str(tmp_path / "env"))
    assert result.returncode == 0, result.stderr
    check_kernelspec(tmp_path / "env" / "share" / "jupyter" / "kernels" / "nnlab")


def test_install_relative_prefix_is_made_absolute(tmp_path):
    result = subprocess.run([NODE, str(CLI), "install", "--prefix", "rel"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    check_kernelspec(tmp_path / "rel" / "share" / "jupyter" / "kernels" / "nnlab")


def test_install_user(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("JUPYTER_DATA_DIR", "XDG_DATA_HOME")}
    env["HOME"] = str(tmp_path)
    result = install("--user", env=env)
    assert result.returncode == 0, result.stderr
    check_kernelspec(tmp_path / ".local" / "share" / "jupyter" / "kernels" / "nnlab")


def test_install_sys_prefix_uses_the_active_venv(tmp_path):
    env = dict(os.environ, VIRTUAL_ENV=str(tmp_path / "venv"))
    result = install("--sys-prefix", env=env)
    assert result.returncode == 0, result.stderr
    check_kernelspec(tmp_path / "venv" / "share" / "jupyter" / "kernels" / "nnlab")


def test_install_sys_prefix_without_venv_fails(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    result = install("--sys-prefix", env=env)
    assert result.returncode != 0
    assert "VIRTUAL_ENV" in result.stderr


def test_install_rejects_two_targets(tmp_path):
    result = install("--user", "--prefix", str(tmp_path))
    assert result.returncode == 2
    assert "choose one" in result.stderr
