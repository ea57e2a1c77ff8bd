/**
 * Worked numbers N4–N11 and N14 of the study notes (inventory Part 3), each asserted at the
 * precision the inventory gives; where the note is wrong, the correct value is asserted and
 * the note's value named.
 */
import { expectClose } from "../helpers";
import * as activations from "../../../src/activations";
import { tensor } from "../../../src/tensor/creation";
import { argmax, log, sum } from "../../../src/ops";
import type { DType } from "../../../src/tensor/dtype";

const apply = (f: (x: ReturnType<typeof tensor>) => ReturnType<typeof tensor>, xs: number[], dtype: DType = "float64") =>
  Array.from(f(tensor(xs, { dtype })).data);

/** Asserts |actual − expected| ≤ tol for each entry (absolute: the notes print fixed decimals). */
function expectWithin(actual: number[], expected: number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => {
    if (!(Math.abs(v - expected[i]) <= tol)) throw new Error(`index ${i}: got ${v}, expected ${expected[i]} ± ${tol}`);
  });
}

test("N4: the sigmoid table to 7 decimals; σ(±1000) finite in float32 and float64", () => {
  const z = [-1000, -100, -10, -1, 0, 1, 10, 100, 1000, 1500];
  const expected = [0, 0, 0.0000454, 0.2689414, 0.5, 0.7310586, 0.9999546, 1, 1, 1];
  expectWithin(apply(activations.sigmoid, z), expected, 5e-8);
  for (const dtype of ["float32", "float64"] as DType[]) {
    expect(apply(activations.sigmoid, z, dtype).every(Number.isFinite)).toBe(true);
  }
  expectClose(apply(activations.sigmoid, [-100]), [3.720075976020836e-44], 1e-12); // 0.0000000 at 7 dp
});

test("N5: σ(0.042·age − 1.53) to 7 decimals", () => {
  const ages = [15, 20, 25, 30, 35, 36.5, 36.429, 38, 45, 50, 68, 72, 79];
  const expected = [0.2890505, 0.3340331, 0.3822521, 0.4329071, 0.4850045, 0.50075, 0.5000045, 0.516494, 0.5890404,
    0.6387632, 0.7901782, 0.8166779, 0.8566819];
  expectWithin(apply(activations.sigmoid, ages.map((a) => 0.042 * a - 1.53)), expected, 5e-8);
});

test("N6: σ of raw ages saturates: σ(15) = 0.9999997 (exactly 0.999999694), the rest 1.0000000", () => {
  const ages = [15, 20, 25, 30, 35, 36.5, 36.429, 50, 55];
  expectWithin(apply(activations.sigmoid, ages), [0.9999997, 1, 1, 1, 1, 1, 1, 1, 1], 5e-8);
  expectWithin(apply(activations.sigmoid, [15]), [0.999999694], 5e-10);
});

test("N7: sigmoid vs tanh to the printed decimals (σ(15) = 0.999999694; the note's 0.99999694 drops a 9)", () => {
  // [z, σ, decimals of σ, tanh, decimals of tanh]
  const rows: Array<[number, number, number, number, number]> = [
    [-1000, 0, 7, -1, 9], [-100, 0, 7, -1, 9], [-15, 3.05902e-7, 12, -1, 9], [-10, 0.0000454, 7, -0.999999996, 9],
    [-1, 0.2689414, 7, -0.761594156, 9], [-0.5, 0.377540669, 9, -0.462117157, 9], [0, 0.5, 9, 0, 9],
    [0.5, 0.622459331, 9, 0.462117157, 9], [1, 0.7310586, 7, 0.761594156, 9], [10, 0.9999546, 7, 0.999999996, 9],
    [15, 0.999999694, 9, 1, 9], [100, 1, 9, 1, 9], [1000, 1, 9, 1, 9],
  ];
  const z = rows.map((r) => r[0]);
  const s = apply(activations.sigmoid, z);
  const t = apply(activations.tanh, z);
  rows.forEach(([, sig, ds, th, dt], i) => {
    expectWithin([s[i]], [sig], 0.5 * 10 ** -ds);
    expectWithin([t[i]], [th], 0.5 * 10 ** -dt);
  });
  expect(Math.abs(s[z.indexOf(15)] - 0.99999694)).toBeGreaterThan(1e-7); // the note's typo is a different number
});

test("N8: ReLU and leaky ReLU (α = 0.1), exact", () => {
  const x = [-1000, -100, -15, -10, -1, -0.5, 0, 0.5, 1, 10, 15, 100, 1000];
  expectClose(apply(activations.relu, x), [0, 0, 0, 0, 0, 0, 0, 0.5, 1, 10, 15, 100, 1000], 1e-12);
  expectClose(apply((t) => activations.leakyRelu(t, 0.1), x), [-100, -10, -1.5, -1, -0.1, -0.05, 0, 0.5, 1, 10, 15, 100, 1000], 1e-12);
  const leaky = activations.leakyRelu({ alpha: 0.1 });
  expectClose(apply(leaky, x), [-100, -10, -1.5, -1, -0.1, -0.05, 0, 0.5, 1, 10, 15, 100, 1000], 1e-12);
});

test("N9: softmax of [8, 5, 0] = [0.9523, 0.0474, 0.0003]; e⁸ ≈ 2981.0, e⁵ ≈ 148.4, sum ≈ 3130.4", () => {
  const p = apply(activations.softmax, [8, 5, 0]);
  expectWithin(p, [0.9523, 0.0474, 0.0003], 5e-5);
  expectClose(p, [0.952269826, 0.047410723, 0.000319451], 1e-8);
  const numerators = [Math.exp(8), Math.exp(5), Math.exp(0)];
  expectWithin(numerators, [2981.0, 148.4, 1.0], 0.05);
  expectWithin([numerators[0] + numerators[1] + numerators[2]], [3130.4], 0.05);
});

test("N10: the MNIST softmax example sums to 1, predicts 8, and costs −ln 0.162 = 1.820159 against the label 2", () => {
  const p = tensor([0.003, 0.003, 0.162, 0.001, 0.06, 0.162, 0.003, 0.003, 0.441, 0.162], { dtype: "float64" });
  expectWithin([sum(p).item()], [1], 1e-9);
  expect(argmax(p).item()).toBe(8);
  const ce = -log(p).data[2];
  expectWithin([ce], [1.820159], 5e-7);
  expectWithin([ce / Math.LN10], [0.790485], 5e-7); // the note's log₁₀ version
});

test("N11: large coefficients saturate: σ(2) = 0.88, σ(−2) = 0.12; σ(20) = 0.9999999979, σ(−20) = 2.1e-9 (float64)", () => {
  expectWithin(apply(activations.sigmoid, [1 + 1, -1 - 1]), [0.88, 0.12], 5e-3);
  expectWithin(apply(activations.sigmoid, [10 + 10, -10 - 10], "float64"), [0.9999999979, 0.0000000021], 5e-11);
  expectClose(apply(activations.sigmoid, [20, -20], "float64"), [0.99999999793884, 2.0611536e-9], 1e-13);
});

test("N14: a bias shifts the ReLU threshold: −1.35 + 2 → 0.65 fires; 7 − 10 → −3 gives 0", () => {
  expectClose(apply(activations.relu, [-1.35 + 2, 7 - 10]), [0.65, 0], 1e-12);
});
