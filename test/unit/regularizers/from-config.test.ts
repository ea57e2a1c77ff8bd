/**
 * Regularizers and constraints share one resolver and one `fromConfig` (src/util/building-blocks.ts):
 * Keras's serialized form `{ className, config }` with snake_case or camelCase keys, nulls as
 * defaults, class names in any spelling, and errors that name the argument and the choices.
 * Defaults are Keras 3's documented ones (MaxNorm max_value 2, axis 0; L1L2 terms 0).
 */
import * as nn from "nnlab";

const { constraintFromConfig } = nn.constraints;
const { regularizerFromConfig } = nn.regularizers;

describe("constraintFromConfig", () => {
  test("Keras's snake_case keys, camelCase keys, and null meaning the default", () => {
    const a = constraintFromConfig("MaxNorm", { max_value: 3, axis: null }, "arg") as nn.constraints.MaxNorm;
    expect([a.className, a.maxValue, a.axis]).toEqual(["MaxNorm", 3, 0]);
    const b = constraintFromConfig("min_max_norm", { minValue: 0.5, max_value: 2, rate: 0.5, axis: [0, 1] }, "arg") as nn.constraints.MinMaxNorm;
    expect(b.getConfig()).toEqual({ min_value: 0.5, max_value: 2, rate: 0.5, axis: [0, 1] });
    expect(constraintFromConfig("NonNeg", {}, "arg").className).toBe("NonNeg");
    expect(constraintFromConfig("UnitNorm", { axis: 1 }, "arg").getConfig()).toEqual({ axis: 1 });
  });

  test("a getConfig() round trip gives an equal constraint", () => {
    for (const c of [nn.constraints.maxNorm({ maxValue: 1.5, axis: 1 }), nn.constraints.minMaxNorm({ minValue: 0.1, maxValue: 0.9, rate: 0.3 })]) {
      expect(constraintFromConfig(c.className, c.getConfig(), "arg").getConfig()).toEqual(c.getConfig());
    }
  });

  test("the arguments are checked as the factories check them", () => {
    expect(() => constraintFromConfig("MaxNorm", { max_value: -1 }, "arg")).toThrow("MaxNorm: maxValue must be a finite number ≥ 0, got -1");
  });
});

describe("regularizerFromConfig", () => {
  test("class names in any spelling; a term missing from an L1L2 config is 0, as Keras 3", () => {
    expect(regularizerFromConfig("l1_l2", { l1: 0.1 }, "arg").getConfig()).toEqual({ l1: 0.1, l2: 0 });
    expect(regularizerFromConfig("L2", { l2: null }, "arg").getConfig()).toEqual({ l2: 0.01 });
    expect(regularizerFromConfig("l1", { l1: 0.3 }, "arg").className).toBe("L1");
  });

  test("an unknown class lists the known ones", () => {
    expect(() => regularizerFromConfig("L3", {}, "d: kernelRegularizer")).toThrow('d: kernelRegularizer: unknown regularizer class "L3". Known: L1, L2, L1L2');
  });
});

describe("resolving a layer argument", () => {
  test("an object with the kind's method is used as it is; null is none; anything else names the method", () => {
    const custom = { className: "Half", penalty: (x: nn.Tensor) => x.sum().mul(0.5), getConfig: () => ({}) };
    const layer = nn.layers.dense({ units: 1, kernelRegularizer: custom, kernelConstraint: null });
    layer.ensureBuilt([null, 2]);
    layer.setWeights([[[1], [3]], [0]]);
    expect(layer.regularizationLosses().map((t) => t.item())).toEqual([2]);
    expect(() => nn.layers.dense({ units: 1, kernelConstraint: { penalty: () => 0 } as never, name: "d" }))
      .toThrow("d: kernelConstraint: expected a constraint id (maxNorm, minMaxNorm, nonNeg, unitNorm) or an object with an apply(w) method, got object");
  });
});
