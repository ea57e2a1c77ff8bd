/**
 * Tensors of random values from the seeded generator (`nn.setSeed` makes them reproducible),
 * with tfjs/NumPy-style names: `nn.randomNormal([2, 3])`, `nn.randomUniform([4], { minval: -1 })`.
 */
import { Tensor } from "./tensor";
import { allocate, assertDType, getDefaultDType, type DType } from "./dtype";
import { assertValidShape, sizeOf } from "./shape";
import { random } from "../random/rng";

/** Options shared by the random tensor makers. */
export interface RandomTensorOptions {
  /** Element type (the global default when omitted). */
  dtype?: DType;
}

function filled(shape: readonly number[], dtype: DType | undefined, where: string, draw: () => number): Tensor {
  assertValidShape(shape, where);
  const type = dtype ?? getDefaultDType();
  assertDType(type, where);
  const data = allocate(type, sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = draw();
  return new Tensor(data, shape);
}

function checkFinite(where: string, values: { [name: string]: number }): void {
  for (const [name, v] of Object.entries(values)) {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`${where}: ${name} must be a finite number, got ${typeof v === "number" ? v : JSON.stringify(v)}`);
  }
}

/** Samples from N(mean, stddev²) (NumPy's `np.random.normal`, tfjs's `tf.randomNormal`); defaults 0 and 1. */
export function randomNormal(shape: readonly number[], options: RandomTensorOptions & { mean?: number; stddev?: number } = {}): Tensor {
  const { mean = 0, stddev = 1 } = options;
  checkFinite("randomNormal", { mean, stddev });
  if (stddev < 0) throw new RangeError(`randomNormal: stddev must be ≥ 0, got ${stddev}`);
  const rng = random();
  return filled(shape, options.dtype, "randomNormal", () => mean + stddev * rng.normal());
}

/** Samples uniform in [minval, maxval) (tfjs's `tf.randomUniform`); defaults 0 and 1. */
export function randomUniform(shape: readonly number[], options: RandomTensorOptions & { minval?: number; maxval?: number } = {}): Tensor {
  const { minval = 0, maxval = 1 } = options;
  checkFinite("randomUniform", { minval, maxval });
  if (!(minval < maxval)) throw new RangeError(`randomUniform: minval (${minval}) must be less than maxval (${maxval})`);
  const rng = random();
  return filled(shape, options.dtype, "randomUniform", () => minval + (maxval - minval) * rng.uniform());
}
