/**
 * Constraints against Keras 3 (test/fixtures/torch/regularizers.py) and by hand, with ids,
 * configs and errors.
 */
import * as constraints from "../../../src/constraints";
import { tensor } from "../../../src/tensor/creation";
import { expectClose, flat, torchFixture } from "../helpers";

const fixture = torchFixture("regularizers");

function make(name: string, args: Record<string, never>): constraints.Constraint {
  switch (name) {
    case "maxNorm": return constraints.maxNorm(args);
    case "nonNeg": return constraints.nonNeg();
    case "unitNorm": return constraints.unitNorm(args);
    case "minMaxNorm": return constraints.minMaxNorm(args);
    default: throw new Error(name);
  }
}

describe("constrained weights match Keras 3", () => {
  fixture.constraints.forEach((c: { name: string; args: Record<string, never>; x: number[]; shape: number[]; y: number[] }, i: number) => {
    test(`${i}: ${c.name} ${JSON.stringify(c.args)} on shape [${c.shape}] (float64 and float32)`, () => {
      const w = tensor(c.x, { dtype: "float64" });
      const out = make(c.name, c.args).apply(w);
      expect(out.shape).toEqual(c.shape);
      expectClose(out.data, flat(c.y), 1e-10);
      expectClose(make(c.name, c.args).apply(tensor(c.x, { dtype: "float32" })).data, flat(c.y), 1e-5);
    });
  });
});

describe("by hand", () => {
  test("maxNorm(2) on columns with norms 5 and 1: the first is scaled to norm 2, the second kept (up to ε = 1e-7)", () => {
    const w = tensor([[3, 0.6], [4, 0.8]], { dtype: "float64" });
    const out = constraints.maxNorm({ maxValue: 2, axis: 0 }).apply(w);
    expectClose(out.data, [3 * 2 / (5 + 1e-7), 0.6 / (1 + 1e-7), 4 * 2 / (5 + 1e-7), 0.8 / (1 + 1e-7)], 1e-15);
  });
  test("apply returns a new tensor without gradient and leaves the weight unchanged", () => {
    const w = tensor([[3, -1], [4, 2]], { dtype: "float64", requiresGrad: true });
    for (const c of [constraints.maxNorm(), constraints.nonNeg(), constraints.unitNorm(), constraints.minMaxNorm()]) {
      const out = c.apply(w);
      expect(out).not.toBe(w);
      expect(out.requiresGrad).toBe(false);
      expect(out.gradFn).toBeNull();
    }
    expect(Array.from(w.data)).toEqual([3, -1, 4, 2]);
  });
  test("nonNeg is max(w, 0)", () => {
    expect(Array.from(constraints.nonNeg().apply(tensor([-1, 0, 2.5])).data)).toEqual([0, 0, 2.5]);
  });
});

describe("ids and configs", () => {
  test('ids "max_norm", "non_neg", "unit_norm", "min_max_norm" and Keras class names give Keras defaults', () => {
    expect(constraints.getConstraint("max_norm", "t")!.getConfig()).toEqual({ max_value: 2, axis: 0 });
    expect(constraints.getConstraint("NonNeg", "t")!.getConfig()).toEqual({});
    expect(constraints.getConstraint("unit_norm", "t")!.getConfig()).toEqual({ axis: 0 });
    expect(constraints.getConstraint("minMaxNorm", "t")!.getConfig()).toEqual({ min_value: 0, max_value: 1, rate: 1, axis: 0 });
    expect(constraints.getConstraint(undefined, "t")).toBeUndefined();
    const c = constraints.max_norm({ maxValue: 3, axis: [0, 1] });
    expect(constraints.getConstraint(c, "t")).toBe(c);
    expect(c.className).toBe("MaxNorm");
    expect(c.getConfig()).toEqual({ max_value: 3, axis: [0, 1] });
  });
});

describe("errors", () => {
  const cases: Array<[string, () => unknown, string]> = [
    ["unknown id", () => constraints.getConstraint("maxnorm2", "dense: kernelConstraint"),
      'dense: kernelConstraint: unknown constraint "maxnorm2". Valid constraints: maxNorm, minMaxNorm, nonNeg, unitNorm'],
    ["not a constraint", () => constraints.getConstraint(2 as never, "dense: kernelConstraint"),
      "dense: kernelConstraint: expected a constraint id (maxNorm, minMaxNorm, nonNeg, unitNorm) or an object with an apply(w) method, got number"],
    ["negative maxValue", () => constraints.maxNorm({ maxValue: -1 }), "MaxNorm: maxValue must be a finite number ≥ 0, got -1"],
    ["fractional axis", () => constraints.unitNorm({ axis: 0.5 }), "UnitNorm: axis must be an integer or a non-empty array of integers, got 0.5"],
    ["empty axis list", () => constraints.maxNorm({ axis: [] }), "MaxNorm: axis must be an integer or a non-empty array of integers, got []"],
    ["minValue > maxValue", () => constraints.minMaxNorm({ minValue: 2, maxValue: 1 }), "MinMaxNorm: minValue (2) must not exceed maxValue (1)"],
    ["rate > 1", () => constraints.minMaxNorm({ rate: 1.5 }), "MinMaxNorm: rate must be in [0, 1], got 1.5"],
    ["axis out of range for the weight", () => constraints.maxNorm({ axis: 2 }).apply(tensor([[1, 2]])),
      "MaxNorm: axis 2 is out of range for a weight of shape [1, 2] (rank 2)"],
  ];
  for (const [what, run, message] of cases) test(what, () => expect(run).toThrow(message));
});
