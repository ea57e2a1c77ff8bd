/**
 * Convolution, pooling, padding and upsampling ops against PyTorch (test/fixtures/torch/conv.py):
 * outputs and the gradients of sum(y ⊙ g) for x and every weight. float64 cases at 1e-10,
 * float32 at 1e-5 (relative).
 */
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";
import * as convKernels from "../../../src/backend/conv-kernels";

const fixture = torchFixture("conv");
const pathsFixture = torchFixture("conv_paths");

/** A tensor of the case's dtype that records gradients. */
function leaf(values: unknown, dtype: nn.DType): nn.Tensor {
  const t = nn.tensor(values as nn.NestedArray, { dtype });
  t.requiresGrad = true;
  return t;
}

/** Output and gradients of sum(f(...leaves) ⊙ g), compared with the fixture. */
function check(f: (...xs: nn.Tensor[]) => nn.Tensor, leaves: nn.Tensor[], c: { y: unknown; g: unknown; grads: unknown[] }, tol: number): void {
  const y = f(...leaves);
  expect(y.shape).toEqual(shapeOf(c.y));
  expectClose(y.data, flat(c.y), tol);
  const probe = nn.tensor(c.g as nn.NestedArray, { dtype: y.dtype });
  const gs = nn.grads((...xs: nn.Tensor[]) => f(...xs).mul(probe).sum())(leaves);
  c.grads.forEach((expected, i) => expectClose(gs[i].data, flat(expected), tol));
}

function shapeOf(x: unknown): number[] {
  const s: number[] = [];
  let v = x;
  while (Array.isArray(v)) {
    s.push(v.length);
    v = v[0];
  }
  return s;
}

describe("conv2d vs torch.nn.functional.conv2d (kernel [kh, kw, in, out] = torch weight.permute(2, 3, 1, 0))", () => {
  for (const [name, c] of Object.entries<any>(fixture.conv2d)) {
    test(name, () => {
      const dtype = c.dtype as nn.DType;
      const tol = dtype === "float64" ? 1e-10 : 1e-5;
      const leaves = [leaf(c.x, dtype), leaf(c.kernel, dtype), leaf(c.bias, dtype)];
      check((x, k, b) => nn.conv2d(x, k, { strides: c.strides, padding: c.padding, dilationRate: c.dilation, groups: c.groups, bias: b }), leaves, c, tol);
    });
  }
});

describe("each conv2d code path vs torch (test/fixtures/torch/conv_paths.py), bias and fused ReLU included", () => {
  // The case name says which path the geometry must take: "wide" = single-channel wide rows,
  // anything else = im2col by kernel rows (or tap by tap when dilated).
  for (const [name, c] of Object.entries<any>(pathsFixture.conv2d)) {
    test(name, () => {
      const wideColumns = jest.spyOn(convKernels, "wideColumns");
      const im2col = jest.spyOn(convKernels, "im2col");
      try {
        const dtype = c.dtype as nn.DType;
        const leaves = [leaf(c.x, dtype), leaf(c.kernel, dtype), leaf(c.bias, dtype)];
        const options = { strides: c.strides, padding: c.padding, dilationRate: c.dilation, fusedRelu: c.relu };
        check((x, k, b) => nn.conv2d(x, k, { ...options, bias: b }), leaves, c, dtype === "float64" ? 1e-10 : 1e-5);
        const wide = name.startsWith("wide_");
        expect(wideColumns.mock.calls.length > 0).toBe(wide);
        expect(im2col.mock.calls.length > 0).toBe(!wide);
      } finally {
        wideColumns.mockRestore();
        im2col.mockRestore();
      }
    });
  }

  test.each(["wide_3x3_relu_float32", "runs_same_relu_float32", "wide_3x3_float64"])("%s: bias gradient with a frozen kernel (no kernel-gradient product to carry it)", (name) => {
    const c = pathsFixture.conv2d[name];
    const dtype = c.dtype as nn.DType;
    const x = nn.tensor(c.x, { dtype });
    const kernel = nn.tensor(c.kernel, { dtype });
    const probe = nn.tensor(c.g, { dtype });
    const options = { strides: c.strides, padding: c.padding, dilationRate: c.dilation, fusedRelu: c.relu };
    const [gb] = nn.grads((b: nn.Tensor) => nn.conv2d(x, kernel, { ...options, bias: b }).mul(probe).sum())([nn.tensor(c.bias, { dtype })]);
    expectClose(gb.data, flat(c.grads[2]), dtype === "float64" ? 1e-10 : 1e-5);
  });

  test("a single-channel input with ∞ takes the general path: the kernel gradient has no NaN from the dropped wide rows", () => {
    // x 4×4 of zeros but x[0, 3] = ∞; 3×3 kernel of ones; y[oy, ox] = Σ of the window = ∞ only at (0, 1).
    // Hand computation with probe g = 1: dK[ky, kx] = Σ_{oy, ox} x[oy + ky, ox + kx] = ∞ at (0, 2), 0 elsewhere.
    // In wide rows, row p = 3 (column 3 of row 0, dropped) has tap (0, 0) on x[0, 3]: 0·∞ = NaN if it were used.
    // float32, so the product runs on the backend's float32 kernel (WebAssembly multiplies 0·∞).
    const xs = new Float32Array(16);
    xs[3] = Infinity;
    const x = nn.tensor(xs, { shape: [1, 4, 4, 1] });
    const kernel = nn.ones([3, 3, 1, 1], { dtype: "float32" });
    const y = nn.conv2d(x, kernel);
    expect(Array.from(y.data)).toEqual([0, Infinity, 0, 0]);
    const [gk] = nn.grads((k: nn.Tensor) => nn.conv2d(x, k).sum())([kernel]);
    expect(Array.from(gk.data)).toEqual([0, 0, Infinity, 0, 0, 0, 0, 0, 0]);
  });
});

