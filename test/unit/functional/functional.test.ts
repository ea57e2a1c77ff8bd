import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";

// Keras 3 (torch backend) summaries and a two-output model's numbers: test/fixtures/torch/functional.py.
const fx = torchFixture("functional");

beforeEach(() => nn.clearSession());

/** The summary's Keras-style text (what a console shows). */
function summaryText(model: nn.Model): string {
  return model[nn.JUPYTER_DISPLAY]()["text/plain"] as string;
}

/** Seeded standard-normal data of `shape`. */
function randn(shape: number[]): nn.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return nn.tensor(Array.from({ length: n }, () => nn.random().normal()), { shape });
}

describe("summary text equals Keras 3", () => {
  test("a chain is sequential-like: no Connected to column", () => {
    const inp = nn.input({ shape: [4] });
    const h = nn.layers.dense({ units: 3, activation: "relu" }).apply(inp);
    const out = nn.layers.dense({ units: 1 }).apply(h);
    const model = nn.model({ inputs: inp, outputs: out });
    expect(model.name).toBe("functional");
    expect(summaryText(model)).toBe(fx.summaries.chain);
  });

  test("two inputs, a shared layer used twice (dense[1][0]), two outputs", () => {
    const a = nn.input({ shape: [5] });
    const b = nn.input({ shape: [5] });
    const shared = nn.layers.dense({ units: 3 });
    const oa = nn.layers.dense({ units: 1 }).apply(shared.apply(a));
    const ob = nn.layers.dense({ units: 2 }).apply(shared.apply(b));
    const model = nn.model({ inputs: [a, b], outputs: [oa, ob] });
    expect(summaryText(model)).toBe(fx.summaries.siamese_two_outputs);
  });

  test("a nested Sequential is one row with its params; a frozen layer counts as non-trainable", () => {
    const encoder = nn.sequential([nn.layers.input({ shape: [6] }), nn.layers.dense({ units: 4, activation: "relu" }), nn.layers.dense({ units: 3 })], { name: "encoder" });
    const x = nn.input({ shape: [6] });
    const y = nn.layers.dense({ units: 2, trainable: false }).apply(encoder.apply(x));
    // Keras names this model functional_1 because its Sequential builds an internal functional model.
    const model = nn.model({ inputs: x, outputs: y, name: "functional_1" });
    expect(summaryText(model)).toBe(fx.summaries.nested_frozen);
    expect(model.countParams()).toBe(51);
  });

  test("a residual block with add", () => {
    const x = nn.input({ shape: [4] });
    let h = nn.layers.dense({ units: 4, activation: "relu" }).apply(x);
    h = nn.layers.dense({ units: 4 }).apply(h);
    const s = nn.layers.add().apply([x, h]);
    const model = nn.model({ inputs: x, outputs: nn.layers.dense({ units: 1 }).apply(s) });
    expect(summaryText(model)).toBe(fx.summaries.residual_add);
  });
});

describe("two inputs, two outputs: losses, loss weights, metrics per output (vs Keras)", () => {
  const t = fx.two_outputs;
  function build() {
    const a = nn.input({ shape: [3], name: "a" });
    const b = nn.input({ shape: [2], name: "b" });
    const ha = nn.layers.dense({ units: 2, name: "ha" }).apply(a);
    const hb = nn.layers.dense({ units: 2, name: "hb" }).apply(b);
    const reg = nn.layers.dense({ units: 1, name: "reg" }).apply(ha);
    const cls = nn.layers.dense({ units: 1, activation: "sigmoid", name: "cls" }).apply(hb);
    const model = nn.model({ inputs: [a, b], outputs: [reg, cls] });
    model.setWeights(t.weights);
    model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.1 }), loss: ["mse", "binaryCrossentropy"], lossWeights: [0.5, 2], metrics: [["mae"], ["accuracy"]] });
    return model;
  }

  test("evaluate gives Keras's total and per-output values", () => {
    const logs = build().evaluate([t.xa, t.xb], [t.yreg, t.ycls], { batchSize: 8, returnDict: true });
    expect(Object.keys(logs).sort()).toEqual(Object.keys(t.evaluate).sort());
    for (const k of Object.keys(t.evaluate)) expectClose([logs[k]], [t.evaluate[k]], 1e-5);
  });

  test("fit: history keys named like Keras, one SGD step moves the weights as Keras; inputs by name", async () => {
    const model = build();
    const history = await model.fit({ a: t.xa, b: t.xb }, { reg: t.yreg, cls: t.ycls }, {
      batchSize: 8, epochs: 1, shuffle: false, verbose: 0, validationData: [[t.xa, t.xb], [t.yreg, t.ycls]],
    });
    expect(Object.keys(history.history).sort()).toEqual(t.history_keys);
    for (const k of t.history_keys) expectClose(history.history[k], t.history[k], 1e-5);
    model.getWeights().forEach((w, i) => expectClose(w.data, flat(t.weights_after_one_step[i]), 1e-5));
  });

  test("predictOutputs gives one tensor per output; predict asks for it", () => {
    const model = build();
    const [reg, cls] = model.predictOutputs([t.xa, t.xb]);
    expect(reg.shape).toEqual([8, 1]);
    expect(cls.shape).toEqual([8, 1]);
    expect(() => model.predict([t.xa, t.xb])).toThrow("functional.predict: the model has 2 outputs (reg, cls); use model.predictOutputs(x)");
  });

  test("clear errors for badly shaped compile and data arguments", () => {
    const model = build();
    expect(() => model.compile({ optimizer: "sgd", loss: ["mse"] })).toThrow("loss has 1 entries but the model has 2 outputs (reg, cls)");
    expect(() => model.compile({ optimizer: "sgd", loss: "mse", metrics: ["mae"] })).toThrow("give metrics per output");
    expect(() => model.compile({ optimizer: "sgd", loss: { reg: "mse", clz: "mse" } })).toThrow("loss names unknown output(s) clz; the outputs are reg, cls");
    expect(() => model.evaluate([t.xa], [t.yreg, t.ycls])).toThrow("the model has 2 inputs (a, b) but x is an array of 1");
    expect(() => model.evaluate({ a: t.xa }, [t.yreg, t.ycls])).toThrow('x is missing "b"');
  });
});

