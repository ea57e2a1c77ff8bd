import type { CellOutput } from "./cell-output";
import { toWireBundle } from "./mime-bundle";
import type { WireMetadata } from "./protocol";

/*
 * The kernel side of the library's display contract. The types and the symbol come from the
 * library itself (src/display/host.ts), so kernel and library cannot drift apart; test/kernel
 * checks the contract end to end with `model.summary()`.
 */
import { DISPLAY_HOST, type DisplayHost, type DisplayOptions } from "nnlab/dist/display/host";
import type { MimeBundle } from "nnlab/dist/display/mime";

export { DISPLAY_HOST, type DisplayHost, type DisplayOptions, type MimeBundle };

/**
 * Sends displays to the cell that runs now — or, after it finished, to the last cell that
 * ran (output of timers and promises lands where IPython would put it).
 */
export class KernelDisplayHost implements DisplayHost {
  /** Set by the kernel when a cell starts. */
  target: CellOutput | undefined;

  display(bundle: MimeBundle, options: DisplayOptions = {}): void {
    this.output().displayData(toWireBundle(bundle), metadataOf(options), options.displayId);
  }

  update(displayId: string, bundle: MimeBundle, options: DisplayOptions = {}): void {
    this.output().updateDisplayData(displayId, toWireBundle(bundle), metadataOf(options));
  }

  clearOutput(wait = false): void {
    this.output().clearOutput(wait);
  }

  private output(): CellOutput {
    if (!this.target) throw new Error("nnlab kernel: no cell has run yet, nowhere to display");
    return this.target;
  }

  /** Makes this host the one the library finds (`globalThis[Symbol.for("nnlab.displayHost")]`). */
  register(): void {
    Object.defineProperty(globalThis, DISPLAY_HOST, {
      value: this,
      configurable: true,
      enumerable: false,
      writable: false,
    });
  }
}

function metadataOf(options: DisplayOptions): WireMetadata {
  return options.metadata ?? {};
}
