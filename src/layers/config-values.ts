/**
 * How a layer's building blocks (initializers, regularizers, constraints, activations) appear
 * in its plain-JSON config: a string id stays a string; an object with a `className` and
 * `getConfig()` becomes `{ className, config }` (Keras's serialized form, without the module).
 * The reverse direction turns those back into arguments a layer constructor accepts.
 */
import { initializerFromConfig, type InitializerIdentifier } from "../initializers";
import * as activations from "../activations";
import { activationRegistry, getActivation, type ActivationFn, type ActivationIdentifier } from "../activations";
import { regularizerFromConfig, type Regularizer } from "../regularizers";
import { constraintFromConfig, type Constraint } from "../constraints";

/** A building block in serialized form. */
export interface SerializedObject {
  /** Keras's class name ("L2", "HeNormal", "MaxNorm") or, for activations, the id ("leakyRelu"). */
  className: string;
  /** The options that recreate the object (its `getConfig()`). */
  config: { [key: string]: unknown };
}

/** A config value describing a building block: an id, a serialized object, or null for none. */
export type SerializedIdentifier = string | SerializedObject | null;

/** An object that can describe itself (regularizers, constraints, parametrized initializers). */
interface Configurable {
  className: string;
  getConfig(): { [key: string]: unknown };
}

function isConfigurable(x: unknown): x is Configurable {
  return (
    (typeof x === "object" || typeof x === "function") && x !== null &&
    typeof (x as Configurable).className === "string" && typeof (x as Configurable).getConfig === "function"
  );
}

/** True for `{ className: string, config: object }`. */
export function isSerializedObject(x: unknown): x is SerializedObject {
  return typeof x === "object" && x !== null && typeof (x as SerializedObject).className === "string" &&
    typeof (x as SerializedObject).config === "object" && (x as SerializedObject).config !== null;
}

/**
 * The JSON form of an initializer/regularizer/constraint/activation argument. A plain
 * function without a config is saved by its name, which must be a registered id to load again.
 */
export function serializeIdentifier(id: unknown): SerializedIdentifier {
  if (id === undefined || id === null) return null;
  if (typeof id === "string") return id;
  if (isConfigurable(id)) return { className: id.className, config: { ...id.getConfig() } };
  if (typeof id === "function") return id.name || "custom";
  throw new TypeError(`cannot serialize ${typeof id} as a layer argument`);
}

function fromConfig<T>(make: (className: string, config: { [key: string]: unknown }, argument: string) => T, kind: string, value: unknown, argument: string): T | string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (isSerializedObject(value)) return make(value.className, value.config, argument);
  throw new TypeError(`${argument}: expected ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} id or { className, config }, got ${JSON.stringify(value)}`);
}

/** A serialized regularizer back as an id or object (a layer argument). */
export function deserializeRegularizer(value: unknown, argument: string): Regularizer | string | undefined {
  return fromConfig(regularizerFromConfig, "regularizer", value, argument);
}

/** A serialized constraint back as an id or object (a layer argument). */
export function deserializeConstraint(value: unknown, argument: string): Constraint | string | undefined {
  return fromConfig(constraintFromConfig, "constraint", value, argument);
}

/**
 * A serialized initializer back as a layer argument: an id stays an id; `{ className, config }`
 * (a configured initializer such as `heNormal({ seed: 1 })`) is rebuilt by the initializers' own
 * `initializerFromConfig`.
 */
export function deserializeInitializer(value: unknown, argument: string): InitializerIdentifier | undefined {
  return fromConfig(initializerFromConfig, "initializer", value, argument);
}

/**
 * A serialized activation back as a layer argument: an id stays an id; `{ className, config }`
 * (a configured activation such as `leakyRelu({ alpha: 0.1 })`, whose className is its id) is
 * rebuilt by calling that activation's factory with the config.
 */
export function deserializeActivation(value: unknown, argument: string): ActivationIdentifier | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (isSerializedObject(value)) {
    const canonical = activationRegistry.canonicalName(value.className, argument);
    const factory = (activations as unknown as Record<string, unknown>)[canonical];
    if (typeof factory !== "function") throw new RangeError(`${argument}: activation ${value.className} takes no options`);
    const fn = (factory as (options: object) => unknown)({ ...value.config });
    if (typeof fn !== "function") throw new RangeError(`${argument}: activation ${value.className} takes no options`);
    return fn as ActivationIdentifier;
  }
  throw new TypeError(`${argument}: expected an activation id or { className, config }, got ${JSON.stringify(value)}`);
}

/**
 * A layer config as constructor arguments: the config itself (keys equal argument names) with
 * the base class's serialized `activityRegularizer` turned back into an argument. Layers add
 * their own weight families with `weightArgsFromConfig`.
 */
export function layerArgsFromConfig(config: { name: string; [key: string]: unknown }): { [key: string]: unknown } {
  const args: { [key: string]: unknown } = { ...config };
  if ("activation" in config) args.activation = deserializeActivation(config.activation, `${config.name}: activation`);
  if ("activityRegularizer" in config) args.activityRegularizer = deserializeRegularizer(config.activityRegularizer, `${config.name}: activityRegularizer`);
  return args;
}

/** An activation as a layer holds it: its id, the function, and its config form. */
export interface LayerActivation {
  /** The id ("relu", "leakyRelu", or a custom function's name). */
  name: string;
  fn: ActivationFn;
  /** The id, or `{ className, config }` for a configured activation (e.g. `leakyRelu({ alpha: 0.1 })`), so options survive a save. */
  config: SerializedIdentifier;
}

/** Resolves a layer's `activation` argument (undefined/null: linear); `argument` names it in errors. */
export function layerActivation(id: ActivationIdentifier | undefined | null, argument: string): LayerActivation {
  const { name, fn } = getActivation(id, argument);
  return { name, fn, config: isConfigurable(fn) ? serializeIdentifier(fn) : name };
}
