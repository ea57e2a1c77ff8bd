/**
 * GANs trained with a custom `trainStep` (Keras's `train_step` pattern) inside `fit`: one
 * discriminator step, then one generator step, per batch. Quality bars are stated with the data.
 */
import * as nn from "nnlab";
import { columnStats, normals, rowsOf } from "./synthetic";

// A cap for a loaded machine, not a timing assertion.
jest.setTimeout(180_000);
beforeEach(() => nn.clearSession());

/** Mean binary cross-entropy of logits against a constant label (1 real, 0 fake). */
function bce(logits: nn.Tensor, label: 0 | 1): nn.Tensor {
  return nn.mean(nn.losses.binaryCrossentropy(nn.fill(logits.shape, label), logits, { fromLogits: true }));
}

/** Applies the gradients of `loss` (recorded since `tape` started) to `variables`. */
function step(tape: nn.GradientTape, loss: nn.Tensor, variables: nn.Tensor[], optimizer: nn.optimizers.Optimizer): void {
  optimizer.applyGradients(tape.gradient(loss, variables).map((g) => g.data), variables);
}

/**
 * What both GANs below hold: the two networks, the discriminator's own optimizer (the
 * generator's is the model's, from `compile`), and the source of latent noise.
 */
abstract class TwoNetworkGAN extends nn.Model {
  constructor(
    readonly generator: nn.Model,
    readonly discriminator: nn.Model,
    protected readonly dOptimizer: nn.optimizers.Optimizer,
    protected readonly latentDim: number,
    protected readonly rng: nn.Random,
    name: string,
  ) {
    super(name);
  }

  /** Latent noise for `rows` rows, standard normal. */
  protected noise(rows: number): nn.Tensor {
    return nn.tensor(normals(this.rng, rows, this.latentDim));
  }
}

/** A GAN on rows: `generator(z)` → fake rows; the discriminator gives one logit per row. */
class GAN extends TwoNetworkGAN {
  readonly className = "GAN";
  constructor(generator: nn.Model, discriminator: nn.Model, dOptimizer: nn.optimizers.Optimizer, latentDim: number, rng: nn.Random) {
    super(generator, discriminator, dOptimizer, latentDim, rng, "gan");
  }

  call(z: nn.Tensor, training: boolean): nn.Tensor {
    return this.generator.call(z, training);
  }

  override trainStep(batch: nn.TrainBatch): { [name: string]: number } {
    const real = batch.x as nn.Tensor;
    const noise = () => this.noise(real.shape[0]);
    // Discriminator: real rows → 1, generated rows (no gradient into the generator) → 0.
    const fake = nn.noGrad(() => this.generator.call(noise(), true));
    const dTape = nn.gradientTape();
    const dLoss = nn.add(bce(this.discriminator.call(real, true), 1), bce(this.discriminator.call(fake, true), 0));
    step(dTape, dLoss, this.discriminator.trainableWeights, this.dOptimizer);
    // Generator: make the discriminator say 1 for fresh fakes.
    const gTape = nn.gradientTape();
    const gLoss = bce(this.discriminator.call(this.generator.call(noise(), true), true), 1);
    step(gTape, gLoss, this.generator.trainableWeights, this.optimizer!);
    return { dLoss: dLoss.item(), gLoss: gLoss.item() };
  }
}

/** Adam with β₁ = 0.5, the usual choice for GANs (DCGAN). */
const adam = () => nn.optimizers.adam({ learningRate: 2e-3, beta1: 0.5 });

describe("GAN with a custom trainStep", () => {
  test("1-D: the generated distribution has the target's mean and variance", async () => {
    // Target N(3, 1). Bars: generated mean within 0.3 of 3 (0.3 target std; an untrained generator
    // outputs values near 0), and generated std within 30% of 1 (variance in [0.49, 1.69]; a
    // collapsed generator has std near 0). Measured on 4000 samples (standard error ≈ 0.016).
    nn.setSeed(5);
    const rng = new nn.Random(50);
    const real = normals(rng, 1024, 1).map(([v]) => [3 + v]);
    const generator = nn.sequential([nn.layers.input({ shape: [4] }), nn.layers.dense({ units: 16, activation: "tanh" }), nn.layers.dense({ units: 1 })], { name: "generator" });
    const discriminator = nn.sequential([nn.layers.input({ shape: [1] }), nn.layers.dense({ units: 16, activation: "tanh" }), nn.layers.dense({ units: 1 })], { name: "discriminator" });
    const gan = new GAN(generator, discriminator, adam(), 4, rng);
    gan.compile({ optimizer: adam() }); // no loss: the custom step computes its own
    const history = await gan.fit(real, null, { epochs: 60, batchSize: 64, verbose: 0 });
    expect(Object.keys(history.history).sort()).toEqual(["dLoss", "gLoss"]);

    const samples = columnStats(rowsOf(gan.predict(normals(rng, 4000, 4))));
    expect(Math.abs(samples.mean[0] - 3)).toBeLessThan(0.3);
    expect(Math.abs(samples.std[0] - 1)).toBeLessThan(0.3);
  });
});

/**
 * A small conditional tabular GAN in CTGAN's style: rows of two numeric columns and one
 * categorical column (one-hot); generator and discriminator both see the condition (a one-hot
 * class), and the generator is also trained to emit the class it was asked for (CTGAN's
 * conditional cross-entropy).
 */
class ConditionalGAN extends TwoNetworkGAN {
  readonly className = "ConditionalGAN";
  constructor(generator: nn.Model, discriminator: nn.Model, dOptimizer: nn.optimizers.Optimizer, latentDim: number, private readonly classes: number, rng: nn.Random) {
    super(generator, discriminator, dOptimizer, latentDim, rng, "conditional_gan");
  }

