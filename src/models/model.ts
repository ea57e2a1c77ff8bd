/**
 * What every model shares (Keras's `Model`): compile, fit, evaluate, predict, the
 * single-batch methods, weights, saving, and its summary as a rich display.
 * Subclasses define the layer graph.
 */
import { Tensor, type NestedArray } from "../tensor/tensor";
import { toTensor, tensor } from "../tensor/creation";
import { noGrad } from "../tensor/autograd";
import { shapeToString } from "../tensor/shape";
import { Layer, type LayerConfig, type RegularizationOptions } from "../layers/layer";
import { getOptimizer, type Optimizer, type OptimizerIdentifier } from "../optimizers";
import type { VariableStats } from "../optimizers/optimizer";
import { getLoss, Loss, type LossIdentifier, type ResolvedLoss } from "../losses";
import { getMetric, Mean, Metric, type MetricIdentifier } from "../metrics";
import type { History } from "../callbacks/history";
import type { Logs } from "../callbacks/callback";
import { summaryLine } from "../callbacks/progress-logger";
import {
  checkInteger, checkVerbose, compiledLoss, evaluateDataset, fitModel, metricLogs, resetMetrics, toDataset, trainStep, updateMetrics, type FitArgs,
} from "./training";
import { classWeightsToSampleWeights, rowRange, toSampleWeight, toTensorList, type ClassWeight, type Data, type TrainingData, type ModelData } from "./data";
import { layerRow } from "./summary-rows";
import { uniqueName } from "../util/names";
import { summaryBundle, summaryData, type Summarizable } from "./summary";
import { saveModel, saveWeights } from "../io/save";
import { assignWeights, readWeights } from "../io/weights-file";
import { displayBundle, JUPYTER_DISPLAY } from "../display/host";
import { addSummaryDetails } from "../display/summary-details";
import type { MimeBundle, ShapeSpec, SummaryData, SummaryLayer } from "../display/mime";

export type { Data, ModelData } from "./data";

/** Arguments of {@link Model.compile}. */
export interface CompileArgs {
  /** An optimizer instance or a Keras id ("sgd", "adam"); "rmsprop" when omitted, as Keras's `compile`. */
  optimizer?: OptimizerIdentifier;
  /**
   * A loss id ("binaryCrossentropy", "mse", …), a loss object, or a function (yTrue, yPred) →
   * per-sample loss. For several outputs: one for all, an array (one per output) or an object
   * keyed by output name. Optional only for a model that overrides `trainStep`.
   */
  loss?: LossIdentifier | LossIdentifier[] | { [output: string]: LossIdentifier };
  /** Several outputs: the weight of each output's loss in the total (array or by output name; default 1 each). */
  lossWeights?: number[] | { [output: string]: number };
  /**
   * Metrics to report: ids ("accuracy", "precision", "auc", "mae", …), metric objects or
   * per-sample functions. As in Keras 3 they ignore sample and class weights. For several
   * outputs: one list per output (`[["mae"], ["accuracy"]]`) or an object keyed by output name.
   */
  metrics?: MetricIdentifier[] | MetricIdentifier[][] | { [output: string]: MetricIdentifier[] };
  /**
   * Metrics that use the sample (or class) weights, as Keras's `weighted_metrics`; one whose
   * name is already taken by `metrics` is logged as `weighted_<name>`. Per output as `metrics`.
   */
  weightedMetrics?: MetricIdentifier[] | MetricIdentifier[][] | { [output: string]: MetricIdentifier[] };
}

/** What `compile` configured for one output of the model. */
export interface OutputState {
  /** The output's name (its layer's name). */
  name: string;
  /** Prefix of its log keys: `""` for a single-output model, `"<name>_"` otherwise (Keras's `dense_1_loss`). */
  prefix: string;
  /** Its loss. */
  loss: ResolvedLoss;
  /** Its weight in the total loss. */
  weight: number;
  /** Its metrics (sample weights ignored). */
  metrics: Metric[];
  /** Its weighted metrics. */
  weightedMetrics: Metric[];
  /** Its own loss over the epoch (only with several outputs). */
  lossTracker?: Mean;
}

