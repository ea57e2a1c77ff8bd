/**
 * The base of every layer, following Keras 3's life cycle:
 * - `build(inputShape)` creates the weights once the input shape is known;
 * - `call(x, training)` computes the output with differentiable ops;
 * - `getConfig()` returns the constructor arguments, for saving and `fromConfig`.
 *
 * Weights are created with {@link Layer.addWeight}; each may carry a regularizer (its penalty
 * joins the training loss through {@link Layer.regularizationLosses}) and a constraint
 * (re-imposed after every optimizer step through {@link Layer.applyConstraints}).
 */
import { Tensor, type NestedArray } from "../tensor/tensor";
import type { DType } from "../tensor/dtype";
import { shapeToString, sizeOf } from "../tensor/shape";
import { tensor } from "../tensor/creation";
import { noGrad } from "../tensor/autograd";
import { div } from "../ops";
import { getInitializer, type InitializerIdentifier } from "../initializers";
import { getRegularizer, type Regularizer, type RegularizerIdentifier } from "../regularizers/regularizer";
import type { Constraint } from "../constraints/constraint";
import { toSnakeCase, uniqueName } from "../util/names";
import type { ShapeSpec } from "../display/mime";
import { serializeIdentifier } from "./config-values";

/** Which penalties {@link Layer.regularizationLosses} returns. */
export interface RegularizationOptions {
  /**
   * True when a layer that contains this one (a model or a wrapper) is frozen: weight penalties
   * are left out, activity and added losses still count. Default false.
   */
  insideFrozen?: boolean;
}

/** Arguments every layer takes. */
export interface LayerArgs {
  /** Layer name; unique automatic names (`dense`, `dense_1`, …) when omitted. */
  name?: string;
  /** Shape of one sample (without the batch dimension), for the first layer of a model. */
  inputShape?: (number | null)[];
  /** Shorthand for `inputShape: [inputDim]` (Keras's `input_dim`). */
  inputDim?: number;
  /** Full input shape including the batch dimension, e.g. `[32, 11]` or `[null, 11]` (Keras's `batch_input_shape`). */
  batchInputShape?: (number | null)[];
  /** False freezes the layer: its weights are not trained and count as non-trainable. */
  trainable?: boolean;
  /** dtype of the layer's weights (the global default when omitted). */
  dtype?: DType;
  /**
   * A penalty on the layer's output, added to the loss in training (Keras's `activity_regularizer`):
   * `penalty(output) / batchSize`, as Keras 3 normalizes it.
   */
  activityRegularizer?: RegularizerIdentifier | null;
}

/** Plain-JSON description of a layer, as Keras's `get_config()`. */
export type LayerConfig = {
  /** The layer's name. */
  name: string;
  /** Whether the layer's weights are trained. */
  trainable: boolean;
  /** The constructor's other arguments, by the same names. */
  [key: string]: unknown;
};

/** Options of {@link Layer.addWeight}. */
export interface WeightOptions {
  /** False for state the optimizer must not touch (BatchNormalization's moving statistics). Default true. */
  trainable?: boolean;
  /** A penalty on this weight, added to the training loss. */
  regularizer?: Regularizer;
  /** Re-imposed on the weight's values after every optimizer step. */
  constraint?: Constraint;
}

/** One weight with what the layer knows about it. */
interface WeightEntry {
  variable: Tensor;
  trainable: boolean;
  regularizer?: Regularizer;
  constraint?: Constraint;
}

/** What an input must look like: Keras's `InputSpec` (rank bounds and known sizes of some axes). */
export interface InputSpec {
  /** Exact rank. */
  ndim?: number;
  /** Smallest rank. */
  minNdim?: number;
  /** Required sizes by axis (negative axes count from the end), e.g. `{ [-1]: 3 }`. */
  axes?: Record<number, number>;
}

/**
 * The base class of layers. Subclasses set `className`, create weights in `build`, compute in
 * `call` and describe themselves in `getConfig`.
 *
 * ```ts
 * class Scale extends nn.layers.Layer {
 *   readonly className = "Scale";
 *   factor?: nn.Tensor;
 *   constructor(args: nn.layers.LayerArgs = {}) { super(args, "Scale"); }
 *   build() { this.factor = this.addWeight("factor", [1], "ones"); }
 *   call(x: nn.Tensor) { return x.mul(this.factor!); }
 *   computeOutputShape(s: (number | null)[]) { return s; }
 * }
 * ```
 */
