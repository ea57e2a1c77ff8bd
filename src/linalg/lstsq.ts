/**
 * `nn.linalg.lstsq`: least squares by Householder QR, in float64. Cheaper than NumPy's SVD
 * route and as accurate for a matrix of full column rank; rank-deficient and underdetermined
 * problems (which need the SVD's minimum-norm solution) are refused with a clear error.
 */
import { Tensor } from "../tensor/tensor";
import { shapeToString } from "../tensor/shape";
import { matrixOperand, resultDType, rightHandSide, type LinalgInput } from "./matrix";
import { inDType } from "./solve";

/** What {@link lstsq} returns. */
export interface LstsqResult {
  /** x minimising ‖a·x − b‖₂: shape [n] for a vector b, [n, k] for b [m, k]. */
  solution: Tensor;
  /**
   * Sum of squared residuals ‖a·x − b‖₂² per column of b (shape [1] for a vector b, [k]
   * otherwise), as NumPy gives them; empty (shape [0]) when a is square (the fit is exact).
   */
  residuals: Tensor;
}

/**
 * The least-squares solution of a·x ≈ b, like `numpy.linalg.lstsq` for a tall or square
 * matrix `a` [m, n] (m ≥ n) of full column rank: Householder reflections make a = Q·R, then
 * R·x = Qᵀ·b is solved backwards. `b` is [m] or [m, k]. Not differentiable (a plain result).
 *
 * ```ts
 * // The line y = c + s·t through (0, 1), (1, 2), (2, 2): c = 7/6, s = 1/2.
 * nn.linalg.lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 2]).solution; // [1.1667, 0.5]
 * ```
 */
export function lstsq(a: LinalgInput, b: LinalgInput): LstsqResult {
  const where = "nn.linalg.lstsq";
  const A = matrixOperand(a, where, "a");
  const { rows: m, cols: n } = A;
  if (n === 0 || m < n) {
    throw new RangeError(`${where}: a must have at least as many rows as columns (and ≥ 1 column), got shape ${shapeToString(A.tensor.shape)}; an underdetermined system has no unique least-squares solution`);
  }
  const B = rightHandSide(b, m, A.tensor.shape, where);
  const k = B.cols;
  const r = A.data; // reduced to R in place
  const qb = B.data; // becomes Qᵀ·b in place
  let largestColumn = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += r[i * n + j] ** 2;
    largestColumn = Math.max(largestColumn, Math.sqrt(s));
  }
  // numpy's default rcond: a singular value below eps·max(m, n)·σ_max counts as zero.
  const tolerance = Number.EPSILON * Math.max(m, n) * largestColumn;
  const v = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    let norm = 0;
    for (let i = j; i < m; i++) norm += r[i * n + j] ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > tolerance)) {
      throw new RangeError(
        `${where}: a of shape ${shapeToString(A.tensor.shape)} is rank-deficient: column ${j} is a linear combination of the columns before it (to rounding), ` +
          "so the least-squares solution is not unique; remove the column or add a ridge penalty",
      );
    }
    // Reflect a[j:, j] onto −sign(a_jj)·‖a[j:, j]‖·e₁ (the sign avoids cancellation).
    const alpha = r[j * n + j] > 0 ? -norm : norm;
    let vv = 0;
    for (let i = j; i < m; i++) {
      v[i] = r[i * n + j] - (i === j ? alpha : 0);
      vv += v[i] ** 2;
    }
    const reflect = (target: Float64Array, width: number, from: number) => {
      for (let c = from; c < width; c++) {
        let s = 0;
        for (let i = j; i < m; i++) s += v[i] * target[i * width + c];
        const f = (2 * s) / vv;
        for (let i = j; i < m; i++) target[i * width + c] -= f * v[i];
      }
    };
    reflect(r, n, j + 1);
    reflect(qb, k, 0);
    r[j * n + j] = alpha;
    for (let i = j + 1; i < m; i++) r[i * n + j] = 0;
  }
  const x = new Float64Array(n * k);
  for (let i = n - 1; i >= 0; i--) {
    for (let c = 0; c < k; c++) {
      let s = qb[i * k + c];
      for (let j = i + 1; j < n; j++) s -= r[i * n + j] * x[j * k + c];
      x[i * k + c] = s / r[i * n + i];
    }
  }
  const residuals = new Float64Array(m > n ? k : 0);
  if (m > n) for (let c = 0; c < k; c++) for (let i = n; i < m; i++) residuals[c] += qb[i * k + c] ** 2;
  const dtype = resultDType(A, B);
  return {
    solution: new Tensor(inDType(x, dtype), B.vector ? [n] : [n, k]),
    residuals: new Tensor(inDType(residuals, dtype), [residuals.length]),
  };
}
