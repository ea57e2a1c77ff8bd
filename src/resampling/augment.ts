/**
 * Augmentation by sampling (the notes' §14c): draw rows with replacement and add Gaussian
 * noise to numeric columns, leaving categorical columns (resampled with their rows) and the
 * label columns untouched — the notebook version also noised the label, which this avoids.
 */
import type * as aq from "arquero";
import { rngFor } from "../data/split";
import { arquero } from "../util/lazy-modules";

/** Options of {@link augmentBySampling}. */
export interface AugmentOptions {
  /** Standard deviation of the noise on numeric columns (default 0.01, as in the notes). */
  noise?: number;
  /** Columns never noised, e.g. the label (default none). */
  exclude?: string[];
  /** Integer columns are rounded back to integers after the noise (default true). */
  roundIntegers?: boolean;
  /** Seed; the global generator (`nn.setSeed`) when omitted. */
  seed?: number;
}

/** `n` new rows sampled with replacement from `table`, with N(0, noise²) added to its numeric, non-excluded columns. */
export function augmentBySampling(table: aq.internal.ColumnTable, n: number, options: AugmentOptions = {}): aq.internal.ColumnTable {
  if (!table || typeof (table as { columnNames?: unknown }).columnNames !== "function") throw new TypeError("augmentBySampling: table must be an arquero table (aq.table({...}) or nn.mock.mockRows)");
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`augmentBySampling: n must be a whole number ≥ 0, got ${n}`);
  const rows = table.numRows();
  if (rows === 0) throw new RangeError("augmentBySampling: table has no rows to sample from");
  const noise = options.noise ?? 0.01;
  if (!(noise >= 0) || !Number.isFinite(noise)) throw new RangeError(`augmentBySampling: noise must be a finite number ≥ 0, got ${options.noise}`);
  const names = table.columnNames();
  for (const c of options.exclude ?? []) if (!names.includes(c)) throw new RangeError(`augmentBySampling: exclude names column "${c}" which the table does not have (columns: ${names.join(", ")})`);
  const rng = rngFor(options.seed);
  const picks = Array.from({ length: n }, () => rng.int(rows));
  const out: Record<string, unknown[]> = {};
  for (const c of names) {
    const col = table.array(c) as unknown as unknown[];
    const values = Array.from({ length: rows }, (_, i) => col[i]);
    const numeric = values.every((v) => typeof v === "number");
    const integer = numeric && values.every((v) => Number.isInteger(v));
    const noisy = numeric && !(options.exclude ?? []).includes(c);
    out[c] = picks.map((i) => {
      if (!noisy) return values[i];
      const v = (values[i] as number) + noise * rng.normal();
      return integer && (options.roundIntegers ?? true) ? Math.round(v) : v;
    });
  }
  return arquero().table(out);
}