export abstract class Layer {
  /** Keras class name, e.g. `Dense` (shown in summaries and saved configs). */
  abstract readonly className: string;
  /** The layer's unique name, e.g. `dense_1`. */
  readonly name: string;
  /** Frozen layers keep their weights during training (and BatchNormalization uses its moving statistics). */
  trainable: boolean;
  /** True once `build` has created the weights. */
  built = false;
  /** Batch input shape from `inputShape`, e.g. `[null, 11]`. */
  readonly batchInputShape?: ShapeSpec;
  /** dtype of the layer's weights (the global default when undefined). */
  protected readonly dtype?: DType;
  /** The output penalty given as `activityRegularizer`. */
  readonly activityRegularizer?: Regularizer;
  /** Checked by {@link layers.Layer.apply | Layer.apply} before every call; subclasses set it in `build`. */
  protected inputSpec?: InputSpec;
  private readonly ownWeights: WeightEntry[] = [];
  private builtInputShape?: ShapeSpec;
  private activityLosses: Tensor[] = [];

  /**
   * @param args the common layer arguments.
   * @param defaultPrefix Keras class name, whose snake_case form starts automatic names.
   */
  constructor(args: LayerArgs, defaultPrefix: string) {
    if (args === null || typeof args !== "object") {
      throw new TypeError(`${defaultPrefix}: expected an arguments object, got ${args === null ? "null" : typeof args}`);
    }
    if (args.name !== undefined && (typeof args.name !== "string" || args.name === "")) {
      throw new TypeError(`${defaultPrefix}: name must be a non-empty string, got ${JSON.stringify(args.name)}`);
    }
    this.name = args.name ?? uniqueName(toSnakeCase(defaultPrefix));
    if (args.trainable !== undefined && typeof args.trainable !== "boolean") {
      throw new TypeError(`${this.name}: trainable must be true or false, got ${JSON.stringify(args.trainable)}`);
    }
    this.trainable = args.trainable ?? true;
    this.dtype = args.dtype;
    this.batchInputShape = batchInputShapeOf(args, this.name);
    this.activityRegularizer = getRegularizer(args.activityRegularizer, `${this.name}: activityRegularizer`);
    // Layers that override apply (merge layers take a list, RNNs initial states) still record
    // calls on symbolic tensors: such a call goes to the base apply, which records it.
    const overridden = this.apply;
    if (overridden !== Layer.prototype.apply) {
      this.apply = (x: Tensor, training = false) =>
        symbolicCalls?.isSymbolic(x) ? Layer.prototype.apply.call(this, x, training) : overridden.call(this, x, training);
    }
  }

  /** Creates the weights for inputs of this shape (batch dimension first, may be null). */
  build(_inputShape: ShapeSpec): void {
    // Layers without weights need nothing here.
  }

  /** The layer's computation. `training` switches dropout and batch statistics on. */
  abstract call(x: Tensor, training: boolean): Tensor;

