"""The XOR notebook's rich outputs: the summary bundle, and its static form in exported HTML."""
import pathlib
import re

from nbconvert import HTMLExporter

from conftest import NOTEBOOKS, ROOT

SUMMARY_MIME = "application/vnd.nnlab.summary+json"
XOR = NOTEBOOKS / "000-00-xor.ipynb"


def summary_output(nb):
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if SUMMARY_MIME in o.get("data", {})]
    assert len(outputs) == 1, f"expected one summary display, found {len(outputs)}"
    return outputs[0]


def test_summary_is_one_bundle_with_three_forms(executed):
    out = summary_output(executed(XOR))
    assert out.output_type == "display_data"
    assert set(out.data) == {SUMMARY_MIME, "text/html", "text/plain"}
    data = out.data[SUMMARY_MIME]
    assert isinstance(data, dict), "the JSON MIME type must travel as a JSON object, not a string"
    assert [(l["name"], l["params"]) for l in data["layers"]] == [("dense", 6), ("dense_1", 3)]
    assert data["totalParams"] == 9
    assert "Total params: 9 (36.00 B)" in out.data["text/plain"]


def test_truth_table_printed(executed):
    nb = executed(XOR)
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "stream")
    rows = re.findall(r"^ (\d)  (\d) \| [\d.]+\s+\| (\d)$", text, re.M)
    assert rows == [("0", "0", "0"), ("0", "1", "1"), ("1", "0", "1"), ("1", "1", "0")]


def test_exported_html_has_the_static_summary_table(executed):
    templates = ROOT / "jupyter-config" / "nbconvert" / "templates"
    exporter = HTMLExporter(template_name="nnlab-report", extra_template_basedirs=[str(templates)])
    body, _ = exporter.from_notebook_node(executed(XOR))
    out = ROOT / "test-artifacts" / "html" / "000-00-xor.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")
    table = re.search(r'<div class="nnlab-summary-static">.*?</table>', body, re.S)
    assert table, "the static summary table is missing from the exported HTML"
    rows = re.findall(r'<tr data-layer="([^"]+)".*?</tr>', table.group(0), re.S)
    assert rows == ["dense", "dense_1"]
    assert "Total params:</b> 9 (36.00 B)" in body
    # Self-contained: no script or stylesheet from the network (reports must open offline).
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', body), "the report loads something from the network"
