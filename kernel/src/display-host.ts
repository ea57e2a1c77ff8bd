import type { CellOutput } from "./cell-output";
import { toWireBundle } from "./mime-bundle";
import type { WireMetadata } from "./protocol";

/*
 * The kernel side of the library's display contract (src/display/host.ts in the nnlab
 * library, the source of truth). The types are restated here structurally, not imported,
 * so that the kernel builds and runs without the library: the contract is the global symbol
 * and the method shapes, and test/kernel checks it end to end with `model.summary()`.
 */

/** The well-known symbol under which the library looks for the kernel's display host. */
export const DISPLAY_HOST: unique symbol = Symbol.for("nnlab.displayHost") as never;

export type MimeBundle = { [mimeType: string]: unknown };

export interface DisplayOptions {
  metadata?: { [mimeType: string]: unknown };
  displayId?: string;
}

export interface DisplayHost {
  display(bundle: MimeBundle, options?: DisplayOptions): void;
  update(displayId: string, bundle: MimeBundle, options?: DisplayOptions): void;
  clearOutput?(wait?: boolean): void;
}

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