describe("graph errors name the layers and shapes", () => {
  test("an output not connected to the inputs", () => {
    const a = nn.input({ shape: [2] });
    const other = nn.input({ shape: [2] });
    nn.layers.dense({ units: 1 }).apply(a);
    const out = nn.layers.dense({ units: 1, name: "dense_3" }).apply(other);
    expect(() => nn.model({ inputs: a, outputs: out })).toThrow(
      "output dense_3 is not connected to the inputs: it depends on input_layer_1, which is not among the model's inputs (input_layer)");
  });

  test("incompatible shapes at a merge layer name the merge layer and the layers feeding it", () => {
    const a = nn.input({ shape: [4] });
    const b = nn.layers.dense({ units: 3, name: "proj" }).apply(a);
    expect(() => nn.layers.add({ name: "skip" }).apply([a, b])).toThrow(/^skip cannot be called on input_layer \[\*, 4\] and proj \[\*, 3\]: skip: /);
  });

  test("a layer called with the wrong input rank or size", () => {
    const dense = nn.layers.dense({ units: 2, name: "d" });
    dense.apply(nn.input({ shape: [4] }));
    expect(() => dense.apply(nn.input({ shape: [5] }))).toThrow("d expects input shape [*, 4] but got [*, 5]");


  });

  test("inputs and outputs must be symbolic tensors", () => {
    expect(() => nn.model({ inputs: nn.zeros([1, 2]) as never, outputs: nn.input({ shape: [2] }) })).toThrow("inputs must be a symbolic tensor (from nn.input or a layer applied to one), got Tensor");
  });

  test("data of the wrong shape is reported with the input layer's name", () => {
    const x = nn.input({ shape: [3], name: "features" });
    const model = nn.model({ inputs: x, outputs: nn.layers.dense({ units: 1 }).apply(x) });
    expect(() => model.predict(nn.zeros([2, 4]))).toThrow("functional: features expects input shape [*, 3] but got [2, 4]");
  });
});

describe("config and save/load", () => {
  function siamese() {
    nn.setSeed(3);
    const a = nn.input({ shape: [4], name: "left" });
    const b = nn.input({ shape: [4], name: "right" });
    const encoder = nn.sequential([nn.layers.dense({ units: 3, activation: "tanh", inputShape: [4] })], { name: "encoder" });
    const ea = encoder.apply(a);
    const eb = encoder.apply(b);
    const diff = nn.layers.subtract().apply([ea, eb]);
    const out = nn.layers.dense({ units: 1, activation: "sigmoid", name: "same" }).apply(diff);
    return nn.model({ inputs: [a, b], outputs: out, name: "siamese" });
  }

  test("fromConfig(getConfig()) rebuilds the graph: same config, same function after setWeights", () => {
    const model = siamese();
    const config = JSON.parse(JSON.stringify(model.getConfig()));
    const copy = nn.Functional.fromConfig(config);
    expect(copy.getConfig()).toEqual(config);
    copy.setWeights(model.getWeights());
    const xa = randn([5, 4]);
    const xb = randn([5, 4]);
    expect(flat(copy.predict([xa, xb]).data)).toEqual(flat(model.predict([xa, xb]).data));
  });

  test("save / nn.loadModel: shared nested model, weights bit for bit, compile per output", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nnlab-functional-"));
    try {
      const model = siamese();
      model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.01 }), loss: "binaryCrossentropy", metrics: ["accuracy"] });
      model.save(path.join(tmp, "m"));
      const loaded = nn.loadModel(path.join(tmp, "m")) as nn.Functional;
      expect(loaded).toBeInstanceOf(nn.Functional);
      expect(loaded.getConfig()).toEqual(model.getConfig());
      loaded.getWeights().forEach((w, i) => expect(Array.from(w.data)).toEqual(Array.from(model.getWeights()[i].data)));
      const x = [randn([3, 4]), randn([3, 4])];
      expect(Array.from(loaded.predict(x).data)).toEqual(Array.from(model.predict(x).data));
      expect(loaded.evaluate(x, [[1], [0], [1]])).toEqual(model.evaluate(x, [[1], [0], [1]]));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
