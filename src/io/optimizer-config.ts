/** Optimizers from their saved configuration, and fresh copies of a configured optimizer. */
import { optimizerFromConfig as rebuild, type Optimizer, type OptimizerConfig } from "../optimizers";

/**
 * An optimizer from `{ className, config }` as `compile` records it (`config` is the optimizer's
 * `getConfig()`, schedules included); errors name the caller.
 */
export function optimizerFromConfig(saved: { className: string; config: { [key: string]: unknown } }, where: string): Optimizer {
  if (!saved || typeof saved !== "object" || !saved.config || typeof saved.config !== "object") {
    throw new Error(`${where}: the optimizer configuration must be { className, config }, got ${JSON.stringify(saved)}`);
  }
  try {
    return rebuild({ ...saved.config, name: saved.className } as OptimizerConfig);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
}

/** A new optimizer with the same class and settings as `optimizer` but none of its state (step 0, no slots). */
export function freshCopy(optimizer: Optimizer, where: string): Optimizer {
  return optimizerFromConfig({ className: optimizer.className, config: optimizer.getConfig() }, where);
}
