/**
 * Orthogonal initialization (Saxe et al. 2014), as Keras 3: the weight, flattened to
 * rows = Π shape[:−1] by cols = shape[−1], gets orthonormal columns (or rows, when wide),
 * times `gain`. Q comes from the QR factorization of a Gaussian matrix, with each column
 * multiplied by the sign of R's diagonal so that Q is uniformly (Haar) distributed.
 */
import { Tensor } from "../tensor/tensor";
import { allocate } from "../tensor/dtype";
import { sizeOf } from "../tensor/shape";
import { checkNumber, checkSeed, configuredInitializer, initializerFactory, type InitializerFactory, type SeedOption } from "./initializer";

/** Options of {@link orthogonal}. */
export interface OrthogonalOptions extends SeedOption {
  /** Factor applied to the orthogonal matrix (default 1). */
  gain?: number;
}

/**
 * The sign-corrected thin Q of a tall matrix `a` (rows ≥ cols, row-major, float64), by Householder
 * reflections: a = Q·R with R's diagonal made positive, which makes Q unique. Returns Q (rows × cols).
 */
export function signCorrectedQ(a: Float64Array, rows: number, cols: number): Float64Array {
  if (rows < cols) throw new RangeError(`signCorrectedQ: expected rows ≥ cols, got ${rows} × ${cols}`);
  const r = Float64Array.from(a);
  const reflectors: Float64Array[] = [];
  const diag = new Float64Array(cols);
  for (let k = 0; k < cols; k++) {
    // v reflects column k below the diagonal onto −sign(x₀)‖x‖·e₁ (the sign avoids cancellation).
    let norm = 0;
    for (let i = k; i < rows; i++) norm += r[i * cols + k] * r[i * cols + k];
    norm = Math.sqrt(norm);
    const x0 = r[k * cols + k];
    const alpha = x0 > 0 ? -norm : norm;
    const v = new Float64Array(rows - k);
    for (let i = k; i < rows; i++) v[i - k] = r[i * cols + k];
    v[0] -= alpha;
    let vNorm = 0;
    for (let i = 0; i < v.length; i++) vNorm += v[i] * v[i];
    vNorm = Math.sqrt(vNorm);
    if (vNorm > 0) for (let i = 0; i < v.length; i++) v[i] /= vNorm;
    // R ← (I − 2vvᵀ)R on rows k.., columns k..
    for (let j = k; j < cols; j++) {
      let dot = 0;
      for (let i = k; i < rows; i++) dot += v[i - k] * r[i * cols + j];
      for (let i = k; i < rows; i++) r[i * cols + j] -= 2 * v[i - k] * dot;
    }
    reflectors.push(v);
    diag[k] = r[k * cols + k];
  }
  // Q = H₀H₁…H_{n−1}·[I; 0]: apply the reflectors to the first `cols` columns of the identity, last first.
  const q = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) q[j * cols + j] = 1;
  for (let k = cols - 1; k >= 0; k--) {
    const v = reflectors[k];
    for (let j = 0; j < cols; j++) {
      let dot = 0;
      for (let i = k; i < rows; i++) dot += v[i - k] * q[i * cols + j];
      for (let i = k; i < rows; i++) q[i * cols + j] -= 2 * v[i - k] * dot;
    }
  }
  // Q·diag(sign(R_kk)) with R·… keeps A = QR and makes R's diagonal positive.
  for (let j = 0; j < cols; j++) {
    if (diag[j] < 0) for (let i = 0; i < rows; i++) q[i * cols + j] = -q[i * cols + j];
  }
  return q;
}

/** `orthogonal({ gain: 1, seed })`: an (semi-)orthogonal matrix, for weights of rank ≥ 2. */
export const orthogonal: InitializerFactory<OrthogonalOptions> = initializerFactory("orthogonal", (options: OrthogonalOptions) => {
  const gain = checkNumber(options.gain ?? 1, "orthogonal", "gain");
  const seed = checkSeed(options.seed, "orthogonal");
  return configuredInitializer("orthogonal", "Orthogonal", { seed: seed ?? null, gain }, (shape, dtype, rng) => {
    if (shape.length < 2) {
      throw new RangeError(`orthogonal initializer: the weight must have rank ≥ 2, got shape [${shape.join(", ")}] of rank ${shape.length}`);
    }
    const rows = sizeOf(shape.slice(0, -1));
    const cols = shape[shape.length - 1];
    const tall = rows >= cols;
    const m = Math.max(rows, cols);
    const n = Math.min(rows, cols);
    const gaussian = new Float64Array(m * n);
    for (let i = 0; i < gaussian.length; i++) gaussian[i] = rng.normal();
    const q = signCorrectedQ(gaussian, m, n);
    const out = allocate(dtype, rows * cols);
    // A wide weight takes Qᵀ (orthonormal rows).
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) out[i * cols + j] = gain * (tall ? q[i * n + j] : q[j * n + i]);
    }
    return new Tensor(out, shape);
  });
});
