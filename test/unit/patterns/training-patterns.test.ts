import * as nn from "nnlab";
import { expectClose } from "../helpers";

beforeEach(() => nn.clearSession());

/** A layer that adds a fixed penalty to the loss from its call (Keras's `self.add_loss`). */
class Penalty extends nn.layers.Layer {
  readonly className = "Penalty";
  constructor(private readonly amount: number) { super({}, "Penalty"); }
  call(x: nn.Tensor): nn.Tensor {
    this.addLoss(nn.scalar(this.amount));
    return x;
  }
}

describe("addLoss", () => {
  test("a layer's addLoss and a model's addLoss join the compiled loss (hand computation)", () => {
    const x = nn.input({ shape: [1] });
    const dense = nn.layers.dense({ units: 1, useBias: false, kernelInitializer: "ones" });
    const model = nn.model({ inputs: x, outputs: dense.apply(new Penalty(0.25).apply(x)) });
    model.compile({ optimizer: "sgd", loss: "mse" });
    // mse of y = x against 0 over x = [1, 2]: (1 + 4) / 2 = 2.5; plus 0.25 from the layer.
    expectClose([model.evaluate([[1], [2]], [[0], [0]]) as number], [2.75], 1e-6);
    // A model-level term, recomputed every step: 0.5·w² = 0.5 for w = 1.
    model.addLoss(() => nn.sum(nn.square(dense.weights[0])).mul(0.5));
    expectClose([model.evaluate([[1], [2]], [[0], [0]]) as number], [3.25], 1e-6);
  });

  test("layer.addLoss rejects a non-scalar", () => {
    const layer = new Penalty(0);
    expect(() => layer.addLoss(nn.zeros([2]))).toThrow("penalty.addLoss: expected a scalar loss, got shape [2]; reduce it first (e.g. with mean)");
  });
});

describe("custom training step (Keras's train_step) and a plain tape loop", () => {
  test("fit calls an overridden trainStep with each batch; it uses the optimizer and computeLoss", async () => {
    nn.setSeed(1);
    const x = nn.input({ shape: [1] });
    const model = nn.model({ inputs: x, outputs: nn.layers.dense({ units: 1 }).apply(x) });
    const batches: number[] = [];
    model.trainStep = (batch: nn.TrainBatch) => {
      batches.push((batch.x as nn.Tensor).shape[0]);
      const vars = model.trainableWeights;
      const tape = nn.gradientTape();
      const loss = model.computeLoss(batch.y as nn.Tensor, model.call(batch.x as nn.Tensor, true));
      const grads = tape.gradient(loss, vars);
      model.optimizer!.applyGradients(grads.map((g) => g.data), vars);
      return { loss: loss.item() };
    };
    model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.1 }), loss: "mse" });
    // y = 2x + 1 on 10 points; batches of 4 → 4, 4, 2.
    const xs = Array.from({ length: 10 }, (_, i) => [i / 10]);
    const ys = xs.map(([v]) => [2 * v + 1]);
    const history = await model.fit(xs, ys, { epochs: 200, batchSize: 4, shuffle: false, verbose: 0 });
    expect(batches.slice(0, 3)).toEqual([4, 4, 2]);
    // Quality bar stated up front: the last batch's MSE below 1e-2 after 200 epochs of SGD(0.1).
    expect(history.history.loss.at(-1)!).toBeLessThan(1e-2);
  });

  test("a model whose trainStep is overridden compiles without a loss and fits without targets", async () => {
    const x = nn.input({ shape: [2] });
    const model = nn.model({ inputs: x, outputs: nn.layers.dense({ units: 1 }).apply(x) });
    let seen = 0;
    model.trainStep = (batch) => {
      expect(batch.y).toBeUndefined();
      seen += (batch.x as nn.Tensor).shape[0];
      return { seen };
    };
    model.compile({ optimizer: "adam" });
    const history = await model.fit([[1, 2], [3, 4], [5, 6]], null, { epochs: 2, batchSize: 2, verbose: 0 });
    expect(history.history.seen).toEqual([3, 6]);
  });

  test("without an override, compile still requires a loss", () => {
    const x = nn.input({ shape: [2] });
    const model = nn.model({ inputs: x, outputs: nn.layers.dense({ units: 1 }).apply(x) });
    expect(() => model.compile({ optimizer: "adam" })).toThrow("loss is required");
  });
});

describe("transfer learning", () => {
  test("a frozen nested base: non-trainable params in the summary, unchanged by fit; unfreezing trains it again", async () => {
    nn.setSeed(2);
    const base = nn.sequential([nn.layers.dense({ units: 4, activation: "relu", inputShape: [3] }), nn.layers.dense({ units: 4 })], { name: "base" });
    const x = nn.input({ shape: [3] });
    const model = nn.model({ inputs: x, outputs: nn.layers.dense({ units: 1, name: "head" }).apply(base.apply(x)) });
    base.trainable = false;
    const data = model.summaryData();
    // base: 3·4+4 + 4·4+4 = 36 frozen; head: 4+1 = 5 trainable.
    expect([data.trainableParams, data.nonTrainableParams]).toEqual([5, 36]);
    expect(data.layers.find((l) => l.name === "base")).toMatchObject({ params: 36, trainableParams: 0, trainable: false });
    const before = base.getWeights().map((w) => Array.from(w.data));
    model.compile({ optimizer: nn.optimizers.adam({ learningRate: 1e-2 }), loss: "mse" });
    const xs = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]];
    const ys = [[1], [2], [3], [6]];
    await model.fit(xs, ys, { epochs: 3, verbose: 0 });
    expect(base.getWeights().map((w) => Array.from(w.data))).toEqual(before);
    base.trainable = true;
    // Fine-tune with a lower learning rate: a new compile picks up the unfrozen weights.
    model.compile({ optimizer: nn.optimizers.adam({ learningRate: 1e-3 }), loss: "mse" });
    expect(model.summaryData().trainableParams).toBe(41);
    await model.fit(xs, ys, { epochs: 1, verbose: 0 });
    expect(base.getWeights().map((w) => Array.from(w.data))).not.toEqual(before);
  });
});
