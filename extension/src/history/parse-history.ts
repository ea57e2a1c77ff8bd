/**
 * Checks a history payload (nnlab's HistoryData) and copies the fields the dashboard
 * uses. Required: what the charts cannot do without; optional fields of the wrong type
 * are dropped; unknown fields and newer versions are accepted (the contract's rule).
 */
import { isObject, readVersionedObject } from '../json';
import { HistoryBatches, HistoryData, HistoryProgress, RunStatus } from 'nnlab/dist/display/mime';

export type ParseHistoryResult = { ok: true; data: HistoryData } | { ok: false; reason: string };

/** JSON turns NaN and ±Infinity into null: such values are kept as null and never drawn. */
const isNumberList = (v: unknown): v is (number | null)[] => Array.isArray(v) && v.every(x => x === null || typeof x === 'number');
const STATUSES: RunStatus[] = ['running', 'finished', 'stopped'];

function metricMap(v: unknown): { [k: string]: number[] } | undefined {
  if (!isObject(v) || !Object.values(v).every(isNumberList)) {
    return undefined;
  }
  return Object.fromEntries(Object.entries(v).map(([k, list]) => [k, [...(list as number[])]]));
}

function batches(v: unknown): HistoryBatches | undefined {
  if (!isObject(v) || !isNumberList(v.x) || typeof v.stride !== 'number') {
    return undefined;
  }
  const metrics = metricMap(v.metrics);
  return metrics ? { x: [...(v.x as number[])], metrics, stride: v.stride } : undefined;
}

function progress(v: unknown): HistoryProgress | undefined {
  if (!isObject(v)) {
    return undefined;
  }
  const { epoch, batch, samplesPerSecond, elapsedSeconds, etaSeconds } = v;
  if ([epoch, batch, samplesPerSecond, elapsedSeconds].every(x => typeof x === 'number') && (etaSeconds === null || typeof etaSeconds === 'number')) {
    return { epoch, batch, samplesPerSecond, elapsedSeconds, etaSeconds } as HistoryProgress;
  }
  return undefined;
}

/** Validates a history payload; never throws. */
export function parseHistory(raw: unknown): ParseHistoryResult {
  const read = readVersionedObject(raw);
  if (!read.ok) {
    return read;
  }
  const v = read.value;
  if (typeof v.runId !== 'string') {
    return { ok: false, reason: 'runId is not a string' };
  }
  if (!STATUSES.includes(v.status as RunStatus)) {
    return { ok: false, reason: `status is not one of ${STATUSES.join(', ')}` };
  }
  if (typeof v.epochs !== 'number' || typeof v.steps !== 'number') {
    return { ok: false, reason: 'epochs or steps is not a number' };
  }
  if (!isNumberList(v.epoch)) {
    return { ok: false, reason: 'epoch is not a list of numbers' };
  }
  const metrics = metricMap(v.metrics);
  if (!metrics) {
    return { ok: false, reason: 'metrics is not a map of number lists' };
  }
  const data: HistoryData = {
    version: v.version,
    runId: v.runId,
    status: v.status as RunStatus,
    epochs: v.epochs,
    steps: v.steps,
    epoch: [...(v.epoch as number[])],
    metrics
  };
  if (typeof v.model === 'string') {
    data.model = v.model;
  }
  if (v.stopReason === 'user' || v.stopReason === 'callback') {
    data.stopReason = v.stopReason;
  }
  if (typeof v.samples === 'number') {
    data.samples = v.samples;
  }
  if (isNumberList(v.learningRate)) {
    data.learningRate = [...(v.learningRate as number[])];
  }
  const b = batches(v.batches);
  if (b) {
    data.batches = b;
  }
  const p = progress(v.progress);
  if (p) {
    data.progress = p;
  }
  return { ok: true, data };
}
