/** Optimizers from their saved configuration, and fresh copies of a configured optimizer. */
import { Optimizer } from "../optimizers";
import * as optimizers from "../optimizers";

/**
 * An optimizer from `{ className, config }`: the class exported by `nn.optimizers` under that
 * name, constructed with the config (its `getConfig()` output, whose keys are the constructor's).
 */
export function optimizerFromConfig(saved: { className: string; config: { [key: string]: unknown } }, where: string): Optimizer {
  const Ctor = (optimizers as unknown as { [name: string]: unknown })[saved?.className];
  if (typeof Ctor !== "function" || !(Ctor.prototype instanceof Optimizer)) {
    throw new Error(`${where}: unknown optimizer class ${JSON.stringify(saved?.className)}`);
  }
  const { name: _name, ...args } = saved.config ?? {};
  return new (Ctor as new (args: unknown) => Optimizer)(args);
}

/** A new optimizer with the same class and settings as `optimizer` but none of its state (step 0, no slots). */
export function freshCopy(optimizer: Optimizer, where: string): Optimizer {
  return optimizerFromConfig({ className: optimizer.className, config: optimizer.getConfig() }, where);
}
