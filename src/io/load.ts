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
import { assignWeights, readJson, readWeights } from "./weights-file";
import { MODEL_FILE, MODEL_FORMAT, MODEL_FORMAT_VERSION, type SavedModel } from "./save";

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
 * compiled with the same optimizer settings, loss and metrics (a custom loss function cannot
 * be saved; such a model comes back uncompiled). Optimizer state (momentum, Adam moments)
 * is not saved: a fresh optimizer starts from step 0.
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
  assignWeights(model.weights, readWeights(dir, where), path.join(dir, "weights.bin"), where);
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
  return model;
}
