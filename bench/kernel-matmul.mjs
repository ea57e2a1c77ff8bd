#!/usr/bin/env node
// Throughput of one nnlab backend's matmul kernel (called directly, no tensors) on the products
// one training step of the bench's MLP (784-128-10, batch 64) computes, in G multiply-adds per
// second, float32 and float64.
//
//   npm run build -w src && node bench/kernel-matmul.mjs [--backend ts|wasm]
//   NNLAB_PATH=/other/src/dist node bench/kernel-matmul.mjs   # another build, for before/after
//
// For tuning kernels (src/backend/); bench/run.mjs measures the public ops and whole training.
import { loadNnlab, stringOption } from "./harness.mjs";

const { nn, info } = loadNnlab(stringOption("backend", "ts"));
const be = nn.backend();
console.log(`backend ${info.name} (simd ${info.simd}, threads ${info.threads})`);

// [label, m, k, n, transA, transB]
const PRODUCTS = [
  ["dense 1 forward  x·W1      ", 64, 784, 128, false, false],
  ["dense 1 backward xᵀ·G (dW1)", 784, 64, 128, true, false],
  ["dense 2 forward  h·W2      ", 64, 128, 10, false, false],
  ["dense 2 backward G·W2ᵀ (dh)", 64, 10, 128, false, true],
  ["dense 2 backward hᵀ·G (dW2)", 128, 64, 10, true, false],
  ["square 256                 ", 256, 256, 256, false, false],
];

let seed = 1;
const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;

for (const Type of [Float32Array, Float64Array]) {
  console.log(`${Type.name}:`);
  for (const [label, m, k, n, transA, transB] of PRODUCTS) {
    const a = Type.from({ length: m * k }, next);
    const b = Type.from({ length: k * n }, next);
    const out = new Type(m * n);
    const reps = Math.max(5, Math.round(2e8 / (m * k * n)));
    for (let r = 0; r < 5; r++) be.matmul(a, b, out, m, k, n, transA, transB); // warm-up
    const start = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) be.matmul(a, b, out, m, k, n, transA, transB);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(`  ${label} ${m}×${k}×${n}: ${((reps * m * k * n) / seconds / 1e9).toFixed(2)} G multiply-adds/s`);
  }
}
