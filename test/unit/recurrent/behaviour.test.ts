/**
 * Behaviour and every error message of the recurrent layers, wrappers, embedding, merge layers,
 * maxout, sampling, spatial dropout and Gaussian noise. Expected values are hand computations
 * or properties Keras documents (identity at inference, masks fixed per sequence, …).
 */
import * as nn from "nnlab";
import { expectClose } from "../helpers";

const L = nn.layers;

beforeEach(() => nn.clearSession());

const seq = (B: number, T: number, F: number, offset = 0) =>
  nn.tensor(Float32Array.from({ length: B * T * F }, (_, i) => Math.sin(i + offset)), { shape: [B, T, F] });

describe("recurrent layers", () => {
  test("a masked sequence gives the same last state as the unpadded one", () => {
    nn.setSeed(1);
    const layer = L.lstm({ units: 3 });
    const x = seq(1, 3, 2);
    const padded = nn.concat([x, nn.zeros([1, 2, 2])], 1);
    const [, h1, c1] = layer.applyWithStates(x);
    const [, h2, c2] = layer.applyWithStates(padded, { mask: nn.tensor([[1, 1, 1, 0, 0]]) });
    expectClose(h2.data, Array.from(h1.data), 1e-6);
    expectClose(c2.data, Array.from(c1.data), 1e-6);
  });

  test("goBackwards equals running forwards over the reversed sequence (outputs in processing order)", () => {
    nn.setSeed(2);
    const fwd = L.gru({ units: 2, returnSequences: true });
    const bwd = L.gru({ units: 2, returnSequences: true, goBackwards: true });
    const x = seq(2, 4, 3);
    fwd.ensureBuilt([null, 4, 3]);
    bwd.ensureBuilt([null, 4, 3]);
    bwd.setWeights(fwd.getWeights());
    const reversed = nn.gather(x, [3, 2, 1, 0], 1);
    expectClose(bwd.apply(x).data, Array.from(fwd.apply(reversed).data), 1e-6);
  });

  test("returnState: apply gives the output, applyWithStates [output, h, c]; apply([x, h0, c0]) uses the states", () => {
    nn.setSeed(3);
    const layer = L.lstm({ units: 2, returnState: true });
    const x = seq(2, 3, 2);
    const [out, h, c] = layer.applyWithStates(x);
    expect(out.shape).toEqual([2, 2]);
    expect(Array.from(out.data)).toEqual(Array.from(h.data));
    expect(c.shape).toEqual([2, 2]);
    const again = layer.apply([x, h, c]);
    const [expected] = layer.applyWithStates(x, { initialState: [h, c] });
    expect(Array.from(again.data)).toEqual(Array.from(expected.data));
    expect(Array.from(again.data)).not.toEqual(Array.from(out.data));
  });

  test("dropout: identity at inference; in training seeded, one mask for the whole sequence", () => {
    const x = nn.ones([2, 6, 3]);
    const make = () => L.simpleRNN({ units: 2, dropout: 0.5, seed: 7, activation: "linear", kernelInitializer: "ones", recurrentInitializer: "zeros" });
    const a = make(), b = make(), plain = L.simpleRNN({ units: 2, activation: "linear", kernelInitializer: "ones", recurrentInitializer: "zeros", returnSequences: true });
    expect(Array.from(a.apply(x, false).data)).toEqual([3, 3, 3, 3]);
    const ya = a.apply(x, true), yb = b.apply(x, true);
    expect(Array.from(ya.data)).toEqual(Array.from(yb.data));
    // With recurrent kernel 0 and kernel 1, every step outputs Σ masked inputs: equal across steps ⇔ one mask per sequence.
    const s = L.simpleRNN({ units: 1, dropout: 0.5, seed: 3, activation: "linear", kernelInitializer: "ones", recurrentInitializer: "zeros", returnSequences: true });
    const steps = Array.from(s.apply(x, true).data);
    for (const b0 of [0, 1]) for (let t = 1; t < 6; t++) expect(steps[b0 * 6 + t]).toBe(steps[b0 * 6]);
    expect(plain.apply(x).shape).toEqual([2, 6, 2]);
  });

  test.each([
    ["lstmCell", () => L.lstmCell({ units: 3 }), () => L.lstm({ units: 3, returnSequences: true })],
    ["gruCell", () => L.gruCell({ units: 3, resetAfter: false }), () => L.gru({ units: 3, resetAfter: false, returnSequences: true })],
    ["simpleRNNCell", () => L.simpleRNNCell({ units: 3 }), () => L.simpleRNN({ units: 3, returnSequences: true })],
  ] as const)("%s: looping step() over time reproduces the layer", (_n, makeCell, makeLayer) => {
    nn.setSeed(8);
    const cell = makeCell();
    const layer = makeLayer();
    const x = seq(2, 4, 3);
    cell.ensureBuilt([null, 3]);
    layer.ensureBuilt([null, 4, 3]);
    layer.setWeights(cell.getWeights());
    let states = Array.from({ length: cell.stateCount }, () => nn.zeros([2, 3]));
    const outputs: nn.Tensor[] = [];
    for (let t = 0; t < 4; t++) {
      const [h, next] = cell.step(x.slice([0, t, 0], [2, 1, 3]).reshape([2, 3]), states);
      outputs.push(h);
      states = next;
    }
    expectClose(nn.stack(outputs, 1).data, Array.from(layer.apply(x).data), 1e-6);
    expect(cell.className).toMatch(/Cell$/);
    expect(cell.name).toMatch(/_cell$/);
  });

  test("config round trips (serializeLayer → deserializeLayer) keep every option", () => {
    const layers = [
      L.lstm({ units: 4, returnSequences: true, goBackwards: true, dropout: 0.1, recurrentDropout: 0.2, seed: 5, unitForgetBias: false, kernelRegularizer: "l2" }),
      L.gru({ units: 3, resetAfter: false, activation: "relu", recurrentActivation: "hard_sigmoid" }),
      L.simpleRNN({ units: 2, useBias: false, returnState: true }),
      L.bidirectional({ layer: L.lstm({ units: 2, returnSequences: true }), mergeMode: "ave" }),
      L.timeDistributed({ layer: L.dense({ units: 3 }) }),
      L.embedding({ inputDim: 10, outputDim: 4, maskZero: true }),
      L.concatenate({ axis: 1 }), L.add(), L.subtract(), L.multiply(), L.average(), L.maximum(), L.minimum(),
      L.maxout({ units: 3, pieces: 4 }), L.sampling({ seed: 2 }), L.spatialDropout1d({ rate: 0.2 }), L.spatialDropout2d({ rate: 0.3, seed: 1 }),
      L.gaussianNoise({ stddev: 0.2 }), L.repeatVector({ n: 3 }), L.lstmCell({ units: 2 }), L.gruCell({ units: 2, resetAfter: false }), L.simpleRNNCell({ units: 2, activation: "relu" }),
    ];
    for (const layer of layers) {
      const s = nn.layers.serializeLayer(layer);
      const back = nn.layers.deserializeLayer(s);
      expect(back.className).toBe(layer.className);
      expect(nn.layers.serializeLayer(back)).toEqual(s);
    }
  });

  test("Bidirectional: sublayer names, mergeMode null via applyWithStates, frozen wrapper counts its params as non-trainable", () => {
    const bi = L.bidirectional({ layer: L.lstm({ units: 2, returnSequences: true, returnState: true }), mergeMode: null });
    expect([bi.forwardLayer.name, bi.backwardLayer.name]).toEqual(["forward_lstm", "backward_lstm"]);
    const x = seq(1, 3, 2);
    const outs = bi.applyWithStates(x);
    expect(outs.map((t) => t.shape)).toEqual([[1, 3, 2], [1, 3, 2], [1, 2], [1, 2], [1, 2], [1, 2]]);
    expect(() => bi.apply(x)).toThrow("bidirectional: with mergeMode null the layer has two outputs; use applyWithStates(x), which returns [forward, backward, ...states]");
    expect(bi.trainableWeights).toHaveLength(6);
    bi.trainable = false;
    expect(bi.trainableWeights).toHaveLength(0);
    expect(bi.nonTrainableWeights.reduce((n, w) => n + w.size, 0)).toBe(bi.countParams());
  });

  test("a recurrent layer trains inside a Sequential model with fit (weights change, loss falls)", async () => {
    nn.setSeed(4);
    const model = nn.sequential([L.gru({ units: 4, inputShape: [5, 2] }), L.dense({ units: 1 })]);
    model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.05 }), loss: "mse" });
    const x = seq(16, 5, 2);
    const y = x.sum([1, 2]).reshape([16, 1]).mul(0.2);
    const h = await model.fit(x, y, { epochs: 15, batchSize: 8, verbose: 0 });
    expect(h.history.loss[14]).toBeLessThan(h.history.loss[0] / 2);
  });
});

