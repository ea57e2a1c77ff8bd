/**
 * The new layers inside the functional API (nn.input / nn.model): merge layers on symbolic
 * tensors (a residual block, a two-branch concatenation), the VAE's sampling layer, and a
 * recurrent model with an embedding; an incompatible merge names the layers and shapes.
 */
import * as nn from "nnlab";

const L = nn.layers;
/** A layer called on symbolic tensors returns one; `apply` is typed for concrete tensors. */
const sym = (t: nn.Tensor) => t as nn.SymbolicTensor;

beforeEach(() => nn.clearSession());

test("a residual block (Add) and a two-input Concatenate model compute what the layers compute", () => {
  nn.setSeed(1);
  const inp = nn.input({ shape: [4] });
  const h = L.dense({ units: 4, activation: "tanh" }).apply(inp);
  const res = L.add().apply([inp, h]);
  const model = nn.model({ inputs: inp, outputs: sym(res) });
  const x = nn.tensor([[1, 2, 3, 4]]);
  const dense = model.layers.find((l) => l.className === "Dense")!;
  const expected = x.add(dense.apply(x));
  expect(Array.from(model.predict(x).data)).toEqual(Array.from(expected.data));

  const a = nn.input({ shape: [2] });
  const b = nn.input({ shape: [3] });
  const both = nn.model({ inputs: [a, b], outputs: sym(L.concatenate().apply([a, b])) });
  expect(Array.from(both.predict([nn.tensor([[1, 2]]), nn.tensor([[3, 4, 5]])]).data)).toEqual([1, 2, 3, 4, 5]);
});

test("an incompatible merge in a functional graph names the layers and their shapes", () => {
  const inp = nn.input({ shape: [4] });
  const a = L.dense({ units: 3 }).apply(inp);
  const b = L.dense({ units: 5 }).apply(inp);
  expect(() => L.add().apply([a, b])).toThrow("add cannot be called on dense [*, 3] and dense_1 [*, 5]: add: inputs must all have the same shape; got shapes input 0: [1, 3], input 1: [1, 5]");
});

test("a VAE encoder with Sampling and an Embedding → LSTM classifier build, train and count Keras's params", async () => {
  nn.setSeed(2);
  const x = nn.input({ shape: [6] });
  const zMean = L.dense({ units: 2 }).apply(x);
  const zLogVar = L.dense({ units: 2 }).apply(x);
  const z = L.sampling({ seed: 3 }).apply([zMean, zLogVar]);
  const encoder = nn.model({ inputs: x, outputs: sym(z) });
  expect(encoder.countParams()).toBe(2 * (6 * 2 + 2));
  expect(encoder.predict(nn.ones([5, 6])).shape).toEqual([5, 2]);

  const ids = nn.input({ shape: [7] });
  const seq = L.embedding({ inputDim: 20, outputDim: 4, maskZero: true }).apply(ids);
  const last = L.lstm({ units: 3 }).apply(seq);
  const out = L.dense({ units: 1, activation: "sigmoid" }).apply(last);
  const clf = nn.model({ inputs: ids, outputs: sym(out) });
  expect(clf.countParams()).toBe(20 * 4 + 4 * (4 * 3 + 3 * 3 + 3) + 4);
  clf.compile({ optimizer: "adam", loss: "binaryCrossentropy" });
  const data = nn.tensor([[1, 2, 3, 0, 0, 0, 0], [4, 5, 6, 7, 8, 0, 0], [9, 9, 0, 0, 0, 0, 0], [3, 1, 4, 1, 5, 9, 2]]);
  const h = await clf.fit(data, nn.tensor([[1], [0], [1], [0]]), { epochs: 3, verbose: 0 });
  expect(h.history.loss).toHaveLength(3);
  // The embedding's mask reaches the LSTM inside the graph: padding does not change the result.
  const [emb, rnn, head] = clf.layers.filter((l) => l.className !== "InputLayer");
  const direct = head.apply(rnn.apply(emb.apply(nn.tensor([[1, 2, 3]]))));
  const padded = clf.predict(nn.tensor([[1, 2, 3, 0, 0, 0, 0]]));
  expect(padded.item()).toBeCloseTo(direct.item(), 6);
});

test("applyWithStates on symbolic inputs says to use apply", () => {
  const inp = nn.input({ shape: [3, 2] });
  expect(() => L.lstm({ units: 2 }).applyWithStates(inp)).toThrow("lstm: applyWithStates needs concrete tensors; on symbolic inputs (nn.input) use apply, which gives the output only");
  const bi = L.bidirectional({ layer: L.gru({ units: 2 }) });
  expect(() => bi.applyWithStates(inp)).toThrow("bidirectional: applyWithStates needs concrete tensors; on symbolic inputs (nn.input) use apply, which gives the merged output only");
});
