/**
 * Checks that a summary MIME payload has the shape the renderer needs, and copies
 * the fields it knows into a fresh object.
 *
 * The contract (nnlab's display/mime.ts) says renderers accept newer `version`s and
 * ignore unknown fields, so only the fields the table cannot do without are required.
 * Optional fields of an unexpected type are dropped rather than rejected: a newer
 * library may have changed them, and the table is still useful without them.
 */
import {
  ShapeSpec,
  SummaryData,
  SummaryLayer,
  SummaryWeight,
  WeightStats
} from 'nnlab/dist/display/mime';

import { isObject, JsonObject, readVersionedObject } from './json';

export type ParseResult =
  | { ok: true; summary: SummaryData }
  | { ok: false; reason: string };


/** Thrown inside this module only; `parseSummary` turns it into `{ ok: false }`. */
class Malformed extends Error {}


function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function requireString(obj: JsonObject, key: string, where: string): string {
  const value = obj[key];
  if (typeof value !== 'string') {
    throw new Malformed(`${where}.${key} is not a string`);
  }
  return value;
}

function requireCount(obj: JsonObject, key: string, where: string): number {
  const value = obj[key];
  if (!isCount(value)) {
    throw new Malformed(`${where}.${key} is not a non-negative number`);
  }
  return value;
}

function optionalCount(obj: JsonObject, key: string): number | undefined {
  const value = obj[key];
  return isCount(value) ? value : undefined;
}

function isDim(value: unknown): value is number | null {
  return value === null || typeof value === 'number';
}

function isShape(value: unknown): value is ShapeSpec {
  return Array.isArray(value) && value.every(isDim);
}

function parseShape(value: unknown, where: string): ShapeSpec | ShapeSpec[] | null {
  // null: not known yet (the layer is unbuilt); shown as "?", as Keras does.
  if (value === null) {
    return null;
  }
  if (isShape(value)) {
    return [...value];
  }
  // Several outputs: a non-empty list of shapes.
  if (Array.isArray(value) && value.length > 0 && value.every(isShape)) {
    return value.map(shape => [...shape]);
  }
  throw new Malformed(`${where}.outputShape is not a shape`);
}

/** Value statistics; NaN/Infinity arrive as null in JSON and are kept as NaN (shown as –). */
function parseStats(value: unknown): WeightStats | undefined {
  if (!isObject(value)) {
    return undefined;
  }
  const num = (k: string) => (typeof value[k] === 'number' ? (value[k] as number) : NaN);
  if (!isCount(value.zeros) || !isCount(value.nonFinite)) {
    return undefined;
  }
  return { min: num('min'), max: num('max'), mean: num('mean'), std: num('std'), zeros: value.zeros, nonFinite: value.nonFinite };
}

function parseWeights(value: unknown): SummaryWeight[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const weights: SummaryWeight[] = [];
  for (const w of value) {
    if (
      isObject(w) &&
      typeof w.name === 'string' &&
      Array.isArray(w.shape) &&
      w.shape.every(isCount) &&
      typeof w.dtype === 'string' &&
      typeof w.trainable === 'boolean'
    ) {
      const weight: SummaryWeight = {
        name: w.name,
        shape: [...(w.shape as number[])],
        dtype: w.dtype,
        trainable: w.trainable
      };
      if (typeof w.initializer === 'string') {
        weight.initializer = w.initializer;
      }
      if (typeof w.regularizer === 'string' || w.regularizer === null) {
        weight.regularizer = w.regularizer;
      }
      const stats = parseStats(w.stats);
      if (stats) {
        weight.stats = stats;
      }
      weights.push(weight);
    }
  }
  return weights;
}

function parseLayer(value: unknown, index: number): SummaryLayer {
  const where = `layers[${index}]`;
  if (!isObject(value)) {
    throw new Malformed(`${where} is not an object`);
  }
  const params = requireCount(value, 'params', where);
  // Older or partial producers may omit the trainable flag: a layer is trainable by default.
  const trainable = typeof value.trainable === 'boolean' ? value.trainable : true;
  const layer: SummaryLayer = {
    name: requireString(value, 'name', where),
    className: requireString(value, 'className', where),
    outputShape: parseShape(value.outputShape, where),
    params,
    trainableParams: optionalCount(value, 'trainableParams') ?? (trainable ? params : 0),
    trainable
  };
  if (typeof value.built === 'boolean') {
    layer.built = value.built;
  }
  const connectedTo = value.connectedTo;
  if (
    Array.isArray(connectedTo) &&
    connectedTo.every(name => typeof name === 'string')
  ) {
    layer.connectedTo = [...(connectedTo as string[])];
  }
  const weights = parseWeights(value.weights);
  if (weights !== undefined) {
    layer.weights = weights;
  }
  const multAdds = optionalCount(value, 'multAdds');
  if (multAdds !== undefined) {
    layer.multAdds = multAdds;
  }
  const activationBytes = optionalCount(value, 'activationBytes');
  if (activationBytes !== undefined) {
    layer.activationBytes = activationBytes;
  }
  // A nested model's rows: kept only when every one is readable.
  if (Array.isArray(value.layers)) {
    try {
      layer.layers = value.layers.map((inner, i) => parseLayer(inner, i));
    } catch {
      // Optional detail: the row still shows without it.
    }
  }
  return layer;
}

function parseObject(value: JsonObject): SummaryData {
  const version = value.version;
  if (typeof version !== 'number' || !(version >= 1)) {
    throw new Malformed('version is missing');
  }
  if (!Array.isArray(value.layers)) {
    throw new Malformed('layers is not a list');
  }
  const summary: SummaryData = {
    version,
    name: requireString(value, 'name', 'summary'),
    className: requireString(value, 'className', 'summary'),
    layers: value.layers.map(parseLayer),
    totalParams: requireCount(value, 'totalParams', 'summary'),
    trainableParams: requireCount(value, 'trainableParams', 'summary'),
    nonTrainableParams: requireCount(value, 'nonTrainableParams', 'summary'),
    totalBytes: requireCount(value, 'totalBytes', 'summary'),
    trainableBytes: requireCount(value, 'trainableBytes', 'summary'),
    nonTrainableBytes: requireCount(value, 'nonTrainableBytes', 'summary')
  };
  const optimizerParams = optionalCount(value, 'optimizerParams');
  if (optimizerParams !== undefined) {
    summary.optimizerParams = optimizerParams;
    summary.optimizerBytes = optionalCount(value, 'optimizerBytes');
  }
  return summary;
}

/**
 * Validates a summary payload. Never throws: problems come back as `{ ok: false }`
 * with a short reason for the visible message.
 */
export function parseSummary(data: unknown): ParseResult {
  const read = readVersionedObject(data);
  if (!read.ok) {
    return read;
  }
  try {
    return { ok: true, summary: parseObject(read.value) };
  } catch (error) {
    if (error instanceof Malformed) {
      return { ok: false, reason: error.message };
    }
    return { ok: false, reason: String(error) };
  }
}
