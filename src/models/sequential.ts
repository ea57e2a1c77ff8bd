/** A plain stack of layers, each feeding the next (Keras's `Sequential`). */
import type { Tensor } from "../tensor/tensor";
import { Layer } from "../layers/layer";
import { InputLayer } from "../layers/input-layer";
import { deserializeLayer, serializeLayer, type SerializedLayer } from "../layers/serialization";
import { Model, type ModelConfig } from "./model";
import { uniqueName } from "../util/names";
import { shapeToString } from "../tensor/shape";
import type { ShapeSpec, SummaryLayer } from "../display/mime";
import { layerRow } from "./summary-rows";

/** Options of {@link sequential}. */
export interface SequentialArgs {
  /** Model name (default `sequential`, `sequential_1`, …). */
  name?: string;
}

/** `Sequential.getConfig()`: the name and every layer, the InputLayer included, serialized. */
export interface SequentialConfig extends ModelConfig {
  /** The layers in order, each as `{ className, config }`. */
  layers: SerializedLayer[];
}

/**
 * A plain stack of layers (Keras's `Sequential`). The input shape comes from an InputLayer given
 * first or from the first layer's `inputShape`; layers are built as soon as it is known.
 */
export class Sequential extends Model {
  readonly className = "Sequential";
  private readonly stack: Layer[] = [];
  /** The InputLayer given first, if any: it fixes the input shape and is not one of `layers` (Keras 3). */
  private inputLayer?: InputLayer;

  constructor(layers: Layer[] = [], args: SequentialArgs = {}) {
    if (args === null || typeof args !== "object") throw new TypeError(`sequential: options must be an object, got ${args === null ? "null" : typeof args}`);
    if (args.name !== undefined && (typeof args.name !== "string" || args.name === "")) {
      throw new TypeError(`sequential: name must be a non-empty string, got ${JSON.stringify(args.name)}`);
    }
    super(args.name ?? uniqueName("sequential"));
    if (!Array.isArray(layers)) throw new TypeError(`${this.name}: expected an array of layers, got ${layers === null ? "null" : typeof layers}`);
    for (const layer of layers) this.add(layer);
  }

  /** The layers in order (an InputLayer is not listed, as in Keras 3). */
  override get layers(): Layer[] {
    return [...this.stack];
  }

  /** Appends a layer; builds it at once when the model's input shape is known. */
  add(layer: Layer): void {
    if (!(layer instanceof Layer)) {
      throw new TypeError(`${this.name}.add: expected a layer (e.g. nn.layers.dense({ units: 1 })), got ${layer === null ? "null" : typeof layer}`);
    }
    if (layer instanceof InputLayer) {
      if (this.inputLayer || this.stack.length > 0) throw new Error(`${this.name}.add: an InputLayer (${layer.name}) can only be the first layer`);
      this.inputLayer = layer;
      return;
    }
    if (this.stack.includes(layer)) throw new Error(`${this.name}.add: layer ${layer.name} is already in the model`);
    if (this.stack.some((l) => l.name === layer.name)) {
      throw new Error(`${this.name}.add: all layers need unique names; ${layer.name} is already taken`);
    }
    if ((this.stack.length > 0 || this.inputLayer) && layer.batchInputShape) {
      throw new Error(`${this.name}.add: only the first layer can take inputShape (layer ${layer.name})`);
    }
    this.stack.push(layer);
    this.buildKnownShapes();
  }

  /** The input shape with batch dimension (`[null, 11]`), once known. */
  override get inputShape(): ShapeSpec | undefined {
    return this.inputLayer?.batchInputShape ?? this.stack[0]?.batchInputShape ?? this.stack[0]?.inputShape;
  }

  /**
   * Builds every layer for inputs of `inputShape` (batch dimension first, e.g. `[null, 11]`),
   * as Keras's `model.build`; needed before weights exist when no layer declared an input shape.
   */
  override build(inputShape: ShapeSpec): void {
    if (!Array.isArray(inputShape) || inputShape.length < 1 || inputShape.some((d) => d !== null && (!Number.isInteger(d) || d <= 0))) {
      throw new TypeError(`${this.name}.build: inputShape must be a list of positive integers or null with the batch dimension first, e.g. [null, 11]; got ${JSON.stringify(inputShape)}`);
    }
    let shape: ShapeSpec = inputShape;
    for (const layer of this.stack) {
      layer.ensureBuilt(shape);
      shape = layer.computeOutputShape(shape);
    }
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

  override call(x: Tensor, training: boolean): Tensor {
    if (this.stack.length === 0) throw new Error(`${this.name}: the model has no layers; add some with model.add(...)`);
    const expected = this.inputShape;
    if (expected && (x.rank !== expected.length || expected.some((d, i) => d !== null && d !== x.shape[i]))) {
      // Name the model and the layer that fixes the input shape, as Keras names the layer.
      const first = this.inputLayer ?? this.stack[0];
      throw new RangeError(`${this.name}: layer ${first.name} expects input shape ${shapeToString(expected)} but got ${shapeToString(x.shape)}`);
    }
    let out = x;
    for (const layer of this.stack) out = layer.apply(out, training);
    return out;
  }

  override summaryLayers(): SummaryLayer[] {
    const shapes = this.buildKnownShapes();
    return this.stack.map((layer, i) => layerRow(layer, shapes ? shapes[i] : null));
  }

  /** The output shape for inputs of `inputShape`: each layer's shape rule in turn. */
  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return this.stack.reduce((shape, layer) => layer.computeOutputShape(shape), inputShape);
  }

  /** `{ name, layers: [{ className, config }, …] }` (the InputLayer first when there is one). */
  override getConfig(): SequentialConfig {
    const layers = this.inputLayer ? [this.inputLayer, ...this.stack] : this.stack;
    return { name: this.name, trainable: this.trainable, layers: layers.map(serializeLayer) };
  }

  /** A new model with new (freshly initialized) layers from {@link Sequential.getConfig}'s output. */
  static fromConfig(config: SequentialConfig): Sequential {
    if (config === null || typeof config !== "object" || !Array.isArray(config.layers)) {
      throw new TypeError(`Sequential.fromConfig: expected { name, layers: [...] }, got ${JSON.stringify(config)?.slice(0, 200)}`);
    }
    const model = new Sequential(config.layers.map((l) => deserializeLayer(l)), { name: config.name });
    if (config.trainable === false) model.trainable = false;
    return model;
  }
}

/** `nn.sequential([layer, layer, …])` */
export function sequential(layers: Layer[] = [], args: SequentialArgs = {}): Sequential {
  return new Sequential(layers, args);
}
