/**
 * The base of merge layers (Keras's `Merge`): layers that combine a list of tensors.
 * `apply([a, b, …])` takes the list; `computeOutputShape([shapeA, shapeB, …])` takes the list of
 * shapes. Errors name the layer and every input shape.
 */
import { Tensor } from "../../tensor/tensor";
import { shapeToString } from "../../tensor/shape";
import type { ShapeSpec } from "../../display/mime";
import { Layer, type LayerArgs, type LayerConfig } from "../layer";
import { layerArgsFromConfig } from "../config-values";

/** A layer that merges two or more tensors into one. */
export abstract class MergeLayer extends Layer {
  /** Fewest inputs (2); Subtract takes exactly 2. */
  protected readonly minInputs: number = 2;
  /** Most inputs. */
  protected readonly maxInputs: number = Infinity;

  constructor(args: LayerArgs, className: string) {
    super(args, className);
    if (args.activityRegularizer !== undefined && args.activityRegularizer !== null) {
      throw new RangeError(`${this.name}: merge layers take no activityRegularizer`);
    }
  }

  /** Combines the checked inputs. */
  protected abstract merge(inputs: Tensor[]): Tensor;

  /** The output shape for checked input shapes. */
  protected abstract mergedShape(shapes: ShapeSpec[]): ShapeSpec;

  /** Merges `[a, b, …]`; a single tensor is an error (merge layers need a list). */
  override apply(inputs: Tensor | readonly Tensor[], _training = false): Tensor {
    const list = this.checkList(inputs);
    this.mergedShape(list.map((t) => [...t.shape]));
    this.ensureBuilt([null, ...list[0].shape.slice(1)]);
    return this.merge(list);
  }

  /** Merge layers are called with a list: use `apply([a, b])`. */
  call(x: Tensor): Tensor {
    return this.apply([x]);
  }

  /** Output shape for a list of input shapes (`[[null, 3], [null, 3]]` → `[null, 3]`). */
  override computeOutputShape(shapes: ShapeSpec | ShapeSpec[]): ShapeSpec {
    if (!Array.isArray(shapes) || !(shapes as unknown[]).every((s) => Array.isArray(s))) {
      throw new TypeError(`${this.name}: computeOutputShape takes a list of input shapes, got ${JSON.stringify(shapes)}`);
    }
    return this.mergedShape(shapes as ShapeSpec[]);
  }

  private checkList(inputs: unknown): Tensor[] {
    if (!Array.isArray(inputs)) {
      throw new TypeError(`${this.name}: a ${this.className} layer merges a list of tensors, e.g. apply([a, b]); got ${inputs instanceof Tensor ? `one tensor of shape ${shapeToString(inputs.shape)}` : typeof inputs}`);
    }
    if (inputs.length < this.minInputs || inputs.length > this.maxInputs) {
      const expected = this.minInputs === this.maxInputs ? `exactly ${this.minInputs}` : `at least ${this.minInputs}`;
      throw new RangeError(`${this.name}: expects ${expected} inputs, got ${inputs.length}`);
    }
    inputs.forEach((t, i) => {
      if (!(t instanceof Tensor)) throw new TypeError(`${this.name}: input ${i} is not a Tensor (got ${t === null ? "null" : typeof t})`);
    });
    return inputs as Tensor[];
  }

  /** The error for incompatible inputs: the layer, the rule and every shape. */
  protected incompatible(rule: string, shapes: ShapeSpec[]): RangeError {
    return new RangeError(`${this.name}: ${rule}; got shapes ${shapes.map((s, i) => `input ${i}: ${shapeToString(s)}`).join(", ")}`);
  }

  override getConfig(): LayerConfig {
    return super.getConfig();
  }

  /** Constructor arguments from a config. */
  protected static args(config: LayerConfig): LayerArgs {
    return layerArgsFromConfig(config) as unknown as LayerArgs;
  }
}
