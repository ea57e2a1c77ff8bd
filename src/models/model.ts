/**
 * What every model shares (Keras's `Model`): compile, fit, evaluate, predict, the
 * single-batch methods, weights, saving, and its summary as a rich display.
 * Subclasses define the layer graph.
 */
import { Tensor, type NestedArray } from "../tensor/tensor";
import { toTensor, tensor } from "../tensor/creation";
import { noGrad } from "../tensor/autograd";
import { shapeToString } from "../tensor/shape";
import type { Layer } from "../layers/layer";
import { getOptimizer, type Optimizer, type OptimizerIdentifier } from "../optimizers";
import { getLoss, type LossIdentifier, type ResolvedLoss } from "../losses";
import { getMetric, Mean, Metric, type MetricIdentifier } from "../metrics";
import type { History } from "../callbacks/history";
import type { Logs } from "../callbacks/callback";
import {
  checkInteger, evaluateDataset, fitModel, metricLogs, resetMetrics, trainStep, updateMetrics, type FitArgs,
} from "./training";
import { classWeightsToSampleWeights, rowRange, toSampleWeight, toXY, type ClassWeight, type Data, type Dataset } from "./data";
import { summaryBundle, summaryData, type Summarizable } from "./summary";
import { saveModel, saveWeights } from "../io/save";
import { assignWeights, readWeights } from "../io/weights-file";
import { displayBundle, JUPYTER_DISPLAY } from "../display/host";
import type { MimeBundle, SummaryData, SummaryLayer } from "../display/mime";

export type { Data } from "./data";

/** Arguments of {@link Model.compile}. */
export interface CompileArgs {
  /** An optimizer instance or a Keras id ("sgd", "adam"). */
  optimizer: OptimizerIdentifier;
  /** A loss id ("binaryCrossentropy", "mse", …), a loss object, or a function (yTrue, yPred) → per-sample loss. */
  loss: LossIdentifier;
  /**
   * Metrics to report: ids ("accuracy", "precision", "auc", "mae", …), metric objects or
   * per-sample functions. As in Keras 3 they ignore sample and class weights.
   */
  metrics?: MetricIdentifier[];
  /**
   * Metrics that use the sample (or class) weights, as Keras's `weighted_metrics`; one whose
   * name is already taken by `metrics` is logged as `weighted_<name>`.
   */
  weightedMetrics?: MetricIdentifier[];
}

/** The compiled training configuration. */
export interface CompiledState {
  optimizer: Optimizer;
  /** The resolved loss; `loss.loss.call(yTrue, yPred, sampleWeight)` gives the batch loss. */
  loss: ResolvedLoss;
  /** Fresh stateful metrics, reset at every epoch and evaluation; they ignore sample weights. */
  metrics: Metric[];
  /** Metrics updated with the sample weights (Keras's `weighted_metrics`). */
  weightedMetrics: Metric[];
  /** Tracks the loss over an epoch (weighted by batch size, as Keras). */
  lossTracker: Mean;
  /** What `compile` was given, as JSON for `save` (null parts could not be serialized: custom functions). */
  config: CompileConfig;
}

/** `compile`'s arguments as plain JSON, stored by `model.save`. */
export interface CompileConfig {
  optimizer: { className: string; config: { [key: string]: unknown } };
  /** The loss's config (`{ name, reduction, ...options }`), or null for a custom function. */
  loss: { name: string; [key: string]: unknown } | null;
  /** Metric ids as given, or `{ className, config }` for metric objects; null for custom functions. */
  metrics: SavedMetric[];
  /** The same for `weightedMetrics`. */
  weightedMetrics: SavedMetric[];
}

/** A metric in a saved compile configuration: its id as given, `{ className, config }` for a metric object, null for a custom function. */
export type SavedMetric = string | { className: string; config: { [key: string]: unknown } } | null;

/** Options of {@link Model.evaluate}. */
export interface EvaluateArgs {
  /** Samples per batch (default 32). */
  batchSize?: number;
  /** Return `{ loss, accuracy, … }` instead of a number / `[loss, ...metrics]`. */
  returnDict?: boolean;
  /** One weight per sample for the loss and metrics. */
  sampleWeight?: Data;
}

/** Options of {@link Model.trainOnBatch} and {@link Model.testOnBatch}. */
export interface OnBatchArgs {
  /** One weight per sample. */
  sampleWeight?: Data;
  /** Class index → weight (trainOnBatch only). */
  classWeight?: ClassWeight;
  /** Return `{ loss, … }` instead of a number / `[loss, ...metrics]`. */
  returnDict?: boolean;
}

