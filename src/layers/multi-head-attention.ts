/** Multi-head scaled dot-product attention (Keras 3's `MultiHeadAttention`). */
import { Tensor } from "../tensor/tensor";
import { shapeToString } from "../tensor/shape";
import { greaterEqual, greater, matmul, mul, softmax, transpose, where } from "../ops";
import { tensor } from "../tensor/creation";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import type { InitializerIdentifier } from "../initializers";
import type { RegularizerIdentifier } from "../regularizers/regularizer";
import type { ConstraintIdentifier } from "../constraints/constraint";
import type { ShapeSpec } from "../display/mime";
import { layerArgsWithWeights, weightSpec, weightSpecConfig, type WeightSpec } from "./weight-spec";
import { booleanArg } from "./normalize";
import { Dropout } from "./dropout";

/** Arguments of {@link multiHeadAttention} (Keras 3 names and defaults). */
export interface MultiHeadAttentionArgs extends LayerArgs {
  /** Number of attention heads. */
  numHeads: number;
  /** Size of each head's query and key projections. */
  keyDim: number;
  /** Size of each head's value projection (default: `keyDim`). */
  valueDim?: number | null;
  /** Dropout rate on the attention probabilities in training (default 0). */
  dropout?: number;
  /** Whether the four projections have biases (default true). */
  useBias?: boolean;
  /** Size (or shape) of the output's last axes (default: the query's feature size). */
  outputShape?: number | number[] | null;
  /**
   * Default for the call option `useCausalMask` (default false). An nnlab addition: functional
   * graphs record only tensors, so a causal layer inside `nn.model` says so here.
   */
  useCausalMask?: boolean;
  /** Seed of the attention dropout's own generator (default: the global one, `nn.setSeed`). */
  seed?: number | null;
  /** Initializer of the four kernels (default "glorotUniform"). */
  kernelInitializer?: InitializerIdentifier;
  /** Initializer of the four biases (default "zeros"). */
  biasInitializer?: InitializerIdentifier;
  /** Penalty on each kernel. */
  kernelRegularizer?: RegularizerIdentifier | null;
  /** Penalty on each bias. */
  biasRegularizer?: RegularizerIdentifier | null;
  /** Constraint on each kernel. */
  kernelConstraint?: ConstraintIdentifier | null;
  /** Constraint on each bias. */
  biasConstraint?: ConstraintIdentifier | null;
}

/** Options of one call (Keras's call arguments). */
export interface AttentionCallOptions {
  /** Training mode: dropout on the attention probabilities (default false). */
  training?: boolean;
  /**
   * `[batch, T, S]` (or `[1, T, S]`): 1 (any value > 0.5) where query position t may attend to
   * key position s, 0 where not. Query rows with nothing to attend to give zeros, as Keras.
   */
  attentionMask?: Tensor | null;
  /** Each query position t attends only to key positions s ≤ t (default: the layer's `useCausalMask`). */
  useCausalMask?: boolean;
}

/** The output and the attention probabilities `[batch, numHeads, T, S]` (Keras's `return_attention_scores=True`). */
export interface AttentionResult {
  /** The attention output, shaped like the query (or `outputShape`). */
  output: Tensor;
  /** Attention probabilities [batch, heads, query length, key length], before dropout (Keras's `return_attention_scores`). */
  scores: Tensor;
}

/** Keras's additive stand-in for −∞ in masked softmax (float16 aside). */
const MASKED_SCORE = -1e9;

/** True for a symbolic tensor of the functional API (no import of that module: it imports the layers). */
function holdsSymbolic(inputs: unknown): boolean {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  return list.some((t) => t instanceof Tensor && "symbolicShape" in t);
}

