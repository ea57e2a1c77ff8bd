/**
 * Comparisons (1 where true, 0 where false, as floats: masks multiply straight into
 * losses and metrics) and `where`, the selection they feed. Comparisons have no gradient.
 */
import { Tensor } from "../tensor/tensor";
import { allocate, type TypedArray } from "../tensor/dtype";
import { broadcastShapes, sizeOf } from "../tensor/shape";
import { broadcastIndexMap, broadcastPlan } from "./broadcast";
import { binaryOperands, opResult } from "./result";

function compareOp(op: string, aIn: Tensor | number, bIn: Tensor | number, test: (x: number, y: number) => boolean): Tensor {
  const [a, b] = binaryOperands(op, aIn, bIn);
  const { shape, size: n, dtype, ia, ib } = broadcastPlan(a, b, op);
  const ad = a.data;
  const bd = b.data;
  const out = allocate(dtype, n);
  for (let i = 0; i < n; i++) out[i] = test(ad[ia ? ia[i] : i], bd[ib ? ib[i] : i]) ? 1 : 0;
  // Not joined to the graph: a step function has zero gradient almost everywhere.
  return new Tensor(out, shape);
}

/** 1 where a = b, else 0 (broadcasting; no gradient). */
export function equal(a: Tensor | number, b: Tensor | number): Tensor {
  return compareOp("equal", a, b, (x, y) => x === y);
}

/** 1 where a ≠ b, else 0 (broadcasting; no gradient). NaN ≠ NaN, as in IEEE 754. */
export function notEqual(a: Tensor | number, b: Tensor | number): Tensor {
  return compareOp("notEqual", a, b, (x, y) => x !== y);
}

/** 1 where a > b, else 0 (broadcasting; no gradient). */
export function greater(a: Tensor | number, b: Tensor | number): Tensor {
  return compareOp("greater", a, b, (x, y) => x > y);
}

/** 1 where a ≥ b, else 0 (broadcasting; no gradient). */
export function greaterEqual(a: Tensor | number, b: Tensor | number): Tensor {
  return compareOp("greaterEqual", a, b, (x, y) => x >= y);
}

/** 1 where a < b, else 0 (broadcasting; no gradient). */
export function less(a: Tensor | number, b: Tensor | number): Tensor {
  return compareOp("less", a, b, (x, y) => x < y);
}

/** 1 where a ≤ b, else 0 (broadcasting; no gradient). */
export function lessEqual(a: Tensor | number, b: Tensor | number): Tensor {
  return compareOp("lessEqual", a, b, (x, y) => x <= y);
}

/**
 * Elementwise selection: `a` where `condition` is non-zero, else `b`; all three broadcast
 * together. Gradients flow to `a` where the condition holds and to `b` elsewhere; the
 * condition gets none.
 *
 * ```ts
 * nn.where(nn.greater(x, 0), x, x.mul(0.01)); // leaky ReLU by hand
 * ```
 */
export function where(condition: Tensor, aIn: Tensor | number, bIn: Tensor | number): Tensor {
  if (!(condition instanceof Tensor)) {
    throw new TypeError(`where: condition must be a Tensor (e.g. nn.greater(x, 0)), got ${condition === null ? "null" : typeof condition}`);
  }
  // Two numbers take the condition's dtype.
  const [a, b] = binaryOperands("where", aIn, bIn, ["a", "b"], condition);
  const { shape: abShape, dtype } = broadcastPlan(a, b, "where");
  const shape = broadcastShapes(condition.shape, abShape, "where (condition)");
  const n = sizeOf(shape);
  const ic = broadcastIndexMap(condition.shape, shape);
  const ia = broadcastIndexMap(a.shape, shape);
  const ib = broadcastIndexMap(b.shape, shape);
  const c = condition.data;
  const out = allocate(dtype, n);
  for (let i = 0; i < n; i++) out[i] = c[ic[i]] !== 0 ? a.data[ia[i]] : b.data[ib[i]];
  return opResult("where", out, shape, [a, b], (g: TypedArray) => {
    const ga = a.requiresGrad ? allocate(a.dtype, a.size) : null;
    const gb = b.requiresGrad ? allocate(b.dtype, b.size) : null;
    for (let i = 0; i < n; i++) {
      if (c[ic[i]] !== 0) {
        if (ga) ga[ia[i]] += g[i];
      } else if (gb) gb[ib[i]] += g[i];
    }
    return [ga, gb];
  });
}
