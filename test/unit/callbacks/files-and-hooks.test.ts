import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as nn from "nnlab";
import { torchFixture } from "../helpers";

// CSVLogger's file and ModelCheckpoint's file names as Keras 3 writes them (test/fixtures/torch/callbacks.py).
const fx = torchFixture("callbacks");

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nnlab-cb-"));
  nn.clearSession();
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function tiny() {
  const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [1] })]);
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.1 }), loss: "mse" });
  return model;
}

describe("csvLogger", () => {
  test("writes the same file as Keras's CSVLogger for the same logs (sorted keys, NA val_ columns, Python floats, \\r\\n)", () => {
    const file = path.join(tmp, "log.csv");
    const cb = nn.callbacks.csvLogger(file, { separator: fx.csv_logger.separator });
    cb.setModel(tiny());
    cb.onTrainBegin();
    fx.csv_logger.logs.forEach((logs: nn.callbacks.Logs, epoch: number) => cb.onEpochEnd(epoch, { ...logs }));
    cb.onTrainEnd();
    expect(fs.readFileSync(file, "utf8")).toBe(fx.csv_logger.text);
  });

  test("append continues a file without a second header; fit drives it", async () => {
    const file = path.join(tmp, "run.csv");
    const model = tiny();
    await model.fit([[1], [2]], [[2], [4]], { epochs: 2, verbose: 0, callbacks: [nn.callbacks.csvLogger(file)] });
    await model.fit([[1], [2]], [[2], [4]], { epochs: 1, verbose: 0, callbacks: [nn.callbacks.csvLogger(file, { append: true })] });
    const lines = fs.readFileSync(file, "utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("epoch,loss,val_loss");
    expect(lines.map((l) => l.split(",")[0])).toEqual(["epoch", "0", "1", "0"]);
    expect(lines[1]).toMatch(/^0,\d+\.\d+,NA$/);
  });

  test("a missing folder is an error naming it", async () => {
    const file = path.join(tmp, "no", "log.csv");
    await expect(tiny().fit([[1]], [[1]], { verbose: 0, callbacks: [nn.callbacks.csvLogger(file)] })).rejects.toThrow(`CSVLogger: the folder ${path.join(tmp, "no")} for ${file} does not exist`);
  });
});

describe("modelCheckpoint", () => {
  test("fills {epoch:02d}, {val_loss:.4f}, {loss:.2e} as Keras does", () => {
    const c = fx.model_checkpoint;
    const saved: string[] = [];
    const cb = nn.callbacks.modelCheckpoint(path.join(tmp, c.template), { monitor: "loss", mode: "min" });
    const model = tiny();
    cb.setModel(model);
    c.epochs.forEach((epoch: number, i: number) => cb.onEpochEnd(epoch, { ...c.logs[i] }));
    saved.push(...cb.saved.map((p) => path.relative(tmp, p)));
    expect(saved).toEqual(c.names);
    expect(nn.loadModel(cb.saved[0]).getConfig()).toEqual(model.getConfig());
  });

  test("saveBestOnly saves only improvements; saveWeightsOnly writes weights the model can load", async () => {
    const model = tiny();
    const best = nn.callbacks.modelCheckpoint(path.join(tmp, "best"), { monitor: "loss", saveBestOnly: true, saveWeightsOnly: true });
    best.setModel(model);
    best.onTrainBegin();
    [0.5, 0.4, 0.45, 0.3].forEach((loss, epoch) => {
      model.setWeights([[[epoch]], [0]]);
      best.onEpochEnd(epoch, { loss });
    });
    expect(best.saved).toHaveLength(3);
    model.loadWeights(path.join(tmp, "best"));
    expect(model.weights[0].data[0]).toBe(3);
  });

  test("a placeholder missing from the logs is an error listing the available ones", () => {
    const cb = nn.callbacks.modelCheckpoint(path.join(tmp, "m-{val_acc:.2f}"), { monitor: "loss" });
    cb.setModel(tiny());
    expect(() => cb.onEpochEnd(0, { loss: 1 })).toThrow(/ModelCheckpoint: the file name ".*m-\{val_acc:\.2f\}" uses \{val_acc\}, which is not in the logs. Available: loss, epoch/);
  });
});

describe("lambdaCallback and hook order", () => {
  test("fit calls the hooks in Keras's order with the logs", async () => {
    const calls: string[] = [];
    const cb = nn.callbacks.lambdaCallback({
      onTrainBegin: () => void calls.push("trainBegin"),
      onEpochBegin: (e) => void calls.push(`epochBegin ${e}`),
      onBatchBegin: (b) => void calls.push(`batchBegin ${b}`),
      onBatchEnd: (b, logs) => void calls.push(`batchEnd ${b} ${Object.keys(logs!).join(",")}`),
      onEpochEnd: (e, logs) => void calls.push(`epochEnd ${e} ${Object.keys(logs!).join(",")}`),
      onTrainEnd: () => void calls.push("trainEnd"),
    });
    await tiny().fit([[1], [2], [3]], [[2], [4], [6]], { epochs: 2, batchSize: 2, verbose: 0, validationSplit: 0.34, callbacks: [cb] });
    expect(calls).toEqual([
      "trainBegin",
      "epochBegin 0", "batchBegin 0", "batchEnd 0 loss", "epochEnd 0 loss,val_loss",
      "epochBegin 1", "batchBegin 0", "batchEnd 0 loss", "epochEnd 1 loss,val_loss",
      "trainEnd",
    ]);
  });
});

describe("file-name placeholders follow Python's str.format", () => {
  // Imported from the source: the formatter is internal to modelCheckpoint.
  const { formatPython } = require("../../../src/callbacks/python-format") as typeof import("../../../src/callbacks/python-format");
  for (const c of fx.python_format.cases) {
    test(`${c.template} → ${c.text}`, () => {
      expect(formatPython(c.template, fx.python_format.values, "test")).toBe(c.text);
    });
  }

  test("an unsupported spec and a non-integer for d are named", () => {
    expect(() => formatPython("{loss:>10}", { loss: 1 }, "ModelCheckpoint")).toThrow('ModelCheckpoint: unsupported format spec "{loss:>10}" (supported: d, f, e, g with width and precision)');
    expect(() => formatPython("{loss:02d}", { loss: 0.5 }, "ModelCheckpoint")).toThrow('ModelCheckpoint: "{loss:02d}" needs an integer, but loss is 0.5');
  });
});
