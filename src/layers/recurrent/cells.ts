/**
 * Recurrent cells: one time step of SimpleRNN, LSTM or GRU, for loops written by hand (Keras's
 * `SimpleRNNCell`, `LSTMCell`, `GRUCell`). A cell has the same weights, options and arithmetic as
 * its layer; `cell.step(x, states)` maps an input [batch, features] and the states to
 * `[output, newStates]`, so looping `step` over the time axis reproduces the layer.
 */
import type { Tensor } from "../../tensor/tensor";
import { reshape } from "../../ops";
import { shapeToString } from "../../tensor/shape";
import type { ShapeSpec } from "../../display/mime";
import type { LayerConfig } from "../layer";
import { RNNLayer, type RNNArgs } from "./rnn-layer";
import { LSTM, type LSTMArgs } from "./lstm";
import { GRU, type GRUArgs } from "./gru";
import { SimpleRNN } from "./simple-rnn";

/** Options a cell does not take: they describe a loop over time, which the caller writes. */
export type RecurrentLoopOptions = "returnSequences" | "returnState" | "goBackwards" | "stateful" | "unroll" | "dropout" | "recurrentDropout" | "seed";

/** Arguments of {@link simpleRNNCell}: those of {@link SimpleRNN} without the loop options. */
export type SimpleRNNCellArgs = Omit<RNNArgs, RecurrentLoopOptions>;
/** Arguments of {@link lstmCell}: those of {@link LSTM} without the loop options. */
export type LSTMCellArgs = Omit<LSTMArgs, RecurrentLoopOptions>;
/** Arguments of {@link gruCell}: those of {@link GRU} without the loop options. */
export type GRUCellArgs = Omit<GRUArgs, RecurrentLoopOptions>;

const LOOP_KEYS: RecurrentLoopOptions[] = ["returnSequences", "returnState", "goBackwards", "stateful", "unroll", "dropout", "recurrentDropout", "seed"];

/** Rejects loop options (a cell is one step; dropout masks belong to the whole sequence, i.e. the layer). */
function cellArgs<T extends object>(args: T, className: string): T {
  const given = LOOP_KEYS.filter((k) => {
    const v = (args as Record<string, unknown>)[k];
    return v !== undefined && v !== null && v !== false && v !== 0;
  });
  if (given.length > 0) {
    throw new RangeError(`${className}: a cell computes one step and takes no ${given.join(", ")}; use the layer (simpleRNN, lstm, gru) for sequence options and dropout`);
  }
  return { ...args, returnState: true };
}

/** What a cell adds to its layer: one time step at a time. */
export interface RecurrentCell {
  /** One step: x [batch, features] and the states → `[output, newStates]` (LSTM: `[h′, [h′, c′]]`). */
  step(x: Tensor, states: Tensor[], training?: boolean): [Tensor, Tensor[]];
}

/** A recurrent layer class as a cell extends it: `new (args, automatic-name prefix)`. */
type LayerClass<A, L> = abstract new (args: A, prefix: string) => L;

/**
 * The cell class of a recurrent layer class: it takes an input [batch, features] for one step
 * (built as the layer on [batch, 1, features]), adds {@link RecurrentCell.step}, and leaves the
 * loop options out of its config. One function serves the three cells; its declared return type
 * names only public members (TypeScript's declaration output rejects a class expression that
 * exposes the layer's protected members), hence the one cast.
 */
