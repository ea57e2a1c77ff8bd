import { createHmac } from "crypto";
import { ZmqServer } from "tslab/dist/jupyter";

/** tslab's message class instance (not exported by tslab; its type is reachable through ZmqServer). */
export type Message = Parameters<ZmqServer["handleKernelInfo"]>[1];
/** A shell or control socket, as tslab passes it. */
export type Socket = Parameters<ZmqServer["handleKernelInfo"]>[0];

/** The static side of tslab's message class: parsing and HMAC verification of raw frames. */
export interface MessageClass {
  fromRaw(key: string, frames: Buffer[]): Message;
}

/** Thrown by the probe to stop tslab's handler right after it parsed the probe message. */
const PROBE_DONE = Symbol("probe done");

/**
 * tslab's message class, taken from tslab itself. tslab parses, verifies and signs messages in
 * a class it does not export, and only dispatches the message types it knows. To handle the
 * others (comms, history) with tslab's own parsing and signing rather than a copy, the kernel
 * runs tslab's `handleShellMessage` once on a probe message with a stand-in `this` whose
 * `publishStatus` (the first thing tslab does with a parsed message, synchronously) records the
 * message's class and stops the handler.
 */
export function tslabMessageClass(): MessageClass {
  const key = "probe";
  const parts = ["{}", "{}", "{}", "{}"].map((p) => Buffer.from(p));
  const hmac = createHmac("sha256", key);
  for (const p of parts) hmac.update(p);
  const frames = [Buffer.from("<IDS|MSG>"), Buffer.from(hmac.digest("hex")), ...parts];
  let found: MessageClass | undefined;
  const probe = {
    connInfo: { key },
    publishStatus(_status: string, msg: Message): never {
      found = (msg as unknown as { constructor: MessageClass }).constructor;
      throw PROBE_DONE;
    },
  };
  const handle = ZmqServer.prototype.handleShellMessage as (this: unknown, sock: unknown, ...frames: Buffer[]) => Promise<void>;
  handle.call(probe, undefined, ...frames).catch((e: unknown) => {
    if (e !== PROBE_DONE) throw e;
  });
  if (!found || typeof found.fromRaw !== "function") {
    throw new Error("nnlab kernel: tslab's message class was not found (is tslab still 1.0.22?)");
  }
  return found;
}

/** The msg_type of raw shell frames, without verifying them (verification is tslab's, later). */
export function peekMsgType(frames: Buffer[]): string | undefined {
  const delim = frames.findIndex((f) => f.toString() === "<IDS|MSG>");
  const header = frames[delim + 2];
  if (delim < 0 || header === undefined) return undefined;
  try {
    return (JSON.parse(header.toString()) as { msg_type?: string }).msg_type;
  } catch {
    return undefined;
  }
}
