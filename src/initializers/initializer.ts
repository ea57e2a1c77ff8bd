/**
 * What an initializer is, and the machinery every initializer shares: Keras's fan
 * computation, seeding, and the two ways each initializer can be used —
 * `heNormal([784, 128])` draws a tensor with the defaults; `heNormal({ seed: 1 })` returns an
 * initializer with its options fixed (a function that also describes itself as Keras does).
 */
import { Tensor } from "../tensor/tensor";
import { allocate, assertDType, getDefaultDType, type DType } from "../tensor/dtype";
import { assertValidShape, sizeOf } from "../tensor/shape";
import { random, Random } from "../random/rng";

/** Makes the initial value of a weight of `shape` (in `dtype`, the global default when omitted). */
export type Initializer = (shape: readonly number[], dtype?: DType) => Tensor;

/** An initializer given by id ("glorotUniform", "he_normal", …) or as a function. */
export type InitializerIdentifier = string | Initializer;

/**
 * An initializer with its options fixed, made by a factory (`nn.initializers.heNormal({ seed: 1 })`).
 * It carries Keras's serialized form: `className` ("HeNormal") and `getConfig()` (`{ seed: 1 }`).
 */
export interface ConfiguredInitializer extends Initializer {
  /** Keras's class name ("HeNormal", "RandomUniform", …). */
  readonly className: string;
  /** The options, with Keras's keys (`{ mean, stddev, seed }`, `{ scale, mode, distribution, seed }`, …). */
  getConfig(): { [key: string]: unknown };
}

/**
 * An initializer family: called with a shape it draws a tensor with the default options;
 * called with options (or nothing) it returns a {@link ConfiguredInitializer}.
 */
export interface InitializerFactory<O> {
  /** Draws a tensor of `shape` with the default options. */
  (shape: readonly number[], dtype?: DType): Tensor;
  /** An initializer with `options` fixed. */
  (options?: O): ConfiguredInitializer;
}

/** The `seed` option every random initializer takes. */
export interface SeedOption {
  /**
   * Makes the initializer deterministic on its own: every call with the same shape returns the
   * same values (Keras 3's behaviour for seeded initializers). Without it, values come from the
   * global generator, which `nn.setSeed` fixes.
   */
  seed?: number;
}

/** Keras's fan computation for dense and convolution kernels: [in, out] → fanIn = in, fanOut = out. */
export function computeFans(shape: readonly number[]): {
  /** Inputs per output unit: `in`, times the receptive field size for convolutions. */
  fanIn: number;
  /** Outputs per input unit: `out`, times the receptive field size for convolutions. */
  fanOut: number;
} {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  // Convolution kernels [...spatial, in, out]: the receptive field multiplies both fans.
  const receptive = sizeOf(shape.slice(0, -2));
  return { fanIn: shape[shape.length - 2] * receptive, fanOut: shape[shape.length - 1] * receptive };
}

/** A tensor of `shape` whose entries are drawn one by one from `sample`. */
export function filled(shape: readonly number[], dtype: DType, sample: () => number): Tensor {
  const data = allocate(dtype, sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = sample();
  return new Tensor(data, shape);
}

/** How a configured initializer makes its tensor from a checked shape, dtype and generator. */
export type Draw = (shape: readonly number[], dtype: DType, rng: Random) => Tensor;

/**
 * A {@link ConfiguredInitializer}: checks the shape and dtype, picks the generator (a fresh one
 * from `config.seed`, else the global one) and calls `draw`. `id` is the function's name.
 */
export function configuredInitializer(id: string, className: string, config: { [key: string]: unknown }, draw: Draw): ConfiguredInitializer {
  const frozen = Object.freeze({ ...config });
  const seed = config.seed;
  const init = (shape: readonly number[], dtype?: DType): Tensor => {
    assertValidShape(shape, `${id} initializer: shape`);
    const dt = dtype ?? getDefaultDType();
    assertDType(dt, `${id} initializer: dtype`);
    return draw(shape, dt, typeof seed === "number" ? new Random(seed) : random());
  };
  Object.defineProperty(init, "name", { value: id });
  return Object.assign(init, { className, getConfig: () => ({ ...frozen }) });
}

/**
 * Joins the two uses of an initializer family. `make` checks the options and returns the
 * configured initializer; a shape as first argument draws with the default options.
 */
export function initializerFactory<O extends object>(id: string, make: (options: O) => ConfiguredInitializer): InitializerFactory<O> {
  const factory = (arg?: readonly number[] | O, dtype?: DType): Tensor | ConfiguredInitializer => {
    if (Array.isArray(arg)) return make({} as O)(arg, dtype);
    if (arg !== undefined && (typeof arg !== "object" || arg === null)) {
      throw new TypeError(`${id}: expected a shape (array) or an options object, got ${arg === null ? "null" : typeof arg}`);
    }
    return make((arg ?? {}) as O);
  };
  return Object.defineProperty(factory, "name", { value: id }) as InitializerFactory<O>;
}

/** Checks a seed option: undefined or a finite number (its integer part seeds the generator). */
export function checkSeed(seed: unknown, id: string): number | undefined {
  if (seed === undefined || seed === null) return undefined;
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new TypeError(`${id}: seed must be a finite number, got ${typeof seed === "number" ? seed : typeof seed}`);
  }
  return seed;
}

/** Checks a numeric option: a finite number, above `min` when given (`strict`: strictly). */
export function checkNumber(value: unknown, id: string, option: string, min?: { value: number; strict: boolean }): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`${id}: ${option} must be a finite number, got ${typeof value === "number" ? value : typeof value}`);
  }
  if (min && (min.strict ? !(value > min.value) : !(value >= min.value))) {
    throw new RangeError(`${id}: ${option} must be ${min.strict ? ">" : "≥"} ${min.value}, got ${value}`);
  }
  return value;
}
