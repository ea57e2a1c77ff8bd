/**
 * What SimpleRNN, LSTM and GRU share (Keras's `RNN` around a cell): the arguments, the weights
 * `kernel` [features, gates·units], `recurrentKernel` [units, gates·units] and `bias`, dropout
 * masks fixed for a whole sequence, timestep masks, `goBackwards`, initial states and the
 * returned sequences/states. The cell's arithmetic is the fused op in `recurrent-scan.ts`.
 */
import { Tensor } from "../../tensor/tensor";
import { allocate, type TypedArray } from "../../tensor/dtype";
import { shapeToString } from "../../tensor/shape";
import { concat, mul, reshape, slice, add } from "../../ops";
import { Random, random } from "../../random/rng";
import type { ShapeSpec } from "../../display/mime";
import { Layer, type LayerArgs, type LayerConfig } from "../layer";
import type { InitializerIdentifier } from "../../initializers";
import type { RegularizerIdentifier } from "../../regularizers/regularizer";
import type { ConstraintIdentifier } from "../../constraints/constraint";
import { layerArgsWithWeights, weightSpec, weightSpecConfig, type WeightSpec } from "../weight-spec";
import { cellActivation, type CellActivation } from "./cell-activation";
import { GATES, recurrentScan, type CellKind } from "./recurrent-scan";
import { getSequenceMask, setSequenceMask, type SequenceMask } from "./sequence-mask";

/** Arguments every recurrent layer takes (Keras names and defaults). */
export interface RNNArgs extends LayerArgs {
  /** Size of the state (and of the output at each step). */
  units: number;
  /** Activation of the candidate state (default "tanh"); null is linear. */
  activation?: string | null;
  /** Whether to add biases (default true). */
  useBias?: boolean;
  /** Initializer of the input kernel (default "glorotUniform"). */
  kernelInitializer?: InitializerIdentifier;
  /** Initializer of the recurrent kernel (default "orthogonal"). */
  recurrentInitializer?: InitializerIdentifier;
  /** Initializer of the bias (default "zeros"). */
  biasInitializer?: InitializerIdentifier;
  /** Penalty on the input kernel. */
  kernelRegularizer?: RegularizerIdentifier | null;
  /** Penalty on the recurrent kernel. */
  recurrentRegularizer?: RegularizerIdentifier | null;
  /** Penalty on the bias. */
  biasRegularizer?: RegularizerIdentifier | null;
  /** Constraint on the input kernel. */
  kernelConstraint?: ConstraintIdentifier | null;
  /** Constraint on the recurrent kernel. */
  recurrentConstraint?: ConstraintIdentifier | null;
  /** Constraint on the bias. */
  biasConstraint?: ConstraintIdentifier | null;
  /** Fraction of the inputs dropped in training (one mask per sequence), in [0, 1). */
  dropout?: number;
  /** Fraction of the recurrent state dropped in training (one mask per sequence), in [0, 1). */
  recurrentDropout?: number;
  /** A seed for the dropout masks; without it they come from the global generator (`nn.setSeed`). */
  seed?: number | null;
  /** Return the output of every step [batch, time, units] instead of the last [batch, units]. */
  returnSequences?: boolean;
  /** Also return the final state(s); get them with `applyWithStates`. */
  returnState?: boolean;
  /** Process the sequence backwards (the returned sequence is then in reversed order, as Keras). */
  goBackwards?: boolean;
  /** Keras's stateful mode is not supported: true is an error. */
  stateful?: boolean;
  /** Accepted for Keras compatibility; the computation is the same either way. */
  unroll?: boolean;
}

/** Arguments of the gated layers (LSTM, GRU): those of every recurrent layer and the gates' activation. */
export interface GatedRNNArgs extends RNNArgs {
  /** Activation of the gates (default "sigmoid"). */
  recurrentActivation?: string | null;
}

/** Options of {@link RNNLayer.applyWithStates}. */
export interface RNNCallOptions {
  /** Dropout on (default false). */
  training?: boolean;
  /** Initial state(s), each [batch, units] (LSTM: [h, c]). Default zeros. */
  initialState?: Tensor | Tensor[];
  /** [batch, time] of 1/0 (or booleans): 0 marks padding. Default: the mask attached to the input (Embedding maskZero). */
  mask?: Tensor | SequenceMask;
}