  /** Output shape for an input shape, without computing anything. The default keeps the shape (elementwise layers). */
  computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return [...inputShape];
  }

  /** Constructor arguments as plain JSON. */
  getConfig(): LayerConfig {
    const config: LayerConfig = { name: this.name, trainable: this.trainable };
    if (this.batchInputShape) {
      if (this.batchInputShape[0] === null) config.inputShape = this.batchInputShape.slice(1);
      else config.batchInputShape = [...this.batchInputShape];
    }
    if (this.dtype) config.dtype = this.dtype;
    if (this.activityRegularizer) config.activityRegularizer = serializeIdentifier(this.activityRegularizer);
    return config;
  }

  /**
   * Builds on first use, checks the input, then calls. Models use this rather than `call`.
   * In training it also records the activity penalty of the output (cleared at every call).
   */
  apply(x: Tensor, training = false): Tensor {
    // A call on the functional API's symbolic inputs records a graph node instead of computing.
    if (symbolicCalls?.isSymbolic(x)) {
      return symbolicCalls.call(this, x, training, (shape) => {
        this.ensureBuilt(shape);
        this.checkInput(shape as number[]);
      });
    }
    if (!(x instanceof Tensor)) {
      throw new TypeError(`${this.name}: expected a Tensor input, got ${x === null ? "null" : typeof x}`);
    }
    this.activityLosses = [];
    this.ensureBuilt([null, ...x.shape.slice(1)]);
    this.checkInput(x.shape);
    const y = this.call(x, training);
    if (training && this.activityRegularizer) {
      // Keras 3 divides the activity penalty by the batch size, so its strength does not depend on it.
      const penalty = this.activityRegularizer.penalty(y);
      this.activityLosses.push(y.rank > 0 && y.shape[0] > 0 ? div(penalty, y.shape[0]) : penalty);
    }
    return y;
  }

  /**
   * Adds a differentiable scalar to the training loss from inside `call` (Keras's `add_loss`),
   * e.g. a VAE's KL term. Like activity penalties it is cleared at every call, so it always
   * belongs to the latest forward pass; `evaluate` includes it too.
   */
  addLoss(loss: Tensor): void {
    if (!(loss instanceof Tensor)) throw new TypeError(`${this.name}.addLoss: expected a Tensor, got ${loss === null ? "null" : typeof loss}`);
    if (loss.size !== 1) throw new RangeError(`${this.name}.addLoss: expected a scalar loss, got shape ${shapeToString(loss.shape)}; reduce it first (e.g. with mean)`);
    this.activityLosses.push(loss);
  }

  /** Builds the layer for `inputShape` once; later calls check nothing more. */
  ensureBuilt(inputShape: ShapeSpec): void {
    if (this.built) return;
    this.build(inputShape);
    this.builtInputShape = [...inputShape];
    this.built = true;
  }

  /** The input shape the layer was built for. */
  get inputShape(): ShapeSpec | undefined {
    return this.builtInputShape;
  }

  /**
   * Creates a weight; `name` is local (`kernel`), stored as `layer/kernel`. Public so that custom
   * layers can create theirs, as Keras's `add_weight`.
   *
   * @param initializer an initializer id (`"glorotUniform"`, `"he_normal"`) or function.
   */
  addWeight(name: string, shape: number[], initializer: InitializerIdentifier, options: WeightOptions = {}): Tensor {
    if (this.ownWeights.some((w) => w.variable.name === `${this.name}/${name}`)) {
      throw new Error(`${this.name}: a weight named "${name}" already exists`);
    }
    const init = getInitializer(initializer, `${this.name}: ${name}Initializer`);
    const variable = init.fn(shape, this.dtype);
    if (variable.shape.length !== shape.length || variable.shape.some((d, i) => d !== shape[i])) {
      throw new RangeError(`${this.name}: the ${name} initializer returned shape ${shapeToString(variable.shape)}, expected ${shapeToString(shape)}`);
    }
    // Non-trainable state (moving statistics) is updated by the layer itself, never by gradients.
    variable.requiresGrad = options.trainable ?? true;
    variable.name = `${this.name}/${name}`;
    this.ownWeights.push({ variable, trainable: options.trainable ?? true, regularizer: options.regularizer, constraint: options.constraint });
    return variable;
  }

  /**
   * All weights, those created trainable first (Keras order). The order does not change when the
   * layer is frozen, so saved weights load back whatever `trainable` is.
   */
  get weights(): Tensor[] {
    return [...this.ownWeights.filter((w) => w.trainable), ...this.ownWeights.filter((w) => !w.trainable)].map((w) => w.variable);
  }

  /** Weights the optimizer updates: none when the layer is frozen. */
  get trainableWeights(): Tensor[] {
    return this.trainable ? this.ownWeights.filter((w) => w.trainable).map((w) => w.variable) : [];
  }

  /** Weights the optimizer leaves alone: state such as moving statistics, and all weights of a frozen layer. */
  get nonTrainableWeights(): Tensor[] {
    return this.trainable ? this.ownWeights.filter((w) => !w.trainable).map((w) => w.variable) : this.ownWeights.map((w) => w.variable);
  }

  /** Number of scalar parameters. */
  countParams(): number {
    return this.ownWeights.reduce((n, w) => n + w.variable.size, 0);
  }

  /** Copies of the weight values, in {@link Layer.weights} order (Keras's `get_weights()`). */
  getWeights(): Tensor[] {
    return this.weights.map((w) => w.clone());
  }

  /**
   * Replaces the weight values in place, in {@link Layer.weights} order (Keras's `set_weights()`).
   * The weight tensors stay the same objects, so optimizers keep tracking them.
   *
   * ```ts
   * const layer = nn.layers.dense({ units: 1, inputShape: [2] });
   * nn.sequential([layer]);
   * layer.setWeights([[[0.5], [-0.5]], [0.1]]);   // kernel [2, 1], bias [1]
   * ```
   */
  setWeights(values: (Tensor | NestedArray)[]): void {
    const weights = this.weights;
    if (!Array.isArray(values)) throw new TypeError(`${this.name}.setWeights: expected an array of ${weights.length} values, got ${typeof values}`);
    if (values.length !== weights.length) {
      const names = weights.map((w) => w.name).join(", ");
      throw new RangeError(`${this.name}.setWeights: expected ${weights.length} values (${names || "the layer has no weights; is it built?"}), got ${values.length}`);
    }
    const tensors = values.map((v, i) => (v instanceof Tensor ? v : tensor(v, { dtype: weights[i].dtype })));
    tensors.forEach((t, i) => {
      const w = weights[i];
      if (t.shape.length !== w.shape.length || t.shape.some((d, j) => d !== w.shape[j])) {
        throw new RangeError(`${this.name}.setWeights: weight ${w.name} has shape ${shapeToString(w.shape)} but the value has shape ${shapeToString(t.shape)}`);
      }
    });
    // Check everything before writing anything, so a bad call leaves the layer unchanged.
    tensors.forEach((t, i) => weights[i].data.set(t.data));
  }

  /**
   * Differentiable scalar penalties to add to the training loss: each trainable weight's
   * regularizer penalty (computed from the current values) and the activity and added losses
   * of the last call. Frozen layers contribute no weight penalties, as Keras 3 sums them over
   * `trainable_weights`; their activity and added losses still count, as in Keras's `losses`.
   *
   * @param options `insideFrozen: true` when a layer that contains this one (a model or a
   * wrapper) is frozen: the weight penalties are left out as if this layer were frozen too,
   * and its own `trainable` flag is neither read for that nor changed.
   */
  regularizationLosses(options: RegularizationOptions = {}): Tensor[] {
    const weightLosses = this.countsWeightPenalties(options)
      ? this.ownWeights.filter((w) => w.trainable && w.regularizer).map((w) => w.regularizer!.penalty(w.variable))
      : [];
    return [...weightLosses, ...this.activityLosses];
  }

  /**
   * The options a container passes to the layers inside it: they are inside a frozen layer
   * when this one is frozen or is itself inside one.
   */
  protected innerRegularizationOptions(options: RegularizationOptions): RegularizationOptions {
    return { insideFrozen: !this.countsWeightPenalties(options) };
  }

  /** True when weight penalties count: the layer is trainable and no layer around it is frozen. */
  private countsWeightPenalties(options: RegularizationOptions): boolean {
    return this.trainable && options.insideFrozen !== true;
  }

  /**
   * Re-imposes each trainable weight's constraint in place (`w ← constraint.apply(w)`); the
   * training loop calls it after every optimizer step, as Keras's optimizer does.
   */
  applyConstraints(): void {
    if (!this.trainable) return;
    for (const w of this.ownWeights) {
      if (!w.trainable || !w.constraint) continue;
      const constrained = noGrad(() => w.constraint!.apply(w.variable));
      if (sizeOf(constrained.shape) !== w.variable.size) {
        throw new RangeError(`${this.name}: constraint ${w.constraint.className} returned shape ${shapeToString(constrained.shape)} for weight ${w.variable.name} of shape ${shapeToString(w.variable.shape)}`);
      }
      w.variable.data.set(constrained.data);
    }
  }

  /** Checks an input shape against {@link Layer.inputSpec}; the error names the layer and both shapes. */
  protected checkInput(shape: readonly number[]): void {
    const spec = this.inputSpec;
    if (!spec) return;
    const rank = shape.length;
    const axes = Object.entries(spec.axes ?? {}).map(([a, size]) => [Number(a) < 0 ? rank + Number(a) : Number(a), size] as const);
    const ok =
      (spec.ndim === undefined || rank === spec.ndim) &&
      (spec.minNdim === undefined || rank >= spec.minNdim) &&
      axes.every(([a, size]) => a >= 0 && a < rank && shape[a] === size);
    if (ok) return;
    // The expected shape: as many dims as the spec asks for (or the input has), known sizes where the spec fixes them.
    const expectedRank = spec.ndim ?? Math.max(rank, spec.minNdim ?? 0);
    const expected: ShapeSpec = new Array(expectedRank).fill(null);
    for (const [a, size] of Object.entries(spec.axes ?? {})) {
      const i = Number(a) < 0 ? expectedRank + Number(a) : Number(a);
      if (i >= 0 && i < expectedRank) expected[i] = size;
    }
    throw this.shapeError(expected, shape);
  }

  /** A clear error for a wrong input: names the layer and both shapes. */
  protected shapeError(expected: ShapeSpec, actual: readonly number[]): RangeError {
    return new RangeError(`${this.name} expects input shape ${shapeToString(expected)} but got ${shapeToString(actual)}`);
  }
}

