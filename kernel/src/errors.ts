import * as path from "path";
import { inspect } from "util";
import type { ErrorContent } from "./protocol";

/** A TypeScript diagnostic as tslab reports it: positions already relative to the cell. */
export interface CellDiagnostic {
  /** 1-based line in the cell (or in `file`). */
  line: number;
  /** 1-based column. */
  column: number;
  message: string;
  /** Set when the diagnostic is in another file of the notebook directory (path relative to it). */
  file?: string;
}

/** Stack frames below these directories are the kernel's machinery, not the user's code. */
const MACHINERY_DIRS = [
  path.dirname(require.resolve("tslab/package.json")) + path.sep,
  path.resolve(__dirname, "..") + path.sep,
];

function isMachineryFrame(frame: string): boolean {
  // Node's own modules (node:vm, node:internal/...) or tslab's and the kernel's files.
  return /[( ]node:/.test(frame) || MACHINERY_DIRS.some((dir) => frame.includes(dir));
}

/**
 * The stack frames of `stack` that belong to the user: cut at the first frame of tslab or the
 * kernel (everything below is how the cell was called). Frames in cells already read
 * `In[3]:line:column` in the cell's TypeScript (see cell-sources.ts).
 */
function userFrames(stack: string): string[] {
  const all = stack.split("\n").filter((line) => /^\s+at /.test(line));
  const end = all.findIndex(isMachineryFrame);
  return end < 0 ? all : all.slice(0, end);
}

/** Where a frame points into a cell, e.g. `In[3]:2:7`. */
const CELL_FRAME = /(In\[[^\]\s]+\]):(\d+):(\d+)/;

/** Reads a cell's line, to quote it under a traceback. */
export type CellLineReader = (cellName: string, line: number) => string | undefined;

/** `In[3], line 2:` and the line with a caret under the column, like IPython's "Cell In[3], line 2". */
function frameSnippet(frames: string[], readLine: CellLineReader | undefined): string[] {
  if (!readLine) return [];
  for (const frame of frames) {
    const m = CELL_FRAME.exec(frame);
    if (!m) continue;
    const [, cell, line, column] = m;
    const text = readLine(cell!, Number(line));
    if (text === undefined) return [];
    return [`${cell}, line ${line}:`, ...codeWithCaret(Number(line), Number(column), text)];
  }
  return [];
}

/** ename/evalue/traceback of something a cell threw. */
export function runtimeError(thrown: unknown, readLine?: CellLineReader): ErrorContent {
  if (thrown instanceof Error) {
    const ename = thrown.name || thrown.constructor?.name || "Error";
    const evalue = thrown.message;
    const header = evalue ? `${ename}: ${evalue}` : ename;
    const frames = userFrames(thrown.stack ?? "");
    return { ename, evalue, traceback: [header, ...frames, ...frameSnippet(frames, readLine)] };
  }
  // `throw "text"` or `throw 42`: like Node's "Uncaught 'text'".
  const evalue = inspect(thrown);
  return { ename: "Uncaught", evalue, traceback: [`Uncaught ${evalue}`] };
}

/** `1:7` or `lib.ts:1:7`. */
function location(d: CellDiagnostic): string {
  return `${d.file ? d.file + ":" : ""}${d.line}:${d.column}`;
}

/** The cell's line under the diagnostic with a caret at its column, like tsc's pretty output. */
function snippet(code: string, d: CellDiagnostic): string[] {
  const text = code.split(/\r?\n/)[d.line - 1];
  if (d.file !== undefined || text === undefined) return [];
  return codeWithCaret(d.line, d.column, text);
}

/** `  2 | text` and a caret under `column`, like tsc's pretty output. */
function codeWithCaret(line: number, column: number, text: string): string[] {
  const gutter = String(line);
  const pad = " ".repeat(gutter.length);
  return [`  ${gutter} | ${text}`, `  ${pad} | ${" ".repeat(Math.max(0, column - 1))}^`];
}

/**
 * A compile error of a cell. `evalue` holds the first diagnostic with its cell-relative
 * position (what nbclient and a one-line error view show); the traceback lists all of them with
 * the offending line. No temporary file names: tslab compiles the cell as `__tslab__.ts`.
 */
export function compileError(code: string, diagnostics: CellDiagnostic[]): ErrorContent {
  const [first] = diagnostics;
  if (first === undefined) {
    return { ename: "CompileError", evalue: "compilation failed", traceback: ["CompileError"] };
  }
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : "";
  const evalue = `${location(first)} - ${first.message}${more}`;
  const traceback = [`CompileError: ${diagnostics.length} TypeScript error(s) in the cell`];
  for (const d of diagnostics) {
    traceback.push(`${location(d)} - ${d.message}`, ...snippet(code, d));
  }
  return { ename: "CompileError", evalue, traceback };
}
