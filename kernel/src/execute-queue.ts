/** What became of a queued task. */
export type QueueResult<T> = { aborted: true } | { aborted: false; value: T };

/**
 * Runs execute requests one at a time, in arrival order, and aborts — only — the requests that
 * were already waiting when a cell failed.
 *
 * Why not tslab's queue: after an error it cancels every request that arrives in the next
 * 200 ms, so a client that sends the next cell as soon as it gets the error reply loses it.
 * Jupyter's rule (ipykernel's) is about arrival, not time: when a cell fails with
 * `stop_on_error`, the requests queued behind it are answered "aborted" (that is what stops
 * "Run All" at the failing cell); anything sent after the error reply runs normally.
 *
 * The rule is kept with an epoch counter: each request remembers the epoch it arrived in;
 * {@link abortWaiting} starts a new epoch before the failed request's reply is sent, so the
 * requests of an older epoch that are still queued are exactly those that arrived before it.
 */
export class ExecuteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private epoch = 0;

  enqueue<T>(task: () => Promise<T>): Promise<QueueResult<T>> {
    const arrivedIn = this.epoch;
    const run = this.tail.then(async (): Promise<QueueResult<T>> => {
      if (arrivedIn !== this.epoch) return { aborted: true };
      return { aborted: false, value: await task() };
    });
    // A failing task must not stop the tasks behind it; its caller sees the rejection.
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Aborts every request queued now; call it before the failed request's reply is sent. */
  abortWaiting(): void {
    this.epoch++;
  }
}
