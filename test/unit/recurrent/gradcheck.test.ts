/**
 * Finite-difference checks (float64, nn.checkGrad) of every new layer: the hand-written BPTT of
 * the recurrent op in every mode (masks, goBackwards, initial states, input and recurrent dropout,
 * both GRU forms, all recurrent activations), the wrappers, embedding, merge layers, maxout,
 * sampling, spatial dropout and Gaussian noise (noise fixed by reseeding inside the function).
 */
import * as nn from "nnlab";

const L = nn.layers;
const TOL = 1e-6;
const f64 = { dtype: "float64" as const };

beforeEach(() => nn.clearSession());

/** Values in [−1, 1) from a small LCG (inputs only; no reference depends on them). */
function randn(shape: readonly number[], seed: number): nn.Tensor {
  let s = seed * 7919 + 13;
  const n = shape.reduce((a, b) => a * b, 1);
  const data = Float64Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  });
  return nn.tensor(data, { ...f64, shape: [...shape] });
}

const flatAll = (ts: nn.Tensor[]) => nn.concat(ts.map((t) => t.reshape([-1])), 0);

type RNN = nn.layers.LSTM | nn.layers.GRU | nn.layers.SimpleRNN;

/** Checks d(outputs and states)/d(x, kernel, recurrentKernel, bias, initial states) of a recurrent layer. */
function checkRecurrent(layer: RNN, options: { mask?: number[][]; training?: boolean; features?: number } = {}) {
  const B = 3, T = 4, F = options.features ?? 2;
  layer.ensureBuilt([null, T, F]);
  const U = layer.units;
  const x = randn([B, T, F], 1);
  const states = Array.from({ length: layer.stateCount }, (_, i) => randn([B, U], 10 + i));
  const weights = [layer.kernel!, layer.recurrentKernel!, layer.bias!].map((w, i) => randn(w.shape, 20 + i));
  const mask = options.mask ? nn.tensor(options.mask) : undefined;
  const r = nn.checkGrad((xi, k, rk, b, ...s) => {
    layer.kernel = k;
    layer.recurrentKernel = rk;
    layer.bias = b;
    nn.setSeed(99); // the same dropout masks at every evaluation
    return flatAll(layer.applyWithStates(xi, { initialState: s, mask, training: options.training ?? false }));
  }, [x, ...weights, ...states]);
  expect(r.maxRelativeError).toBeLessThan(TOL);
}

const MASK = [[1, 1, 0, 1], [0, 1, 1, 1], [1, 0, 0, 0]];

describe("recurrent layers", () => {
  test.each([
    ["SimpleRNN", () => L.simpleRNN({ units: 3, returnSequences: true, dtype: "float64" })],
    ["SimpleRNN relu, going backwards, masked", () => L.simpleRNN({ units: 3, activation: "relu", goBackwards: true, returnSequences: true, dtype: "float64" })],
    ["LSTM", () => L.lstm({ units: 3, returnSequences: true, dtype: "float64" })],
    ["LSTM hardSigmoid/softsign, last output", () => L.lstm({ units: 2, activation: "softsign", recurrentActivation: "hardSigmoid", dtype: "float64" })],
    ["GRU resetAfter", () => L.gru({ units: 3, returnSequences: true, dtype: "float64" })],
    ["GRU resetAfter false, going backwards", () => L.gru({ units: 3, resetAfter: false, goBackwards: true, returnSequences: true, dtype: "float64" })],
  ] as const)("%s", (_name, make) => {
    checkRecurrent(make());
    nn.clearSession();
    checkRecurrent(make(), { mask: MASK });
  });

  test.each([
    ["SimpleRNN", () => L.simpleRNN({ units: 3, dropout: 0.3, recurrentDropout: 0.4, returnSequences: true, dtype: "float64" })],
    ["LSTM input dropout only (one mask)", () => L.lstm({ units: 3, dropout: 0.3, returnSequences: true, dtype: "float64" })],
    ["LSTM", () => L.lstm({ units: 3, dropout: 0.3, recurrentDropout: 0.4, returnSequences: true, dtype: "float64" })],
    ["GRU resetAfter", () => L.gru({ units: 3, dropout: 0.3, recurrentDropout: 0.4, returnSequences: true, dtype: "float64" })],
    ["GRU resetAfter false", () => L.gru({ units: 3, recurrentDropout: 0.4, resetAfter: false, returnSequences: true, dtype: "float64" })],
  ] as const)("%s with dropout masks in training", (_name, make) => {
    checkRecurrent(make(), { training: true, mask: MASK });
  });

  test("Bidirectional in every merge mode, RepeatVector and TimeDistributed (input gradients)", () => {
    const x = randn([2, 3, 2], 3);
    for (const mergeMode of ["concat", "sum", "mul", "ave"] as const) {
      const bi = L.bidirectional({ layer: L.gru({ units: 2, returnSequences: true, dtype: "float64" }), mergeMode });
      expect(nn.checkGrad((xi) => bi.apply(xi), [x]).maxRelativeError).toBeLessThan(TOL);
    }
    const rv = L.repeatVector({ n: 3 });
    expect(nn.checkGrad((xi) => rv.apply(xi), [randn([2, 2], 14)]).maxRelativeError).toBeLessThan(TOL);
    const td = L.timeDistributed({ layer: L.dense({ units: 3, activation: "tanh", dtype: "float64" }) });
    expect(nn.checkGrad((xi) => td.apply(xi), [x]).maxRelativeError).toBeLessThan(TOL);
  });
});