/** A model's config as JSON (Keras's `get_config()`), enough for `fromConfig`. */
export interface ModelConfig {
  name: string;
  [key: string]: unknown;
}

/**
 * The base of every model (Keras's `Model`): `compile`, async `fit`, `evaluate`, `predict`, the
 * single-batch methods, weights, `save`, and the summary. {@link Sequential} defines the layer graph.
 */
export abstract class Model implements Summarizable {
  /** Keras class name (`Sequential`). */
  abstract readonly className: string;
  /** The model's name (`sequential`, `sequential_1`, …). */
  readonly name: string;
  /**
   * Set by callbacks (early stopping, terminateOnNaN) or the kernel's Stop button to end
   * `fit` after the current batch; the weights stay as they are.
   */
  stopTraining = false;
  /** Why `stopTraining` was set, when the one who set it said; `fit` copies it to `history.stopReason`. */
  stopReason?: string;
  /** The history of the last `fit`. */
  history?: History;
  protected compiled?: CompiledState;

  constructor(name: string) {
    this.name = name;
  }

  /** The model's layers in order. */
  abstract get layers(): Layer[];

  /** Forward pass. `training` switches dropout and batch-norm behaviour. */
  abstract call(x: Tensor, training: boolean): Tensor;

  /** Rows for the summary table. */
  abstract summaryLayers(): SummaryLayer[];

  /** The architecture as JSON (layers and their configs, no weights). */
  abstract getConfig(): ModelConfig;

  /** Configures training: optimizer, loss and metrics. */
  compile(args: CompileArgs): void {
    const where = `${this.name}.compile`;
    if (!args || typeof args !== "object") throw new TypeError(`${where}: expected { optimizer, loss, metrics? }`);
    if (args.optimizer === undefined) throw new TypeError(`${where}: optimizer is required (e.g. "sgd" or nn.optimizers.sgd({ learningRate: 0.1 }))`);
    if (args.loss === undefined) throw new TypeError(`${where}: loss is required (e.g. "binaryCrossentropy" or "mse")`);
    const metricIds = args.metrics ?? [];
    const weightedIds = args.weightedMetrics ?? [];
    for (const [key, ids] of [["metrics", metricIds], ["weightedMetrics", weightedIds]] as const) {
      if (!Array.isArray(ids)) throw new TypeError(`${where}: ${key} must be an array (e.g. ["accuracy"]), got ${typeof ids}`);
    }
    const loss = getLoss(args.loss, `${where}: loss`);
    const optimizer = getOptimizer(args.optimizer, `${where}: optimizer`);
    const metrics = metricIds.map((m) => getMetric(m, `${where}: metrics`));
    const weightedMetrics = weightedIds.map((m) => getMetric(m, `${where}: weightedMetrics`));
    const names = new Set<string>(["loss"]);
    for (const m of metrics) {
      if (names.has(m.name)) throw new Error(`${where}: two metrics would be logged as "${m.name}"; give metric objects distinct names`);
      names.add(m.name);
    }
    for (const m of weightedMetrics) {
      if (names.has(m.name)) m.name = `weighted_${m.name}`;
      if (names.has(m.name)) throw new Error(`${where}: two metrics would be logged as "${m.name}"; give metric objects distinct names`);
      names.add(m.name);
    }
    const saved = (ids: MetricIdentifier[], objects: Metric[]): SavedMetric[] =>
      ids.map((id, i) => (typeof id === "string" ? id : id instanceof Metric ? { className: objects[i].className, config: objects[i].getConfig() } : null));
    this.compiled = {
      optimizer,
      loss,
      metrics,
      weightedMetrics,
      lossTracker: new Mean("loss"),
      config: {
        optimizer: { className: optimizer.className, config: optimizer.getConfig() },
        loss: isCustomLossFunction(loss, args.loss) ? null : (loss.loss.getConfig() as CompileConfig["loss"]),
        metrics: saved(metricIds, metrics),
        weightedMetrics: saved(weightedIds, weightedMetrics),
      },
    };
  }

  /** True once `compile` has been called. */
  get isCompiled(): boolean {
    return this.compiled !== undefined;
  }

  /** The compiled configuration, or a clear error if `compile` has not been called. */
  compiledState(caller: string): CompiledState {
    if (!this.compiled) throw new Error(`${this.name}.${caller}: the model must be compiled first: call model.compile({ optimizer, loss }) before ${caller}()`);
    return this.compiled;
  }

  /** The optimizer given to `compile` (undefined before). */
  get optimizer(): Optimizer | undefined {
    return this.compiled?.optimizer;
  }

