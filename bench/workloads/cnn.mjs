// The small CNN of the architectures issue: conv 3×3×8 (relu) → max-pool 2 → conv 3×3×16 (relu)
// → max-pool 2 → dense 10 (softmax + categorical cross-entropy) on 28×28×1 images, Adam, batch
// 32, 512 synthetic samples (tfjs-cpu trains it at tens of samples/s, so more would take minutes
// per epoch); training samples/s. tfjs-wasm cannot train it (no Conv2DBackpropFilter kernel):
// the runner records the error as "unsupported".
import { mulberry32 } from "../harness.mjs";
import { ADAM, fitEpochRep, tfjsAdam, tfjsGlorot, trainingWorkload } from "./common.mjs";

/** Sizes, shared with the PyTorch peer. */
export const task = { samples: 512, side: 28, classes: 10, batchSize: 32, seed: 42, adam: ADAM };

/**
 * Images (channels-last) with a bright 6×6 square on a noisy background; the label is the
 * square's position on a coarse grid: a task a CNN learns, so the loss falls in every library.
 */
export function makeData({ samples, side, classes, seed } = task) {
  const rand = mulberry32(seed);
  const x = new Float32Array(samples * side * side);
  const y = new Float32Array(samples * classes);
  for (let s = 0; s < samples; s++) {
    const label = Math.floor(rand() * classes);
    const top = 2 + Math.floor(label / 5) * 12 + Math.floor(rand() * 6);
    const left = 1 + (label % 5) * 5 + Math.floor(rand() * 2);
    for (let i = 0; i < side * side; i++) x[s * side * side + i] = rand() * 0.3;
    for (let r = top; r < Math.min(top + 6, side); r++) for (let c = left; c < Math.min(left + 6, side); c++) x[s * side * side + r * side + c] = 0.7 + rand() * 0.3;
    y[s * classes + label] = 1;
  }
  return { x, y };
}

export default trainingWorkload({
  id: "cnn",
  title: "small CNN training",
  reps: 3,
  task,
  makeData,
  nnlab(nn, data) {
    nn.setSeed(task.seed);
    const L = nn.layers;
    const model = nn.sequential([
      L.conv2d({ filters: 8, kernelSize: 3, activation: "relu", inputShape: [task.side, task.side, 1] }),
      L.maxPooling2d({ poolSize: 2 }),
      L.conv2d({ filters: 16, kernelSize: 3, activation: "relu" }),
      L.maxPooling2d({ poolSize: 2 }),
      L.flatten(),
      L.dense({ units: task.classes, activation: "softmax" }),
    ]);
    model.compile({ optimizer: nn.optimizers.adam(ADAM), loss: "categoricalCrossentropy" });
    const x = nn.tensor(data.x, { shape: [task.samples, task.side, task.side, 1] });
    const y = nn.tensor(data.y, { shape: [task.samples, task.classes] });
    return fitEpochRep(model, x, y, task);
  },
  tfjs(tf, data) {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: "relu", inputShape: [task.side, task.side, 1], kernelInitializer: tfjsGlorot(tf, task.seed) }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: "relu", kernelInitializer: tfjsGlorot(tf, task.seed + 1) }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: task.classes, activation: "softmax", kernelInitializer: tfjsGlorot(tf, task.seed + 2) }),
      ],
    });
    model.compile({ optimizer: tfjsAdam(tf), loss: "categoricalCrossentropy" });
    const x = tf.tensor4d(data.x, [task.samples, task.side, task.side, 1]);
    const y = tf.tensor2d(data.y, [task.samples, task.classes]);
    return fitEpochRep(model, x, y, task);
  },
});
