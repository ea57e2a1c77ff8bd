/** nn.optimizers.schedules.oneCycle against PyTorch's OneCycleLR (cycle_momentum=False), by hand, and in fit. */
import * as nn from "nnlab";
import { expectClose, torchFixture } from "../helpers";

interface Case {
  args: { max_lr: number; total_steps: number; pct_start?: number; div_factor?: number; final_div_factor?: number; anneal_strategy?: "cos" | "linear"; three_phase?: boolean };
  rates: number[];
}
const fixture = torchFixture("one_cycle") as Record<string, Case | string>;
const ref = Object.fromEntries(Object.entries(fixture).filter(([, v]) => typeof v === "object")) as Record<string, Case>;

function fromTorch({ args }: Case): nn.optimizers.schedules.OneCycle {
  return nn.optimizers.schedules.oneCycle({
    maxLearningRate: args.max_lr, totalSteps: args.total_steps, pctStart: args.pct_start, divFactor: args.div_factor,
    finalDivFactor: args.final_div_factor, annealStrategy: args.anneal_strategy, threePhase: args.three_phase,
  });
}

test.each(Object.keys(ref))("every step's rate matches PyTorch: %s", (name) => {
  const schedule = fromTorch(ref[name]);
  const got = ref[name].rates.map((_, step) => schedule.call(step));
  expectClose(got, ref[name].rates, 1e-12);
});

test("by hand: 4 steps, peak 0.01 at step 1, cosine half-way at step 2", () => {
  const s = nn.optimizers.schedules.oneCycle({ maxLearningRate: 0.01, totalSteps: 4, pctStart: 0.5 });
  // initial = 0.01 / 25 = 4e-4; final = 4e-4 / 1e4 = 4e-8; step 2 is half-way down: (0.01 + 4e-8) / 2.
  expectClose([0, 1, 2, 3].map((t) => s.call(t)), [4e-4, 0.01, (0.01 + 4e-8) / 2, 4e-8], 1e-15);
});

test("config round trip through the registry (Keras-style { className, config })", () => {
  const s = nn.optimizers.schedules.oneCycle({ maxLearningRate: 0.2, totalSteps: 30, threePhase: true, annealStrategy: "linear" });
  const again = nn.optimizers.schedules.scheduleFromConfig(JSON.parse(JSON.stringify(s.toJSON())));
  expect(again).toBeInstanceOf(nn.optimizers.schedules.OneCycle);
  expect(again.getConfig()).toEqual({ maxLearningRate: 0.2, totalSteps: 30, pctStart: 0.3, divFactor: 25, finalDivFactor: 1e4, annealStrategy: "linear", threePhase: true });
  expect(nn.optimizers.schedules.scheduleFromConfig({ className: "OneCycleLR", config: { maxLearningRate: 1, totalSteps: 2 } })).toBeInstanceOf(nn.optimizers.schedules.OneCycle);
});

test("drives SGD inside fit: w ← w·(1 − 2·lr_t) for L = w², with PyTorch's rates", async () => {
  // One weight, no bias, input 1, target 0: the loss is w², its gradient 2w, so each SGD step
  // multiplies w by (1 − 2·lr_t). After the whole cycle, w = w₀·Π(1 − 2·lr_t) with PyTorch's lr_t.
  const torchCase = ref.tiny;
  const model = nn.sequential([nn.layers.dense({ units: 1, useBias: false, inputShape: [1], kernelInitializer: nn.initializers.constant({ value: 0.5 }) })]);
  const optimizer = nn.optimizers.sgd({ learningRate: fromTorch(torchCase) });
  model.compile({ optimizer, loss: "mse" });
  await model.fit(nn.tensor([[1]], { dtype: "float64" }), nn.tensor([[0]], { dtype: "float64" }), { epochs: 4, batchSize: 1, verbose: 0 });
  expect(optimizer.iterations).toBe(4);
  const expected = torchCase.rates.reduce((w, lr) => w * (1 - 2 * lr), 0.5);
  expectClose(Array.from(model.getWeights()[0].data), [expected], 1e-6);
});

test("errors name the argument and the actual value; a step past the cycle is an error, as in PyTorch", () => {
  const make = (args: Partial<nn.optimizers.schedules.OneCycleArgs>) => () => nn.optimizers.schedules.oneCycle({ maxLearningRate: 0.1, totalSteps: 10, ...args });
  expect(make({ maxLearningRate: 0 })).toThrow("oneCycle: maxLearningRate must be a number > 0, got 0");
  expect(make({ totalSteps: 2.5 })).toThrow("oneCycle: totalSteps must be a positive integer, got 2.5");
  expect(make({ pctStart: 1.5 })).toThrow("oneCycle: pctStart must be a number > 0 and ≤ 1, got 1.5");
  expect(make({ annealStrategy: "step" as never })).toThrow('oneCycle: annealStrategy must be "cos" or "linear", got "step"');
  expect(make({ threePhase: 1 as never })).toThrow("oneCycle: threePhase must be true or false, got 1");
  expect(() => nn.optimizers.schedules.oneCycle({ maxLearningRate: 0.1, totalSteps: 10 }).call(11)).toThrow("oneCycle.call: step 11 is past totalSteps 10: the cycle is over (set totalSteps to epochs × batches per epoch)");
});
