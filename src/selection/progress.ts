/**
 * Progress of a long search. In the nnlab kernel: one display (a progress bar, the fits done and
 * the best score so far) updated in place (Jupyter `update_display_data`). On a console: a
 * header line, then a line that rewrites itself on a terminal, or one line per candidate when
 * the output is not a terminal (logs, CI).
 */
import { currentDisplayHost, type DisplayHost } from "../display/host";
import { escapeHtml, type MimeBundle } from "../display/mime";

let counter = 0;

/** Options of {@link SearchProgress}. */
export interface SearchProgressOptions {
  /** 0: silent; 1 (default): progress. */
  verbose?: 0 | 1;
  /** Where to display (default: the kernel's display host, if any). */
  host?: DisplayHost;
  /** Where console lines go (default: process.stdout). */
  write?: (text: string) => void;
  /** Rewrite one line with `\r` (default: stdout is a terminal). */
  tty?: boolean;
}

/** Tracks done / total steps and shows them. */
export class SearchProgress {
  private readonly host?: DisplayHost;
  private readonly displayId = `nnlab-search-${Date.now().toString(36)}-${++counter}`;
  private readonly write: (text: string) => void;
  private readonly tty: boolean;
  private readonly verbose: 0 | 1;
  /** Steps done. */
  done = 0;
  /** Best score so far and what reached it. */
  best?: {
    /** The best score. */
    score: number;
    /** What reached it, e.g. the candidate's parameters. */
    label: string;
  };

  /**
   * @param title e.g. "gridSearchCV"
   * @param total steps (fits or trials)
   * @param header the first line (scikit-learn's "Fitting 3 folds for each of 12 candidates, totalling 36 fits")
   */
  constructor(readonly title: string, readonly total: number, readonly header: string, options: SearchProgressOptions = {}) {
    this.verbose = options.verbose ?? 1;
    this.host = options.host ?? currentDisplayHost();
    this.write = options.write ?? ((t) => process.stdout.write(t));
    this.tty = options.tty ?? Boolean(process.stdout.isTTY);
    if (this.verbose === 0) return;
    if (this.host) this.host.display(this.bundle(), { displayId: this.displayId });
    else this.write(`${header}\n`);
  }

  /** The current state as text. */
  line(): string {
    const width = 20;
    const filled = this.total === 0 ? width : Math.round((this.done / this.total) * width);
    const best = this.best ? `  best ${formatScore(this.best.score)} (${this.best.label})` : "";
    return `${this.title} [${"=".repeat(filled)}${".".repeat(width - filled)}] ${this.done}/${this.total}${best}`;
  }

  /** The current state as a MIME bundle (HTML progress bar and text). */
  bundle(): MimeBundle {
    const best = this.best ? ` — best ${escapeHtml(formatScore(this.best.score))} <code>${escapeHtml(this.best.label)}</code>` : "";
    const html = `<div class="nnlab-search-progress"><b>${escapeHtml(this.title)}</b> <progress value="${this.done}" max="${this.total}"></progress> ${this.done}/${this.total}${best}<br><small>${escapeHtml(this.header)}</small></div>`;
    return { "text/html": html, "text/plain": this.line() };
  }

  /** Records `steps` more steps done and, when given, a new score with its label. */
  step(steps: number, score?: { value: number; label: string }): void {
    this.done += steps;
    if (score && !Number.isNaN(score.value) && (!this.best || score.value > this.best.score)) this.best = { score: score.value, label: score.label };
    if (this.verbose === 0) return;
    if (this.host) this.host.update(this.displayId, this.bundle());
    else if (this.tty) this.write(`\r${this.line()}`);
    else this.write(`${this.line()}\n`);
  }

  /** Ends the console line. */
  finish(): void {
    if (this.verbose !== 0 && !this.host && this.tty) this.write("\n");
  }
}

function formatScore(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(6);
}
