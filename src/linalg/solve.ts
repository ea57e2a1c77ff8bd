/**
 * `nn.linalg.solve` and `nn.linalg.inv`: linear systems by Gaussian elimination with partial
 * pivoting (an LU factorisation, as `numpy.linalg.solve` does through LAPACK), in float64.
 */
import { Tensor } from "../tensor/tensor";
import { allocate, type DType, type TypedArray } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";
import { opResult } from "../ops/result";
import { luFactor, luSolve, luSolveTransposed, type LuFactors } from "./lu";
import { resultDType, rightHandSide, squareOperand, type LinalgInput, type MatrixOperand } from "./matrix";

/** `values` in a fresh array of `dtype`. */
export function inDType(values: Float64Array, dtype: DType): TypedArray {
  const out = allocate(dtype, values.length);
  out.set(values);
  return out;
}

/** The LU factors of a square operand, or a clear error when it is singular. */
export function factorNonSingular(a: MatrixOperand, where: string): LuFactors {
  const f = luFactor(a.data, a.rows);
  if (f.zeroPivot >= 0) {
    throw new RangeError(
      `${where}: a of shape ${shapeToString(a.tensor.shape)} is singular: elimination leaves column ${f.zeroPivot} without a non-zero pivot, ` +
        "so the system has no unique solution (its columns are linearly dependent)",
    );
  }
  return f;
}

/** solve with the caller's name in its errors (inv reuses it). */
function solveAs(a: LinalgInput, b: LinalgInput, where: string): Tensor {
  const A = squareOperand(a, where);
  const B = rightHandSide(b, A.rows, A.tensor.shape, where);
  const f = factorNonSingular(A, where);
  const n = A.rows;
  const k = B.cols;
  const x = luSolve(f, B.data, k);
  return opResult("solve", inDType(x, resultDType(A, B)), B.tensor.shape, [A.tensor, B.tensor], (g) => {
    // X = A⁻¹B: dL/dB = A⁻ᵀ·G and dL/dA = −(A⁻ᵀ·G)·Xᵀ (one more solve with the same factors).
    const gb = luSolveTransposed(f, Float64Array.from(g), k);
    let ga: TypedArray | null = null;
    if (A.tensor.requiresGrad) {
      ga = allocate(A.tensor.dtype, n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let c = 0; c < k; c++) s += gb[i * k + c] * x[j * k + c];
          ga[i * n + j] = -s;
        }
      }
    }
    return [ga, B.tensor.requiresGrad ? inDType(gb, B.tensor.dtype) : null];
  });
}

/**
 * The solution x of A·x = b, like `numpy.linalg.solve`: `a` is a square matrix [n, n], `b` a
 * vector [n] (the result is [n]) or several right-hand sides [n, k] (the result is [n, k]).
 * Computed in float64 by Gaussian elimination with partial pivoting; the result is float64
 * unless both operands are float32 tensors (nested arrays count as float64).
 *
 * A matrix with an exactly zero pivot is a clear error. As in NumPy, a matrix that is singular
 * only up to rounding (e.g. [[1, 2, 3], [4, 5, 6], [7, 8, 9]]) is not detected and gives huge,
 * meaningless values: check the residual `a·x − b` when in doubt.
 *
 * Differentiable: with tensors that require gradients, dL/db = A⁻ᵀ·g and dL/dA = −(A⁻ᵀ·g)·xᵀ.
 *
 * ```ts
 * nn.linalg.solve([[3, 1], [1, 2]], [9, 8]); // [2, 3]
 * ```
 */
export function solve(a: LinalgInput, b: LinalgInput): Tensor {
  return solveAs(a, b, "nn.linalg.solve");
}

/**
 * The inverse A⁻¹ of a square, non-singular matrix, like `numpy.linalg.inv` (the solution of
 * A·X = I). Prefer {@link solve} for A⁻¹·b: it is cheaper and more accurate. Differentiable in `a`.
 */
export function inv(a: LinalgInput): Tensor {
  const A = squareOperand(a, "nn.linalg.inv");
  const n = A.rows;
  const identity = allocate(A.tensor.dtype, n * n);
  for (let i = 0; i < n; i++) identity[i * n + i] = 1;
  return solveAs(A.tensor, new Tensor(identity, [n, n]), "nn.linalg.inv");
}
