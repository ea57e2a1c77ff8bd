/**
 * Autoencoder patterns from the notes, on seeded synthetic data with a known structure, each
 * with its quality bar stated (and justified) before training.
 */
import * as nn from "nnlab";
import { affine, columnStats, mse, normals, rowsOf } from "./synthetic";

// A cap for a loaded machine, not a timing assertion.
jest.setTimeout(180_000);
beforeEach(() => nn.clearSession());

describe("dense denoising autoencoder", () => {
  test("on noisy inputs it reconstructs the clean data at most half as far off as the noisy input itself", async () => {
    // Data: 16-D points on a 2-D plane (x = A·z, z ~ N(0, I)), corrupted by N(0, 0.3²) noise.
    // Returning the noisy input has error σ² = 0.09 per value. Projecting onto the plane removes
    // the 14 of 16 noise directions off it, so the best denoiser reaches about 2/16·σ²; the bar,
    // at most 0.5·σ², needs the model to have learnt the plane and cannot be met by a near-identity map.
    nn.setSeed(3);
    const rng = new nn.Random(30);
    const d = 16;
    const sigma = 0.3;
    const a = normals(rng, d, 2).map((r) => r.map((v) => v / Math.SQRT2));
    const train = affine(normals(rng, 512, 2), a);
    const test = affine(normals(rng, 256, 2), a);
    const noisyTest = test.map((r) => r.map((v) => v + sigma * rng.normal()));

    const model = nn.sequential([
      nn.layers.input({ shape: [d] }),
      nn.layers.gaussianNoise({ stddev: sigma }), // corrupts the inputs in training only
      nn.layers.dense({ units: 32, activation: "tanh" }),
      nn.layers.dense({ units: 2 }),
      nn.layers.dense({ units: 32, activation: "tanh" }),
      nn.layers.dense({ units: d }),
    ]);
    model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.01 }), loss: "mse" });
    await model.fit(train, train, { epochs: 20, batchSize: 32, verbose: 0 });

    const noisyError = mse(noisyTest, test);
    const reconstructionError = mse(rowsOf(model.predict(noisyTest)), test);
    expect(noisyError).toBeGreaterThan(0.8 * sigma ** 2); // the corruption is what was intended
    expect(reconstructionError).toBeLessThan(0.5 * noisyError);
  });
});

/** −½·Σ(1 + logVar − mean² − e^logVar) per sample, averaged over the batch: KL(q(z|x) ‖ N(0, I)). */
function klDivergence(mean: nn.Tensor, logVar: nn.Tensor): nn.Tensor {
  const terms = nn.sub(nn.add(1, logVar), nn.add(nn.square(mean), nn.exp(logVar)));
  return nn.mean(nn.mul(-0.5, nn.sum(terms, -1)));
}

/** The Keras VAE example as a subclassed model: encoder → (mean, logVar) → sampling → decoder, KL via addLoss. */
class VAE extends nn.Model {
  readonly className = "VAE";
  constructor(readonly encoder: nn.Model, readonly decoder: nn.Model, readonly sampler = nn.layers.sampling()) {
    super("vae");
  }

  call(x: nn.Tensor, training: boolean): nn.Tensor {
    const [mean, logVar] = this.encoder.forward([x], training);
    this.addLoss(klDivergence(mean, logVar));
    return this.decoder.call(this.sampler.apply([mean, logVar]), training);
  }
}

describe("variational autoencoder", () => {
  test("reconstruction + KL (addLoss) falls; decoded N(0, I) samples have the data's mean and spread", async () => {
    // Data: 6-D, x = μ + A·z + N(0, 0.1²), z ~ N(0, I₂): a linear-Gaussian model a 2-D VAE can
    // represent exactly. Reconstruction loss Σ(x − x̂)²/(2·0.2²) is a Gaussian log-likelihood with
    // a noise level a little above the data's, so the KL term keeps the codes near N(0, I). Bars: the last epoch's loss below half the first's; decoded samples'
    // per-feature mean within 0.15 of the data's (0.15 of a typical feature std of ~1, while the
    // means μ are 0.5 to 3 away from 0, so an untrained decoder fails) and per-feature std within
    // 25% of the data's (a collapsed decoder that only outputs the mean has std 0 and fails).
    nn.setSeed(4);
    const rng = new nn.Random(40);
    const mu = [2, -1, 0.5, 3, 0, -2];
    // Rows of A of unit length: every feature varies with std ≈ 1 around its mean.
    const a = normals(rng, 6, 2).map((r) => r.map((v) => v / Math.hypot(...r)));
    const data = affine(normals(rng, 1000, 2), a, mu).map((r) => r.map((v) => v + 0.1 * rng.normal()));

    const x = nn.input({ shape: [6] });
    const h = nn.layers.dense({ units: 32, activation: "tanh" }).apply(x);
    const encoder = nn.model({ inputs: x, outputs: [nn.layers.dense({ units: 2, name: "z_mean" }).apply(h), nn.layers.dense({ units: 2, name: "z_log_var" }).apply(h)], name: "encoder" });
    const decoder = nn.sequential([nn.layers.input({ shape: [2] }), nn.layers.dense({ units: 32, activation: "tanh" }), nn.layers.dense({ units: 6 })], { name: "decoder" });
    const vae = new VAE(encoder, decoder);
    const reconstruction = (yTrue: nn.Tensor, yPred: nn.Tensor) => nn.mul(nn.sum(nn.square(nn.sub(yTrue, yPred)), -1), 1 / (2 * 0.2 ** 2));
    vae.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.01 }), loss: reconstruction });
    const history = await vae.fit(data, data, { epochs: 40, batchSize: 50, verbose: 0 });
    const losses = history.history.loss;
    expect(losses.at(-1)!).toBeLessThan(0.5 * losses[0]);

    const samples = columnStats(rowsOf(decoder.predict(normals(rng, 2000, 2))));
    const target = columnStats(data);
    samples.mean.forEach((m, j) => expect(Math.abs(m - target.mean[j])).toBeLessThan(0.15));
    samples.std.forEach((s, j) => expect(Math.abs(s / target.std[j] - 1)).toBeLessThan(0.25));
  });
});
