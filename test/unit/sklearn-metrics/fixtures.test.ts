/**
 * Every call recorded by test/fixtures/sklearn/metrics.py (scikit-learn 1.9) is repeated with
 * nnlab's function and compared: counts exactly, other values at 1e-12 relative, text exactly.
 */
import * as fs from "fs";
import * as path from "path";
import * as sk from "../../../src/metrics/sklearn";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "sklearn", "metrics.json"), "utf8"));

function revive(v: unknown): unknown {
  if (v === "NaN") return NaN;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
  return v;
}

function expectSame(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === "number") {
    if (typeof actual !== "number") throw new Error(`${where}: expected number ${expected}, got ${JSON.stringify(actual)}`);
    if (Number.isNaN(expected)) {
      if (!Number.isNaN(actual)) throw new Error(`${where}: expected NaN, got ${actual}`);
      return;
    }
    if (!Number.isFinite(expected)) {
      if (actual !== expected) throw new Error(`${where}: expected ${expected}, got ${actual}`);
      return;
    }
    const err = Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
    if (!(err <= 1e-12)) throw new Error(`${where}: expected ${expected}, got ${actual} (relative error ${err})`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) throw new Error(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    expected.forEach((e, i) => expectSame(actual[i], e, `${where}[${i}]`));
    return;
  }
  if (expected && typeof expected === "object") {
    const a = actual as Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual(Object.keys(expected).sort());
    for (const [k, e] of Object.entries(expected)) expectSame(a[k], e, `${where}.${k}`);
    return;
  }
  if (actual !== expected) throw new Error(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Runs nnlab's function on a recorded call and shapes its result like scikit-learn's. */
function run(c: { fn: string; args: unknown[]; options: Record<string, unknown> }): unknown {
  const [a, b] = c.args as [never, never];
  const o = { ...c.options } as Record<string, unknown>;
  switch (c.fn) {
    case "precisionRecallFscoreSupport": {
      const r = sk.precisionRecallFscoreSupport(a, b, o as sk.PrfOptions) as sk.PerLabelScores | sk.AveragedScores;
      return "support" in r ? [r.precision, r.recall, r.fScore, r.support] : [r.precision, r.recall, r.fScore, null];
    }
    case "rocCurve": {
      const r = sk.rocCurve(a, b, o as never);
      return [r.fpr, r.tpr, r.thresholds];
    }
    case "precisionRecallCurve": {
      const r = sk.precisionRecallCurve(a, b, o as never);
      return [r.precision, r.recall, r.thresholds];
    }
    case "classificationReport": {
      const { outputDict, ...rest } = o;
      const r = sk.classificationReport(a, b, rest as never);
      return outputDict ? r.toDict() : r.toString();
    }
    default:
      return (sk as unknown as Record<string, (x: unknown, y: unknown, o: unknown) => unknown>)[c.fn](a, b, o);
  }
}

const calls = revive(fixture.calls) as { fn: string; args: unknown[]; options: Record<string, unknown>; expected: unknown; warned: boolean }[];

describe(`scikit-learn ${fixture.sklearn} reference values`, () => {
  let warnings: jest.SpyInstance;
  beforeEach(() => {
    warnings = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  });
  afterEach(() => warnings.mockRestore());

  it.each(calls.map((c, i) => [`${i} ${c.fn} ${JSON.stringify(c.options)}`, c] as const))("%s", (_name, c) => {
    expectSame(run(c), c.expected, c.fn);
    // scikit-learn warned about an ill-defined value exactly when nnlab does.
    const ours = warnings.mock.calls.some(([, type]) => type === "UndefinedMetricWarning" || type === "UserWarning");
    if (c.warned) expect(ours).toBe(true);
  });
});
