import { randomUUID } from "crypto";

/** Data of comm messages: any JSON object. */
export type CommData = { [key: string]: unknown };

/**
 * One comm (a two-way channel between kernel code and a frontend widget), the kernel's side.
 * https://jupyter-client.readthedocs.io/en/latest/messaging.html#custom-messages
 */
export interface Comm {
  readonly commId: string;
  readonly targetName: string;
  /** Sends `comm_msg` to the frontend. */
  send(data: CommData, metadata?: CommData): void;
  /** Sends `comm_close` to the frontend; later messages of this comm are ignored. */
  close(data?: CommData): void;
  /** Called with each `comm_msg` the frontend sends. */
  onMsg?: (data: CommData) => void;
  /** Called when the frontend closes the comm. */
  onClose?: (data: CommData) => void;
}

/** Called when a frontend opens a comm to this target; sets the comm's handlers. */
export type CommTarget = (comm: Comm, openData: CommData) => void;

/** Sends one iopub message (`comm_open`/`comm_msg`/`comm_close`) in reply to what runs now. */
export type CommPublisher = (msgType: "comm_open" | "comm_msg" | "comm_close", content: object) => void;

/** The well-known symbol under which the kernel offers its {@link CommManager} to cells and libraries. */
export const COMMS: unique symbol = Symbol.for("nnlab.comms") as never;

/**
 * The kernel's comms: targets registered by name, and the open comms by id. tslab has none
 * (it does not dispatch comm messages at all); this follows ipykernel's CommManager:
 * an open to an unknown target is answered with `comm_close`, messages to unknown comms are
 * ignored, and a failing handler is reported on stderr without harming the kernel.
 */
export class CommManager {
  private readonly targets = new Map<string, CommTarget>();
  private readonly comms = new Map<string, Comm>();

  constructor(private readonly publish: CommPublisher) {}

  /** Handles frontend opens to `targetName`; returns the function that unregisters it. */
  registerTarget(targetName: string, target: CommTarget): () => void {
    this.targets.set(targetName, target);
    return () => {
      if (this.targets.get(targetName) === target) this.targets.delete(targetName);
    };
  }

  /** Opens a comm from the kernel to a frontend target (e.g. a widget model). */
  open(targetName: string, data: CommData = {}, metadata: CommData = {}): Comm {
    const comm = this.create(randomUUID().replace(/-/g, ""), targetName);
    this.publish("comm_open", { comm_id: comm.commId, target_name: targetName, data, metadata });
    return comm;
  }

  /** `comm_open` from the frontend. */
  handleOpen(content: { comm_id?: unknown; target_name?: unknown; data?: unknown }): void {
    const commId = String(content.comm_id);
    const targetName = String(content.target_name);
    const target = this.targets.get(targetName);
    if (!target) {
      console.error(`nnlab kernel: no comm target "${targetName}" (known: ${[...this.targets.keys()].join(", ") || "none"})`);
      this.publish("comm_close", { comm_id: commId, data: {} });
      return;
    }
    const comm = this.create(commId, targetName);
    this.guard(comm, "open", () => target(comm, dataOf(content)));
  }

  /** `comm_msg` from the frontend. */
  handleMsg(content: { comm_id?: unknown; data?: unknown }): void {
    const comm = this.comms.get(String(content.comm_id));
    if (comm?.onMsg) this.guard(comm, "message", () => comm.onMsg!(dataOf(content)));
  }

  /** `comm_close` from the frontend. */
  handleClose(content: { comm_id?: unknown; data?: unknown }): void {
    const comm = this.comms.get(String(content.comm_id));
    if (!comm) return;
    this.comms.delete(comm.commId);
    if (comm.onClose) this.guard(comm, "close", () => comm.onClose!(dataOf(content)));
  }

  /** Content of `comm_info_reply`: the open comms, of one target if `targetName` is given. */
  info(targetName?: string): { status: "ok"; comms: { [commId: string]: { target_name: string } } } {
    const comms: { [commId: string]: { target_name: string } } = {};
    for (const comm of this.comms.values()) {
      if (targetName === undefined || comm.targetName === targetName) comms[comm.commId] = { target_name: comm.targetName };
    }
    return { status: "ok", comms };
  }

  /** Makes this manager the one cells and libraries find (`globalThis[Symbol.for("nnlab.comms")]`). */
  register(): void {
    Object.defineProperty(globalThis, COMMS, { value: this, configurable: true, enumerable: false, writable: false });
  }

  private create(commId: string, targetName: string): Comm {
    const comms = this.comms;
    const publish = this.publish;
    const comm: Comm = {
      commId,
      targetName,
      send(data, metadata = {}) {
        if (comms.get(commId) !== comm) return;
        publish("comm_msg", { comm_id: commId, data, metadata });
      },
      close(data = {}) {
        if (comms.get(commId) !== comm) return;
        comms.delete(commId);
        publish("comm_close", { comm_id: commId, data });
      },
    };
    comms.set(commId, comm);
    return comm;
  }

  private guard(comm: Comm, what: string, handler: () => void): void {
    try {
      handler();
    } catch (err) {
      console.error(`nnlab kernel: the ${what} handler of comm target "${comm.targetName}" failed:`, err);
    }
  }
}

function dataOf(content: { data?: unknown }): CommData {
  const data = content.data;
  return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as CommData) : {};
}
