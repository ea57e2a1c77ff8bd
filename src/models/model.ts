/**
 * What every model shares (Keras's `Model`): compile, fit, evaluate, predict,
 * weights, and its summary as a rich display. Subclasses define the layer graph.
 */
import { Tensor, type NestedArray } from "../tensor/tensor";
import { toTensor } from "../tensor/creation";
import { noGrad } from "../tensor/autograd";
import { gatherRows } from "../ops";
import type { Layer } from "../layers/layer";
import { getOptimizer, type Optimizer, type OptimizerIdentifier } from "../optimizers";
import { getLoss, type LossFn, type LossIdentifier } from "../losses";
import { getMetric, type MetricFn, type MetricIdentifier } from "../metrics";
import type { History } from "../callbacks/history";
import type { Logs } from "../callbacks/callback";
import { fitModel, type FitArgs } from "./training";
import { summaryBundle, summaryData, type Summarizable } from "./summary";
import { displayBundle, JUPYTER_DISPLAY } from "../display/host";
import type { MimeBundle, SummaryData, SummaryLayer } from "../display/mime";

export interface CompileArgs {
  /** An optimizer instance or a Keras id ("sgd"). */
  optimizer: OptimizerIdentifier;
  /** A loss id ("binaryCrossentropy", "mse", …) or a function (yTrue, yPred) → per-sample loss. */
  loss: LossIdentifier;
  /** Metrics to report ("accuracy", "mae", …). */
  metrics?: MetricIdentifier[];
}

/** The compiled training configuration. */
export interface CompiledState {
  optimizer: Optimizer;
  lossName: string;
  loss: LossFn;
  metrics: { name: string; fn: MetricFn }[];
}

export type Data = Tensor | NestedArray;

export abstract class Model implements Summarizable {
  abstract readonly className: string;
  readonly name: string;
  /** Set by callbacks (early stopping, Stop button) to end `fit` after the current batch. */
  stopTraining = false;
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

  /** Configures training. */
  compile(args: CompileArgs): void {
    if (!args || typeof args !== "object") throw new TypeError(`${this.name}.compile: expected { optimizer, loss, metrics? }`);
    if (args.optimizer === undefined) throw new TypeError(`${this.name}.compile: optimizer is required (e.g. "sgd" or nn.optimizers.sgd({ learningRate: 0.1 }))`);
    if (args.loss === undefined) throw new TypeError(`${this.name}.compile: loss is required (e.g. "binaryCrossentropy" or "mse")`);
    const loss = getLoss(args.loss, `${this.name}.compile: loss`);
    this.compiled = {
      optimizer: getOptimizer(args.optimizer, `${this.name}.compile: optimizer`),
      lossName: loss.name,
      loss: loss.fn,
      metrics: (args.metrics ?? []).map((m) => getMetric(m, loss.name, `${this.name}.compile: metrics`)),
    };
  }

  /** The compiled configuration, or a clear error if `compile` has not been called. */
  compiledState(caller: string): CompiledState {
    if (!this.compiled) throw new Error(`${this.name}.${caller}: the model must be compiled first: call model.compile({ optimizer, loss }) before ${caller}()`);
    return this.compiled;
  }

  get optimizer(): Optimizer | undefined {
    return this.compiled?.optimizer;
  }

  /** Trains the model; resolves to the {@link History}. */
  fit(x: Data, y: Data, args: FitArgs = {}): Promise<History> {
    return fitModel(this, toTensor(x, `${this.name}.fit: x`), toTensor(y, `${this.name}.fit: y`), args);
  }

  /** Outputs for inputs `x`, in batches, without recording gradients. */
  predict(x: Data, args: { batchSize?: number } = {}): Tensor {
    const input = toTensor(x, `${this.name}.predict: x`);
    return noGrad(() => this.inBatches(input, args.batchSize ?? 32, (xb) => this.call(xb, false)));
  }

  /**
   * Loss and metrics on (x, y): a number when there are no metrics, else `[loss, ...metrics]`
   * (Keras's order); `{ returnDict: true }` gives `{ loss, accuracy, … }`.
   */
  evaluate(x: Data, y: Data, args: { batchSize?: number; returnDict: true }): Logs;
  evaluate(x: Data, y: Data, args?: { batchSize?: number; returnDict?: false }): number | number[];
  evaluate(x: Data, y: Data, args: { batchSize?: number; returnDict?: boolean } = {}): number | number[] | Logs {
    const logs = this.evaluateLogs(toTensor(x, `${this.name}.evaluate: x`), toTensor(y, `${this.name}.evaluate: y`), args.batchSize ?? 32, "evaluate");
    if (args.returnDict) return logs;
    const values = Object.values(logs);
    return values.length === 1 ? values[0] : values;
  }

  /** Loss and metrics as logs, averaged over samples. Used by evaluate and validation. */
  evaluateLogs(x: Tensor, y: Tensor, batchSize: number, caller: string): Logs {
    const state = this.compiledState(caller);
    if (x.shape[0] !== y.shape[0]) {
      throw new RangeError(`${this.name}.${caller}: x has ${x.shape[0]} samples but y has ${y.shape[0]}`);
    }
    const sums: Logs = { loss: 0 };
    for (const m of state.metrics) sums[m.name] = 0;
    noGrad(() => {
      for (let start = 0; start < x.shape[0]; start += batchSize) {
        const idx = range(start, Math.min(start + batchSize, x.shape[0]));
        const xb = gatherRows(x, idx);
        const yb = gatherRows(y, idx);
        const pred = this.call(xb, false);
        sums.loss += state.loss(yb, pred).sum().item();
        for (const m of state.metrics) sums[m.name] += m.fn(yb, pred).sum().item();
      }
    });
    const n = Math.max(x.shape[0], 1);
    return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / n]));
  }

  /** Applies `f` to consecutive row batches and concatenates the results. */
  private inBatches(x: Tensor, batchSize: number, f: (xb: Tensor) => Tensor): Tensor {
    if (!Number.isInteger(batchSize) || batchSize <= 0) throw new RangeError(`${this.name}: batchSize must be a positive integer, got ${batchSize}`);
    const n = x.shape[0];
    if (n <= batchSize) return f(x);
    const parts: Tensor[] = [];
    for (let start = 0; start < n; start += batchSize) parts.push(f(gatherRows(x, range(start, Math.min(start + batchSize, n)))));
    const rowShape = parts[0].shape.slice(1);
    const out = new (parts[0].data.constructor as Float32ArrayConstructor)(parts.reduce((s, p) => s + p.size, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p.data, offset);
      offset += p.size;
    }
    return new Tensor(out, [n, ...rowShape]);
  }

  /** All weights, layer by layer (trainable first within each layer, as Keras). */
  get weights(): Tensor[] {
    return this.layers.flatMap((l) => l.weights);
  }

  get trainableWeights(): Tensor[] {
    return this.layers.flatMap((l) => l.trainableWeights);
  }

  get nonTrainableWeights(): Tensor[] {
    return this.layers.flatMap((l) => l.nonTrainableWeights);
  }

  countParams(): number {
    return this.layers.reduce((n, l) => n + l.countParams(), 0);
  }

  /** Copies of the weight values (Keras's `get_weights()`). */
  getWeights(): Tensor[] {
    return this.weights.map((w) => w.clone());
  }

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

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}