describe("other new layers", () => {
  test("Embedding: gradient of the table (repeated indices add up)", () => {
    const e = L.embedding({ inputDim: 5, outputDim: 3, dtype: "float64" });
    e.ensureBuilt([null, 4]);
    const ids = nn.tensor([[1, 3, 1, 0], [4, 4, 2, 1]]);
    const r = nn.checkGrad((w) => { e.embeddings = w; return e.apply(ids); }, [randn([5, 3], 4)]);
    expect(r.maxRelativeError).toBeLessThan(TOL);
  });

  test("merge layers: every input's gradient", () => {
    const a = randn([2, 3], 5), b = randn([2, 3], 6), c = randn([2, 3], 7);
    const layers = [L.add(), L.multiply(), L.average(), L.maximum(), L.minimum(), L.concatenate({ axis: 0 }), L.concatenate()];
    for (const layer of layers) {
      expect(nn.checkGrad((p, q, s) => layer.apply([p, q, s]), [a, b, c]).maxRelativeError).toBeLessThan(TOL);
    }
    expect(nn.checkGrad((p, q) => L.subtract().apply([p, q]), [a, b]).maxRelativeError).toBeLessThan(TOL);
  });

  test("Maxout: input, kernel and bias", () => {
    const m = L.maxout({ units: 2, pieces: 3, dtype: "float64" });
    m.ensureBuilt([null, 4]);
    const r = nn.checkGrad((x, k, b) => { m.kernel = k; m.bias = b; return m.apply(x); }, [randn([3, 4], 8), randn([4, 6], 9), randn([6], 10)]);
    expect(r.maxRelativeError).toBeLessThan(TOL);
  });

  test("Sampling: gradients to mean and logVar with ε fixed", () => {
    const s = L.sampling();
    const r = nn.checkGrad((m, v) => { nn.setSeed(3); return s.apply([m, v]); }, [randn([4, 2], 11), randn([4, 2], 12)]);
    expect(r.maxRelativeError).toBeLessThan(TOL);
  });

  test("SpatialDropout1D/2D and GaussianNoise in training", () => {
    const cases: [nn.layers.Layer, number[]][] = [
      [L.spatialDropout1d({ rate: 0.5 }), [2, 3, 4]],
      [L.spatialDropout2d({ rate: 0.5 }), [2, 2, 2, 3]],
      [L.gaussianNoise({ stddev: 0.5 }), [2, 3]],
    ];
    for (const [layer, shape] of cases) {
      const r = nn.checkGrad((x) => { nn.setSeed(4); return layer.apply(x, true); }, [randn(shape, 13)]);
      expect(r.maxRelativeError).toBeLessThan(TOL);
    }
  });
});
