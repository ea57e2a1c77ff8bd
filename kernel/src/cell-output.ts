import type { ErrorContent, WireBundle, WireMetadata } from "./protocol";

/**
 * Everything a running cell can send to the frontend, as iopub messages whose parent is the
 * cell's `execute_request`. One instance per request; the kernel keeps the last one as the
 * target of output produced after a cell finished (timers, promises), as IPython does.
 */
export interface CellOutput {
  stream(name: "stdout" | "stderr", text: string): void;
  executeInput(code: string, executionCount: number): void;
  executeResult(executionCount: number, data: WireBundle, metadata: WireMetadata): void;
  error(error: ErrorContent): void;
  displayData(data: WireBundle, metadata: WireMetadata, displayId?: string): void;
  updateDisplayData(displayId: string, data: WireBundle, metadata: WireMetadata): void;
  clearOutput(wait: boolean): void;
}

/** Sends one iopub message (type and content) with the request as parent. */
export type IopubPublisher = (msgType: string, content: object) => void;

/** {@link CellOutput} over an iopub publisher: builds the message contents of the protocol. */
export class IopubCellOutput implements CellOutput {
  constructor(private readonly publish: IopubPublisher) {}

  stream(name: "stdout" | "stderr", text: string): void {
    this.publish("stream", { name, text });
  }

  executeInput(code: string, executionCount: number): void {
    this.publish("execute_input", { code, execution_count: executionCount });
  }

  executeResult(executionCount: number, data: WireBundle, metadata: WireMetadata): void {
    this.publish("execute_result", { execution_count: executionCount, data, metadata });
  }

  error(error: ErrorContent): void {
    this.publish("error", error);
  }

  displayData(data: WireBundle, metadata: WireMetadata, displayId?: string): void {
    // `transient` is not saved in the notebook; display_id lets later updates find the output.
    const transient = displayId === undefined ? {} : { display_id: displayId };
    this.publish("display_data", { data, metadata, transient });
  }

  updateDisplayData(displayId: string, data: WireBundle, metadata: WireMetadata): void {
    this.publish("update_display_data", { data, metadata, transient: { display_id: displayId } });
  }

  clearOutput(wait: boolean): void {
    this.publish("clear_output", { wait });
  }
}
