import * as nn from "nnlab";
import { torchFixture, expectClose } from "../helpers";

// Real Keras 3 callbacks driven with the same scripted epoch logs (test/fixtures/torch/callbacks.py).
const fx = torchFixture("callbacks");

/** Keras's snake_case keyword arguments → nnlab's camelCase options. */
function camel(kwargs: Record<string, unknown>): any {
  return Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
}

/**
 * Calls the callback as fit does, on a one-weight model whose kernel is set to the epoch index
 * before each epoch end (as the fixture script does with Keras).
 */
function runScripted(cb: nn.callbacks.Callback, logsPerEpoch: Record<string, number>[], lr: number) {
  const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [1] })]);
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: lr }), loss: "mse", metrics: ["accuracy"] });
  cb.setModel(model);
  cb.onTrainBegin();
  let stoppedAfter: number | null = null;
  const learningRates: number[] = [];
  const logged: (number | undefined)[] = [];
  for (let epoch = 0; epoch < logsPerEpoch.length; epoch++) {
    model.setWeights([[[epoch]], [0]]);
    const logs = { ...logsPerEpoch[epoch] };
    cb.onEpochEnd(epoch, logs);
    learningRates.push(model.optimizer!.learningRate);
    logged.push(logs.learning_rate);
    if (model.stopTraining) {
      stoppedAfter = epoch;
      break;
    }
  }
  cb.onTrainEnd();
  return { stoppedAfter, epochsRun: learningRates.length, kernelAfter: model.weights[0].data[0], learningRates, logged, model };
}

describe("earlyStopping stops and restores exactly as Keras 3", () => {
  for (const [name, c] of Object.entries<any>(fx.early_stopping)) {
    test(`${name} ${JSON.stringify(c.kwargs)}`, () => {
      const r = runScripted(nn.callbacks.earlyStopping(camel(c.kwargs)), c.logs, 1);
      expect(r.stoppedAfter).toBe(c.stopped_after);
      expect(r.epochsRun).toBe(c.epochs_run);
      expect(r.kernelAfter).toBe(c.kernel_after);
    });
  }

  test("the stop reason names the monitor and the best epoch", () => {
    const r = runScripted(nn.callbacks.earlyStopping({ patience: 2 }), fx.early_stopping.patience2.logs, 1);
    expect(r.model.stopReason).toBe("early stopping: val_loss did not improve for 2 epochs (best 0.9 at epoch 2)");
  });
});

describe("reduceLROnPlateau sets the same learning rates as Keras 3 (patience, cooldown, minLr, minDelta)", () => {
  for (const [name, c] of Object.entries<any>(fx.reduce_lr_on_plateau)) {
    test(`${name} ${JSON.stringify(c.kwargs)}`, () => {
      const r = runScripted(nn.callbacks.reduceLROnPlateau(camel(c.kwargs)), c.logs, 0.1);
      // Keras keeps the rate in a float32 variable; nnlab in a double.
      expectClose(r.learningRates, c.learning_rates, 1e-6);
      expectClose(r.logged as number[], c.logged_learning_rates, 1e-6);
    });
  }
});

describe("mode auto", () => {
  test("a custom metric function has no known direction: Keras's error asks for a mode", () => {
    const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [1] })]);
    model.compile({ optimizer: "sgd", loss: "mse", metrics: [function myScore(t: nn.Tensor, p: nn.Tensor) { return nn.sub(t, p); }] });
    const cb = nn.callbacks.earlyStopping({ monitor: "val_myScore" });
    cb.setModel(model);
    cb.onTrainBegin();
    expect(() => cb.onEpochEnd(0, { val_myScore: 1 })).toThrow(
      'EarlyStopping: cannot tell whether "val_myScore" should be maximized or minimized; pass mode: "max" to use its highest value or mode: "min" to use its lowest',
    );
  });

  test("precision, recall and auc are maximized; mae minimized", () => {
    const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [1] })]);
    model.compile({ optimizer: "sgd", loss: "mse", metrics: ["precision", "auc", "mae"] });
    const run = (monitor: string, values: number[]) => {
      const cb = nn.callbacks.earlyStopping({ monitor, patience: 1 });
      cb.setModel(model);
      cb.onTrainBegin();
      values.forEach((v, i) => cb.onEpochEnd(i, { [monitor]: v }));
      return cb.best;
    };
    expect(run("val_auc", [0.5, 0.9, 0.7])).toBe(0.9);
    expect(run("precision", [0.5, 0.9, 0.7])).toBe(0.9);
    expect(run("val_mae", [0.5, 0.9, 0.7])).toBe(0.5);
  });
});

describe("callback argument errors", () => {
  test("each names the callback, the argument and the value", () => {
    expect(() => nn.callbacks.earlyStopping({ patience: -1 })).toThrow("EarlyStopping: patience must be an integer ≥ 0, got -1");
    expect(() => nn.callbacks.earlyStopping({ mode: "bigger" as any })).toThrow('EarlyStopping: mode must be "auto", "min" or "max", got "bigger"');
    expect(() => nn.callbacks.earlyStopping({ baseline: Number.NaN })).toThrow("EarlyStopping: baseline must be a finite number or null, got NaN");
    expect(() => nn.callbacks.reduceLROnPlateau({ factor: 1.5 })).toThrow("ReduceLROnPlateau: factor must be in [0, 1) (the rate is multiplied by it), got 1.5");
    expect(() => nn.callbacks.reduceLROnPlateau({ cooldown: 0.5 })).toThrow("ReduceLROnPlateau: cooldown must be an integer ≥ 0, got 0.5");
    expect(() => nn.callbacks.learningRateScheduler(3 as any)).toThrow("LearningRateScheduler: schedule must be a function (epoch, lr) => number, got number");
    expect(() => nn.callbacks.lambdaCallback({ onEpochEnds: () => {} } as any)).toThrow('LambdaCallback: unknown hook "onEpochEnds". Valid hooks: onTrainBegin');
    expect(() => nn.callbacks.csvLogger("")).toThrow('CSVLogger: filename must be a non-empty string, got ""');
    expect(() => nn.callbacks.modelCheckpoint(undefined as any)).toThrow("ModelCheckpoint: filepath must be a non-empty string, got undefined");
  });

  test("a missing monitor warns with the available keys, as Keras", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const r = runScripted(nn.callbacks.earlyStopping({ monitor: "val_los", mode: "min", patience: 0 }), [{ loss: 1, val_loss: 1 }, { loss: 2, val_loss: 2 }], 1);
      expect(r.stoppedAfter).toBeNull();
      expect(warn).toHaveBeenCalledWith('EarlyStopping is conditioned on "val_los", which is not available. Available metrics are: loss,val_loss');
    } finally {
      warn.mockRestore();
    }
  });
});
