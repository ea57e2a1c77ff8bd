/**
 * `model.save(dir)` and `nn.saveWeights`: a folder with
 * - `model.json`: the architecture (`model.getConfig()`), the input shape it was built for,
 *   and the compile configuration (optimizer, loss, metrics);
 * - `weights.bin` + `manifest.json`: every weight, exactly (see weights-file.ts), and after
 *   them the optimizer's slots (Adam's moments, momentum), so training resumes where it stopped;
 *   the optimizer's step count and scalars are in model.json's `optimizerState`.
 * The folder is written atomically (temporary folder, then rename).
 */
import type { Model } from "../models/model";
import { writeDirAtomic } from "./atomic-dir";
import { encodeWeights, MANIFEST_FILE, WEIGHTS_FILE, type SlotValues } from "./weights-file";
import type { ShapeSpec } from "../display/mime";

/** Name of the architecture + compile configuration file in a saved model folder. */
export const MODEL_FILE = "model.json";
/** The `format` field of model.json. */
export const MODEL_FORMAT = "nnlab-model";
/** The newest model.json version this nnlab writes and reads. */
export const MODEL_FORMAT_VERSION = 1;

/** `model.json`. */
export interface SavedModel {
  format: typeof MODEL_FORMAT;
  version: number;
  className: string;
  config: { [key: string]: unknown };
  /** The input shape the layers were built for (null: not built, no weights). */
  buildInputShape: ShapeSpec | null;
  /** `compile`'s configuration, or null when the model was not compiled. */
  compileConfig: unknown;
  /**
   * The compiled optimizer's step count and extra scalars (its slots are in weights.bin);
   * absent for an uncompiled model and in folders saved by older nnlab versions.
   */
  optimizerState?: SavedOptimizerState;
}

/** The JSON part of a saved optimizer's state. */
export interface SavedOptimizerState {
  /** The optimizer's class ("Adam"): the state is only restored into the same class. */
  className: string;
  /** Steps applied (Keras's `iterations`). */
  iterations: number;
  /** Extra scalar state by name (Nadam's μ product). */
  scalars: { [name: string]: number };
}

/** Model classes that can report the input shape they were built with. */
interface Buildable {
  readonly inputShape?: ShapeSpec;
}

function weightFiles(model: Model, where: string, slots: SlotValues[] = []): { [name: string]: string | Uint8Array } {
  const { manifest, bytes } = encodeWeights(model.weights, where, slots);
  return { [MANIFEST_FILE]: JSON.stringify(manifest, null, 1) + "\n", [WEIGHTS_FILE]: bytes };
}

/** The compiled optimizer's state for `model.weights`: scalars for model.json, slots for weights.bin. */
function optimizerState(model: Model): { state?: SavedOptimizerState; slots: SlotValues[] } {
  const optimizer = model.optimizer;
  if (!optimizer) return { slots: [] };
  const { iterations, scalars, slots } = optimizer.exportState(model.weights);
  return {
    state: { className: optimizer.className, iterations, scalars },
    // exportState copies the slots in the variables' own dtype, so they are written exactly.
    slots: slots.flatMap((s, weight) => (s === null ? [] : Object.entries(s).map(([slot, values]) => ({ weight, slot, values: values as SlotValues["values"] })))),
  };
}

/** Writes the whole model (architecture, compile configuration, weights, optimizer state) to the folder `dir`. */
export function saveModel(model: Model, dir: string): void {
  const where = `${model.name}.save`;
  const compiled = model.isCompiled ? model.compiledState("save").config : null;
  const optimizer = optimizerState(model);
  const saved: SavedModel = {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    className: model.className,
    config: model.getConfig(),
    buildInputShape: model.weights.length > 0 ? ((model as unknown as Buildable).inputShape ?? null) : null,
    compileConfig: compiled,
    ...(optimizer.state ? { optimizerState: optimizer.state } : {}),
  };
  writeDirAtomic(dir, { [MODEL_FILE]: JSON.stringify(saved, null, 1) + "\n", ...weightFiles(model, where, optimizer.slots) }, where);
}

/** Writes only the weights (manifest + binary) to the folder `dir`; `nn.loadWeights` reads them back. */
export function saveWeights(model: Model, dir: string): void {
  const where = `${model.name}.saveWeights`;
  writeDirAtomic(dir, weightFiles(model, where), where);
}
