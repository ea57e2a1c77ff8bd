/** Printing matches NumPy's array printing (expected strings are what NumPy 2 prints for the same values). */
import * as nn from "nnlab";

const body = (t: nn.Tensor) => t.toString().split("\n").slice(1).join("\n");

describe("printing", () => {
  afterEach(() => nn.setDefaultDType("float32"));

  test("σ(20) prints 0.9999999979 in float64 (inventory: S1§35, 10 dp)", () => {
    expect(body(nn.tensor([20], { dtype: "float64" }).sigmoid())).toBe("[0.9999999979]");
    nn.setDefaultDType("float64");
    expect(body(nn.tensor([20]).sigmoid())).toBe("[0.9999999979]");
    expect(body(nn.tensor(20).sigmoid())).toBe("0.9999999979");
    // tanh(−10) = −0.99999999587769…: the notes quote 9 dp (−0.999999996); 10 dp rounds to …959.
    expect(body(nn.tensor([-10]).tanh())).toBe("[-0.9999999959]");
  });

  test("float32 rounds σ(20) to 1 (why float64 mode exists)", () => {
    expect(body(nn.tensor([20]).sigmoid())).toBe("[1.]");
  });

  test("header names shape, dtype and requiresGrad", () => {
    expect(nn.tensor([[1, 2]], { requiresGrad: true }).toString().split("\n")[0]).toBe("Tensor(shape=[1, 2], dtype=float32, requiresGrad)");
  });

  test("aligned decimal points: np.array([0.5, 0.25, 1.]) → [0.5 , 0.25, 1.  ]", () => {
    expect(body(nn.tensor([0.5, 0.25, 1], { dtype: "float64" }))).toBe("[0.5 , 0.25, 1.  ]");
  });

  test("whole numbers, nested brackets and blank lines between blocks", () => {
    expect(body(nn.tensor([[1, 2], [3, 4]]))).toBe("[[1., 2.],\n [3., 4.]]");
    expect(body(nn.zeros([2, 1, 2]))).toBe("[[[0., 0.]],\n\n [[0., 0.]]]");
  });

  test("scientific notation when magnitudes differ by more than 1000 (np: [5.e-01, 1.e+03])", () => {
    expect(body(nn.tensor([0.5, 1000]))).toBe("[5.e-01, 1.e+03]");
    expect(body(nn.tensor([1e-5, 1], { dtype: "float64" }))).toBe("[1.e-05, 1.e+00]");
    expect(body(nn.tensor([1e9, 1]))).toBe("[1.e+09, 1.e+00]");
    expect(body(nn.tensor([0, 1e-5]))).toBe("[0.e+00, 1.e-05]");
  });

  test("nan and inf", () => {
    expect(body(nn.tensor([NaN, 1.5, -Infinity]))).toBe("[ nan,  1.5, -inf]");
  });

  test("more than 1000 values are summarized with 3 edge items", () => {
    const t = nn.tensor(Float32Array.from({ length: 2000 }, (_, i) => i), { shape: [2, 1000] });
    // NumPy: [[0.000e+00 1.000e+00 2.000e+00 ... 9.970e+02 9.980e+02 9.990e+02] [1.000e+03 … 1.999e+03]]
    const text = body(t);
    expect(text.startsWith("[[0.000e+00, 1.000e+00, 2.000e+00, ..., 9.970e+02, 9.980e+02,")).toBe(true);
    expect(text).toContain("[1.000e+03, 1.001e+03, 1.002e+03, ..., 1.997e+03, 1.998e+03,");
    expect(text.endsWith("1.999e+03]]")).toBe(true);
    expect(text.split("\n").every((l) => l.length <= 75)).toBe(true);
  });

  test("long rows wrap at 75 characters like NumPy", () => {
    const lines = body(nn.tensor(Array.from({ length: 30 }, (_, i) => i / 8))).split("\n");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => l.length <= 75)).toBe(true);
    // NumPy's column format: 0.125 steps printed as "0.   ", "0.125", "0.25 " (width 5, aligned points).
    expect(lines[0]).toBe("[0.   , 0.125, 0.25 , 0.375, 0.5  , 0.625, 0.75 , 0.875, 1.   , 1.125,");
    expect(lines[1].startsWith(" 1.25 , 1.375,")).toBe(true);
  });
});
