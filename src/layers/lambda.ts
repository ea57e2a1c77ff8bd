/** A layer made of a function (Keras's `Lambda`). */
import { Tensor } from "../tensor/tensor";
import { zeros } from "../tensor/creation";
import { noGrad } from "../tensor/autograd";
import { shapeToString } from "../tensor/shape";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import type { ShapeSpec } from "../display/mime";

/** The function of a {@link Lambda}: one tensor in, or (called with a list) the list in; one tensor out. */
export type LambdaFunction = ((x: Tensor) => Tensor) | ((inputs: Tensor[]) => Tensor);

/** Options of {@link lambda}. */
export interface LambdaArgs extends LayerArgs {
  /**
   * The output shape without the batch dimension (Keras's `output_shape`). Default: learned by
   * running the function on small batches of zeros.
   */
  outputShape?: (number | null)[] | null;
}

/**
 * Keras's `Lambda`: wraps a differentiable tensor function as a layer, so it can sit in a
 * `Sequential` or functional model. Gradients flow through whatever ops the function uses. It
 * has no weights of its own (use a custom `Layer` for those).
 *
 * A function is code, not data: a model with a Lambda layer cannot be saved with `model.save`
 * (the error names the layer; Keras likewise refuses to load one outside `safe_mode=False`).
 * Save the weights with `model.saveWeights` and rebuild the model in code.
 *
 * ```ts
 * nn.layers.lambda((x) => x.mul(2).add(1));                                  // elementwise
 * nn.layers.lambda((xs: nn.Tensor[]) => xs[0].sub(xs[1]).abs()).apply([a, b]); // several inputs
 * ```
 */
export class Lambda extends Layer {
  readonly className = "Lambda";
  /** The wrapped function. */
  readonly fn: LambdaFunction;
  /** The output shape without the batch dimension, when given. */
  readonly outputShape: (number | null)[] | null;

  constructor(fn: LambdaFunction, args: LambdaArgs = {}) {
    super(args, "Lambda");
    if (typeof fn !== "function") throw new TypeError(`${this.name}: expected a function of tensors, e.g. lambda((x) => x.mul(2)), got ${fn === null ? "null" : typeof fn}`);
    const shape = args.outputShape ?? null;
    if (shape !== null && (!Array.isArray(shape) || shape.some((d) => d !== null && (!Number.isInteger(d) || d <= 0)))) {
      throw new TypeError(`${this.name}: outputShape must be a list of positive integers or nulls (without the batch dimension), got ${JSON.stringify(args.outputShape)}`);
    }
    this.fn = fn;
    this.outputShape = shape === null ? null : [...shape];
  }

  /** Calls the function on one tensor, or (`apply([a, b])`) on the list. */
  override apply(x: Tensor | readonly Tensor[], training = false): Tensor {
    if (!Array.isArray(x)) return super.apply(x as Tensor, training);
    x.forEach((t, i) => {
      if (!(t instanceof Tensor)) throw new TypeError(`${this.name}: input ${i} is not a Tensor (got ${t === null ? "null" : typeof t})`);
    });
    return this.run([...x]);
  }

  call(x: Tensor): Tensor {
    return this.run(x);
  }

  /** Runs the function and checks it returned a tensor. */
  private run(input: Tensor | Tensor[]): Tensor {
    const y = (this.fn as (input: Tensor | Tensor[]) => unknown)(input);
    if (!(y instanceof Tensor)) throw new TypeError(`${this.name}: the function must return a Tensor, got ${y === null ? "null" : Array.isArray(y) ? "an array" : typeof y}`);
    return y;
  }

  /**
   * `[batch, ...outputShape]` when given; otherwise the function runs (without gradients) on
   * zeros with each unknown size set to 1 and then to 2, and sizes that change with them are
   * unknown (null) in the result.
   */
  override computeOutputShape(inputShape: ShapeSpec | ShapeSpec[]): ShapeSpec {
    const shapes = (Array.isArray(inputShape[0]) ? inputShape : [inputShape]) as ShapeSpec[];
    const isList = Array.isArray(inputShape[0]);
    const batch = shapes[0][0] ?? null;
    if (this.outputShape) return [batch, ...this.outputShape];
    const probe = (fill: number) => noGrad(() => {
      const xs = shapes.map((s) => zeros(s.map((d) => d ?? fill)));
      return this.run(isList ? xs : xs[0]).shape;
    });
    const [a, b] = [probe(1), probe(2)];
    if (a.length !== b.length) throw new RangeError(`${this.name}: cannot infer the output shape for input shape ${shapes.map(shapeToString).join(", ")}; give outputShape`);
    return a.map((d, i) => (i === 0 ? batch : d === b[i] ? d : null));
  }

  /** Why the layer cannot be serialized: the error `serializeLayer` (and so `model.save`) throws. */
  notSerializableError(): TypeError {
    return new TypeError(`${this.name}: a Lambda layer wraps a function, which cannot be saved in a config; use model.saveWeights and rebuild the model in code, or write a Layer subclass and register it with nn.layers.registerLayerClass`);
  }

  /** A description for displays (the function by name); {@link serializeLayer} refuses it. */
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), function: this.fn.name || "anonymous", outputShape: this.outputShape };
  }

  /** A Lambda cannot be rebuilt from a config: its function was never saved. */
  static fromConfig(config: LayerConfig): Lambda {
    throw new TypeError(`${config.name ?? "Lambda"}: a Lambda layer cannot be rebuilt from a config (its function, ${JSON.stringify(config.function ?? "unknown")}, is code and was not saved); create it again with nn.layers.lambda(fn)`);
  }
}

/**
 * `nn.layers.lambda((x) => x.square())` — a function as a layer (see {@link Lambda}).
 *
 * @param fn a differentiable function of one tensor, or of a list of tensors for `apply([a, b])`.
 */
export function lambda(fn: (x: Tensor) => Tensor, args?: LambdaArgs): Lambda;
export function lambda(fn: (inputs: Tensor[]) => Tensor, args?: LambdaArgs): Lambda;
export function lambda(fn: LambdaFunction, args: LambdaArgs = {}): Lambda {
  return new Lambda(fn, args);
}
