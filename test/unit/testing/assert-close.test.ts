import * as nn from "nnlab";
import { consoleLines } from "../helpers";

describe("assertClose", () => {
  test("passes within atol + rtol·|expected| and reports the label", () => {
    expect(consoleLines(() => nn.assertClose(0.6224593312, 0.62245933, { label: "σ(0.5)" }))).toEqual(["✓ σ(0.5) ≈ 0.62245933"]);
    expect(consoleLines(() => nn.assertClose(nn.tensor([1, 2]), [1, 2 + 1e-7]))).toEqual(["✓ value ≈ 2 values"]);
    expect(consoleLines(() => nn.assertClose(1, 1, { print: false }))).toEqual([]);
  });

  test("fails with both values, the index and the tolerances", () => {
    expect(() => nn.assertClose([1, 2.1], [1, 2], { label: "w", rtol: 0.01, print: false })).toThrow(
      "check failed: w at index 1: got 2.1, expected 2 (|difference| 0.100 > atol 1e-9 + rtol 0.01·|expected|)",
    );
    expect(() => nn.assertClose([1, 2], [1], { label: "w", print: false })).toThrow("check failed: w: got 2 values but expected 1");
    expect(() => nn.assertClose(NaN, 1, { print: false })).toThrow("check failed: value: got NaN, expected 1");
    expect(() => nn.assertClose("1" as never, 1)).toThrow("assertClose: actual must be a number, an array of numbers or a Tensor, got string");
  });

  test("check() passes or throws with the message", () => {
    expect(consoleLines(() => nn.check(1 < 2, "one is less than two"))).toEqual(["✓ one is less than two"]);
    expect(() => nn.check(false, "accuracy ≥ 0.9")).toThrow("check failed: accuracy ≥ 0.9");
  });
});
