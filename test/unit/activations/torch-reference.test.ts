/**
 * Every activation against PyTorch (values and gradients on a grid with large |x| and the
 * kinks, float32 and float64) and against Keras 3's definitions per id
 * (test/fixtures/torch/activations.py).
 */
import { erf as erfScalar, erfc as erfcScalar } from "../../../src/ops/erf-scalar";
import { expectClose, flat, torchFixture } from "../helpers";
import * as activations from "../../../src/activations";
import type { Tensor } from "../../../src/tensor/tensor";
import type { DType } from "../../../src/tensor/dtype";
import { tensor } from "../../../src/tensor/creation";
import { TOL, valueAndGradient } from "./fixture-helpers";

const fixture = torchFixture("activations");
const { elu, gelu, leakyRelu } = activations;

const functions: Record<string, (x: Tensor) => Tensor> = {
  sigmoid: activations.sigmoid,
  tanh: activations.tanh,
  relu: activations.relu,
  relu6: activations.relu6,
  hardSigmoid: activations.hardSigmoid,
  leakyRelu: (x) => leakyRelu(x),
  "leakyRelu_0.1": (x) => leakyRelu(x, 0.1),
  elu: (x) => elu(x),
  "elu_0.5": (x) => elu(x, 0.5),
  selu: activations.selu,
  gelu: (x) => gelu(x),
  gelu_tanh: (x) => gelu(x, true),
  swish: activations.swish,
  mish: activations.mish,
  softplus: activations.softplus,
  softsign: activations.softsign,
};

describe("activations match PyTorch (values and gradients)", () => {
  test("the fixture covers every elementwise activation", () => {
    expect(Object.keys(fixture.elementwise).sort()).toEqual(Object.keys(functions).sort());
  });
  for (const [name, f] of Object.entries(functions)) {
    for (const dtype of ["float32", "float64"] as DType[]) {
      test(`${name} ${dtype}`, () => {
        const ref = fixture.elementwise[name][dtype];
        const { y, grad } = valueAndGradient(f, ref.x, dtype);
        expectClose(y, ref.y, TOL[dtype]);
        // PyTorch's float64 hardsigmoid backward multiplies by the float32 constant 1.0f/6.0f
        // (0.1666666716…); ours is the exact 1/6 of Keras's definition, 3e-8 apart.
        expectClose(grad, ref.grad, name === "hardSigmoid" && dtype === "float64" ? 1e-7 : TOL[dtype]);
      });
    }
  }

  for (const name of ["softmax", "logSoftmax"] as const) {
    for (const dtype of ["float32", "float64"] as DType[]) {
      test(`${name} ${dtype} along axes −1 and 0, with a logit of 800`, () => {
        for (const ref of fixture.axis[name][dtype]) {
          const { y, grad } = valueAndGradient((x) => activations[name](x, ref.axis), ref.x, dtype, ref.upstream);
          expectClose(y, flat(ref.y), TOL[dtype]);
          expectClose(grad, flat(ref.grad), TOL[dtype]);
        }
      });
    }
  }

  test("step is torch.heaviside(x, 1): step(0) = 1, with zero gradient everywhere", () => {
    const { y, grad } = valueAndGradient(activations.step, fixture.grid, "float64");
    expect(y).toEqual(fixture.step);
    expect(grad.every((g) => g === 0)).toBe(true);
  });

  test("erf and erfc match Python's libm to 1e-13 relative, also in the far tail", () => {
    const { x, erf, erfc } = fixture.erf;
    x.forEach((v: number, i: number) => {
      expect(Math.abs(erfScalar(v) - erf[i])).toBeLessThanOrEqual(1e-13 * Math.max(Math.abs(erf[i]), 1e-300));
      expect(Math.abs(erfcScalar(v) - erfc[i])).toBeLessThanOrEqual(1e-13 * Math.max(erfc[i], 1e-300));
    });
  });
});

describe("string ids follow Keras 3's definitions", () => {
  for (const id of Object.keys(fixture.keras)) {
    test(`"${id}" (snake_case) and its camelCase spelling`, () => {
      const x = tensor(fixture.grid, { dtype: "float32" });
      const camel = id.replace(/_(.)/g, (_, c: string) => c.toUpperCase());
      for (const spelling of [id, camel]) {
        const { fn } = activations.getActivation(spelling, "test: activation");
        expectClose(fn(x).data, fixture.keras[id], TOL.float32);
      }
    });
  }
  test("Keras 3's leaky_relu default slope is 0.2 and gelu's default is the exact erf form", () => {
    expect(activations.LEAKY_RELU_ALPHA).toBe(0.2);
    expect(fixture.keras.leaky_relu[0]).toBe(-200); // x = −1000
    const exact = fixture.elementwise.gelu.float32.y;
    expectClose(fixture.keras.gelu, exact, 1e-6);
  });
});
