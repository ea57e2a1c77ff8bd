/**
 * Elementwise ops of two tensors, with NumPy broadcasting and gradients. Either operand may be
 * a number (`nn.mul(0.5, t)`, `nn.sub(1, p)`), taken as a scalar of the other's dtype.
 *
 * add, sub and mul have their own loops for the layouts a training step meets every batch (equal
 * shapes, a bias row or a scalar repeated over a batch; see ./tiles.ts), since a loop calling a
 * per-op closure per element costs several times more; every other case takes the generic loop
 * over broadcast index maps. Both do the same arithmetic in the same order, so they round alike
 * (a zero gradient may differ in sign: the tiled loops pass g through instead of adding it to 0).
 */
import { Tensor } from "../tensor/tensor";
import { allocate, type DType, type TypedArray } from "../tensor/dtype";
import { broadcastPlan, type BroadcastPlan } from "./broadcast";
import { binaryOperands, opResult } from "./result";
import { sumTiles, tilePeriod } from "./tiles";
import { unaryOp } from "./unary";

/** A partial derivative of z = f(x, y), given x, y and z. */
type Partial = (x: number, y: number, z: number) => number;

/** The generic elementwise op: reads both operands through the plan's index maps. */
function binaryOp(op: string, aIn: Tensor | number, bIn: Tensor | number, f: (x: number, y: number) => number, dfdx: Partial, dfdy: Partial): Tensor {
  const [a, b] = binaryOperands(op, aIn, bIn);
  return mappedOp(op, a, b, broadcastPlan(a, b, op), f, dfdx, dfdy);
}

function mappedOp(op: string, a: Tensor, b: Tensor, plan: BroadcastPlan, f: (x: number, y: number) => number, dfdx: Partial, dfdy: Partial): Tensor {
  const { shape, size: n, dtype, ia, ib } = plan;
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

/**
 * A tiled layout of a binary op: each operand is read at `offset(row) + j` for j < period, the
 * output row by row. `pa`/`pb` are the operands' periods (n when an operand has the output's size).
 */
interface Tiles {
  n: number;
  /** Elements per output row: the smaller period. */
  period: number;
  pa: number;
  pb: number;
}

/** The tiled layout of a and b under `plan`, or null when one needs an index map (e.g. a column [m, 1]). */
function tiles(a: Tensor, b: Tensor, plan: BroadcastPlan): Tiles | null {
  const n = plan.size;
  const pa = tilePeriod(a, plan.shape);
  const pb = tilePeriod(b, plan.shape);
  if (n === 0 || pa === 0 || pb === 0 || (pa !== n && pb !== n)) return null;
  return { n, period: Math.min(pa, pb), pa, pb };
}

/** `g` as the gradient of an operand of dtype `dtype` with the output's size (a converted copy if the dtypes differ). */
function asGradient(g: TypedArray, dtype: DType): TypedArray {
  if ((dtype === "float64") === g instanceof Float64Array) return g;
  const copy = allocate(dtype, g.length);
  copy.set(g);
  return copy;
}

/** The gradient of a + b or a − b (`sign` −1) for operand `t`: g reduced over t's tiles, times the sign. */
function linearGradient(t: Tensor, g: TypedArray, period: number, sign: 1 | -1): TypedArray | null {
  if (!t.requiresGrad) return null;
  const gt = period === g.length ? asGradient(g, t.dtype) : sumTiles(g, period, allocate(t.dtype, period));
  if (sign === 1) return gt;
  const negated = gt === g ? allocate(t.dtype, g.length) : gt;
  for (let i = 0; i < negated.length; i++) negated[i] = -gt[i];
  return negated;
}

/** a + b on tiles: row by row, each operand at its own offset. */
function addTiles(out: TypedArray, ad: TypedArray, bd: TypedArray, { n, period, pa, pb }: Tiles): void {
  for (let r = 0; r < n; r += period) {
    const oa = pa === n ? r : 0;
    const ob = pb === n ? r : 0;
    for (let j = 0; j < period; j++) out[r + j] = ad[oa + j] + bd[ob + j];
  }
}

/** a − b on tiles (see {@link addTiles}). */
function subTiles(out: TypedArray, ad: TypedArray, bd: TypedArray, { n, period, pa, pb }: Tiles): void {
  for (let r = 0; r < n; r += period) {
    const oa = pa === n ? r : 0;
    const ob = pb === n ? r : 0;
    for (let j = 0; j < period; j++) out[r + j] = ad[oa + j] - bd[ob + j];
  }
}

/** a · b on tiles (see {@link addTiles}). */
function mulTiles(out: TypedArray, ad: TypedArray, bd: TypedArray, { n, period, pa, pb }: Tiles): void {
  for (let r = 0; r < n; r += period) {
    const oa = pa === n ? r : 0;
    const ob = pb === n ? r : 0;
    for (let j = 0; j < period; j++) out[r + j] = ad[oa + j] * bd[ob + j];
  }
}

/**
 * The gradient of a · b for the operand `t` with period `pt`, the other factor being `od` with
 * period `po`: g ⊙ other, summed over t's tiles (in output order, as the generic loop sums).
 */
function productGradient(t: Tensor, g: TypedArray, od: TypedArray, pt: number, po: number, { n, period }: Tiles): TypedArray | null {
  if (!t.requiresGrad) return null;
  const gt = allocate(t.dtype, pt);
  for (let r = 0; r < n; r += period) {
    const ot = pt === n ? r : 0;
    const oo = po === n ? r : 0;
    for (let j = 0; j < period; j++) gt[ot + j] += g[r + j] * od[oo + j];
  }
  return gt;
}

/** a + b, a − b or a · b: the tiled loops when the layout allows, else the generic op. */
function arithmetic(op: "add" | "sub" | "mul", aIn: Tensor | number, bIn: Tensor | number): Tensor {
  const [a, b] = binaryOperands(op, aIn, bIn);
  const plan = broadcastPlan(a, b, op);
  const t = tiles(a, b, plan);
  if (t === null) return mappedOp(op, a, b, plan, ...GENERIC[op]);
  const out = allocate(plan.dtype, t.n);
  const ad = a.data;
  const bd = b.data;
  if (op === "mul") {
    mulTiles(out, ad, bd, t);
    return opResult(op, out, plan.shape, [a, b], (g) => [productGradient(a, g, bd, t.pa, t.pb, t), productGradient(b, g, ad, t.pb, t.pa, t)]);
  }
  if (op === "add") addTiles(out, ad, bd, t);
  else subTiles(out, ad, bd, t);
  return opResult(op, out, plan.shape, [a, b], (g) => [linearGradient(a, g, t.pa, 1), linearGradient(b, g, t.pb, op === "add" ? 1 : -1)]);
}

/** The generic forms of the tiled ops, for layouts that need index maps. */
const GENERIC: Record<"add" | "sub" | "mul", [(x: number, y: number) => number, Partial, Partial]> = {
  add: [(x, y) => x + y, () => 1, () => 1],
  sub: [(x, y) => x - y, () => 1, () => -1],
  mul: [(x, y) => x * y, (_x, y) => y, (x) => x],
};

/** a + b, broadcasting. */
export function add(a: Tensor | number, b: Tensor | number): Tensor {
  return arithmetic("add", a, b);
}

/** a − b, broadcasting. */
export function sub(a: Tensor | number, b: Tensor | number): Tensor {
  return arithmetic("sub", a, b);
}

/** a · b elementwise, broadcasting. */
export function mul(a: Tensor | number, b: Tensor | number): Tensor {
  return arithmetic("mul", a, b);
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
