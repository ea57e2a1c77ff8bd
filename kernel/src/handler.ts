import * as tslabJupyter from "tslab/dist/jupyter";
import { JupyterHandlerImpl } from "tslab/dist/jupyter";
import type { CellOutput } from "./cell-output";
import type { CellRunner } from "./cell-runner";
import type { KernelDisplayHost } from "./display-host";
import { compileError, runtimeError } from "./errors";
import { ExecuteQueue } from "./execute-queue";
import { ExecutionHistory } from "./history";
import { bundleOf, toWireBundle } from "./mime-bundle";
import { formatQuickInfo, type QuickInfoLike } from "./quick-info";
import type { ErrorContent, ExecuteReply, ExecuteRequest } from "./protocol";
import { iopubWrite } from "./stdio";

type KernelInfo = ReturnType<JupyterHandlerImpl["handleKernel"]>;
type WriteDisplayData = Parameters<JupyterHandlerImpl["handleExecute"]>[2];

/** Versions shown in kernel_info. */
export interface KernelVersions {
  kernel: string;
  tslab: string;
  /** The TypeScript that type-checks cells (tslab's fork), not the one that built the kernel. */
  typescript: string;
}

/**
 * tslab's Jupyter handler with nnlab's execution semantics. Completion and is_complete are
 * tslab's, unchanged; inspection is tslab's with the doc comment printed readably.
 *
 * Overrides:
 * - `handleKernel`: reports the nnlab implementation and the real TypeScript version.
 * - `handleShutdown`: adds `status` and echoes `restart`.
 * - execution (`executeCell`, called by `NnlabServer`; tslab's `handleExecute` takes only
 *   stream/display writers, so it cannot send execute_input/execute_result/error):
 *   execution counts, the last value as execute_result, errors as `error` messages and
 *   error replies, and {@link ExecuteQueue}'s abort rule instead of tslab's 200 ms drop.
 */
export class NnlabHandler extends JupyterHandlerImpl {
  private executionCount = 0;
  /** Hidden runs (prelude, silent requests) get their own names in stack traces. */
  private hiddenCount = 0;
  private readonly queue = new ExecuteQueue();
  private prelude: string | undefined;
  private preludeStarted = false;
  /** Inputs and text results of counted executions, for history_request. */
  readonly history = new ExecutionHistory();

  constructor(
    private readonly runner: CellRunner,
    private readonly displayHost: KernelDisplayHost,
    private readonly versions: KernelVersions,
  ) {
    super(runner.executor, false);
  }

  // Replies carry `status` (the protocol requires it in every reply; tslab leaves it out).
  override handleKernel(): KernelInfo & { status: "ok" } {
    const tslabInfo = super.handleKernel();
    return {
      ...tslabInfo,
      status: "ok",
      implementation: "nnlab",
      implementation_version: this.versions.kernel,
      language_info: { ...tslabInfo.language_info, version: this.versions.typescript },
      banner:
        `nnlab kernel ${this.versions.kernel}: TypeScript ${this.versions.typescript} ` +
        `on tslab ${this.versions.tslab} and Node.js ${process.versions.node}`,
    };
  }

  /**
   * Runs the prelude (set by {@link setPrelude}) once, with no output: the kernel's own imports
   * into cell scope. Queued like a request so that the first cell sees its declarations.
   */
  async runPrelude(): Promise<void> {
    if (this.preludeStarted || this.prelude === undefined) return;
    this.preludeStarted = true;
    const code = this.prelude;
    const done = await this.queue.enqueue(() => this.runner.run(code, `In[hidden-${++this.hiddenCount}]`));
    if (!done.aborted && done.value.kind !== "ok") {
      console.error("nnlab kernel: the prelude failed:", JSON.stringify(done.value));
    }
  }

  /**
   * Sets the prelude, run by {@link runPrelude} — which the kernel calls once it has answered
   * kernel_info (building tslab's type checker takes seconds and blocks the process; done
   * before, it delayed kernel_info_reply) — or by the first execute_request, whichever is first.
   */
  setPrelude(code: string): void {
    this.prelude = code;
  }

