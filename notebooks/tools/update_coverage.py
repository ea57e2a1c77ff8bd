"""Refreshes the coverage table in notebooks/README.md from the notebooks on disk.

For each row: a notebook marked "(planned)" that now exists loses the mark; a placeholder
"Cell / heading" entry becomes the notebook's headings that name the section id (or its
title when none does); the Status column becomes written / partly planned / planned.
Run after adding notebooks:  .venv/bin/python notebooks/tools/update_coverage.py
"""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent.parent
README = HERE / "README.md"
LINK = re.compile(r"\[([^\]]+\.ipynb)\]\(([^)]+)\)( \(planned\))?")
PLACEHOLDER = "the cells Part 5 of the inventory plans for it"


def headings(path: pathlib.Path, section: str) -> list:
    """Markdown headings of a notebook that mention `section` (e.g. "S1§12"), else its title."""
    cells = json.loads(path.read_text())["cells"]
    found, title = [], None
    for cell in cells:
        if cell["cell_type"] != "markdown":
            continue
        for line in "".join(cell["source"]).splitlines():
            if line.startswith("#"):
                text = line.lstrip("#").strip()
                title = title or text
                if re.search(re.escape(section) + r"(?![0-9a-z])", text):
                    found.append(text)
    return found or ([title] if title else [])


def refresh_row(line: str) -> str:
    cols = line.split(" | ")
    if len(cols) < 5 or not line.startswith("| S"):
        return line
    section = cols[0].lstrip("| ").strip()
    notebooks = LINK.findall(cols[2])
    if not notebooks:
        return line
    missing = 0
    for name, href, planned in notebooks:
        exists = (HERE / href).exists()
        missing += not exists
        if planned and exists:
            cols[2] = cols[2].replace(f"[{name}]({href}) (planned)", f"[{name}]({href})")
    if PLACEHOLDER in cols[3]:
        parts = []
        for name, href, _ in notebooks:
            if (HERE / href).exists():
                parts.append(f"{name[:6]}: " + "; ".join(f'"{h}"' for h in headings(HERE / href, section)))
        if parts:
            cols[3] = "<br>".join(parts)
    status = "written" if missing == 0 else ("planned" if missing == len(notebooks) else "partly planned")
    cols[4] = re.sub(r"written|partly planned|planned", status, cols[4], count=1)
    return " | ".join(cols)


lines = README.read_text().split("\n")
README.write_text("\n".join(refresh_row(l) for l in lines))
print("planned rows left:", sum(1 for l in lines if l.startswith("| S") and "(planned)" in refresh_row(l)))
