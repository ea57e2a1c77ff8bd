/** Categorical encoders with scikit-learn's semantics: one-hot, ordinal and label encoding. */
import { Tensor } from "../tensor/tensor";
import { getDefaultDType } from "../tensor/dtype";
import { tensor } from "../tensor/creation";
import { sortLabels, toLabels, type Label } from "../data/arrays";
import { Transformer } from "./transformer";

/** Categorical input: rows of labels (`[["red", 1], ["blue", 2]]`) or a 2-D tensor of codes. */
export type CategoricalInput = Tensor | readonly (readonly Label[])[];

/** Rows of labels from categorical input, checked rectangular and free of NaN. */
export function toLabelRows(x: CategoricalInput, where: string, argument = "x"): Label[][] {
  let rows: Label[][];
  if (x instanceof Tensor) {
    if (x.rank !== 2) throw new RangeError(`${where}: ${argument} must be 2-D [samples, features], got shape [${x.shape.join(", ")}]`);
    rows = (x.toArray() as number[][]).map((r) => [...r]);
  } else {
    if (!Array.isArray(x)) throw new TypeError(`${where}: ${argument} must be a tensor or rows of labels, got ${typeof x}`);
    rows = x.map((r, i) => {
      if (!Array.isArray(r)) throw new TypeError(`${where}: ${argument}[${i}] must be a row (an array of labels), got ${typeof r}; wrap single features as [[v], ...]`);
      return toLabels(r, where, `${argument}[${i}]`);
    });
  }
  if (rows.length === 0) throw new RangeError(`${where}: ${argument} has no samples`);
  const cols = rows[0].length;
  rows.forEach((r, i) => {
    if (r.length !== cols) throw new RangeError(`${where}: ${argument}[${i}] has ${r.length} features but ${argument}[0] has ${cols}`);
    r.forEach((v, j) => {
      if (typeof v === "number" && !Number.isFinite(v)) throw new RangeError(`${where}: ${argument} contains ${v} at row ${i}, column ${j}; categories must be finite numbers or strings`);
    });
  });
  return rows;
}

const show = (v: Label): string => JSON.stringify(v);

/** Encoded rows (a tensor or nested numbers) checked to have `width` columns. */
function encodedRows(x: Tensor | readonly (readonly number[])[], width: number, where: string): Tensor {
  const t = x instanceof Tensor ? x : tensor(x as number[][], { dtype: "float64" });
  if (t.rank !== 2 || t.shape[1] !== width) throw new RangeError(`${where}: x must have shape [samples, ${width}], got [${t.shape.join(", ")}]`);
  return t;
}

/** Shared by the one-hot and ordinal encoders: sorted categories per column. */
abstract class CategoryEncoder extends Transformer {
  /** Sorted categories of each input column (sklearn's `categories_`). */
  categories: Label[][] = [];
  /** Category → position, per column. */
  protected index: Map<Label, number>[] = [];

  /** Learns the categories of each column. */
  fit(x: CategoricalInput): this {
    const rows = toLabelRows(x, `${this.name}.fit`);
    this.categories = rows[0].map((_, j) => sortLabels([...new Set(rows.map((r) => r[j]))]));
    this.index = this.categories.map((cats) => new Map(cats.map((c, i) => [c, i] as const)));
    this.markFitted();
    return this;
  }

  /** Rows of `x` checked against the fitted number of columns. */
  protected rowsOf(x: CategoricalInput, method: string): Label[][] {
    this.assertFitted(method);
    const rows = toLabelRows(x, `${this.name}.${method}`);
    if (rows[0].length !== this.categories.length) {
      throw new RangeError(`${this.name}.${method}: x has ${rows[0].length} features but ${this.name} was fitted on ${this.categories.length}`);
    }
    return rows;
  }

  /** The error for a category not seen by `fit`. */
  protected unknown(v: Label, j: number, method: string, hint: string): Error {
    return new RangeError(`${this.name}.${method}: unknown category ${show(v)} in column ${j} (known: ${this.categories[j].map(show).join(", ")}); ${hint}`);
  }
}

/** Options of {@link oneHotEncoder}. */
export interface OneHotEncoderOptions {
  /** "error" (default) refuses categories unseen by `fit`; "ignore" encodes them as all zeros. */
  handleUnknown?: "error" | "ignore";
  /** Drop a column per feature: "first" always, "ifBinary" only for two-category features (default: none). */
  drop?: "first" | "ifBinary";
}

/** One column per category, 1 where the sample has it (sklearn's OneHotEncoder, dense output). */
export class OneHotEncoder extends CategoryEncoder {
  readonly name = "oneHotEncoder";
  private readonly handleUnknown: "error" | "ignore";
  private readonly drop?: "first" | "ifBinary";

