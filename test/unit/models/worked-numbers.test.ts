// Inventory Part 3, N17 (S2§2, 3Blue1Brown): a 784-16-16-10 network has 13,002 weights and biases,
// by hand: 784·16 + 16·16 + 16·10 = 12,960 weights and 16 + 16 + 10 = 42 biases.
import * as nn from "nnlab";

test("N17: the 784-16-16-10 network has 13,002 parameters (12,960 weights + 42 biases)", () => {
  const model = nn.sequential([
    nn.layers.dense({ units: 16, activation: "sigmoid", inputShape: [784] }),
    nn.layers.dense({ units: 16, activation: "sigmoid" }),
    nn.layers.dense({ units: 10, activation: "sigmoid" }),
  ]);
  expect(model.countParams()).toBe(13002);
  const kernels = model.weights.filter((w) => w.name!.endsWith("/kernel")).reduce((n, w) => n + w.size, 0);
  const biases = model.weights.filter((w) => w.name!.endsWith("/bias")).reduce((n, w) => n + w.size, 0);
  expect([kernels, biases]).toEqual([12960, 42]);
});
