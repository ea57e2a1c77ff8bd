/**
 * Activations: finite-difference gradient checks (float64), the factory API of parametrised
 * activations, ids, and every error message.
 */
import * as activations from "../../../src/activations";
import { tensor } from "../../../src/tensor/creation";
import type { Tensor } from "../../../src/tensor/tensor";
import { expectClose } from "../helpers";
import { finiteDifference, valueAndGradient } from "./fixture-helpers";

// Points away from every kink (0, ±3, 6), with large |x| where the derivative is tiny or 1.
const POINTS = [-30, -7.5, -4, -2.2, -1.3, -0.7, -0.2, 0.15, 0.6, 1.1, 2.4, 4.5, 7, 31];

const differentiable: Record<string, (x: Tensor) => Tensor> = {
  sigmoid: activations.sigmoid, tanh: activations.tanh, relu: activations.relu, relu6: activations.relu6,
  hardSigmoid: activations.hardSigmoid, leakyRelu: (x) => activations.leakyRelu(x, 0.3), elu: (x) => activations.elu(x, 0.7),
  selu: activations.selu, gelu: (x) => activations.gelu(x), geluTanh: (x) => activations.gelu(x, true),
  swish: activations.swish, mish: activations.mish, softplus: activations.softplus, softsign: activations.softsign,
  linear: (x) => activations.linear(x).mul(1),
};

describe("gradients agree with central finite differences (float64, h = 1e-6)", () => {
  for (const [name, f] of Object.entries(differentiable)) {
    test(name, () => {
      const { grad } = valueAndGradient(f, POINTS, "float64");
      // Truncation error h²·f‴/6 and rounding ε/h are both ≤ 1e-9 here.
      expectClose(grad, finiteDifference(f, POINTS), 1e-7);
    });
  }
  test("softmax and logSoftmax along both axes, with an upstream gradient", () => {
    const x = [[0.3, -1.2, 2.0], [4.0, 0.1, -0.5]];
    const w = [[0.7, -0.2, 1.5], [0.3, 2.0, -1.0]];
    for (const f of [activations.softmax, activations.logSoftmax]) {
      for (const axis of [-1, 0]) {
        const g = (t: Tensor) => f(t, axis).mul(tensor(w, { dtype: "float64" }));
        const { grad } = valueAndGradient((t) => f(t, axis), x, "float64", w);
        const flatX = x.flat();
        const numeric = finiteDifference((t) => g(t.reshape([2, 3])), flatX);
        expectClose(grad, numeric, 1e-7);
      }
    }
  });
});

describe("parametrised activations: on a tensor, or as a factory", () => {
  test("leakyRelu(x) uses Keras 3's 0.2; leakyRelu(x, α) and leakyRelu({ alpha }) / ({ negativeSlope }) fix α", () => {
    const x = tensor([-2, 3], { dtype: "float64" });
    expect(Array.from(activations.leakyRelu(x).data)).toEqual([-0.4, 3]);
    expect(Array.from(activations.leakyRelu(x, 0.1).data)).toEqual([-0.2, 3]);
    const f = activations.leakyRelu({ alpha: 0.1 });
    expect(Array.from(f(x).data)).toEqual([-0.2, 3]);
    expect(Array.from(activations.leakyRelu({ negativeSlope: 0.5 })(x).data)).toEqual([-1, 3]);
    expect(f.name).toBe("leakyRelu");
    expect(f.className).toBe("leakyRelu");
    expect(f.getConfig()).toEqual({ alpha: 0.1 });
    expect(activations.getActivation(f, "dense: activation")).toEqual({ name: "leakyRelu", fn: f });
    expect(Array.from(activations.leaky_relu(x).data)).toEqual([-0.4, 3]);
  });

  test("elu, gelu, softmax and logSoftmax factories", () => {
    const x = tensor([[-1, 0.5], [2, -3]], { dtype: "float64" });
    expectClose(activations.elu({ alpha: 2 })(x).data, [2 * Math.expm1(-1), 0.5, 2, 2 * Math.expm1(-3)], 1e-15);
    expect(activations.elu({}).getConfig()).toEqual({ alpha: 1 });
    expect(Array.from(activations.gelu({ approximate: true })(x).data)).toEqual(Array.from(activations.gelu(x, true).data));
    expect(activations.gelu({}).getConfig()).toEqual({ approximate: false });
    const columns = activations.softmax({ axis: 0 })(x);
    expectClose([columns.data[0] + columns.data[2], columns.data[1] + columns.data[3]], [1, 1], 1e-15);
    expect(activations.logSoftmax({ axis: 0 }).getConfig()).toEqual({ axis: 0 });
    expectClose(activations.log_softmax(x).data, Array.from(activations.softmax(x).data).map(Math.log), 1e-14);
  });

  test("softmax depends only on differences: softmax(−1, −2) = (0.731, 0.269) (E-S1-33)", () => {
    expectClose(activations.softmax(tensor([-1, -2], { dtype: "float64" })).data, [0.7310585786300049, 0.2689414213699951], 1e-15);
  });

  test("swish and silu are one function; linear returns its input", () => {
    expect(activations.silu).toBe(activations.swish);
    const x = tensor([1, 2]);
    expect(activations.linear(x)).toBe(x);
    expect(activations.getActivation(undefined, "t").name).toBe("linear");
  });
});