/**
 * Keras 3's `MultiHeadAttention`: the query, key and value are projected per head
 * (`Q = query·Wq + bq` with `Wq` of shape `[queryDim, numHeads, keyDim]`, likewise K and V),
 * each head computes `softmax(Q·Kᵀ / √keyDim)·V`, and the heads' outputs are projected back
 * (`Wo` of shape `[numHeads, valueDim, outputDim]`). Called with a list, as Keras's
 * `layer(query, value, key)`: `apply([query, value])` (key = value), `apply([query, value, key])`,
 * or `apply([query, value, key, attentionMask])` (the form functional models record).
 * Inputs are `[batch, T, queryDim]`, `[batch, S, valueDim]`, `[batch, S, keyDim]`.
 *
 * ```ts
 * const mha = nn.layers.multiHeadAttention({ numHeads: 2, keyDim: 4 });
 * const y = mha.apply([x, x], { useCausalMask: true });          // causal self-attention, [batch, T, dim]
 * const { output, scores } = mha.applyWithScores([x, x]);        // scores: [batch, 2, T, T]
 * ```
 */
export class MultiHeadAttention extends Layer {
  readonly className = "MultiHeadAttention";
  /** Number of heads. */
  readonly numHeads: number;
  /** Query/key size per head. */
  readonly keyDim: number;
  /** Value size per head. */
  readonly valueDim: number;
  /** Dropout rate on the attention probabilities. */
  readonly dropout: number;
  /** Whether the projections have biases. */
  readonly useBias: boolean;
  /** The output's last axes as given (null: the query's feature size). */
  readonly outputShape: number[] | null;
  /** The default of the call option `useCausalMask`. */
  readonly useCausalMask: boolean;
  /** Seed of the dropout generator (null: global). */
  readonly seed: number | null;
  private readonly kernelSpec: WeightSpec;
  private readonly biasSpec: WeightSpec;
  private readonly dropoutLayer: Dropout;
  /** Input shapes of the call that builds the layer (query, value, key). */
  private pendingShapes?: ShapeSpec[];
  /** Query projection kernel `[queryDim, numHeads, keyDim]`, once built. */
  queryKernel?: Tensor;
  /** Query projection bias `[numHeads, keyDim]`. */
  queryBias?: Tensor;
  /** Key projection kernel `[keyInputDim, numHeads, keyDim]`. */
  keyKernel?: Tensor;
  /** Key projection bias `[numHeads, keyDim]`. */
  keyBias?: Tensor;
  /** Value projection kernel `[valueInputDim, numHeads, valueDim]`. */
  valueKernel?: Tensor;
  /** Value projection bias `[numHeads, valueDim]`. */
  valueBias?: Tensor;
  /** Output projection kernel `[numHeads, valueDim, ...outputShape]`. */
  outputKernel?: Tensor;
  /** Output projection bias `[...outputShape]`. */
  outputBias?: Tensor;

  constructor(args: MultiHeadAttentionArgs) {
    super(args, "MultiHeadAttention");
    const positive = (key: "numHeads" | "keyDim" | "valueDim", value: unknown): number => {
      if (!Number.isInteger(value) || (value as number) <= 0) throw new RangeError(`${this.name}: ${key} must be a positive integer, got ${JSON.stringify(value)}`);
      return value as number;
    };
    this.numHeads = positive("numHeads", args.numHeads);
    this.keyDim = positive("keyDim", args.keyDim);
    this.valueDim = args.valueDim === undefined || args.valueDim === null ? this.keyDim : positive("valueDim", args.valueDim);
    const rate = args.dropout ?? 0;
    if (typeof rate !== "number" || !(rate >= 0 && rate < 1)) throw new RangeError(`${this.name}: dropout must be a number in [0, 1), got ${JSON.stringify(args.dropout)}`);
    this.dropout = rate;
    this.useBias = booleanArg(this.name, "useBias", args.useBias, true);
    this.useCausalMask = booleanArg(this.name, "useCausalMask", args.useCausalMask, false);
    const out = args.outputShape ?? null;
    const outList = out === null ? null : Array.isArray(out) ? out : [out];
    if (outList !== null && (outList.length === 0 || outList.some((d) => !Number.isInteger(d) || d <= 0))) {
      throw new RangeError(`${this.name}: outputShape must be a positive integer or a non-empty list of them, got ${JSON.stringify(args.outputShape)}`);
    }
    this.outputShape = outList === null ? null : [...outList];
    this.seed = args.seed ?? null;
    // Keras's own sub-layer; an explicit name keeps the automatic names of the user's layers unchanged.
    this.dropoutLayer = new Dropout({ rate, seed: this.seed, name: `${this.name}/attention_dropout` });
    this.kernelSpec = weightSpec(this.name, "kernel", { initializer: args.kernelInitializer, regularizer: args.kernelRegularizer, constraint: args.kernelConstraint }, "glorotUniform");
    this.biasSpec = weightSpec(this.name, "bias", { initializer: args.biasInitializer, regularizer: args.biasRegularizer, constraint: args.biasConstraint }, "zeros");
    // Call options cannot ride along a functional graph, which records only tensors: refuse them there.
    const routed = this.apply;
    this.apply = ((inputs: Tensor | readonly Tensor[], options?: boolean | AttentionCallOptions) => {
      if (typeof options === "object" && options !== null && holdsSymbolic(inputs) && (options.attentionMask != null || options.useCausalMask !== undefined)) {
        throw new TypeError(`${this.name}: on nn.input tensors pass the mask as a fourth input, apply([query, value, key, attentionMask]), and useCausalMask to the constructor; functional graphs record only tensors`);
      }
      return (routed as (i: unknown, o: unknown) => Tensor).call(this, inputs, options);
    }) as typeof this.apply;
  }

