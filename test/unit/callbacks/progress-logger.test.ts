import * as nn from "nnlab";

// Layout and number formats from Keras 3's Progbar (keras/src/utils/progbar.py).
describe("progress lines", () => {
  test("formatLogs: sorted keys, 4 decimals, Python's 4-digit scientific form for small values", () => {
    expect(nn.callbacks.formatLogs({ loss: 0.51234, accuracy: 0.75, val_loss: 0.0001234, lr: 0 })).toBe(
      "accuracy: 0.7500 - loss: 0.5123 - lr: 0.0000e+00 - val_loss: 1.2340e-04",
    );
    // verbose 2 compares the signed value, as Keras does.
    expect(nn.callbacks.formatLogs({ x: -0.5 }, false)).toBe("x: -5.0000e-01");
    expect(nn.callbacks.formatLogs({ x: -0.5 })).toBe("x: -0.5000");
  });

  test("time per step in s, ms or us", () => {
    expect(nn.callbacks.formatTimePerStep(2.4)).toBe("2s/step");
    expect(nn.callbacks.formatTimePerStep(0.0151)).toBe("15ms/step");
    expect(nn.callbacks.formatTimePerStep(0.0008)).toBe("800us/step");
  });

  test("verbose 1 on a terminal redraws one coloured bar in place and ends it with a newline", async () => {
    nn.setSeed(0); // the loss's size decides its format (4 decimals, or scientific below 1e-3)
    const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [1] })]);
    model.compile({ optimizer: "sgd", loss: "mse" });
    const printed: string[] = [];
    const written: string[] = [];
    const logger = new nn.callbacks.ProgressLogger(1, { print: (l) => void printed.push(l), tty: { write: (s: string) => written.push(s) } });
    await model.fit([[1], [2], [3]], [[1], [2], [3]], { epochs: 1, batchSize: 1, verbose: 0, callbacks: [logger] });
    expect(printed).toEqual(["Epoch 1/1"]);
    const last = written.at(-1)!;
    expect(last.startsWith("\r\x1b[1m3/3\x1b[0m \x1b[32m" + "━".repeat(20) + "\x1b[0m\x1b[37m\x1b[0m \x1b[1m")).toBe(true);
    expect(last).toMatch(/(s|ms|us)\/step - loss: (\d+\.\d{4}|\d\.\d{4}e[+-]\d{2})\s*\n$/);
    expect(written.slice(0, -1).every((w) => w.startsWith("\r") && !w.endsWith("\n"))).toBe(true);
  });
});
