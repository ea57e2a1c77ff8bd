/**
 * Recurrent/embedding/merge layers against Keras 3 (test/fixtures/torch/recurrent_keras.py):
 * param counts, output shapes and summary texts of whole models, constructor defaults, Keras's own mask
 * semantics (Embedding maskZero → LSTM/GRU/Bidirectional on a padded batch), and dropout / recurrent
 * dropout in training (per-gate masks with recurrent dropout, as Keras's implementation 1).
 */
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";

const fx = torchFixture("recurrent_keras");
const L = nn.layers;

beforeEach(() => nn.clearSession());

/** Each layer's class, output shape and params, walking the shapes the way a summary does. */
function rows(model: nn.Sequential, inputShape: (number | null)[]) {
  let shape = [null, ...inputShape];
  model.build(shape as (number | null)[]);
  return model.layers.map((l) => {
    shape = l.computeOutputShape(shape);
    return { class: l.className, shape: [...shape], params: l.countParams() };
  });
}

test.each([
  ["lstm_stack", [32, 8], (): nn.layers.Layer[] => [L.lstm({ units: 64, returnSequences: true }), L.lstm({ units: 16 }), L.dense({ units: 1 })]],
  ["gru_rnn", [10, 4], (): nn.layers.Layer[] => [L.gru({ units: 16, returnSequences: true }), L.gru({ units: 8, resetAfter: false, returnSequences: true }), L.simpleRNN({ units: 5 })]],
  ["embedding_bi", [12], (): nn.layers.Layer[] => [
    L.embedding({ inputDim: 1000, outputDim: 16, maskZero: true }), L.bidirectional({ layer: L.lstm({ units: 8, returnSequences: true }) }),
    L.bidirectional({ layer: L.gru({ units: 4 }), mergeMode: "sum" }), L.dense({ units: 2 }),
  ]],
  ["time_distributed", [6, 5], (): nn.layers.Layer[] => [L.timeDistributed({ layer: L.dense({ units: 3 }) }), L.spatialDropout1d({ rate: 0.2 }), L.gaussianNoise({ stddev: 0.1 }), L.simpleRNN({ units: 4 })]],
  ["seq2seq", [10, 1], (): nn.layers.Layer[] => [
    L.lstm({ units: 16 }), L.repeatVector({ n: 5 }), L.lstm({ units: 16, returnSequences: true }), L.timeDistributed({ layer: L.dense({ units: 1 }) }),
  ]],
] as [string, number[], () => nn.layers.Layer[]][])("%s: classes, output shapes, param counts and the summary text equal Keras's", (name, inputShape, layers) => {
  const model = nn.sequential(layers());
  expect(rows(model, [...inputShape])).toEqual(fx.summaries[name].rows);
  expect(model.countParams()).toBe(fx.summaries[name].total);
  nn.clearSession();
  const withInput = nn.sequential([L.input({ shape: [...inputShape] }), ...layers()]);
  expect(withInput[nn.JUPYTER_DISPLAY]()["text/plain"]).toBe(fx.summaries[name].text);
});

test("constructor defaults equal Keras 3's", () => {
  const d = fx.defaults;
  const pick = (c: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, c[k]]));
  const common = ["activation", "useBias", "dropout", "recurrentDropout", "returnSequences", "returnState", "goBackwards", "stateful", "unroll"];
  const snake = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
  expect(snake(pick(L.lstm({ units: 3 }).getConfig(), [...common, "recurrentActivation", "unitForgetBias"]))).toEqual(d.lstm);
  expect(snake(pick(L.gru({ units: 3 }).getConfig(), [...common, "recurrentActivation", "resetAfter"]))).toEqual(d.gru);
  expect(snake(pick(L.simpleRNN({ units: 3 }).getConfig(), common))).toEqual(d.simple_rnn);
  const c = L.lstm({ units: 3 }).getConfig();
  expect([c.kernelInitializer, c.recurrentInitializer, c.biasInitializer]).toEqual(["glorotUniform", "orthogonal", "zeros"]);
  expect(Object.values(d.lstm_initializers)).toEqual(["GlorotUniform", "Orthogonal", "Zeros"]);
  expect(L.embedding({ inputDim: 5, outputDim: 2 }).getConfig().embeddingsInitializer).toBe("randomUniform");
  expect(d.embedding.initializer.config).toEqual({ seed: null, minval: -0.05, maxval: 0.05 });
  expect(L.bidirectional({ layer: L.lstm({ units: 2 }) }).mergeMode).toBe(d.bidirectional_merge_mode);
  expect(L.concatenate().axis).toBe(d.concatenate_axis);
});

test("LSTM's unitForgetBias starts the forget gate's bias at 1 (Keras)", () => {
  const layer = L.lstm({ units: 2 });
  layer.ensureBuilt([null, 3, 4]);
  expect(Array.from(layer.bias!.data)).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
});

describe("Embedding(maskZero) → recurrent layer on a padded batch equals Keras", () => {
  const m = fx.masked;
  test.each([
    ["lstm", () => L.lstm({ units: 3, returnSequences: true })],
    ["gru", () => L.gru({ units: 3, returnSequences: true })],
    ["lstm_last", () => L.lstm({ units: 3 })],
    ["bidirectional", () => L.bidirectional({ layer: L.gru({ units: 3, returnSequences: true }) })],
  ] as const)("%s", (name, make) => {
    const e = L.embedding({ inputDim: 6, outputDim: 4, maskZero: true });
    const r = make();
    const model = nn.sequential([e, r as nn.layers.Layer]);
    model.build([null, 5]);
    e.setWeights([m.embeddings]);
    r.setWeights(m[name].weights);
    const y = model.predict(nn.tensor(m.ids));
    expectClose(y.data, flat(m[name].y), 1e-5);
  });
});

describe("dropout and recurrent dropout in training equal Keras's cells given the same masks", () => {
  // recurrent_keras.py draws the masks with a port of nnlab's generator in the order the layer draws them.
  const d = fx.dropout;
  const opts = { dropout: d.rate, seed: d.seed, returnSequences: true, units: d.U };
  test.each([
    ["lstm", () => L.lstm({ ...opts, recurrentDropout: d.recurrent_rate })],
    ["lstm_input_only", () => L.lstm(opts)],
    ["gru", () => L.gru({ ...opts, recurrentDropout: d.recurrent_rate })],
    ["gru_reset_before", () => L.gru({ ...opts, recurrentDropout: d.recurrent_rate, resetAfter: false })],
    ["simple_rnn", () => L.simpleRNN({ ...opts, recurrentDropout: d.recurrent_rate })],
  ] as [string, () => nn.layers.RNNLayer][])("%s", (name, make) => {
    const layer = make();
    layer.ensureBuilt([null, d.T, d.F]);
    layer.setWeights(d[name].weights);
    expect(d[name].dropped).toBeGreaterThan(0); // the masks do drop something
    expectClose(layer.apply(nn.tensor(d.x), true).data, flat(d[name].y), 1e-5);
  });
});
