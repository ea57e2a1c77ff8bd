/**
 * scikit-learn warns (`UndefinedMetricWarning`) where a metric is ill-defined — a precision
 * with no predicted samples, an ROC curve with one class — and returns a documented value.
 * nnlab does the same through Node's `process.emitWarning`, so the kernel shows the warning on
 * stderr and code can listen with `process.on("warning", …)`.
 */

/** Emits an `UndefinedMetricWarning` with this message (falls back to `console.warn`). */
export function undefinedMetricWarning(message: string): void {
  emit(message, "UndefinedMetricWarning");
}

/** Emits a `UserWarning` (scikit-learn's name for misuse that still gives a result). */
export function userWarning(message: string): void {
  emit(message, "UserWarning");
}

function emit(message: string, type: string): void {
  if (typeof process !== "undefined" && typeof process.emitWarning === "function") process.emitWarning(message, type);
  else console.warn(`${type}: ${message}`);
}
