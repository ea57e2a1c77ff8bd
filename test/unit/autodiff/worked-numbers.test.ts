/**
 * Worked numbers from the study notes (inventory Part 3) that tensors and autodiff reproduce.
 * Where the notes round or slip, the exact value (Part 3 / Part 4) is asserted as well.
 */
import * as nn from "nnlab";
import { expectClose } from "../helpers";

const f64 = (v: nn.NestedArray) => nn.tensor(v, { dtype: "float64" });

test("N1 — maximum-likelihood products and their negative logs", () => {
  const p = f64([[0.6, 0.2, 0.1, 0.7], [0.7, 0.9, 0.8, 0.6]]).prod(1);
  expectClose(p.data, [0.0084, 0.3024], 1e-12);
  expectClose(p.log().neg().data, [4.779524, 1.196005], 5e-7);
  // The note's base-10 version.
  expectClose(p.log10().neg().data, [2.075721, 0.519418], 5e-7);
});

describe("N2 — backprop through a chain of 3 sigmoid neurons (input 1, w = 0.5, E = 0.1, LR = 0.01)", () => {
  const run = () => {
    const tape = nn.gradientTape({ persistent: true });
    const [w1, w2, w3] = tape.watch([f64(0.5), f64(0.5), f64(0.5)]);
    const z1 = w1.mul(1);
    const a1 = z1.sigmoid();
    const z2 = w2.mul(a1);
    const a2 = z2.sigmoid();
    const z3 = w3.mul(a2);
    const a3 = z3.sigmoid();
    return { tape, w: [w1, w2, w3], z: [z1, z2, z3], a: [a1, a2, a3] };
  };

  test("forward activations and PD = a(1 − a)", () => {
    const { a } = run();
    const values = a.map((t) => t.item());
    expectClose(values, [0.622, 0.577, 0.5717], 5e-4);
    expectClose(values, [0.6224593312, 0.5771853801, 0.5716515653], 1e-10);
    const pd = values.map((v) => v * (1 - v));
    expectClose(pd, [0.235, 0.244, 0.244], 1e-3);
    expectClose(pd, [0.2350037122, 0.2440424171, 0.2448660532], 1e-9);
  });

  test("δ (the note's G) by autodiff: gradients of the output with respect to each neuron's input, seeded with E", () => {
    const { tape, z, a } = run();
    // dL/da3 = E = 0.1 for L = ½(a3 − t)² with t = a3 − 0.1.
    const g = tape.gradient(a[2], z, f64(0.1)).map((t) => t.item()).reverse();
    expectClose(g, [0.0244866053, 0.0029878852, 0.0003510821], 1e-9);
    // The note's δ values 0.02, 0.002, 0.0003 are these truncated to one significant digit.
    const noted = [0.02, 0.002, 0.0003];
    g.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(noted[i]);
      expect(v).toBeLessThan(noted[i] * 1.5);
    });
  });

  test("the note's update w − LR·G, and the correct one w − LR·∂L/∂w", () => {
    const { tape, w, z, a } = run();
    const deltas = tape.gradient(a[2], z, f64(0.1)).map((t) => t.item());
    const noteRule = w.map((wi, i) => wi.item() - 0.01 * deltas[i]);
    expect(Math.abs(noteRule[2] - 0.4997)).toBeLessThan(1e-4);
    expect(Math.abs(noteRule[1] - 0.49997)).toBeLessThan(1e-6);
    expect(Math.abs(noteRule[0] - 0.499997)).toBeLessThan(1e-6);
    expectClose(noteRule, [0.4999964892, 0.4999701211, 0.4997551339], 1e-10);

    const dw = tape.gradient(a[2], w, f64(0.1)).map((t) => t.item());
    expectClose(dw, [0.0003510821, 0.001859837, 0.0141333106], 1e-9);
    expectClose(w.map((wi, i) => wi.item() - 0.01 * dw[i]), [0.4999964892, 0.4999814016, 0.4998586669], 1e-10);
  });
});

test("N3 — age → linear regression y = 0.042·age − 1.53", () => {
  const ages = [15, 20, 25, 30, 35, 36.5, 36.429, 38, 45, 50, 68, 72, 79];
  const y = f64(ages).mul(0.042).sub(1.53);
  const quoted = [-0.9, -0.69, -0.48, -0.27, -0.06, 0.003, 1.8e-5, 0.066, 0.36, 0.57, 1.326, 1.494, 1.788];
  Array.from(y.data).forEach((v, i) => expect(Math.abs(v - quoted[i])).toBeLessThan(1e-9));
  // Zero crossing: the note's 36.429 vs the exact 1.53 / 0.042.
  expectClose([nn.div(f64(1.53), 0.042).item()], [36.428571428571], 1e-12);
});

test("N4 — sigmoid table (7 dp), without NaN at ±1000 in either dtype", () => {
  const z = [-1000, -100, -10, -1, 0, 1, 10, 100, 1000, 1500];
  const table = [0, 0, 0.0000454, 0.2689414, 0.5, 0.7310586, 0.9999546, 1, 1, 1];
  for (const dtype of ["float64", "float32"] as const) {
    const s = nn.tensor(z, { dtype }).sigmoid();
    Array.from(s.data).forEach((v, i) => expect(Math.abs(v - table[i])).toBeLessThan(5e-8));
  }
});

