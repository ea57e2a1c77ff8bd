import { writeSync } from "fs";
import { inspect } from "util";

/** What tslab needs of a socket it sends on and closes. */
export interface SendingSocket {
  send(frames: unknown): Promise<void>;
  close(): void;
}

/** True while `promise` has not settled (Node shows the state synchronously in `util.inspect`). */
function isPending(promise: Promise<unknown>): boolean {
  return inspect(promise, { depth: 0 }).includes("<pending>");
}

/**
 * A stand-in for a ZeroMQ socket whose sends never overlap.
 *
 * Why: tslab calls `sock.send()` without waiting for it. zeromq.js 6 completes a send at once
 * while the socket can take it; when it cannot (a client that reads iopub slower than the
 * kernel writes, seen after about 650 messages), the send stays pending — and sends started
 * meanwhile were lost: the client never got a reply or an `idle` status and waited forever
 * (about 120 requests in a row were enough). The sockets themselves cannot be patched
 * (zeromq.js objects are not extensible), so the kernel hands tslab this wrapper: while no send
 * is pending, a send starts at once (synchronously, as before — output printed just before a
 * cell blocks the event loop must still leave); while one is pending, later ones wait their
 * turn, in order. A failed send is reported on the process's real stderr (stdout/stderr are
 * turned into messages on this very socket).
 */
export function serialSender<S extends SendingSocket>(socket: S, name: string): S {
  /** The last send still pending, if any; later sends chain behind it. */
  let pending: Promise<void> | undefined;
  const report = (err: unknown): void => {
    writeSync(2, `nnlab kernel: a message on the ${name} socket was not sent: ${String(err)}\n`);
  };
  const track = (sent: Promise<void>): Promise<void> => {
    if (!isPending(sent)) return sent;
    const settled = sent.catch(report).finally(() => {
      if (pending === settled) pending = undefined;
    });
    pending = settled;
    return sent;
  };
  const wrapper = {
    send(frames: unknown): Promise<void> {
      if (!pending) return track(socket.send(frames));
      const sent = pending.then(() => socket.send(frames));
      const settled = sent.catch(report).finally(() => {
        if (pending === settled) pending = undefined;
      });
      pending = settled;
      return sent;
    },
    close(): void {
      socket.close();
    },
  };
  return wrapper as unknown as S;
}
