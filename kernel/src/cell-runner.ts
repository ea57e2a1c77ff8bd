import { createExecutor, type ConsoleInterface, type ConverterSet, type Executor } from "tslab/dist/executor";
import type { CellSources } from "./cell-sources";
import type { CellDiagnostic, CellLineReader } from "./errors";

/** What running one cell produced. */
export type CellOutcome =
  /** `value` is the cell's last expression when it has one that is not null/undefined. */
  | { kind: "ok"; hasValue: boolean; value?: unknown; warnings: CellDiagnostic[] }
  | { kind: "compile-error"; diagnostics: CellDiagnostic[] }
  | { kind: "runtime-error"; thrown: unknown };

/**
 * The format string tslab 1.0.22's executor passes to `console.error` for each TypeScript
 * diagnostic, followed by (file prefix, line, column, message). Anything else it passes to
 * `console.error` is a thrown value.
 */
const DIAGNOSTIC_FORMAT = "%s%d:%d - %s";

/**
 * Records what tslab's executor reports through the console it is given, instead of printing:
 * the executor (pinned tslab 1.0.22) reports the cell's last value with `log(value)`,
 * diagnostics and thrown errors with `error(...)`, and returns only a boolean.
 */
class OutcomeRecorder implements ConsoleInterface {
  hasValue = false;
  value: unknown = undefined;
  diagnostics: CellDiagnostic[] = [];
  thrown: unknown[] = [];

  reset(): void {
    this.hasValue = false;
    this.value = undefined;
    this.diagnostics = [];
    this.thrown = [];
  }

  log(value?: unknown): void {
    this.hasValue = true;
    this.value = value;
  }

  error(first?: unknown, ...rest: unknown[]): void {
    if (first === DIAGNOSTIC_FORMAT && rest.length === 4) {
      const [filePrefix, line, column, message] = rest;
      const file = String(filePrefix).trim();
      this.diagnostics.push({
        line: Number(line),
        column: Number(column),
        message: String(message),
        ...(file ? { file } : {}),
      });
      return;
    }
    this.thrown.push(first);
  }
}

/** Told when a cell's top-level await is pending (the SIGINT guard may then stop stuck user code). */
export interface AwaitTracker {
  setAwaiting(awaiting: boolean): void;
}

/**
 * Runs cells with tslab's executor (its converter, type checker and evaluation in this
 * process) and turns the executor's printed reports into a structured {@link CellOutcome}.
 */
export class CellRunner {
  private readonly recorder = new OutcomeRecorder();
  readonly executor: Executor;

  /** Reads a line of a cell that ran, by its name (`In[3]`), to quote it in tracebacks. */
  readonly readLine: CellLineReader;

  constructor(
    rootDir: string,
    converters: ConverterSet,
    private readonly sources: CellSources,
    private readonly awaiting?: AwaitTracker,
    /** Rewrites a cell before tslab compiles it (shorthand properties, see shorthand.ts). */
    private readonly rewrite: (code: string) => string = (code) => code,
  ) {
    this.executor = createExecutor(rootDir, converters, this.recorder);
    this.readLine = (cell, line) => sources.line(cell, line);
  }

  /** Runs `code` as the cell `name` (its file name in stack traces, e.g. `In[3]`). */
  async run(code: string, name: string): Promise<CellOutcome> {
    const recorder = this.recorder;
    recorder.reset();
    this.sources.expect(name, code);
    let ok: boolean;
    try {
      // execute() compiles the cell and runs its synchronous part before it returns; what is
      // left is the cell's top-level await, run from the event loop.
      const rest = this.executor.execute(this.rewrite(code));
      this.awaiting?.setAwaiting(true);
      ok = await rest;
    } catch (thrown) {
      // The executor catches the cell's errors itself; this is a failure of tslab's converter.
      return { kind: "runtime-error", thrown };
    } finally {
      this.awaiting?.setAwaiting(false);
    }
    if (ok) {
      // Module cells (`//%module: name`) succeed even with diagnostics: pass them on as warnings.
      return { kind: "ok", hasValue: recorder.hasValue, value: recorder.value, warnings: recorder.diagnostics };
    }
    if (recorder.thrown.length > 0) return { kind: "runtime-error", thrown: recorder.thrown[0] };
    return { kind: "compile-error", diagnostics: recorder.diagnostics };
  }

  /** Rejects the running cell's pending top-level await (SIGINT handler). */
  interrupt(): void {
    this.executor.interrupt();
  }
}
