/**
 * Summary details for the expandable rows: initializer/regularizer text, value statistics
 * (hand-computed on set weights), multiply-adds and activation memory (hand-counted).
 */
import * as nn from "nnlab";
import { addSummaryDetails, configText } from "../../../src/display/summary-details";

describe("addSummaryDetails", () => {
  test("Dense 4 → 3 → 1: stats of set weights, mult-adds = kernel size, activation bytes = units × 4", () => {
    const model = nn.sequential([
      nn.layers.dense({ units: 3, activation: "relu", inputShape: [4], name: "hidden", kernelInitializer: "heNormal" }),
      nn.layers.dense({ units: 1, name: "out" }),
    ]);
    model.predict(nn.tensor([[0, 0, 0, 0]]));
    // hidden/kernel = 1..12: min 1, max 12, mean 6.5, population std √((12²−1)/12) = √(143/12).
    model.weights[0].data.set(Array.from({ length: 12 }, (_, i) => i + 1));
    model.weights[1].data.set([0, 0, Infinity]);
    const data = addSummaryDetails(model.summaryData(), model.layers);
    const [hidden, out] = data.layers;
    expect(hidden.multAdds).toBe(12);
    expect(out.multAdds).toBe(3);
    expect(hidden.activationBytes).toBe(12);
    expect(out.activationBytes).toBe(4);
    const [kernel, bias] = hidden.weights!;
    expect(kernel.stats!.min).toBe(1);
    expect(kernel.stats!.max).toBe(12);
    expect(kernel.stats!.mean).toBeCloseTo(6.5, 6);
    expect(kernel.stats!.std).toBeCloseTo(Math.sqrt(143 / 12), 6);
    expect(kernel.initializer).toBe("heNormal");
    expect(bias.stats).toEqual({ min: 0, max: 0, mean: 0, std: 0, zeros: 2, nonFinite: 1 });
  });

  test("config objects become short text", () => {
    expect(configText("glorotUniform")).toBe("glorotUniform");
    expect(configText({ className: "L2", config: { l2: 0.01 } })).toBe('L2(l2=0.01)');
    expect(configText(null)).toBeNull();
  });
});
