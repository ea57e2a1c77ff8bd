/**
 * `nn.model({ inputs, outputs })`: a model defined by a graph of layer calls (Keras's
 * `Functional`) — several inputs and outputs, shared layers, skip connections and nested
 * models. The graph is read from the symbolic tensors' nodes, ordered as Keras orders it.
 */
import type { Tensor } from "../../tensor/tensor";
import { shapeToString } from "../../tensor/shape";
import { Layer, type LayerConfig } from "../../layers/layer";
import { InputLayer } from "../../layers/input-layer";
import { deserializeLayer, registerLayerClass, serializeLayer, type SerializedLayer } from "../../layers/serialization";
import { Model } from "../model";
import { Sequential, type SequentialConfig } from "../sequential";
import { layerRow } from "../summary-rows";
import { uniqueName } from "../../util/names";
import type { ShapeSpec, SummaryLayer } from "../../display/mime";
import { nodesOf, symbolicInput, SymbolicTensor, type GraphNode } from "./symbolic-tensor";
import "./symbolic-call";

/** Arguments of {@link model}. */
export interface FunctionalArgs {
  /**
   * The input(s): `nn.input(...)` results; an array for several. Typed as `Tensor` because
   * `layer.apply` returns that type; the constructor checks each one is symbolic.
   */
  inputs: Tensor | Tensor[];
  /** The output(s): symbolic tensors computed from the inputs (layer outputs); an array for several. */
  outputs: Tensor | Tensor[];
  /** Model name (default `functional`, `functional_1`, …). */
  name?: string;
}

/** `[layerName, nodeIndex, tensorIndex]`: a tensor in a saved graph (node index within this model). */
export type TensorRef = [string, number, number];

/** A layer of {@link FunctionalConfig} with its calls. */
export interface FunctionalLayerConfig extends SerializedLayer {
  /** The layer's name, which {@link TensorRef}s refer to. */
  name: string;
  /** One entry per call of the layer in this model: the tensors it was called on. */
  inboundNodes: {
    /** The tensors of this call. */
    args: TensorRef[];
    /** Whether the layer was called on an array (so one tensor stays an array). */
    list: boolean;
  }[];
}

/** `Functional.getConfig()`: layers with their calls, and which tensors are inputs and outputs. */
export interface FunctionalConfig extends LayerConfig {
  /** Every layer of the graph (inputs included) with its calls, in creation order. */
  layers: FunctionalLayerConfig[];
  /** The model's input tensors, in order. */
  inputLayers: TensorRef[];
  /** The model's output tensors, in order. */
  outputLayers: TensorRef[];
  /** Whether inputs/outputs were given as arrays (so a single one stays an array). */
  inputsAsList: boolean;
  /** Whether outputs were given as an array (so `predict` returns an array even for one). */
  outputsAsList: boolean;
}

/** A model defined by a graph of layer calls (see {@link model}). */
export class Functional extends Model {
  readonly className: string = "Functional";
  /** The model's symbolic inputs, in order. */
  readonly inputs: SymbolicTensor[];
  /** The model's symbolic outputs, in order. */
  readonly outputs: SymbolicTensor[];
  private readonly inputsAsList: boolean;
  private readonly outputsAsList: boolean;
  /** Every node, each after the nodes it depends on. */
  private readonly nodes: GraphNode[];
  private readonly orderedLayers: Layer[];
  private readonly depthGroups: GraphNode[][];