/** The base of SimpleRNN, LSTM and GRU. */
export abstract class RNNLayer extends Layer {
  /** Size of the state. */
  readonly units: number;
  /** Whether biases are added. */
  readonly useBias: boolean;
  /** Input dropout rate. */
  readonly dropout: number;
  /** Recurrent dropout rate. */
  readonly recurrentDropout: number;
  /** Whether every step's output is returned. */
  readonly returnSequences: boolean;
  /** Whether the final states are returned too (by `applyWithStates`). */
  readonly returnState: boolean;
  /** Whether the sequence is processed backwards. */
  readonly goBackwards: boolean;
  /** Always false (stateful RNNs are not supported). */
  readonly stateful = false;
  /** Kept for configs; has no effect. */
  readonly unroll: boolean;
  /** The dropout seed, or null for the global generator. */
  readonly seed: number | null;
  /**
   * Zero the outputs at padded steps instead of repeating the last one (Keras's
   * `zero_output_for_mask`; Bidirectional sets it when returning sequences).
   */
  zeroOutputForMask = false;
  /** Input kernel [features, gates·units], once built. */
  kernel?: Tensor;
  /** Recurrent kernel [units, gates·units], once built. */
  recurrentKernel?: Tensor;
  /** Bias [gates·units] (GRU with resetAfter: [2, gates·units]: input and recurrent biases). */
  bias?: Tensor;
  /** @internal The cell the fused op runs. */
  protected readonly kind: CellKind;
  /** @internal The resolved `activation`. */
  protected readonly act: CellActivation;
  /** @internal The resolved `recurrentActivation` (gates). */
  protected readonly recAct: CellActivation;
  /** @internal Initializer, regularizer and constraint of the kernel. */
  protected readonly kernelSpec: WeightSpec;
  /** @internal Of the recurrent kernel. */
  protected readonly recurrentSpec: WeightSpec;
  /** @internal Of the bias. */
  protected readonly biasSpec: WeightSpec;
  private readonly rng: Random | null;
  private pending?: RNNCallOptions;
  private lastStates: Tensor[] = [];
  private lastInput?: Tensor;

  /** @internal Subclasses pass their automatic-name prefix and cell kind (LSTM and GRU take {@link GatedRNNArgs}). */
  protected constructor(args: RNNArgs | GatedRNNArgs, className: string, kind: CellKind) {
    super(args, className);
    if (!Number.isInteger(args.units) || args.units <= 0) {
      throw new RangeError(`${this.name}: units must be a positive integer, got ${JSON.stringify(args.units)}`);
    }
    for (const key of ["useBias", "returnSequences", "returnState", "goBackwards", "stateful", "unroll"] as const) {
      if (args[key] !== undefined && typeof args[key] !== "boolean") {
        throw new TypeError(`${this.name}: ${key} must be true or false, got ${JSON.stringify(args[key])}`);
      }
    }
    if (args.stateful) {
      throw new RangeError(`${this.name}: stateful RNNs are not supported (stateful must be false); pass the state explicitly with initialState and returnState`);
    }
    for (const key of ["dropout", "recurrentDropout"] as const) {
      const v = args[key];
      if (v !== undefined && (typeof v !== "number" || !(v >= 0 && v < 1))) {
        throw new RangeError(`${this.name}: ${key} must be a number in [0, 1), got ${JSON.stringify(v)}`);
      }
    }
    const seed = args.seed ?? null;
    if (seed !== null && !Number.isFinite(seed)) throw new RangeError(`${this.name}: seed must be a finite number, got ${seed}`);
    this.kind = kind;
    this.units = args.units;
    this.useBias = args.useBias ?? true;
    this.dropout = args.dropout ?? 0;
    this.recurrentDropout = args.recurrentDropout ?? 0;
    this.returnSequences = args.returnSequences ?? false;
    this.returnState = args.returnState ?? false;
    this.goBackwards = args.goBackwards ?? false;
    this.unroll = args.unroll ?? false;
    this.seed = seed;
    this.rng = seed === null ? null : new Random(seed);
    this.act = cellActivation(args.activation === undefined ? "tanh" : args.activation, `${this.name}: activation`);
    // SimpleRNN has no gates (its recurrentActivation is never used: linear).
    const recurrentActivation = kind === "simpleRNN" ? null : (args as GatedRNNArgs).recurrentActivation;
    this.recAct = cellActivation(recurrentActivation === undefined ? "sigmoid" : recurrentActivation, `${this.name}: recurrentActivation`);
    this.kernelSpec = weightSpec(this.name, "kernel", { initializer: args.kernelInitializer, regularizer: args.kernelRegularizer, constraint: args.kernelConstraint }, "glorotUniform");
    this.recurrentSpec = weightSpec(this.name, "recurrent", { initializer: args.recurrentInitializer, regularizer: args.recurrentRegularizer, constraint: args.recurrentConstraint }, "orthogonal");
    this.biasSpec = weightSpec(this.name, "bias", { initializer: args.biasInitializer, regularizer: args.biasRegularizer, constraint: args.biasConstraint }, "zeros");
  }

  /** @internal Gates of the cell: the kernels have gates × units columns. */
  protected get gates(): number {
    return GATES[this.kind];
  }

