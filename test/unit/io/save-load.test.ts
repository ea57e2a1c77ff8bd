import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as nn from "nnlab";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nnlab-io-"));
  nn.clearSession();
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function bits(t: nn.Tensor): number[] {
  return Array.from(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
}

describe("model.save / nn.loadModel", () => {
  test("round trip: architecture, compile configuration, every weight bit for bit, same predictions and evaluation", async () => {
    nn.setSeed(5);
    const model = nn.sequential([
      nn.layers.input({ shape: [3] }),
      nn.layers.dense({ units: 4, activation: "relu" }),
      nn.layers.batchNormalization(),
      nn.layers.dense({ units: 1, activation: "sigmoid" }),
    ], { name: "clf" });
    model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.05, momentum: 0.9 }), loss: "binaryCrossentropy", metrics: ["accuracy", new nn.metrics.AUC({ name: "roc" })], weightedMetrics: ["precision"] });
    const x = nn.tensor([[0.1, 0.2, 0.3], [1, -1, 0.5], [0.3, 0.3, 0.9], [-0.4, 0.8, 0.1]]);
    const y = nn.tensor([[0], [1], [1], [0]]);
    await model.fit(x, y, { epochs: 3, batchSize: 2, verbose: 0 });
    const dir = path.join(tmp, "clf");
    model.save(dir);
    expect(fs.readdirSync(dir).sort()).toEqual(["manifest.json", "model.json", "weights.bin"]);

    const loaded = nn.loadModel(dir);
    expect(loaded.name).toBe("clf");
    expect(loaded.getConfig()).toEqual(model.getConfig());
    expect(loaded.weights.map((w) => w.name)).toEqual(model.weights.map((w) => w.name));
    loaded.weights.forEach((w, i) => expect(bits(w)).toEqual(bits(model.weights[i])));
    expect(Array.from(loaded.predict(x).data)).toEqual(Array.from(model.predict(x).data));
    expect(loaded.metrics.map((m) => m.name)).toEqual(["accuracy", "roc", "precision"]);
    expect(loaded.optimizer!.getConfig()).toEqual(model.optimizer!.getConfig());
    expect(loaded.evaluate(x, y, { returnDict: true })).toEqual(model.evaluate(x, y, { returnDict: true }));
  });

  test("float64 weights round-trip exactly", () => {
    nn.setSeed(1);
    const model = nn.sequential([nn.layers.dense({ units: 3, inputShape: [2], dtype: "float64", biasInitializer: "randomNormal" })]);
    model.weights[0].data[0] = Math.PI;
    model.weights[0].data[1] = 1e-300;
    model.save(path.join(tmp, "f64"));
    const loaded = nn.loadModel(path.join(tmp, "f64"));
    expect(loaded.weights.map((w) => w.dtype)).toEqual(["float64", "float64"]);
    loaded.weights.forEach((w, i) => expect(Array.from(w.data)).toEqual(Array.from(model.weights[i].data)));
    expect(loaded.weights[0].data[0]).toBe(Math.PI);
    expect(loaded.isCompiled).toBe(false);
  });

  test("an Adam optimizer with a learning-rate schedule comes back with the same configuration", () => {
    const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
    const schedule = nn.optimizers.schedules.exponentialDecay({ initialLearningRate: 0.01, decaySteps: 10, decayRate: 0.5 });
    model.compile({ optimizer: nn.optimizers.adam({ learningRate: schedule, amsgrad: true }), loss: "mse", metrics: ["mae"] });
    model.save(path.join(tmp, "adam"));
    const loaded = nn.loadModel(path.join(tmp, "adam"));
    expect(loaded.optimizer!.className).toBe("Adam");
    expect(loaded.optimizer!.getConfig()).toEqual(model.optimizer!.getConfig());
  });

  test("an unknown optimizer or metric class in model.json is named", () => {
    const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
    model.compile({ optimizer: "sgd", loss: "mse", metrics: [new nn.metrics.Recall()] });
    const dir = path.join(tmp, "m");
    model.save(dir);
    const file = path.join(dir, "model.json");
    const saved = JSON.parse(fs.readFileSync(file, "utf8"));
    fs.writeFileSync(file, JSON.stringify({ ...saved, compileConfig: { ...saved.compileConfig, metrics: [{ className: "Recal", config: {} }] } }));
    expect(() => nn.loadModel(dir)).toThrow('loadModel: unknown metric class "Recal" in the compile configuration');
    fs.writeFileSync(file, JSON.stringify({ ...saved, compileConfig: { ...saved.compileConfig, optimizer: { className: "Adamm", config: {} } } }));
    expect(() => nn.loadModel(dir)).toThrow(/^loadModel: .*unknown optimizer "Adamm"/);
  });

  test("a model compiled with a custom loss function saves and comes back uncompiled", () => {
    const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
    model.compile({ optimizer: "sgd", loss: function myLoss(t: nn.Tensor, p: nn.Tensor) { return nn.mean(nn.abs(nn.sub(t, p)), -1); } });
    model.save(path.join(tmp, "custom"));
    expect(nn.loadModel(path.join(tmp, "custom")).isCompiled).toBe(false);
    // A built-in loss passed as a function is saved by name.
    model.compile({ optimizer: "sgd", loss: nn.losses.meanSquaredError });
    model.save(path.join(tmp, "builtin"));
    expect(nn.loadModel(path.join(tmp, "builtin")).isCompiled).toBe(true);
  });

  test("saving over an existing model replaces it atomically; a failed save leaves the old one intact", () => {
    const dir = path.join(tmp, "m");
    const a = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2], kernelInitializer: "ones" })]);
    const b = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2], kernelInitializer: "zeros" })]);
    a.save(dir);
    b.save(dir);
    expect(Array.from(nn.loadModel(dir).weights[0].data)).toEqual([0, 0]);
    // The module object itself (the namespace import's properties are read-only getters onto it).
    const spy = jest.spyOn(require("fs") as typeof fs, "writeSync").mockImplementationOnce(() => { throw new Error("disk full"); });
    try {
      expect(() => a.save(dir)).toThrow("disk full");
    } finally {
      spy.mockRestore();
    }
    expect(Array.from(nn.loadModel(dir).weights[0].data)).toEqual([0, 0]);
    expect(fs.readdirSync(tmp)).toEqual(["m"]); // no temporary folders left behind
  });

  test("saveWeights / loadWeights", () => {
    const a = nn.sequential([nn.layers.dense({ units: 2, inputShape: [2], kernelInitializer: "ones" })]);
    const b = nn.sequential([nn.layers.dense({ units: 2, inputShape: [2] })]);
    a.saveWeights(path.join(tmp, "w"));
    expect(fs.readdirSync(path.join(tmp, "w")).sort()).toEqual(["manifest.json", "weights.bin"]);
    b.loadWeights(path.join(tmp, "w"));
    expect(Array.from(b.weights[0].data)).toEqual([1, 1, 1, 1]);
  });
});

