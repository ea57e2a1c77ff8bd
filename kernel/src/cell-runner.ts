import { createExecutor, type ConsoleInterface, type ConverterSet, type Executor } from "tslab/dist/executor";
import type { CellDiagnostic } from "./errors";

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

/**
 * Runs cells with tslab's executor (its converter, type checker and evaluation in this
 * process) and turns the executor's printed reports into a structured {@link CellOutcome}.
 */
export class CellRunner {
  private readonly recorder = new OutcomeRecorder();
  readonly executor: Executor;

  constructor(rootDir: string, converters: ConverterSet) {
    this.executor = createExecutor(rootDir, converters, this.recorder);
  }

  async run(code: string): Promise<CellOutcome> {
    const recorder = this.recorder;
    recorder.reset();
    let ok: boolean;
    try {
      ok = await this.executor.execute(code);
    } catch (thrown) {
      // The executor catches the cell's errors itself; this is a failure of tslab's converter.
      return { kind: "runtime-error", thrown };
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