describe("maxPool2d's unrolled 2×2 path and general walk vs torch max_pool2d (ties: the first maximum takes the gradient)", () => {
  for (const [name, c] of Object.entries<any>(pathsFixture.maxPool2d)) {
    test(name, () => {
      const dtype = c.dtype as nn.DType;
      check((x) => nn.maxPool2d(x, { poolSize: c.poolSize, strides: c.strides, padding: c.padding }), [leaf(c.x, dtype)], c, dtype === "float64" ? 1e-10 : 1e-5);
    });
  }
});

describe("conv1d vs torch.nn.functional.conv1d", () => {
  for (const [name, c] of Object.entries<any>(fixture.conv1d)) {
    test(name, () => {
      const leaves = [leaf(c.x, "float64"), leaf(c.kernel, "float64"), leaf(c.bias, "float64")];
      check((x, k, b) => nn.conv1d(x, k, { strides: c.strides, padding: c.padding, dilationRate: c.dilation, bias: b }), leaves, c, 1e-10);
    });
  }
});

describe("pooling vs torch max_pool2d / avg_pool2d (same: padding excluded)", () => {
  for (const [name, c] of Object.entries<any>(fixture.pool)) {
    test(name, () => {
      const op = c.kind === "max" ? nn.maxPool2d : nn.avgPool2d;
      check((x) => op(x, { poolSize: c.poolSize, strides: c.strides, padding: c.padding }), [leaf(c.x, "float64")], c, 1e-10);
    });
  }
});

test("conv2dTranspose equals torch conv_transpose2d with the keras kernel permuted (3, 2, 0, 1)", () => {
  const c = fixture.torch_transpose;
  const y = nn.conv2dTranspose(nn.tensor(c.x, { dtype: "float64" }), nn.tensor(c.kernel, { dtype: "float64" }), { strides: c.strides });
  expect(y.shape).toEqual(shapeOf(c.y));
  expectClose(y.data, flat(c.y), 1e-10);
});

describe("pad and upSampling2d ops", () => {
  test("pad matches Keras ZeroPadding2D", () => {
    const c = fixture.keras_layers.zero_padding;
    check((x) => nn.pad(x, [[0, 0], [1, 2], [0, 3]]), [leaf(c.x, "float32")], c, 1e-6);
  });
  test("pad with a value fills the border", () => {
    expect(nn.pad(nn.tensor([1, 2]), [[1, 2]], -1).dataSync()).toEqual([-1, 1, 2, -1, -1]);
  });
  test.each(["upsampling_nearest", "upsampling_bilinear", "upsampling_bilinear_3x2"])("%s matches Keras UpSampling2D", (name) => {
    const c = fixture.keras_layers[name];
    check((x) => nn.upSampling2d(x, c.config.size, c.config.interpolation), [leaf(c.x, "float32")], c, 1e-5);
  });
});
