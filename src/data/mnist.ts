/**
 * MNIST and Fashion-MNIST from the standard IDX files a user already has (nothing is
 * downloaded). Files may be gzipped (`.gz`) or not.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { Tensor } from "../tensor/tensor";

/** The four standard file names (without `.gz`). */
export const MNIST_FILES = {
  /** 60,000 training images. */
  trainImages: "train-images-idx3-ubyte",
  /** Their labels. */
  trainLabels: "train-labels-idx1-ubyte",
  /** 10,000 test images. */
  testImages: "t10k-images-idx3-ubyte",
  /** Their labels. */
  testLabels: "t10k-labels-idx1-ubyte",
} as const;

/** A split: images `[n, 28, 28]` scaled to [0, 1] (float32) and labels `[n]`. */
export interface ImageSplit {
  /** Pixel values / 255. */
  x: Tensor;
  /** Class indices 0–9. */
  y: Tensor;
}

/** Reads an IDX file (ubyte data) into its dimensions and bytes. */
export function readIdx(file: string): {
  /** The dimensions from the header, e.g. `[60000, 28, 28]`. */
  shape: number[];
  /** The values, row-major. */
  data: Uint8Array;
} {
  let buf = fs.readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
  if (buf.length < 4 || buf[0] !== 0 || buf[1] !== 0) throw new RangeError(`readIdx: ${file} is not an IDX file (bad magic number)`);
  if (buf[2] !== 0x08) throw new RangeError(`readIdx: ${file} holds type 0x${buf[2].toString(16)}; only unsigned bytes (0x08) are supported`);
  const rank = buf[3];
  const shape = Array.from({ length: rank }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  const size = shape.reduce((a, b) => a * b, 1);
  const offset = 4 + 4 * rank;
  if (buf.length - offset !== size) throw new RangeError(`readIdx: ${file} should hold ${size} values for shape [${shape.join(", ")}] but holds ${buf.length - offset}`);
  return { shape, data: new Uint8Array(buf.buffer, buf.byteOffset + offset, size) };
}

function locate(dir: string, name: string, dataset: string): string {
  for (const candidate of [name, `${name}.gz`, name.replace(/-idx(\d)-/, ".idx$1-")]) {
    const p = path.join(dir, candidate);
    if (fs.existsSync(p)) return p;
  }
  throw new Error(`${dataset}: missing file ${name} (or ${name}.gz) in ${path.resolve(dir)}; put the four standard IDX files there (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, gzipped or not). nnlab downloads nothing.`);
}

function loadSplit(dir: string, images: string, labels: string, dataset: string): ImageSplit {
  const img = readIdx(locate(dir, images, dataset));
  const lab = readIdx(locate(dir, labels, dataset));
  if (img.shape.length !== 3) throw new RangeError(`${dataset}: ${images} should be 3-D [n, rows, cols], got [${img.shape.join(", ")}]`);
  if (lab.shape.length !== 1 || lab.shape[0] !== img.shape[0]) throw new RangeError(`${dataset}: ${labels} has ${lab.shape[0]} labels but ${images} has ${img.shape[0]} images`);
  const x = new Float32Array(img.data.length);
  for (let i = 0; i < x.length; i++) x[i] = img.data[i] / 255;
  return { x: new Tensor(x, img.shape), y: new Tensor(Float32Array.from(lab.data), lab.shape) };
}

/** MNIST's train and test splits from `dir` (the four IDX files, gzipped or not). */
export function loadMnist(dir: string): {
  /** The 60,000 training images. */
  train: ImageSplit;
  /** The 10,000 test images. */
  test: ImageSplit;
} {
  return {
    train: loadSplit(dir, MNIST_FILES.trainImages, MNIST_FILES.trainLabels, "loadMnist"),
    test: loadSplit(dir, MNIST_FILES.testImages, MNIST_FILES.testLabels, "loadMnist"),
  };
}

/** Fashion-MNIST (same file names and format as MNIST) from `dir`. */
export function loadFashionMnist(dir: string): {
  /** The 60,000 training images. */
  train: ImageSplit;
  /** The 10,000 test images. */
  test: ImageSplit;
} {
  return {
    train: loadSplit(dir, MNIST_FILES.trainImages, MNIST_FILES.trainLabels, "loadFashionMnist"),
    test: loadSplit(dir, MNIST_FILES.testImages, MNIST_FILES.testLabels, "loadFashionMnist"),
  };
}