test("N21 — toy squared-error loss (3 − 18)² = 225, and its slope 2(18 − 3) = 30", () => {
  const { value, grad } = nn.valueAndGrad((pred) => f64(3).sub(pred).square())(f64(18));
  expect(value.item()).toBe(225);
  expect(grad.item()).toBe(30);
});

describe("N22 — calculus examples via nn.grad", () => {
  test("d/dx (x² + x) = 2x + 1", () => {
    const xs = [-2, -0.5, 0, 1, 3];
    expectClose(nn.grad((x) => x.square().add(x))(f64(xs)).data, xs.map((x) => 2 * x + 1), 1e-15);
  });
  test("y = x² has slope 0 at x = 0 (the minimum)", () => {
    expect(nn.grad((x) => x.square())(f64(0)).item()).toBe(0);
  });
  test("z = x² + y²: ∂z/∂x = 2x, ∂z/∂y = 2y; z = √(x² + y²) at (3, 4): (0.6, 0.8)", () => {
    const [dx, dy] = nn.grads((x, y) => x.square().add(y.square()))([f64(3), f64(4)]);
    expect([dx.item(), dy.item()]).toEqual([6, 8]);
    const [ex, ey] = nn.grads((x, y) => x.square().add(y.square()).sqrt())([f64(3), f64(4)]);
    expectClose([ex.item(), ey.item()], [0.6, 0.8], 1e-15);
  });
  test("the 2-2-1 network is a 9-D function of its parameters: 9 slopes", () => {
    const x = f64([[0.5, -1]]);
    const loss = (w1: nn.Tensor, b1: nn.Tensor, w2: nn.Tensor, b2: nn.Tensor) =>
      x.matmul(w1).add(b1).sigmoid().matmul(w2).add(b2).sigmoid().sub(1).square().sum();
    const params = [f64([[0.1, 0.2], [0.3, 0.4]]), f64([0, 0]), f64([[0.5], [0.6]]), f64([0])];
    const slopes = nn.grads(loss)(params);
    expect(slopes.reduce((n, g) => n + g.size, 0)).toBe(9);
    expect(nn.checkGrad(loss, params).passed).toBe(true);
  });
});

test("N26 — vanishing-gradient products: 0.1⁴ = 0.0001 and 0.1³ = 0.001, also as chain-rule factors", () => {
  expectClose([f64([0.1, 0.1, 0.1, 0.1]).prod().item()], [0.0001], 1e-15);
  expectClose([f64([0.1, 0.1, 0.1]).prod().item()], [0.001], 1e-15);
  // Backprop through four layers that each scale by 0.1 multiplies the gradient by 0.1⁴.
  const g = nn.grad((x) => x.mul(0.1).mul(0.1).mul(0.1).mul(0.1))(f64(1));
  expectClose([g.item()], [0.0001], 1e-15);
});

describe("N32 — Mazur's step-by-step backpropagation (2-2-2 sigmoid network, lr 0.5)", () => {
  // Weights as on the page: h1 = σ(w1·i1 + w2·i2 + b1), h2 = σ(w3·i1 + w4·i2 + b1),
  // o1 = σ(w5·h1 + w6·h2 + b2), o2 = σ(w7·h1 + w8·h2 + b2); rows of each matrix are units.
  const x = f64([[0.05, 0.1]]);
  const target = f64([[0.01, 0.99]]);
  const make = () => ({
    wHidden: f64([[0.15, 0.2], [0.25, 0.3]]),
    wOut: f64([[0.4, 0.45], [0.5, 0.55]]),
    b1: f64(0.35),
    b2: f64(0.6),
  });
  const forward = (p: ReturnType<typeof make>) => {
    const h = nn.matmul(x, p.wHidden, { transposeB: true }).add(p.b1).sigmoid();
    const o = nn.matmul(h, p.wOut, { transposeB: true }).add(p.b2).sigmoid();
    const error = target.sub(o).square().mul(0.5).sum();
    return { h, o, error };
  };
  const step = (p: ReturnType<typeof make>) => {
    const tape = nn.gradientTape();
    tape.watch([p.wHidden, p.wOut]);
    const { h, o, error } = forward(p);
    const g = tape.gradient(error, { wHidden: p.wHidden, wOut: p.wOut });
    // Biases stay fixed, as on the page.
    for (const key of ["wHidden", "wOut"] as const) {
      for (let i = 0; i < p[key].size; i++) p[key].data[i] -= 0.5 * g[key].data[i];
    }
    return { h, o, error };
  };

  test("forward pass and total error", () => {
    const { h, o, error } = forward(make());
    expectClose(h.data, [0.593269992, 0.596884378], 1e-9);
    expectClose(o.data, [0.75136507, 0.772928465], 1e-8);
    expectClose([error.item()], [0.298371109], 1e-9);
  });

  test("one update gives the page's w1..w8", () => {
    const p = make();
    step(p);
    expectClose(p.wOut.data, [0.35891648, 0.408666186, 0.51130127, 0.561370121], 1e-8);
    expectClose(p.wHidden.data, [0.149780716, 0.19956143, 0.24975114, 0.29950229], 1e-8);
  });

  test("the error of the 10,000th iteration is 0.0000351085", () => {
    // The page's figure is the error that iteration 10,000 computes before its own update
    // (after 9,999 updates; NumPy reference 3.510854812e-5). One more update gives 3.5102e-5.
    const p = make();
    let error = NaN;
    for (let i = 0; i < 10000; i++) error = step(p).error.item();
    expect(Math.abs(error - 0.0000351085)).toBeLessThan(5e-11);
  });
});
