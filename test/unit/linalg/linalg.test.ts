/**
 * nn.linalg: hand-computed systems, inverses, determinants and least-squares fits; NumPy's
 * LAPACK results and PyTorch autograd's gradients (test/fixtures/torch/linalg.py) in float64
 * at 1e-10; input errors.
 */
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";

const ref = torchFixture("linalg");
const close = (t: nn.Tensor, expected: unknown, tol = 1e-10) => expectClose(t.data, flat(expected), tol);

describe("nn.linalg.solve", () => {
  test("hand-computed systems, with and without row swaps", () => {
    // 3·2 + 3 = 9, 2 + 2·3 = 8.
    const x = nn.linalg.solve([[3, 1], [1, 2]], [9, 8]);
    expect(x.shape).toEqual([2]);
    expect(x.dtype).toBe("float64");
    close(x, [2, 3], 1e-15);
    // A zero in the top-left corner: elimination must swap rows first.
    close(nn.linalg.solve([[0, 1], [1, 0]], [2, 3]), [3, 2], 0);
    // The classic worked example: 2x + y − z = 8, −3x − y + 2z = −11, −2x + y + 2z = −3 → (2, 3, −1).
    close(nn.linalg.solve([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]], [8, -11, -3]), [2, 3, -1], 1e-14);
    // Several right-hand sides at once: the columns are solved independently.
    const xs = nn.linalg.solve([[3, 1], [1, 2]], [[9, 3], [8, 1]]);
    expect(xs.shape).toEqual([2, 2]);
    close(xs, [[2, 1], [3, 0]], 1e-15);
  });

  test("matches numpy.linalg.solve (float64)", () => {
    close(nn.linalg.solve(ref.a5, ref.b5), ref.solve_a5_b5);
    close(nn.linalg.solve(ref.a5, ref.b5v), ref.solve_a5_b5v);
    close(nn.linalg.solve(ref.a3, [1, 2, 3]), ref.solve_a3_b);
  });

  test("dtype: float32 tensors give float32, nested arrays and float64 tensors float64", () => {
    const a32 = nn.tensor([[3, 1], [1, 2]], { dtype: "float32" });
    expect(nn.linalg.solve(a32, nn.tensor([9, 8], { dtype: "float32" })).dtype).toBe("float32");
    expect(nn.linalg.solve(a32, [9, 8]).dtype).toBe("float64");
    expect(nn.linalg.solve(nn.tensor(ref.a5, { dtype: "float64" }), nn.tensor(ref.b5, { dtype: "float64" })).dtype).toBe("float64");
  });

  test("gradients match PyTorch autograd through torch.linalg.solve", () => {
    const a = nn.tensor(ref.a5, { dtype: "float64", requiresGrad: true });
    const b = nn.tensor(ref.b5, { dtype: "float64", requiresGrad: true });
    nn.linalg.solve(a, b).mul(nn.tensor(ref.w, { dtype: "float64" })).sum().backward();
    close(a.grad!, ref.grad_solve_a);
    close(b.grad!, ref.grad_solve_b);
  });

  test("gradient of x = b / a by hand (1×1): dx/da = −b/a², dx/db = 1/a", () => {
    const a = nn.tensor([[4]], { dtype: "float64", requiresGrad: true });
    const b = nn.tensor([2], { dtype: "float64", requiresGrad: true });
    nn.linalg.solve(a, b).sum().backward();
    close(a.grad!, [[-2 / 16]], 0);
    close(b.grad!, [1 / 4], 0);
  });

  test("bad input: clear errors naming the shapes", () => {
    expect(() => nn.linalg.solve([[1, 2, 3], [4, 5, 6]], [1, 2])).toThrow("nn.linalg.solve: a must be a square matrix [n, n] with n ≥ 1, got shape [2, 3]");
    expect(() => nn.linalg.solve([1, 2], [1, 2])).toThrow("nn.linalg.solve: a must be a matrix [rows, columns], got shape [2]");
    expect(() => nn.linalg.solve([[1, 0], [0, 1]], [1, 2, 3])).toThrow("nn.linalg.solve: b must have shape [2] or [2, k] to match a of shape [2, 2], got [3]");
    expect(() => nn.linalg.solve([[1, 0], [0, 1]], [[[1]], [[2]]])).toThrow("nn.linalg.solve: b must have shape [2] or [2, k] to match a of shape [2, 2], got [2, 1, 1]");
    expect(() => nn.linalg.solve([[1, 2], [2, 4]], [1, 2])).toThrow(
      "nn.linalg.solve: a of shape [2, 2] is singular: elimination leaves column 1 without a non-zero pivot, so the system has no unique solution (its columns are linearly dependent)",
    );
    expect(() => nn.linalg.solve("a" as never, [1])).toThrow("nn.linalg.solve: a must be a Tensor or nested arrays of numbers, got string");
    expect(() => nn.linalg.solve([[1, 2], [3]] as never, [1, 2])).toThrow(/^nn\.linalg\.solve: a: /);
  });
});