  /**
   * Handles one execute_request: queues it, runs it, sends its outputs, returns the reply.
   * `onStart` is called when the request leaves the queue and starts running.
   */
  async executeCell(request: ExecuteRequest, out: CellOutput, onStart?: () => void): Promise<ExecuteReply> {
    void this.runPrelude(); // queued before this request, if it has not run yet
    const done = await this.queue.enqueue(() => {
      onStart?.();
      return this.execute(request, out);
    });
    return done.aborted ? { status: "aborted", execution_count: this.executionCount } : done.value;
  }

  private async execute(request: ExecuteRequest, out: CellOutput): Promise<ExecuteReply> {
    const silent = request.silent === true;
    // As in ipykernel: silent requests leave no trace (no count, no execute_input, no result).
    const storeHistory = !silent && request.store_history !== false;
    if (storeHistory) this.executionCount++;
    const count = this.executionCount;
    if (!silent) out.executeInput(request.code, count);
    if (storeHistory) this.history.addInput(count, request.code);
    this.directOutputTo(out);

    const name = storeHistory ? `In[${count}]` : `In[hidden-${++this.hiddenCount}]`;
    const error = await this.runAndSendResult(request.code, name, out, silent, storeHistory ? count : undefined);
    if (!error) return { status: "ok", execution_count: count, user_expressions: {}, payload: [] };
    if (!silent) out.error(error);
    if (request.stop_on_error !== false) this.queue.abortWaiting();
    return { status: "error", execution_count: count, ...error };
  }

  /** Runs the code; sends its value as execute_result. Returns the error if it failed. */
  private async runAndSendResult(
    code: string,
    name: string,
    out: CellOutput,
    silent: boolean,
    /** The execution count, when the execution is stored in the history. */
    count: number | undefined,
  ): Promise<ErrorContent | undefined> {
    const outcome = await this.runner.run(code, name);
    const readLine = this.runner.readLine;
    switch (outcome.kind) {
      case "compile-error":
        return compileError(code, outcome.diagnostics);
      case "runtime-error":
        return runtimeError(outcome.thrown, readLine);
      case "ok":
        for (const w of outcome.warnings) out.stream("stderr", `${w.file ? w.file + ":" : ""}${w.line}:${w.column} - ${w.message}\n`);
        if (!outcome.hasValue || silent) return undefined;
        try {
          const bundle = await bundleOf(outcome.value);
          out.executeResult(count ?? this.executionCount, bundle, {});
          if (count !== undefined && typeof bundle["text/plain"] === "string") this.history.addOutput(count, bundle["text/plain"]);
        } catch (thrown) {
          // The value's own Jupyter.display method failed: that is the cell's error.
          return runtimeError(thrown, readLine);
        }
        return undefined;
    }
  }

  /**
   * Points everything a cell can print at this request: stdout/stderr,
   * the nnlab display host, and tslab's own `display` API (`import { display } from "tslab"`),
   * which reads the module variable `lastWriteDisplayData` that tslab's handleExecute sets.
   */
  private directOutputTo(out: CellOutput): void {
    process.stdout.write = iopubWrite("stdout", out);
    process.stderr.write = iopubWrite("stderr", out);
    this.displayHost.target = out;
    const writeDisplayData: WriteDisplayData = (data, update) => {
      const displayId = data.transient?.display_id;
      const bundle = toWireBundle(data.data);
      if (update && displayId !== undefined) out.updateDisplayData(displayId, bundle, data.metadata);
      else out.displayData(bundle, data.metadata, displayId);
    };
    (tslabJupyter as { lastWriteDisplayData: WriteDisplayData }).lastWriteDisplayData = writeDisplayData;
  }

  /**
   * inspect_request: tslab's reply with the hover text formatted by {@link formatQuickInfo}
   * (tslab puts every part of a doc comment on its own line, so `{@link X}` splits sentences).
   */
  override handleInspect(req: { code: string; cursor_pos: number }): ReturnType<JupyterHandlerImpl["handleInspect"]> {
    const info = this.runner.executor.inspect(req.code, req.cursor_pos) as QuickInfoLike | undefined;
    if (!info) return { status: "ok", found: false, data: {}, metadata: {} };
    return { status: "ok", found: true, data: { "text/plain": formatQuickInfo(info) }, metadata: {} };
  }

  override handleShutdown(req: { restart: boolean }): { status: "ok"; restart: boolean } {
    return { status: "ok", restart: req.restart === true };
  }
}
