/** Keras's `Bidirectional` wrapper for recurrent layers. */
import type { Tensor } from "../../tensor/tensor";
import { add, concat, gather, mul } from "../../ops";
import type { ShapeSpec } from "../../display/mime";
import type { LayerArgs, LayerConfig } from "../layer";
import { layerArgsFromConfig } from "../config-values";
import { deserializeLayer, serializeLayer, type SerializedLayer } from "../serialization";
import { RNNLayer, type RNNCallOptions } from "./rnn-layer";
import { Wrapper } from "./wrapper";
import { getSequenceMask, setSequenceMask } from "./sequence-mask";

/** How the two directions' outputs are combined. */
export type MergeMode = "concat" | "sum" | "mul" | "ave" | null;

const MERGE_MODES: MergeMode[] = ["concat", "sum", "mul", "ave", null];

/** Arguments of {@link bidirectional}. */
export interface BidirectionalArgs extends LayerArgs {
  /** The forward recurrent layer (SimpleRNN, LSTM or GRU). */
  layer: RNNLayer;
  /** Combination of the outputs (default "concat"); null keeps both (use `applyWithStates`). */
  mergeMode?: MergeMode;
  /** The backward layer; default: a copy of `layer`'s config with `goBackwards` flipped. */
  backwardLayer?: RNNLayer;
}

/**
 * Runs a recurrent layer forwards and a copy of it backwards over the sequence and merges the
 * outputs (Keras's `Bidirectional`). With `returnSequences` the backward outputs are put back
 * in time order before merging; padded steps output zeros (Keras forces `zero_output_for_mask`).
 * The sublayers are named `forward_<name>` and `backward_<name>` as in Keras.
 *
 * ```ts
 * const bi = nn.layers.bidirectional({ layer: nn.layers.lstm({ units: 8, returnSequences: true }) });
 * bi.apply(x).shape;   // [batch, time, 16] with mergeMode "concat"
 * ```
 */
export class Bidirectional extends Wrapper {
  readonly className = "Bidirectional";
  /** The forward layer. */
  readonly forwardLayer: RNNLayer;
  /** The backward layer. */
  readonly backwardLayer: RNNLayer;
  /** How outputs are merged. */
  readonly mergeMode: MergeMode;
  private pending?: RNNCallOptions;
  private lastStates: Tensor[] = [];
  private lastPair: Tensor[] = [];
  private lastInput?: Tensor;

  constructor(args: BidirectionalArgs) {
    super(args, "Bidirectional");
    if (!(args.layer instanceof RNNLayer)) {
      throw new TypeError(`${this.name}: layer must be a recurrent layer (simpleRNN, lstm, gru), got ${args.layer === null ? "null" : (args.layer as { className?: string })?.className ?? typeof args.layer}`);
    }
    const mode = args.mergeMode === undefined ? "concat" : args.mergeMode;
    if (!MERGE_MODES.includes(mode)) {
      throw new RangeError(`${this.name}: mergeMode must be one of concat, sum, mul, ave or null, got ${JSON.stringify(args.mergeMode)}`);
    }
    this.mergeMode = mode;
    const copy = (layer: RNNLayer, prefix: string, goBackwards: boolean) => {
      const { className, config } = serializeLayer(layer);
      // A layer restored from a config already carries the prefix.
      const name = layer.name.startsWith(`${prefix}_`) ? layer.name : `${prefix}_${layer.name}`;
      return deserializeLayer({ className, config: { ...config, name, goBackwards } }) as RNNLayer;
    };
    this.forwardLayer = copy(args.layer, "forward", args.layer.goBackwards);
    this.backwardLayer = args.backwardLayer ?? copy(args.layer, "backward", !args.layer.goBackwards);
    if (!(this.backwardLayer instanceof RNNLayer)) throw new TypeError(`${this.name}: backwardLayer must be a recurrent layer`);
    if (this.backwardLayer.goBackwards === this.forwardLayer.goBackwards) {
      throw new RangeError(`${this.name}: backwardLayer must have goBackwards ${!this.forwardLayer.goBackwards} (the opposite of layer)`);
    }
    if (this.backwardLayer.returnSequences !== this.forwardLayer.returnSequences || this.backwardLayer.returnState !== this.forwardLayer.returnState) {
      throw new RangeError(`${this.name}: layer and backwardLayer must agree on returnSequences and returnState`);
    }
    for (const l of [this.forwardLayer, this.backwardLayer]) l.zeroOutputForMask = l.returnSequences;
  }

