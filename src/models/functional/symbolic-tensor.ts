/**
 * The functional API's placeholders (Keras's `KerasTensor`): `nn.input(...)` returns one, and
 * calling a layer on symbolic tensors records a {@link GraphNode} and returns new symbolic
 * tensors instead of computing. `nn.model({ inputs, outputs })` then walks these nodes.
 *
 * A symbolic tensor is a `Tensor` with no data (batch dimension 0), so every layer's `apply`
 * accepts it and TypeScript needs no second signature; its real shape, with `null` for unknown
 * sizes, is {@link SymbolicTensor.symbolicShape}.
 */
import { Tensor } from "../../tensor/tensor";
import { allocate, getDefaultDType, type DType } from "../../tensor/dtype";
import { shapeToString } from "../../tensor/shape";
import type { Layer } from "../../layers/layer";
import { InputLayer } from "../../layers/input-layer";
import type { ShapeSpec } from "../../display/mime";

/** One call of a layer in a functional graph: the layer, its symbolic inputs and outputs. */
export interface GraphNode {
  /** The layer called. */
  layer: Layer;
  /** The symbolic tensors it was called on (none for an input). */
  inputs: SymbolicTensor[];
  /** True when the layer was called on an array (`add.apply([a, b])`), even of one tensor. */
  inputIsList: boolean;
  /** What the call returned. */
  outputs: SymbolicTensor[];
  /** The call's index among all calls of this layer (Keras's node index: `dense[1][0]`). */
  index: number;
}

/** Every recorded call of each layer, in order (Keras's `_inbound_nodes`). */
const nodesByLayer = new WeakMap<Layer, GraphNode[]>();

/** The recorded calls of `layer`. */
export function nodesOf(layer: Layer): GraphNode[] {
  return nodesByLayer.get(layer) ?? [];
}

/** A symbolic value in a functional graph: a shape, a dtype and the node that produces it. */
export class SymbolicTensor extends Tensor {
  /** The shape with `null` for unknown sizes (the batch dimension first). */
  readonly symbolicShape: ShapeSpec;
  /** The layer call that produces this tensor. */
  readonly node: GraphNode;
  /** Which of the node's outputs this is. */
  readonly outputIndex: number;

  constructor(shape: ShapeSpec, dtype: DType, node: GraphNode, outputIndex: number) {
    // No storage: the batch dimension is 0 (other unknown sizes too).
    super(allocate(dtype, 0), [0, ...shape.slice(1).map((d) => d ?? 0)], { name: `${node.layer.name}[${node.index}][${outputIndex}]` });
    this.symbolicShape = [...shape];
    this.node = node;
    this.outputIndex = outputIndex;
  }

  /** e.g. `<SymbolicTensor dense_1[0][0] shape=[*, 3]>`. */
  override toString(): string {
    return `<SymbolicTensor ${this.name} shape=${shapeToString(this.symbolicShape)} ${this.dtype}>`;
  }
}

/** Records a call of `layer` on `inputs` and returns its symbolic outputs (one per shape). */
export function recordNode(layer: Layer, inputs: SymbolicTensor[], inputIsList: boolean, outputShapes: ShapeSpec[], dtypes: DType[]): SymbolicTensor[] {
  const nodes = nodesByLayer.get(layer) ?? [];
  nodesByLayer.set(layer, nodes);
  const node: GraphNode = { layer, inputs, inputIsList, outputs: [], index: nodes.length };
  nodes.push(node);
  node.outputs = outputShapes.map((s, i) => new SymbolicTensor(s, dtypes[i], node, i));
  return node.outputs;
}

/** Arguments of {@link input}. */
export interface InputArgs {
  /** Shape of one sample, without the batch dimension (`null` for sizes that vary). */
  shape: (number | null)[];
  /** A fixed batch size (default: any). */
  batchSize?: number;
  /** The input's name (default `input_layer`, `input_layer_1`, …); used for `{ name: data }` inputs. */
  name?: string;
  /** dtype of the input (the global default when omitted). */
  dtype?: DType;
}

/**
 * `nn.input({ shape: [28, 28, 1] })`: the start of a functional model (Keras's `keras.Input`).
 *
 * ```ts
 * const inp = nn.input({ shape: [4] });
 * const out = nn.layers.dense({ units: 1 }).apply(nn.layers.dense({ units: 8, activation: "relu" }).apply(inp));
 * const model = nn.model({ inputs: inp, outputs: out });
 * ```
 */
export function input(args: InputArgs): SymbolicTensor {
  if (args === null || typeof args !== "object") throw new TypeError(`input: expected { shape }, got ${args === null ? "null" : typeof args}`);
  return symbolicInput(new InputLayer({ shape: args.shape, batchSize: args.batchSize, name: args.name, dtype: args.dtype }));
}

/** The symbolic tensor an InputLayer produces (a new node of it). */
export function symbolicInput(layer: InputLayer): SymbolicTensor {
  return recordNode(layer, [], false, [layer.batchInputShape], [(layer as unknown as { dtype?: DType }).dtype ?? getDefaultDType()])[0];
}
