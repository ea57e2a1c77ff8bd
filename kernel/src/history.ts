/** Content of `history_request` (the fields the kernel reads). */
export interface HistoryRequest {
  output?: boolean;
  raw?: boolean;
  hist_access_type?: "range" | "tail" | "search" | string;
  session?: number;
  start?: number;
  stop?: number;
  n?: number;
  pattern?: string;
  unique?: boolean;
}

/** One entry of `history_reply`: (session, line, input) or (session, line, [input, output]). */
export type HistoryEntry = [number, number, string] | [number, number, [string, string | null]];

/** This kernel's session number in history replies (IPython numbers sessions from 1). */
export const SESSION = 1;

/**
 * The inputs (and text outputs) of this kernel's counted executions, for `history_request`,
 * which tslab does not answer. Kept in memory: a kernel's history is its own session, as with
 * IPython's `%history` of the current session (no database across restarts).
 *
 * Access types follow IPython's HistoryManager: `tail` the last `n`; `range` the lines
 * `start <= line < stop` of the session (0 or 1: this one); `search` the
 * inputs matching the glob `pattern` (`*`, `?`, as SQLite's GLOB), the last `n` of them, each
 * input once with `unique`.
 */
export class ExecutionHistory {
  private readonly inputs = new Map<number, string>();
  private readonly outputs = new Map<number, string>();

  /** Records a counted execution's input. */
  addInput(line: number, code: string): void {
    this.inputs.set(line, code);
  }

  /** Records the `text/plain` of an execution's result. */
  addOutput(line: number, text: string): void {
    this.outputs.set(line, text);
  }

  /** Content of `history_reply`. */
  reply(req: HistoryRequest): { status: "ok"; history: HistoryEntry[] } {
    return { status: "ok", history: this.select(req).map((line) => this.entry(line, req.output === true)) };
  }

  private select(req: HistoryRequest): number[] {
    const lines = [...this.inputs.keys()].sort((a, b) => a - b);
    const n = req.n ?? null;
    switch (req.hist_access_type) {
      case "tail":
        return n === null ? lines : n <= 0 ? [] : lines.slice(-n);
      case "range": {
        // 0 is the current session; negative ones count back to earlier sessions: none here.
        const session = req.session ?? 0;
        if (session !== 0 && session !== SESSION) return [];
        const start = req.start ?? 1;
        const stop = req.stop ?? Number.POSITIVE_INFINITY;
        return lines.filter((l) => l >= start && l < stop);
      }
      case "search": {
        const re = globToRegExp(req.pattern ?? "*");
        let found = lines.filter((l) => re.test(this.inputs.get(l)!));
        if (req.unique) {
          const lastOf = new Map<string, number>();
          for (const l of found) lastOf.set(this.inputs.get(l)!, l);
          found = found.filter((l) => lastOf.get(this.inputs.get(l)!) === l);
        }
        return n === null ? found : n <= 0 ? [] : found.slice(-n);
      }
      default:
        return [];
    }
  }

  private entry(line: number, withOutput: boolean): HistoryEntry {
    const input = this.inputs.get(line)!;
    return withOutput ? [SESSION, line, [input, this.outputs.get(line) ?? null]] : [SESSION, line, input];
  }
}

/** SQLite GLOB: `*` any run, `?` one character, `[...]` a class; case-sensitive, whole string. */
function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") re += "[\\s\\S]*";
    else if (c === "?") re += "[\\s\\S]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        const body = glob.slice(i + 1, end);
        re += "[" + (body.startsWith("^") ? "^" + escapeClass(body.slice(1)) : escapeClass(body)) + "]";
        i = end;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]]/g, "\\$&");
}
