// Learning-rate schedules against Keras 3's schedules and PyTorch's StepLR, their configs, their
// errors, and an optimizer following a schedule through `iterations`.
import * as nn from "nnlab";
import { expectClose, torchFixture } from "../helpers";

const ref = torchFixture("optimizers").schedules;
const S = nn.optimizers.schedules;
const camel = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), v]));

const cases: Record<string, (args: any) => nn.optimizers.LearningRateSchedule> = {
  exponential: S.exponentialDecay,
  exponential_staircase: S.exponentialDecay,
  cosine: S.cosineDecay,
  cosine_warmup: S.cosineDecay,
  piecewise: S.piecewiseConstant,
  step_lr: S.stepDecay,
};

describe("values at steps 0…24 match Keras 3 (and StepLR's per-step values)", () => {
  for (const [key, make] of Object.entries(cases)) {
    test(key, () => {
      const schedule = make(camel(ref[key].kwargs));
      // Keras evaluates schedules in float32: 1e-6 relative.
      expectClose(ref.steps.map((s: number) => schedule.call(s)), ref[key].values, 1e-6);
      const rebuilt = S.scheduleFromConfig(JSON.parse(JSON.stringify(schedule)));
      expect(rebuilt.getConfig()).toEqual(schedule.getConfig());
      expect(ref.steps.map((s: number) => rebuilt.call(s))).toEqual(ref.steps.map((s: number) => schedule.call(s)));
    });
  }
});

test("an optimizer built with a schedule follows optimizer.iterations, and its config round-trips", () => {
  const schedule = S.piecewiseConstant({ boundaries: [1], values: [0.5, 0.1] });
  const opt = nn.optimizers.sgd({ learningRate: schedule });
  const w = nn.tensor([1.0], { dtype: "float64" });
  const lrs: number[] = [];
  for (let i = 0; i < 3; i++) {
    lrs.push(opt.learningRate);
    opt.applyGradients([new Float64Array([1])], [w]);
  }
  expect(lrs).toEqual([0.5, 0.5, 0.1]);
  expect(w.data[0]).toBeCloseTo(1 - 0.5 - 0.5 - 0.1, 12);
  const copy = nn.optimizers.optimizerFromConfig(JSON.parse(JSON.stringify(opt.getConfig())));
  expect(copy.schedule?.getConfig()).toEqual(schedule.getConfig());
  expect(() => (opt.learningRate = 0.3)).toThrow(/SGD: this optimizer was created with a learning-rate schedule \(PiecewiseConstantDecay\), so learningRate cannot be set to a number/);
});

describe("schedule arguments are validated", () => {
  test.each([
    [() => S.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.5 }), /exponentialDecay: decaySteps must be a number > 0, got 0/],
    [() => S.cosineDecay({ initialLearningRate: 0.1, decaySteps: 10, alpha: 2 }), /cosineDecay: alpha must be a number ≥ 0 and ≤ 1, got 2/],
    [() => S.stepDecay({ initialLearningRate: 0.1, stepSize: 2.5 }), /stepDecay: stepSize must be a positive integer, got 2.5/],
    [() => S.piecewiseConstant({ boundaries: [1, 2], values: [1, 2] }), /piecewiseConstant: values must have one more entry than boundaries/],
    [() => S.piecewiseConstant({ boundaries: [5, 2], values: [1, 2, 3] }), /piecewiseConstant: boundaries must increase, got \[5,2\]/],
    [() => S.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 2, decayRate: 0.5 }).call(-1), /exponentialDecay.call: step must be a number ≥ 0, got -1/],
    [() => S.scheduleFromConfig({ className: "Nope", config: {} }), /unknown learning-rate schedule "Nope"\. Valid learning-rate schedules: CosineDecay, ExponentialDecay, OneCycle, PiecewiseConstantDecay, StepDecay/],
  ])("%#", (make, message) => expect(make).toThrow(message));
});
