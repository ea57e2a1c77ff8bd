/**
 * Regularizers against Keras 3 (penalty and its gradient through torch autograd,
 * test/fixtures/torch/regularizers.py), the worked numbers N12/N13, ids and errors.
 */
import * as regularizers from "../../../src/regularizers";
import { tensor } from "../../../src/tensor/creation";
import { expectClose, flat, torchFixture } from "../helpers";

const fixture = torchFixture("regularizers");

function make(name: string, args: { l1?: number; l2?: number }): regularizers.Regularizer {
  if (name === "l1") return regularizers.l1(args.l1);
  if (name === "l2") return regularizers.l2(args.l2);
  return regularizers.l1l2(args);
}

describe("penalties match Keras 3", () => {
  for (const c of fixture.regularizers) {
    test(`${c.name} ${JSON.stringify(c.args)}: value and gradient (float64)`, () => {
      const x = tensor(c.x, { dtype: "float64", requiresGrad: true });
      const p = make(c.name, c.args).penalty(x);
      expect(p.shape).toEqual([]);
      expectClose([p.item()], [c.penalty], 1e-10);
      p.backward();
      expectClose(x.grad!.data, flat(c.grad), 1e-10);
    });
    test(`${c.name} ${JSON.stringify(c.args)}: float32`, () => {
      const p = make(c.name, c.args).penalty(tensor(c.x, { dtype: "float32" }));
      expect(p.dtype).toBe("float32");
      expectClose([p.item()], [c.penalty], 1e-5);
    });
  }
});

describe("worked numbers", () => {
  test("N12 (L1, λ = 0.2): penalty 0.2·Σ|θ| = 1.52; combined gradient g + λ·sign θ = (−1.8, −0.8, 0.1, 0.19)", () => {
    const theta = tensor([4, 3, 0.5, 0.1], { dtype: "float64", requiresGrad: true });
    const g = [-2, -1, -0.1, -0.01];
    const penalty = regularizers.l1(0.2).penalty(theta);
    expectClose([penalty.item()], [1.52], 1e-12);
    penalty.backward();
    const combined = g.map((gi, i) => gi + theta.grad!.data[i]);
    expectClose(combined, [-1.8, -0.8, 0.1, 0.19], 1e-12);
    // One step with η = 1. The note's "4 → 7.2, 3 → 2.2, 0.5 → 0.4, 0.1 → 0" is wrong (E-S1-12).
    const step = [4, 3, 0.5, 0.1].map((t, i) => t - combined[i]);
    expectClose(step, [5.8, 3.8, 0.4, -0.09], 1e-12);
    // Proximal (soft-threshold of θ − g by λ) gives exact zero for the last weight.
    const proximal = [4, 3, 0.5, 0.1].map((t, i) => {
      const z = t - g[i];
      return Math.sign(z) * Math.max(Math.abs(z) - 0.2, 0);
    });
    expectClose(proximal, [5.8, 3.8, 0.4, 0], 1e-12);
    // Penalty-only step θ − λ·sign θ.
    expectClose([4, 3, 0.5, 0.1].map((t, i) => t - theta.grad!.data[i]), [3.8, 2.8, 0.3, -0.1], 1e-12);
  });

  test("N13 (L2, λ = 0.1): gradient 2λθ = (2, 1.2, 0.6, 0.1, 0.02); combined (−3, −1.8, −1.4, −0.9, −0.08)", () => {
    const values = [10, 6, 3, 0.5, 0.1];
    const theta = tensor(values, { dtype: "float64", requiresGrad: true });
    const g = [-5, -3, -2, -1, -0.1];
    const penalty = regularizers.l2(0.1).penalty(theta); // Keras: λ·Σθ², no ½
    expectClose([penalty.item()], [0.1 * (100 + 36 + 9 + 0.25 + 0.01)], 1e-12);
    penalty.backward();
    const grad = Array.from(theta.grad!.data);
    expectClose(grad, [2, 1.2, 0.6, 0.1, 0.02], 1e-12);
    const combined = g.map((gi, i) => gi + grad[i]);
    expectClose(combined, [-3, -1.8, -1.4, -0.9, -0.08], 1e-12);
    // θ − η·combined with η = 1 (the note's 7, 4.22, 1.62, 0.42, 0.02 is wrong: E-S1-14).
    expectClose(values.map((t, i) => t - combined[i]), [13, 7.8, 4.4, 1.4, 0.18], 1e-12);
    // Penalty-only step: proportional shrinkage θ(1 − 2λ).
    expectClose(values.map((t, i) => t - grad[i]), [8, 4.8, 2.4, 0.4, 0.08], 1e-12);
  });
});

