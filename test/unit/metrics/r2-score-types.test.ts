/**
 * `nn.metrics.r2Score` is typed by its `multioutput` option: a number for the default (uniform
 * average), `"varianceWeighted"` and weight arrays; number[] for `"rawValues"`. The type checks
 * below run in `tsc --noEmit -p test` (a step of `npm test`): an assignment of the wrong type,
 * or a `@ts-expect-error` line that no longer errors, fails that step. Values are scikit-learn's:
 * r2_score([[1, 2], [2, 4], [3, 9]], [[1, 3], [2, 4], [4, 7]], multioutput=…) — by hand,
 * output 1: SSres 1, SStot 2 → 1 − 1/2 = 0.5; output 2: SSres 1 + 0 + 4 = 5, SStot 9 + 1 + 16 = 26 → 21/26.
 */
import * as nn from "nnlab";

const yTrue = [[1, 2], [2, 4], [3, 9]];
const yPred = [[1, 3], [2, 4], [4, 7]];

describe("r2Score overloads", () => {
  test("default and averaged choices are typed number, rawValues number[]", () => {
    const uniform: number = nn.metrics.r2Score(yTrue, yPred);
    const weighted: number = nn.metrics.r2Score(yTrue, yPred, { multioutput: "variance_weighted" });
    const byWeights: number = nn.metrics.r2Score(yTrue, yPred, { multioutput: [1, 3] });
    const raw: number[] = nn.metrics.r2Score(yTrue, yPred, { multioutput: "rawValues" });
    const rawSnake: number[] = nn.metrics.r2Score(yTrue, yPred, { multioutput: "raw_values", forceFinite: false });
    // @ts-expect-error one score per output is not a number
    const notANumber: number = nn.metrics.r2Score(yTrue, yPred, { multioutput: "rawValues" });
    // @ts-expect-error an averaged score is not an array
    const notAnArray: number[] = nn.metrics.r2Score(yTrue, yPred);
    const chosenAtRunTime: nn.metrics.sklearn.Multioutput = Math.random() < 2 ? "rawValues" : "uniformAverage";
    const either: number | number[] = nn.metrics.r2Score(yTrue, yPred, { multioutput: chosenAtRunTime });

    expect(raw).toHaveLength(2);
    expect(raw[0]).toBeCloseTo(0.5, 12);
    expect(raw[1]).toBeCloseTo(21 / 26, 12);
    expect(rawSnake).toEqual(raw);
    expect(uniform).toBeCloseTo((0.5 + 21 / 26) / 2, 12);
    // Weighted by each output's variance, ∝ SStot 2 and 26: (0.5·2 + 21/26·26)/28 = 22/28.
    expect(weighted).toBeCloseTo(22 / 28, 12);
    expect(byWeights).toBeCloseTo((0.5 + 3 * (21 / 26)) / 4, 12);
    expect(notANumber).toEqual(raw);
    expect(notAnArray).toBeCloseTo(uniform, 12);
    expect(either).toEqual(raw);
  });
});
