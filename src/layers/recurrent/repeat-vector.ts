/** Keras's `RepeatVector`: the bridge from one vector to a sequence (one-to-many RNNs, seq2seq). */
import type { Tensor } from "../../tensor/tensor";
import { mul, reshape } from "../../ops";
import { ones } from "../../tensor/creation";
import { shapeToString } from "../../tensor/shape";
import type { ShapeSpec } from "../../display/mime";
import { Layer, type LayerArgs, type LayerConfig } from "../layer";
import { layerArgsFromConfig } from "../config-values";

/** Arguments of {@link repeatVector}. */
export interface RepeatVectorArgs extends LayerArgs {
  /** How many times to repeat the input (the output's time steps). */
  n: number;
}

/**
 * Repeats a [batch, features] input `n` times along a new time axis: [batch, n, features]
 * (Keras's `RepeatVector`). The usual 1-to-N / encoder–decoder pattern:
 *
 * ```ts
 * nn.sequential([
 *   nn.layers.lstm({ units: 16, inputShape: [10, 1] }),            // encode the sequence to a vector
 *   nn.layers.repeatVector({ n: 5 }),                              // [batch, 5, 16]
 *   nn.layers.lstm({ units: 16, returnSequences: true }),          // decode 5 steps
 *   nn.layers.timeDistributed({ layer: nn.layers.dense({ units: 1 }) }),
 * ]);
 * ```
 */
export class RepeatVector extends Layer {
  readonly className = "RepeatVector";
  /** Repetitions. */
  readonly n: number;

  constructor(args: RepeatVectorArgs) {
    super(args, "RepeatVector");
    if (!Number.isInteger(args.n) || args.n <= 0) throw new RangeError(`${this.name}: n must be a positive integer, got ${JSON.stringify(args.n)}`);
    this.n = args.n;
  }

  override build(inputShape: ShapeSpec): void {
    if (inputShape.length !== 2) {
      throw new RangeError(`${this.name} expects a 2-D input [batch, features], got shape ${shapeToString(inputShape)}`);
    }
    this.inputSpec = { ndim: 2 };
  }

  call(x: Tensor): Tensor {
    const [B, F] = x.shape;
    // Broadcasting against ones copies the vector to every step; the gradient sums over the steps.
    return mul(reshape(x, [B, 1, F]), ones([1, this.n, 1], { dtype: x.dtype }));
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return [inputShape[0], this.n, inputShape[1]];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), n: this.n };
  }

  /** Rebuilds the layer from {@link RepeatVector.getConfig}'s output. */
  static fromConfig(config: LayerConfig): RepeatVector {
    return new RepeatVector(layerArgsFromConfig(config) as unknown as RepeatVectorArgs);
  }
}

/** `nn.layers.repeatVector({ n: 5 })` — see {@link RepeatVector}. */
export function repeatVector(args: RepeatVectorArgs): RepeatVector {
  return new RepeatVector(args);
}
