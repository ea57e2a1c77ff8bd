import { ZmqServer } from "tslab/dist/jupyter";
import { IopubCellOutput } from "./cell-output";
import type { NnlabHandler } from "./handler";
import type { ExecuteRequest } from "./protocol";

/** tslab's message class (not exported by tslab; its type is reachable through ZmqServer). */
type Message = Parameters<ZmqServer["handleKernelInfo"]>[1];
/** A shell or control socket, as tslab passes it. */
type Socket = Parameters<ZmqServer["handleKernelInfo"]>[0];

/**
 * tslab's ZeroMQ server (sockets, signing, heartbeat, busy/idle status, the dispatch of
 * shell and control messages) with two message handlers replaced:
 *
 * - `execute_request`: tslab's version can only forward stream and display output; this one
 *   gives the handler a {@link IopubCellOutput} for the request, so the handler sends
 *   execute_input, execute_result and error messages with the request as parent, and replies
 *   with what the handler returns (execution_count, error fields, aborted status).
 * - `comm_info_request`: tslab replies with msg_type `complete_reply`; the protocol says
 *   `comm_info_reply` with `status`. The kernel has no comms, so `comms` is empty.
 */
export class NnlabServer extends ZmqServer {
  constructor(
    private readonly nnlabHandler: NnlabHandler,
    configPath: string,
  ) {
    super(nnlabHandler, configPath);
  }

  override async handleExecute(sock: Socket, msg: Message): Promise<void> {
    const out = new IopubCellOutput((msgType, content) => this.publish(msg, msgType, content));
    const reply = await this.nnlabHandler.executeCell(msg.content as ExecuteRequest, out);
    this.reply(sock, msg, "execute_reply", reply);
  }

  override handleCommInfoRequest(sock: Socket, msg: Message): void {
    this.reply(sock, msg, "comm_info_reply", { status: "ok", comms: {} });
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