describe("nn.linalg.inv", () => {
  test("hand-computed 2×2 inverse: [[4, 7], [2, 6]]⁻¹ = [[6, −7], [−2, 4]] / 10", () => {
    close(nn.linalg.inv([[4, 7], [2, 6]]), [[0.6, -0.7], [-0.2, 0.4]], 1e-15);
  });

  test("matches numpy.linalg.inv, and its gradient PyTorch's", () => {
    close(nn.linalg.inv(ref.a5), ref.inv_a5);
    close(nn.linalg.inv(ref.a3), ref.inv_a3);
    const a = nn.tensor(ref.a3, { dtype: "float64", requiresGrad: true });
    nn.linalg.inv(a).mul(nn.tensor(ref.a3, { dtype: "float64" }).transpose()).sum().backward();
    close(a.grad!, ref.grad_inv_a3_weighted_by_a3T);
  });

  test("errors name inv", () => {
    expect(() => nn.linalg.inv([[1, 2], [2, 4]])).toThrow("nn.linalg.inv: a of shape [2, 2] is singular");
    expect(() => nn.linalg.inv([[1, 2]])).toThrow("nn.linalg.inv: a must be a square matrix [n, n] with n ≥ 1, got shape [1, 2]");
  });
});

describe("nn.linalg.det", () => {
  test("hand-computed determinants", () => {
    expect(nn.linalg.det([[1, 2], [3, 4]])).toBeCloseTo(-2, 14); // 1·4 − 2·3
    expect(nn.linalg.det([[0, 1], [1, 0]])).toBe(-1); // one row swap
    expect(nn.linalg.det([[2, 0, 0], [0, 3, 0], [0, 0, 4]])).toBe(24);
    expect(nn.linalg.det([[1, 2], [2, 4]])).toBe(0); // singular
    expect(nn.linalg.det([[5]])).toBe(5);
  });

  test("matches numpy.linalg.det", () => {
    expectClose([nn.linalg.det(ref.a5)], [ref.det_a5], 1e-10);
    expectClose([nn.linalg.det(ref.a3)], [ref.det_a3], 1e-10);
  });

  test("a non-square matrix is an error", () => {
    expect(() => nn.linalg.det([[1, 2, 3]])).toThrow("nn.linalg.det: a must be a square matrix [n, n] with n ≥ 1, got shape [1, 3]");
  });
});

describe("nn.linalg.lstsq", () => {
  test("hand-computed line fit through (0, 1), (1, 2), (2, 2): c = 7/6, s = 1/2, residual 1/6", () => {
    // Normal equations [[3, 3], [3, 5]]·(c, s) = (5, 6); residuals −1/6, 1/3, −1/6.
    const { solution, residuals } = nn.linalg.lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 2]);
    expect(solution.shape).toEqual([2]);
    close(solution, [7 / 6, 1 / 2], 1e-15);
    expect(residuals.shape).toEqual([1]);
    close(residuals, [1 / 6], 1e-15);
  });

  test("a square system is solved exactly, with empty residuals (as NumPy)", () => {
    const { solution, residuals } = nn.linalg.lstsq([[3, 1], [1, 2]], [9, 8]);
    close(solution, [2, 3], 1e-15);
    expect(residuals.shape).toEqual([0]);
  });

  test("matches numpy.linalg.lstsq (float64)", () => {
    const v = nn.linalg.lstsq(ref.tall, ref.tall_bv);
    close(v.solution, ref.lstsq_v.solution);
    close(v.residuals, ref.lstsq_v.residuals);
    const m = nn.linalg.lstsq(ref.tall, ref.tall_b);
    expect(m.solution.shape).toEqual([3, 2]);
    close(m.solution, ref.lstsq_m.solution);
    close(m.residuals, ref.lstsq_m.residuals);
  });

  test("underdetermined and rank-deficient problems are clear errors", () => {
    expect(() => nn.linalg.lstsq([[1, 2, 3]], [1])).toThrow(
      "nn.linalg.lstsq: a must have at least as many rows as columns (and ≥ 1 column), got shape [1, 3]; an underdetermined system has no unique least-squares solution",
    );
    // Column 2 = column 0 + column 1.
    expect(() => nn.linalg.lstsq([[1, 0, 1], [0, 1, 1], [1, 1, 2], [2, 1, 3]], [1, 2, 3, 4])).toThrow(
      "nn.linalg.lstsq: a of shape [4, 3] is rank-deficient: column 2 is a linear combination of the columns before it (to rounding), so the least-squares solution is not unique; remove the column or add a ridge penalty",
    );
    expect(() => nn.linalg.lstsq([[1, 0], [0, 1], [1, 1]], [1, 2])).toThrow("nn.linalg.lstsq: b must have shape [3] or [3, k] to match a of shape [3, 2], got [2]");
  });
});
