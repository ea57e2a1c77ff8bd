/**
 * How a renderer reaches the kernel of the notebook (or console) that shows it, to send the
 * dashboard's "Stop training" request.
 *
 * A mime renderer gets no kernel from JupyterLab. The supported way in is a regular
 * JupyterLab plugin (`plugin.ts`, this package's `extension` entry): it receives the app and
 * installs a locator here; the locator finds the main-area widget whose DOM contains the
 * output and returns its session context (NotebookPanel and ConsolePanel both have one).
 * Both entries are modules of one federated bundle, so they share this module's state.
 * Without the plugin (e.g. jsdom tests), or for outputs outside a notebook/console (a
 * detached output view), there is no kernel and the Stop button says so.
 */

/** The reply the kernel sends on the comm: `{ method: "stopped", runId, ok }`. */
export interface StopReply {
  method: 'stopped';
  runId: string;
  ok: boolean;
}

/** What this module needs of `@jupyterlab/services`' comm. */
export interface CommLike {
  open(data?: unknown): { done: Promise<unknown> };
  send(data: unknown): { done: Promise<unknown> };
  close(data?: unknown): unknown;
  onMsg: (msg: { content: { data: unknown } }) => void | PromiseLike<void>;
  readonly isDisposed?: boolean;
}

/** What this module needs of a kernel connection. */
export interface KernelLike {
  createComm(targetName: string, commId?: string): CommLike;
  /** `idle`, `busy`, `dead`, `unknown`, … */
  readonly status?: string;
  /** `connected`, `connecting`, `disconnected`. */
  readonly connectionStatus?: string;
}

/** What this module needs of a session context (`ISessionContext`). */
export interface SessionContextLike {
  readonly session?: { readonly kernel?: KernelLike | null } | null;
}

/** Finds the session context of the panel that contains `node`. */
export type KernelLocator = (node: HTMLElement) => SessionContextLike | undefined;

/** The comm target the nnlab kernel listens on for training control. */
export const TRAINING_COMM_TARGET = 'nnlab.training';

/** How long to wait for the kernel's reply. */
export const STOP_REPLY_TIMEOUT_MS = 5000;

let locator: KernelLocator | undefined;

/** Installed by the plugin at activation; tests install their own. */
export function setKernelLocator(next: KernelLocator | undefined): void {
  locator = next;
}

/** The live kernel of the panel showing `node`, or why there is none. */
export function kernelFor(node: HTMLElement): { kernel: KernelLike } | { reason: string } {
  if (!locator) {
    return { reason: 'no connection to a kernel in this view' };
  }
  const context = locator(node);
  const kernel = context?.session?.kernel;
  if (!kernel) {
    return { reason: 'this output is not in a notebook or console with a kernel' };
  }
  if (kernel.status === 'dead' || (kernel.connectionStatus !== undefined && kernel.connectionStatus !== 'connected')) {
    return { reason: 'the kernel is not running' };
  }
  return { kernel };
}

function isStopReply(data: unknown, runId: string): data is StopReply {
  const d = data as Partial<StopReply> | null;
  return typeof d === 'object' && d !== null && d.method === 'stopped' && d.runId === runId && typeof d.ok === 'boolean';
}

/**
 * Opens a comm to `nnlab.training`, sends `{ method: "stop", runId }` and resolves with the
 * kernel's `ok` (true: the run will stop at the next batch; false: no such run is training).
 * Rejects on timeout or a comm error; always closes the comm.
 */
export async function requestStop(kernel: KernelLike, runId: string, timeoutMs = STOP_REPLY_TIMEOUT_MS): Promise<boolean> {
  const comm = kernel.createComm(TRAINING_COMM_TARGET);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const reply = new Promise<boolean>((resolve, reject) => {
      comm.onMsg = msg => {
        if (isStopReply(msg.content.data, runId)) {
          resolve(msg.content.data.ok);
        }
      };
      timer = setTimeout(() => reject(new Error(`no reply from the kernel within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    await comm.open({}).done;
    await comm.send({ method: 'stop', runId }).done;
    return await reply;
  } finally {
    if (timer !== undefined) {
      clearTimeout(timer);
    }
    if (!comm.isDisposed) {
      try {
        comm.close();
      } catch {
        // The kernel may have closed it first.
      }
    }
  }
}
