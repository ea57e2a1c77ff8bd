// LSTM(64) on sequences of length 32 with 8 features, batch 32, then Dense(1), mean squared
// error, Adam; 512 synthetic sequences; training samples/s.
import { mulberry32 } from "../harness.mjs";
import { ADAM, fitEpochRep, tfjsAdam, tfjsGlorot, trainingWorkload } from "./common.mjs";

/** Sizes, shared with the PyTorch peer. */
export const task = { samples: 512, steps: 32, features: 8, units: 64, batchSize: 32, seed: 42, adam: ADAM };

/** Inputs uniform in [−1, 1); target: a fixed random weighting of the features, averaged over time. */
export function makeData({ samples, steps, features, seed } = task) {
  const rand = mulberry32(seed);
  const x = new Float32Array(samples * steps * features);
  for (let i = 0; i < x.length; i++) x[i] = rand() * 2 - 1;
  const w = Array.from({ length: features }, () => rand() * 2 - 1);
  const y = new Float32Array(samples);
  for (let s = 0; s < samples; s++) {
    let v = 0;
    for (let t = 0; t < steps; t++) for (let f = 0; f < features; f++) v += w[f] * x[(s * steps + t) * features + f];
    y[s] = v / steps;
  }
  return { x, y };
}

export default trainingWorkload({
  id: "lstm",
  title: "LSTM(64) training",
  reps: 3,
  task,
  makeData,
  nnlab(nn, data) {
    nn.setSeed(task.seed);
    const model = nn.sequential([nn.layers.lstm({ units: task.units, inputShape: [task.steps, task.features] }), nn.layers.dense({ units: 1 })]);
    model.compile({ optimizer: nn.optimizers.adam(ADAM), loss: "meanSquaredError" });
    const x = nn.tensor(data.x, { shape: [task.samples, task.steps, task.features] });
    const y = nn.tensor(data.y, { shape: [task.samples, 1] });
    return fitEpochRep(model, x, y, task);
  },
  tfjs(tf, data) {
    const model = tf.sequential({
      layers: [
        tf.layers.lstm({
          units: task.units,
          inputShape: [task.steps, task.features],
          kernelInitializer: tfjsGlorot(tf, task.seed),
          recurrentInitializer: tf.initializers.orthogonal({ seed: task.seed + 1 }),
        }),
        tf.layers.dense({ units: 1, kernelInitializer: tfjsGlorot(tf, task.seed + 2) }),
      ],
    });
    model.compile({ optimizer: tfjsAdam(tf), loss: "meanSquaredError" });
    const x = tf.tensor3d(data.x, [task.samples, task.steps, task.features]);
    const y = tf.tensor2d(data.y, [task.samples, 1]);
    return fitEpochRep(model, x, y, task);
  },
});
