/**
 * Large batches are convolved in chunks of samples (the patch matrix is capped at 4M elements and
 * rebuilt in backward). A convolution is independent per sample, so the chunked result must equal
 * the per-sample results exactly — and those use the single-chunk path checked against PyTorch.
 */
import * as nn from "nnlab";

function rand(shape: number[], seed: number): nn.Tensor {
  const r = new nn.Random(seed);
  const n = shape.reduce((p, d) => p * d, 1);
  return nn.tensor(Float64Array.from({ length: n }, () => r.uniform() * 2 - 1), { shape });
}

/** The first index where a and b differ, or −1 (jest's deep equality is slow on 100k-element arrays). */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Output and gradients of sum(f(x, k, b) ⊙ probe) for the whole batch and sample by sample. */
function compareWithPerSample(f: (x: nn.Tensor, k: nn.Tensor, b: nn.Tensor) => nn.Tensor, x: nn.Tensor, k: nn.Tensor, b: nn.Tensor): void {
  const y = f(x, k, b);
  const probe = rand([...y.shape], 5);
  const [gx, gk, gb] = nn.grads((xi, ki, bi) => f(xi, ki, bi).mul(probe).sum())([x, k, b]);
  const batch = x.shape[0];
  const sampleY = y.size / batch;
  const sampleX = x.size / batch;
  const gkSum = new Float64Array(k.size);
  const gbSum = new Float64Array(b.size);
  for (let n = 0; n < batch; n++) {
    const xn = nn.slice(x, [n], [1]);
    const pn = nn.slice(probe, [n], [1]);
    const yn = f(xn, k, b);
    expect(firstDifference(yn.data, y.data.subarray(n * sampleY, (n + 1) * sampleY))).toBe(-1);
    const [gxn, gkn, gbn] = nn.grads((xi, ki, bi) => f(xi, ki, bi).mul(pn).sum())([xn, k, b]);
    expect(firstDifference(gxn.data, gx.data.subarray(n * sampleX, (n + 1) * sampleX))).toBe(-1);
    gkn.data.forEach((v, i) => (gkSum[i] += v));
    gbn.data.forEach((v, i) => (gbSum[i] += v));
  }
  gk.data.forEach((v, i) => expect(Math.abs(v - gkSum[i])).toBeLessThan(1e-9 * Math.max(1, Math.abs(v))));
  gb.data.forEach((v, i) => expect(Math.abs(v - gbSum[i])).toBeLessThan(1e-9 * Math.max(1, Math.abs(v))));
}

test("conv2d over 6 samples whose patch matrix exceeds the cap (4 samples per chunk)", () => {
  // Per sample: 96·96 positions × 5·5·4 taps = 921,600 patch values; the cap holds 4 samples.
  compareWithPerSample((x, k, b) => nn.conv2d(x, k, { bias: b }), rand([6, 100, 100, 4], 1), rand([5, 5, 4, 2], 2), rand([2], 3));
});

test("single-channel conv2d (wide rows) over 20 samples whose patch matrix exceeds the cap (18 per chunk)", () => {
  // Per sample: 96·96 positions × 5·5 taps = 230,400 patch values; the cap holds 18 samples.
  compareWithPerSample((x, k, b) => nn.conv2d(x, k, { bias: b, fusedRelu: true }), rand([20, 100, 100, 1], 8), rand([5, 5, 1, 3], 9), rand([3], 10));
});

test("conv2dTranspose over samples whose patch matrix exceeds the cap", () => {
  // The forward convolution it transposes: 64·64 positions × 7·7·20 taps = 4,014,080 per sample (1 per chunk).
  compareWithPerSample((x, k, b) => nn.conv2dTranspose(x, k, { bias: b }), rand([2, 64, 64, 1], 4), rand([7, 7, 20, 1], 6), rand([20], 7));
});