  /** Number of state tensors (LSTM: h and c). */
  get stateCount(): number {
    return this.kind === "lstm" ? 2 : 1;
  }

  /** @internal Creates the bias (subclasses with a special bias override this). */
  protected buildBias(): void {
    this.bias = this.addWeight("bias", [this.gates * this.units], this.biasSpec.initializer, this.biasSpec);
  }

  override build(inputShape: ShapeSpec): void {
    const features = inputShape[inputShape.length - 1];
    if (inputShape.length !== 3 || features === null) {
      throw new RangeError(`${this.name} expects a 3-D input [batch, timesteps, features] with known features, got shape ${shapeToString(inputShape)}`);
    }
    const width = this.gates * this.units;
    this.kernel = this.addWeight("kernel", [features, width], this.kernelSpec.initializer, this.kernelSpec);
    this.recurrentKernel = this.addWeight("recurrent_kernel", [this.units, width], this.recurrentSpec.initializer, this.recurrentSpec);
    if (this.useBias) this.buildBias();
    this.inputSpec = { ndim: 3, axes: { [-1]: features } };
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return this.returnSequences ? [inputShape[0], inputShape[1], this.units] : [inputShape[0], this.units];
  }

  /**
   * Keras's `layer(x, initial_state=[...])` in array form: `apply([x, h0])` or `apply([x, h0, c0])`.
   * Returns the output; with `returnState`, {@link RNNLayer.applyWithStates} also gives the states.
   */
  override apply(x: Tensor | readonly Tensor[], training = false): Tensor {
    if (Array.isArray(x)) {
      const [seq, ...states] = x as readonly Tensor[];
      return this.applyWithStates(seq, { training, initialState: states.length ? states : undefined })[0];
    }
    return super.apply(x as Tensor, training);
  }

  /**
   * Runs the layer and returns `[output, ...finalStates]` (LSTM: `[output, h, c]`; others:
   * `[output, h]`), with an optional initial state and timestep mask.
   *
   * ```ts
   * const lstm = nn.layers.lstm({ units: 8, returnState: true });
   * const [out, h, c] = lstm.applyWithStates(x);              // x: [batch, time, features]
   * const next = lstm.applyWithStates(x2, { initialState: [h, c] });
   * ```
   */
  applyWithStates(x: Tensor, options: RNNCallOptions = {}): Tensor[] {
    this.pending = options;
    this.lastInput = undefined;
    try {
      const out = super.apply(x, options.training ?? false);
      // On the functional API's symbolic inputs `call` runs on a probe batch, not on x: its states are not x's.
      if (this.lastInput !== x) {
        throw new Error(`${this.name}: applyWithStates needs concrete tensors; on symbolic inputs (nn.input) use apply, which gives the output only`);
      }
      return [out, ...this.lastStates];
    } finally {
      this.pending = undefined;
    }
  }

  /** The input projection x·W (+ input bias), for all steps at once: [batch, time, gates·units]. */
  private inputProjection(x: Tensor, dropMasks: Tensor[] | null): Tensor {
    const [B, T, F] = x.shape;
    const width = this.gates * this.units;
    const inputBias = !this.bias ? null : this.bias.rank === 2 ? reshape(slice(this.bias, [0, 0], [1, width]), [width]) : this.bias;
    let z: Tensor;
    if (!dropMasks || dropMasks.length === 1) {
      const xin = dropMasks ? mul(x, dropMasks[0]) : x;
      z = reshape(xin, [B * T, F]).matmul(this.kernel!);
    } else {
      // One mask per gate (Keras's implementation 1, used with recurrent dropout).
      const parts = dropMasks.map((m, g) => reshape(mul(x, m), [B * T, F]).matmul(slice(this.kernel!, [0, g * this.units], [F, this.units])));
      z = concat(parts, 1);
    }
    if (inputBias) z = add(z, inputBias);
    return reshape(z, [B, T, width]);
  }

  /** A dropout mask of `size` values (0 or 1/(1 − rate)), drawn once per sequence. */
  private dropoutMask(size: number, rate: number): TypedArray {
    const rng = this.rng ?? random();
    const mask = allocate(this.kernel!.dtype, size);
    const scale = 1 / (1 - rate);
    for (let i = 0; i < size; i++) mask[i] = rng.uniform() < 1 - rate ? scale : 0;
    return mask;
  }

  /** @internal The recurrent bias (GRU with resetAfter), else null. */
  protected recurrentBias(): Tensor | null {
    return null;
  }

  /** @internal The GRU's resetAfter (false for the other cells). */
  protected get resetAfterFlag(): boolean {
    return false;
  }

