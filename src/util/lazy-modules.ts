/**
 * Heavy third-party packages, loaded on first use instead of at `import "nnlab"`.
 *
 * Every notebook's first cell imports nnlab, but few use tables or mock data: loading
 * @faker-js/faker (~750 ms, all its locales) and arquero (+ apache-arrow, ~500 ms) eagerly
 * made each kernel start that much slower. Modules that need them call the loaders below
 * at run time and keep their `import type` for the typings, so the public types do not change.
 */
import type * as Arquero from "arquero";
import type * as FakerJs from "@faker-js/faker";

/**
 * A function that `require`s the package `id` on its first call and returns the same module
 * afterwards. `T` is the module's type, e.g. `lazyRequire<typeof import("arquero")>("arquero")`.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (loaded === undefined) loaded = require(id) as T;
    return loaded;
  };
}

/** arquero (column tables), loaded on first use. */
export const arquero: () => typeof Arquero = lazyRequire<typeof Arquero>("arquero");

/** @faker-js/faker (mock values), loaded on first use. */
export const fakerJs: () => typeof FakerJs = lazyRequire<typeof FakerJs>("@faker-js/faker");
