/**
 * nn.layers.multiHeadAttention against a hand computation in PyTorch from Keras-laid-out weights
 * (test/fixtures/torch/multi_head_attention.py, which also checks torch's
 * scaled_dot_product_attention and keras.layers.MultiHeadAttention agree): output, attention
 * probabilities and the gradients of Σ output ⊙ g for the inputs and all eight weights. Then
 * the functional API, summary parameter counts (by hand), save/load, dropout and the errors.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as nn from "nnlab";
import { consoleLines, expectClose, flat, torchFixture } from "../helpers";

const fx = torchFixture("multi_head_attention");
const TOL = 1e-10;

beforeEach(() => {
  nn.clearSession();
  nn.setSeed(11);
});

const label = (c: any) => `${c.selfAttention ? "self" : "cross"}-attention, ${Object.keys(c.inputs).length} inputs, mask ${c.mask}`;

for (const c of fx.cases as any[]) describe(`PyTorch reference: ${label(c)}`, () => {
  test("output, scores and gradients for inputs and weights (float64)", () => {
    const dtype = "float64";
    const layer = nn.layers.multiHeadAttention({ numHeads: c.numHeads, keyDim: c.keyDim, valueDim: c.valueDim, dtype });
    const inputs: Record<string, nn.Tensor> = {};
    for (const [name, v] of Object.entries(c.inputs)) inputs[name] = nn.tensor(v as nn.NestedArray, { dtype, requiresGrad: true });
    const q = inputs.query;
    const list = c.selfAttention ? [q, q] : inputs.key ? [q, inputs.value, inputs.key] : [q, inputs.value];
    const options = {
      attentionMask: c.attentionMask ? nn.tensor(c.attentionMask, { dtype }) : undefined,
      useCausalMask: c.mask === "causal",
    };
    layer.applyWithScores(list, options); // builds the layer
    layer.setWeights(c.weightOrder.map((n: string) => c.weights[n]));
    expect(layer.weights.map((w) => w.name!.slice(layer.name.length + 1))).toEqual(c.weightOrder);
    const { output, scores } = layer.applyWithScores(list, options);
    expectClose(output.data, flat(c.output), TOL);
    expectClose(scores.data, flat(c.scores), TOL);
    expect(scores.shape).toEqual([q.shape[0], c.numHeads, q.shape[1], list[1].shape[1]]);
    // apply gives the same output.
    expectClose(layer.apply(list, options).data, flat(c.output), TOL);
    output.mul(nn.tensor(c.g, { dtype })).sum().backward();
    for (const [name, t] of Object.entries(inputs)) expectClose(t.grad!.data, flat(c.inputGrads[name]), TOL);
    c.weightOrder.forEach((n: string, i: number) => expectClose(layer.weights[i].grad!.data, flat(c.weightGrads[n]), TOL));
  });
});

test("a query row that may attend to nothing gets zero probabilities (Keras), so its output is the output bias", () => {
  const layer = nn.layers.multiHeadAttention({ numHeads: 1, keyDim: 2, biasInitializer: "ones", dtype: "float64" });
  const x = nn.randomNormal([1, 2, 3], { dtype: "float64" });
  const mask = nn.tensor([[[0, 0], [1, 1]]], { dtype: "float64" });
  const { output, scores } = layer.applyWithScores([x, x], { attentionMask: mask });
  expect(Array.from(scores.data.slice(0, 2))).toEqual([0, 0]);
  expect(Array.from(output.data.slice(0, 3))).toEqual([1, 1, 1]);
});

test("causal mask by hand: with equal keys, query t spreads 1/(t+1) over keys 0…t", () => {
  // All key rows equal → equal logits, so the probabilities are uniform over the visible keys.
  const layer = nn.layers.multiHeadAttention({ numHeads: 2, keyDim: 3, dtype: "float64" });
  const q = nn.randomNormal([1, 3, 4], { dtype: "float64" });
  const kv = nn.ones([1, 3, 4], { dtype: "float64" });
  const { scores } = layer.applyWithScores([q, kv], { useCausalMask: true });
  const row = [[1, 0, 0], [0.5, 0.5, 0], [1 / 3, 1 / 3, 1 / 3]].flat();
  expectClose(scores.data, [...row, ...row], 1e-12);
});

test("checkGrad (float64): query, value and a kernel, with a causal mask", () => {
  const layer = nn.layers.multiHeadAttention({ numHeads: 2, keyDim: 2, valueDim: 3, dtype: "float64" });
  const rng = new nn.Random(2);
  const rand = (shape: number[]) => nn.tensor(Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform() * 2 - 1), { shape });
  layer.apply([rand([2, 3, 4]), rand([2, 3, 5])]);
  const result = nn.checkGrad((q, v, k) => {
    layer.queryKernel = k;
    return layer.apply([q, v], { useCausalMask: true });
  }, [rand([2, 3, 4]), rand([2, 3, 5]), rand([4, 2, 2])]);
  expect(result.passed).toBe(true);
  for (const input of result.inputs) expect(input.maxRelativeError).toBeLessThan(1e-7);
});

test("functional model: summary parameter count by hand, outputs equal the layer's, save/load", () => {
  // numHeads 2, keyDim 4, features 8: query/key/value kernels 8·2·4 = 64 + biases 2·4 = 8 each,
  // output kernel 2·4·8 = 64 + bias 8 → 4 · 72 = 288.
  const inp = nn.input({ shape: [5, 8] });
  const mha = nn.layers.multiHeadAttention({ numHeads: 2, keyDim: 4, useCausalMask: true, name: "attn" });
  const out = nn.layers.dense({ units: 1 }).apply(mha.apply([inp, inp]));
  const model = nn.model({ inputs: inp, outputs: out });
  expect(mha.countParams()).toBe(288);
  expect(model.countParams()).toBe(288 + 9);
  const row = consoleLines(() => model.summary()).find((l) => l.includes("attn (MultiHeadAttention)"));
  expect(row).toMatch(/\(None, 5, 8\)\s+│\s+288 │ input_layer\[0\]\[0\],/);
  const x = nn.randomNormal([2, 5, 8]);
  const y = model.predict(x);
  const byHand = (model.getLayer("dense") as nn.layers.Layer).apply(mha.apply([x, x], { useCausalMask: true }));
  expectClose(y.data, byHand.data, 1e-6);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnlab-mha-"));
  try {
    model.save(dir);
    const loaded = nn.loadModel(dir) as nn.Functional;
    expect(Array.from(loaded.predict(x).data)).toEqual(Array.from(y.data));
    expect((loaded.getLayer("attn") as nn.layers.MultiHeadAttention).useCausalMask).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("functional model with an attention-mask input as the fourth list element", () => {
  const q = nn.input({ shape: [3, 4] });
  const m = nn.input({ shape: [3, 3] });
  const y = nn.layers.multiHeadAttention({ numHeads: 1, keyDim: 2, name: "attn" }).apply([q, q, q, m]);
  const model = nn.model({ inputs: [q, m], outputs: y });
  const x = nn.randomNormal([2, 3, 4]);
  const mask = nn.tensor([[[1, 0, 0], [1, 1, 0], [1, 1, 1]], [[1, 1, 1], [1, 1, 1], [1, 1, 1]]]);
  const layer = model.getLayer("attn") as nn.layers.MultiHeadAttention;
  expectClose(model.forward([x, mask], false)[0].data, layer.apply([x, x], { attentionMask: mask }).data, 1e-6);
});

test("outputShape: parameter count by hand and output shape [*, 5, 6]", () => {
  const layer = nn.layers.multiHeadAttention({ numHeads: 3, keyDim: 2, valueDim: 5, outputShape: 6 });
  // query/key/value kernels 8·3·2 = 48, 48, 8·3·5 = 120; biases 6, 6, 15; output 3·5·6 = 90 + 6.
  layer.apply([nn.zeros([1, 5, 8]), nn.zeros([1, 7, 8])]);
  expect(layer.countParams()).toBe(48 + 6 + 48 + 6 + 120 + 15 + 90 + 6);
  expect(layer.computeOutputShape([[null, 5, 8], [null, 7, 8]])).toEqual([null, 5, 6]);
  expect(layer.apply([nn.zeros([2, 5, 8]), nn.zeros([2, 7, 8])]).shape).toEqual([2, 5, 6]);
});

test("dropout on the attention probabilities: only in training, the same masks from the same seed", () => {
  const make = () => nn.layers.multiHeadAttention({ numHeads: 1, keyDim: 2, dropout: 0.5, seed: 4, dtype: "float64" });
  nn.setSeed(1);
  const a = make();
  const x = nn.randomNormal([1, 4, 3], { dtype: "float64" });
  const inference = a.apply([x, x], false);
  expectClose(a.apply([x, x], { training: false }).data, inference.data, 0);
  const t1 = a.apply([x, x], true);
  expect(Array.from(t1.data)).not.toEqual(Array.from(inference.data));
  nn.setSeed(1);
  const b = make();
  b.apply([x, x]);
  b.setWeights(a.getWeights());
  expect(Array.from(b.apply([x, x], true).data)).toEqual(Array.from(t1.data));
});

test("config round trip and registry id", () => {
  const layer = nn.layers.multiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 4, dropout: 0.1, useBias: false, outputShape: [2, 3], kernelInitializer: "he_normal", name: "m" });
  const s = nn.layers.serializeLayer(layer);
  expect(s.config).toMatchObject({ numHeads: 2, keyDim: 3, valueDim: 4, dropout: 0.1, useBias: false, outputShape: [2, 3], useCausalMask: false, kernelInitializer: "heNormal" });
  const copy = nn.layers.deserializeLayer(s) as nn.layers.MultiHeadAttention;
  expect(nn.layers.serializeLayer(copy)).toEqual(s);
  const y = copy.apply([nn.zeros([1, 2, 5]), nn.zeros([1, 3, 5])]);
  expect(y.shape).toEqual([1, 2, 2, 3]);
  expect(copy.weights.map((w) => w.shape)).toEqual([[5, 2, 3], [5, 2, 3], [5, 2, 4], [2, 4, 2, 3]]);
});

describe("errors name the layer, the expected and the actual", () => {
  const mha = () => nn.layers.multiHeadAttention({ numHeads: 2, keyDim: 2, name: "m" });
  test("constructor arguments", () => {
    expect(() => nn.layers.multiHeadAttention({ numHeads: 0, keyDim: 2, name: "m" })).toThrow("m: numHeads must be a positive integer, got 0");
    expect(() => nn.layers.multiHeadAttention({ numHeads: 1, keyDim: 1.5, name: "m" })).toThrow("m: keyDim must be a positive integer, got 1.5");
    expect(() => nn.layers.multiHeadAttention({ numHeads: 1, keyDim: 2, dropout: 1, name: "m" })).toThrow("m: dropout must be a number in [0, 1), got 1");
    expect(() => nn.layers.multiHeadAttention({ numHeads: 1, keyDim: 2, outputShape: [0], name: "m" })).toThrow("m: outputShape must be a positive integer or a non-empty list of them, got [0]");
  });
  test("one tensor instead of a list, wrong list lengths and ranks", () => {
    expect(() => mha().apply(nn.zeros([1, 2, 3]))).toThrow("m: a MultiHeadAttention layer takes a list, apply([query, value]) or apply([query, value, key]); got one tensor of shape [1, 2, 3]");
    expect(() => mha().apply([nn.zeros([1, 2, 3])])).toThrow("m: expects [query, value], [query, value, key] or [query, value, key, attentionMask], got a list of 1");
    expect(() => mha().apply([nn.zeros([2, 3]), nn.zeros([2, 3])])).toThrow("m: query must have shape [batch, length, features], got [2, 3]");
  });
  test("batch sizes, key/value lengths, feature sizes after build", () => {
    expect(() => mha().apply([nn.zeros([1, 2, 3]), nn.zeros([2, 2, 3])])).toThrow("m: query, value and key must have one batch size, got query [1, 2, 3], value [2, 2, 3], key [2, 2, 3]");
    expect(() => mha().apply([nn.zeros([1, 2, 3]), nn.zeros([1, 4, 3]), nn.zeros([1, 5, 3])])).toThrow("m: key and value must have one length (S), got value [1, 4, 3] and key [1, 5, 3]");
    const layer = mha();
    layer.apply([nn.zeros([1, 2, 3]), nn.zeros([1, 2, 3])]);
    expect(() => layer.apply([nn.zeros([1, 2, 4]), nn.zeros([1, 2, 3])])).toThrow("m expects query shape [*, *, 3] but got [1, 2, 4]");
  });
  test("mask shape, mask given twice, call options on nn.input tensors, scores on symbolic tensors", () => {
    const x = nn.zeros([2, 3, 4]);
    expect(() => mha().apply([x, x], { attentionMask: nn.ones([2, 3, 4]) })).toThrow("m: attentionMask must have shape [2, 3, 3] (batch, query length, key length; batch may be 1), got [2, 3, 4]");
    expect(() => mha().apply([x, x, x, nn.ones([2, 3, 3])], { attentionMask: nn.ones([2, 3, 3]) })).toThrow("m: give the attention mask either as the fourth input or as the attentionMask option, not both");
    const inp = nn.input({ shape: [3, 4] });
    expect(() => mha().apply([inp, inp], { useCausalMask: true })).toThrow("m: on nn.input tensors pass the mask as a fourth input, apply([query, value, key, attentionMask]), and useCausalMask to the constructor");
    expect(() => mha().applyWithScores([inp, inp])).toThrow("m.applyWithScores: works on concrete tensors only");
  });
});
