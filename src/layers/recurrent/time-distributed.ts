/** Keras's `TimeDistributed` wrapper. */
import type { Tensor } from "../../tensor/tensor";
import { reshape } from "../../ops";
import { shapeToString } from "../../tensor/shape";
import type { ShapeSpec } from "../../display/mime";
import { Layer, type LayerArgs, type LayerConfig } from "../layer";
import { layerArgsFromConfig } from "../config-values";
import { deserializeLayer, serializeLayer, type SerializedLayer } from "../serialization";
import { Wrapper } from "./wrapper";
import { passSequenceMask } from "./sequence-mask";

/** Arguments of {@link timeDistributed}. */
export interface TimeDistributedArgs extends LayerArgs {
  /** The layer applied to every time step (with the same weights). */
  layer: Layer;
}

/**
 * Applies one layer to every time step of a [batch, time, ...] input with shared weights
 * (Keras's `TimeDistributed`): the steps are folded into the batch, the layer runs once, and the
 * result is unfolded to [batch, time, ...].
 *
 * ```ts
 * const td = nn.layers.timeDistributed({ layer: nn.layers.dense({ units: 3 }) });
 * td.apply(nn.ones([2, 5, 4])).shape;   // [2, 5, 3]; 4·3 + 3 = 15 params
 * ```
 */
export class TimeDistributed extends Wrapper {
  readonly className = "TimeDistributed";
  /** The wrapped layer. */
  readonly layer: Layer;

  constructor(args: TimeDistributedArgs) {
    super(args, "TimeDistributed");
    if (!(args.layer instanceof Layer)) {
      throw new TypeError(`${this.name}: layer must be a Layer, got ${args.layer === null ? "null" : typeof args.layer}`);
    }
    this.layer = args.layer;
  }

  protected get innerLayers(): Layer[] {
    return [this.layer];
  }

  override build(inputShape: ShapeSpec): void {
    if (inputShape.length < 3) {
      throw new RangeError(`${this.name} expects an input of rank ≥ 3 [batch, time, ...], got shape ${shapeToString(inputShape)}`);
    }
    this.layer.ensureBuilt([null, ...inputShape.slice(2)]);
    this.inputSpec = { minNdim: 3 };
  }

  call(x: Tensor, training: boolean): Tensor {
    const [B, T, ...rest] = x.shape;
    const y = this.layer.apply(reshape(x, [B * T, ...rest]), training);
    return passSequenceMask(x, reshape(y, [B, T, ...y.shape.slice(1)]));
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    const inner = this.layer.computeOutputShape([inputShape[0], ...inputShape.slice(2)]);
    return [inputShape[0], inputShape[1], ...inner.slice(1)];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), layer: serializeLayer(this.layer) };
  }

  /** Rebuilds the wrapper (and a new inner layer) from {@link TimeDistributed.getConfig}'s output. */
  static fromConfig(config: LayerConfig): TimeDistributed {
    const args = layerArgsFromConfig(config);
    return new TimeDistributed({ ...(args as unknown as LayerArgs), layer: deserializeLayer(config.layer as SerializedLayer) });
  }
}

/** `nn.layers.timeDistributed({ layer: nn.layers.dense({ units: 1 }) })` — see {@link TimeDistributed}. */
export function timeDistributed(args: TimeDistributedArgs): TimeDistributed {
  return new TimeDistributed(args);
}
