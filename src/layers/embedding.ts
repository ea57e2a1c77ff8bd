/** Keras's `Embedding` layer. */
import type { Tensor } from "../tensor/tensor";
import { gather } from "../ops";
import { shapeToString } from "../tensor/shape";
import type { ShapeSpec } from "../display/mime";
import type { InitializerIdentifier } from "../initializers";
import type { RegularizerIdentifier } from "../regularizers/regularizer";
import type { ConstraintIdentifier } from "../constraints/constraint";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import { layerArgsFromConfig } from "./config-values";
import { weightArgsFromConfig, weightSpec, weightSpecConfig, type WeightSpec } from "./weight-spec";
import { setSequenceMask } from "./recurrent/sequence-mask";

/** Arguments of {@link embedding}. */
export interface EmbeddingArgs extends LayerArgs {
  /** Vocabulary size: indices must lie in [0, inputDim). */
  inputDim: number;
  /** Length of each embedding vector. */
  outputDim: number;
  /** Initializer of the table (default "uniform": U(−0.05, 0.05), as Keras). */
  embeddingsInitializer?: InitializerIdentifier;
  /** Penalty on the table. */
  embeddingsRegularizer?: RegularizerIdentifier | null;
  /** Constraint on the table. */
  embeddingsConstraint?: ConstraintIdentifier | null;
  /**
   * Index 0 is padding: the output carries a [batch, time] mask (0 where the index is 0) that a
   * following recurrent layer honours. Index 0 then cannot be a word, as in Keras.
   */
  maskZero?: boolean;
}

/**
 * Turns integer indices into dense vectors by looking rows up in a trainable table
 * `embeddings` [inputDim, outputDim] (Keras's `Embedding`). Input: indices of any shape (as
 * numbers); output: that shape + [outputDim]. Gradients add up per row (repeated indices sum).
 *
 * ```ts
 * const emb = nn.layers.embedding({ inputDim: 1000, outputDim: 16, maskZero: true });   // 16,000 params
 * const seq = emb.apply(nn.tensor([[4, 7, 0, 0]]));       // [1, 4, 16], steps 3–4 masked
 * nn.layers.lstm({ units: 8 }).apply(seq);                // the LSTM skips the padded steps
 * ```
 */
export class Embedding extends Layer {
  readonly className = "Embedding";
  /** Vocabulary size. */
  readonly inputDim: number;
  /** Embedding length. */
  readonly outputDim: number;
  /** Whether index 0 marks padding. */
  readonly maskZero: boolean;
  /** The table [inputDim, outputDim], once built. */
  embeddings?: Tensor;
  private readonly embeddingsSpec: WeightSpec;

  constructor(args: EmbeddingArgs) {
    // inputDim is the vocabulary size here, not the base class's `inputShape: [inputDim]` shorthand.
    super({ ...args, inputDim: undefined }, "Embedding");
    for (const key of ["inputDim", "outputDim"] as const) {
      if (!Number.isInteger(args[key]) || args[key] <= 0) {
        throw new RangeError(`${this.name}: ${key} must be a positive integer, got ${JSON.stringify(args[key])}`);
      }
    }
    if (args.maskZero !== undefined && typeof args.maskZero !== "boolean") {
      throw new TypeError(`${this.name}: maskZero must be true or false, got ${JSON.stringify(args.maskZero)}`);
    }
    this.inputDim = args.inputDim;
    this.outputDim = args.outputDim;
    this.maskZero = args.maskZero ?? false;
    this.embeddingsSpec = weightSpec(this.name, "embeddings", {
      initializer: args.embeddingsInitializer, regularizer: args.embeddingsRegularizer, constraint: args.embeddingsConstraint,
    }, "randomUniform");
  }

  override build(): void {
    this.embeddings = this.addWeight("embeddings", [this.inputDim, this.outputDim], this.embeddingsSpec.initializer, this.embeddingsSpec);
  }

  call(x: Tensor): Tensor {
    const ids = new Array<number>(x.size);
    for (let i = 0; i < x.size; i++) {
      const v = x.data[i];
      if (!Number.isInteger(v) || v < 0 || v >= this.inputDim) {
        throw new RangeError(`${this.name}: indices must be integers in [0, ${this.inputDim}) (inputDim ${this.inputDim}), got ${v} at flat position ${i} of an input of shape ${shapeToString(x.shape)}`);
      }
      ids[i] = v;
    }
    const y = gather(this.embeddings!, ids, 0).reshape([...x.shape, this.outputDim]);
    if (this.maskZero && x.rank === 2) {
      const data = new Uint8Array(x.size);
      for (let i = 0; i < data.length; i++) data[i] = ids[i] !== 0 ? 1 : 0;
      setSequenceMask(y, { data, shape: [x.shape[0], x.shape[1]] });
    }
    return y;
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return [...inputShape, this.outputDim];
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      inputDim: this.inputDim,
      outputDim: this.outputDim,
      ...weightSpecConfig("embeddings", this.embeddingsSpec),
      maskZero: this.maskZero,
    };
  }

  /** Rebuilds the layer from {@link Embedding.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Embedding {
    return new Embedding({
      ...(layerArgsFromConfig(config) as unknown as EmbeddingArgs),
      ...weightArgsFromConfig("embeddings", config, config.name),
    });
  }
}

/** `nn.layers.embedding({ inputDim: 1000, outputDim: 16 })` — see {@link Embedding}. */
export function embedding(args: EmbeddingArgs): Embedding {
  return new Embedding(args);
}
