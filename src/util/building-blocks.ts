/**
 * What regularizers and constraints share as layer arguments (`kernelRegularizer: "l2"`,
 * `kernelConstraint: nn.constraints.maxNorm()`): given by id or as an object, described as
 * `{ className, getConfig() }`, and rebuilt from that serialized form (Keras's `get_config` /
 * `from_config`). Errors name the argument and list the valid choices.
 */
import { normalizeId, type Registry } from "./registry";

/** An object that describes itself as Keras does: its class name and the arguments that recreate it. */
export interface Configurable {
  /** Keras's class name, e.g. "L2" or "MaxNorm". */
  readonly className: string;
  /** The arguments that recreate the object (Keras's `get_config`). */
  getConfig(): { [key: string]: unknown };
}

/** One kind of building block, as {@link resolveBuildingBlock} recognizes and names it. */
export interface BuildingBlockKind<T> {
  /** What the ids name, in errors ("regularizer"). */
  kind: string;
  /** String ids, each making a fresh object with Keras's default arguments. */
  registry: Registry<() => T>;
  /** The method that makes an object one of the kind, as errors show it ("penalty(x)"). */
  method: string;
}

/**
 * Resolves a layer argument to a building block: `undefined`/`null` mean none, a string is an id
 * of `blocks.registry`, an object with the kind's method is used as it is. `argument` names the
 * option in errors (e.g. "dense_1: kernelRegularizer").
 */
export function resolveBuildingBlock<T>(id: unknown, argument: string, blocks: BuildingBlockKind<T>): T | undefined {
  if (id === undefined || id === null) return undefined;
  if (typeof id === "string") return blocks.registry.get(id, argument)();
  const methodName = blocks.method.replace(/\(.*$/, "");
  if (typeof id === "object" && typeof (id as { [key: string]: unknown })[methodName] === "function") return id as T;
  const article = /^[aeiou]/i.test(blocks.method) ? "an" : "a";
  throw new TypeError(
    `${argument}: expected a ${blocks.kind} id (${blocks.registry.names().join(", ")}) or an object with ${article} ${blocks.method} method, got ${typeof id}`,
  );
}

/** A saved config: Keras's snake_case keys or camelCase ones. */
export type ConfigValues = { [key: string]: unknown };

/**
 * The `fromConfig` of one kind: `makers` rebuild each class (keyed by Keras's class name, matched
 * in any case or spelling, e.g. "L1L2" or "l1_l2") from its config; an unknown class is an error
 * that lists the known ones.
 */
export function fromConfigByClass<T>(kind: string, makers: { [className: string]: (config: ConfigValues) => T }): (className: string, config: ConfigValues, argument: string) => T {
  const byId = new Map(Object.entries(makers).map(([name, make]) => [normalizeId(name), make]));
  const known = Object.keys(makers).join(", ");
  return (className, config, argument) => {
    const make = byId.get(normalizeId(className));
    if (!make) throw new RangeError(`${argument}: unknown ${kind} class "${className}". Known: ${known}`);
    return make(config ?? {});
  };
}

/** The value of the first of `keys` (say `"maxValue", "max_value"`) that `config` holds; null counts as missing. */
export function configValue<T>(config: ConfigValues, ...keys: string[]): T | undefined {
  for (const key of keys) {
    const v = config[key];
    if (v !== undefined && v !== null) return v as T;
  }
  return undefined;
}

/**
 * Checks a numeric argument as Keras's `validate_float_arg`: a finite number ≥ 0. The error names
 * the class and the argument.
 */
export function nonNegativeNumber(value: unknown, className: string, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${className}: ${name} must be a finite number ≥ 0, got ${typeof value === "number" ? value : typeof value}`);
  }
  return value;
}
