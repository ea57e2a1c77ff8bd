/**
 * The first step of every payload parser: JSON MIME data should arrive as an object, but
 * some kernels send the JSON text; both are accepted, anything else is rejected with a reason.
 */
export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The payload as an object with a numeric `version` ≥ 1, or the reason it is not one. */
export function readVersionedObject(raw: unknown): { ok: true; value: JsonObject & { version: number } } | { ok: false; reason: string } {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { ok: false, reason: 'the data is not valid JSON' };
    }
  }
  if (!isObject(value)) {
    return { ok: false, reason: 'the data is not an object' };
  }
  if (typeof value.version !== 'number' || !(value.version >= 1)) {
    return { ok: false, reason: 'version is missing' };
  }
  return { ok: true, value: value as JsonObject & { version: number } };
}