  constructor(args: FunctionalArgs) {
    if (args === null || typeof args !== "object") throw new TypeError(`model: expected { inputs, outputs }, got ${args === null ? "null" : typeof args}`);
    if (args.name !== undefined && (typeof args.name !== "string" || args.name === "")) throw new TypeError(`model: name must be a non-empty string, got ${JSON.stringify(args.name)}`);
    super(args.name ?? uniqueName("functional"));
    const list = (v: unknown, what: string): SymbolicTensor[] => {
      const items = Array.isArray(v) ? v : [v];
      if (items.length === 0) throw new TypeError(`${this.name}: ${what} must not be empty`);
      items.forEach((t, i) => {
        if (!(t instanceof SymbolicTensor)) {
          throw new TypeError(`${this.name}: ${what}${Array.isArray(v) ? `[${i}]` : ""} must be a symbolic tensor (from nn.input or a layer applied to one), got ${t instanceof Object ? t.constructor.name : typeof t}`);
        }
      });
      return items as SymbolicTensor[];
    };
    this.inputs = list(args.inputs, "inputs");
    this.outputs = list(args.outputs, "outputs");
    this.inputsAsList = Array.isArray(args.inputs);
    this.outputsAsList = Array.isArray(args.outputs);
    this.inputs.forEach((t, i) => {
      if (!(t.node.layer instanceof InputLayer)) throw new TypeError(`${this.name}: inputs${this.inputsAsList ? `[${i}]` : ""} must come from nn.input, but it is the output of ${t.node.layer.name}`);
    });
    const names = this.inputs.map((t) => t.node.layer.name);
    if (new Set(names).size !== names.length) throw new Error(`${this.name}: the same input is given twice (${names.join(", ")})`);
    this.nodes = this.collectNodes();
    ({ layers: this.orderedLayers, groups: this.depthGroups } = this.orderByDepth());
    const layerNames = this.orderedLayers.map((l) => l.name);
    const dup = layerNames.find((n, i) => layerNames.indexOf(n) !== i);
    if (dup !== undefined) throw new Error(`${this.name}: all layers need unique names; ${dup} is used by two different layers`);
  }

  /** Post-order walk from the outputs; an input node that is not a model input is an error naming the output. */
  private collectNodes(): GraphNode[] {
    const order: GraphNode[] = [];
    const done = new Set<GraphNode>();
    const visit = (node: GraphNode, output: SymbolicTensor, path: Set<GraphNode>) => {
      if (done.has(node)) return;
      if (node.inputs.length === 0 && !this.inputs.some((t) => t.node === node)) {
        const given = this.inputs.map((t) => t.node.layer.name).join(", ");
        throw new Error(`${this.name}: output ${output.node.layer.name} is not connected to the inputs: it depends on ${node.layer.name}, which is not among the model's inputs (${given})`);
      }
      path.add(node);
      for (const t of node.inputs) visit(t.node, output, path);
      done.add(node);
      order.push(node);
    };
    for (const out of this.outputs) visit(out.node, out, new Set());
    // An input the outputs do not use still belongs to the model (Keras keeps it).
    for (const t of this.inputs) if (!done.has(t.node)) {
      done.add(t.node);
      order.unshift(t.node);
    }
    return order;
  }

  /** Keras's `map_graph` ordering: layers by decreasing depth (inputs first), ties in discovery order. */
  private orderByDepth(): { layers: Layer[]; groups: GraphNode[][] } {
    const layerIndex = new Map<Layer, number>();
    for (const n of this.nodes) if (!layerIndex.has(n.layer)) layerIndex.set(n.layer, layerIndex.size);
    const nodeDepth = new Map<GraphNode, number>();
    const layerDepth = new Map<Layer, number>();
    for (const node of [...this.nodes].reverse()) {
      const depth = Math.max(nodeDepth.get(node) ?? 0, layerDepth.get(node.layer) ?? 0);
      layerDepth.set(node.layer, depth);
      nodeDepth.set(node, depth);
      for (const t of node.inputs) nodeDepth.set(t.node, Math.max(depth + 1, nodeDepth.get(t.node) ?? 0));
    }
    // Inputs sit at the deepest level, in the order given.
    const maxDepth = Math.max(...nodeDepth.values());
    for (const t of this.inputs) {
      nodeDepth.set(t.node, maxDepth);
      layerDepth.set(t.node.layer, maxDepth);
    }
    const depths = [...new Set(layerDepth.values())].sort((a, b) => b - a);
    const layers = depths.flatMap((d) => {
      const atDepth = [...layerDepth.entries()].filter(([, ld]) => ld === d).map(([l]) => l);
      return d === maxDepth
        ? [...this.inputs.map((t) => t.node.layer), ...atDepth.filter((l) => !(l instanceof InputLayer)).sort((a, b) => layerIndex.get(a)! - layerIndex.get(b)!)]
        : atDepth.sort((a, b) => layerIndex.get(a)! - layerIndex.get(b)!);
    });
    const nodeDepths = [...new Set(nodeDepth.values())].sort((a, b) => b - a);
    const groups = nodeDepths.map((d) => this.nodes.filter((n) => nodeDepth.get(n) === d));
    return { layers, groups };
  }