  call(x: Tensor, training: boolean): Tensor {
    const options = this.pending ?? {};
    this.lastInput = x;
    const [B, T, F] = x.shape;
    const U = this.units;
    if (T === 0) throw new RangeError(`${this.name}: the input has no time steps (shape ${shapeToString(x.shape)})`);
    // Keras uses one mask per gate when recurrent dropout is on (implementation 1), else one.
    const perGate = this.recurrentDropout > 0 ? this.gates : 1;
    const dropMasks = training && this.dropout > 0
      ? Array.from({ length: perGate }, () => new Tensor(this.dropoutMask(B * F, this.dropout), [B, 1, F]))
      : null;
    const recMasks = training && this.recurrentDropout > 0
      ? Array.from({ length: this.gates }, () => this.dropoutMask(B * U, this.recurrentDropout))
      : null;
    const xz = this.inputProjection(x, dropMasks);
    const states = this.initialStates(options.initialState, B, x);
    const mask = this.sequenceMask(options.mask ?? getSequenceMask(x), B, T);
    const out = recurrentScan(xz, this.recurrentKernel!, this.recurrentBias(), states, {
      kind: this.kind, units: U, activation: this.act, recurrentActivation: this.recAct, resetAfter: this.resetAfterFlag,
      goBackwards: this.goBackwards, mask: mask?.data ?? null, recurrentMasks: recMasks,
    });
    const S = this.stateCount;
    const last = (k: number) => reshape(slice(out, [0, T - 1, k * U], [B, 1, U]), [B, U]);
    this.lastStates = Array.from({ length: S }, (_, k) => last(k));
    if (!this.returnSequences) return this.lastStates[0];
    let seq = S === 1 ? out : slice(out, [0, 0, 0], [B, T, U]);
    if (mask && this.zeroOutputForMask) {
      const m = allocate(seq.dtype, B * T);
      // The output at step s belongs to time T−1−s when going backwards.
      for (let b = 0; b < B; b++) for (let s = 0; s < T; s++) m[b * T + s] = mask.data[b * T + (this.goBackwards ? T - 1 - s : s)];
      seq = mul(seq, new Tensor(m, [B, T, 1]));
    }
    if (mask) setSequenceMask(seq, mask);
    return seq;
  }

  /** The initial states: given ones checked ([batch, units] each), or zeros. */
  private initialStates(given: Tensor | Tensor[] | undefined, B: number, x: Tensor): Tensor[] {
    const S = this.stateCount;
    if (given === undefined) return Array.from({ length: S }, () => new Tensor(allocate(x.dtype, B * this.units), [B, this.units]));
    const list = given instanceof Tensor ? [given] : given;
    if (!Array.isArray(list) || list.length !== S || !list.every((t) => t instanceof Tensor)) {
      throw new TypeError(`${this.name}: initialState must be ${S === 2 ? "[h, c] (2 tensors)" : "one tensor [batch, units]"}, got ${Array.isArray(list) ? `${list.length} values` : typeof given}`);
    }
    for (const t of list) {
      if (t.rank !== 2 || t.shape[0] !== B || t.shape[1] !== this.units) {
        throw new RangeError(`${this.name}: each initial state must have shape [${B}, ${this.units}], got ${shapeToString(t.shape)}`);
      }
    }
    return list;
  }

  /** A mask argument as [batch, time] bytes, checked against the input. */
  private sequenceMask(mask: Tensor | SequenceMask | undefined, B: number, T: number): SequenceMask | null {
    if (mask === undefined) return null;
    const shape = mask instanceof Tensor ? mask.shape : [...mask.shape];
    if (shape.length !== 2 || shape[0] !== B || shape[1] !== T) {
      throw new RangeError(`${this.name}: the mask must have shape [${B}, ${T}] (batch, time), got ${shapeToString(shape)}`);
    }
    if (!(mask instanceof Tensor)) return mask;
    const data = new Uint8Array(B * T);
    for (let i = 0; i < data.length; i++) data[i] = mask.data[i] !== 0 ? 1 : 0;
    return { data, shape: [B, T] };
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: this.act.name,
      useBias: this.useBias,
      ...weightSpecConfig("kernel", this.kernelSpec),
      ...weightSpecConfig("recurrent", this.recurrentSpec),
      ...weightSpecConfig("bias", this.biasSpec),
      dropout: this.dropout,
      recurrentDropout: this.recurrentDropout,
      seed: this.seed,
      returnSequences: this.returnSequences,
      returnState: this.returnState,
      goBackwards: this.goBackwards,
      stateful: false,
      unroll: this.unroll,
      ...(this.kind === "simpleRNN" ? {} : { recurrentActivation: this.recAct.name }),
    };
  }

  /** Constructor arguments from a config (weight families deserialized). */
  static argsFromConfigFor(config: LayerConfig): RNNArgs {
    return layerArgsWithWeights<RNNArgs>(config, "kernel", "recurrent", "bias");
  }
}