  protected get innerLayers(): RNNLayer[] {
    return [this.forwardLayer, this.backwardLayer];
  }

  override build(inputShape: ShapeSpec): void {
    this.forwardLayer.ensureBuilt(inputShape);
    this.backwardLayer.ensureBuilt(inputShape);
    this.inputSpec = { ndim: 3 };
  }

  /**
   * `[output, ...forwardStates, ...backwardStates]` (with mergeMode null: `[forwardOutput,
   * backwardOutput, ...states]`), with optional initial states (forward's then backward's) and mask.
   */
  applyWithStates(x: Tensor, options: RNNCallOptions = {}): Tensor[] {
    this.pending = options;
    this.lastInput = undefined;
    try {
      const out = this.apply(x, options.training ?? false);
      // On the functional API's symbolic inputs `call` runs on a probe batch, not on x: its states are not x's.
      if (this.lastInput !== x) {
        throw new Error(`${this.name}: applyWithStates needs concrete tensors; on symbolic inputs (nn.input) use apply, which gives the merged output only`);
      }
      return this.mergeMode === null ? [...this.lastPair, ...this.lastStates] : [out, ...this.lastStates];
    } finally {
      this.pending = undefined;
    }
  }

  call(x: Tensor, training: boolean): Tensor {
    const options = this.pending ?? {};
    this.lastInput = x;
    const n = this.forwardLayer.stateCount;
    let init = options.initialState;
    if (init !== undefined && !Array.isArray(init)) init = [init];
    if (init !== undefined && init.length !== 2 * n) {
      throw new RangeError(`${this.name}: initialState must hold ${2 * n} tensors (forward then backward states), got ${init.length}`);
    }
    const mask = options.mask ?? getSequenceMask(x);
    const f = this.forwardLayer.applyWithStates(x, { training, mask, initialState: init?.slice(0, n) });
    const b = this.backwardLayer.applyWithStates(x, { training, mask, initialState: init?.slice(n) });
    let yf = f[0];
    let yb = b[0];
    if (this.forwardLayer.returnSequences) {
      // The going-backwards layer's sequence is in reversed time order; put it back.
      const T = x.shape[1];
      const reversed = Array.from({ length: T }, (_, i) => T - 1 - i);
      if (this.backwardLayer.goBackwards) yb = gather(yb, reversed, 1);
      else yf = gather(yf, reversed, 1);
    }
    this.lastStates = [...f.slice(1), ...b.slice(1)];
    this.lastPair = [yf, yb];
    let y: Tensor;
    switch (this.mergeMode) {
      case "concat": y = concat([yf, yb], -1); break;
      case "sum": y = add(yf, yb); break;
      case "mul": y = mul(yf, yb); break;
      case "ave": y = mul(add(yf, yb), 0.5); break;
      default:
        if (!this.pending) throw new Error(`${this.name}: with mergeMode null the layer has two outputs; use applyWithStates(x), which returns [forward, backward, ...states]`);
        y = yf;
    }
    const m = getSequenceMask(f[0]);
    if (m && this.forwardLayer.returnSequences) setSequenceMask(y, m);
    return y;
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    const s = this.forwardLayer.computeOutputShape(inputShape);
    if (this.mergeMode !== "concat") return s;
    const last = s[s.length - 1];
    return [...s.slice(0, -1), last === null ? null : 2 * last];
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      layer: serializeLayer(this.forwardLayer),
      backwardLayer: serializeLayer(this.backwardLayer),
      mergeMode: this.mergeMode,
    };
  }

  /** Rebuilds the wrapper from {@link Bidirectional.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Bidirectional {
    const args = layerArgsFromConfig(config) as unknown as BidirectionalArgs;
    const layer = deserializeLayer(config.layer as SerializedLayer) as RNNLayer;
    const backwardLayer = deserializeLayer(config.backwardLayer as SerializedLayer) as RNNLayer;
    const bi = new Bidirectional({ ...args, layer, backwardLayer, mergeMode: config.mergeMode as MergeMode });
    return bi;
  }
}

/** `nn.layers.bidirectional({ layer: nn.layers.lstm({ units: 8 }) })` — see {@link Bidirectional}. */
export function bidirectional(args: BidirectionalArgs): Bidirectional {
  return new Bidirectional(args);
}