/**
 * How a layer call on symbolic tensors is recorded. The functional API (src/models/functional)
 * installs it, so this module needs no import of the graph code.
 */
export interface SymbolicCallHandler {
  /** True when `x` (a tensor or an array of them) holds a symbolic tensor. */
  isSymbolic(x: unknown): boolean;
  /** Records `layer` called on `x`; `check(shape)` builds the layer and checks its input spec for one input shape. */
  call(layer: Layer, x: unknown, training: boolean, check: (shape: ShapeSpec) => void): Tensor;
}

let symbolicCalls: SymbolicCallHandler | undefined;

/** Installs the functional API's handler of calls on symbolic tensors (see {@link SymbolicCallHandler}). */
export function setSymbolicCallHandler(handler: SymbolicCallHandler): void {
  symbolicCalls = handler;
}

/** True for a list of positive integers or nulls. */
function isShapeSpec(shape: unknown): shape is ShapeSpec {
  return Array.isArray(shape) && shape.every((d) => d === null || (Number.isInteger(d) && d > 0));
}

/** The batch input shape from whichever of `inputShape`, `inputDim`, `batchInputShape` is given (at most one). */
function batchInputShapeOf(args: LayerArgs, name: string): ShapeSpec | undefined {
  const given = (["inputShape", "inputDim", "batchInputShape"] as const).filter((k) => args[k] !== undefined && args[k] !== null);
  if (given.length > 1) throw new TypeError(`${name}: give only one of ${given.join(", ")}`);
  if (args.inputShape !== undefined && args.inputShape !== null) {
    if (!isShapeSpec(args.inputShape)) {
      throw new TypeError(`${name}: inputShape must be a list of positive integers (or null), got ${JSON.stringify(args.inputShape)}`);
    }
    return [null, ...args.inputShape];
  }
  if (args.inputDim !== undefined && args.inputDim !== null) {
    if (!Number.isInteger(args.inputDim) || args.inputDim <= 0) {
      throw new TypeError(`${name}: inputDim must be a positive integer, got ${JSON.stringify(args.inputDim)}`);
    }
    return [null, args.inputDim];
  }
  if (args.batchInputShape !== undefined && args.batchInputShape !== null) {
    if (!isShapeSpec(args.batchInputShape) || args.batchInputShape.length === 0) {
      throw new TypeError(`${name}: batchInputShape must be a non-empty list of positive integers (or null), got ${JSON.stringify(args.batchInputShape)}`);
    }
    return [...args.batchInputShape];
  }
  return undefined;
}