function cellOf<A extends object, L extends RNNLayer>(layerClass: LayerClass<A, L>): LayerClass<A, L & RecurrentCell> {
  const Base: LayerClass<A, RNNLayer> = layerClass;
  abstract class Cell extends Base implements RecurrentCell {
    /** `className` is also the automatic-name prefix and the name in errors about loop options. */
    constructor(args: A, className: string) {
      super(cellArgs(args, className), className);
    }

    override build(inputShape: ShapeSpec): void {
      if (inputShape.length !== 2 && inputShape.length !== 3) {
        throw new RangeError(`${this.name} expects a 2-D input [batch, features] for one step, got shape ${shapeToString(inputShape)}`);
      }
      super.build(inputShape.length === 3 ? inputShape : [inputShape[0], 1, inputShape[1]]);
    }

    step(x: Tensor, states: Tensor[], training = false): [Tensor, Tensor[]] {
      if (x.rank !== 2) throw new RangeError(`${this.name}.step expects an input [batch, features], got shape ${shapeToString(x.shape)}`);
      const [, ...newStates] = this.applyWithStates(reshape(x, [x.shape[0], 1, x.shape[1]]), { initialState: states, training });
      return [newStates[0], newStates];
    }

    override getConfig(): LayerConfig {
      const config = super.getConfig();
      for (const k of LOOP_KEYS) delete config[k];
      return config;
    }
  }
  return Cell as unknown as LayerClass<A, L & RecurrentCell>;
}

/**
 * One step of an LSTM (Keras's `LSTMCell`): `step(x, [h, c])` → `[h′, [h′, c′]]`.
 *
 * ```ts
 * const cell = nn.layers.lstmCell({ units: 8 });
 * let states = [nn.zeros([batch, 8]), nn.zeros([batch, 8])];
 * for (const xt of steps) { const [h, next] = cell.step(xt, states); states = next; }
 * ```
 */
export class LSTMCell extends cellOf(LSTM) {
  /** Keras's class name, used in configs and errors. */
  override readonly className: string = "LSTMCell";
  constructor(args: LSTMCellArgs) {
    super(args, "LSTMCell");
  }
  /** Rebuilds the cell from {@link LSTMCell.getConfig}'s output. */
  static fromConfig(config: LayerConfig): LSTMCell {
    return new LSTMCell(RNNLayer.argsFromConfigFor(config) as LSTMCellArgs);
  }
}

/**
 * One step of a GRU (Keras's `GRUCell`): `step(x, [h])` → `[h′, [h′]]`.
 *
 * ```ts
 * const [h, [next]] = nn.layers.gruCell({ units: 4 }).step(xt, [h0]);
 * ```
 */
export class GRUCell extends cellOf(GRU) {
  /** Keras's class name, used in configs and errors. */
  override readonly className: string = "GRUCell";
  constructor(args: GRUCellArgs) {
    super(args, "GRUCell");
  }
  /** Rebuilds the cell from {@link GRUCell.getConfig}'s output. */
  static fromConfig(config: LayerConfig): GRUCell {
    return new GRUCell(RNNLayer.argsFromConfigFor(config) as GRUCellArgs);
  }
}

/**
 * One step of a SimpleRNN (Keras's `SimpleRNNCell`): `step(x, [h])` → `[h′, [h′]]`.
 *
 * ```ts
 * const [h, [next]] = nn.layers.simpleRNNCell({ units: 4 }).step(xt, [h0]);
 * ```
 */
export class SimpleRNNCell extends cellOf(SimpleRNN) {
  /** Keras's class name, used in configs and errors. */
  override readonly className: string = "SimpleRNNCell";
  constructor(args: SimpleRNNCellArgs) {
    super(args, "SimpleRNNCell");
  }
  /** Rebuilds the cell from {@link SimpleRNNCell.getConfig}'s output. */
  static fromConfig(config: LayerConfig): SimpleRNNCell {
    return new SimpleRNNCell(RNNLayer.argsFromConfigFor(config) as SimpleRNNCellArgs);
  }
}

/** `nn.layers.lstmCell({ units: 8 })` — see {@link LSTMCell}. */
export function lstmCell(args: LSTMCellArgs): LSTMCell {
  return new LSTMCell(args);
}

/** `nn.layers.gruCell({ units: 8 })` — see {@link GRUCell}. */
export function gruCell(args: GRUCellArgs): GRUCell {
  return new GRUCell(args);
}

/** `nn.layers.simpleRNNCell({ units: 8 })` — see {@link SimpleRNNCell}. */
export function simpleRNNCell(args: SimpleRNNCellArgs): SimpleRNNCell {
  return new SimpleRNNCell(args);
}
