/**
 * Keras-style automatic names: the first dense layer is `dense`, the next `dense_1`,
 * then `dense_2`… per prefix, for the whole session (reset with `clearSession`).
 */
const counters = new Map<string, number>();

/** The next unique name for `prefix`. */
export function uniqueName(prefix: string): string {
  const n = counters.get(prefix) ?? 0;
  counters.set(prefix, n + 1);
  return n === 0 ? prefix : `${prefix}_${n}`;
}

/**
 * Keras's `to_snake_case` for automatic layer names: `Dense` → `dense`, `BatchNormalization` →
 * `batch_normalization`, `Conv2D` → `conv2d`, `MaxPooling2D` → `max_pooling2d`, `SimpleRNN` →
 * `simple_rnn`, `PReLU` → `p_re_lu` (Keras's own regexes, so names match its summaries).
 */
export function toSnakeCase(className: string): string {
  return className
    .replace(/\W+/g, "")
    .replace(/(.)([A-Z][a-z]+)/g, "$1_$2")
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase();
}

/** Resets automatic names, as Keras's `clear_session()`. */
export function clearSession(): void {
  counters.clear();
}