  /** Creates the weights. `inputShape` is the query's; value and key come from the building call (self-attention otherwise). */
  override build(inputShape: ShapeSpec): void {
    const [query, value, key] = this.pendingShapes ?? [inputShape, inputShape, inputShape];
    const dims = [query, value, key].map((s) => s[s.length - 1]);
    if (dims.some((d) => d === null)) {
      throw new RangeError(`${this.name}: the feature sizes must be known to build the layer, got query ${shapeToString(query)}, value ${shapeToString(value)}, key ${shapeToString(key)}`);
    }
    const [qDim, vDim, kDim] = dims as number[];
    const out = this.outputShape ?? [qDim];
    const H = this.numHeads;
    const add = (name: string, shape: number[], isBias: boolean) => {
      const spec = isBias ? this.biasSpec : this.kernelSpec;
      return this.addWeight(name, shape, spec.initializer, spec);
    };
    // Keras's order: query, key, value, attention_output; each kernel then its bias.
    this.queryKernel = add("query/kernel", [qDim, H, this.keyDim], false);
    if (this.useBias) this.queryBias = add("query/bias", [H, this.keyDim], true);
    this.keyKernel = add("key/kernel", [kDim, H, this.keyDim], false);
    if (this.useBias) this.keyBias = add("key/bias", [H, this.keyDim], true);
    this.valueKernel = add("value/kernel", [vDim, H, this.valueDim], false);
    if (this.useBias) this.valueBias = add("value/bias", [H, this.valueDim], true);
    this.outputKernel = add("attention_output/kernel", [H, this.valueDim, ...out], false);
    if (this.useBias) this.outputBias = add("attention_output/bias", [...out], true);
  }

  /** Attention needs a list: use `apply([query, value])`. */
  call(x: Tensor): Tensor {
    throw this.listError(x);
  }

  /**
   * `apply([query, value])`, `apply([query, value, key])` or `apply([query, value, key, mask])`;
   * the second argument is `training` or {@link AttentionCallOptions}.
   */
  override apply(inputs: Tensor | readonly Tensor[], options: boolean | AttentionCallOptions = false): Tensor {
    return this.attend(inputs, options).output;
  }

  /** Like `apply`, but also returns the attention probabilities `[batch, numHeads, T, S]` (before dropout, as Keras). */
  applyWithScores(inputs: Tensor | readonly Tensor[], options: boolean | AttentionCallOptions = false): AttentionResult {
    if (holdsSymbolic(inputs)) throw new TypeError(`${this.name}.applyWithScores: works on concrete tensors only; a functional graph records one output per call`);
    return this.attend(inputs, options);
  }