  /** The compiled metrics (stateful objects): `metrics` then `weightedMetrics`, in compile order. */
  get metrics(): Metric[] {
    return this.compiled ? [...this.compiled.metrics, ...this.compiled.weightedMetrics] : [];
  }

  /** Trains the model; resolves to the {@link History} (also kept as `model.history`). */
  fit(x: Data, y: Data, args: FitArgs = {}): Promise<History> {
    return fitModel(this, x, y, args);
  }

  /** Outputs for inputs `x`, in batches (default 32), without recording gradients. */
  predict(x: Data, args: { batchSize?: number } = {}): Tensor {
    const input = toTensor(x, `${this.name}.predict: x`);
    if (input.rank === 0) throw new RangeError(`${this.name}.predict: x needs a sample dimension, got a scalar`);
    const batchSize = checkInteger(args.batchSize ?? 32, "batchSize", `${this.name}.predict`);
    const n = input.shape[0];
    return noGrad(() => {
      if (n <= batchSize) return this.call(input, false);
      const parts: Tensor[] = [];
      for (let start = 0; start < n; start += batchSize) parts.push(this.call(rowRange(input, start, Math.min(start + batchSize, n)), false));
      const out = new (parts[0].data.constructor as Float32ArrayConstructor)(parts.reduce((s, p) => s + p.size, 0));
      let offset = 0;
      for (const p of parts) {
        out.set(p.data, offset);
        offset += p.size;
      }
      return new Tensor(out, [n, ...parts[0].shape.slice(1)]);
    });
  }

  /** Outputs for one batch `x` in inference mode (Keras's `predict_on_batch`). */
  predictOnBatch(x: Data): Tensor {
    const input = toTensor(x, `${this.name}.predictOnBatch: x`);
    return noGrad(() => this.call(input, false));
  }

  /**
   * Loss and metrics on (x, y): a number when there are no metrics, else `[loss, ...metrics]`
   * (Keras's order); `{ returnDict: true }` gives `{ loss, accuracy, … }`. Precision, recall
   * and AUC are computed over all samples, not averaged over batches.
   */
  evaluate(x: Data, y: Data, args: EvaluateArgs & { returnDict: true }): Logs;
  evaluate(x: Data, y: Data, args?: EvaluateArgs & { returnDict?: false }): number | number[];
  evaluate(x: Data, y: Data, args: EvaluateArgs = {}): number | number[] | Logs {
    const where = `${this.name}.evaluate`;
    const state = this.compiledState("evaluate");
    const [xt, yt] = toXY(x, y, where);
    const batchSize = checkInteger(args.batchSize ?? 32, "batchSize", where);
    const data: Dataset = { x: xt, y: yt };
    if (args.sampleWeight !== undefined) data.sampleWeight = toSampleWeight(args.sampleWeight, xt.shape[0], where);
    return this.returnLogs(evaluateDataset(this, state, data, batchSize), args.returnDict);
  }

  /**
   * One gradient step on one batch (Keras's `train_on_batch`): returns that batch's loss
   * (and metrics, which are reset first), computed before the update.
   */
  trainOnBatch(x: Data, y: Data, args: OnBatchArgs = {}): number | number[] | Logs {
    const where = `${this.name}.trainOnBatch`;
    const state = this.compiledState("trainOnBatch");
    const [xt, yt] = toXY(x, y, where);
    if (args.classWeight !== undefined && args.sampleWeight !== undefined) throw new TypeError(`${where}: give classWeight or sampleWeight, not both`);
    const sw = args.sampleWeight !== undefined ? toSampleWeight(args.sampleWeight, xt.shape[0], where)
      : args.classWeight !== undefined ? classWeightsToSampleWeights(yt, args.classWeight, where) : undefined;
    resetMetrics(state);
    const result = trainStep(this, state, xt, yt, sw, this.trainableWeights, false);
    updateMetrics(state, yt, result.pred, result.loss, sw);
    return this.returnLogs(metricLogs(state), args.returnDict);
  }

  /** Loss and metrics on one batch in inference mode (Keras's `test_on_batch`). */
  testOnBatch(x: Data, y: Data, args: Omit<OnBatchArgs, "classWeight"> = {}): number | number[] | Logs {
    const where = `${this.name}.testOnBatch`;
    const state = this.compiledState("testOnBatch");
    const [xt, yt] = toXY(x, y, where);
    const data: Dataset = { x: xt, y: yt };
    if (args.sampleWeight !== undefined) data.sampleWeight = toSampleWeight(args.sampleWeight, xt.shape[0], where);
    return this.returnLogs(evaluateDataset(this, state, data, Math.max(xt.shape[0], 1)), args.returnDict);
  }

