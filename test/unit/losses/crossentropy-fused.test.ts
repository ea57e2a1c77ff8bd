/**
 * Categorical cross-entropy from probabilities (one fused op) against PyTorch autograd through
 * Keras 3's formula (test/fixtures/torch/crossentropy_fused.py): a rank-3 batch, soft targets
 * that require gradients, rows not summing to 1, probabilities clamped at 0 and at 1.
 */
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";

const ref = torchFixture("crossentropy_fused");

describe.each([
  ["float64", 1e-10],
  ["float32", 1e-5],
] as const)("categoricalCrossentropy from probabilities matches PyTorch (%s)", (dtype, tol) => {
  const probs = nn.tensor(ref.probs, { dtype, requiresGrad: true });
  const targets = nn.tensor(ref.targets, { dtype, requiresGrad: true });
  const loss = nn.losses.categoricalCrossentropy(targets, probs);

  test("per-row losses, shape [2, 2]", () => {
    expect(loss.shape).toEqual([2, 2]);
    expectClose(loss.data, flat(ref[dtype].loss), tol);
  });

  test("gradients with respect to predictions and targets", () => {
    const [gp, gt] = nn.gradientsOf(nn.sum(nn.mul(loss, nn.tensor(ref.probe, { dtype }))), [probs, targets]);
    expectClose(gp, flat(ref[dtype].grad_probs), tol);
    expectClose(gt, flat(ref[dtype].grad_targets), tol);
  });
});