/** The compiled training configuration. */
export interface CompiledState {
  /** The optimizer resolved from `compile`'s `optimizer` (an instance or an id such as "adam"). */
  optimizer: Optimizer;
  /** The first output's resolved loss; `loss.loss.call(yTrue, yPred, sampleWeight)` gives the batch loss. */
  loss: ResolvedLoss;
  /** Per output: loss, weight, metrics (one entry for a single-output model). */
  outputs: OutputState[];
  /** Every output's stateful metrics, reset at every epoch and evaluation; they ignore sample weights. */
  metrics: Metric[];
  /** Every output's metrics updated with the sample weights (Keras's `weighted_metrics`). */
  weightedMetrics: Metric[];
  /** Tracks the total loss over an epoch (weighted by batch size, as Keras). */
  lossTracker: Mean;
  /** What `compile` was given, as JSON for `save` (null parts could not be serialized: custom functions). */
  config: CompileConfig;
}

/** `compile`'s arguments as plain JSON, stored by `model.save`. */
export interface CompileConfig {
  /** The optimizer's class name and its `getConfig()`. */
  optimizer: {
    /** Keras's class name, e.g. "Adam". */
    className: string;
    /** The optimizer's `getConfig()`. */
    config: { [key: string]: unknown };
  };
  /** The loss's config (`{ name, reduction, ...options }`), or null for a custom function. */
  loss: {
    /** The loss's id, e.g. "categoricalCrossentropy". */
    name: string;
    /** Its reduction and options. */
    [key: string]: unknown;
  } | null;
  /** Metric ids as given, or `{ className, config }` for metric objects; null for custom functions. */
  metrics: SavedMetric[];
  /** The same for `weightedMetrics`. */
  weightedMetrics: SavedMetric[];
  /** Models with several outputs: each output's loss, weight and metrics (the fields above then describe the first). */
  outputs?: {
    /** The output layer's name. */
    name: string;
    /** Its loss config, or null for a custom function. */
    loss: CompileConfig["loss"];
    /** Its weight in the total loss. */
    weight: number;
    /** Its metrics. */
    metrics: SavedMetric[];
    /** Its weighted metrics. */
    weightedMetrics: SavedMetric[];
  }[];
}

/** A metric in a saved compile configuration: its id as given, `{ className, config }` for a metric object, null for a custom function. */
export type SavedMetric =
  | string
  | {
      /** The metric's class name, e.g. "AUC". */
      className: string;
      /** Its `getConfig()`. */
      config: { [key: string]: unknown };
    }
  | null;

/** Options of {@link Model.evaluate}. */
export interface EvaluateArgs {
  /** Samples per batch (default 32). */
  batchSize?: number;
  /** Return `{ loss, accuracy, … }` instead of a number / `[loss, ...metrics]`. */
  returnDict?: boolean;
  /** One weight per sample for the loss and metrics. */
  sampleWeight?: Data;
  /**
   * 1 or 2 print Keras's one-line summary (`4/4 ━━━━ 0s 2ms/step - loss: …`); 0, the default, is
   * silent (unlike Keras's "auto") because evaluate often runs inside loops and searches.
   */
  verbose?: 0 | 1 | 2;
}