describe("ids", () => {
  test("every activation by camelCase and snake_case id, with aliases", () => {
    const ids: Record<string, string> = {
      step: "step", heaviside: "step", linear: "linear", identity: "linear", sigmoid: "sigmoid", logistic: "sigmoid",
      hard_sigmoid: "hardSigmoid", tanh: "tanh", relu: "relu", relu6: "relu6", leaky_relu: "leakyRelu", elu: "elu",
      selu: "selu", gelu: "gelu", swish: "swish", silu: "swish", mish: "mish", softplus: "softplus", softsign: "softsign",
      softmax: "softmax", log_softmax: "logSoftmax", logSoftmax: "logSoftmax", hardSigmoid: "hardSigmoid",
    };
    for (const [id, name] of Object.entries(ids)) expect(activations.getActivation(id, "t").name).toBe(name);
  });
});

describe("errors name the activation, the argument, the expected and the actual", () => {
  const x = tensor([1, 2]);
  const cases: Array<[string, () => unknown, string]> = [
    ["unknown id", () => activations.getActivation("relu7", "dense_1: activation"),
      'dense_1: activation: unknown activation "relu7". Valid activations: elu, gelu, hardSigmoid, leakyRelu, linear, logSoftmax, mish, relu, relu6, selu, sigmoid, softmax, softplus, softsign, step, swish, tanh'],
    ["neither id nor function", () => activations.getActivation(3 as never, "dense_1: activation"),
      "dense_1: activation: expected an activation id (string) or a function, got number"],
    ["non-finite alpha", () => activations.leakyRelu(x, NaN), "leakyRelu: alpha must be a finite number, got NaN"],
    ["alpha of the wrong type", () => activations.elu({ alpha: "1" as never }), "elu: alpha must be a finite number, got string"],
    ["alpha and negativeSlope disagree", () => activations.leakyRelu({ alpha: 0.1, negativeSlope: 0.2 }),
      "leakyRelu: alpha (0.1) and negativeSlope (0.2) name the same option; give one"],
    ["a number instead of a tensor or options", () => activations.leakyRelu(0.1 as never),
      "leakyRelu: expected a Tensor or an options object, got number"],
    ["an array instead of a tensor", () => activations.softmax([1, 2] as never), "softmax: expected a Tensor or an options object, got an array"],
    ["approximate not boolean", () => activations.gelu(x, "tanh" as never), "gelu: approximate must be a boolean, got string"],
    ["fractional axis", () => activations.softmax(x, 0.5), "softmax: axis must be an integer, got 0.5"],
    ["axis out of range", () => activations.logSoftmax(x, 1), "logSoftmax: axis 1 is out of range"],
  ];
  for (const [what, run, message] of cases) test(what, () => expect(run).toThrow(message));
});
