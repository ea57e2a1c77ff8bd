// Inference latency of issue 9's MLP at batch 1: the median time of one `predict` on a single
// sample, output read back, after warm-up (the untrained model: weights do not change the cost).
import { createRequire } from "node:module";
import { mulberry32, repeatFor } from "../harness.mjs";
import { task as mlpTask, nnlabModel, tfjsModel } from "./mlp.mjs";

const { median } = createRequire(import.meta.url)("../report.cjs");

/** The sample's size, shared with the PyTorch peer. */
export const task = { features: mlpTask.features, hidden: mlpTask.hidden, classes: mlpTask.classes, seed: mlpTask.seed, minSeconds: 0.5, minCalls: 20 };

/**
 * A repetition: `predictOnce` called for at least 0.5 s (and 20 times); its value is the median
 * call in milliseconds (a median resists the odd garbage collection or scheduler hiccup).
 */
function latencyRep(predictOnce) {
  return async () => {
    const { times } = await repeatFor(predictOnce, { minSeconds: task.minSeconds, minCalls: task.minCalls });
    return { value: median(times) * 1000, calls: times.length };
  };
}

export default {
  id: "mlpInfer",
  title: "MLP 784-128-10 inference, batch 1",
  unit: "ms",
  better: "lower",
  training: false,
  reps: 5,
  task,
  makeData() {
    const rand = mulberry32(task.seed);
    return { x: Float32Array.from({ length: task.features }, rand) };
  },
  nnlab(nn, data) {
    const model = nnlabModel(nn);
    const x = nn.tensor(data.x, { shape: [1, task.features] });
    return latencyRep(() => {
      const out = model.predict(x);
      if (out.data.length !== task.classes) throw new Error(`nnlab predict gave ${out.data.length} values, expected ${task.classes}`);
    });
  },
  tfjs(tf, data) {
    const model = tfjsModel(tf);
    const x = tf.tensor2d(data.x, [1, task.features]);
    return latencyRep(() => {
      const out = model.predict(x);
      const values = out.dataSync();
      out.dispose();
      if (values.length !== task.classes) throw new Error(`tfjs predict gave ${values.length} values, expected ${task.classes}`);
    });
  },
};
