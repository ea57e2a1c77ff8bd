/**
 * Finite-difference checks (float64, nn.checkGrad) of every layer's gradients with respect to
 * its input and its weights. Weights are checked by handing checkGrad's float64 copies to the
 * layer's public weight fields inside the function.
 */
import * as nn from "nnlab";

beforeEach(() => {
  nn.clearSession();
  nn.setSeed(7);
});

/** Random float64 values in [−2, 2), away from 0 (ReLU-like kinks) by at least 0.1. */
function randomTensor(shape: number[]): nn.Tensor {
  const rng = new nn.Random(shape.reduce((a, b) => a * 31 + b, 17));
  const data = Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => {
    const v = rng.uniform() * 3.8 - 1.9;
    return v + Math.sign(v || 1) * 0.1;
  });
  return nn.tensor(data, { shape });
}

function expectGradOk(result: nn.GradCheckResult): void {
  for (const input of result.inputs) expect(input.maxRelativeError).toBeLessThan(1e-7);
  expect(result.passed).toBe(true);
}

test("Dense (sigmoid): input, kernel and bias; rank-3 input too", () => {
  const layer = nn.layers.dense({ units: 3, activation: "sigmoid", dtype: "float64" });
  layer.ensureBuilt([null, 4]);
  expectGradOk(nn.checkGrad((x, k, b) => {
    layer.kernel = k;
    layer.bias = b;
    return layer.apply(x, true);
  }, [randomTensor([5, 4]), randomTensor([4, 3]), randomTensor([3])]));
  expectGradOk(nn.checkGrad((x) => layer.apply(x, true), [randomTensor([2, 3, 4])]));
});

/**
 * Central differences on a layer's own weights, perturbed in place (their values are what the
 * penalties read), against the gradients backward() accumulates on them.
 */
function checkWeightGrads(layer: nn.layers.Layer, loss: () => nn.Tensor, h = 1e-6): number {
  layer.weights.forEach((w) => w.zeroGrad());
  loss().backward();
  let worst = 0;
  for (const w of layer.weights) {
    for (let i = 0; i < w.size; i++) {
      const saved = w.data[i];
      w.data[i] = saved + h;
      const plus = nn.noGrad(() => loss().item());
      w.data[i] = saved - h;
      const minus = nn.noGrad(() => loss().item());
      w.data[i] = saved;
      const numeric = (plus - minus) / (2 * h);
      const analytic = w.grad!.data[i];
      worst = Math.max(worst, Math.abs(analytic - numeric) / Math.max(1, Math.abs(numeric)));
    }
  }
  return worst;
}

test("Dense regularization penalties (L1 kernel, L2 bias, L1L2 activity) are differentiable", () => {
  const layer = nn.layers.dense({
    units: 2, dtype: "float64", kernelRegularizer: nn.regularizers.l1(0.3), biasRegularizer: nn.regularizers.l2(0.2),
    activityRegularizer: nn.regularizers.l1l2({ l1: 0.1, l2: 0.05 }),
  });
  layer.ensureBuilt([null, 3]);
  layer.setWeights([randomTensor([3, 2]), randomTensor([2])]);
  const x = randomTensor([4, 3]);
  const loss = () => {
    const y = layer.apply(x, true);
    return layer.regularizationLosses().reduce((s, p) => s.add(p), y.sum());
  };
  expect(layer.regularizationLosses()).toHaveLength(2);
  expect(checkWeightGrads(layer, loss)).toBeLessThan(1e-7);
  expect(layer.regularizationLosses()).toHaveLength(3);
});

test.each([
  ["2-D, last axis", [6, 3], -1],
  ["4-D, channels last", [2, 2, 3, 4], -1],
  ["4-D, axis 1", [2, 3, 2, 2], 1],
])("BatchNormalization training mode (%s): input, gamma, beta", (_name, shape, axis) => {
  const layer = nn.layers.batchNormalization({ axis: axis as number, dtype: "float64" });
  layer.ensureBuilt([null, ...(shape as number[]).slice(1)]);
  const dim = (shape as number[])[(axis as number) < 0 ? (shape as number[]).length - 1 : (axis as number)];
  expectGradOk(nn.checkGrad((x, g, b) => {
    layer.gamma = g;
    layer.beta = b;
    return layer.apply(x, true);
  }, [randomTensor(shape as number[]), randomTensor([dim]), randomTensor([dim])]));
});

test("BatchNormalization inference mode: input, gamma, beta", () => {
  const layer = nn.layers.batchNormalization({ dtype: "float64" });
  layer.ensureBuilt([null, 3]);
  layer.setWeights([[1, 2, 3], [0, 1, 0], [0.5, -0.5, 0.1], [2, 0.5, 1]]);
  expectGradOk(nn.checkGrad((x, g, b) => {
    layer.gamma = g;
    layer.beta = b;
    return layer.apply(x, false);
  }, [randomTensor([4, 3]), randomTensor([3]), randomTensor([3])]));
});

test.each([
  ["last axis", [4, 5], -1],
  ["two axes", [2, 3, 4], [1, 2]],
  ["two axes given in reverse order", [2, 3, 4], [2, 1]],
])("LayerNormalization (%s): input, gamma, beta", (_name, shape, axis) => {
  const layer = nn.layers.layerNormalization({ axis: axis as number | number[], dtype: "float64" });
  layer.ensureBuilt([null, ...(shape as number[]).slice(1)]);
  const pShape = layer.weights[0].shape as number[];
  expectGradOk(nn.checkGrad((x, g, b) => {
    layer.gamma = g;
    layer.beta = b;
    return layer.apply(x, true);
  }, [randomTensor(shape as number[]), randomTensor(pShape), randomTensor(pShape)]));
});

test.each([
  ["per position", [4, 3], undefined],
  ["shared over axis 1", [2, 3, 4], [1]],
])("PReLU (%s): input and alpha", (_name, shape, sharedAxes) => {
  const layer = nn.layers.prelu({ sharedAxes, dtype: "float64" });
  layer.ensureBuilt([null, ...(shape as number[]).slice(1)]);
  expectGradOk(nn.checkGrad((x, a) => {
    layer.alpha = a;
    return layer.apply(x, true);
  }, [randomTensor(shape as number[]), randomTensor(layer.weights[0].shape as number[])]));
});

test("Dropout (a fixed mask per evaluation), Activation, Flatten, Reshape", () => {
  const drop = nn.layers.dropout({ rate: 0.4 });
  expectGradOk(nn.checkGrad((x) => {
    nn.setSeed(3); // the same mask at every evaluation
    return drop.apply(x, true);
  }, [randomTensor([4, 5])]));
  expectGradOk(nn.checkGrad((x) => nn.layers.activation({ activation: "tanh" }).apply(x, true), [randomTensor([3, 4])]));
  expectGradOk(nn.checkGrad((x) => nn.layers.flatten().apply(x, true).mul(randomTensor([2, 12])), [randomTensor([2, 3, 4])]));
  expectGradOk(nn.checkGrad((x) => nn.layers.reshape({ targetShape: [-1, 2] }).apply(x, true).mul(randomTensor([2, 6, 2])), [randomTensor([2, 3, 4])]));
});