describe("factories, ids and configs", () => {
  test("Keras defaults 0.01; configs and class names as Keras", () => {
    expect(regularizers.l1().getConfig()).toEqual({ l1: 0.01 });
    expect(regularizers.l2().getConfig()).toEqual({ l2: 0.01 });
    expect(regularizers.l1l2().getConfig()).toEqual({ l1: 0.01, l2: 0.01 });
    expect(regularizers.l1l2({ l1: 0.001 }).getConfig()).toEqual({ l1: 0.001, l2: 0.01 });
    expect(regularizers.l1_l2({ l1: 0, l2: 0.3 }).className).toBe("L1L2");
    expect([regularizers.l1().className, regularizers.l2().className]).toEqual(["L1", "L2"]);
  });

  test('ids "l1", "l2", "l1l2", "l1_l2", "L1L2" resolve to fresh regularizers; undefined/null mean none', () => {
    expect(regularizers.getRegularizer("l1", "t")!.className).toBe("L1");
    expect(regularizers.getRegularizer("L2", "t")!.className).toBe("L2");
    for (const id of ["l1l2", "l1_l2", "L1L2"]) expect(regularizers.getRegularizer(id, "t")!.getConfig()).toEqual({ l1: 0.01, l2: 0.01 });
    expect(regularizers.getRegularizer("l1", "t")).not.toBe(regularizers.getRegularizer("l1", "t"));
    expect(regularizers.getRegularizer(undefined, "t")).toBeUndefined();
    expect(regularizers.getRegularizer(null, "t")).toBeUndefined();
    const custom = regularizers.l2(0.5);
    expect(regularizers.getRegularizer(custom, "t")).toBe(custom);
  });

  test("l1l2 with both strengths 0 is a scalar zero of the weight's dtype", () => {
    const p = regularizers.l1l2({ l1: 0, l2: 0 }).penalty(tensor([1, -2], { dtype: "float64" }));
    expect(p.shape).toEqual([]);
    expect(p.item()).toBe(0);
    expect(p.dtype).toBe("float64");
  });
});

describe("errors", () => {
  test("unknown id lists the valid ones", () => {
    expect(() => regularizers.getRegularizer("l3", "dense: kernelRegularizer"))
      .toThrow('dense: kernelRegularizer: unknown regularizer "l3". Valid regularizers: l1, l1l2, l2');
  });
  test("neither id nor regularizer object", () => {
    expect(() => regularizers.getRegularizer(0.01 as never, "dense: kernelRegularizer"))
      .toThrow("dense: kernelRegularizer: expected a regularizer id (l1, l1l2, l2) or an object with a penalty(x) method, got number");
    expect(() => regularizers.getRegularizer({} as never, "dense: biasRegularizer")).toThrow("got object");
  });
  test("strengths must be finite and non-negative (Keras's validate_float_arg)", () => {
    expect(() => regularizers.l1(-0.1)).toThrow("L1: l1 must be a finite number ≥ 0, got -0.1");
    expect(() => regularizers.l2(NaN)).toThrow("L2: l2 must be a finite number ≥ 0, got NaN");
    expect(() => regularizers.l1l2({ l2: Infinity })).toThrow("L1L2: l2 must be a finite number ≥ 0, got Infinity");
    expect(() => regularizers.l1("0.1" as never)).toThrow("L1: l1 must be a finite number ≥ 0, got string");
  });
});