  /** Output shape `[batch, T, ...outputShape]` for the query's shape (or the list of input shapes). */
  override computeOutputShape(shapes: ShapeSpec | ShapeSpec[]): ShapeSpec {
    const query = (Array.isArray(shapes[0]) ? shapes[0] : shapes) as ShapeSpec;
    return [...query.slice(0, -1), ...(this.outputShape ?? [query[query.length - 1]])];
  }

  private attend(inputs: Tensor | readonly Tensor[], options: boolean | AttentionCallOptions): AttentionResult {
    const opts: AttentionCallOptions = typeof options === "boolean" ? { training: options } : options ?? {};
    const [query, value, key, listMask] = this.checkInputs(inputs);
    if (listMask && opts.attentionMask) throw new TypeError(`${this.name}: give the attention mask either as the fourth input or as the attentionMask option, not both`);
    const shapes = [query, value, key].map((t) => [null, ...t.shape.slice(1)]);
    if (!this.built) {
      this.pendingShapes = shapes;
      this.ensureBuilt(shapes[0]);
      this.pendingShapes = undefined;
    }
    this.checkFeatureSizes(query, value, key);
    const [B, T] = query.shape;
    const S = value.shape[1];
    const H = this.numHeads;
    // Per-head projections: [batch, len, dim] · [dim, H·d] → [batch, H, len, d].
    const project = (x: Tensor, kernel: Tensor, bias: Tensor | undefined, d: number) => {
      let y = matmul(x, kernel.reshape([kernel.shape[0], H * d]));
      if (bias) y = y.add(bias.reshape([H * d]));
      return transpose(y.reshape([B, x.shape[1], H, d]), [0, 2, 1, 3]);
    };
    // Keras scales the query before the product (the same value as scaling the scores).
    const q = mul(project(query, this.queryKernel!, this.queryBias, this.keyDim), 1 / Math.sqrt(this.keyDim));
    const k = project(key, this.keyKernel!, this.keyBias, this.keyDim);
    const v = project(value, this.valueKernel!, this.valueBias, this.valueDim);
    let logits = matmul(q, k, { transposeB: true }); // [B, H, T, S]
    const mask = this.combinedMask(listMask ?? opts.attentionMask ?? null, opts.useCausalMask ?? this.useCausalMask, B, T, S, query);
    let scores: Tensor;
    if (mask) {
      const keep = mask.reshape([mask.shape[0], 1, T, S]);
      logits = where(keep, logits, MASKED_SCORE);
      // Rows with nothing to attend to would be uniform after the softmax; Keras zeroes them.
      scores = mul(softmax(logits, -1), keep);
    } else {
      scores = softmax(logits, -1);
    }
    const dropped = this.dropoutLayer.apply(scores, opts.training ?? false);
    const heads = transpose(matmul(dropped, v), [0, 2, 1, 3]).reshape([B, T, H * this.valueDim]); // [B, T, H·vd]
    const ok = this.outputKernel!;
    const outShape = ok.shape.slice(2);
    const outSize = outShape.reduce((a, d) => a * d, 1);
    let output = matmul(heads, ok.reshape([H * this.valueDim, outSize]));
    if (this.outputBias) output = output.add(this.outputBias.reshape([outSize]));
    return { output: output.reshape([B, T, ...outShape]), scores };
  }

  /** The 0/1 mask `[batch or 1, T, S]` from the attention mask and the causal rule (AND), or null for none. */
  private combinedMask(attentionMask: Tensor | null, causal: boolean, B: number, T: number, S: number, like: Tensor): Tensor | null {
    let mask: Tensor | null = null;
    if (attentionMask !== null) {
      if (!(attentionMask instanceof Tensor)) throw new TypeError(`${this.name}: attentionMask must be a Tensor, got ${typeof attentionMask}`);
      const s = attentionMask.shape;
      if (s.length !== 3 || (s[0] !== B && s[0] !== 1) || s[1] !== T || s[2] !== S) {
        throw new RangeError(`${this.name}: attentionMask must have shape [${B}, ${T}, ${S}] (batch, query length, key length; batch may be 1), got ${shapeToString(s)}`);
      }
      // Keras keeps positions where the mask is true or > 0.5.
      mask = greater(attentionMask, 0.5);
    }
    if (causal) {
      const rows = tensor(Array.from({ length: T }, (_, i) => i), { dtype: like.dtype }).reshape([1, T, 1]);
      const cols = tensor(Array.from({ length: S }, (_, j) => j), { dtype: like.dtype }).reshape([1, 1, S]);
      const lower = greaterEqual(rows, cols); // [1, T, S]: query t sees keys s ≤ t
      mask = mask ? mul(mask, lower) : lower;
    }
    return mask === null || mask.dtype === like.dtype ? mask : mask.cast(like.dtype);
  }

