/**
 * Weights on disk: `weights.bin` holds every weight's raw little-endian values back to back
 * (float32 or float64, so the round trip is exact) and `manifest.json` lists each weight's
 * name, shape, dtype and byte range, with the binary file's size and CRC-32. A saved model
 * also keeps its optimizer's slots (Adam's moments, momentum) after the weights, listed in
 * `optimizerSlots`; the one size and CRC-32 cover both.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Tensor } from "../tensor/tensor";
import { bytesPerElement, type DType, type TypedArray } from "../tensor/dtype";
import { shapeToString, sizeOf } from "../tensor/shape";
import { crc32 } from "./crc32";

/** Name of the binary weights file. */
export const WEIGHTS_FILE = "weights.bin";
/** Name of the weights manifest. */
export const MANIFEST_FILE = "manifest.json";
/** The `format` field of manifest.json. */
export const WEIGHTS_FORMAT = "nnlab-weights";
/** The newest manifest version this nnlab writes and reads. */
export const WEIGHTS_FORMAT_VERSION = 1;

/** One weight's entry in the manifest. */
export interface WeightEntry {
  name: string;
  shape: number[];
  dtype: DType;
  /** Byte offset in weights.bin. */
  offset: number;
  byteLength: number;
}

/** One optimizer slot's entry in the manifest: a {@link WeightEntry} plus whose slot it is. */
export interface SlotEntry extends WeightEntry {
  /** Index of the weight (in `model.weights` order) the slot belongs to. */
  weight: number;
  /** The slot's name ("m", "v", "momentum", …). */
  slot: string;
}

/** One optimizer slot's values, to be written after the weights. */
export interface SlotValues {
  /** Index of its weight in the list of weights written. */
  weight: number;
  slot: string;
  values: TypedArray;
}

/** `manifest.json`. */
export interface WeightsManifest {
  format: typeof WEIGHTS_FORMAT;
  version: number;
  weights: WeightEntry[];
  /** The optimizer's slots stored after the weights (models saved with a trained optimizer). */
  optimizerSlots?: SlotEntry[];
  /** Size of weights.bin. */
  byteLength: number;
  /** CRC-32 of weights.bin. */
  crc32: number;
}

function checkLittleEndian(where: string): void {
  if (os.endianness() !== "LE") throw new Error(`${where}: weight files are little-endian and this machine is big-endian`);
}

