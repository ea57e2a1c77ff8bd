/** Elementwise ops of two tensors, with NumPy broadcasting and gradients. */
import type { Tensor } from "../tensor/tensor";
import { allocate, type TypedArray } from "../tensor/dtype";
import { broadcastPlan } from "./broadcast";
import { asTensor, opResult } from "./result";

/** A partial derivative of z = f(x, y), given x, y and z. */
type Partial = (x: number, y: number, z: number) => number;

function binaryOp(op: string, a: Tensor, b: Tensor, f: (x: number, y: number) => number, dfdx: Partial, dfdy: Partial): Tensor {
  const { shape, size: n, dtype, ia, ib } = broadcastPlan(a, b, op);
  const ad = a.data;
  const bd = b.data;
  const out = allocate(dtype, n);
  if (!ia && !ib) for (let i = 0; i < n; i++) out[i] = f(ad[i], bd[i]);
  else for (let i = 0; i < n; i++) out[i] = f(ad[ia ? ia[i] : i], bd[ib ? ib[i] : i]);

  return opResult(op, out, shape, [a, b], (g: TypedArray) => {
    const ga = a.requiresGrad ? allocate(a.dtype, a.size) : null;
    const gb = b.requiresGrad ? allocate(b.dtype, b.size) : null;
    for (let i = 0; i < n; i++) {
      const ja = ia ? ia[i] : i;
      const jb = ib ? ib[i] : i;
      // Summing into the broadcast source reduces the gradient back to the input's shape.
      if (ga) ga[ja] += g[i] * dfdx(ad[ja], bd[jb], out[i]);
      if (gb) gb[jb] += g[i] * dfdy(ad[ja], bd[jb], out[i]);
    }
    return [ga, gb];
  });
}

/** a + b, broadcasting. */
export function add(a: Tensor, b: Tensor | number): Tensor {
  return binaryOp("add", a, asTensor(b, a), (x, y) => x + y, () => 1, () => 1);
}

/** a − b, broadcasting. */
export function sub(a: Tensor, b: Tensor | number): Tensor {
  return binaryOp("sub", a, asTensor(b, a), (x, y) => x - y, () => 1, () => -1);
}

/** a · b elementwise, broadcasting. */
export function mul(a: Tensor, b: Tensor | number): Tensor {
  return binaryOp("mul", a, asTensor(b, a), (x, y) => x * y, (_x, y) => y, (x) => x);
}

/** a / b elementwise, broadcasting. */
export function div(a: Tensor, b: Tensor | number): Tensor {
  return binaryOp("div", a, asTensor(b, a), (x, y) => x / y, (_x, y) => 1 / y, (x, y) => -x / (y * y));
}

// At ties the gradient is split in half between the operands, as PyTorch does.
const firstWins = (x: number, y: number) => (x === y ? 0.5 : 1);

/** Elementwise maximum. */
export function maximum(a: Tensor, b: Tensor | number): Tensor {
  return binaryOp("maximum", a, asTensor(b, a), Math.max,
    (x, y) => (x >= y ? firstWins(x, y) : 0), (x, y) => (y >= x ? firstWins(x, y) : 0));
}

/** Elementwise minimum. */
export function minimum(a: Tensor, b: Tensor | number): Tensor {
  return binaryOp("minimum", a, asTensor(b, a), Math.min,
    (x, y) => (x <= y ? firstWins(x, y) : 0), (x, y) => (y <= x ? firstWins(x, y) : 0));
}
