/**
 * `model.save` keeps the optimizer's state (step count, slots, scalars) and `nn.loadModel`
 * restores it, so training resumed after save/load equals uninterrupted training bit for bit.
 * The reference is the same model trained without interruption; a fresh optimizer (the old
 * behaviour) gives different weights, which the last test shows, so the comparison can fail.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as nn from "nnlab";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nnlab-optstate-"));
  nn.clearSession();
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const xs = [[0.1, 0.2, 0.3], [1, -1, 0.5], [0.3, 0.3, 0.9], [-0.4, 0.8, 0.1], [0.5, 0.5, -0.5], [0, 1, 0]];
const ys = [[0.2], [1], [0.7], [-0.3], [0.4], [0.9]];

function bits(t: nn.Tensor): number[] {
  return Array.from(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
}

function makeModel(dtype: "float32" | "float64", optimizer: nn.optimizers.Optimizer): nn.Model {
  nn.setSeed(11);
  const model = nn.sequential([
    nn.layers.dense({ units: 4, activation: "tanh", inputShape: [3], dtype }),
    nn.layers.dense({ units: 1, dtype }),
  ], { name: "reg" });
  model.compile({ optimizer, loss: "mse" });
  return model;
}

const fitArgs = { epochs: 2, batchSize: 2, shuffle: false, verbose: 0 } as const;
const data = (dtype: "float32" | "float64") => [nn.tensor(xs, { dtype }), nn.tensor(ys, { dtype })] as const;

describe.each<["float32" | "float64", () => nn.optimizers.Optimizer]>([
  ["float64", () => nn.optimizers.adam({ learningRate: 0.05 })],
  ["float32", () => nn.optimizers.adam({ learningRate: 0.05 })],
  ["float32", () => nn.optimizers.nadam({ learningRate: 0.05 })],
])("%s: resumed training equals uninterrupted training bit for bit", (dtype, optimizer) => {
  test(`${optimizer().className}`, async () => {
    const [x, y] = data(dtype);
    const model = makeModel(dtype, optimizer());
    await model.fit(x, y, fitArgs);
    const dir = path.join(tmp, "m");
    model.save(dir);
    expect(fs.readdirSync(dir).sort()).toEqual(["manifest.json", "model.json", "weights.bin"]);

    const loaded = nn.loadModel(dir);
    expect(loaded.optimizer!.iterations).toBe(6); // 2 epochs × 3 batches
    for (const w of model.weights) {
      const twin = loaded.weights.find((v) => v.name === w.name)!;
      for (const slot of Object.keys(model.optimizer!.getState()[0].slots)) {
        expect(Array.from(loaded.optimizer!.getSlot(twin, slot)!)).toEqual(Array.from(model.optimizer!.getSlot(w, slot)!));
      }
    }
    const uninterrupted = await model.fit(x, y, fitArgs);
    const resumed = await loaded.fit(x, y, fitArgs);
    expect(resumed.history.loss).toEqual(uninterrupted.history.loss);
    loaded.weights.forEach((w, i) => expect(bits(w)).toEqual(bits(model.weights[i])));
    expect(loaded.optimizer!.iterations).toBe(12);
  });
});

describe("optimizer state on disk", () => {
  test("step count and scalars in model.json, slots after the weights in weights.bin under one CRC-32", async () => {
    const [x, y] = data("float64");
    const model = makeModel("float64", nn.optimizers.adam({ learningRate: 0.05 }));
    await model.fit(x, y, { ...fitArgs, epochs: 1 });
    const dir = path.join(tmp, "m");
    model.save(dir);
    const saved = JSON.parse(fs.readFileSync(path.join(dir, "model.json"), "utf8"));
    expect(saved.optimizerState).toEqual({ className: "Adam", iterations: 3, scalars: {} });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    // 4 weights (3·4 + 4 + 4 + 1 = 21 values) and Adam's m and v for each: 3 × 21 float64 values.
    expect(manifest.byteLength).toBe(3 * 21 * 8);
    // Keras's slot names for Adam: momentum and velocity.
    expect(manifest.optimizerSlots.map((e: { name: string }) => e.name)).toEqual(model.weights.flatMap((w) => [`${w.name}:momentum`, `${w.name}:velocity`]));
    // Weights alone still load into a model (loadWeights ignores the slots).
    const other = makeModel("float64", nn.optimizers.adam());
    other.loadWeights(dir);
    other.weights.forEach((w, i) => expect(bits(w)).toEqual(bits(model.weights[i])));
  });

  test("an untrained compiled model saves step 0 and no slots; an uncompiled one no optimizer state", () => {
    const model = makeModel("float32", nn.optimizers.adam());
    model.save(path.join(tmp, "a"));
    expect(JSON.parse(fs.readFileSync(path.join(tmp, "a", "model.json"), "utf8")).optimizerState).toEqual({ className: "Adam", iterations: 0, scalars: {} });
    expect(JSON.parse(fs.readFileSync(path.join(tmp, "a", "manifest.json"), "utf8")).optimizerSlots).toBeUndefined();
    expect(nn.loadModel(path.join(tmp, "a")).optimizer!.iterations).toBe(0);
    const plain = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
    plain.save(path.join(tmp, "b"));
    expect(JSON.parse(fs.readFileSync(path.join(tmp, "b", "model.json"), "utf8")).optimizerState).toBeUndefined();
  });

  test("a folder without optimizer state (older nnlab) loads with a fresh optimizer — which does not resume exactly", async () => {
    const [x, y] = data("float64");
    const model = makeModel("float64", nn.optimizers.adam({ learningRate: 0.05 }));
    await model.fit(x, y, fitArgs);
    const dir = path.join(tmp, "m");
    model.save(dir);
    const file = path.join(dir, "model.json");
    const saved = JSON.parse(fs.readFileSync(file, "utf8"));
    delete saved.optimizerState;
    fs.writeFileSync(file, JSON.stringify(saved));
    const loaded = nn.loadModel(dir);
    expect(loaded.optimizer!.iterations).toBe(0);
    await model.fit(x, y, fitArgs);
    await loaded.fit(x, y, fitArgs);
    expect(bits(loaded.weights[0])).not.toEqual(bits(model.weights[0]));
  });

  test("errors: state of another optimizer class; a slot for a weight that does not exist or of another size; wrong slot names; corrupt slot bytes", async () => {
    const [x, y] = data("float64");
    const model = makeModel("float64", nn.optimizers.adam({ learningRate: 0.05 }));
    await model.fit(x, y, { ...fitArgs, epochs: 1 });
    const dir = path.join(tmp, "m");
    model.save(dir);
    const modelFile = path.join(dir, "model.json");
    const manifestFile = path.join(dir, "manifest.json");
    const original = { model: fs.readFileSync(modelFile, "utf8"), manifest: fs.readFileSync(manifestFile, "utf8") };

    const saved = JSON.parse(original.model);
    saved.optimizerState.className = "RMSprop";
    fs.writeFileSync(modelFile, JSON.stringify(saved));
    expect(() => nn.loadModel(dir)).toThrow(`loadModel: ${modelFile} holds the state of a RMSprop optimizer but the model is compiled with Adam`);
    fs.writeFileSync(modelFile, original.model);

    const manifest = JSON.parse(original.manifest);
    manifest.optimizerSlots[0].weight = 9;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(() => nn.loadModel(dir)).toThrow(`optimizer slot 0 (${manifest.optimizerSlots[0].name}) in ${manifestFile} names weight 9, but there are 4 weights`);

    const misplaced = JSON.parse(original.manifest);
    misplaced.optimizerSlots[0].weight = 1; // the kernel's 12 values attributed to the 4-value bias
    fs.writeFileSync(manifestFile, JSON.stringify(misplaced));
    expect(() => nn.loadModel(dir)).toThrow(`loadModel: optimizer slot momentum of ${model.weights[1].name} is 12 float64 values in ${path.join(dir, "weights.bin")} but the weight has 4 float64`);

    const renamed = JSON.parse(original.manifest);
    renamed.optimizerSlots[0].slot = "m";
    fs.writeFileSync(manifestFile, JSON.stringify(renamed));
    expect(() => nn.loadModel(dir)).toThrow(/loadModel: the optimizer state in .* does not fit the model: Adam.importState: variable .*kernel has slots \[m, velocity\] but Adam keeps \[momentum, velocity\]/);
    fs.writeFileSync(manifestFile, original.manifest);

    const bin = path.join(dir, "weights.bin");
    const bytes = fs.readFileSync(bin);
    bytes[bytes.length - 1] ^= 0xff; // the last slot value
    fs.writeFileSync(bin, bytes);
    expect(() => nn.loadModel(dir)).toThrow(/weights\.bin is corrupt \(CRC-32 \d+ does not match the manifest's \d+\)/);
  });
});
