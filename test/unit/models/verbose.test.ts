// evaluate/predict print Keras's one-line summary when asked (verbose 1 or 2) and stay silent by default.
import * as nn from "nnlab";
import { consoleLines } from "../helpers";

function model(): nn.Model {
  nn.setSeed(1);
  const m = nn.sequential([nn.layers.dense({ units: 1, activation: "sigmoid", inputShape: [2] })]);
  m.compile({ optimizer: "sgd", loss: "binaryCrossentropy", metrics: ["accuracy"] });
  return m;
}

const x = nn.tensor([[0, 0], [0, 1], [1, 0], [1, 1], [2, 2]]);
const y = nn.tensor([[0], [1], [1], [1], [1]]);

test("evaluate is silent by default and prints Keras's summary line with verbose 1 and 2", () => {
  const m = model();
  expect(consoleLines(() => m.evaluate(x, y))).toEqual([]);
  const [line1] = consoleLines(() => m.evaluate(x, y, { batchSize: 2, verbose: 1 }));
  // 5 samples in batches of 2: 3 steps; metrics sorted by name as Keras 3 prints them.
  expect(line1).toMatch(/^3\/3 ━{20} \d+s \d+(s|ms|us)\/step - accuracy: \d\.\d{4} - loss: \d\.\d{4}$/);
  const [line2] = consoleLines(() => m.evaluate(x, y, { batchSize: 2, verbose: 2 }));
  expect(line2).toMatch(/^3\/3 - \d+s - \d+(s|ms|us)\/step - accuracy: \d\.\d{4} - loss: \d\.\d{4}$/);
});

test("predict prints the step line without metrics when verbose", () => {
  const m = model();
  expect(consoleLines(() => m.predict(x))).toEqual([]);
  expect(consoleLines(() => m.predict(x, { batchSize: 4, verbose: 1 }))[0]).toMatch(/^2\/2 ━{20} \d+s \d+(s|ms|us)\/step$/);
});

test("a bad verbose value is a clear error", () => {
  const m = model();
  expect(() => m.evaluate(x, y, { verbose: 3 as never })).toThrow(`${m.name}.evaluate: verbose must be 0, 1 or 2, got 3`);
  expect(() => m.predict(x, { verbose: "auto" as never })).toThrow(`${m.name}.predict: verbose must be 0, 1 or 2, got "auto"`);
});

test("model.summaryData() carries the extension's details: mult-adds per sample and per-weight statistics", () => {
  nn.setSeed(3);
  const m = nn.sequential([nn.layers.dense({ units: 3, activation: "relu", inputShape: [4] }), nn.layers.dense({ units: 1 })]);
  const data = m.summaryData();
  // A Dense layer multiplies-and-adds once per kernel entry per sample: 4·3 and 3·1.
  expect(data.layers.map((l) => l.multAdds)).toEqual([12, 3]);
  const kernel = m.layers[0].weights[0];
  const values = Array.from(kernel.data);
  const details = data.layers[0].weights![0] as unknown as { stats: { min: number; max: number } };
  expect(details.stats.min).toBeCloseTo(Math.min(...values), 6);
  expect(details.stats.max).toBeCloseTo(Math.max(...values), 6);
});

test("compile without an optimizer uses RMSprop with Keras's defaults, as keras.Model.compile does", () => {
  const m = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
  m.compile({ loss: "mse" });
  expect(m.optimizer!.className).toBe("RMSprop");
  expect(m.optimizer!.learningRate).toBeCloseTo(0.001, 9);
});
