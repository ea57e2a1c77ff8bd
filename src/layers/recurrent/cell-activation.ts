/**
 * The activations a recurrent cell can use. The fused recurrent op writes its backward pass by
 * hand, so each activation here carries its derivative expressed through its output y = f(x)
 * (what the op stores per step); functions whose derivative needs more than y are not offered.
 */
import { normalizeId } from "../../util/registry";

/** An elementwise activation with its derivative as a function of the output. */
export interface CellActivation {
  /** The canonical id, as written to configs ("tanh", "sigmoid", …). */
  readonly name: string;
  /** y = f(x). */
  readonly f: (x: number) => number;
  /** dy/dx given y. */
  readonly dfdy: (y: number) => number;
}

const table: CellActivation[] = [
  { name: "tanh", f: Math.tanh, dfdy: (y) => 1 - y * y },
  { name: "sigmoid", f: (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))), dfdy: (y) => y * (1 - y) },
  { name: "relu", f: (x) => (x > 0 ? x : 0), dfdy: (y) => (y > 0 ? 1 : 0) },
  { name: "linear", f: (x) => x, dfdy: () => 1 },
  // Keras 3's hard_sigmoid: relu6(x + 3) / 6, slope 1/6 strictly inside (0, 1).
  { name: "hardSigmoid", f: (x) => Math.min(1, Math.max(0, x / 6 + 0.5)), dfdy: (y) => (y > 0 && y < 1 ? 1 / 6 : 0) },
  // softsign x / (1 + |x|): 1 − |y| = 1 / (1 + |x|), so the slope is (1 − |y|)².
  { name: "softsign", f: (x) => x / (1 + Math.abs(x)), dfdy: (y) => (1 - Math.abs(y)) ** 2 },
];

const byId = new Map<string, CellActivation>();
for (const a of table) byId.set(normalizeId(a.name), a);
byId.set("identity", table[3]);
byId.set("hardsigmoid", table[4]);

/**
 * Resolves a recurrent layer's `activation`/`recurrentActivation` (null means linear, as Keras);
 * an unsupported id names the argument and lists the supported ones.
 */
export function cellActivation(id: unknown, argument: string): CellActivation {
  if (id === null) return table[3];
  if (typeof id !== "string") {
    throw new TypeError(`${argument}: a recurrent layer takes an activation id (${table.map((a) => a.name).join(", ")}), got ${typeof id}`);
  }
  const found = byId.get(normalizeId(id));
  if (!found) {
    throw new RangeError(`${argument}: unsupported activation "${id}" for a recurrent layer. Supported: ${table.map((a) => a.name).join(", ")}`);
  }
  return found;
}
