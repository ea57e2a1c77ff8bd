/** A plain stack of layers, each feeding the next (Keras's `Sequential`). */
import type { Tensor } from "../tensor/tensor";
import { Layer } from "../layers/layer";
import { Model } from "./model";
import { uniqueName } from "../util/names";
import { shapeToString } from "../tensor/shape";
import type { ShapeSpec, SummaryLayer } from "../display/mime";

export interface SequentialArgs {
  name?: string;
}

export class Sequential extends Model {
  readonly className = "Sequential";
  private readonly stack: Layer[] = [];

  constructor(layers: Layer[] = [], args: SequentialArgs = {}) {
    super(args.name ?? uniqueName("sequential"));
    if (!Array.isArray(layers)) throw new TypeError(`${this.name}: expected an array of layers, got ${typeof layers}`);
    for (const layer of layers) this.add(layer);
  }

  get layers(): Layer[] {
    return [...this.stack];
  }

  /** Appends a layer; builds it at once when the model's input shape is known. */
  add(layer: Layer): void {
    if (!(layer instanceof Layer)) {
      throw new TypeError(`${this.name}.add: expected a layer (e.g. nn.layers.dense({ units: 1 })), got ${layer === null ? "null" : typeof layer}`);
    }
    if (this.stack.includes(layer)) throw new Error(`${this.name}.add: layer ${layer.name} is already in the model`);
    if (this.stack.some((l) => l.name === layer.name)) {
      throw new Error(`${this.name}.add: all layers need unique names; ${layer.name} is already taken`);
    }
    if (this.stack.length > 0 && layer.batchInputShape) {
      throw new Error(`${this.name}.add: only the first layer can take inputShape (layer ${layer.name})`);
    }
    this.stack.push(layer);
    this.buildKnownShapes();
  }

  /** The input shape with batch dimension (`[null, 11]`), once known. */
  get inputShape(): ShapeSpec | undefined {
    return this.stack[0]?.batchInputShape ?? this.stack[0]?.inputShape;
  }

  /** Builds every layer whose input shape follows from the model's input shape. */
  private buildKnownShapes(): ShapeSpec[] | undefined {
    let shape = this.inputShape;
    if (!shape) return undefined;
    const outputs: ShapeSpec[] = [];
    for (const layer of this.stack) {
      layer.ensureBuilt(shape);
      shape = layer.computeOutputShape(shape);
      outputs.push(shape);
    }
    return outputs;
  }

  call(x: Tensor, training: boolean): Tensor {
    if (this.stack.length === 0) throw new Error(`${this.name}: the model has no layers; add some with model.add(...)`);
    const expected = this.inputShape;
    if (expected && (x.rank !== expected.length || expected.some((d, i) => d !== null && d !== x.shape[i]))) {
      throw new RangeError(`${this.name} expects input shape ${shapeToString(expected)} but got ${shapeToString(x.shape)}`);
    }
    let out = x;
    for (const layer of this.stack) out = layer.apply(out, training);
    return out;
  }

  summaryLayers(): SummaryLayer[] {
    const shapes = this.buildKnownShapes();
    return this.stack.map((layer, i) => ({
      name: layer.name,
      className: layer.className,
      outputShape: shapes ? shapes[i] : null,
      built: layer.built,
      params: layer.countParams(),
      trainableParams: layer.trainableWeights.reduce((n, w) => n + w.size, 0),
      trainable: layer.trainable,
      weights: layer.weights.map((w) => ({
        name: w.name ?? "",
        shape: [...w.shape],
        dtype: w.dtype,
        trainable: layer.trainableWeights.includes(w),
      })),
    }));
  }
}

/** `nn.sequential([layer, layer, …])` */
export function sequential(layers: Layer[] = [], args: SequentialArgs = {}): Sequential {
  return new Sequential(layers, args);
}