/** The manifest and the binary contents for `weights`, followed by optimizer `slots` if any. */
export function encodeWeights(weights: Tensor[], where: string, slots: SlotValues[] = []): { manifest: WeightsManifest; bytes: Uint8Array } {
  checkLittleEndian(where);
  const total = weights.reduce((n, w) => n + w.data.byteLength, 0) + slots.reduce((n, s) => n + s.values.byteLength, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  const place = (data: TypedArray, name: string, shape: readonly number[]): WeightEntry => {
    const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    bytes.set(view, offset);
    const entry: WeightEntry = { name, shape: [...shape], dtype: data instanceof Float64Array ? "float64" : "float32", offset, byteLength: view.length };
    offset += view.length;
    return entry;
  };
  const entries = weights.map((w, i) => place(w.data, w.name ?? `weight_${i}`, w.shape));
  const slotEntries: SlotEntry[] = slots.map((s) => {
    const w = weights[s.weight];
    return { ...place(s.values, `${w.name ?? `weight_${s.weight}`}:${s.slot}`, w.shape), weight: s.weight, slot: s.slot };
  });
  return {
    manifest: {
      format: WEIGHTS_FORMAT, version: WEIGHTS_FORMAT_VERSION, weights: entries,
      ...(slotEntries.length > 0 ? { optimizerSlots: slotEntries } : {}),
      byteLength: total, crc32: crc32(bytes),
    },
    bytes,
  };
}

/** Reads and parses a JSON file of a saved folder, with clear errors for missing or corrupt files. */
export function readJson(dir: string, file: string, where: string): unknown {
  const p = path.join(dir, file);
  if (!fs.existsSync(p)) throw new Error(`${where}: ${p} is missing (is ${dir} a folder written by nnlab's save?)`);
  try {
    return JSON.parse(fs.readFileSync(p, "utf8"));
  } catch (e) {
    throw new Error(`${where}: ${p} is corrupt: ${(e as Error).message}`);
  }
}

/** An optimizer slot read back from weights.bin. */
export interface SavedSlot {
  /** Index of its weight in `model.weights` order. */
  weight: number;
  slot: string;
  values: Tensor;
}

/** Reads manifest.json and weights.bin from `dir` and checks them against each other. */
export function readWeights(dir: string, where: string): Tensor[] {
  return readWeightsAndSlots(dir, where).weights;
}

/** Like {@link readWeights}, and also the optimizer slots saved after the weights (none for older folders). */
export function readWeightsAndSlots(dir: string, where: string): { weights: Tensor[]; slots: SavedSlot[] } {
  checkLittleEndian(where);
  const manifest = readJson(dir, MANIFEST_FILE, where) as WeightsManifest;
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!manifest || manifest.format !== WEIGHTS_FORMAT || !Array.isArray(manifest.weights)) {
    throw new Error(`${where}: ${manifestPath} is not an nnlab weights manifest (format ${JSON.stringify(manifest?.format)})`);
  }
  if (manifest.version > WEIGHTS_FORMAT_VERSION) {
    throw new Error(`${where}: ${manifestPath} has format version ${manifest.version}; this nnlab reads up to version ${WEIGHTS_FORMAT_VERSION}`);
  }
  const binPath = path.join(dir, WEIGHTS_FILE);
  if (!fs.existsSync(binPath)) throw new Error(`${where}: ${binPath} is missing`);
  const file = fs.readFileSync(binPath);
  if (file.length !== manifest.byteLength) {
    throw new Error(`${where}: ${binPath} has ${file.length} bytes but the manifest lists ${manifest.byteLength}; the file is truncated or corrupt`);
  }
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.length);
  const crc = crc32(bytes);
  if (crc !== manifest.crc32) throw new Error(`${where}: ${binPath} is corrupt (CRC-32 ${crc} does not match the manifest's ${manifest.crc32})`);
  const decode = (e: WeightEntry, what: string): Tensor => {
    const dtype = e.dtype;
    if (dtype !== "float32" && dtype !== "float64") throw new Error(`${where}: ${what} (${e.name}) in ${manifestPath} has unknown dtype ${JSON.stringify(dtype)}`);
    if (!Array.isArray(e.shape) || e.shape.some((d) => !Number.isInteger(d) || d < 0)) throw new Error(`${where}: ${what} (${e.name}) in ${manifestPath} has an invalid shape ${JSON.stringify(e.shape)}`);
    const size = sizeOf(e.shape);
    if (e.byteLength !== size * bytesPerElement(dtype) || e.offset < 0 || e.offset + e.byteLength > file.length) {
      throw new Error(`${where}: ${what} (${e.name}, shape ${shapeToString(e.shape)}, ${dtype}) does not fit its byte range in ${binPath}`);
    }
    // Copy into a fresh, aligned buffer (the file buffer's offset need not be a multiple of 8).
    const copy = new Uint8Array(e.byteLength);
    copy.set(bytes.subarray(e.offset, e.offset + e.byteLength));
    const data = dtype === "float64" ? new Float64Array(copy.buffer) : new Float32Array(copy.buffer);
    return new Tensor(data, e.shape, { name: e.name });
  };
  const weights = manifest.weights.map((e, i) => decode(e, `weight ${i}`));
  const slots = (manifest.optimizerSlots ?? []).map((e, i) => {
    if (!Number.isInteger(e.weight) || e.weight < 0 || e.weight >= weights.length || typeof e.slot !== "string") {
      throw new Error(`${where}: optimizer slot ${i} (${e.name}) in ${manifestPath} names weight ${JSON.stringify(e.weight)}, but there are ${weights.length} weights`);
    }
    return { weight: e.weight, slot: e.slot, values: decode(e, `optimizer slot ${i}`) };
  });
  return { weights, slots };
}

/** Copies `values` into the model's `weights`, checking count, names' order, shapes and dtypes first. */
export function assignWeights(weights: Tensor[], values: Tensor[], source: string, where: string): void {
  if (values.length !== weights.length) {
    throw new Error(`${where}: ${source} holds ${values.length} weights but the model has ${weights.length} (${weights.map((w) => w.name).join(", ")})`);
  }
  values.forEach((v, i) => {
    const w = weights[i];
    if (v.shape.length !== w.shape.length || v.shape.some((d, j) => d !== w.shape[j]) || v.dtype !== w.dtype) {
      throw new Error(`${where}: weight ${i} (${w.name}) is ${shapeToString(w.shape)} ${w.dtype} in the model but ${v.name} in ${source} is ${shapeToString(v.shape)} ${v.dtype}`);
    }
  });
  values.forEach((v, i) => weights[i].data.set(v.data));
}
