/**
 * nn.layers.lambda: a function as a layer — values and gradients by hand, shape inference in
 * Sequential and functional models, list inputs, and the refusal to serialize (named layer).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as nn from "nnlab";
import { consoleLines, expectClose } from "../helpers";

beforeEach(() => nn.clearSession());

test("values and gradients by hand: y = x² + 1, dy/dx = 2x", () => {
  const layer = nn.layers.lambda((x) => x.square().add(1));
  const x = nn.tensor([[1, -2, 3]], { dtype: "float64", requiresGrad: true });
  const y = layer.apply(x);
  expect(Array.from(y.data)).toEqual([2, 5, 10]);
  y.sum().backward();
  expect(Array.from(x.grad!.data)).toEqual([2, -4, 6]);
});

test("list input: the function receives the list", () => {
  const layer = nn.layers.lambda((xs: nn.Tensor[]) => xs[0].sub(xs[1]).abs());
  const y = layer.apply([nn.tensor([[1, 5]]), nn.tensor([[3, 2]])]);
  expect(Array.from(y.data)).toEqual([2, 3]);
});

test("Sequential: output shape learned by running the function, shown in summary; training passes gradients through", () => {
  const model = nn.sequential([
    nn.layers.dense({ units: 6, inputShape: [3] }),
    nn.layers.lambda((x) => x.reshape([-1, 2, 3]).mean(1), { name: "pairs" }),
    nn.layers.dense({ units: 1 }),
  ]);
  const row = consoleLines(() => model.summary()).find((l) => l.includes("pairs (Lambda)"));
  expect(row).toMatch(/\(None, 3\)\s+│\s+0 │/);
  expect(model.countParams()).toBe(3 * 6 + 6 + 3 + 1);
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.1 }), loss: "mse" });
  const first = model.layers[0].getWeights()[0];
  model.trainOnBatch(nn.tensor([[1, 2, 3]]), nn.tensor([[1]]));
  expect(Array.from(model.layers[0].weights[0].data)).not.toEqual(Array.from(first.data));
});

test("unknown sizes stay unknown: a function that keeps the sequence length", () => {
  const layer = nn.layers.lambda((x) => x.mul(2));
  expect(layer.computeOutputShape([null, null, 4])).toEqual([null, null, 4]);
  const sum = nn.layers.lambda((x) => x.sum(1));
  expect(sum.computeOutputShape([null, null, 4])).toEqual([null, 4]);
  expect(nn.layers.lambda((x) => x, { outputShape: [7] }).computeOutputShape([5, 3])).toEqual([5, 7]);
});

test("functional model: a Lambda joining two inputs", () => {
  const a = nn.input({ shape: [2] });
  const b = nn.input({ shape: [2] });
  const y = nn.layers.lambda((xs: nn.Tensor[]) => xs[0].mul(xs[1]).sum(-1, true)).apply([a, b]);
  expect((y as unknown as { symbolicShape: unknown }).symbolicShape).toEqual([null, 1]);
  const model = nn.model({ inputs: [a, b], outputs: y });
  expectClose(model.forward([nn.tensor([[1, 2]]), nn.tensor([[3, 4]])], false)[0].data, [11], 0);
});

test("saving a model with a Lambda fails, naming the layer; saveWeights works; fromConfig explains", () => {
  const model = nn.sequential([nn.layers.dense({ units: 2, inputShape: [2] }), nn.layers.lambda((x) => x.tanh(), { name: "squash" })]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnlab-lambda-"));
  try {
    expect(() => model.save(path.join(dir, "m"))).toThrow("squash: a Lambda layer wraps a function, which cannot be saved in a config");
    expect(fs.existsSync(path.join(dir, "m"))).toBe(false);
    model.saveWeights(path.join(dir, "w"));
    expect(fs.existsSync(path.join(dir, "w"))).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(() => nn.layers.deserializeLayer({ className: "Lambda", config: { name: "f", trainable: true, function: "double" } }))
    .toThrow('f: a Lambda layer cannot be rebuilt from a config (its function, "double", is code and was not saved)');
});

test("errors: not a function, a non-tensor result, bad outputShape, a non-tensor list element", () => {
  expect(() => nn.layers.lambda(3 as never, { name: "f" })).toThrow("f: expected a function of tensors, e.g. lambda((x) => x.mul(2)), got number");
  expect(() => nn.layers.lambda((() => [1]) as never, { name: "f" }).apply(nn.zeros([1, 2]))).toThrow("f: the function must return a Tensor, got an array");
  expect(() => nn.layers.lambda((x) => x, { outputShape: [0], name: "f" })).toThrow("f: outputShape must be a list of positive integers or nulls (without the batch dimension), got [0]");
  expect(() => nn.layers.lambda((xs: nn.Tensor[]) => xs[0], { name: "f" }).apply([nn.zeros([1]), 2 as never])).toThrow("f: input 1 is not a Tensor (got number)");
});
