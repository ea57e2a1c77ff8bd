/** Helpers for the activation tests: value and gradient of a function at a tensor. */
import { tensor } from "../../../src/tensor/creation";
import type { DType } from "../../../src/tensor/dtype";
import type { Tensor } from "../../../src/tensor/tensor";
import { mul, sum } from "../../../src/ops";

/** f(x) and d Σ(upstream ⊙ f(x)) / dx at x (upstream defaults to ones). */
export function valueAndGradient(f: (x: Tensor) => Tensor, xs: number[] | number[][], dtype: DType, upstream?: number[][]): { y: number[]; grad: number[] } {
  const x = tensor(xs, { dtype, requiresGrad: true });
  const y = f(x);
  const loss = upstream ? sum(mul(y, tensor(upstream, { dtype }))) : sum(y);
  loss.backward();
  return { y: Array.from(y.data), grad: Array.from(x.grad!.data) };
}

/** Relative tolerance of the team standard per dtype. */
export const TOL: Record<DType, number> = { float32: 1e-5, float64: 1e-10 };

/**
 * Central finite difference of Σf at each entry of a float64 vector, one coordinate at a time
 * (elementwise functions: the derivative at each point).
 */
export function finiteDifference(f: (x: Tensor) => Tensor, xs: number[], h = 1e-6): number[] {
  return xs.map((_, i) => {
    const at = (d: number) => {
      const shifted = xs.slice();
      shifted[i] += d;
      return Array.from(f(tensor(shifted, { dtype: "float64" })).data).reduce((p, v) => p + v, 0);
    };
    return (at(h) - at(-h)) / (2 * h);
  });
}
