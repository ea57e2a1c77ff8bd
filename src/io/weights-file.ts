/**
 * Weights on disk: `weights.bin` holds every weight's raw little-endian values back to back
 * (float32 or float64, so the round trip is exact) and `manifest.json` lists each weight's
 * name, shape, dtype and byte range, with the binary file's size and CRC-32.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Tensor } from "../tensor/tensor";
import { bytesPerElement, type DType } from "../tensor/dtype";
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

/** `manifest.json`. */
export interface WeightsManifest {
  format: typeof WEIGHTS_FORMAT;
  version: number;
  weights: WeightEntry[];
  /** Size of weights.bin. */
  byteLength: number;
  /** CRC-32 of weights.bin. */
  crc32: number;
}

function checkLittleEndian(where: string): void {
  if (os.endianness() !== "LE") throw new Error(`${where}: weight files are little-endian and this machine is big-endian`);
}

/** The manifest and the binary contents for `weights`. */
export function encodeWeights(weights: Tensor[], where: string): { manifest: WeightsManifest; bytes: Uint8Array } {
  checkLittleEndian(where);
  const total = weights.reduce((n, w) => n + w.data.byteLength, 0);
  const bytes = new Uint8Array(total);
  const entries: WeightEntry[] = [];
  let offset = 0;
  weights.forEach((w, i) => {
    const view = new Uint8Array(w.data.buffer, w.data.byteOffset, w.data.byteLength);
    bytes.set(view, offset);
    entries.push({ name: w.name ?? `weight_${i}`, shape: [...w.shape], dtype: w.dtype, offset, byteLength: view.length });
    offset += view.length;
  });
  return {
    manifest: { format: WEIGHTS_FORMAT, version: WEIGHTS_FORMAT_VERSION, weights: entries, byteLength: total, crc32: crc32(bytes) },
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

/** Reads manifest.json and weights.bin from `dir` and checks them against each other. */
export function readWeights(dir: string, where: string): Tensor[] {
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
  return manifest.weights.map((e, i) => {
    const dtype = e.dtype;
    if (dtype !== "float32" && dtype !== "float64") throw new Error(`${where}: weight ${i} (${e.name}) in ${manifestPath} has unknown dtype ${JSON.stringify(dtype)}`);
    if (!Array.isArray(e.shape) || e.shape.some((d) => !Number.isInteger(d) || d < 0)) throw new Error(`${where}: weight ${i} (${e.name}) in ${manifestPath} has an invalid shape ${JSON.stringify(e.shape)}`);
    const size = sizeOf(e.shape);
    if (e.byteLength !== size * bytesPerElement(dtype) || e.offset < 0 || e.offset + e.byteLength > file.length) {
      throw new Error(`${where}: weight ${i} (${e.name}, shape ${shapeToString(e.shape)}, ${dtype}) does not fit its byte range in ${binPath}`);
    }
    // Copy into a fresh, aligned buffer (the file buffer's offset need not be a multiple of 8).
    const copy = new Uint8Array(e.byteLength);
    copy.set(bytes.subarray(e.offset, e.offset + e.byteLength));
    const data = dtype === "float64" ? new Float64Array(copy.buffer) : new Float32Array(copy.buffer);
    return new Tensor(data, e.shape, { name: e.name });
  });
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