  private returnLogs(logs: Logs, returnDict?: boolean): number | number[] | Logs {
    if (returnDict) return logs;
    const values = Object.values(logs);
    return values.length === 1 ? values[0] : values;
  }

  /** All weights, layer by layer (trainable first within each layer, as Keras). */
  get weights(): Tensor[] {
    return this.layers.flatMap((l) => l.weights);
  }

  /** The weights the optimizer updates. */
  get trainableWeights(): Tensor[] {
    return this.layers.flatMap((l) => l.trainableWeights);
  }

  /** Weights the optimizer leaves alone (frozen layers, moving statistics). */
  get nonTrainableWeights(): Tensor[] {
    return this.layers.flatMap((l) => l.nonTrainableWeights);
  }

  /** Number of scalar parameters (trainable and not). */
  countParams(): number {
    return this.layers.reduce((n, l) => n + l.countParams(), 0);
  }

  /** Copies of the weight values, in {@link Model.weights} order (Keras's `get_weights()`). */
  getWeights(): Tensor[] {
    return this.weights.map((w) => w.clone());
  }

  /**
   * Replaces every weight's values in place, in {@link Model.weights} order (Keras's
   * `set_weights()`); the weight tensors stay the same objects, so optimizers keep tracking
   * them. Everything is checked before anything is written.
   */
  setWeights(values: (Tensor | NestedArray)[]): void {
    const where = `${this.name}.setWeights`;
    const weights = this.weights;
    if (!Array.isArray(values)) throw new TypeError(`${where}: expected an array of ${weights.length} weight values, got ${values === null ? "null" : typeof values}`);
    if (values.length !== weights.length) {
      throw new RangeError(`${where}: the model has ${weights.length} weights (${weights.map((w) => w.name).join(", ") || "none: is it built?"}) but ${values.length} values were given`);
    }
    const tensors = values.map((v, i) => (v instanceof Tensor ? v : tensor(v, { dtype: weights[i].dtype })));
    tensors.forEach((t, i) => {
      const w = weights[i];
      if (t.shape.length !== w.shape.length || t.shape.some((d, j) => d !== w.shape[j])) {
        throw new RangeError(`${where}: weight ${i} (${w.name}) has shape ${shapeToString(w.shape)} but the value has shape ${shapeToString(t.shape)}`);
      }
    });
    tensors.forEach((t, i) => weights[i].data.set(t.data));
  }

  /**
   * Saves the model to the folder `dir` (created or replaced atomically): `model.json`
   * (architecture and compile configuration), `weights.bin` and `manifest.json` (every weight,
   * exactly, float64 included). `nn.loadModel(dir)` reads it back.
   */
  save(dir: string): void {
    saveModel(this, dir);
  }

  /** Saves only the weights (`weights.bin` + `manifest.json`) to the folder `dir`. */
  saveWeights(dir: string): void {
    saveWeights(this, dir);
  }

  /** Loads weights saved by `saveWeights` or `save` into this model, checking count, shapes and dtypes first. */
  loadWeights(dir: string): void {
    const where = `${this.name}.loadWeights`;
    if (typeof dir !== "string" || dir === "") throw new TypeError(`${where}: expected a folder path, got ${JSON.stringify(dir)}`);
    assignWeights(this.weights, readWeights(dir, where), `${dir}/weights.bin`, where);
  }

  /** Optimizer state size for the summary, once the optimizer has run a step. */
  optimizerParams(): { count: number; bytes: number } | undefined {
    const opt = this.compiled?.optimizer;
    // Keras shows optimizer variables once the optimizer is built, i.e. after a training step.
    if (!opt || opt.iterations === 0) return undefined;
    return opt.variableStats();
  }

  /** The summary's structured data. */
  summaryData(): SummaryData {
    return summaryData(this);
  }

  /**
   * Shows the summary: a rich table in the nnlab kernel, Keras's text layout on a console.
   */
  summary(): void {
    displayBundle(this[JUPYTER_DISPLAY]());
  }

  /** A model displays as its summary. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return summaryBundle(this.summaryData());
  }
}

/**
 * True for a user's own loss function, which cannot be saved (built-in functions such as
 * `nn.losses.meanSquaredError` resolve to a registered loss, whose `fn` is a new wrapper).
 */
function isCustomLossFunction(resolved: ResolvedLoss, given: unknown): boolean {
  return typeof given === "function" && resolved.fn === given;
}
