// What the training workloads share: one `model.fit` epoch as a repetition (nnlab and
// TensorFlow.js have the same Keras-style call), and the Adam settings every library uses.

/**
 * Adam as in issue 9: learning rate 1e-3, β1 0.9, β2 0.999, ε 1e-7 (Keras's and tfjs's default;
 * the PyTorch peer sets its ε, default 1e-8, to this value).
 */
export const ADAM = { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/**
 * A repetition = one epoch of `model.fit` over all `samples` (shuffled, in batches of `batchSize`)
 * through the library's public API, so it includes everything a user pays for: batching,
 * shuffling, forward, backprop, the optimizer step and the loss log. Reports samples/s and the
 * epoch's loss (which should fall from one repetition to the next: a check that training happens).
 */
export function fitEpochRep(model, x, y, { samples, batchSize }) {
  return async () => {
    const start = process.hrtime.bigint();
    const history = await model.fit(x, y, { epochs: 1, batchSize, shuffle: true, verbose: 0 });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { value: samples / seconds, seconds, loss: history.history.loss[0] };
  };
}

/** TensorFlow.js's Adam with {@link ADAM}'s settings (positional arguments in tfjs). */
export const tfjsAdam = (tf) => tf.train.adam(ADAM.learningRate, ADAM.beta1, ADAM.beta2, ADAM.epsilon);

/** A glorotUniform initializer for tfjs with a fixed seed (tfjs's initializers are unseeded by default). */
export const tfjsGlorot = (tf, seed) => tf.initializers.glorotUniform({ seed });

/**
 * A training workload as the runner sees it: measured in samples/s (higher is better), with peak
 * memory reported. `spec` gives id, title, reps, task, makeData and the per-library builders
 * `nnlab(nn, data)` / `tfjs(tf, data)`, each returning a repetition function.
 */
export function trainingWorkload(spec) {
  return { unit: "samples/s", better: "higher", training: true, ...spec };
}
