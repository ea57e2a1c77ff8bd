/**
 * The error function and its complement to double precision, for exact GELU.
 * JavaScript has no `Math.erf`. Two expansions cover the line without cancellation:
 * - |x| < 2.5: erf(x) = (2/√π)·e^{−x²}·Σ 2ⁿx^{2n+1} / (1·3·…·(2n+1)), a series of positive terms;
 * - |x| ≥ 2.5: erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), the Laplace
 *   continued fraction, evaluated with the modified Lentz method; it converges fast there and keeps
 *   full relative precision in the tail where 1 − erf(x) would round to 0.
 */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
const SERIES_LIMIT = 2.5;

/** erf(x) for |x| < SERIES_LIMIT by the positive-term series. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let total = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    total += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(total)) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * total;
}

/** erfc(x) for x ≥ SERIES_LIMIT by the continued fraction x + (k/2)/(x + …), modified Lentz. */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f;
}

/** The error function erf(x) = (2/√π)∫₀ˣ e^{−t²} dt, to about 1e−15 relative. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) < SERIES_LIMIT) return erfSeries(x);
  return x > 0 ? 1 - erfcContinuedFraction(x) : erfcContinuedFraction(-x) - 1;
}

/** The complementary error function 1 − erf(x), accurate (relative) also where it is tiny. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= SERIES_LIMIT) return erfcContinuedFraction(x);
  if (x <= -SERIES_LIMIT) return 2 - erfcContinuedFraction(-x);
  return 1 - erfSeries(x);
}
