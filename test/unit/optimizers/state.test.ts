// Saving and restoring an optimizer's state: training resumed from exported state must equal
// training that never stopped (a hand-checkable property: same arithmetic, same order).
import * as nn from "nnlab";

type Factory = () => nn.optimizers.Optimizer;
const cases: [string, Factory][] = [
  ["sgd momentum", () => nn.optimizers.sgd({ learningRate: 0.1, momentum: 0.9 })],
  ["adam amsgrad", () => nn.optimizers.adam({ learningRate: 0.05, amsgrad: true })],
  ["nadam", () => nn.optimizers.nadam({ learningRate: 0.05 })],
  ["rmsprop centered", () => nn.optimizers.rmsprop({ learningRate: 0.01, centered: true, momentum: 0.5 })],
  ["adadelta", () => nn.optimizers.adadelta({ learningRate: 1 })],
];

/** Gradient of Σ (w − target)² at w: deterministic, so two runs can be compared exactly. */
function gradients(vars: nn.Tensor[]): Float64Array[] {
  return vars.map((v) => Float64Array.from(v.data, (x, i) => 2 * (x - (i % 3))));
}

function makeVars(): nn.Tensor[] {
  return [nn.tensor([[0.5, -1], [2, 0.25]], { dtype: "float64" }), nn.tensor([3, -2, 1], { dtype: "float64" })];
}

describe.each(cases)("%s: exportState/importState", (_name, make) => {
  test("resuming from exported state matches an uninterrupted run exactly", () => {
    const straightVars = makeVars();
    const straight = make();
    for (let s = 0; s < 6; s++) straight.applyGradients(gradients(straightVars), straightVars);

    const vars = makeVars();
    const first = make();
    for (let s = 0; s < 3; s++) first.applyGradients(gradients(vars), vars);
    // Through JSON, as a saved model stores it.
    const exported = first.exportState(vars);
    const state = JSON.parse(JSON.stringify({ ...exported, slots: exported.slots.map((s) => s && Object.fromEntries(Object.entries(s).map(([k, a]) => [k, Array.from(a)]))) }));
    const resumed = make();
    resumed.importState(vars, state);
    expect(resumed.iterations).toBe(3);
    for (let s = 0; s < 3; s++) resumed.applyGradients(gradients(vars), vars);

    vars.forEach((v, i) => expect(Array.from(v.data)).toEqual(Array.from(straightVars[i].data)));
    expect(resumed.getState()).toEqual(straight.getState());
  });
});

test("importState checks the state against the variables before changing anything", () => {
  const vars = makeVars();
  const opt = nn.optimizers.adam();
  opt.applyGradients(gradients(vars), vars);
  const state = opt.exportState(vars);
  const fresh = nn.optimizers.adam();
  expect(() => fresh.importState(vars.slice(1), state)).toThrow("Adam.importState: the state has slots for 2 variables but 1 were given");
  expect(() => fresh.importState(vars, { ...state, slots: [{ momentum: [1, 2, 3, 4] }, null] })).toThrow(
    "Adam.importState: variable 0 has slots [momentum] but Adam keeps [momentum, velocity]",
  );
  expect(() => fresh.importState(vars, { ...state, slots: [{ momentum: [1], velocity: [1] }, null] })).toThrow(
    "Adam.importState: slot momentum of 0 has 1 values but the variable has 4",
  );
  expect(fresh.iterations).toBe(0);
  expect(fresh.getState()).toEqual([]);
});
