/**
 * Weight initializers, by id in layers (camelCase or Keras snake_case: `"he_normal"`) or as
 * factories with options (`nn.initializers.heNormal({ seed: 1 })`,
 * `nn.initializers.constant({ value: 0.1 })`). Fans follow Keras: for a kernel [in, out],
 * fanIn = in and fanOut = out.
 */
import { Registry } from "../util/registry";
import type { ConfiguredInitializer, Initializer, InitializerFactory, InitializerIdentifier } from "./initializer";
import { constant, ones, zeros } from "./constant";
import { randomNormal, randomUniform, truncatedNormal } from "./random-distributions";
import {
  glorotNormal, glorotUniform, heNormal, heUniform, lecunNormal, lecunUniform, varianceScaling,
} from "./variance-scaling";
import { orthogonal } from "./orthogonal";

export {
  computeFans, type Initializer, type InitializerIdentifier, type ConfiguredInitializer, type InitializerFactory, type SeedOption,
} from "./initializer";
export { zeros, ones, constant, type ConstantOptions } from "./constant";
export { randomNormal, randomUniform, truncatedNormal, type NormalOptions, type UniformOptions } from "./random-distributions";
export {
  varianceScaling, glorotUniform, glorotNormal, heUniform, heNormal, lecunUniform, lecunNormal, scaledVariance,
  TRUNCATED_NORMAL_STDDEV, type VarianceScalingOptions, type FanMode, type ScalingDistribution,
} from "./variance-scaling";
export { orthogonal, signCorrectedQ, type OrthogonalOptions } from "./orthogonal";

/** Every initializer family by id; an id gives the family's default options. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const families: Array<[string, InitializerFactory<any>, string[]]> = [
  ["zeros", zeros, ["zero"]],
  ["ones", ones, ["one"]],
  ["constant", constant, []],
  ["randomNormal", randomNormal, ["normal"]],
  ["randomUniform", randomUniform, ["uniform"]],
  ["truncatedNormal", truncatedNormal, []],
  ["varianceScaling", varianceScaling, []],
  ["glorotUniform", glorotUniform, ["xavierUniform"]],
  ["glorotNormal", glorotNormal, ["xavierNormal"]],
  ["heUniform", heUniform, ["kaimingUniform"]],
  ["heNormal", heNormal, ["kaimingNormal"]],
  ["lecunUniform", lecunUniform, []],
  ["lecunNormal", lecunNormal, []],
  ["orthogonal", orthogonal, []],
];

/** Initializer ids → initializers with default options (unseeded: they draw from the global generator). */
export const initializerRegistry = new Registry<Initializer>("initializer");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const factoryRegistry = new Registry<InitializerFactory<any>>("initializer");
for (const [id, factory, aliases] of families) {
  initializerRegistry.register(id, factory(), aliases);
  factoryRegistry.register(id, factory, aliases);
}

/**
 * Resolves an id or function to `{ name, fn }`; `argument` names the option in errors
 * (e.g. "dense: kernelInitializer"). Keras class names ("HeNormal") resolve too.
 */
export function getInitializer(id: InitializerIdentifier, argument: string): {
  /** The initializer's id ("glorotUniform", "heNormal", …, or a custom function's name). */
  name: string;
  /** The function that fills a weight of a given shape. */
  fn: Initializer;
} {
  if (typeof id === "function") return { name: id.name || "custom", fn: id };
  if (typeof id !== "string") {
    throw new TypeError(`${argument}: expected an initializer id (string) or a function, got ${id === null ? "null" : typeof id}`);
  }
  return { name: initializerRegistry.canonicalName(id, argument), fn: initializerRegistry.get(id, argument) };
}

/**
 * Rebuilds an initializer from Keras's serialized form (`className` "HeNormal", `config`
 * `{ seed: 1 }`, as `getConfig()` writes it). Keys may be Keras's or camelCase; nulls mean defaults.
 */
export function initializerFromConfig(className: string, config: { [key: string]: unknown }, argument: string): ConfiguredInitializer {
  const factory = factoryRegistry.get(className, argument);
  const options: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(config ?? {})) {
    if (value !== null && value !== undefined) options[key.replace(/_(.)/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return factory(options);
}
