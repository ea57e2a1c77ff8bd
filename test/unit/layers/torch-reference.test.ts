/**
 * Layers against PyTorch (test/fixtures/torch/layers.py): forward outputs and the gradients of
 * Σ output ⊙ c (plus regularization penalties for Dense) with respect to inputs and weights,
 * float32 at 1e-5 and float64 at 1e-10 relative.
 */
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";

const fx = torchFixture("layers");
const TOL: Record<nn.DType, number> = { float32: 1e-5, float64: 1e-10 };
const DTYPES: nn.DType[] = ["float32", "float64"];

beforeEach(() => nn.clearSession());

/** Runs `layer` on x (training mode), backpropagates Σ y ⊙ c + extra, returns y and x's gradient. */
function forwardBackward(layer: nn.layers.Layer, xValues: nn.NestedArray, c: nn.NestedArray, dtype: nn.DType, training = true) {
  const x = nn.tensor(xValues, { dtype, requiresGrad: true });
  const y = layer.apply(x, training);
  let loss = y.mul(nn.tensor(c, { dtype })).sum();
  for (const p of layer.regularizationLosses()) loss = loss.add(p);
  loss.backward();
  return { y, x, loss };
}

describe.each(DTYPES)("%s", (dtype) => {
  const tol = TOL[dtype];

  test("Dense (tanh) with kernel L2, bias L1 and activity L2 penalties: output, penalties, gradients", () => {
    const c = fx.dense;
    const ref = c[dtype];
    const layer = nn.layers.dense({
      units: 2, activation: "tanh", dtype, kernelRegularizer: nn.regularizers.l2(c.l2),
      biasRegularizer: nn.regularizers.l1(c.l1), activityRegularizer: nn.regularizers.l2(c.activity_l2),
    });
    layer.ensureBuilt([null, 3]);
    layer.setWeights([c.kernel, c.bias]);
    const { y, x, loss } = forwardBackward(layer, c.x, c.c, dtype);
    expectClose(y.data, flat(ref.y), tol);
    expectClose(layer.regularizationLosses().map((t) => t.item()), ref.penalties, tol);
    expectClose([loss.item()], [ref.loss], tol);
    expectClose(x.grad!.data, flat(ref.grad_x), tol);
    expectClose(layer.weights[0].grad!.data, flat(ref.grad_kernel), tol);
    expectClose(layer.weights[1].grad!.data, flat(ref.grad_bias), tol);
  });

  test.each([
    ["batchnorm_2d"], ["batchnorm_4d_channels_last"], ["batchnorm_4d_axis1"],
  ])("BatchNormalization training mode (%s): output with batch statistics, gradients", (name) => {
    const c = fx[name];
    const ref = c[dtype];
    const layer = nn.layers.batchNormalization({ axis: c.axis, epsilon: c.epsilon, dtype });
    const shape = [null, ...(nn.tensor(c.x).shape.slice(1))];
    layer.ensureBuilt(shape);
    const bn = layer as nn.layers.BatchNormalization;
    bn.gamma!.data.set(c.gamma);
    bn.beta!.data.set(c.beta);
    const { y, x } = forwardBackward(layer, c.x, c.c, dtype);
    expectClose(y.data, flat(ref.y), tol);
    expectClose(x.grad!.data, flat(ref.grad_x), tol);
    expectClose(bn.gamma!.grad!.data, flat(ref.grad_gamma), tol);
    expectClose(bn.beta!.grad!.data, flat(ref.grad_beta), tol);
  });

  test("BatchNormalization moving statistics follow Keras's rule with the biased variance, then inference uses them", () => {
    const c = fx.batchnorm_moving;
    const bn = nn.layers.batchNormalization({ momentum: c.momentum, epsilon: c.epsilon, dtype });
    bn.ensureBuilt([null, 3]);
    bn.gamma!.data.set(c.gamma);
    bn.beta!.data.set(c.beta);
    c.batches.forEach((batch: number[][], i: number) => {
      bn.apply(nn.tensor(batch, { dtype }), true);
      expectClose(bn.movingMean!.data, c.steps[i].moving_mean, tol);
      expectClose(bn.movingVariance!.data, c.steps[i].moving_variance, tol);
    });
    // Not torch's running_var, which is updated with the unbiased variance.
    expect(Math.abs(bn.movingVariance!.data[0] - c.torch_running_var_unbiased[0])).toBeGreaterThan(1e-3);
    const before = Array.from(bn.movingMean!.data);
    const y = bn.apply(nn.tensor(c.x_test, { dtype }), false);
    expectClose(y.data, flat(c.y_test), tol);
    expect(Array.from(bn.movingMean!.data)).toEqual(before);
  });

  test.each([["layernorm_last"], ["layernorm_two_axes"]])("LayerNormalization (%s): output and gradients", (name) => {
    const c = fx[name];
    const ref = c[dtype];
    const layer = nn.layers.layerNormalization({ axis: c.axis, epsilon: c.epsilon, dtype });
    layer.ensureBuilt([null, ...nn.tensor(c.x).shape.slice(1)]);
    layer.setWeights([c.gamma, c.beta]);
    const { y, x } = forwardBackward(layer, c.x, c.c, dtype);
    expectClose(y.data, flat(ref.y), tol);
    expectClose(x.grad!.data, flat(ref.grad_x), tol);
    expectClose(layer.weights[0].grad!.data, flat(ref.grad_gamma), tol);
    expectClose(layer.weights[1].grad!.data, flat(ref.grad_beta), tol);
  });

  test.each([
    ["prelu_2d", undefined],
    ["prelu_shared", [1]],
  ])("PReLU (%s): output and gradients", (name, sharedAxes) => {
    const c = fx[name];
    const ref = c[dtype];
    const layer = nn.layers.prelu({ sharedAxes, dtype });
    layer.ensureBuilt([null, ...nn.tensor(c.x).shape.slice(1)]);
    layer.setWeights([c.alpha]);
    const { y, x } = forwardBackward(layer, c.x, c.c, dtype);
    expectClose(y.data, flat(ref.y), tol);
    expectClose(x.grad!.data, flat(ref.grad_x), tol);
    expectClose(layer.weights[0].grad!.data, flat(ref.grad_alpha), tol);
  });
});

describe("Dropout scaling as torch (N31)", () => {
  test.each([[0.2], [0.5]])("rate %p: kept values are 1/(1 − rate), inference is the identity", (rate) => {
    nn.setSeed(0);
    const ref = fx.dropout[String(rate)];
    const y = nn.layers.dropout({ rate }).apply(nn.ones([10000]).reshape([100, 100]), true);
    expect([...new Set(Array.from(y.data).filter((v) => v !== 0))]).toEqual(ref.kept_values.map(Math.fround));
    const inf = nn.layers.dropout({ rate }).apply(nn.ones([1, 4]), false);
    expect(Array.from(inf.data)).toEqual(ref.inference);
  });
});
