/**
 * scikit-learn's `classification_report`: per-label precision, recall, F1 and support, then
 * accuracy (or "micro avg" when `labels` leaves some present labels out), "macro avg" and
 * "weighted avg". `toString()` is scikit-learn's text exactly; in the kernel it displays as a table.
 */
import type { MimeBundle } from "../../display/mime";
import { displayBundle, JUPYTER_DISPLAY } from "../../display/host";
import { prfs, readTargets, type AveragedScores, type PerLabelScores, type ZeroDivision } from "./classification";
import { formatLabels, type Label, type Vector } from "./inputs";
import { RichTable } from "./table";

/** Options of {@link classificationReport}. */
export interface ClassificationReportOptions {
  /** Labels to report, in this order (default: all labels in yTrue or yPred, sorted). */
  labels?: readonly Label[];
  /** Display names of the labels, one per label. */
  targetNames?: readonly string[];
  /** Per-sample weights. */
  sampleWeight?: Vector;
  /** Digits of the text form (default 2, as scikit-learn). */
  digits?: number;
  /** See {@link ZeroDivision}. */
  zeroDivision?: ZeroDivision;
}

/** One line of the report. */
export interface ReportRow {
  /** tp / (tp + fp) for the class, or the average for a summary row. */
  precision: number;
  /** tp / (tp + fn) for the class, or the average for a summary row. */
  recall: number;
  /** Harmonic mean of precision and recall (scikit-learn's key spelling). */
  "f1-score": number;
  /** Number (or total weight) of true samples of the class; all samples for summary rows. */
  support: number;
}

/** The result of {@link classificationReport}: data (`toDict()`), text (`toString()`), a table in the kernel. */
export class ClassificationReport {
  /** Per-label rows, keyed by target name, in label order. */
  readonly classes: {
    /** The class's display name (its label, or the given target name). */
    name: string;
    /** Its precision, recall, F1 and support. */
    row: ReportRow;
  }[];
  /** The accuracy, when the micro average is the accuracy (all present labels reported). */
  readonly accuracy?: number;
  /** The micro average, when some present labels are not reported. */
  readonly microAvg?: ReportRow;
  /** Unweighted mean of the per-class rows ("macro avg"). */
  readonly macroAvg: ReportRow;
  /** Mean of the per-class rows weighted by support ("weighted avg"). */
  readonly weightedAvg: ReportRow;
  /** Digits of the text form. */
  readonly digits: number;
  /** True when sample weights were given (supports are then weight sums). */
  readonly weighted: boolean;

  /** @internal built by {@link classificationReport}. */
  constructor(init: { classes: { name: string; row: ReportRow }[]; accuracy?: number; microAvg?: ReportRow; macroAvg: ReportRow; weightedAvg: ReportRow; digits: number; weighted: boolean }) {
    this.classes = init.classes;
    this.accuracy = init.accuracy;
    this.microAvg = init.microAvg;
    this.macroAvg = init.macroAvg;
    this.weightedAvg = init.weightedAvg;
    this.digits = init.digits;
    this.weighted = init.weighted;
  }

  /** scikit-learn's `output_dict=True` form. */
  toDict(): { [key: string]: ReportRow | number } {
    const out: { [key: string]: ReportRow | number } = {};
    for (const c of this.classes) out[c.name] = c.row;
    if (this.accuracy !== undefined) out.accuracy = this.accuracy;
    if (this.microAvg) out["micro avg"] = this.microAvg;
    out["macro avg"] = this.macroAvg;
    out["weighted avg"] = this.weightedAvg;
    return out;
  }

  /** scikit-learn's text, character for character. */
  toString(): string {
    const d = this.digits;
    const heading = "weighted avg";
    const width = Math.max(...this.classes.map((c) => c.name.length), heading.length, d);
    const num = (v: number) => pyFixed(v, d).padStart(9);
    const row = (name: string, r: ReportRow) => `${name.padStart(width)}  ${num(r.precision)} ${num(r.recall)} ${num(r["f1-score"])} ${supportText(r.support, this.weighted).padStart(9)}\n`;
    let out = `${"".padStart(width)}  ${"precision".padStart(9)} ${"recall".padStart(9)} ${"f1-score".padStart(9)} ${"support".padStart(9)}\n\n`;
    for (const c of this.classes) out += row(c.name, c.row);
    out += "\n";
    if (this.accuracy !== undefined) {
      out += `${"accuracy".padStart(width)}  ${"".padStart(9)} ${"".padStart(9)} ${num(this.accuracy)} ${supportText(this.macroAvg.support, this.weighted).padStart(9)}\n`;
    } else if (this.microAvg) out += row("micro avg", this.microAvg);
    out += row("macro avg", this.macroAvg);
    out += row("weighted avg", this.weightedAvg);
    return out;
  }

