import type * as VmModule from "vm";
import { SourceAlignment, type Position, type ScannerApi } from "./source-align";

/** Node's vm module object itself (an `import * as` binding would be a read-only copy). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vm = require("vm") as { -readonly [K in keyof typeof VmModule]: (typeof VmModule)[K] };

/** What tslab's executor puts before a cell's JavaScript (executor.js, tslab 1.0.22). */
const TSLAB_CELL_PREFIXES = ["(function(exports, require) { ", "(async function(exports, require) { "];

/** Matches a cell position in a stack frame: `In[3]:12:5`. */
const CELL_POSITION = /(In\[[^\]\s]+\]):(\d+):(\d+)/;

interface CellSource {
  code: string;
  js?: string;
  alignment?: SourceAlignment;
}

/**
 * Gives every cell's compiled JavaScript a file name (`In[3]`, IPython's name for cell 3) and
 * rewrites stack traces so frames in cells show the line and column in the TypeScript the user
 * wrote — for the kernel's tracebacks and for `err.stack` read by user code alike.
 *
 * tslab runs a cell with `vm.runInThisContext(code, { breakOnSigint: true })` and no file name,
 * so every cell was `evalmachine.<anonymous>` at a position in generated JavaScript. The kernel
 * wraps `vm.runInThisContext` (a writable property of Node's vm module that tslab reads at call
 * time) to add the file name of the cell announced by {@link expect}, and installs
 * `Error.prepareStackTrace`, which maps positions with a {@link SourceAlignment}.
 */
export class CellSources {
  private readonly cells = new Map<string, CellSource>();
  private expected: string | undefined;

  constructor(private readonly scanner: ScannerApi) {}

  /** Installs the vm wrapper and the stack trace formatter. */
  install(): void {
    const run = vm.runInThisContext;
    const sources = this;
    vm.runInThisContext = function runInThisContext(code: string, options?: VmModule.RunningScriptOptions | string) {
      const name = sources.expected;
      if (name !== undefined && typeof options === "object" && options.breakOnSigint && TSLAB_CELL_PREFIXES.some((p) => code.startsWith(p))) {
        sources.expected = undefined;
        const cell = sources.cells.get(name);
        if (cell) cell.js = code;
        return run.call(vm, code, { ...options, filename: name });
      }
      return run.call(vm, code, options as VmModule.RunningScriptOptions);
    } as typeof VmModule.runInThisContext;

    const previous = Error.prepareStackTrace;
    Error.prepareStackTrace = (error: Error, sites: NodeJS.CallSite[]): string => {
      const stack = previous ? String(previous(error, sites)) : defaultStack(error, sites);
      return this.mapStack(stack);
    };
  }

  /** Announces the next cell tslab will run: its file name in stack traces and its TypeScript. */
  expect(name: string, code: string): void {
    this.expected = name;
    this.cells.set(name, { code });
  }

  /** The cell's TypeScript line `line` (1-based), if the cell is known. */
  line(name: string, line: number): string | undefined {
    return this.cells.get(name)?.code.split(/\r?\n/)[line - 1];
  }

  /** The position in the cell's TypeScript of (line, column) in its JavaScript. */
  toCell(name: string, line: number, column: number): Position | undefined {
    const cell = this.cells.get(name);
    if (!cell?.js) return undefined;
    cell.alignment ??= new SourceAlignment(this.scanner, cell.js, cell.code);
    return cell.alignment.toCell(line, column);
  }

  /** Rewrites the cell positions of a stack; frames of module glue with no cell position are dropped. */
  mapStack(stack: string): string {
    if (!stack.includes("In[")) return stack;
    const lines = stack.split("\n");
    const out: string[] = [];
    for (const line of lines) {
      const m = /^\s+at /.test(line) ? CELL_POSITION.exec(line) : null;
      if (!m) {
        out.push(line);
        continue;
      }
      const pos = this.toCell(m[1]!, Number(m[2]), Number(m[3]));
      if (!pos) continue;
      // tslab calls functions of earlier cells through its exports proxy: V8 names them `Proxy.f`.
      out.push(line.replace(CELL_POSITION, `${m[1]}:${pos.line}:${pos.column}`).replace(/^(\s+at )Proxy\./, "$1"));
    }
    return out.join("\n");
  }
}

/** V8's own format: `Name: message` and one `    at …` line per frame. */
function defaultStack(error: Error, sites: NodeJS.CallSite[]): string {
  let header: string;
  try {
    header = Error.prototype.toString.call(error);
  } catch {
    header = "<error>";
  }
  return header + sites.map((s) => `\n    at ${String(s)}`).join("");
}
