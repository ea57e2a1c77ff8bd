/**
 * Streams every epoch's logs to a CSV file (Keras 3's `CSVLogger`, same layout): the columns
 * are `epoch` then the log keys sorted, fixed at the first epoch (with `val_` columns added
 * when there is no validation, filled with "NA"); floats are written as Python writes them,
 * so files compare equal to Keras's. `append: true` continues an existing file without
 * repeating the header.
 */
import * as fs from "fs";
import * as path from "path";
import { Callback, type Logs } from "./callback";
import { pythonFloat } from "./python-format";

/** Options of {@link csvLogger}. */
export interface CSVLoggerArgs {
  /** Column separator (default ","). */
  separator?: string;
  /** Append to an existing file instead of overwriting it (default false). */
  append?: boolean;
}

/** A CSV field, quoted when it holds the separator, a quote or a line break (Python's csv, excel dialect). */
function field(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes one CSV row per epoch (Keras's `CSVLogger`); see {@link csvLogger}. */
export class CSVLogger extends Callback {
  /** Path of the CSV file written. */
  readonly filename: string;
  /** Column separator (default ","). */
  readonly separator: string;
  /** True to continue an existing file without repeating the header. */
  readonly append: boolean;
  private keys?: string[];
  private fd?: number;
  private writeHeader = true;

  constructor(filename: string, args: CSVLoggerArgs = {}) {
    super();
    if (typeof filename !== "string" || filename === "") throw new TypeError(`CSVLogger: filename must be a non-empty string, got ${JSON.stringify(filename)}`);
    const separator = args.separator ?? ",";
    if (typeof separator !== "string" || separator.length !== 1) throw new TypeError(`CSVLogger: separator must be one character, got ${JSON.stringify(separator)}`);
    this.filename = filename;
    this.separator = separator;
    this.append = args.append ?? false;
  }

  override onTrainBegin(): void {
    this.close();
    const dir = path.dirname(this.filename);
    if (!fs.existsSync(dir)) throw new Error(`CSVLogger: the folder ${dir} for ${this.filename} does not exist`);
    this.writeHeader = true;
    if (this.append && fs.existsSync(this.filename)) {
      const firstLine = fs.readFileSync(this.filename, "utf8").split("\n", 1)[0];
      this.writeHeader = firstLine.length === 0;
    }
    this.fd = fs.openSync(this.filename, this.append ? "a" : "w");
    this.keys = undefined;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    if (this.fd === undefined) return;
    if (!this.keys) {
      this.keys = Object.keys(logs).sort();
      if (this.keys.length > 0 && !this.keys.some((k) => k.startsWith("val_"))) this.keys.push(...this.keys.map((k) => `val_${k}`));
      if (this.writeHeader) this.writeRow(["epoch", ...this.keys]);
    }
    this.writeRow([String(epoch), ...this.keys.map((k) => (logs[k] === undefined ? "NA" : pythonFloat(logs[k])))]);
  }

  override onTrainEnd(): void {
    this.close();
  }

  private writeRow(cells: string[]): void {
    // Python's csv module ends rows with \r\n (excel dialect).
    fs.writeSync(this.fd!, cells.map((c) => field(c, this.separator)).join(this.separator) + "\r\n");
  }

  private close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

/** `nn.callbacks.csvLogger("training.csv", { separator: ",", append: false })` */
export function csvLogger(filename: string, args: CSVLoggerArgs = {}): CSVLogger {
  return new CSVLogger(filename, args);
}
