/**
 * Freezing a whole model freezes the layers inside it for regularization too: Keras 3 sums
 * weight penalties over `trainable_weights`, so a frozen model's layers add none, while added
 * losses (`addLoss`) still count. Expected losses are hand computations.
 */
import * as nn from "nnlab";
import { expectClose } from "../helpers";

beforeEach(() => nn.clearSession());

/** A layer that adds a fixed loss from its call (Keras's `self.add_loss`), in training and evaluation. */
class Penalty extends nn.layers.Layer {
  readonly className = "Penalty";
  constructor(private readonly amount: number) { super({}, "Penalty"); }
  call(x: nn.Tensor): nn.Tensor {
    this.addLoss(nn.scalar(this.amount));
    return x;
  }
}

/**
 * outer: x → base (addLoss 0.25 → dense, kernel ones, l2(0.5)) → head (kernel ones, l2(0.1)).
 * On x = [1, 0], y = 0 both outputs are 1, so the mse is 1; the base's kernel penalty is
 * 0.5·(1² + 1²) = 1 and the head's 0.1·1² = 0.1.
 */
function nested() {
  const inner = nn.input({ shape: [2] });
  const baseDense = nn.layers.dense({ units: 1, useBias: false, kernelInitializer: "ones", kernelRegularizer: nn.regularizers.l2(0.5), name: "base_dense" });
  const base = nn.model({ inputs: inner, outputs: baseDense.apply(new Penalty(0.25).apply(inner)), name: "base" });
  const x = nn.input({ shape: [2] });
  const head = nn.layers.dense({ units: 1, useBias: false, kernelInitializer: "ones", kernelRegularizer: nn.regularizers.l2(0.1), name: "head" });
  const outer = nn.model({ inputs: x, outputs: head.apply(base.apply(x)), name: "outer" });
  outer.compile({ optimizer: "sgd", loss: "mse" });
  return { outer, base, baseDense, head };
}

const loss = (m: nn.Model) => m.evaluate([[1, 0]], [[0]]) as number;

describe("a frozen model adds no weight penalties of the layers inside it", () => {
  test("everything trainable: mse 1 + base 1 + added 0.25 + head 0.1", () => {
    expectClose([loss(nested().outer)], [2.35], 1e-6);
  });

  test("a frozen nested model (its dense layer still says trainable): its kernel penalty goes, its added loss stays", () => {
    const { outer, base, baseDense } = nested();
    base.trainable = false;
    expect(baseDense.trainable).toBe(true);
    expectClose([loss(outer)], [1.35], 1e-6);
    expect(baseDense.trainable).toBe(true); // the layer's own flag is left as it was
  });

  test("the frozen outer model drops the penalties two levels down as well", () => {
    const { outer, base, head } = nested();
    outer.trainable = false;
    expectClose([loss(outer)], [1.25], 1e-6);
    expect([base.trainable, head.trainable]).toEqual([true, true]);
    outer.trainable = true;
    expectClose([loss(outer)], [2.35], 1e-6);
  });

  test("training a model with a frozen nested base: the base's l2 penalty does not enter the step", async () => {
    // The logged loss is the one before the update: mse 1 + added 0.25 + head 0.1 = 1.35 (2.35
    // if the frozen base's penalty counted). SGD(lr 0.1) on the head only: loss = w_h² + 0.1·w_h²
    // (+ constants), gradient 2.2 at w_h = 1, so w_h becomes 0.78; the base stays at ones.
    const { outer, base, head } = nested();
    base.trainable = false;
    outer.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.1 }), loss: "mse" });
    const history = await outer.fit([[1, 0]], [[0]], { epochs: 1, verbose: 0 });
    expectClose([history.history.loss[0]], [1.35], 1e-6);
    expectClose(Array.from(head.weights[0].data), [0.78], 1e-6);
    expect(Array.from(base.weights[0].data)).toEqual([1, 1]);
  });
});