describe("clear errors for missing, corrupt and mismatched files", () => {
  function saved(): string {
    const dir = path.join(tmp, "m");
    nn.sequential([nn.layers.dense({ units: 2, inputShape: [3] })]).save(dir);
    return dir;
  }

  test("missing folder or file", () => {
    expect(() => nn.loadModel(path.join(tmp, "nope"))).toThrow(`loadModel: ${path.join(tmp, "nope", "model.json")} is missing (is ${path.join(tmp, "nope")} a folder written by nnlab's save?)`);
    const dir = saved();
    fs.rmSync(path.join(dir, "weights.bin"));
    expect(() => nn.loadModel(dir)).toThrow(`loadModel: ${path.join(dir, "weights.bin")} is missing`);
    expect(() => nn.loadModel("")).toThrow('loadModel: expected a folder path, got ""');
  });

  test("corrupt JSON, truncated or altered weights", () => {
    const dir = saved();
    const bin = path.join(dir, "weights.bin");
    const bytes = fs.readFileSync(bin);
    fs.writeFileSync(bin, bytes.subarray(0, 10));
    expect(() => nn.loadModel(dir)).toThrow(`loadModel: ${bin} has 10 bytes but the manifest lists 32; the file is truncated or corrupt`);
    const altered = Buffer.from(bytes);
    altered[3] ^= 0xff;
    fs.writeFileSync(bin, altered);
    expect(() => nn.loadModel(dir)).toThrow(/is corrupt \(CRC-32 \d+ does not match the manifest's \d+\)/);
    fs.writeFileSync(path.join(dir, "model.json"), "{ not json");
    expect(() => nn.loadModel(dir)).toThrow(new RegExp(`loadModel: ${path.join(dir, "model.json").replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is corrupt: `));
    fs.writeFileSync(path.join(dir, "model.json"), JSON.stringify({ format: "keras" }));
    expect(() => nn.loadModel(dir)).toThrow('is not an nnlab model (format "keras")');
  });

  test("weights that do not fit the model name the weight and both shapes", () => {
    const dir = saved();
    const other = nn.sequential([nn.layers.dense({ units: 2, inputShape: [4] })]);
    expect(() => other.loadWeights(dir)).toThrow(/weight 0 \(dense_1\/kernel\) is \[4, 2\] float32 in the model but dense\/kernel in .* is \[3, 2\] float32/);
    const bigger = nn.sequential([nn.layers.dense({ units: 2, inputShape: [3] }), nn.layers.dense({ units: 1 })]);
    expect(() => bigger.loadWeights(dir)).toThrow(/holds 2 weights but the model has 4/);
  });

  test("saving onto a file path is refused", () => {
    const file = path.join(tmp, "file");
    fs.writeFileSync(file, "x");
    expect(() => nn.sequential([nn.layers.dense({ units: 1, inputShape: [1] })]).save(file)).toThrow(`sequential.save: ${file} exists and is a file; a saved model is a folder`);
  });
});
