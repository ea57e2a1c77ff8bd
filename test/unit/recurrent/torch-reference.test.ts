/**
 * Recurrent layers and Embedding against PyTorch (test/fixtures/torch/recurrent.py, which also
 * documents the gate-order mapping): outputs, final states and the gradients of
 * Σ out ⊙ P (+ Σ states ⊙ Q) with respect to input, weights and initial states.
 */
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";

const fx = torchFixture("recurrent");
const TOL: Record<nn.DType, number> = { float32: 1e-5, float64: 1e-10 };
const DTYPES: nn.DType[] = ["float32", "float64"];

beforeEach(() => nn.clearSession());

const t = (v: nn.NestedArray, dtype: nn.DType, requiresGrad = false) => nn.tensor(v, { dtype, requiresGrad });
/** Compares each named tensor with the reference entry of the same name. */
function compare(ref: Record<string, nn.NestedArray>, actual: Record<string, nn.Tensor | null>, tol: number): void {
  for (const [key, tensor] of Object.entries(actual)) {
    if (!tensor) throw new Error(`${key}: no value (missing gradient?)`);
    expectClose(tensor.data, flat(ref[key]), tol);
  }
}
const dot = (a: nn.Tensor, b: nn.NestedArray, dtype: nn.DType) => a.mul(t(b, dtype)).sum();

describe.each(DTYPES)("%s", (dtype) => {
  const tol = TOL[dtype];

  test("LSTM with initial state [h, c], returnSequences and returnState equals torch.nn.LSTM", () => {
    const c = fx.lstm;
    const ref = c[dtype];
    const layer = nn.layers.lstm({ units: 3, returnSequences: true, returnState: true, dtype });
    layer.ensureBuilt([null, 5, 4]);
    layer.setWeights([c.kernel, c.recurrent_kernel, c.bias]);
    const x = t(c.x, dtype, true);
    const h0 = t(c.h0, dtype, true);
    const c0 = t(c.c0, dtype, true);
    const [out, h, cn] = layer.applyWithStates(x, { initialState: [h0, c0] });
    const loss = dot(out, c.P, dtype).add(dot(h, c.Q, dtype)).add(dot(cn, c.Q2, dtype));
    loss.backward();
    compare(ref, { out: out, h: h, c: cn, dx: x.grad, dkernel: layer.kernel!.grad, drecurrent: layer.recurrentKernel!.grad, dbias: layer.bias!.grad, dh0: h0.grad, dc0: c0.grad }, tol);
  });

  test("GRU (resetAfter, Keras 3 default) equals torch.nn.GRU with gates reordered", () => {
    const c = fx.gru;
    const ref = c[dtype];
    const layer = nn.layers.gru({ units: 3, returnSequences: true, dtype });
    layer.ensureBuilt([null, 5, 4]);
    layer.setWeights([c.kernel, c.recurrent_kernel, c.bias]);
    const x = t(c.x, dtype, true);
    const h0 = t(c.h0, dtype, true);
    const [out, h] = layer.applyWithStates(x, { initialState: h0 });
    dot(out, c.P, dtype).add(dot(h, c.Q, dtype)).backward();
    compare(ref, { out: out, h: h, dx: x.grad, dkernel: layer.kernel!.grad, drecurrent: layer.recurrentKernel!.grad, dbias: layer.bias!.grad, dh0: h0.grad }, tol);
  });

  test("GRU with resetAfter false equals the paper's equations (torch autograd)", () => {
    const c = fx.gru_reset_before;
    const ref = c[dtype];
    const layer = nn.layers.gru({ units: 3, returnSequences: true, resetAfter: false, dtype });
    layer.ensureBuilt([null, 5, 4]);
    expect(layer.bias!.shape).toEqual([9]);
    layer.setWeights([c.kernel, c.recurrent_kernel, c.bias1]);
    const x = t(c.x, dtype, true);
    const out = layer.apply(x);
    dot(out, c.P, dtype).backward();
    compare(ref, { out: out, dx: x.grad, dkernel: layer.kernel!.grad, drecurrent: layer.recurrentKernel!.grad, dbias: layer.bias!.grad }, tol);
  });

  test("SimpleRNN equals torch.nn.RNN", () => {
    const c = fx.simple_rnn;
    const ref = c[dtype];
    const layer = nn.layers.simpleRNN({ units: 3, returnSequences: true, dtype });
    layer.ensureBuilt([null, 5, 4]);
    layer.setWeights([c.kernel, c.recurrent_kernel, c.bias]);
    const x = t(c.x, dtype, true);
    const out = layer.apply(x);
    dot(out, c.P, dtype).backward();
    compare(ref, { out: out, dx: x.grad, dkernel: layer.kernel!.grad, drecurrent: layer.recurrentKernel!.grad, dbias: layer.bias!.grad }, tol);
  });

  test("LSTM going backwards over a padded batch keeps h and c at masked steps (Keras semantics)", () => {
    const c = fx.lstm_masked_backwards;
    const ref = c[dtype];
    const layer = nn.layers.lstm({ units: 3, returnSequences: true, goBackwards: true, dtype });
    layer.ensureBuilt([null, 5, 4]);
    layer.setWeights([c.kernel, c.recurrent_kernel, c.bias]);
    const x = t(c.x, dtype, true);
    const [out, , cn] = layer.applyWithStates(x, { mask: nn.tensor(c.mask) });
    dot(out, c.P, dtype).add(dot(cn, c.Q2, dtype)).backward();
    compare(ref, { out: out, c: cn, dx: x.grad, dkernel: layer.kernel!.grad, drecurrent: layer.recurrentKernel!.grad, dbias: layer.bias!.grad }, tol);
  });

  test("Bidirectional LSTM (concat, returnSequences) equals torch's bidirectional LSTM", () => {
    const c = fx.bidirectional;
    const ref = c[dtype];
    const bi = nn.layers.bidirectional({ layer: nn.layers.lstm({ units: 3, returnSequences: true, dtype }) });
    bi.ensureBuilt([null, 5, 4]);
    bi.setWeights([c.kernel, c.recurrent_kernel, c.bias, c.kernel_b, c.recurrent_kernel_b, c.bias_b]);
    const x = t(c.x, dtype, true);
    const out = bi.apply(x);
    const P = nn.concat([t(c.P, dtype), t(c.P_b, dtype)], -1);
    out.mul(P).sum().backward();
    compare(ref, { out: out, dx: x.grad, dkernel: bi.forwardLayer.kernel!.grad, dkernel_b: bi.backwardLayer.kernel!.grad }, tol);
  });

  test("Embedding equals torch.nn.functional.embedding (repeated indices add their gradients)", () => {
    const c = fx.embedding;
    const ref = c[dtype];
    const layer = nn.layers.embedding({ inputDim: 6, outputDim: 3, dtype });
    layer.ensureBuilt([null, 4]);
    layer.setWeights([c.embeddings]);
    const out = layer.apply(nn.tensor(c.ids));
    dot(out, c.E, dtype).backward();
    compare(ref, { out, dembeddings: layer.embeddings!.grad }, tol);
  });
});
