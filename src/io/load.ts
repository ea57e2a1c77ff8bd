/**
 * `nn.loadModel(dir)` and `model.loadWeights(dir)`: the reverse of save.ts. The model is
 * rebuilt from its config, built for the saved input shape, given the saved weights (checked
 * name by name: count, shape, dtype), and compiled again when it was compiled.
 */
import * as path from "path";
import type { Model } from "../models/model";
import { Sequential, type SequentialConfig } from "../models/sequential";
import { Functional, type FunctionalConfig } from "../models/functional";
import { optimizerFromConfig } from "./optimizer-config";
import { lossFromConfig } from "../losses";
import * as metrics from "../metrics";
import type { CompileConfig } from "../models/model";
import { assignWeights, readJson, readWeightsAndSlots, type SavedSlot } from "./weights-file";
import { MODEL_FILE, MODEL_FORMAT, MODEL_FORMAT_VERSION, type SavedModel, type SavedOptimizerState } from "./save";

/** Model classes by Keras class name. */
const modelClasses: { [className: string]: (config: never) => Model } = {
  Sequential: (config: SequentialConfig) => Sequential.fromConfig(config),
  Functional: (config: FunctionalConfig) => Functional.fromConfig(config),
};

/** A metric from its id or `{ className, config }`. */
function metricFromConfig(saved: CompileConfig["metrics"][number], where: string): metrics.MetricIdentifier | undefined {
  if (saved === null) return undefined;
  if (typeof saved === "string") return saved;
  const Ctor = (metrics as unknown as { [name: string]: unknown })[saved.className];
  if (typeof Ctor !== "function" || !(Ctor.prototype instanceof metrics.Metric)) {
    throw new Error(`${where}: unknown metric class ${JSON.stringify(saved.className)} in the compile configuration`);
  }
  return new (Ctor as new (args: unknown) => metrics.Metric)(saved.config);
}

/**
 * Loads a model written by `model.save(dir)`: same architecture, same weights bit for bit,
 * compiled with the same optimizer settings, loss and metrics, and the optimizer's state (step
 * count, momentum, Adam's moments) restored exactly, so `fit` continues as if never interrupted.
 * A custom loss function cannot be saved: such a model comes back uncompiled, without optimizer
 * state.
 */
export function loadModel(dir: string): Model {
  const where = "loadModel";
  if (typeof dir !== "string" || dir === "") throw new TypeError(`${where}: expected a folder path, got ${JSON.stringify(dir)}`);
  const saved = readJson(dir, MODEL_FILE, where) as SavedModel;
  const modelPath = path.join(dir, MODEL_FILE);
  if (!saved || saved.format !== MODEL_FORMAT) throw new Error(`${where}: ${modelPath} is not an nnlab model (format ${JSON.stringify(saved?.format)})`);
  if (saved.version > MODEL_FORMAT_VERSION) throw new Error(`${where}: ${modelPath} has format version ${saved.version}; this nnlab reads up to version ${MODEL_FORMAT_VERSION}`);
  const make = modelClasses[saved.className];
  if (!make) throw new Error(`${where}: unknown model class ${JSON.stringify(saved.className)}. Known: ${Object.keys(modelClasses).join(", ")}`);
  const model = make(saved.config as never);
  if (saved.buildInputShape && model instanceof Sequential) model.build(saved.buildInputShape);
  const { weights, slots } = readWeightsAndSlots(dir, where);
  assignWeights(model.weights, weights, path.join(dir, "weights.bin"), where);
  const compile = saved.compileConfig as CompileConfig | null;
  if (compile && compile.loss !== null) {
    const ids = (saved: CompileConfig["metrics"] | undefined) => (saved ?? []).map((m) => metricFromConfig(m, where)).filter((m): m is metrics.MetricIdentifier => m !== undefined);
    const outputs = compile.outputs;
    if (outputs && outputs.every((o) => o.loss !== null)) {
      model.compile({
        optimizer: optimizerFromConfig(compile.optimizer, where),
        loss: outputs.map((o) => lossFromConfig(o.loss!)),
        lossWeights: outputs.map((o) => o.weight),
        metrics: outputs.map((o) => ids(o.metrics)),
        weightedMetrics: outputs.map((o) => ids(o.weightedMetrics)),
      });
    } else if (!outputs) {
      model.compile({
        optimizer: optimizerFromConfig(compile.optimizer, where),
        loss: lossFromConfig(compile.loss),
        metrics: ids(compile.metrics),
        weightedMetrics: ids(compile.weightedMetrics),
      });
    }
  }
  if (saved.optimizerState && model.optimizer) restoreOptimizerState(model, saved.optimizerState, slots, dir, where);
  return model;
}

/** Gives the loaded model's new optimizer the saved step count, scalars and slots. */
function restoreOptimizerState(model: Model, state: SavedOptimizerState, slots: SavedSlot[], dir: string, where: string): void {
  const optimizer = model.optimizer!;
  const modelPath = path.join(dir, MODEL_FILE);
  if (state.className !== optimizer.className) {
    throw new Error(`${where}: ${modelPath} holds the state of a ${state.className} optimizer but the model is compiled with ${optimizer.className}`);
  }
  const weights = model.weights;
  const perWeight: ({ [slot: string]: ArrayLike<number> } | null)[] = weights.map(() => null);
  for (const s of slots) {
    const w = weights[s.weight];
    if (s.values.dtype !== w.dtype || s.values.size !== w.size) {
      throw new Error(`${where}: optimizer slot ${s.slot} of ${w.name} is ${s.values.size} ${s.values.dtype} values in ${path.join(dir, "weights.bin")} but the weight has ${w.size} ${w.dtype}`);
    }
    (perWeight[s.weight] ??= {})[s.slot] = s.values.data;
  }
  try {
    optimizer.importState(weights, { iterations: state.iterations, scalars: state.scalars ?? {}, slots: perWeight });
  } catch (e) {
    throw new Error(`${where}: the optimizer state in ${dir} does not fit the model: ${(e as Error).message}`);
  }
}
