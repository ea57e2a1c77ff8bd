/** What the kernel's main thread and the SIGINT holder thread share (see sigint-guard.ts). */

/** How long the main thread has to take an interrupt before its stuck user code is terminated. */
export const ACK_TIMEOUT_MS = 400;

/** Index of the Int32 the main thread sets to 1 when it has taken an interrupt. */
export const ACK = 0;
/** Index of the Int32 that is 1 while only user code can be running on the main thread. */
export const TERMINABLE = 1;

/** The holder thread's workerData. */
export interface HolderData {
  /** Int32Array memory indexed by {@link ACK} and {@link TERMINABLE}. */
  shared: SharedArrayBuffer;
}
