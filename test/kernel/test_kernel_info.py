"""kernel_info and comm_info replies, clean shutdown."""
from conftest import Kernel


def test_kernel_info(kernel):
    msg_id = kernel.client.kernel_info()
    reply = kernel.reply(msg_id)
    assert reply["header"]["msg_type"] == "kernel_info_reply"
    content = reply["content"]
    assert content["status"] == "ok"
    assert content["implementation"] == "nnlab"
    assert content["protocol_version"].startswith("5.")
    info = content["language_info"]
    assert info["name"] == "typescript"
    assert info["file_extension"] == ".ts"
    assert info["version"]  # the TypeScript that checks cells


def test_comm_info_reply(kernel):
    msg_id = kernel.client.comm_info()
    reply = kernel.reply(msg_id)
    assert reply["header"]["msg_type"] == "comm_info_reply"
    assert reply["content"] == {"status": "ok", "comms": {}}


def test_shutdown_request_ends_the_process(tmp_path):
    k = Kernel(tmp_path)
    k.client.stop_channels()
    # now=False sends shutdown_request and waits for the process to exit by itself.
    k.manager.shutdown_kernel(now=False)
    assert not k.manager.is_alive()