describe("merge and other layers: values", () => {
  const a = nn.tensor([[1, -2, 3]]);
  const b = nn.tensor([[4, 5, -6]]);
  test.each([
    ["add", () => L.add(), [5, 3, -3]],
    ["subtract", () => L.subtract(), [-3, -7, 9]],
    ["multiply", () => L.multiply(), [4, -10, -18]],
    ["average", () => L.average(), [2.5, 1.5, -1.5]],
    ["maximum", () => L.maximum(), [4, 5, 3]],
    ["minimum", () => L.minimum(), [1, -2, -6]],
    ["concatenate", () => L.concatenate(), [1, -2, 3, 4, 5, -6]],
  ] as const)("%s", (_n, make, expected) => {
    expect(Array.from(make().apply([a, b]).data)).toEqual(expected);
  });

  test("repeatVector copies the vector to every step", () => {
    expect(L.repeatVector({ n: 3 }).apply(nn.tensor([[1, 2], [3, 4]])).arraySync()).toEqual([[[1, 2], [1, 2], [1, 2]], [[3, 4], [3, 4], [3, 4]]]);
  });

  test("computeOutputShape takes the list of shapes", () => {
    expect(L.concatenate().computeOutputShape([[null, 3], [null, 5]])).toEqual([null, 8]);
    expect(L.add().computeOutputShape([[null, 4], [null, 4]])).toEqual([null, 4]);
  });

  test("maxout takes the max over each unit's pieces", () => {
    const m = L.maxout({ units: 2, pieces: 2 });
    m.ensureBuilt([null, 1]);
    m.setWeights([[[1, -1, 2, 0.5]], [0, 0, 0, 0]]);
    expect(Array.from(m.apply(nn.tensor([[3], [-2]])).data)).toEqual([3, 6, 2, -1]);
  });

  test("embedding looks rows up and attaches a mask with maskZero", () => {
    const e = L.embedding({ inputDim: 3, outputDim: 2, maskZero: true });
    e.ensureBuilt([null, 3]);
    e.setWeights([[[0, 0], [1, 2], [3, 4]]]);
    const y = e.apply(nn.tensor([[2, 1, 0]]));
    expect(Array.from(y.data)).toEqual([3, 4, 1, 2, 0, 0]);
    expect(Array.from(L.getSequenceMask(y)!.data)).toEqual([1, 1, 0]);
  });

  test("TimeDistributed, SpatialDropout1D and GaussianNoise pass the timestep mask on (as Keras)", () => {
    const e = L.embedding({ inputDim: 5, outputDim: 3, maskZero: true });
    let y = e.apply(nn.tensor([[1, 0, 2]]));
    for (const layer of [L.timeDistributed({ layer: L.dense({ units: 4 }) }), L.spatialDropout1d({ rate: 0.5 }), L.gaussianNoise({ stddev: 0.1 })]) {
      y = layer.apply(y, true);
      expect(Array.from(L.getSequenceMask(y)!.data)).toEqual([1, 0, 1]);
    }
  });

  test("sampling: z = mean + exp(logVar/2)·ε has the requested mean and variance", () => {
    nn.setSeed(5);
    const n = 20000;
    const z = L.sampling().apply([nn.fill([n, 1], 2), nn.fill([n, 1], Math.log(0.25))]);
    const mean = z.mean().item();
    const variance = z.sub(mean).square().mean().item();
    expect(Math.abs(mean - 2)).toBeLessThan(0.02); // standard error 0.5/√n ≈ 0.0035
    expect(Math.abs(variance - 0.25)).toBeLessThan(0.01);
  });

  test("gaussian noise: training only, stddev as asked", () => {
    nn.setSeed(6);
    const g = L.gaussianNoise({ stddev: 0.3 });
    const x = nn.zeros([10000, 2]);
    expect(g.apply(x, false)).toBe(x);
    const y = g.apply(x, true);
    expect(Math.abs(y.square().mean().item() - 0.09)).toBeLessThan(0.005);
  });

  test("spatial dropout zeroes whole channels, scales the rest, and is the identity at inference", () => {
    nn.setSeed(7);
    const d = L.spatialDropout1d({ rate: 0.5 });
    const x = nn.ones([4, 5, 6]);
    expect(d.apply(x, false)).toBe(x);
    const y = d.apply(x, true).data;
    for (let b = 0; b < 4; b++) for (let c = 0; c < 6; c++) {
      const v = y[b * 30 + c];
      expect([0, 2]).toContain(v);
      for (let t = 1; t < 5; t++) expect(y[b * 30 + t * 6 + c]).toBe(v);
    }
    const d2 = L.spatialDropout2d({ rate: 0.5, seed: 1 }).apply(nn.ones([2, 3, 3, 4]), true).data;
    for (let b = 0; b < 2; b++) for (let c = 0; c < 4; c++) for (let p = 1; p < 9; p++) expect(d2[b * 36 + p * 4 + c]).toBe(d2[b * 36 + c]);
  });
});