/** Options of {@link Model.predict}. */
export interface PredictArgs {
  /** Samples per batch (default 32). */
  batchSize?: number;
  /** 1 or 2 print Keras's one-line summary; 0, the default, is silent. */
  verbose?: 0 | 1 | 2;
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
export type ModelConfig = LayerConfig;

/**
 * One batch as {@link Model.trainStep} receives it: `x` is the input tensor (an array of them for
 * several inputs), `y` the targets likewise (undefined when `fit` was given none), and the
 * optional per-sample weights.
 */
export interface TrainBatch {
  /** The batch's inputs: one tensor, or one per model input. */
  x: Tensor | Tensor[];
  /** The batch's targets: one tensor, or one per output; undefined when `fit` got no targets. */
  y?: Tensor | Tensor[];
  /** One weight per sample of the batch, shape `[batch]`, when given (or derived from `classWeight`). */
  sampleWeight?: Tensor;
}

/** A loss added with {@link Model.addLoss}: recomputed at every training forward pass. */
export type AddedLoss = () => Tensor;

/**
 * The base of every model (Keras's `Model`): `compile`, async `fit`, `evaluate`, `predict`, the
 * single-batch methods, weights, `save`, and the summary. A model is also a {@link Layer}, so it
 * can be used inside another model (it shows as one summary row and counts its parameters).
 * {@link Sequential} and the functional API's `Functional` define the layer graph.
 *
 * A subclass may override {@link Model.trainStep} (Keras's `train_step`) to train in its own way
 * inside `fit` — a GAN, for instance:
 *
 * ```ts
 * class GAN extends nn.Model {
 *   readonly className = "GAN";
 *   constructor(readonly generator: nn.Model, readonly discriminator: nn.Model, readonly dOpt: nn.optimizers.Optimizer) { super("gan"); }
 *   call(z: nn.Tensor, training: boolean) { return this.generator.call(z, training); }
 *   override trainStep(batch: nn.TrainBatch) {
 *     const real = batch.x as nn.Tensor;
 *     // …one discriminator step with this.dOpt, one generator step with this.optimizer…
 *     return { dLoss, gLoss };
 *   }
 * }
 * gan.compile({ optimizer: nn.optimizers.adam({ learningRate: 1e-3 }) });   // no loss needed
 * await gan.fit(realData, null, { epochs: 50 });
 * ```
 */
export abstract class Model extends Layer {
  /**
   * Set by callbacks (early stopping, terminateOnNaN) or the kernel's Stop button to end
   * `fit` after the current batch; the weights stay as they are.
   */
  stopTraining = false;
  /** Why `stopTraining` was set, when the one who set it said; `fit` copies it to `history.stopReason`. */
  stopReason?: string;
  /** The history of the last `fit`. */
  history?: History;
  /** What `compile` set up (optimizer, losses, metrics); undefined before `compile`. */
  protected compiled?: CompiledState;
  private readonly addedLosses: AddedLoss[] = [];
  private passLosses: Tensor[] = [];

  /** @param name the model's name (default `model`, `model_1`, …). */
  constructor(name?: string) {
    super({ name: name ?? uniqueName("model") }, "Model");
  }

  /**
   * The model's layers in order. The default lists the layers (and models) kept in the
   * object's own properties, directly or in arrays — what a subclass assigns in its constructor,
   * as Keras tracks a subclassed model's attributes.
   */
  get layers(): Layer[] {
    const found: Layer[] = [];
    for (const value of Object.values(this)) {
      for (const v of Array.isArray(value) ? value : [value]) if (v instanceof Layer && !found.includes(v)) found.push(v);
    }
    return found;
  }

  /** Forward pass of a single-input, single-output model. `training` switches dropout and batch-norm behaviour. */
  abstract override call(x: Tensor, training: boolean): Tensor;

  /** Names of the model's inputs (one per input tensor). */
  get inputNames(): string[] {
    return ["input"];
  }

  /** Names of the model's outputs (the output layers' names, Keras's `output_names`). */
  get outputNames(): string[] {
    return [this.layers.at(-1)?.name ?? this.name];
  }

  /**
   * Forward pass on one tensor per input, giving one tensor per output; `fit`, `evaluate` and
   * `predictOutputs` use it. The default calls {@link Model.call}.
   */
  forward(inputs: Tensor[], training: boolean): Tensor[] {
    if (inputs.length !== 1) throw new RangeError(`${this.name}: expected 1 input tensor, got ${inputs.length}`);
    return [this.call(inputs[0], training)];
  }

  /** Rows for the summary table. The default shows each layer with its parameters. */
  summaryLayers(): SummaryLayer[] {
    return this.layers.map((l) => layerRow(l, null));
  }

