import { StringDecoder } from "string_decoder";
import type { CellOutput } from "./cell-output";

type Write = typeof process.stdout.write;
type WriteCallback = (err?: Error | null) => void;

/**
 * A `process.stdout.write` / `process.stderr.write` replacement that sends the text as iopub
 * `stream` messages. Unlike tslab's writer it calls the write callback (code that waits for
 * it, e.g. to flush before exiting, would hang) and decodes UTF-8 split across chunks.
 */
export function iopubWrite(name: "stdout" | "stderr", out: CellOutput): Write {
  const decoder = new StringDecoder("utf8");
  const write = (
    chunk: string | Uint8Array,
    encodingOrCallback?: BufferEncoding | WriteCallback,
    callback?: WriteCallback,
  ): boolean => {
    const text = typeof chunk === "string" ? chunk : decoder.write(Buffer.from(chunk));
    if (text) out.stream(name, text);
    const done = typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
    if (done) process.nextTick(done);
    return true;
  };
  return write as Write;
}
