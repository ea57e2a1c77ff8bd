/**
 * Gradient checking: compares the gradients autodiff computes with central finite differences,
 * both in float64. Layers, losses and custom ops are checked with it.
 */
import { Tensor } from "../tensor/tensor";
import { enableGrad, noGrad } from "../tensor/autograd";
import { shapeToString } from "../tensor/shape";
import { Random } from "../random/rng";
import { gradientTensors } from "./gradients";

/** Options of {@link checkGrad}. */
export interface CheckGradOptions {
  /** Finite-difference step h in (f(x + h) − f(x − h)) / 2h. Default 1e-6. */
  epsilon?: number;
  /** `passed` is true when every error is at most this. Default 1e-6. */
  tolerance?: number;
}

/** The comparison for one input. */
export interface InputGradCheck {
  /** The gradient from autodiff of Σ f(x) ⊙ probe (of f(x) itself when f is scalar), the input's shape. */
  analytic: Tensor;
  /** The gradient from central differences. */
  numeric: Tensor;
  /** max |analytic − numeric|. */
  maxAbsoluteError: number;
  /** max |analytic − numeric| / max(|analytic|, |numeric|, 1): relative for large gradients, absolute for small ones. */
  maxRelativeError: number;
}

/** Result of {@link checkGrad}. */
export interface GradCheckResult {
  /** The largest relative error over all inputs. */
  maxRelativeError: number;
  /** True when `maxRelativeError` ≤ the tolerance. */
  passed: boolean;
  /** The weights P of Σ f(x) ⊙ P: 1 for a scalar f, fixed random values in [0.5, 1.5) otherwise. */
  probe: Tensor;
  /** One comparison per input, in order. */
  inputs: InputGradCheck[];
}

/**
 * Checks the gradients of `fn` at `inputs` against central finite differences in float64.
 * The inputs are copied to float64 (tensors `fn` captures keep their dtype; ops promote). A
 * non-scalar output is reduced as Σ f(x) ⊙ P with a fixed random P, so that errors a plain sum
 * would hide (softmax's Σ is constant) still show. `fn` must be deterministic.
 *
 * ```ts
 * const w = nn.tensor([[0.1, -0.2], [0.3, 0.4]]);
 * const r = nn.checkGrad((x) => nn.softmax(x.matmul(w)), [nn.tensor([[1, 2]])]);
 * r.maxRelativeError; // ≈ 1e-10
 * ```
 */
export function checkGrad(fn: (...inputs: Tensor[]) => Tensor, inputs: Tensor | readonly Tensor[], options: CheckGradOptions = {}): GradCheckResult {
  const h = options.epsilon ?? 1e-6;
  const tolerance = options.tolerance ?? 1e-6;
  if (typeof fn !== "function") throw new TypeError(`checkGrad: expected a function of tensors, got ${typeof fn}`);
  if (!(h > 0)) throw new RangeError(`checkGrad: epsilon must be a positive number, got ${options.epsilon}`);
  const list = inputs instanceof Tensor ? [inputs] : inputs;
  if (!Array.isArray(list) || list.length === 0) throw new TypeError("checkGrad: inputs must be a Tensor or a non-empty array of tensors");
  const leaves = list.map((x, i) => {
    if (!(x instanceof Tensor)) throw new TypeError(`checkGrad: input ${i} is not a Tensor (got ${x === null ? "null" : typeof x})`);
    return new Tensor(Float64Array.from(x.data), x.shape, { requiresGrad: true });
  });

  const output = enableGrad(() => fn(...leaves));
  if (!(output instanceof Tensor)) throw new TypeError(`checkGrad: fn must return a Tensor, got ${typeof output}`);
  const probeRandom = new Random(1234);
  const weights = output.size === 1 ? [1] : Array.from({ length: output.size }, () => probeRandom.uniform() + 0.5);
  const probe = new Tensor(Float64Array.from(weights), output.shape);
  const analytic = gradientTensors("checkGrad", output, leaves, probe);

  const objective = (): number =>
    noGrad(() => {
      const y = fn(...leaves);
      if (y.size !== probe.size) throw new RangeError(`checkGrad: fn's output changed shape from ${shapeToString(probe.shape)} to ${shapeToString(y.shape)}`);
      let s = 0;
      for (let i = 0; i < y.size; i++) s += y.data[i] * probe.data[i];
      return s;
    });

  const results = leaves.map((leaf, k) => {
    const numeric = new Float64Array(leaf.size);
    const x = leaf.data;
    for (let i = 0; i < x.length; i++) {
      const saved = x[i];
      x[i] = saved + h;
      const plus = objective();
      x[i] = saved - h;
      const minus = objective();
      x[i] = saved;
      numeric[i] = (plus - minus) / (2 * h);
    }
    let maxAbs = 0;
    let maxRel = 0;
    const a = analytic[k].data;
    for (let i = 0; i < numeric.length; i++) {
      const err = Math.abs(a[i] - numeric[i]);
      // NaN on either side is a failure, not a pass.
      const rel = Number.isNaN(err) ? Infinity : err / Math.max(Math.abs(a[i]), Math.abs(numeric[i]), 1);
      maxAbs = Math.max(maxAbs, Number.isNaN(err) ? Infinity : err);
      maxRel = Math.max(maxRel, rel);
    }
    return { analytic: analytic[k], numeric: new Tensor(numeric, leaf.shape), maxAbsoluteError: maxAbs, maxRelativeError: maxRel };
  });
  const maxRelativeError = Math.max(...results.map((r) => r.maxRelativeError));
  return { maxRelativeError, passed: maxRelativeError <= tolerance, probe, inputs: results };
}