describe("errors name the layer, the expected and the actual", () => {
  const cases: [string, () => unknown, string][] = [
    ["rank", () => L.lstm({ units: 2 }).apply(nn.ones([2, 3])), "lstm expects a 3-D input [batch, timesteps, features] with known features, got shape [*, 3]"],
    ["features", () => { const l = L.gru({ units: 2 }); l.apply(nn.ones([1, 2, 3])); l.apply(nn.ones([1, 2, 4])); }, "gru expects input shape [*, *, 3] but got [1, 2, 4]"],
    ["stateful", () => L.lstm({ units: 2, stateful: true }), "lstm: stateful RNNs are not supported (stateful must be false); pass the state explicitly with initialState and returnState"],
    ["units", () => L.simpleRNN({ units: 0 }), "simple_rnn: units must be a positive integer, got 0"],
    ["dropout", () => L.lstm({ units: 2, dropout: 1 }), "lstm: dropout must be a number in [0, 1), got 1"],
    ["recurrentDropout", () => L.gru({ units: 2, recurrentDropout: -0.1 }), "gru: recurrentDropout must be a number in [0, 1), got -0.1"],
    ["activation", () => L.lstm({ units: 2, activation: "gelu" }), 'lstm: activation: unsupported activation "gelu" for a recurrent layer. Supported: tanh, sigmoid, relu, linear, hardSigmoid, softsign'],
    ["flag", () => L.lstm({ units: 2, returnSequences: "yes" as unknown as boolean }), 'lstm: returnSequences must be true or false, got "yes"'],
    ["resetAfter", () => L.gru({ units: 2, resetAfter: 1 as unknown as boolean }), "gru: resetAfter must be true or false, got 1"],
    ["initial state count", () => L.lstm({ units: 2 }).applyWithStates(nn.ones([1, 2, 3]), { initialState: [nn.zeros([1, 2])] }), "lstm: initialState must be [h, c] (2 tensors), got 1 values"],
    ["initial state shape", () => L.gru({ units: 2 }).applyWithStates(nn.ones([1, 2, 3]), { initialState: nn.zeros([1, 3]) }), "gru: each initial state must have shape [1, 2], got [1, 3]"],
    ["mask shape", () => L.gru({ units: 2 }).applyWithStates(nn.ones([1, 2, 3]), { mask: nn.ones([1, 3]) }), "gru: the mask must have shape [1, 2] (batch, time), got [1, 3]"],
    ["no steps", () => L.gru({ units: 2 }).apply(nn.zeros([1, 0, 3])), "gru: the input has no time steps (shape [1, 0, 3])"],
    ["bidirectional layer", () => L.bidirectional({ layer: L.dense({ units: 2 }) as never }), "bidirectional: layer must be a recurrent layer (simpleRNN, lstm, gru), got Dense"],
    ["bidirectional mode", () => L.bidirectional({ layer: L.lstm({ units: 2 }), mergeMode: "max" as never }), 'bidirectional: mergeMode must be one of concat, sum, mul, ave or null, got "max"'],
    ["bidirectional states", () => L.bidirectional({ layer: L.lstm({ units: 2 }) }).applyWithStates(nn.ones([1, 2, 3]), { initialState: [nn.zeros([1, 2])] }), "bidirectional: initialState must hold 4 tensors (forward then backward states), got 1"],
    ["time distributed rank", () => L.timeDistributed({ layer: L.dense({ units: 2 }) }).apply(nn.ones([2, 3])), "time_distributed expects an input of rank ≥ 3 [batch, time, ...], got shape [*, 3]"],
    ["time distributed layer", () => L.timeDistributed({ layer: "dense" as never }), "time_distributed: layer must be a Layer, got string"],
    ["embedding index", () => L.embedding({ inputDim: 3, outputDim: 2 }).apply(nn.tensor([[0, 3]])), "embedding: indices must be integers in [0, 3) (inputDim 3), got 3 at flat position 1 of an input of shape [1, 2]"],
    ["embedding fraction", () => L.embedding({ inputDim: 3, outputDim: 2 }).apply(nn.tensor([[0.5]])), "embedding: indices must be integers in [0, 3) (inputDim 3), got 0.5 at flat position 0 of an input of shape [1, 1]"],
    ["embedding dims", () => L.embedding({ inputDim: 3, outputDim: 0 }), "embedding: outputDim must be a positive integer, got 0"],
    ["merge shapes", () => L.add().apply([nn.ones([2, 3]), nn.ones([2, 4])]), "add: inputs must all have the same shape; got shapes input 0: [2, 3], input 1: [2, 4]"],
    ["concat shapes", () => L.concatenate().apply([nn.ones([2, 3]), nn.ones([3, 4])]), "concatenate: inputs must match in every dimension except the concatenation axis -1; got shapes input 0: [2, 3], input 1: [3, 4]"],
    ["concat axis", () => L.concatenate({ axis: 2 }).apply([nn.ones([2, 3]), nn.ones([2, 3])]), "concatenate: inputs must have one rank with axis 2 inside it; got shapes input 0: [2, 3], input 1: [2, 3]"],
    ["merge single", () => L.multiply().apply(nn.ones([2, 3])), "multiply: a Multiply layer merges a list of tensors, e.g. apply([a, b]); got one tensor of shape [2, 3]"],
    ["merge count", () => L.subtract().apply([nn.ones([1]), nn.ones([1]), nn.ones([1])]), "subtract: expects exactly 2 inputs, got 3"],
    ["merge too few", () => L.average().apply([nn.ones([1])]), "average: expects at least 2 inputs, got 1"],
    ["merge element", () => L.maximum().apply([nn.ones([1]), 3 as never]), "maximum: input 1 is not a Tensor (got number)"],
    ["merge shapes list", () => L.add().computeOutputShape([2, 3] as never), "add: computeOutputShape takes a list of input shapes, got [2,3]"],
    ["merge activity", () => L.add({ activityRegularizer: "l2" }), "add: merge layers take no activityRegularizer"],
    ["sampling shapes", () => L.sampling().apply([nn.ones([2, 3]), nn.ones([2, 2])]), "sampling: mean and logVar must have the same shape; got shapes input 0: [2, 3], input 1: [2, 2]"],
    ["maxout pieces", () => L.maxout({ units: 2, pieces: 1 }), "maxout: pieces must be an integer ≥ 2, got 1"],
    ["maxout input", () => L.maxout({ units: 2 }).apply(nn.ones([2, 3])).shape && L.maxout({ units: 2, name: "mx" }).ensureBuilt([null, null]), 'mx: the last input dimension must be known to build a Maxout layer, got input shape [null,null]'],
    ["spatial rank", () => L.spatialDropout2d({ rate: 0.1 }).apply(nn.ones([2, 3, 4])), "spatial_dropout2d expects a 4-D input [batch, rows, cols, channels], got shape [*, 3, 4]"],
    ["spatial rate", () => L.spatialDropout1d({ rate: 2 }), "spatial_dropout1d: rate must be a number in [0, 1], got 2"],
    ["cell loop options", () => L.lstmCell({ units: 2, dropout: 0.2 } as never), "LSTMCell: a cell computes one step and takes no dropout; use the layer (simpleRNN, lstm, gru) for sequence options and dropout"],
    ["cell step rank", () => L.gruCell({ units: 2 }).step(nn.ones([1, 2, 3]), [nn.zeros([1, 2])]), "gru_cell.step expects an input [batch, features], got shape [1, 2, 3]"],
    ["cell build rank", () => L.simpleRNNCell({ units: 2 }).ensureBuilt([null, 2, 3, 4]), "simple_rnn_cell expects a 2-D input [batch, features] for one step, got shape [*, 2, 3, 4]"],
    ["repeat n", () => L.repeatVector({ n: 0 }), "repeat_vector: n must be a positive integer, got 0"],
    ["repeat rank", () => L.repeatVector({ n: 2 }).apply(nn.ones([1, 2, 3])), "repeat_vector expects a 2-D input [batch, features], got shape [*, 2, 3]"],
    ["noise stddev", () => L.gaussianNoise({ stddev: -1 }), "gaussian_noise: stddev must be a finite number ≥ 0, got -1"],
  ];
  test.each(cases)("%s", (_name, fn, message) => {
    nn.clearSession();
    expect(fn).toThrow(message);
  });
});

describe("saving", () => {
  test("a model with Embedding, Bidirectional, TimeDistributed and GRU saves and loads with identical predictions", async () => {
    const fs = await import("fs");
    const os = await import("os");
    const path = await import("path");
    nn.setSeed(9);
    const model = nn.sequential([
      L.input({ shape: [5] }),
      L.embedding({ inputDim: 7, outputDim: 3, maskZero: true }),
      L.bidirectional({ layer: L.lstm({ units: 2, returnSequences: true }), mergeMode: "sum" }),
      L.timeDistributed({ layer: L.dense({ units: 2 }) }),
      L.gru({ units: 2 }),
    ]);
    const x = nn.tensor([[1, 2, 3, 0, 0], [6, 5, 4, 3, 2]]);
    const before = Array.from(model.predict(x).data);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnlab-rnn-"));
    try {
      await model.save(path.join(dir, "m"));
      const loaded = await nn.loadModel(path.join(dir, "m"));
      expect(loaded.layers.map((l) => l.className)).toEqual(["Embedding", "Bidirectional", "TimeDistributed", "GRU"]);
      expect(Array.from(loaded.predict(x).data)).toEqual(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
