#!/usr/bin/env node
// `npm run report`: executes every notebook headless with the nnlab kernel and writes one
// self-contained HTML report per notebook plus an index to reports/.
// nbconvert (nbclient underneath) executes and converts; the rich outputs' static forms
// (text/html tables, inline SVG) are what the HTML shows.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root, venvBin, jupyterEnv } from "./env.mjs";

const notebooksDir = path.join(root, "notebooks");
const reportsDir = path.join(root, "reports");
fs.mkdirSync(reportsDir, { recursive: true });

const escape = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const notebooks = fs.readdirSync(notebooksDir).filter((f) => f.endsWith(".ipynb")).sort();
const entries = [];
let failures = 0;
for (const name of notebooks) {
  const t0 = Date.now();
  const r = spawnSync(
    venvBin("jupyter"),
    [
      "nbconvert", "--to", "html", "--execute", "--ExecutePreprocessor.timeout=300",
      // Our template: the lab look without CDN scripts, so reports open offline.
      `--TemplateExporter.extra_template_basedirs=${path.join(root, "jupyter-config", "nbconvert", "templates")}`,
      "--template", "nnlab-report",
      "--output-dir", reportsDir, path.join(notebooksDir, name),
    ],
    { cwd: notebooksDir, stdio: "inherit", env: jupyterEnv() },
  );
  const ok = r.status === 0;
  if (!ok) failures++;
  const title = JSON.parse(fs.readFileSync(path.join(notebooksDir, name), "utf8")).cells[0]?.source?.toString().split("\n")[0].replace(/^#+\s*/, "") || name;
  entries.push({ name, html: name.replace(/\.ipynb$/, ".html"), title, ok, seconds: (Date.now() - t0) / 1000 });
}

const rows = entries
  .map((e) => `<li>${e.ok ? `<a href="${escape(e.html)}">${escape(e.title)}</a>` : `${escape(e.title)} — <b>failed</b>`} <small>(${escape(e.name)}, ${e.seconds.toFixed(1)} s)</small></li>`)
  .join("\n");
const index = `<!doctype html><html><head><meta charset="utf-8"><title>nnlab notebooks</title></head>
<body style="font-family:sans-serif;max-width:60em;margin:2em auto"><h1>nnlab notebooks</h1><ol>
${rows}
</ol></body></html>`;
fs.writeFileSync(path.join(reportsDir, "index.html.tmp"), index);
fs.renameSync(path.join(reportsDir, "index.html.tmp"), path.join(reportsDir, "index.html"));
console.log(`[report] ${entries.length - failures}/${entries.length} notebooks → ${path.relative(root, reportsDir)}/index.html`);
process.exit(failures ? 1 : 0);
