/** `nn.linalg.det`: the determinant, from the LU factorisation. */
import { luFactor } from "./lu";
import { squareOperand, type LinalgInput } from "./matrix";

/**
 * The determinant of a square matrix, like `numpy.linalg.det`: the product of the pivots of
 * Gaussian elimination with partial pivoting, times −1 per row swap, in float64. Exactly 0 when
 * elimination meets a zero pivot. A number, not a tensor: not differentiable.
 *
 * ```ts
 * nn.linalg.det([[1, 2], [3, 4]]); // −2
 * ```
 */
export function det(a: LinalgInput): number {
  const A = squareOperand(a, "nn.linalg.det");
  const f = luFactor(A.data, A.rows);
  if (f.zeroPivot >= 0) return 0;
  let d = f.sign;
  for (let i = 0; i < A.rows; i++) d *= f.lu[i * A.rows + i];
  return d;
}
