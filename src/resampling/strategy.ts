/**
 * Sampling strategies with imbalanced-learn's meaning: which classes to resample and to how
 * many samples.
 */
import type { Label } from "../data/arrays";

/**
 * Which classes to resample and to what size:
 * - `"auto"`: over-samplers use "notMajority", under-samplers "notMinority";
 * - `"minority"` (over-sampling only), `"majority"` (under-sampling only), `"notMinority"`,
 *   `"notMajority"`, `"all"`: every such class to the majority count (over-sampling) or to the
 *   minority count (under-sampling);
 * - a number (two classes only): the desired ratio minority/majority after resampling;
 * - an object `{ label: count }`: the count each listed class should have after resampling.
 */
export type SamplingStrategy = "auto" | "minority" | "majority" | "notMinority" | "notMajority" | "all" | number | Record<string, number>;

/**
 * For each class that is resampled, the number of samples to add (over-sampling) or to keep
 * (under-sampling), as imbalanced-learn's `check_sampling_strategy`.
 */
export function samplingTargets(classes: readonly Label[], counts: readonly number[], strategy: SamplingStrategy, kind: "over" | "under", where: string): Map<number, number> {
  const max = Math.max(...counts);
  const min = Math.min(...counts);
  const majority = counts.indexOf(max);
  const minority = counts.indexOf(min);
  const targets = new Map<number, number>();
  const byName = (s: string): number[] => {
    const all = classes.map((_, k) => k);
    switch (s) {
      case "auto": return byName(kind === "over" ? "notMajority" : "notMinority");
      case "minority":
        if (kind === "under") throw new RangeError(`${where}: samplingStrategy "minority" cannot under-sample (the minority is the smallest already); use "majority", "notMinority", "notMajority" or "all"`);
        return [minority];
      case "majority":
        if (kind === "over") throw new RangeError(`${where}: samplingStrategy "majority" cannot over-sample (the majority is the largest already); use "minority", "notMinority", "notMajority" or "all"`);
        return [majority];
      case "notMinority": return all.filter((k) => k !== minority);
      case "notMajority": return all.filter((k) => k !== majority);
      case "all": return all;
      default: throw new RangeError(`${where}: samplingStrategy "${s}" is unknown; use "auto", "minority", "majority", "notMinority", "notMajority", "all", a ratio or { label: count }`);
    }
  };
  if (classes.length < 2) throw new RangeError(`${where}: y has only one class (${JSON.stringify(classes[0])}); resampling needs at least two`);
  if (typeof strategy === "string") {
    for (const k of byName(strategy)) targets.set(k, kind === "over" ? max - counts[k] : min);
  } else if (typeof strategy === "number") {
    if (classes.length !== 2) throw new RangeError(`${where}: a numeric samplingStrategy (ratio) needs two classes, y has ${classes.length}; pass { label: count } instead`);
    if (!(strategy > 0 && strategy <= 1)) throw new RangeError(`${where}: samplingStrategy ratio must be in (0, 1], got ${strategy}`);
    if (kind === "over") {
      const n = Math.trunc(max * strategy - min);
      if (n < 0) throw new RangeError(`${where}: samplingStrategy ${strategy} would remove samples (the minority already has ${min} of ${max}); over-sampling only adds`);
      targets.set(minority, n);
    } else {
      const n = Math.trunc(min / strategy);
      if (n > max) throw new RangeError(`${where}: samplingStrategy ${strategy} would need ${n} majority samples but there are ${max}; under-sampling only removes`);
      targets.set(majority, n);
    }
  } else if (strategy !== null && typeof strategy === "object") {
    const keys = classes.map((c) => String(c));
    for (const [label, want] of Object.entries(strategy)) {
      const k = keys.indexOf(label);
      if (k < 0) throw new RangeError(`${where}: samplingStrategy names class ${JSON.stringify(label)} which is not in y (classes: ${keys.join(", ")})`);
      if (!Number.isInteger(want) || want < 0) throw new RangeError(`${where}: samplingStrategy count for class ${label} must be a whole number ≥ 0, got ${want}`);
      if (kind === "over" && want < counts[k]) throw new RangeError(`${where}: samplingStrategy asks ${want} samples of class ${label}, fewer than its ${counts[k]}; over-sampling only adds`);
      if (kind === "under" && want > counts[k]) throw new RangeError(`${where}: samplingStrategy asks ${want} samples of class ${label}, more than its ${counts[k]}; under-sampling only removes`);
      targets.set(k, kind === "over" ? want - counts[k] : want);
    }
  } else {
    throw new TypeError(`${where}: samplingStrategy must be a name, a ratio or { label: count }, got ${typeof strategy}`);
  }
  return targets;
}
