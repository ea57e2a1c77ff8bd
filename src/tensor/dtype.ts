/** Element types a tensor can hold. float32 is the default, as in Keras and PyTorch. */
export type DType = "float32" | "float64";

/** The typed array behind a tensor of either dtype. */
export type TypedArray = Float32Array | Float64Array;

const DTYPES: readonly DType[] = ["float32", "float64"];
let defaultDType: DType = "float32";

/** Sets the dtype new tensors get when none is given (e.g. `"float64"` for exact teaching demos). */
export function setDefaultDType(dtype: DType): void {
  assertDType(dtype, "setDefaultDType");
  defaultDType = dtype;
}

/** The dtype new tensors get when none is given. */
export function getDefaultDType(): DType {
  return defaultDType;
}

/** Throws a clear error unless `dtype` is a supported dtype. */
export function assertDType(dtype: unknown, where: string): asserts dtype is DType {
  if (!DTYPES.includes(dtype as DType)) {
    throw new TypeError(`${where}: dtype must be one of ${DTYPES.join(", ")}, got ${JSON.stringify(dtype)}`);
  }
}

/** A zero-filled array of the given dtype and length. */
export function allocate(dtype: DType, size: number): TypedArray {
  return dtype === "float64" ? new Float64Array(size) : new Float32Array(size);
}

/** The wider of two dtypes: mixing float32 and float64 computes in float64. */
export function promoteDTypes(a: DType, b: DType): DType {
  return a === "float64" || b === "float64" ? "float64" : "float32";
}

/** Bytes per element, for memory figures in summaries. */
export function bytesPerElement(dtype: DType): number {
  return dtype === "float64" ? 8 : 4;
}
