import * as nn from "nnlab";
import { serializeLayer, deserializeLayer } from "../../../src/layers/serialization";
import { expectClose, flat } from "../helpers";

beforeEach(() => nn.clearSession());

function built(layer: nn.layers.Layer, inputShape: (number | null)[]): nn.layers.Layer {
  layer.ensureBuilt(inputShape);
  return layer;
}

describe("shape errors", () => {
  test("Dense names the layer and both shapes, in the issue's format", () => {
    nn.layers.dense({ units: 3 });
    const layer = nn.layers.dense({ units: 2 }); // dense_1
    built(layer, [null, 3]);
    expect(() => layer.apply(nn.zeros([32, 4]))).toThrow("dense_1 expects input shape [*, 3] but got [32, 4]");
    expect(() => layer.apply(nn.zeros([4]))).toThrow("dense_1 expects input shape [*, 3] but got [4]");
  });
});

describe("weights", () => {
  test("getWeights copies; setWeights replaces values in place, checking count and shapes", () => {
    const layer = built(nn.layers.dense({ units: 1, name: "d" }), [null, 2]);
    const [kernel] = layer.weights;
    layer.setWeights([[[0.5], [-0.5]], [0.25]]);
    expect(layer.weights[0]).toBe(kernel);
    expect(flat(layer.getWeights().map((w) => w.dataSync()))).toEqual([0.5, -0.5, 0.25]);
    const copy = layer.getWeights()[0];
    copy.data[0] = 9;
    expect(kernel.data[0]).toBe(0.5);
    expect(() => layer.setWeights([[[1, 2]], [0]])).toThrow("d.setWeights: weight d/kernel has shape [2, 1] but the value has shape [1, 2]");
    expect(() => layer.setWeights([[[1], [2]]])).toThrow("d.setWeights: expected 2 values (d/kernel, d/bias), got 1");
    // A failed call changes nothing.
    expect(() => layer.setWeights([[[7], [7]], [1, 2]])).toThrow("weight d/bias has shape [1] but the value has shape [2]");
    expect(Array.from(kernel.data)).toEqual([0.5, -0.5]);
  });
});

describe("regularization and constraints", () => {
  test("weight penalties are recomputed from current values; activity penalty / batch size from the last training call", () => {
    const layer = nn.layers.dense({ units: 2, kernelRegularizer: nn.regularizers.l2(0.1), biasRegularizer: "l1", activityRegularizer: nn.regularizers.l1(0.5), name: "r" });
    built(layer, [null, 2]);
    layer.setWeights([[[1, -2], [3, 0]], [0.5, -1]]);
    // l2: 0.1 * (1 + 4 + 9) = 1.4 ; l1 (0.01): 0.01 * 1.5 = 0.015
    expectClose(layer.regularizationLosses().map((t) => t.item()), [1.4, 0.015], 1e-6);
    const x = nn.tensor([[1, 1], [0, 1]]);
    layer.apply(x, true);
    // outputs: [1+3+0.5, -2+0-1] = [4.5, -3]; [3.5, -1] → Σ|y| = 12, × 0.5 / batch 2 = 3
    expectClose(layer.regularizationLosses().map((t) => t.item()), [1.4, 0.015, 3], 1e-6);
    layer.apply(x, false); // inference clears the activity penalty
    expect(layer.regularizationLosses()).toHaveLength(2);
    layer.trainable = false; // Keras counts only trainable weights' penalties
    expect(layer.regularizationLosses()).toHaveLength(0);
  });

  test("applyConstraints projects each constrained weight in place", () => {
    const layer = built(nn.layers.dense({ units: 2, kernelConstraint: "non_neg", biasConstraint: nn.constraints.maxNorm({ maxValue: 1 }) }), [null, 2]);
    const kernel = layer.weights[0];
    layer.setWeights([[[1, -2], [-3, 4]], [3, 4]]);
    layer.applyConstraints();
    expect(layer.weights[0]).toBe(kernel);
    expect(Array.from(kernel.data)).toEqual([1, 0, 0, 4]);
    // max norm of the bias vector (axis 0): 5 → 1, Keras adds epsilon 1e-7 to the norm
    expectClose(layer.weights[1].data, [0.6, 0.8], 1e-6);
  });
});

describe("serialization", () => {
  test("Dense round trip keeps every option", () => {
    const layer = nn.layers.dense({
      units: 4, activation: "relu", useBias: false, kernelInitializer: "ones",
      kernelRegularizer: nn.regularizers.l1l2({ l1: 0.1, l2: 0.2 }), kernelConstraint: nn.constraints.maxNorm({ maxValue: 3 }),
      activityRegularizer: "l2", inputShape: [5], name: "dd",
    });
    const s = serializeLayer(layer);
    expect(s.className).toBe("Dense");
    expect(s.config).toMatchObject({
      name: "dd", trainable: true, units: 4, activation: "relu", useBias: false, inputShape: [5], kernelInitializer: "ones",
      kernelRegularizer: { className: "L1L2", config: { l1: 0.1, l2: 0.2 } },
      activityRegularizer: { className: "L2", config: { l2: 0.01 } },
      biasRegularizer: null,
    });
    const copy = deserializeLayer(JSON.parse(JSON.stringify(s)));
    expect(copy).toBeInstanceOf(nn.layers.Dense);
    expect(serializeLayer(copy)).toEqual(s);
  });

  test("unknown class names list the known ones", () => {
    expect(() => deserializeLayer({ className: "Conv9D", config: { name: "c", trainable: true } })).toThrow(/unknown layer class "Conv9D". Valid layer classes: .*Dense/);
  });
});
