/**
 * Check cells for notebooks and scripts: compare a computed value with the number the notes
 * give (or the correct one), fail loudly with both values when they differ, and print a short
 * confirmation when they agree, so an executed notebook shows each check.
 */
import { Tensor, type NestedArray } from "../tensor/tensor";

/** Tolerances for {@link assertClose}: |actual − expected| ≤ atol + rtol·|expected| elementwise. */
export interface CloseOptions {
  /** Relative tolerance (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance (default 1e-9). */
  atol?: number;
  /** What is being checked, shown in the message ("σ(0.5)", "N2: w3 after one step"). */
  label?: string;
  /** Print the confirmation line (default true). */
  print?: boolean;
}

function flatten(value: Tensor | NestedArray | ArrayLike<number>, argument: string): number[] {
  if (value instanceof Tensor) return Array.from(value.data);
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return (value as unknown[]).flat(Infinity) as number[];
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  throw new TypeError(`assertClose: ${argument} must be a number, an array of numbers or a Tensor, got ${value === null ? "null" : typeof value}`);
}

/**
 * Throws unless `actual` and `expected` agree elementwise within the tolerances (NumPy's
 * `allclose` rule); prints `✓ <label> ≈ …` when they do. Returns nothing, so a check as a
 * cell's last statement does not show its line twice.
 *
 * ```ts
 * nn.assertClose(nn.sigmoid(nn.scalar(0.5)), 0.6224593312, { label: "a1 = σ(0.5)" });
 * ```
 */
export function assertClose(actual: Tensor | NestedArray | ArrayLike<number>, expected: Tensor | NestedArray | ArrayLike<number>, options: CloseOptions = {}): void {
  const { rtol = 1e-6, atol = 1e-9, label = "value", print = true } = options;
  if (!(rtol >= 0) || !(atol >= 0)) throw new RangeError(`assertClose: rtol and atol must be ≥ 0, got rtol=${rtol}, atol=${atol}`);
  const a = flatten(actual, "actual");
  const e = flatten(expected, "expected");
  if (a.length !== e.length) {
    throw new RangeError(`check failed: ${label}: got ${a.length} values but expected ${e.length}`);
  }
  for (let i = 0; i < a.length; i++) {
    const ok = a[i] === e[i] || Math.abs(a[i] - e[i]) <= atol + rtol * Math.abs(e[i]);
    if (!ok) {
      const where = a.length > 1 ? ` at index ${i}` : "";
      throw new Error(`check failed: ${label}${where}: got ${a[i]}, expected ${e[i]} (|difference| ${Math.abs(a[i] - e[i]).toPrecision(3)} > atol ${atol} + rtol ${rtol}·|expected|)`);
    }
  }
  const shown = e.length === 1 ? String(e[0]) : `${e.length} values`;
  if (print) console.log(`✓ ${label} ≈ ${shown}`);
}

/** Throws `check failed: <message>` unless `condition` holds; prints `✓ <message>` when it does. */
export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`✓ ${message}`);
}