  constructor(options: OneHotEncoderOptions = {}) {
    super();
    this.handleUnknown = options.handleUnknown ?? "error";
    if (!["error", "ignore"].includes(this.handleUnknown)) throw new RangeError(`oneHotEncoder: handleUnknown must be "error" or "ignore", got ${show(this.handleUnknown)}`);
    if (options.drop !== undefined && !["first", "ifBinary"].includes(options.drop)) throw new RangeError(`oneHotEncoder: drop must be "first" or "ifBinary", got ${show(options.drop)}`);
    this.drop = options.drop;
  }

  /** Index of the dropped category of column `j`, or −1. */
  dropIndex(j: number): number {
    if (this.drop === "first") return 0;
    if (this.drop === "ifBinary" && this.categories[j].length === 2) return 0;
    return -1;
  }

  /** Categories that get an output column, per input column. */
  private kept(j: number): Label[] {
    return this.categories[j].filter((_, k) => k !== this.dropIndex(j));
  }

  /** One-hot rows as a tensor `[samples, total kept categories]` (default dtype). */
  transform(x: CategoricalInput): Tensor {
    const rows = this.rowsOf(x, "transform");
    const widths = this.categories.map((_, j) => this.kept(j).length);
    const width = widths.reduce((a, b) => a + b, 0);
    const out = new Float64Array(rows.length * width);
    rows.forEach((r, i) => {
      let base = i * width;
      r.forEach((v, j) => {
        const k = this.index[j].get(v);
        if (k === undefined) {
          if (this.handleUnknown === "error") throw this.unknown(v, j, "transform", 'pass handleUnknown: "ignore" to encode unknown categories as all zeros');
        } else {
          const d = this.dropIndex(j);
          if (k !== d) out[base + (d >= 0 && k > d ? k - 1 : k)] = 1;
        }
        base += widths[j];
      });
    });
    return tensor(getDefaultDType() === "float64" ? out : Float32Array.from(out), { shape: [rows.length, width] });
  }

  /** `fit(x)` then `transform(x)`. */
  override fitTransform(x: CategoricalInput): Tensor {
    return this.fit(x).transform(x);
  }

  /**
   * Categories back from one-hot rows: the category with the 1, the dropped category for an
   * all-zero block when a column was dropped, and `null` for an all-zero block otherwise
   * (an unknown category under handleUnknown "ignore").
   */
  inverseTransform(x: Tensor | readonly (readonly number[])[]): (Label | null)[][] {
    this.assertFitted("inverseTransform");
    const widths = this.categories.map((_, j) => this.kept(j).length);
    const width = widths.reduce((a, b) => a + b, 0);
    const t = encodedRows(x, width, "oneHotEncoder.inverseTransform");
    const result: (Label | null)[][] = [];
    for (let i = 0; i < t.shape[0]; i++) {
      let base = i * width;
      result.push(
        this.categories.map((_, j) => {
          const kept = this.kept(j);
          let best = -1;
          for (let k = 0; k < kept.length; k++) if (t.data[base + k] > 0 && (best < 0 || t.data[base + k] > t.data[base + best])) best = k;
          base += widths[j];
          if (best >= 0) return kept[best];
          const d = this.dropIndex(j);
          return d >= 0 ? this.categories[j][d] : null;
        }),
      );
    }
    return result;
  }

  /** Output column names as sklearn's `get_feature_names_out`: `x0_red`, `x0_blue`, … */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    this.assertFitted("getFeatureNamesOut");
    if (inputFeatures && inputFeatures.length !== this.categories.length) {
      throw new RangeError(`oneHotEncoder.getFeatureNamesOut: inputFeatures has ${inputFeatures.length} names but ${this.categories.length} features were fitted`);
    }
    return this.categories.flatMap((_, j) => this.kept(j).map((c) => `${inputFeatures?.[j] ?? `x${j}`}_${c}`));
  }
}

/** Options of {@link ordinalEncoder}. */
export interface OrdinalEncoderOptions {
  /** "error" (default) refuses unseen categories; "useEncodedValue" encodes them as `unknownValue`. */
  handleUnknown?: "error" | "useEncodedValue";
  /** Code for unseen categories with handleUnknown "useEncodedValue" (a number not in 0..k−1, or NaN). */
  unknownValue?: number;
}

/** Each category becomes its position among the column's sorted categories (sklearn's OrdinalEncoder). */
export class OrdinalEncoder extends CategoryEncoder {
  readonly name = "ordinalEncoder";
  private readonly handleUnknown: "error" | "useEncodedValue";
  private readonly unknownValue?: number;

