import { ZmqServer } from "tslab/dist/jupyter";
import { IopubCellOutput } from "./cell-output";
import { serialSender } from "./serial-send";
import { CommManager } from "./comms";
import type { NnlabHandler } from "./handler";
import type { HistoryRequest } from "./history";
import type { ExecuteRequest } from "./protocol";
import { peekMsgType, tslabMessageClass, type Message, type MessageClass, type Socket } from "./wire-message";

/** Shell message types tslab does not dispatch (it logs "unknown msg_type" and sends nothing). */
const NNLAB_MESSAGES = new Set(["comm_open", "comm_msg", "comm_close", "history_request"]);

/**
 * tslab's ZeroMQ server (sockets, signing, heartbeat, busy/idle status, the dispatch of the
 * message types it knows) with these changes:
 *
 * - `execute_request`: tslab's version can only forward stream and display output; this one
 *   gives the handler a {@link IopubCellOutput} for the request, so the handler sends
 *   execute_input, execute_result and error messages with the request as parent, and replies
 *   with what the handler returns (execution_count, error fields, aborted status).
 * - `comm_open`, `comm_msg`, `comm_close`, `history_request`: tslab drops them; this server
 *   parses them with tslab's own message class, publishes busy/idle around them like every
 *   other request, and hands them to the {@link CommManager} and the handler's history.
 * - `comm_info_request`: tslab replies with msg_type `complete_reply` and no comms; this one
 *   sends `comm_info_reply` with `status` and the open comms.
 */
export class NnlabServer extends ZmqServer {
  /** The kernel's comms; sends its iopub messages with {@link commParent} as parent. */
  readonly comms = new CommManager((msgType, content) => {
    if (this.commParent) this.publish(this.commParent, msgType, content);
  });
  /** The request comm output belongs to: the comm message being handled, else the last execute_request. */
  private commParent: Message | undefined;
  private readonly messageClass: MessageClass = tslabMessageClass();

  constructor(
    private readonly nnlabHandler: NnlabHandler,
    configPath: string,
    private readonly kernelWork: <T>(work: () => T) => T = (work) => work(),
  ) {
    super(nnlabHandler, configPath);
  }

  /** Sockets and their serial senders (see serial-send.ts). */
  private readonly senders = new Map<Socket, Socket>();

  /** tslab's init (binds the sockets), then iopub sends go through a serial sender. */
  override async init(): Promise<void> {
    await super.init();
    this.iopub = serialSender(this.iopub, "iopub");
  }

  /**
   * Handles one shell or control message; its synchronous part is the kernel's own work (see
   * SigintGuard). Replies go through the socket's serial sender.
   */
  override handleShellMessage(sock: Socket, ...frames: Buffer[]): Promise<void> {
    let sender = this.senders.get(sock);
    if (!sender) {
      sender = serialSender(sock, sock === this.control ? "control" : "shell");
      this.senders.set(sock, sender);
    }
    const replyOn = sender;
    return this.kernelWork(() => this.dispatch(replyOn, frames));
  }

  private async dispatch(sock: Socket, frames: Buffer[]): Promise<void> {
    const msgType = peekMsgType(frames);
    if (msgType === undefined || !NNLAB_MESSAGES.has(msgType)) return super.handleShellMessage(sock, ...frames);
    let msg: Message;
    try {
      msg = this.messageClass.fromRaw(this.connInfo.key, frames);
    } catch (err) {
      console.error("nnlab kernel: dropped a message that does not verify:", err);
      return;
    }
    this.publishStatus("busy", msg);
    try {
      this.handleNnlabMessage(sock, msg, msgType);
    } finally {
      this.publishStatus("idle", msg);
    }
  }

  private handleNnlabMessage(sock: Socket, msg: Message, msgType: string): void {
    if (msgType === "history_request") {
      this.reply(sock, msg, "history_reply", this.nnlabHandler.history.reply(msg.content as HistoryRequest));
      return;
    }
    const previous = this.commParent;
    this.commParent = msg;
    try {
      const content = msg.content as { comm_id?: unknown };
      if (msgType === "comm_open") this.comms.handleOpen(content);
      else if (msgType === "comm_msg") this.comms.handleMsg(content);
      else this.comms.handleClose(content);
    } finally {
      this.commParent = previous;
    }
  }

  override async handleExecute(sock: Socket, msg: Message): Promise<void> {
    const out = new IopubCellOutput((msgType, content) => this.publish(msg, msgType, content));
    const reply = await this.nnlabHandler.executeCell(msg.content as ExecuteRequest, out, () => {
      this.commParent = msg;
    });
    this.reply(sock, msg, "execute_reply", reply);
  }

  /** Called once, after the first kernel_info_reply has been sent. */
  afterFirstKernelInfo: (() => void) | undefined;

  override handleKernelInfo(sock: Socket, msg: Message): void {
    super.handleKernelInfo(sock, msg);
    const after = this.afterFirstKernelInfo;
    this.afterFirstKernelInfo = undefined;
    after?.();
  }

  override handleCommInfoRequest(sock: Socket, msg: Message): void {
    const targetName = (msg.content as { target_name?: unknown }).target_name;
    this.reply(sock, msg, "comm_info_reply", this.comms.info(typeof targetName === "string" ? targetName : undefined));
  }

  /** Sends an iopub message whose parent is `parent`. */
  private publish(parent: Message, msgType: string, content: object): void {
    const message = parent.createReply();
    message.header.msg_type = msgType;
    message.content = content;
    message.signAndSend(this.connInfo.key, this.iopub);
  }

  private reply(sock: Socket, request: Message, msgType: string, content: object): void {
    const message = request.createReply();
    message.header.msg_type = msgType;
    message.content = content;
    message.signAndSend(this.connInfo.key, sock);
  }

  /**
   * tslab closes the sockets on shutdown_request; exit once what is left (pending writes)
   * is done, without keeping the process alive if nothing is.
   */
  override close(): void {
    super.close();
    setTimeout(() => process.exit(0), 500).unref();
  }
}
