/**
 * nn.layers.groupNormalization against torch.nn.GroupNorm (test/fixtures/torch/group_normalization.py:
 * forward and the gradients of Σ y ⊙ g for x, gamma and beta), a float64 finite-difference check,
 * hand-computed values, serialization and the errors.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";

const fx = torchFixture("group_normalization");
const TOL: Record<string, number> = { float32: 1e-5, float64: 1e-10 };

beforeEach(() => {
  nn.clearSession();
  nn.setSeed(3);
});

for (const c of fx.cases as any[]) describe(`PyTorch GroupNorm: ${c.dtype} shape [${c.shape}] groups ${c.groups} axis ${c.axis}`, () => {
  test("forward and gradients for x, gamma, beta", () => {
    const dtype = c.dtype as nn.DType;
    const layer = nn.layers.groupNormalization({ groups: c.groups, axis: c.axis, epsilon: c.epsilon, dtype });
    const x = nn.tensor(c.x, { dtype, requiresGrad: true });
    layer.ensureBuilt([null, ...x.shape.slice(1)]);
    layer.setWeights([c.gamma, c.beta]);
    const y = layer.apply(x);
    y.mul(nn.tensor(c.g, { dtype })).sum().backward();
    const tol = TOL[c.dtype];
    expectClose(y.data, flat(c.y), tol);
    expectClose(x.grad!.data, flat(c.dx), tol);
    expectClose(layer.weights[0].grad!.data, flat(c.dgamma), tol);
    expectClose(layer.weights[1].grad!.data, flat(c.dbeta), tol);
  });
});

test("hand computation: one group of [1, 3] with gamma 1, beta 0 is (x − mean)/√(var + ε)", () => {
  // x = [1, 2, 6]: mean 3, biased variance (4 + 1 + 9)/3 = 14/3.
  const layer = nn.layers.groupNormalization({ groups: 1, epsilon: 0, dtype: "float64" });
  const y = layer.apply(nn.tensor([[1, 2, 6]], { dtype: "float64" }));
  const s = Math.sqrt(14 / 3);
  expectClose(y.data, [-2 / s, -1 / s, 3 / s], 1e-12);
});

test("groups = -1 is instance normalization: each channel normalized over the positions alone", () => {
  // Channel 0 over 2 steps: [1, 3] → [−1, 1]; channel 1: [10, 30] → [−1, 1] (ε = 0).
  const layer = nn.layers.groupNormalization({ groups: -1, epsilon: 0, dtype: "float64" });
  const y = layer.apply(nn.tensor([[[1, 10], [3, 30]]], { dtype: "float64" }));
  expectClose(y.data, [-1, -1, 1, 1], 1e-12);
});

test("checkGrad (float64): input, gamma and beta", () => {
  const layer = nn.layers.groupNormalization({ groups: 2, dtype: "float64" });
  layer.ensureBuilt([null, 3, 4]);
  const rng = new nn.Random(5);
  const rand = (shape: number[]) => nn.tensor(Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform() * 4 - 2), { shape });
  const result = nn.checkGrad((x, gamma, beta) => {
    layer.gamma = gamma;
    layer.beta = beta;
    return layer.apply(x);
  }, [rand([2, 3, 4]), rand([4]), rand([4])]);
  expect(result.passed).toBe(true);
  for (const input of result.inputs) expect(input.maxRelativeError).toBeLessThan(1e-7);
});

test("weights, parameter count and summary: gamma and beta per channel", () => {
  const model = nn.sequential([nn.layers.groupNormalization({ groups: 4, inputShape: [5, 5, 8] })]);
  expect(model.countParams()).toBe(16); // gamma[8] + beta[8]
  expect(model.layers[0].weights.map((w) => w.shape)).toEqual([[8], [8]]);
  const noScale = nn.layers.groupNormalization({ groups: 2, scale: false });
  noScale.ensureBuilt([null, 4]);
  expect(noScale.weights.map((w) => w.name)).toEqual([`${noScale.name}/beta`]);
});

test("config round trip, registry id and save/load keep the outputs", () => {
  const layer = nn.layers.groupNormalization({ groups: 2, axis: 1, epsilon: 1e-4, center: false, gammaInitializer: "he_normal", name: "gn" });
  const config = nn.layers.serializeLayer(layer);
  expect(config.config).toMatchObject({ groups: 2, axis: 1, epsilon: 1e-4, center: false, scale: true, gammaInitializer: "heNormal" });
  const copy = nn.layers.deserializeLayer(config) as nn.layers.GroupNormalization;
  expect(copy).toBeInstanceOf(nn.layers.GroupNormalization);
  expect(nn.layers.serializeLayer(copy)).toEqual(config);

  const model = nn.sequential([nn.layers.dense({ units: 6, inputShape: [3] }), nn.layers.groupNormalization({ groups: 3 })]);
  const x = nn.tensor([[1, 2, 3], [-1, 0.5, 2]]);
  const before = model.predict(x);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnlab-gn-"));
  try {
    model.save(dir);
    const loaded = nn.loadModel(dir);
    expect(Array.from(loaded.predict(x).data)).toEqual(Array.from(before.data));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("errors name the layer, the expected and the actual", () => {
  test("channels not a multiple of groups", () => {
    const layer = nn.layers.groupNormalization({ groups: 4, name: "gn" });
    expect(() => layer.apply(nn.zeros([2, 6]))).toThrow("gn: the number of channels (6) must be a multiple of groups (4); input shape [*, 6]");
  });
  test("more groups than channels", () => {
    const layer = nn.layers.groupNormalization({ name: "gn" }); // Keras's default of 32 groups
    expect(() => layer.apply(nn.zeros([2, 3, 8]))).toThrow("gn: groups (32) cannot be more than the number of channels (8) of input shape [*, 3, 8]");
  });
  test("bad groups, bad axis, the batch axis, epsilon", () => {
    expect(() => nn.layers.groupNormalization({ groups: 0, name: "gn" })).toThrow("gn: groups must be a positive integer or -1 (one group per channel), got 0");
    expect(() => nn.layers.groupNormalization({ axis: 1.5, name: "gn" })).toThrow("gn: axis must be an integer, got 1.5");
    expect(() => nn.layers.groupNormalization({ groups: 1, axis: 0, name: "gn" }).apply(nn.zeros([2, 3]))).toThrow("gn: axis 0 is the batch axis");
    expect(() => nn.layers.groupNormalization({ groups: 1, axis: 3, name: "gn" }).apply(nn.zeros([2, 3]))).toThrow("gn: axis 3 is out of range for inputs of shape [*, 3] (rank 2)");
    expect(() => nn.layers.groupNormalization({ epsilon: -1, name: "gn" })).toThrow("gn: epsilon must be a non-negative number, got -1");
  });
  test("a rank-1 input, and a later input with other channels", () => {
    expect(() => nn.layers.groupNormalization({ groups: 1, name: "gn" }).build([null])).toThrow("gn expects inputs with a batch and a channel axis (rank ≥ 2), got input shape [*]");
    const layer = nn.layers.groupNormalization({ groups: 2, name: "gn" });
    layer.apply(nn.zeros([1, 4]));
    expect(() => layer.apply(nn.zeros([1, 6]))).toThrow("gn expects input shape [*, 4] but got [1, 6]");
  });
});
