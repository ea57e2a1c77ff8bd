/**
 * The spec's hand-worked CNN numbers (inventory S4§2i and S4 "convolution linearity"): a 5×5 input
 * through a 3×3 kernel with valid and same padding, max vs average pooling on a 4×4 matrix, and
 * the linearity of convolution. Every expected value is computed by hand in the comments.
 */
import * as nn from "nnlab";

// x[r][c] = 5r + c + 1: 1 … 25, row by row.
const x = nn.tensor(Array.from({ length: 25 }, (_, i) => i + 1), { shape: [1, 5, 5, 1], dtype: "float64" });
// A vertical-edge kernel: +1 in the left column, −1 in the right one ([kh, kw, in, out]).
const kernel = nn.tensor([[[[1]], [[0]], [[-1]]], [[[1]], [[0]], [[-1]]], [[[1]], [[0]], [[-1]]]], { dtype: "float64" });

test("5×5 input, 3×3 kernel, valid → 3×3: every window gives 3 · (x[r][c] − x[r][c+2]) = 3 · (−2) = −6", () => {
  const y = nn.conv2d(x, kernel);
  expect(y.shape).toEqual([1, 3, 3, 1]);
  expect(Array.from(y.data)).toEqual(new Array(9).fill(-6));
});

test("same padding → 5×5: corners see zeros (top-left −(2 + 7) = −9, top-right 4 + 9 = 13), the centre −6", () => {
  const y = nn.conv2d(x, kernel, { padding: "same" });
  expect(y.shape).toEqual([1, 5, 5, 1]);
  const at = (r: number, c: number) => y.data[r * 5 + c];
  expect(at(0, 0)).toBe(-9); // rows 0–1 valid; the +1 column falls on the padding, the −1 column on x[·][1] = 2, 7
  expect(at(0, 4)).toBe(13); // the +1 column on x[·][3] = 4, 9; the −1 column on the padding
  expect(at(2, 2)).toBe(-6);
  expect(at(4, 0)).toBe(-(17 + 22)); // bottom-left: rows 3–4, column 1
});

test("MaxPooling2D(2) vs AveragePooling2D(2) on a 4×4 matrix", () => {
  const m = nn.tensor([[1, 3, 2, 4], [5, 7, 6, 8], [9, 11, 10, 12], [13, 15, 14, 16]]).reshape([1, 4, 4, 1]);
  expect(Array.from(nn.layers.maxPooling2d({ poolSize: 2 }).apply(m).data)).toEqual([7, 8, 15, 16]);
  // (1+3+5+7)/4 = 4, (2+4+6+8)/4 = 5, (9+11+13+15)/4 = 12, (10+12+14+16)/4 = 13
  expect(Array.from(nn.layers.averagePooling2d({ poolSize: 2 }).apply(m).data)).toEqual([4, 5, 12, 13]);
});

test("convolution is linear: conv(a·x + y) = a·conv(x) + conv(y)", () => {
  const r = new nn.Random(5);
  const rand = (shape: number[]) => nn.tensor(Float64Array.from({ length: shape.reduce((p, d) => p * d, 1) }, () => r.uniform() * 2 - 1), { shape });
  const [u, v, k] = [rand([2, 6, 5, 3]), rand([2, 6, 5, 3]), rand([3, 2, 3, 4])];
  const a = 2.5;
  const left = nn.conv2d(u.mul(a).add(v), k, { padding: "same", strides: 2 });
  const right = nn.conv2d(u, k, { padding: "same", strides: 2 }).mul(a).add(nn.conv2d(v, k, { padding: "same", strides: 2 }));
  left.data.forEach((value, i) => expect(Math.abs(value - right.data[i])).toBeLessThan(1e-12));
});
