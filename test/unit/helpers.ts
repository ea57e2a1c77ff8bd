/** Shared helpers for the library's unit tests. */
import * as fs from "fs";
import * as path from "path";

/** Reference values written by test/fixtures/make_reference_fixtures.py (Keras 3 and PyTorch). */
export const reference = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "reference.json"), "utf8"));

/** Flattens nested arrays of numbers. */
export function flat(x: unknown): number[] {
  return Array.isArray(x) ? x.flatMap(flat) : [x as number];
}

/** Asserts |a − b| ≤ tol·max(1, |b|) elementwise, with a message naming the index. */
export function expectClose(actual: ArrayLike<number> | number[], expected: ArrayLike<number> | number[], tol: number): void {
  const a = Array.from(actual);
  const e = Array.from(expected);
  expect(a.length).toBe(e.length);
  a.forEach((v, i) => {
    const err = Math.abs(v - e[i]) / Math.max(1, Math.abs(e[i]));
    if (!(err <= tol)) throw new Error(`index ${i}: got ${v}, expected ${e[i]} (relative error ${err} > ${tol})`);
  });
}

/** A fixture written by test/fixtures/torch/<area>.py (PyTorch reference values). */
export function torchFixture(area: string): any {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "torch", `${area}.json`), "utf8"));
}

/** A fixture written by test/fixtures/sklearn/<area>.py (scikit-learn / imbalanced-learn reference values). */
export function sklearnFixture(area: string): any {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "sklearn", `${area}.json`), "utf8"));
}

/** The lines `fn` printed with console.log (console.log is silenced while it runs). */
export function consoleLines(fn: () => unknown): string[] {
  const lines: string[] = [];
  const spy = jest.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return lines;
}
