/**
 * Explicit conversion between tables (arquero tables, or plain arrays of row objects) and
 * tensors. Only numeric columns convert: a text column must be encoded first (oneHotEncoder,
 * ordinalEncoder), so a category never silently turns into a number.
 */
import type * as aq from "arquero";
import { Tensor } from "../tensor/tensor";
import { getDefaultDType, assertDType, allocate, type DType } from "../tensor/dtype";
import { arquero } from "../util/lazy-modules";

/** A table {@link tableToTensor} accepts: an arquero table, or an array of row objects (`[{ a: 1, b: 2 }, …]`). */
export type TableLike = aq.internal.ColumnTable | readonly Record<string, unknown>[];

/** Options of {@link tableToTensor}. */
export interface TableToTensorOptions {
  /** Columns to take, in this order (default: every column, in the table's order). */
  columns?: readonly string[];
  /** dtype of the tensor (the default dtype, usually float32, when omitted). */
  dtype?: DType;
  /** Turn missing values (null, undefined, NaN) into NaN instead of refusing them, e.g. for simpleImputer. Default false. */
  allowMissing?: boolean;
}

const WHERE = "tableToTensor";
const OPTIONS = ["columns", "dtype", "allowMissing"];

function isArqueroTable(t: unknown): t is aq.internal.ColumnTable {
  return t !== null && typeof t === "object" && typeof (t as { columnNames?: unknown }).columnNames === "function" && typeof (t as { array?: unknown }).array === "function";
}

function describe(v: unknown): string {
  if (typeof v === "string") return `the string ${JSON.stringify(v)}`;
  if (v instanceof Date) return "a Date";
  if (Array.isArray(v)) return "an array";
  return `${v === null ? "null" : typeof v} ${String(v)}`;
}

/** One cell as a number: booleans as 0/1, missing values as NaN when allowed; anything else is an error naming the column and row. */
function cellValue(v: unknown, column: string, row: number, allowMissing: boolean): number {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) {
    if (allowMissing) return NaN;
    throw new RangeError(`${WHERE}: column "${column}" has a missing value (${v === undefined ? "undefined" : String(v)}) at row ${row}; fill it first (nn.preprocessing.simpleImputer) or pass { allowMissing: true } to get NaN`);
  }
  if (typeof v === "number") throw new RangeError(`${WHERE}: column "${column}" holds ${v} at row ${row}; only finite numbers convert`);
  throw new TypeError(`${WHERE}: column "${column}" is not numeric (row ${row} holds ${describe(v)}); encode it first with nn.preprocessing.oneHotEncoder or ordinalEncoder, or leave it out with { columns: [...] }`);
}

/** The table's column names and a reader of one column's values, for either kind of table. */
function columnsOf(table: TableLike): { names: string[]; rows: number; values: (name: string) => ArrayLike<unknown> } {
  if (isArqueroTable(table)) {
    return { names: table.columnNames(), rows: table.numRows(), values: (name) => table.array(name) as ArrayLike<unknown> };
  }
  if (!Array.isArray(table)) throw new TypeError(`${WHERE}: table must be an arquero table or an array of row objects, got ${table === null ? "null" : typeof table}`);
  const rows = table as readonly unknown[];
  rows.forEach((r, i) => {
    if (r === null || typeof r !== "object" || Array.isArray(r)) {
      throw new TypeError(`${WHERE}: row ${i} must be an object of column values ({ name: value }), got ${Array.isArray(r) ? "an array (use nn.tensor for nested number arrays)" : describe(r)}`);
    }
  });
  const records = rows as readonly Record<string, unknown>[];
  // Every key any row has, in order of first appearance; a row without one has a missing value there.
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return { names, rows: records.length, values: (name) => records.map((r) => r[name]) };
}

/**
 * A tensor `[rows, columns]` from the numeric columns of a table, e.g.
 * `tableToTensor(df, { columns: ["cgpa", "iq"] })`. Booleans become 0/1. A text column is an
 * error naming it (encode it with oneHotEncoder or ordinalEncoder first); missing values are
 * an error unless `allowMissing`.
 */
export function tableToTensor(table: TableLike, options: TableToTensorOptions = {}): Tensor {
  if (options === null || typeof options !== "object") throw new TypeError(`${WHERE}: options must be an object, got ${options === null ? "null" : typeof options}`);
  for (const key of Object.keys(options)) {
    if (!OPTIONS.includes(key)) throw new TypeError(`${WHERE}: unknown option "${key}"; valid options are ${OPTIONS.join(", ")}`);
  }
  const dtype = options.dtype ?? getDefaultDType();
  assertDType(dtype, WHERE);
  const source = columnsOf(table);
  const columns = options.columns ?? source.names;
  if (!Array.isArray(columns)) throw new TypeError(`${WHERE}: columns must be an array of column names, got ${typeof columns}`);
  if (columns.length === 0) throw new RangeError(`${WHERE}: no columns to convert (the table has none, or columns is empty)`);
  for (const c of columns) {
    if (!source.names.includes(c)) throw new RangeError(`${WHERE}: unknown column ${JSON.stringify(c)}; the table has ${source.names.map((n) => JSON.stringify(n)).join(", ") || "no columns"}`);
  }
  const data = allocate(dtype, source.rows * columns.length);
  columns.forEach((c, j) => {
    const values = source.values(c);
    for (let i = 0; i < source.rows; i++) data[i * columns.length + j] = cellValue(values[i], c, i, options.allowMissing ?? false);
  });
  return new Tensor(data, [source.rows, columns.length]);
}

/**
 * An arquero table from a tensor: a 2-D tensor `[rows, k]` gives k columns, a 1-D tensor one.
 * Column names default to `x0`, `x1`, … (scikit-learn's default feature names).
 */
export function tensorToTable(t: Tensor, columnNames?: readonly string[]): aq.internal.ColumnTable {
  if (!(t instanceof Tensor)) throw new TypeError(`tensorToTable: t must be a tensor, got ${Array.isArray(t) ? "an array (wrap it with nn.tensor)" : typeof t}`);
  if (t.rank !== 1 && t.rank !== 2) throw new RangeError(`tensorToTable: t must be 1-D or 2-D [rows, columns], got shape [${t.shape.join(", ")}]`);
  const rows = t.shape[0], k = t.rank === 2 ? t.shape[1] : 1;
  const names = columnNames ?? Array.from({ length: k }, (_, j) => `x${j}`);
  if (!Array.isArray(names) || names.some((n) => typeof n !== "string")) throw new TypeError("tensorToTable: columnNames must be an array of strings");
  if (names.length !== k) throw new RangeError(`tensorToTable: columnNames has ${names.length} names but the tensor of shape [${t.shape.join(", ")}] has ${k} columns`);
  const repeated = names.find((n, j) => names.indexOf(n) !== j);
  if (repeated !== undefined) throw new RangeError(`tensorToTable: column name ${JSON.stringify(repeated)} appears twice; names must be unique`);
  const columns: Record<string, number[]> = {};
  names.forEach((n, j) => {
    columns[n] = Array.from({ length: rows }, (_, i) => t.data[i * k + j]);
  });
  return arquero().table(columns);
}
