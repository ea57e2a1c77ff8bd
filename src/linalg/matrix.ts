/**
 * Inputs of `nn.linalg`: tensors or nested arrays, read as float64 matrices. Plain arrays are
 * JavaScript numbers (float64), so they are taken at full precision, not through the default
 * float32 dtype.
 */
import { Tensor, type NestedArray } from "../tensor/tensor";
import { tensor } from "../tensor/creation";
import { promoteDTypes, type DType } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";

/** What `nn.linalg` functions accept for a matrix or vector: a tensor or nested arrays of numbers. */
export type LinalgInput = Tensor | NestedArray;

/** A matrix operand read for computing: row-major float64 values, its tensor (autodiff) and shape. */
export interface MatrixOperand {
  /** The operand as a tensor (plain arrays become float64 tensors). */
  tensor: Tensor;
  rows: number;
  cols: number;
  /** Row-major values in float64 (a copy when the tensor is float32). */
  data: Float64Array;
}

/** `x` as a tensor; nested arrays become float64, anything else is a TypeError naming `where` and `argument`. */
export function asTensor(x: LinalgInput, where: string, argument: string): Tensor {
  if (x instanceof Tensor) return x;
  if (!Array.isArray(x)) throw new TypeError(`${where}: ${argument} must be a Tensor or nested arrays of numbers, got ${x === null ? "null" : typeof x}`);
  try {
    return tensor(x, { dtype: "float64" });
  } catch (e) {
    throw new TypeError(`${where}: ${argument}: ${(e as Error).message.replace(/^tensor: /, "")}`);
  }
}

/** Reads a 2-D operand, or a clear error naming the expected and the actual shape. */
export function matrixOperand(x: LinalgInput, where: string, argument: string): MatrixOperand {
  const t = asTensor(x, where, argument);
  if (t.rank !== 2) throw new RangeError(`${where}: ${argument} must be a matrix [rows, columns], got shape ${shapeToString(t.shape)}`);
  return { tensor: t, rows: t.shape[0], cols: t.shape[1], data: Float64Array.from(t.data) };
}

/** Reads a square matrix [n, n], or a clear error naming the shape. */
export function squareOperand(x: LinalgInput, where: string, argument = "a"): MatrixOperand {
  const m = matrixOperand(x, where, argument);
  if (m.rows !== m.cols || m.rows === 0) throw new RangeError(`${where}: ${argument} must be a square matrix [n, n] with n ≥ 1, got shape ${shapeToString(m.tensor.shape)}`);
  return m;
}

/**
 * Reads a right-hand side for a system with `rows` equations: a vector [rows] (read as one
 * column) or a matrix [rows, k]; `vector` records which, so the result takes the same form.
 */
export function rightHandSide(b: LinalgInput, rows: number, aShape: readonly number[], where: string): MatrixOperand & { vector: boolean } {
  const t = asTensor(b, where, "b");
  if ((t.rank !== 1 && t.rank !== 2) || t.shape[0] !== rows) {
    throw new RangeError(`${where}: b must have shape [${rows}] or [${rows}, k] to match a of shape ${shapeToString(aShape)}, got ${shapeToString(t.shape)}`);
  }
  const vector = t.rank === 1;
  return { tensor: t, rows, cols: vector ? 1 : t.shape[1], data: Float64Array.from(t.data), vector };
}

/** The dtype of a result: float64 when any operand is (plain arrays are), float32 otherwise. */
export function resultDType(...operands: MatrixOperand[]): DType {
  return operands.map((o) => o.tensor.dtype).reduce(promoteDTypes);
}
