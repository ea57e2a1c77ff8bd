"""The DisplayHost the kernel registers for the library: full bundles, JSON as JSON."""
from conftest import only

HOST = '(globalThis as any)[Symbol.for("nnlab.displayHost")]'


def test_display_host_sends_multi_mime_bundle(kernel):
    reply, outputs = kernel.execute(
        f"const host = {HOST};\n"
        'host.display({ "text/plain": "t", "text/html": "<b>h</b>", "application/vnd.nnlab.test+json": { a: 1, b: [true, null] } },\n'
        '  { metadata: { "text/html": { isolated: true } } });'
    )
    assert reply["content"]["status"] == "ok", reply["content"]
    content = only(outputs, "display_data")["content"]
    assert content["data"] == {
        "text/plain": "t",
        "text/html": "<b>h</b>",
        "application/vnd.nnlab.test+json": {"a": 1, "b": [True, None]},
    }
    assert content["metadata"] == {"text/html": {"isolated": True}}


def test_application_json_given_as_string_arrives_as_object(kernel):
    reply, outputs = kernel.execute(f'{HOST}.display({{ "application/json": JSON.stringify({{ x: 1 }}), "text/plain": "x" }});')
    assert only(outputs, "display_data")["content"]["data"]["application/json"] == {"x": 1}


def test_update_and_clear_output(kernel):
    reply, outputs = kernel.execute(
        f"const host = {HOST};\n"
        'host.display({ "text/plain": "v1" }, { displayId: "progress" });\n'
        'host.update("progress", { "text/plain": "v2", "application/json": { step: 2 } });\n'
        "host.clearOutput(true);"
    )
    assert reply["content"]["status"] == "ok", reply["content"]
    shown = only(outputs, "display_data")["content"]
    assert shown["transient"] == {"display_id": "progress"}
    updated = only(outputs, "update_display_data")["content"]
    assert updated["transient"] == {"display_id": "progress"}
    assert updated["data"] == {"text/plain": "v2", "application/json": {"step": 2}}
    assert only(outputs, "clear_output")["content"] == {"wait": True}


def test_binary_data_is_base64(kernel):
    reply, outputs = kernel.execute(f'{HOST}.display({{ "image/png": new Uint8Array([137, 80, 78, 71]), "text/plain": "img" }});')
    assert only(outputs, "display_data")["content"]["data"]["image/png"] == "iVBORw=="
