/**
 * Checks a weights payload (nnlab's WeightsData): series → snapshots → layers → histograms.
 * Malformed histograms are dropped (the rest still shows); a payload without any usable
 * series is rejected with a reason. Unknown fields and newer versions are accepted.
 */
import { isObject, readVersionedObject } from '../json';
import { LayerDistributions, TensorHistogram, WeightsData, WeightsSeries, WeightsSnapshot } from 'nnlab/dist/display/mime';

export type ParseWeightsResult = { ok: true; data: WeightsData } | { ok: false; reason: string };

const isNumber = (v: unknown): v is number => typeof v === 'number';
const numbers = (v: unknown): v is number[] => Array.isArray(v) && v.every(isNumber);
/** Statistics may be null in JSON (NaN/Infinity); they are shown as "–". */
const stat = (v: unknown): number => (typeof v === 'number' ? v : NaN);

function histogram(v: unknown): TensorHistogram | undefined {
  if (!isObject(v) || typeof v.name !== 'string' || (v.of !== 'value' && v.of !== 'gradient')) {
    return undefined;
  }
  if (!numbers(v.edges) || !numbers(v.counts) || v.edges.length !== v.counts.length + 1) {
    return undefined;
  }
  return {
    name: v.name,
    of: v.of,
    size: stat(v.size),
    sampled: stat(v.sampled),
    min: stat(v.min),
    max: stat(v.max),
    mean: stat(v.mean),
    std: stat(v.std),
    zeros: stat(v.zeros),
    nonFinite: stat(v.nonFinite),
    norm: stat(v.norm),
    edges: [...v.edges],
    counts: [...v.counts]
  };
}

function layer(v: unknown): LayerDistributions | undefined {
  if (!isObject(v) || typeof v.layer !== 'string' || !Array.isArray(v.tensors)) {
    return undefined;
  }
  const out: LayerDistributions = {
    layer: v.layer,
    className: typeof v.className === 'string' ? v.className : '',
    tensors: v.tensors.map(histogram).filter((h): h is TensorHistogram => h !== undefined)
  };
  if (isNumber(v.deadFraction)) {
    out.deadFraction = v.deadFraction;
  }
  return out;
}

function snapshot(v: unknown): WeightsSnapshot | undefined {
  if (!isObject(v) || !isNumber(v.epoch) || !Array.isArray(v.layers)) {
    return undefined;
  }
  return { epoch: v.epoch, layers: v.layers.map(layer).filter((l): l is LayerDistributions => l !== undefined) };
}

function series(v: unknown): WeightsSeries | undefined {
  if (!isObject(v) || typeof v.label !== 'string' || !Array.isArray(v.snapshots)) {
    return undefined;
  }
  return { label: v.label, snapshots: v.snapshots.map(snapshot).filter((s): s is WeightsSnapshot => s !== undefined) };
}

/** Validates a weights payload; never throws. */
export function parseWeights(raw: unknown): ParseWeightsResult {
  const read = readVersionedObject(raw);
  if (!read.ok) {
    return read;
  }
  const v = read.value;
  if (!Array.isArray(v.series)) {
    return { ok: false, reason: 'series is not a list' };
  }
  const list = v.series.map(series).filter((s): s is WeightsSeries => s !== undefined);
  if (list.length === 0 && v.series.length > 0) {
    return { ok: false, reason: 'no series is readable' };
  }
  return { ok: true, data: { version: v.version, series: list } };
}
