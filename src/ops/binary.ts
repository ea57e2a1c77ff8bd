/**
 * Elementwise ops of two tensors, with NumPy broadcasting and gradients. Either operand may be
 * a number (`nn.mul(0.5, t)`, `nn.sub(1, p)`), taken as a scalar of the other's dtype.
 */
import { Tensor } from "../tensor/tensor";
import { allocate, type TypedArray } from "../tensor/dtype";
import { broadcastPlan } from "./broadcast";
import { binaryOperands, opResult } from "./result";
import { unaryOp } from "./unary";

/** A partial derivative of z = f(x, y), given x, y and z. */
type Partial = (x: number, y: number, z: number) => number;

function binaryOp(op: string, aIn: Tensor | number, bIn: Tensor | number, f: (x: number, y: number) => number, dfdx: Partial, dfdy: Partial): Tensor {
  const [a, b] = binaryOperands(op, aIn, bIn);
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
export function add(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp("add", a, b, (x, y) => x + y, () => 1, () => 1);
}

/** a − b, broadcasting. */
export function sub(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp("sub", a, b, (x, y) => x - y, () => 1, () => -1);
}

/** a · b elementwise, broadcasting. */
export function mul(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp("mul", a, b, (x, y) => x * y, (_x, y) => y, (x) => x);
}

/** a / b elementwise, broadcasting. */
export function div(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp("div", a, b, (x, y) => x / y, (_x, y) => 1 / y, (x, y) => -x / (y * y));
}

// At ties the gradient is split in half between the operands, as PyTorch does.
const firstWins = (x: number, y: number) => (x === y ? 0.5 : 1);

/** Elementwise maximum. */
export function maximum(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp("maximum", a, b, Math.max,
    (x, y) => (x >= y ? firstWins(x, y) : 0), (x, y) => (y >= x ? firstWins(x, y) : 0));
}

/** Elementwise minimum. */
export function minimum(a: Tensor | number, b: Tensor | number): Tensor {
  return binaryOp("minimum", a, b, Math.min,
    (x, y) => (x <= y ? firstWins(x, y) : 0), (x, y) => (y <= x ? firstWins(x, y) : 0));
}

/**
 * a^b elementwise, broadcasting; either side may be a number (`nn.pow(x, 2)`, `nn.pow(2, x)`).
 * Gradients as PyTorch's: ∂/∂a = b·a^(b−1) (0 where b = 0), ∂/∂b = a^b·ln a (0 where a = 0 and b ≥ 0).
 */
export function pow(a: Tensor | number, b: Tensor | number): Tensor {
  if (a instanceof Tensor && typeof b === "number") {
    // A constant exponent: a unary op, so no gradient is recorded for the exponent.
    const p = b;
    return unaryOp("pow", a, (x) => Math.pow(x, p), (x) => (p === 0 ? 0 : p * Math.pow(x, p - 1)));
  }
  const [base, exponent] = binaryOperands("pow", a, b, ["base", "exponent"]);
  return binaryOp("pow", base, exponent, Math.pow,
    (x, y) => (y === 0 ? 0 : y * Math.pow(x, y - 1)),
    (x, y, z) => (x === 0 && y >= 0 ? 0 : z * Math.log(x)));
}
