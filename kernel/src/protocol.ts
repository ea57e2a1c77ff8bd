/**
 * The parts of the Jupyter messaging protocol (v5.3) that the nnlab kernel produces or reads
 * itself. tslab declares these types too but does not export them.
 * https://jupyter-client.readthedocs.io/en/latest/messaging.html
 */

/** A MIME bundle on the wire: JSON MIME types carry objects, everything else strings. */
export type WireBundle = { [mimeType: string]: unknown };

/** Per-MIME-type metadata of a display. */
export type WireMetadata = { [mimeType: string]: unknown };

/** Content of `execute_request`. */
export interface ExecuteRequest {
  code: string;
  silent?: boolean;
  store_history?: boolean;
  user_expressions?: { [name: string]: string };
  allow_stdin?: boolean;
  /** Abort the requests queued behind this one if it fails (default true). */
  stop_on_error?: boolean;
}

/** The error triple shared by iopub `error` and error replies. */
export interface ErrorContent {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** Content of `execute_reply`. */
export type ExecuteReply =
  | { status: "ok"; execution_count: number; user_expressions: {}; payload: [] }
  | ({ status: "error"; execution_count: number } & ErrorContent)
  | { status: "aborted"; execution_count: number };
