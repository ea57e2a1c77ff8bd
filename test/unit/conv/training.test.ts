/**
 * Training smoke tests: small CNNs learn real and synthetic image tasks to a stated quality with
 * fixed seeds (no timing assertions). The digits are scikit-learn's 8×8 handwritten digits
 * (`nn.datasets.loadDigits`), split 80/20 with a seeded shuffle.
 */
import * as nn from "nnlab";

const L = nn.layers;
// A generous limit for a loaded shared machine; nothing asserts a speed.
jest.setTimeout(180_000);

/** The rows `order[from … to−1]` of x (flat row-major samples of `rowSize` values). */
function rows(x: nn.Tensor, order: number[], rowSize: number, shape: number[]): nn.Tensor {
  const out = new Float32Array(order.length * rowSize);
  order.forEach((r, i) => out.set(x.data.subarray(r * rowSize, (r + 1) * rowSize), i * rowSize));
  return nn.tensor(out, { shape: [order.length, ...shape] });
}

/** Fraction of rows whose arg-max prediction equals the one-hot label. */
function accuracy(probabilities: nn.Tensor, labels: number[]): number {
  const k = probabilities.shape[1];
  let right = 0;
  labels.forEach((label, i) => {
    let best = 0;
    for (let c = 1; c < k; c++) if (probabilities.data[i * k + c] > probabilities.data[i * k + best]) best = c;
    if (best === label) right++;
  });
  return right / labels.length;
}

test("a small CNN reaches ≥ 95% test accuracy on the 8×8 digits (80/20 split, seeded)", async () => {
  nn.setSeed(0);
  const digits = nn.datasets.loadDigits();
  const n = digits.images.shape[0];
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = new nn.Random(42);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cut = Math.round(n * 0.8);
  const images = nn.div(digits.images, 16); // pixels 0–16 → 0–1
  const xTrain = rows(images, order.slice(0, cut), 64, [8, 8, 1]);
  const xTest = rows(images, order.slice(cut), 64, [8, 8, 1]);
  const labels = Array.from(digits.target.data, (v) => Math.round(v));
  const yTrain = nn.oneHot(order.slice(0, cut).map((i) => labels[i]), 10);
  const testLabels = order.slice(cut).map((i) => labels[i]);

  const model = nn.sequential([
    L.conv2d({ filters: 8, kernelSize: 3, padding: "same", activation: "relu", inputShape: [8, 8, 1] }),
    L.maxPooling2d(),
    L.conv2d({ filters: 16, kernelSize: 3, padding: "same", activation: "relu" }),
    L.maxPooling2d(),
    L.flatten(),
    L.dense({ units: 10, activation: "softmax" }),
  ]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.01 }), loss: "categoricalCrossentropy" });
  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, verbose: 0 });
  const losses = history.history.loss;
  expect(losses[losses.length - 1]).toBeLessThan(losses[0] / 5);
  // 96.9% with these seeds (360 test images).
  const testAccuracy = accuracy(model.predict(xTest), testLabels);
  expect(testAccuracy).toBeGreaterThanOrEqual(0.95);
});

test("a convolutional autoencoder (Conv2D → MaxPooling2D → UpSampling2D → Conv2DTranspose) lowers its reconstruction error 4×", async () => {
  nn.setSeed(1);
  // 12×12 images, each one bright 4×4 square at a random place on a dark background.
  const rng = new nn.Random(7);
  const count = 96;
  const data = new Float32Array(count * 144);
  for (let s = 0; s < count; s++) {
    const top = Math.floor(rng.uniform() * 9);
    const left = Math.floor(rng.uniform() * 9);
    for (let r = top; r < top + 4; r++) for (let c = left; c < left + 4; c++) data[s * 144 + r * 12 + c] = 1;
  }
  const x = nn.tensor(data, { shape: [count, 12, 12, 1] });
  const model = nn.sequential([
    L.conv2d({ filters: 8, kernelSize: 3, padding: "same", activation: "relu", inputShape: [12, 12, 1] }),
    L.maxPooling2d(),
    L.conv2d({ filters: 8, kernelSize: 3, padding: "same", activation: "relu" }),
    L.upSampling2d(),
    L.conv2dTranspose({ filters: 1, kernelSize: 3, padding: "same", activation: "sigmoid" }),
  ]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.01 }), loss: "binaryCrossentropy" });
  const mse = () => nn.mean(nn.square(nn.sub(model.predict(x), x))).item();
  const before = mse();
  await model.fit(x, x, { epochs: 30, batchSize: 16, verbose: 0 });
  expect(mse()).toBeLessThan(before / 4);
});