  /** Every layer of the graph, the InputLayers included, in Keras's order. */
  override get layers(): Layer[] {
    return [...this.orderedLayers];
  }

  /** The input layers' names (keys for `{ name: data }` inputs). */
  override get inputNames(): string[] {
    return this.inputs.map((t) => t.node.layer.name);
  }

  /** The output layers' names (keys for targets, losses and metrics; prefixes of the logs). */
  override get outputNames(): string[] {
    return this.outputs.map((t) => t.node.layer.name);
  }

  /** The layer called `name` (Keras's `get_layer`). */
  getLayer(name: string): Layer {
    const layer = this.orderedLayers.find((l) => l.name === name);
    if (!layer) throw new RangeError(`${this.name}.getLayer: no layer named ${JSON.stringify(name)}; layers: ${this.orderedLayers.map((l) => l.name).join(", ")}`);
    return layer;
  }

  /** Runs the graph on one tensor per input; returns one tensor per output. */
  override forward(inputs: Tensor[], training: boolean): Tensor[] {
    if (inputs.length !== this.inputs.length) {
      throw new RangeError(`${this.name}: expected ${this.inputs.length} input tensors (${this.inputNames.join(", ")}), got ${inputs.length}`);
    }
    const values = new Map<SymbolicTensor, Tensor>();
    this.inputs.forEach((t, i) => {
      const layer = t.node.layer;
      try {
        values.set(t, layer.apply(inputs[i], training));
      } catch (e) {
        const Ctor = ((e as Error).constructor ?? Error) as new (message: string) => Error;
        throw new Ctor(`${this.name}: ${(e as Error).message}`);
      }
    });
    for (const node of this.nodes) {
      if (node.inputs.length === 0) continue;
      const args = node.inputs.map((t) => values.get(t)!);
      const out = node.layer.apply((node.inputIsList ? args : args[0]) as Tensor, training);
      values.set(node.outputs[0], out);
    }
    return this.outputs.map((t) => values.get(t)!);
  }

  /** The forward pass of a single-input, single-output model (and of this model used as a layer). */
  override call(x: Tensor, training: boolean): Tensor {
    if (this.inputs.length !== 1 || this.outputs.length !== 1) {
      throw new TypeError(`${this.name} has ${this.inputs.length} inputs and ${this.outputs.length} outputs; call model.forward([...inputs], training) for one tensor per output`);
    }
    return this.forward([x], training)[0];
  }

