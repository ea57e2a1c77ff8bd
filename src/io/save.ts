/**
 * `model.save(dir)` and `nn.saveWeights`: a folder with
 * - `model.json`: the architecture (`model.getConfig()`), the input shape it was built for,
 *   and the compile configuration (optimizer, loss, metrics);
 * - `weights.bin` + `manifest.json`: every weight, exactly (see weights-file.ts).
 * The folder is written atomically (temporary folder, then rename).
 */
import type { Model } from "../models/model";
import { writeDirAtomic } from "./atomic-dir";
import { encodeWeights, MANIFEST_FILE, WEIGHTS_FILE } from "./weights-file";
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
}

/** Model classes that can report the input shape they were built with. */
interface Buildable {
  readonly inputShape?: ShapeSpec;
}

function weightFiles(model: Model, where: string): { [name: string]: string | Uint8Array } {
  const { manifest, bytes } = encodeWeights(model.weights, where);
  return { [MANIFEST_FILE]: JSON.stringify(manifest, null, 1) + "\n", [WEIGHTS_FILE]: bytes };
}

/** Writes the whole model (architecture, compile configuration, weights) to the folder `dir`. */
export function saveModel(model: Model, dir: string): void {
  const where = `${model.name}.save`;
  const compiled = model.isCompiled ? model.compiledState("save").config : null;
  const saved: SavedModel = {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    className: model.className,
    config: model.getConfig(),
    buildInputShape: model.weights.length > 0 ? ((model as unknown as Buildable).inputShape ?? null) : null,
    compileConfig: compiled,
  };
  writeDirAtomic(dir, { [MODEL_FILE]: JSON.stringify(saved, null, 1) + "\n", ...weightFiles(model, where) }, where);
}

/** Writes only the weights (manifest + binary) to the folder `dir`; `nn.loadWeights` reads them back. */
export function saveWeights(model: Model, dir: string): void {
  const where = `${model.name}.saveWeights`;
  writeDirAtomic(dir, weightFiles(model, where), where);
}
