// Square float32 matrix products n×n·n×n through each library's public op (nnlab `nn.matmul`,
// tfjs `tf.matMul`, torch `torch.mm`), output read back, in GFLOPS (2n³ floating-point
// operations per product). One workload per size: matmul256, matmul512, matmul1024.
import { mulberry32, repeatFor } from "../harness.mjs";

/**
 * The workload for size `n`. A repetition runs products for at least 0.5 s (at least one) and
 * reports GFLOPS over that time; the operands stay the same, a fresh output each product.
 */
function matmulWorkload(n) {
  const task = { n, seed: 7, minSeconds: 0.5, minCalls: 1 };
  const gflopsRep = (productOnce) => async () => {
    const { calls, seconds } = await repeatFor(productOnce, task);
    return { value: (calls * 2 * n ** 3) / seconds / 1e9, calls };
  };
  return {
    id: `matmul${n}`,
    title: `matmul ${n}×${n} float32`,
    unit: "GFLOPS",
    better: "higher",
    training: false,
    reps: 5,
    task,
    makeData() {
      const rand = mulberry32(task.seed);
      const next = () => rand() - 0.5;
      return { a: Float32Array.from({ length: n * n }, next), b: Float32Array.from({ length: n * n }, next) };
    },
    nnlab(nn, data) {
      const a = nn.tensor(data.a, { shape: [n, n], dtype: "float32" });
      const b = nn.tensor(data.b, { shape: [n, n], dtype: "float32" });
      return gflopsRep(() => {
        const out = nn.matmul(a, b);
        if (out.data.length !== n * n) throw new Error(`nnlab matmul gave ${out.data.length} values`);
      });
    },
    tfjs(tf, data) {
      const a = tf.tensor2d(data.a, [n, n]);
      const b = tf.tensor2d(data.b, [n, n]);
      // Not inside tf.tidy: on tfjs-wasm 4.22, a product inside tidy measured ~20× slower (0.4 vs
      // 9 GFLOPS at n = 512), an artefact a user calling matMul directly would not see.
      return gflopsRep(() => {
        const out = tf.matMul(a, b);
        out.dataSync();
        out.dispose();
      });
    },
  };
}

export default [256, 512, 1024].map(matmulWorkload);