  /** The architecture as JSON (layers and their configs, no weights). The default holds the name and `trainable`. */
  override getConfig(): ModelConfig {
    return { name: this.name, trainable: this.trainable };
  }

  /** Output shape for an input shape: computed by running the layers' shape rules (subclasses know them). */
  override computeOutputShape(_inputShape: ShapeSpec): ShapeSpec {
    throw new Error(`${this.name}: ${this.className} cannot compute its output shape without running; use it as a layer only inside a Sequential or functional model that knows its input shape`);
  }

  /** Configures training: optimizer, loss (per output for several), loss weights and metrics. */
  compile(args: CompileArgs): void {
    const where = `${this.name}.compile`;
    if (!args || typeof args !== "object") throw new TypeError(`${where}: expected { optimizer, loss, metrics? }`);
    const custom = this.hasCustomTrainStep();
    if (args.loss === undefined && !custom) throw new TypeError(`${where}: loss is required (e.g. "binaryCrossentropy" or "mse")`);
    const optimizer = getOptimizer(args.optimizer ?? "rmsprop", `${where}: optimizer`);
    const names = this.outputNames;
    const multi = names.length > 1;
    const losses = perOutput<LossIdentifier>(args.loss ?? "meanSquaredError", names, "loss", where, (v) => typeof v !== "object" || v === null || v instanceof Loss);
    const weights = perOutput<number>(args.lossWeights ?? 1, names, "lossWeights", where, (v) => typeof v === "number");
    weights.forEach((w, i) => {
      if (typeof w !== "number" || !Number.isFinite(w) || w < 0) throw new RangeError(`${where}: the loss weight of ${names[i]} must be a finite number ≥ 0, got ${JSON.stringify(w)}`);
    });
    const metricIds = perOutputLists(args.metrics, names, "metrics", where);
    const weightedIds = perOutputLists(args.weightedMetrics, names, "weightedMetrics", where);
    const saved = (ids: MetricIdentifier[], objects: Metric[]): SavedMetric[] =>
      ids.map((id, i) => (typeof id === "string" ? id : id instanceof Metric ? { className: objects[i].className, config: objects[i].getConfig() } : null));
    const outputs: OutputState[] = names.map((name, i) => {
      const prefix = multi ? `${name}_` : "";
      const loss = getLoss(losses[i], `${where}: loss${multi ? ` of ${name}` : ""}`);
      const metrics = metricIds[i].map((m) => getMetric(m, `${where}: metrics`));
      const weightedMetrics = weightedIds[i].map((m) => getMetric(m, `${where}: weightedMetrics`));
      const taken = new Set<string>(["loss"]);
      for (const m of metrics) {
        if (taken.has(m.name)) throw new Error(`${where}: two metrics would be logged as "${prefix}${m.name}"; give metric objects distinct names`);
        taken.add(m.name);
      }
      for (const m of weightedMetrics) {
        if (taken.has(m.name)) m.name = `weighted_${m.name}`;
        if (taken.has(m.name)) throw new Error(`${where}: two metrics would be logged as "${prefix}${m.name}"; give metric objects distinct names`);
        taken.add(m.name);
      }
      return { name, prefix, loss, weight: weights[i], metrics, weightedMetrics, ...(multi ? { lossTracker: new Mean(`${prefix}loss`) } : {}) };
    });
    const lossConfig = (o: OutputState, i: number) => (args.loss === undefined || isCustomLossFunction(o.loss, losses[i]) ? null : (o.loss.loss.getConfig() as CompileConfig["loss"]));
    this.compiled = {
      optimizer,
      loss: outputs[0].loss,
      outputs,
      metrics: outputs.flatMap((o) => o.metrics),
      weightedMetrics: outputs.flatMap((o) => o.weightedMetrics),
      lossTracker: new Mean("loss"),
      config: {
        optimizer: { className: optimizer.className, config: optimizer.getConfig() },
        loss: lossConfig(outputs[0], 0),
        metrics: saved(metricIds[0], outputs[0].metrics),
        weightedMetrics: saved(weightedIds[0], outputs[0].weightedMetrics),
        ...(multi ? {
          outputs: outputs.map((o, i) => ({
            name: o.name, loss: lossConfig(o, i), weight: o.weight,
            metrics: saved(metricIds[i], o.metrics), weightedMetrics: saved(weightedIds[i], o.weightedMetrics),
          })),
        } : {}),
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

  /**
   * Adds a loss term to training and evaluation (Keras's `add_loss`): a function recomputed
   * at every forward pass (`() => nn.mul(0.01, nn.sum(nn.square(w)))`). Inside a layer's
   * `call`, use the layer's `addLoss(tensor)` instead (a VAE's KL term).
   */
  override addLoss(loss: Tensor | AddedLoss): void {
    if (loss instanceof Tensor) {
      // A tensor belongs to one forward pass (added from a subclass's call): used once, by the next loss computation.
      if (loss.size !== 1) throw new RangeError(`${this.name}.addLoss: expected a scalar loss, got shape ${shapeToString(loss.shape)}; reduce it first (e.g. with mean)`);
      this.passLosses.push(loss);
      return;
    }
    if (typeof loss !== "function") throw new TypeError(`${this.name}.addLoss: expected a function () => Tensor or a Tensor, got ${loss === null ? "null" : typeof loss}`);
    this.addedLosses.push(loss);
  }

  /**
   * Every penalty of the latest forward pass: the layers' regularization and added losses
   * (nested models included) and the model's own {@link Model.addLoss} terms. A frozen model
   * (`trainable = false`) adds no weight penalties of the layers inside it, whatever their own
   * `trainable` says, as Keras 3 sums penalties over `trainable_weights` only; their added and
   * activity losses still count. `options` as {@link Layer.regularizationLosses}.
   */
  override regularizationLosses(options: RegularizationOptions = {}): Tensor[] {
    const own = this.addedLosses.map((fn, i) => {
      const t = fn();
      if (!(t instanceof Tensor) || t.size !== 1) throw new TypeError(`${this.name}: added loss ${i} must return a scalar Tensor, got ${t instanceof Tensor ? `shape ${shapeToString(t.shape)}` : typeof t}`);
      return t;
    });
    const pass = this.passLosses;
    this.passLosses = [];
    const innerOptions = this.innerRegularizationOptions(options);
    const inner = this.layers.flatMap((l) => l.regularizationLosses(innerOptions));
    return [...super.regularizationLosses(options), ...inner, ...own, ...pass];
  }

  /** Re-imposes every layer's weight constraints (a frozen model leaves them alone). */
  override applyConstraints(): void {
    if (!this.trainable) return;
    for (const l of this.layers) l.applyConstraints();
  }

  /**
   * The compiled loss for targets and predictions (arrays for several outputs), plus
   * regularization and added losses, as Keras 3's `compute_loss` — for custom training steps.
   */
  computeLoss(y: Tensor | Tensor[], pred: Tensor | Tensor[], sampleWeight?: Tensor): Tensor {
    const state = this.compiledState("computeLoss");
    return compiledLoss(this, state, Array.isArray(y) ? y : [y], Array.isArray(pred) ? pred : [pred], sampleWeight).loss;
  }

  /**
   * One training step on one batch, called by `fit` (Keras's `train_step`); returns the logs to
   * report (`{ loss, … }`). The default: forward, compiled loss, gradients, optimizer update,
   * metrics. Override it for GANs and other custom schemes; `this.optimizer`,
   * {@link Model.computeLoss} and `nn.gradientTape` are there to help.
   */
  trainStep(batch: TrainBatch): Logs {
    const state = this.compiledState("trainStep");
    const x = Array.isArray(batch.x) ? batch.x : [batch.x];
    if (batch.y === undefined) throw new TypeError(`${this.name}.trainStep: the default training step needs targets (y)`);
    const y = Array.isArray(batch.y) ? batch.y : [batch.y];
    const result = trainStep(this, state, x, y, batch.sampleWeight, this.trainableWeights, false);
    updateMetrics(state, y, result.preds, result.loss, result.outputLosses, batch.sampleWeight);
    return metricLogs(state);
  }

  /** True when a subclass or the instance replaced {@link Model.trainStep}. */
  hasCustomTrainStep(): boolean {
    return this.trainStep !== Model.prototype.trainStep;
  }

  /** A dataset batch in the form {@link Model.trainStep} receives (single tensors unwrapped). */
  stepBatch(batch: TrainingData): TrainBatch {
    const one = (ts: Tensor[]) => (ts.length === 1 ? ts[0] : ts);
    return { x: one(batch.x), ...(batch.y.length > 0 ? { y: one(batch.y) } : {}), ...(batch.sampleWeight ? { sampleWeight: batch.sampleWeight } : {}) };
  }

  /**
   * Trains the model; resolves to the {@link History} (also kept as `model.history`). For several
   * inputs or outputs give arrays or `{ name: data }` objects; `y` may be null with a custom `trainStep`.
   */
  fit(x: ModelData, y: ModelData | null | undefined, args: FitArgs = {}): Promise<History> {
    return fitModel(this, x, y, args);
  }

  /** Outputs for inputs `x`, in batches (default 32), without recording gradients. Models with several outputs: {@link Model.predictOutputs}. */
  predict(x: ModelData, args: PredictArgs = {}): Tensor {
    const names = this.outputNames;
    if (names.length !== 1) throw new TypeError(`${this.name}.predict: the model has ${names.length} outputs (${names.join(", ")}); use model.predictOutputs(x), which returns one tensor per output`);
    return this.predictOutputs(x, args)[0];
  }

  /** One tensor per output for inputs `x`, in batches (default 32), without recording gradients. */
  predictOutputs(x: ModelData, args: PredictArgs = {}): Tensor[] {
    const where = `${this.name}.predict`;
    const inputs = toTensorList(x, this.inputNames, "x", where);
    if (inputs.some((t) => t.rank === 0)) throw new RangeError(`${where}: x needs a sample dimension, got a scalar`);
    const batchSize = checkInteger(args.batchSize ?? 32, "batchSize", where);
    const verbose = checkVerbose(args.verbose, where);
    const n = inputs[0].shape[0];
    const started = Date.now();
    const outputs = noGrad(() => {
      if (n <= batchSize) return this.forward(inputs, false);
      const parts: Tensor[][] = [];
      for (let start = 0; start < n; start += batchSize) parts.push(this.forward(inputs.map((t) => rowRange(t, start, Math.min(start + batchSize, n))), false));
      return parts[0].map((first, o) => {
        const out = new (first.data.constructor as Float32ArrayConstructor)(parts.reduce((s, p) => s + p[o].size, 0));
        let offset = 0;
        for (const p of parts) {
          out.set(p[o].data, offset);
          offset += p[o].size;
        }
        return new Tensor(out, [n, ...first.shape.slice(1)]);
      });
    });
    if (verbose > 0) console.log(summaryLine(verbose as 1 | 2, Math.ceil(n / batchSize), (Date.now() - started) / 1000, {}));
    return outputs;
  }

  /** Outputs for one batch `x` in inference mode (Keras's `predict_on_batch`). */
  predictOnBatch(x: ModelData): Tensor {
    const inputs = toTensorList(x, this.inputNames, "x", `${this.name}.predictOnBatch`);
    return noGrad(() => this.forward(inputs, false)[0]);
  }

  /**
   * Loss and metrics on (x, y): a number when there are no metrics, else `[loss, ...metrics]`
   * (Keras's order); `{ returnDict: true }` gives `{ loss, accuracy, … }`. Precision, recall
   * and AUC are computed over all samples, not averaged over batches.
   */
  evaluate(x: ModelData, y: ModelData, args: EvaluateArgs & { returnDict: true }): Logs;
  evaluate(x: ModelData, y: ModelData, args?: EvaluateArgs & { returnDict?: false }): number | number[];
  evaluate(x: ModelData, y: ModelData, args: EvaluateArgs = {}): number | number[] | Logs {
    const where = `${this.name}.evaluate`;
    const state = this.compiledState("evaluate");
    const data = toDataset(this, x, y, where);
    const batchSize = checkInteger(args.batchSize ?? 32, "batchSize", where);
    const verbose = checkVerbose(args.verbose, where);
    if (args.sampleWeight !== undefined) data.sampleWeight = toSampleWeight(args.sampleWeight, data.x[0].shape[0], where);
    const started = Date.now();
    const logs = evaluateDataset(this, state, data, batchSize);
    if (verbose > 0) console.log(summaryLine(verbose as 1 | 2, Math.ceil(data.x[0].shape[0] / batchSize), (Date.now() - started) / 1000, logs));
    return this.returnLogs(logs, args.returnDict);
  }

  /**
   * One gradient step on one batch (Keras's `train_on_batch`): returns that batch's loss
   * (and metrics, which are reset first), computed before the update.
   */
  trainOnBatch(x: ModelData, y: ModelData, args: OnBatchArgs = {}): number | number[] | Logs {
    const where = `${this.name}.trainOnBatch`;
    const state = this.compiledState("trainOnBatch");
    const data = toDataset(this, x, y, where);
    if (args.classWeight !== undefined && args.sampleWeight !== undefined) throw new TypeError(`${where}: give classWeight or sampleWeight, not both`);
    const sw = args.sampleWeight !== undefined ? toSampleWeight(args.sampleWeight, data.x[0].shape[0], where)
      : args.classWeight !== undefined ? classWeightsToSampleWeights(data.y[0], args.classWeight, where) : undefined;
    resetMetrics(state);
    const result = trainStep(this, state, data.x, data.y, sw, this.trainableWeights, false);
    updateMetrics(state, data.y, result.preds, result.loss, result.outputLosses, sw);
    return this.returnLogs(metricLogs(state), args.returnDict);
  }

  /** Loss and metrics on one batch in inference mode (Keras's `test_on_batch`). */
  testOnBatch(x: ModelData, y: ModelData, args: Omit<OnBatchArgs, "classWeight"> = {}): number | number[] | Logs {
    const where = `${this.name}.testOnBatch`;
    const state = this.compiledState("testOnBatch");
    const data = toDataset(this, x, y, where);
    if (args.sampleWeight !== undefined) data.sampleWeight = toSampleWeight(args.sampleWeight, data.x[0].shape[0], where);
    return this.returnLogs(evaluateDataset(this, state, data, Math.max(data.x[0].shape[0], 1)), args.returnDict);
  }

  private returnLogs(logs: Logs, returnDict?: boolean): number | number[] | Logs {
    if (returnDict) return logs;
    const values = Object.values(logs);
    return values.length === 1 ? values[0] : values;
  }

  /** All weights, layer by layer (trainable first within each layer, as Keras). */
  override get weights(): Tensor[] {
    return this.layers.flatMap((l) => l.weights);
  }

  /** The weights the optimizer updates (none when the model is frozen: `model.trainable = false`). */
  override get trainableWeights(): Tensor[] {
    return this.trainable ? this.layers.flatMap((l) => l.trainableWeights) : [];
  }

  /** Weights the optimizer leaves alone (frozen layers or a frozen model, moving statistics). */
  override get nonTrainableWeights(): Tensor[] {
    return this.trainable ? this.layers.flatMap((l) => l.nonTrainableWeights) : this.weights;
  }

  /** Number of scalar parameters (trainable and not). */
  override countParams(): number {
    return this.layers.reduce((n, l) => n + l.countParams(), 0);
  }

  /** Copies of the weight values, in {@link Model.weights} order (Keras's `get_weights()`). */
  override getWeights(): Tensor[] {
    return this.weights.map((w) => w.clone());
  }

  /**
   * Replaces every weight's values in place, in {@link Model.weights} order (Keras's
   * `set_weights()`); the weight tensors stay the same objects, so optimizers keep tracking
   * them. Everything is checked before anything is written.
   */
  override setWeights(values: (Tensor | NestedArray)[]): void {
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
   * (architecture, compile configuration, the optimizer's step count), `weights.bin` and
   * `manifest.json` (every weight exactly, float64 included, then the optimizer's slots).
   * `nn.loadModel(dir)` reads it back, and `fit` then continues exactly where it stopped.
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
  optimizerParams(): VariableStats | undefined {
    const opt = this.compiled?.optimizer;
    // Keras shows optimizer variables once the optimizer is built, i.e. after a training step.
    if (!opt || opt.iterations === 0) return undefined;
    return opt.variableStats();
  }

  /** The summary's structured data. */
  summaryData(): SummaryData {
    // The extension's expandable rows: weight statistics, initializers, mult-adds, activation sizes.
    return addSummaryDetails(summaryData(this), this.layers);
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
 * A per-output setting from one value for all outputs, an array (one per output) or an object
 * keyed by output name; `isSingle` tells a single value from the other two forms.
 */
function perOutput<T>(given: unknown, names: string[], what: string, where: string, isSingle: (v: unknown) => boolean): T[] {
  if (Array.isArray(given)) {
    if (given.length !== names.length) throw new RangeError(`${where}: ${what} has ${given.length} entries but the model has ${names.length} outputs (${names.join(", ")})`);
    return given as T[];
  }
  if (given !== null && typeof given === "object" && !isSingle(given)) {
    return dictPerOutput<T>(given as { [k: string]: T }, names, what, where);
  }
  return names.map(() => given as T);
}

function dictPerOutput<T>(given: { [k: string]: T }, names: string[], what: string, where: string, fallback?: T): T[] {
  const unknown = Object.keys(given).filter((k) => !names.includes(k));
  if (unknown.length > 0) throw new TypeError(`${where}: ${what} names unknown output(s) ${unknown.join(", ")}; the outputs are ${names.join(", ")}`);
  return names.map((n) => {
    if (given[n] !== undefined) return given[n];
    if (fallback !== undefined) return fallback;
    throw new TypeError(`${where}: ${what} is missing output "${n}" (outputs: ${names.join(", ")})`);
  });
}

/** Metric lists per output: a flat list (single output), a list of lists, or an object keyed by output name. */
function perOutputLists(given: unknown, names: string[], what: string, where: string): MetricIdentifier[][] {
  if (given === undefined) return names.map(() => []);
  if (Array.isArray(given)) {
    const nested = given.length > 0 && given.every((g) => Array.isArray(g));
    if (names.length === 1 && !nested) return [given as MetricIdentifier[]];
    if (!nested) {
      throw new TypeError(`${where}: the model has ${names.length} outputs (${names.join(", ")}); give ${what} per output, as a list of lists ([["mae"], ["accuracy"]]) or an object keyed by output name`);
    }
    if (given.length !== names.length) throw new RangeError(`${where}: ${what} has ${given.length} lists but the model has ${names.length} outputs (${names.join(", ")})`);
    return given as MetricIdentifier[][];
  }
  if (given !== null && typeof given === "object") {
    const lists = dictPerOutput<MetricIdentifier[]>(given as { [k: string]: MetricIdentifier[] }, names, what, where, []);
    lists.forEach((l, i) => {
      if (!Array.isArray(l)) throw new TypeError(`${where}: ${what} of ${names[i]} must be an array (e.g. ["accuracy"]), got ${typeof l}`);
    });
    return lists;
  }
  throw new TypeError(`${where}: ${what} must be an array (e.g. ["accuracy"]), got ${typeof given}`);
}

/**
 * True for a user's own loss function, which cannot be saved (built-in functions such as
 * `nn.losses.meanSquaredError` resolve to a registered loss, whose `fn` is a new wrapper).
 */
function isCustomLossFunction(resolved: ResolvedLoss, given: unknown): boolean {
  return typeof given === "function" && resolved.fn === given;
}
