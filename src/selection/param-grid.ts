/**
 * Candidate parameter sets of a search: every combination of a grid (scikit-learn's
 * `ParameterGrid`), or random draws from distributions (`ParameterSampler`).
 */
import { Random } from "../random/rng";
import { isDistribution, type Distribution } from "./distributions";

/** Parameters of one candidate: name → value. */
export type Params = { [name: string]: unknown };

/** A grid: name → candidate values; or a list of grids (their candidates are concatenated). */
export type ParamGrid = { [name: string]: readonly unknown[] } | readonly { [name: string]: readonly unknown[] }[];

/** Distributions to sample: name → distribution, or a list of values (uniform choice). */
export type ParamDistributions = { [name: string]: Distribution<unknown> | readonly unknown[] };

function checkGrid(grid: { [name: string]: readonly unknown[] }, where: string): void {
  if (!grid || typeof grid !== "object") throw new TypeError(`${where}: the parameter grid must be an object of name → values, got ${JSON.stringify(grid)}`);
  for (const [k, v] of Object.entries(grid)) {
    if (!Array.isArray(v)) throw new TypeError(`${where}: parameter "${k}" must have an array of candidate values, got ${JSON.stringify(v)}`);
    if (v.length === 0) throw new RangeError(`${where}: parameter "${k}" has no candidate values`);
  }
}

/**
 * Every combination, in scikit-learn's order: names sorted, the last name varying fastest.
 * The number of candidates is the product of the numbers of values (not a factorial).
 */
export function parameterGrid(grid: ParamGrid, where = "parameterGrid"): Params[] {
  const grids = Array.isArray(grid) ? grid : [grid as { [name: string]: readonly unknown[] }];
  const out: Params[] = [];
  for (const g of grids) {
    checkGrid(g, where);
    const keys = Object.keys(g).sort();
    let combos: Params[] = [{}];
    for (const k of keys) combos = combos.flatMap((c) => g[k].map((v: unknown) => ({ ...c, [k]: v })));
    out.push(...combos);
  }
  return out;
}

/**
 * `nIter` random candidates. When every parameter is a list, candidates are drawn from the grid
 * without replacement (at most the grid's size), as scikit-learn; otherwise each parameter is
 * drawn independently (names in sorted order) from its distribution or list.
 */
export function parameterSampler(distributions: ParamDistributions, nIter: number, seed: number | undefined, rng: Random, where = "parameterSampler"): Params[] {
  if (!distributions || typeof distributions !== "object" || Array.isArray(distributions)) {
    throw new TypeError(`${where}: paramDistributions must be an object of name → distribution or list, got ${JSON.stringify(distributions)}`);
  }
  if (!Number.isInteger(nIter) || nIter < 1) throw new RangeError(`${where}: nIter must be a whole number ≥ 1, got ${nIter}`);
  const r = seed === undefined ? rng : new Random(seed);
  const keys = Object.keys(distributions).sort();
  for (const k of keys) {
    const d = distributions[k];
    if (!isDistribution(d) && !(Array.isArray(d) && d.length > 0)) {
      throw new TypeError(`${where}: parameter "${k}" must be a distribution (uniform, logUniform, randInt, choice) or a non-empty list, got ${JSON.stringify(d)}`);
    }
  }
  if (keys.every((k) => Array.isArray(distributions[k]))) {
    const grid = parameterGrid(distributions as { [name: string]: readonly unknown[] }, where);
    return r.permutation(grid.length).slice(0, Math.min(nIter, grid.length)).map((i) => grid[i]);
  }
  return Array.from({ length: nIter }, () => {
    const p: Params = {};
    for (const k of keys) {
      const d = distributions[k];
      p[k] = Array.isArray(d) ? d[r.int(d.length)] : (d as Distribution<unknown>).sample(r);
    }
    return p;
  });
}
