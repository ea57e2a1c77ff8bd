/**
 * A small Gaussian process for Bayesian optimisation: a Matérn 5/2 kernel on [0, 1]ᵈ, targets
 * standardised, the length scale chosen by maximum marginal likelihood over a grid, and the
 * expected improvement acquisition (for minimisation).
 */

function matern52(a: readonly number[], b: readonly number[], lengthScale: number): number {
  let d2 = 0;
  for (let i = 0; i < a.length; i++) d2 += (a[i] - b[i]) ** 2;
  const r = Math.sqrt(5 * d2) / lengthScale;
  return (1 + r + (r * r) / 3) * Math.exp(-r);
}

/** Cholesky factor L (lower) of a symmetric positive-definite matrix. */
function cholesky(a: number[][]): number[][] {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      l[i][j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j][j];
    }
  }
  return l;
}

function solveLower(l: number[][], b: number[]): number[] {
  const x = new Array<number>(b.length);
  for (let i = 0; i < b.length; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i][k] * x[k];
    x[i] = s / l[i][i];
  }
  return x;
}

function solveUpper(l: number[][], b: number[]): number[] {
  const n = b.length;
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k][i] * x[k];
    x[i] = s / l[i][i];
  }
  return x;
}

/** A fitted Gaussian process: posterior mean and standard deviation at new points. */
export class GaussianProcess {
  private l: number[][] = [];
  private alpha: number[] = [];
  private mean = 0;
  private scale = 1;
  /** The chosen length scale. */
  lengthScale = 0.2;

  constructor(private readonly xs: number[][], ys: number[], private readonly noise = 1e-6) {
    const n = ys.length;
    this.mean = ys.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(ys.reduce((a, b) => a + (b - this.mean) ** 2, 0) / n);
    this.scale = sd > 0 ? sd : 1;
    const y = ys.map((v) => (v - this.mean) / this.scale);
    let best = -Infinity;
    for (const ls of [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2]) {
      const { l, alpha, logLik } = this.fit(y, ls);
      if (logLik > best) {
        best = logLik;
        this.l = l;
        this.alpha = alpha;
        this.lengthScale = ls;
      }
    }
  }

  private fit(y: number[], ls: number): { l: number[][]; alpha: number[]; logLik: number } {
    const k = this.xs.map((a, i) => this.xs.map((b, j) => matern52(a, b, ls) + (i === j ? this.noise : 0)));
    const l = cholesky(k);
    const alpha = solveUpper(l, solveLower(l, y));
    const logDet = l.reduce((s, row, i) => s + Math.log(row[i]), 0);
    return { l, alpha, logLik: -0.5 * y.reduce((s, v, i) => s + v * alpha[i], 0) - logDet };
  }

  /** Posterior mean and standard deviation at x (in the targets' units). */
  predict(x: number[]): {
    /** Posterior mean. */
    mean: number;
    /** Posterior standard deviation. */
    std: number;
  } {
    const ks = this.xs.map((a) => matern52(a, x, this.lengthScale));
    const mu = ks.reduce((s, v, i) => s + v * this.alpha[i], 0);
    const v = solveLower(this.l, ks);
    const variance = Math.max(1 + this.noise - v.reduce((s, t) => s + t * t, 0), 1e-12);
    return { mean: this.mean + this.scale * mu, std: this.scale * Math.sqrt(variance) };
  }
}

/** Standard normal density and distribution function. */
function phi(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}
function bigPhi(z: number): number {
  // Abramowitz–Stegun 7.1.26 on erf is accurate to 1.5e-7: ample for ranking candidates.
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Expected improvement below `best` (minimisation) of a normal prediction, with exploration margin ξ. */
export function expectedImprovement(mean: number, std: number, best: number, xi = 0.01): number {
  if (std <= 0) return Math.max(0, best - mean - xi);
  const z = (best - mean - xi) / std;
  return (best - mean - xi) * bigPhi(z) + std * phi(z);
}
