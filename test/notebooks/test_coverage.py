"""notebooks/README.md maps every section of every seed to the notebook that covers it.

The section ids come from the seed inventory (Part 1 of `../shared/spec/seed-inventory.md`): the
`### S<k>§<n>` headings, the `#### §14a`-style sub-parts (S1§14) and the `* **§2a …**` sub-items
(S4§2). Every id must be the first cell of a row of the README's coverage table, and every
notebook a row names must exist unless the row marks it "(planned)".
"""
import pathlib
import re
import warnings

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
INVENTORY = ROOT.parent / "shared" / "spec" / "seed-inventory.md"
README = ROOT / "notebooks" / "README.md"
NOTEBOOK = re.compile(r"\[(\d{3}-\d{2}-[a-z0-9-]+\.ipynb)\]\([^)]*\)( \(planned\))?")


def inventory_section_ids(text: str) -> list[str]:
    """Section ids of Part 1 in order, sub-parts included (S1§14a, S4§2b, …)."""
    part1 = text.split("\n# PART 2", 1)[0]
    ids, seed = [], None
    for line in part1.splitlines():
        heading = re.match(r"^### (S\d)§(\d+)\b", line)
        if heading:
            seed = heading.group(1)
            ids.append(f"{seed}§{heading.group(2)}")
            continue
        sub = re.match(r"^#### §(\d+[a-z])\b", line) or re.match(r"^\* \*\*§(\d+[a-z])\b", line)
        if sub and seed:
            ids.append(f"{seed}§{sub.group(1)}")
    return ids


def readme_rows() -> dict[str, str]:
    """Coverage-table rows of the README by section id (the first cell)."""
    rows = {}
    for line in README.read_text(encoding="utf8").splitlines():
        match = re.match(r"^\| (S\d§\d+[a-z]?) \|", line)
        if match:
            assert match.group(1) not in rows, f"README.md: section {match.group(1)} has two rows"
            rows[match.group(1)] = line
    return rows


@pytest.fixture(scope="module")
def section_ids():
    if not INVENTORY.exists():
        pytest.skip(f"the seed inventory is not at {INVENTORY}")
    ids = inventory_section_ids(INVENTORY.read_text(encoding="utf8"))
    # The inventory's own totals: S0 10, S1 53 + 5 sub-parts, S2 19, S3 12, S4 20 + 14 sub-items.
    assert len(ids) == 133, f"expected 133 section ids in the inventory, parsed {len(ids)}: the heading format changed?"
    return ids


def test_parser_reads_headings_and_sub_parts():
    text = "### S1§14 Synthetic\n#### §14a SMOTE (L1)\n### S4§2 DNN\n* **§2b MLP** (L20)\n# PART 2\n### S9§1 ignored"
    assert inventory_section_ids(text) == ["S1§14", "S1§14a", "S4§2", "S4§2b"]


def test_every_inventory_section_has_a_row(section_ids):
    rows = readme_rows()
    missing = [s for s in section_ids if s not in rows]
    assert not missing, f"notebooks/README.md has no coverage row for {len(missing)} section(s): {', '.join(missing)}"
    unknown = [s for s in rows if s not in section_ids]
    assert not unknown, f"notebooks/README.md has rows for ids the inventory does not list: {', '.join(unknown)}"


def test_every_row_names_a_notebook_or_a_reason(section_ids):
    for sid, row in readme_rows().items():
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) == 5, f"README.md row {sid}: expected 5 cells (section, title, notebook, cell, status), got {len(cells)}"
        if not NOTEBOOK.search(cells[2]):
            assert cells[4] == "none needed" and len(cells[3]) > 20, f"README.md row {sid}: no notebook, so it needs status 'none needed' and a reason"


def test_named_notebooks_exist_unless_planned(section_ids):
    planned, missing = set(), []
    for sid, row in readme_rows().items():
        for name, is_planned in NOTEBOOK.findall(row):
            if is_planned:
                planned.add(name)
            elif not (ROOT / "notebooks" / name).exists():
                missing.append(f"{sid}: {name}")
    assert not missing, "README.md names notebooks that do not exist (mark them '(planned)'): " + "; ".join(missing)
    if planned:
        warnings.warn(f"{len(planned)} notebook(s) in notebooks/README.md are still planned: {', '.join(sorted(planned))}")
    print(f"{len(planned)} planned notebook(s) in the coverage table")


def test_index_links_every_notebook():
    import nbformat

    index = nbformat.read(ROOT / "notebooks" / "index.ipynb", as_version=4)
    text = "\n".join(c.source for c in index.cells if c.cell_type == "markdown")
    linked = set(re.findall(r"\]\((\d{3}-\d{2}-[a-z0-9-]+\.ipynb)\)", text))
    existing = {p.name for p in (ROOT / "notebooks").glob("[0-9][0-9][0-9]-[0-9][0-9]-*.ipynb")}
    assert not existing - linked, f"index.ipynb does not link: {', '.join(sorted(existing - linked))}"
