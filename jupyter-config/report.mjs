#!/usr/bin/env node
// `npm run report`: executes notebooks headless with the nnlab kernel and writes one
// self-contained HTML report per notebook plus an index.
//   node jupyter-config/report.mjs                          every notebook in notebooks/ → reports/
//   node jupyter-config/report.mjs --out <dir> a.ipynb ...  just these notebooks → <dir>
// The index lists exactly the notebooks of this run. nbconvert (nbclient underneath) executes
// and converts; the rich outputs' static forms (text/html tables, inline SVG) are what the HTML
// shows.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root, venvBin, jupyterEnv } from "./env.mjs";

const USAGE = "usage: node jupyter-config/report.mjs [--out <dir>] [notebook.ipynb ...]";

/** Output folder and notebook paths (absolute) from the command line; exits with a message on bad input. */
function parseArgs(argv) {
  let out = path.join(root, "reports");
  const notebooks = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--out") {
      if (i + 1 >= argv.length) fail(`--out needs a folder. ${USAGE}`);
      out = path.resolve(argv[++i]);
    } else if (arg.startsWith("--out=")) {
      out = path.resolve(arg.slice("--out=".length));
    } else if (arg === "-h" || arg === "--help") {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith("-")) {
      fail(`unknown option ${arg}. ${USAGE}`);
    } else {
      notebooks.push(path.resolve(arg));
    }
  }
  if (notebooks.length === 0) {
    const dir = path.join(root, "notebooks");
    notebooks.push(...fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(dir, f)));
  }
  for (const nb of notebooks) {
    if (!nb.endsWith(".ipynb")) fail(`${nb} is not a notebook (expected a .ipynb file)`);
    if (!fs.existsSync(nb)) fail(`${nb} does not exist`);
  }
  // Each report is named after its notebook, so two notebooks of one name would overwrite each other.
  const seen = new Map();
  for (const nb of notebooks) {
    const name = path.basename(nb);
    if (seen.has(name)) fail(`two notebooks named ${name} (${seen.get(name)} and ${nb}): their reports would overwrite each other`);
    seen.set(name, nb);
  }
  return { out, notebooks };
}

function fail(message) {
  console.error(`[report] ${message}`);
  process.exit(2);
}

const escape = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** The first line of the notebook's first cell without its Markdown heading marks, or the file name. */
function notebookTitle(file) {
  const source = JSON.parse(fs.readFileSync(file, "utf8")).cells?.[0]?.source ?? "";
  const text = Array.isArray(source) ? source.join("") : String(source);
  return text.split("\n")[0].replace(/^#+\s*/, "").trim() || path.basename(file);
}

/** Executes and converts one notebook into `out`; returns its index entry. */
function report(file, out) {
  const t0 = Date.now();
  const r = spawnSync(
    venvBin("jupyter"),
    [
      "nbconvert", "--to", "html", "--execute", "--ExecutePreprocessor.timeout=300",
      // Our template: the lab look without CDN scripts, so reports open offline.
      `--TemplateExporter.extra_template_basedirs=${path.join(root, "jupyter-config", "nbconvert", "templates")}`,
      "--template", "nnlab-report",
      "--output-dir", out, file,
    ],
    // The notebook's own folder, as in JupyterLab: relative paths in it mean the same.
    { cwd: path.dirname(file), stdio: "inherit", env: jupyterEnv() },
  );
  const name = path.basename(file);
  return { name, html: name.replace(/\.ipynb$/, ".html"), title: notebookTitle(file), ok: r.status === 0, seconds: (Date.now() - t0) / 1000 };
}

/** The index page: one list item per notebook of the run, a link when its report was written. */
function indexHtml(entries) {
  const rows = entries
    .map((e) => `<li>${e.ok ? `<a href="${escape(e.html)}">${escape(e.title)}</a>` : `${escape(e.title)} — <b>failed</b>`} <small>(${escape(e.name)}, ${e.seconds.toFixed(1)} s)</small></li>`)
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>nnlab notebooks</title></head>
<body style="font-family:sans-serif;max-width:60em;margin:2em auto"><h1>nnlab notebooks</h1><ol>
${rows}
</ol></body></html>`;
}

const { out, notebooks } = parseArgs(process.argv.slice(2));
fs.mkdirSync(out, { recursive: true });
const entries = notebooks.map((file) => report(file, out));
// Written to a temporary name first so a reader never sees half an index.
fs.writeFileSync(path.join(out, "index.html.tmp"), indexHtml(entries));
fs.renameSync(path.join(out, "index.html.tmp"), path.join(out, "index.html"));
const failures = entries.filter((e) => !e.ok).length;
console.log(`[report] ${entries.length - failures}/${entries.length} notebooks → ${path.relative(process.cwd(), out) || "."}/index.html`);
process.exit(failures ? 1 : 0);
