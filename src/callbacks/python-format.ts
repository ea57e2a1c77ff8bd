/**
 * The small part of Python's `str.format` that Keras's file names use:
 * `{epoch:02d}`, `{val_loss:.4f}`, `{loss:.2e}`, `{epoch}` — and Python's float repr.
 */

/** Python's `repr(float)`: shortest round-trip digits, "1.0" for whole numbers, "1e-05" below 1e-4. */
export function pythonFloat(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  const exponent = v === 0 ? 0 : Number(v.toExponential().split("e")[1]);
  if (exponent < -4 || exponent >= 16) {
    const [mantissa, e] = v.toExponential().split("e");
    const sign = e.startsWith("-") ? "-" : "+";
    return `${mantissa}e${sign}${e.replace(/^[+-]/, "").padStart(2, "0")}`;
  }
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** One value formatted by a Python format spec like `02d`, `.4f`, `.3e`, `8.2f` (or none). */
function formatValue(value: number, spec: string, field: string, where: string): string {
  if (spec === "") return Number.isInteger(value) && field === "epoch" ? String(value) : pythonFloat(value);
  const m = /^(0)?(\d+)?(?:\.(\d+))?([dfeEgG%])?$/.exec(spec);
  if (!m) throw new RangeError(`${where}: unsupported format spec "{${field}:${spec}}" (supported: d, f, e, g with width and precision)`);
  const [, zero, width, precision, type] = m;
  let s: string;
  switch (type) {
    case "d":
      if (!Number.isInteger(value)) throw new RangeError(`${where}: "{${field}:${spec}}" needs an integer, but ${field} is ${value}`);
      s = String(value);
      break;
    case "f":
    case "%":
      s = (type === "%" ? value * 100 : value).toFixed(precision === undefined ? 6 : Number(precision)) + (type === "%" ? "%" : "");
      break;
    case "e":
    case "E": {
      const [mant, e] = value.toExponential(precision === undefined ? 6 : Number(precision)).split("e");
      s = `${mant}e${e.startsWith("-") ? "-" : "+"}${e.replace(/^[+-]/, "").padStart(2, "0")}`;
      if (type === "E") s = s.toUpperCase();
      break;
    }
    default:
      s = precision === undefined ? pythonFloat(value) : String(Number(value.toPrecision(Math.max(Number(precision), 1))));
  }
  if (width !== undefined && s.length < Number(width)) {
    const negative = s.startsWith("-");
    s = zero ? (negative ? "-" : "") + s.replace(/^-/, "").padStart(Number(width) - (negative ? 1 : 0), "0") : s.padStart(Number(width));
  }
  return s;
}

/**
 * Fills `{name}` / `{name:spec}` placeholders from `values`; `{{` and `}}` are literal braces.
 * A missing name is an error listing the available ones.
 */
export function formatPython(template: string, values: { [name: string]: number }, where: string): string {
  return template.replace(/\{\{|\}\}|\{([^{}:]+)(?::([^{}]*))?\}/g, (match, name: string | undefined, spec: string | undefined) => {
    if (match === "{{") return "{";
    if (match === "}}") return "}";
    const value = values[name!];
    if (value === undefined) {
      throw new RangeError(`${where}: the file name "${template}" uses {${name}}, which is not in the logs. Available: ${Object.keys(values).join(", ")}`);
    }
    return formatValue(value, spec ?? "", name!, where);
  });
}
