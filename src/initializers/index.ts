/**
 * Weight initializers by Keras id. Fan-in/fan-out follow Keras: for a kernel of
 * shape [in, out], fanIn = in and fanOut = out.
 */
import { Tensor } from "../tensor/tensor";
import { allocate, getDefaultDType, type DType } from "../tensor/dtype";
import { sizeOf } from "../tensor/shape";
import { random } from "../random/rng";
import { Registry } from "../util/registry";

export type Initializer = (shape: readonly number[], dtype?: DType) => Tensor;
export type InitializerIdentifier = string | Initializer;

/** Keras's fan computation for dense and convolution kernels. */
export function computeFans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  // Convolution kernels [...spatial, in, out]: the receptive field multiplies both fans.
  const receptive = sizeOf(shape.slice(0, -2));
  return { fanIn: shape[shape.length - 2] * receptive, fanOut: shape[shape.length - 1] * receptive };
}

function filled(shape: readonly number[], dtype: DType | undefined, sample: () => number): Tensor {
  const data = allocate(dtype ?? getDefaultDType(), sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = sample();
  return new Tensor(data, shape);
}

export const zeros: Initializer = (shape, dtype) => filled(shape, dtype, () => 0);
export const ones: Initializer = (shape, dtype) => filled(shape, dtype, () => 1);

/** Uniform in [−limit, limit] with limit = √(6 / (fanIn + fanOut)) — Keras's default for kernels. */
export const glorotUniform: Initializer = (shape, dtype) => {
  const { fanIn, fanOut } = computeFans(shape);
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const rng = random();
  return filled(shape, dtype, () => (2 * rng.uniform() - 1) * limit);
};

export const initializerRegistry = new Registry<Initializer>("initializer");
initializerRegistry.register("zeros", zeros, ["zero"]);
initializerRegistry.register("ones", ones, ["one"]);
initializerRegistry.register("glorotUniform", glorotUniform, ["xavierUniform"]);

export function getInitializer(id: InitializerIdentifier, argument: string): { name: string; fn: Initializer } {
  if (typeof id === "function") return { name: id.name || "custom", fn: id };
  return { name: initializerRegistry.canonicalName(id, argument), fn: initializerRegistry.get(id, argument) };
}