  /** The report as a {@link RichTable}. */
  toTable(): RichTable {
    const rows = this.classes.map((c) => [c.name, c.row.precision, c.row.recall, c.row["f1-score"], c.row.support]);
    const avg = (name: string, r: ReportRow) => [name, r.precision, r.recall, r["f1-score"], r.support];
    if (this.accuracy !== undefined) rows.push(["accuracy", null as unknown as number, null as unknown as number, this.accuracy, this.macroAvg.support]);
    if (this.microAvg) rows.push(avg("micro avg", this.microAvg));
    rows.push(avg("macro avg", this.macroAvg), avg("weighted avg", this.weightedAvg));
    return new RichTable(["", "precision", "recall", "f1-score", "support"], rows, { digits: this.digits, leftAligned: [""], fixedDecimals: ["precision", "recall", "f1-score"], title: "Classification report" });
  }

  /** `text/html` (a table) and `text/plain` (scikit-learn's text). */
  toBundle(): MimeBundle {
    return { "text/html": this.toTable().toHtml(), "text/plain": this.toString() };
  }

  /** Jupyter's display protocol. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return this.toBundle();
  }

  /** Shows the report now (a table in the kernel, the text on a console). */
  display(): void {
    displayBundle(this.toBundle());
  }
}

/**
 * Python's `format(v, ".{d}f")`. JavaScript's `toFixed` rounds an exact tie (0.125 to 2 digits)
 * up, Python rounds it to even ("0.12"); both work on the exact binary value otherwise.
 */
export function pyFixed(v: number, d: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  const exact = Math.abs(v).toFixed(Math.min(100, d + 60));
  const cut = exact.indexOf(".") + d + (d > 0 ? 1 : 0);
  const tail = exact.slice(d > 0 ? cut : cut + 1);
  if (/^50*$/.test(tail)) {
    const kept = exact.slice(0, d > 0 ? cut : cut);
    const lastDigit = Number(kept.replace(".", "").slice(-1));
    if (lastDigit % 2 === 0) return (v < 0 ? "-" : "") + kept.replace(/\.$/, "");
  }
  return v.toFixed(d);
}

/** Supports print as Python prints them: integer counts, or float sums when weighted (`4.0`). */
function supportText(v: number, weighted: boolean): string {
  return weighted && Number.isInteger(v) ? `${v}.0` : String(v);
}

/**
 * Builds a text and table report of the main classification metrics (scikit-learn's
 * `classification_report`). Display it in the kernel, print `String(report)` on a console, or
 * read numbers with `toDict()`.
 */
export function classificationReport(yTrue: Vector<Label>, yPred: Vector<Label>, options: ClassificationReportOptions = {}): ClassificationReport {
  const where = "classificationReport";
  const { present } = readTargets(yTrue, yPred, options.sampleWeight, where);
  const labels = options.labels ? [...options.labels] : present;
  const digits = options.digits ?? 2;
  if (!Number.isInteger(digits) || digits < 0) throw new RangeError(`${where}: digits must be an integer ≥ 0, got ${digits}`);
  if (options.targetNames && options.targetNames.length !== labels.length) {
    throw new RangeError(`${where}: targetNames has ${options.targetNames.length} names but there are ${labels.length} labels ${formatLabels(labels)}${options.labels ? "" : "; pass labels to choose them"}`);
  }
  const names = options.targetNames ? [...options.targetNames] : labels.map(String);
  const common = { labels, sampleWeight: options.sampleWeight, zeroDivision: options.zeroDivision };
  const all = new Set(["precision", "recall", "f-score"] as const);
  const per = prfs(yTrue, yPred, { ...common, average: null }, all, where) as PerLabelScores;
  const avg = (average: "micro" | "macro" | "weighted") => prfs(yTrue, yPred, { ...common, average }, all, where) as AveragedScores;
  const total = per.support.reduce((a, b) => a + b, 0);
  const toRow = (s: AveragedScores): ReportRow => ({ precision: s.precision, recall: s.recall, "f1-score": s.fScore, support: total });
  const microIsAccuracy = !options.labels || present.every((l) => labels.includes(l));
  const micro = avg("micro");
  return new ClassificationReport({
    classes: names.map((name, i) => ({ name, row: { precision: per.precision[i], recall: per.recall[i], "f1-score": per.fScore[i], support: per.support[i] } })),
    accuracy: microIsAccuracy ? micro.precision : undefined,
    microAvg: microIsAccuracy ? undefined : toRow(micro),
    macroAvg: toRow(avg("macro")),
    weightedAvg: toRow(avg("weighted")),
    digits,
    weighted: options.sampleWeight !== undefined,
  });
}