  /** The list as [query, value, key, mask?] with key = value when omitted; errors name the layer and the shapes. */
  private checkInputs(inputs: unknown): [Tensor, Tensor, Tensor, Tensor | undefined] {
    if (!Array.isArray(inputs)) throw this.listError(inputs);
    if (inputs.length < 2 || inputs.length > 4) {
      throw new RangeError(`${this.name}: expects [query, value], [query, value, key] or [query, value, key, attentionMask], got a list of ${inputs.length}`);
    }
    inputs.forEach((t, i) => {
      if (!(t instanceof Tensor)) throw new TypeError(`${this.name}: input ${i} is not a Tensor (got ${t === null ? "null" : typeof t})`);
    });
    const [query, value, key = value, mask] = inputs as Tensor[];
    const named = { query, value, key } as const;
    for (const [name, t] of Object.entries(named)) {
      if (t.rank !== 3) throw new RangeError(`${this.name}: ${name} must have shape [batch, length, features], got ${shapeToString(t.shape)}`);
    }
    if (value.shape[0] !== query.shape[0] || key.shape[0] !== query.shape[0]) {
      throw new RangeError(`${this.name}: query, value and key must have one batch size, got query ${shapeToString(query.shape)}, value ${shapeToString(value.shape)}, key ${shapeToString(key.shape)}`);
    }
    if (key.shape[1] !== value.shape[1]) {
      throw new RangeError(`${this.name}: key and value must have one length (S), got value ${shapeToString(value.shape)} and key ${shapeToString(key.shape)}`);
    }
    return [query, value, key, mask];
  }

  /** The inputs' feature sizes must match the ones the weights were built for. */
  private checkFeatureSizes(query: Tensor, value: Tensor, key: Tensor): void {
    const expected = [this.queryKernel!, this.valueKernel!, this.keyKernel!].map((k) => k.shape[0]);
    const named = [["query", query], ["value", value], ["key", key]] as const;
    named.forEach(([name, t], i) => {
      if (t.shape[2] !== expected[i]) {
        throw new RangeError(`${this.name} expects ${name} shape [*, *, ${expected[i]}] but got ${shapeToString(t.shape)}`);
      }
    });
  }

  private listError(x: unknown): TypeError {
    return new TypeError(`${this.name}: a MultiHeadAttention layer takes a list, apply([query, value]) or apply([query, value, key]); got ${x instanceof Tensor ? `one tensor of shape ${shapeToString(x.shape)}` : typeof x}`);
  }

  /** The constructor arguments as plain JSON (Keras's names and defaults, camelCase). */
  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      numHeads: this.numHeads,
      keyDim: this.keyDim,
      valueDim: this.valueDim,
      dropout: this.dropout,
      useBias: this.useBias,
      outputShape: this.outputShape,
      useCausalMask: this.useCausalMask,
      seed: this.seed,
      ...weightSpecConfig("kernel", this.kernelSpec),
      ...weightSpecConfig("bias", this.biasSpec),
    };
  }

  /** Rebuilds the layer from {@link MultiHeadAttention.getConfig}'s output. */
  static fromConfig(config: LayerConfig): MultiHeadAttention {
    return new MultiHeadAttention(layerArgsWithWeights<MultiHeadAttentionArgs>(config, "kernel", "bias"));
  }
}

/** `nn.layers.multiHeadAttention({ numHeads: 2, keyDim: 8 }).apply([query, value])` — see {@link MultiHeadAttention}. */
export function multiHeadAttention(args: MultiHeadAttentionArgs): MultiHeadAttention {
  return new MultiHeadAttention(args);
}
