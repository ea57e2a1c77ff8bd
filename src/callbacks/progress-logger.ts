/**
 * The console lines `fit` prints with verbose 1 or 2, in Keras 3's layout (its `Progbar`):
 *   Epoch 3/50
 *   4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step - accuracy: 0.7500 - loss: 0.5123   (verbose 1)
 *   4/4 - 0s - 2ms/step - accuracy: 0.7500 - loss: 0.5123                    (verbose 2)
 * Metrics appear in sorted order, as Keras 3 sorts its logs. On a terminal (a TTY stream)
 * verbose 1 redraws the bar in place during the epoch, with Keras's colours and ETA; elsewhere
 * (pipes, notebooks, whose kernels show their own live display) it prints one line per epoch.
 */
import { Callback, type Logs } from "./callback";

/** Python's `{v:.4e}`: 4 decimals and an exponent of at least two digits (`1.2340e-05`). */
function exponential4(v: number): string {
  const [mantissa, e] = v.toExponential(4).split("e");
  return `${mantissa}e${e.startsWith("-") ? "-" : "+"}${e.replace(/^[+-]/, "").padStart(2, "0")}`;
}

/**
 * ` - name: value` for every log, sorted by name, with Keras's number format (4 decimals, or
 * 4-digit scientific for small values). `absolute` is false for verbose 2, where Keras
 * compares the signed value.
 */
export function formatLogs(logs: Logs, absolute = true): string {
  return Object.keys(logs)
    .sort()
    .map((k) => {
      const v = logs[k];
      return `${k}: ${(absolute ? Math.abs(v) : v) > 1e-3 ? v.toFixed(4) : exponential4(v)}`;
    })
    .join(" - ");
}

/** Keras's time per step: "2s/step", "15ms/step" or "800us/step". */
export function formatTimePerStep(seconds: number): string {
  if (seconds >= 1 || seconds === 0) return `${Math.round(seconds)}s/step`;
  if (seconds >= 1e-3) return `${Math.round(seconds * 1e3)}ms/step`;
  return `${Math.round(seconds * 1e6)}us/step`;
}

/**
 * The one line Keras prints after `evaluate`/`predict` with verbose 1 or 2:
 * `4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step - accuracy: 0.7500 - loss: 0.5123` (verbose 1) or
 * `4/4 - 0s - 2ms/step - …` (verbose 2).
 */
export function summaryLine(verbose: 1 | 2, steps: number, seconds: number, logs: Logs): string {
  const perStep = formatTimePerStep(seconds / Math.max(steps, 1));
  const metrics = Object.keys(logs).length > 0 ? ` - ${formatLogs(logs, verbose === 1)}` : "";
  return verbose === 1
    ? `${steps}/${steps} ${"━".repeat(20)} ${Math.round(seconds)}s ${perStep}${metrics}`
    : `${steps}/${steps} - ${Math.round(seconds)}s - ${perStep}${metrics}`;
}

/** Keras's ETA: "12s", "3:05" or "1:02:03". */
function formatEta(seconds: number): string {
  const s = Math.floor(seconds);
  if (s > 3600) return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  if (s > 60) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  return `${s}s`;
}

const BAR_WIDTH = 20;
const REDRAW_MS = 50;

/** Where progress goes: a line printer, and optionally a terminal stream for in-place redraws. */
export interface ProgressOutput {
  /** Prints one full line (console.log by default). */
  print: (line: string) => void;
  /** A TTY stream for verbose 1's live bar (process.stdout when it is a terminal). */
  tty?: {
    /** Writes raw text (with `\r` and ANSI colours) without a newline. */
    write: (s: string) => unknown;
  };
}

function defaultOutput(): ProgressOutput {
  const stdout = typeof process !== "undefined" ? process.stdout : undefined;
  return { print: (line) => console.log(line), tty: stdout?.isTTY ? stdout : undefined };
}

/** The callback `fit` adds for verbose 1 and 2: Keras's progress lines (see the file comment). */
export class ProgressLogger extends Callback {
  private epochStart = 0;
  private lastDraw = 0;
  private drawnWidth = 0;
  private readonly output: ProgressOutput;

  constructor(private readonly verbose: 1 | 2, output?: ProgressOutput) {
    super();
    this.output = output ?? defaultOutput();
  }

  override onEpochBegin(epoch: number): void {
    this.epochStart = Date.now();
    this.lastDraw = 0;
    this.drawnWidth = 0;
    this.output.print(`Epoch ${epoch + 1}/${this.params?.epochs ?? "?"}`);
  }

  override onBatchEnd(batch: number, logs: Logs = {}): void {
    const tty = this.output.tty;
    if (this.verbose !== 1 || !tty) return;
    const now = Date.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const steps = this.params?.steps ?? 0;
    const done = batch + 1;
    const perStep = (now - this.epochStart) / 1000 / done;
    this.draw(tty, this.bar(done, steps, ` \x1b[1m${formatEta(perStep * (steps - done))}\x1b[0m ${formatTimePerStep(perStep)} - ${formatLogs(logs)}`), false);
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    const steps = this.params?.steps ?? 0;
    const elapsed = (Date.now() - this.epochStart) / 1000;
    const perStep = formatTimePerStep(elapsed / Math.max(steps, 1));
    const count = `${steps}/${steps}`;
    if (this.verbose === 2) {
      this.output.print(`${count} - ${Math.round(elapsed)}s - ${perStep} - ${formatLogs(logs, false)}`);
      return;
    }
    const info = ` ${Math.round(elapsed)}s ${perStep} - ${formatLogs(logs)}`;
    const tty = this.output.tty;
    if (tty) this.draw(tty, this.bar(steps, steps, info.replace(/^ (\d+s)/, " \x1b[1m$1\x1b[0m")), true);
    else this.output.print(`${count} ${"━".repeat(BAR_WIDTH)}${info}`);
  }

  /** "3/10 ━━━━━━━━━━━━━━━━━━━━" with Keras's colours (done in green, the rest grey) and `info`. */
  private bar(done: number, steps: number, info: string): string {
    const filled = steps > 0 ? Math.floor((BAR_WIDTH * done) / steps) : BAR_WIDTH;
    const digits = String(steps).length;
    return (
      `\x1b[1m${String(done).padStart(digits)}/${steps}\x1b[0m ` +
      (filled > 0 ? `\x1b[32m${"━".repeat(filled)}\x1b[0m` : "") +
      `\x1b[37m${"━".repeat(BAR_WIDTH - filled)}\x1b[0m${info}`
    );
  }

  /** Redraws the line in place, blanking what a longer previous line left behind. */
  private draw(tty: { write: (s: string) => unknown }, line: string, final: boolean): void {
    // eslint-disable-next-line no-control-regex
    const width = line.replace(/\x1b\[[0-9;]*m/g, "").length;
    const pad = this.drawnWidth > width ? " ".repeat(this.drawnWidth - width) : "";
    tty.write(`\r${line}${pad}${final ? "\n" : ""}`);
    this.drawnWidth = final ? 0 : width;
  }
}
