/**
 * A small displayable table: the form of `classificationReport`, a search's `cvResults` and a
 * tuner's results. In the nnlab kernel it displays as an HTML table; on a console (and in a
 * notebook exported without the kernel's HTML) as aligned text. Cell text is user data (class
 * names, hyperparameter values): the HTML escapes it.
 */
import { escapeHtml, type MimeBundle } from "../../display/mime";
import { displayBundle, JUPYTER_DISPLAY } from "../../display/host";

/** One cell: a number (formatted by the table), a string, a boolean, or empty. */
export type Cell = number | string | boolean | null | undefined;

/** Options of {@link RichTable}. */
export interface RichTableOptions {
  /** Shown above the table. */
  title?: string;
  /** Digits after the decimal point for non-integer numbers (default 4). */
  digits?: number;
  /** Column names whose cells are left-aligned (text columns); others are right-aligned. */
  leftAligned?: readonly string[];
  /** Column names whose numbers always show `digits` decimals, whole ones too (scores: 1.00 beside 0.67). */
  fixedDecimals?: readonly string[];
}

/** A table of rows under named columns that displays itself. */
export class RichTable {
  /** Column names, in order. */
  readonly columns: string[];
  /** Row cells, one array per row, in column order. */
  readonly rows: Cell[][];
  /** Options given at construction. */
  readonly options: RichTableOptions;

  constructor(columns: string[], rows: Cell[][], options: RichTableOptions = {}) {
    this.columns = columns;
    this.rows = rows;
    this.options = options;
  }

  /**
   * A cell as text: integers as is (counts), other numbers with `digits` decimals, NaN as `nan`;
   * in a `fixedDecimals` column (given by name) every number gets `digits` decimals.
   */
  formatCell(v: Cell, column?: string): string {
    if (v === null || v === undefined) return "";
    if (typeof v === "number") {
      if (Number.isNaN(v)) return "nan";
      const fixed = column !== undefined && (this.options.fixedDecimals ?? []).includes(column);
      if (Number.isInteger(v) && !fixed) return String(v);
      return v.toFixed(this.options.digits ?? 4);
    }
    return String(v);
  }

  /** Aligned plain text: a header line, a rule, one line per row. */
  toString(): string {
    const cells = [this.columns, ...this.rows.map((r) => r.map((c, j) => this.formatCell(c, this.columns[j])))];
    const widths = this.columns.map((_, j) => Math.max(...cells.map((r) => (r[j] ?? "").length)));
    const left = new Set(this.options.leftAligned ?? []);
    const line = (r: string[]) =>
      r.map((c, j) => (left.has(this.columns[j]) ? (c ?? "").padEnd(widths[j]) : (c ?? "").padStart(widths[j]))).join("  ").trimEnd();
    const out = [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)];
    return (this.options.title ? `${this.options.title}\n` : "") + out.join("\n");
  }

  /** A static, escaped HTML table. */
  toHtml(): string {
    const left = new Set(this.options.leftAligned ?? []);
    const align = (j: number) => (left.has(this.columns[j]) ? "left" : "right");
    const head = this.columns.map((c, j) => `<th style="text-align:${align(j)}">${escapeHtml(c)}</th>`).join("");
    const body = this.rows
      .map((r) => `<tr>${r.map((c, j) => `<td style="text-align:${align(j)}">${escapeHtml(this.formatCell(c, this.columns[j]))}</td>`).join("")}</tr>`)
      .join("\n");
    const caption = this.options.title ? `<caption>${escapeHtml(this.options.title)}</caption>` : "";
    return `<table class="nnlab-table">${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
  }

  /** The MIME bundle: `text/html` and `text/plain`. */
  toBundle(): MimeBundle {
    return { "text/html": this.toHtml(), "text/plain": this.toString() };
  }

  /** Jupyter's display protocol: the kernel shows the HTML table. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return this.toBundle();
  }

  /** Shows the table now (HTML in the kernel, text on a console). */
  display(): void {
    displayBundle(this.toBundle());
  }
}
