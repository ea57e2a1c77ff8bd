/**
 * The base of every layer, following Keras 3's life cycle:
 * - `build(inputShape)` creates the weights once the input shape is known;
 * - `call(x, training)` computes the output with differentiable ops;
 * - `getConfig()` returns the constructor arguments, for saving and `fromConfig`.
 */
import type { Tensor } from "../tensor/tensor";
import type { DType } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";
import { getInitializer, type InitializerIdentifier } from "../initializers";
import { toSnakeCase, uniqueName } from "../util/names";
import type { ShapeSpec } from "../display/mime";

/** Arguments every layer takes. */
export interface LayerArgs {
  /** Layer name; unique automatic names (`dense`, `dense_1`, …) when omitted. */
  name?: string;
  /** Shape of one sample (without the batch dimension), for the first layer of a model. */
  inputShape?: (number | null)[];
  /** False freezes the layer: its weights are not trained and count as non-trainable. */
  trainable?: boolean;
  /** dtype of the layer's weights (the global default when omitted). */
  dtype?: DType;
}

/** Plain-JSON description of a layer, as Keras's `get_config()`. */
export type LayerConfig = { name: string; trainable: boolean; [key: string]: unknown };

export abstract class Layer {
  /** Keras class name, e.g. `Dense` (shown in summaries and saved configs). */
  abstract readonly className: string;
  readonly name: string;
  /** Frozen layers keep their weights during training. */
  trainable: boolean;
  built = false;
  /** Batch input shape from `inputShape`, e.g. `[null, 11]`. */
  readonly batchInputShape?: ShapeSpec;
  protected readonly dtype?: DType;
  private readonly ownWeights: { variable: Tensor; trainable: boolean }[] = [];
  private builtInputShape?: ShapeSpec;

  constructor(args: LayerArgs, defaultPrefix: string) {
    if (args.name !== undefined && (typeof args.name !== "string" || args.name === "")) {
      throw new TypeError(`${defaultPrefix}: name must be a non-empty string, got ${JSON.stringify(args.name)}`);
    }
    this.name = args.name ?? uniqueName(toSnakeCase(defaultPrefix));
    this.trainable = args.trainable ?? true;
    this.dtype = args.dtype;
    if (args.inputShape !== undefined) {
      if (!Array.isArray(args.inputShape) || args.inputShape.some((d) => d !== null && (!Number.isInteger(d) || d <= 0))) {
        throw new TypeError(`${this.name}: inputShape must be a list of positive integers (or null), got ${JSON.stringify(args.inputShape)}`);
      }
      this.batchInputShape = [null, ...args.inputShape];
    }
  }

  /** Creates the weights for inputs of this shape (batch dimension first, may be null). */
  build(_inputShape: ShapeSpec): void {
    // Layers without weights need nothing here.
  }

  /** The layer's computation. */
  abstract call(x: Tensor, training: boolean): Tensor;

  /** Output shape for an input shape, without computing anything. */
  abstract computeOutputShape(inputShape: ShapeSpec): ShapeSpec;

  /** Constructor arguments as plain JSON. */
  getConfig(): LayerConfig {
    const config: LayerConfig = { name: this.name, trainable: this.trainable };
    if (this.batchInputShape) config.inputShape = this.batchInputShape.slice(1);
    return config;
  }

  /** Builds on first use, then calls. Models use this rather than `call`. */
  apply(x: Tensor, training = false): Tensor {
    this.ensureBuilt([null, ...x.shape.slice(1)]);
    return this.call(x, training);
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

  /** Creates a weight; `name` is local (`kernel`), stored as `layer/kernel`. */
  protected addWeight(name: string, shape: number[], initializer: InitializerIdentifier, options: { trainable?: boolean } = {}): Tensor {
    const init = getInitializer(initializer, `${this.name}: ${name}Initializer`);
    const variable = init.fn(shape, this.dtype);
    variable.requiresGrad = true;
    variable.name = `${this.name}/${name}`;
    this.ownWeights.push({ variable, trainable: options.trainable ?? true });
    return variable;
  }

  /** All weights, trainable first (Keras order). */
  get weights(): Tensor[] {
    return [...this.trainableWeights, ...this.nonTrainableWeights];
  }

  /** Weights the optimizer updates: none when the layer is frozen. */
  get trainableWeights(): Tensor[] {
    return this.trainable ? this.ownWeights.filter((w) => w.trainable).map((w) => w.variable) : [];
  }

  get nonTrainableWeights(): Tensor[] {
    return this.trainable ? this.ownWeights.filter((w) => !w.trainable).map((w) => w.variable) : this.ownWeights.map((w) => w.variable);
  }

  /** Number of scalar parameters. */
  countParams(): number {
    return this.ownWeights.reduce((n, w) => n + w.variable.size, 0);
  }

  /** A clear error for a wrong input: names the layer and both shapes. */
  protected shapeError(expected: ShapeSpec, actual: readonly number[]): RangeError {
    return new RangeError(`${this.name} expects input shape ${shapeToString(expected)} but got ${shapeToString(actual)}`);
  }
}
