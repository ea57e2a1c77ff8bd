/**
 * String ids for activations, losses, optimizers, initializers…: both the camelCase
 * names of this library and Keras's snake_case names resolve, so code from Keras
 * notes ports directly. An unknown id gets an error listing the valid ones.
 */

/** `binary_crossentropy`, `binaryCrossentropy` and `BinaryCrossentropy` all normalize to `binarycrossentropy`. */
export function normalizeId(id: string): string {
  return id.replace(/[_\-\s]/g, "").toLowerCase();
}

/** Values by string id, resolving camelCase, snake_case and aliases; unknown ids list the valid ones. */
export class Registry<T> {
  private readonly entries = new Map<string, { name: string; value: T }>();

  /**
   * @param kind what the ids name, for error messages ("activation", "loss", …).
   * @param plural its plural, where adding "s" is wrong ("losses").
   */
  constructor(private readonly kind: string, private readonly plural = `${kind}s`) {}

  /** Registers `value` under its canonical name and any aliases (e.g. Keras abbreviations like "mse"). */
  register(name: string, value: T, aliases: string[] = []): void {
    for (const key of [name, ...aliases]) this.entries.set(normalizeId(key), { name, value });
  }

  /** The entry for `id`, or a clear error naming the argument and the valid ids. */
  get(id: string, argument: string): T {
    if (typeof id !== "string") {
      throw new TypeError(`${argument}: expected a ${this.kind} name (string), got ${typeof id}`);
    }
    const entry = this.entries.get(normalizeId(id));
    if (!entry) {
      throw new RangeError(`${argument}: unknown ${this.kind} "${id}". Valid ${this.plural}: ${this.names().join(", ")}`);
    }
    return entry.value;
  }

  /** The canonical name registered for `id`. */
  canonicalName(id: string, argument: string): string {
    this.get(id, argument);
    return this.entries.get(normalizeId(id))!.name;
  }

  /** Canonical names, sorted. */
  names(): string[] {
    return [...new Set([...this.entries.values()].map((e) => e.name))].sort();
  }
}