  /** Rows generated for one-hot conditions `cond` ([n, classes]). */
  generate(cond: nn.Tensor, training = false): nn.Tensor {
    return this.generator.forward([this.noise(cond.shape[0]), cond], training)[0];
  }

  call(cond: nn.Tensor, training: boolean): nn.Tensor {
    return this.generate(cond, training);
  }

  override trainStep(batch: nn.TrainBatch): { [name: string]: number } {
    const real = batch.x as nn.Tensor;
    // The condition of each real row is its own category, so conditions follow the data's class frequencies.
    const cond = nn.slice(real, [0, real.shape[1] - this.classes], [-1, -1]);
    const numericColumns = real.shape[1] - this.classes;
    // The discriminator judges the numeric columns given the condition; the categorical column is
    // held to the condition by the cross-entropy below (a soft one-hot would be told from a real
    // one by its softness alone, which CTGAN avoids with Gumbel-softmax).
    const judge = (rows: nn.Tensor) => this.discriminator.forward([nn.slice(rows, [0, 0], [-1, numericColumns]), cond], true)[0];
    const fake = nn.noGrad(() => this.generate(cond, true));
    const dTape = nn.gradientTape();
    const dLoss = nn.add(bce(judge(real), 1), bce(judge(fake), 0));
    step(dTape, dLoss, this.discriminator.trainableWeights, this.dOptimizer);

    const gTape = nn.gradientTape();
    const rows = this.generate(cond, true);
    const category = nn.slice(rows, [0, rows.shape[1] - this.classes], [-1, -1]);
    const conditionLoss = nn.mean(nn.losses.categoricalCrossentropy(cond, category));
    const gLoss = nn.add(bce(judge(rows), 1), conditionLoss);
    step(gTape, gLoss, this.generator.trainableWeights, this.optimizer!);
    return { dLoss: dLoss.item(), gLoss: gLoss.item(), conditionLoss: conditionLoss.item() };
  }
}

describe("conditional tabular GAN", () => {
  test("rows sampled for a class carry that class and its numeric column means", async () => {
    // Table: class c ∈ {0, 1, 2} (equally likely, one-hot), numeric columns ~ N(m_c, 0.5²) with
    // m_0 = (−2, 1), m_1 = (0, −1.5), m_2 = (2, 2). Bars, on 500 rows sampled per class: at least
    // 95% of them have the asked-for category as their largest one-hot entry, and each numeric
    // column's mean is within 0.3 of that class's mean (0.6 class stds; the class means are ≥ 2
    // apart, so a generator that ignores the condition misses by ≥ 1.3 for some class).
    nn.setSeed(6);
    const rng = new nn.Random(60);
    const means = [[-2, 1], [0, -1.5], [2, 2]];
    const table = Array.from({ length: 960 }, (_, i) => {
      const c = i % 3;
      return [means[c][0] + 0.5 * rng.normal(), means[c][1] + 0.5 * rng.normal(), ...[0, 1, 2].map((k) => (k === c ? 1 : 0))];
    });

    const z = nn.input({ shape: [4], name: "z" });
    const gCond = nn.input({ shape: [3], name: "condition" });
    const h = nn.layers.dense({ units: 32, activation: "relu" }).apply(nn.layers.concatenate().apply([z, gCond]));
    const numeric = nn.layers.dense({ units: 2, name: "numeric" }).apply(h);
    const category = nn.layers.dense({ units: 3, activation: "softmax", name: "category" }).apply(h);
    const generator = nn.model({ inputs: [z, gCond], outputs: nn.layers.concatenate().apply([numeric, category]), name: "generator" });
    const row = nn.input({ shape: [2], name: "numeric" });
    const dCond = nn.input({ shape: [3], name: "condition" });
    const d1 = nn.layers.dense({ units: 64, activation: nn.activations.leakyRelu({ negativeSlope: 0.2 }) }).apply(nn.layers.concatenate().apply([row, dCond]));
    const dh = nn.layers.dense({ units: 64, activation: nn.activations.leakyRelu({ negativeSlope: 0.2 }) }).apply(d1);
    const discriminator = nn.model({ inputs: [row, dCond], outputs: nn.layers.dense({ units: 1 }).apply(dh), name: "discriminator" });

    // GAN training circles the equilibrium with a radius that grows with the step size, so both
    // learning rates decay fourfold over the run (600 steps) to settle at the end.
    const decaying = () => nn.optimizers.adam({ learningRate: nn.optimizers.schedules.exponentialDecay({ initialLearningRate: 2e-3, decaySteps: 600, decayRate: 0.25 }), beta1: 0.5 });
    const gan = new ConditionalGAN(generator, discriminator, decaying(), 4, 3, rng);
    gan.compile({ optimizer: decaying() });
    await gan.fit(table, null, { epochs: 40, batchSize: 64, verbose: 0 });

    for (let c = 0; c < 3; c++) {
      const cond = nn.tensor(Array.from({ length: 500 }, () => [0, 1, 2].map((k) => (k === c ? 1 : 0))));
      const rows = rowsOf(nn.noGrad(() => gan.generate(cond)));
      const hits = rows.filter((r) => r.slice(2).indexOf(Math.max(...r.slice(2))) === c).length;
      const { mean } = columnStats(rows.map((r) => r.slice(0, 2)));
      expect(hits / rows.length).toBeGreaterThanOrEqual(0.95);
      expect(Math.abs(mean[0] - means[c][0])).toBeLessThan(0.3);
      expect(Math.abs(mean[1] - means[c][1])).toBeLessThan(0.3);
    }
  });
});
