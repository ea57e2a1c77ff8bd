/**
 * The data files nnlab ships (`src/data/files/`, copied to `dist/data/files/` by the build),
 * read synchronously and parsed once per process.
 *
 * This module imports only Node's own modules, so it can be compiled and loaded on its own;
 * the tests use that to check the built layout (`dist/data/<this>.js` next to `dist/data/files/`).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

/** Where the shipped files live: a `files` folder next to this module, both in `src/data/` (ts-jest) and `dist/data/` (build). */
export const SHIPPED_FILES_DIR = path.join(__dirname, "files");

/** A numeric CSV file: its header and its values, row-major, as float64. */
export interface NumericCsv {
  /** Column names, from the header line. */
  columns: string[];
  /** Number of data rows. */
  rows: number;
  /** Values, row-major (`rows × columns.length`). Shared by every caller: copy before changing. */
  values: Float64Array;
}

/** What `datasets.json` records about one shipped dataset (written by test/fixtures/sklearn/datasets.py). */
export interface ShippedDatasetInfo {
  /** File name in the files folder (`.csv` or `.csv.gz`). */
  file: string;
  /** Number of samples. */
  nSamples: number;
  /** Names of the feature columns, in order. */
  featureNames: string[];
  /** Class names by class index; null for regression targets. */
  targetNames: string[] | null;
  /** Where the data comes from. */
  source: string;
  /** scikit-learn's description of the dataset (reStructuredText). */
  description: string;
}

/** Parsed files by full path: each file is read and parsed once per process. */
const parsedFiles = new Map<string, unknown>();

function once<T>(file: string, dir: string, parse: (p: string) => T): T {
  const key = path.join(dir, file);
  if (!parsedFiles.has(key)) parsedFiles.set(key, parse(shippedPath(file, dir)));
  return parsedFiles.get(key) as T;
}

function shippedPath(file: string, dir: string): string {
  const p = path.join(dir, file);
  if (!fs.existsSync(p)) {
    throw new Error(`nn.datasets: the shipped data file ${file} is missing from ${dir}; the package is incomplete (a build must copy src/data/files to dist/data/files: run \`npm run build -w nnlab\`)`);
  }
  return p;
}

/** The metadata of every shipped dataset, keyed by loader name (`iris`, `digits`, `breastCancer`, `wine`, `diabetes`). */
export function shippedDatasets(dir: string = SHIPPED_FILES_DIR): Record<string, ShippedDatasetInfo> {
  return once("datasets.json", dir, (p) => JSON.parse(fs.readFileSync(p, "utf8")) as Record<string, ShippedDatasetInfo>);
}

/**
 * A shipped numeric CSV file (gunzipped when it ends in `.gz`), parsed on first use and then
 * served from memory, so later loads cost only the copy into tensors.
 */
export function readShippedCsv(file: string, dir: string = SHIPPED_FILES_DIR): NumericCsv {
  return once(file, dir, (p) => {
    let bytes = fs.readFileSync(p);
    if (file.endsWith(".gz")) bytes = zlib.gunzipSync(bytes);
    return parseNumericCsv(bytes.toString("utf8"), file);
  });
}

/** Parses CSV text whose first line names the columns and whose other lines hold only numbers (no quoting). */
export function parseNumericCsv(text: string, file: string): NumericCsv {
  const lines = text.split("\n").filter((l) => l.length > 0);
  if (lines.length === 0) throw new RangeError(`nn.datasets: ${file} is empty`);
  const columns = lines[0].split(",");
  const rows = lines.length - 1;
  const values = new Float64Array(rows * columns.length);
  for (let r = 0; r < rows; r++) {
    const cells = lines[r + 1].split(",");
    if (cells.length !== columns.length) throw new RangeError(`nn.datasets: ${file} line ${r + 2} has ${cells.length} values, expected ${columns.length}`);
    for (let c = 0; c < cells.length; c++) {
      const v = Number(cells[c]);
      if (cells[c] === "" || Number.isNaN(v)) throw new RangeError(`nn.datasets: ${file} line ${r + 2}, column "${columns[c]}" holds ${JSON.stringify(cells[c])}, not a number`);
      values[r * columns.length + c] = v;
    }
  }
  return { columns, rows, values };
}