  constructor(options: OrdinalEncoderOptions = {}) {
    super();
    this.handleUnknown = options.handleUnknown ?? "error";
    if (!["error", "useEncodedValue"].includes(this.handleUnknown)) throw new RangeError(`ordinalEncoder: handleUnknown must be "error" or "useEncodedValue", got ${show(this.handleUnknown)}`);
    if (this.handleUnknown === "useEncodedValue" && typeof options.unknownValue !== "number") {
      throw new RangeError(`ordinalEncoder: unknownValue must be a number (or NaN) when handleUnknown is "useEncodedValue", got ${String(options.unknownValue)}`);
    }
    this.unknownValue = options.unknownValue;
  }

  override fit(x: CategoricalInput): this {
    super.fit(x);
    const u = this.unknownValue;
    if (u !== undefined && Number.isInteger(u) && this.categories.some((c) => u >= 0 && u < c.length)) {
      throw new RangeError(`ordinalEncoder.fit: unknownValue ${u} is also the code of a known category; choose a value outside 0..k−1 or NaN`);
    }
    return this;
  }

  /** Codes `[samples, features]` (default dtype). */
  transform(x: CategoricalInput): Tensor {
    const rows = this.rowsOf(x, "transform");
    const codes = rows.map((r) =>
      r.map((v, j) => {
        const k = this.index[j].get(v);
        if (k !== undefined) return k;
        if (this.handleUnknown === "error") throw this.unknown(v, j, "transform", 'pass handleUnknown: "useEncodedValue" with an unknownValue to encode them');
        return this.unknownValue!;
      }),
    );
    return tensor(codes);
  }

  /** `fit(x)` then `transform(x)`. */
  override fitTransform(x: CategoricalInput): Tensor {
    return this.fit(x).transform(x);
  }

  /** Categories back from codes; the unknown value gives `null`. */
  inverseTransform(x: Tensor | readonly (readonly number[])[]): (Label | null)[][] {
    this.assertFitted("inverseTransform");
    const rows = encodedRows(x, this.categories.length, "ordinalEncoder.inverseTransform").toArray() as number[][];
    return rows.map((r, i) =>
      r.map((code, j) => {
        if (this.unknownValue !== undefined && (code === this.unknownValue || (Number.isNaN(this.unknownValue) && Number.isNaN(code)))) return null;
        const c = this.categories[j][code];
        if (c === undefined) throw new RangeError(`ordinalEncoder.inverseTransform: code ${code} at row ${i}, column ${j} is not in 0..${this.categories[j].length - 1}`);
        return c;
      }),
    );
  }
}

/** Encodes class labels as 0..k−1 in sorted order (sklearn's LabelEncoder), for targets `y`. */
export class LabelEncoder extends Transformer {
  readonly name = "labelEncoder";
  /** The sorted classes (sklearn's `classes_`). */
  classes: Label[] = [];
  private index = new Map<Label, number>();

  /** Learns the sorted set of labels. */
  fit(y: Tensor | readonly Label[]): this {
    const labels = toLabels(y, "labelEncoder.fit", "y");
    if (labels.length === 0) throw new RangeError("labelEncoder.fit: y has no labels");
    this.classes = sortLabels([...new Set(labels)]);
    this.index = new Map(this.classes.map((c, i) => [c, i] as const));
    this.markFitted();
    return this;
  }

  /** Codes of the labels, a 1-D tensor (default dtype). */
  transform(y: Tensor | readonly Label[]): Tensor {
    this.assertFitted("transform");
    const labels = toLabels(y, "labelEncoder.transform", "y");
    return tensor(
      labels.map((l) => {
        const k = this.index.get(l);
        if (k === undefined) throw new RangeError(`labelEncoder.transform: y contains previously unseen label ${show(l)} (known: ${this.classes.map(show).join(", ")})`);
        return k;
      }),
    );
  }

  /** `fit(y)` then `transform(y)`. */
  override fitTransform(y: Tensor | readonly Label[]): Tensor {
    return this.fit(y).transform(y);
  }

  /** Labels back from codes. */
  inverseTransform(codes: Tensor | readonly number[]): Label[] {
    this.assertFitted("inverseTransform");
    return toLabels(codes, "labelEncoder.inverseTransform", "codes").map((c, i) => {
      const l = typeof c === "number" ? this.classes[c] : undefined;
      if (l === undefined) throw new RangeError(`labelEncoder.inverseTransform: codes[${i}] = ${show(c)} is not in 0..${this.classes.length - 1}`);
      return l;
    });
  }
}

/** One-hot encodes categorical features (sklearn's `OneHotEncoder`, dense output). */
export function oneHotEncoder(options: OneHotEncoderOptions = {}): OneHotEncoder {
  return new OneHotEncoder(options);
}

/** Encodes categorical features as integer codes (sklearn's `OrdinalEncoder`). */
export function ordinalEncoder(options: OrdinalEncoderOptions = {}): OrdinalEncoder {
  return new OrdinalEncoder(options);
}

/** Encodes target labels as 0..k−1 (sklearn's `LabelEncoder`). */
export function labelEncoder(): LabelEncoder {
  return new LabelEncoder();
}