  /** The output shape: the batch dimension of `inputShape`, the rest from the graph. */
  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return [inputShape[0], ...this.outputs[0].symbolicShape.slice(1)];
  }

  /** Keras's test: a chain (one node per depth, one input each, no shared layer) shows no "Connected to" column. */
  private isSequentialLike(): boolean {
    if (this.depthGroups.some((g) => g.length > 1 || (g.length === 1 && g[0].inputs.length > 1))) return false;
    return this.orderedLayers.every((l) => this.nodesOfLayer(l).length <= 1);
  }

  private nodesOfLayer(layer: Layer): GraphNode[] {
    return nodesOf(layer).filter((n) => this.nodes.includes(n));
  }

  override summaryLayers(): SummaryLayer[] {
    const connections = !this.isSequentialLike();
    return this.orderedLayers.map((layer) => {
      const nodes = this.nodesOfLayer(layer);
      const shapes = nodes.map((n) => n.outputs[0].symbolicShape);
      const same = shapes.every((s) => shapeToString(s) === shapeToString(shapes[0]));
      const connected = connections ? nodes.flatMap((n) => n.inputs.map((t) => `${t.node.layer.name}[${t.node.index}][${t.outputIndex}]`)) : undefined;
      return layerRow(layer, same ? shapes[0] : shapes, connected);
    });
  }

  /** A tensor as `[layer, node index within this model, output index]`. */
  private ref(t: SymbolicTensor): TensorRef {
    return [t.node.layer.name, this.nodesOfLayer(t.node.layer).indexOf(t.node), t.outputIndex];
  }

  override getConfig(): FunctionalConfig {
    return {
      name: this.name,
      trainable: this.trainable,
      layers: this.orderedLayers.map((layer) => ({
        ...serializeLayer(layer),
        name: layer.name,
        inboundNodes: this.nodesOfLayer(layer).filter((n) => n.inputs.length > 0).map((n) => ({ args: n.inputs.map((t) => this.ref(t)), list: n.inputIsList })),
      })),
      inputLayers: this.inputs.map((t) => this.ref(t)),
      outputLayers: this.outputs.map((t) => this.ref(t)),
      inputsAsList: this.inputsAsList,
      outputsAsList: this.outputsAsList,
    };
  }

  /** A new model with new (freshly initialized) layers from {@link Functional.getConfig}'s output. */
  static fromConfig(config: FunctionalConfig): Functional {
    const where = "Functional.fromConfig";
    if (config === null || typeof config !== "object" || !Array.isArray(config.layers) || !Array.isArray(config.inputLayers) || !Array.isArray(config.outputLayers)) {
      throw new TypeError(`${where}: expected { name, layers, inputLayers, outputLayers }, got ${JSON.stringify(config)?.slice(0, 200)}`);
    }
    const layers = new Map<string, Layer>();
    const produced = new Map<string, SymbolicTensor[][]>();
    const pending: { name: string; args: TensorRef[]; list: boolean }[] = [];
    for (const spec of config.layers) {
      const layer = deserializeLayer({ className: spec.className, config: spec.config });
      layers.set(spec.name, layer);
      produced.set(spec.name, layer instanceof InputLayer ? [[symbolicInput(layer)]] : []);
      for (const n of spec.inboundNodes ?? []) pending.push({ name: spec.name, ...n });
    }
    const lookup = ([name, node, index]: TensorRef) => produced.get(name)?.[node]?.[index];
    // Calls of a shared layer may wait for tensors produced later: repeat until nothing is left.
    while (pending.length > 0) {
      const ready = pending.findIndex((p) => p.args.every((a) => lookup(a) !== undefined));
      if (ready < 0) throw new Error(`${where}: the graph cannot be rebuilt: ${pending.map((p) => p.name).join(", ")} wait for tensors no layer produces`);
      const [p] = pending.splice(ready, 1);
      const args = p.args.map((a) => lookup(a)!);
      const out = layers.get(p.name)!.apply((p.list ? args : args[0]) as Tensor) as SymbolicTensor;
      produced.get(p.name)!.push([out]);
    }
    const resolve = (refs: TensorRef[], what: string) => refs.map((r) => {
      const t = lookup(r);
      if (!t) throw new Error(`${where}: ${what} ${JSON.stringify(r)} is not produced by the graph`);
      return t;
    });
    const inputs = resolve(config.inputLayers, "input");
    const outputs = resolve(config.outputLayers, "output");
    const model = new Functional({
      inputs: config.inputsAsList ? inputs : inputs[0],
      outputs: config.outputsAsList ? outputs : outputs[0],
      name: config.name,
    });
    if (config.trainable === false) model.trainable = false;
    return model;
  }
}

/**
 * `nn.model({ inputs, outputs })`: a functional model (Keras's `keras.Model(inputs, outputs)`).
 *
 * ```ts
 * const a = nn.input({ shape: [5], name: "a" });
 * const b = nn.input({ shape: [5], name: "b" });
 * const shared = nn.layers.dense({ units: 3 });             // siamese: one layer, two calls
 * const out = nn.layers.dense({ units: 1, name: "score" }).apply(shared.apply(a));
 * const aux = nn.layers.dense({ units: 2, name: "aux" }).apply(shared.apply(b));
 * const model = nn.model({ inputs: [a, b], outputs: [out, aux] });
 * model.compile({ optimizer: "adam", loss: ["mse", "mse"], lossWeights: [1, 0.2] });
 * await model.fit({ a: xa, b: xb }, [yScore, yAux], { epochs: 10 });   // logs loss, score_loss, aux_loss
 * ```
 */
export function model(args: FunctionalArgs): Functional {
  return new Functional(args);
}

// Models are layers: a nested model is saved and loaded as one.
registerLayerClass("Sequential", (c) => Sequential.fromConfig(c as unknown as SequentialConfig));
registerLayerClass("Functional", (c) => Functional.fromConfig(c as unknown as FunctionalConfig));
