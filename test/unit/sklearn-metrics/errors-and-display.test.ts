/** Bad input errors (each message), warnings, hand-computed values and the report's display bundle. */
import * as nn from "nnlab";
import * as sk from "../../../src/metrics/sklearn";

describe("bad input gives a clear error naming the argument", () => {
  it.each([
    ["mismatched lengths", () => sk.accuracyScore([0, 1, 1], [0, 1]), /accuracyScore: yTrue and yPred must have the same number of samples, got 3 and 2/],
    ["empty", () => sk.f1Score([], []), /f1Score: yTrue and yPred are empty/],
    ["NaN label", () => sk.precisionScore([0, NaN, 1], [0, 1, 1]), /precisionScore: yTrue contains NaN at index 1/],
    ["NaN score", () => sk.rocAucScore([0, 1, 1], [0.2, NaN, 0.3]), /rocAucScore: yScore contains NaN at index 0\]\[0|rocAucScore: yScore contains NaN at index 1/],
    ["Infinity target", () => sk.r2Score([1, Infinity, 2], [1, 2, 3]), /r2Score: yTrue contains Infinity at index 1/],
    ["probabilities as labels", () => sk.accuracyScore([0, 1], [0.2, 0.9]), /yPred must hold class labels, got the continuous value 0.2 at index 0/],
    ["mixed label kinds", () => sk.accuracyScore([0, "a"] as never, [0, 1]), /yTrue mixes string and number labels/],
    ["string vs number", () => sk.accuracyScore(["a", "b"], [0, 1]), /yTrue holds string labels but yPred holds number labels/],
    ["multiclass with binary average", () => sk.f1Score([0, 1, 2], [0, 1, 2]), /f1Score: the targets are multiclass \(labels \[0, 1, 2\]\) but average is "binary"/],
    ["bad posLabel", () => sk.recallScore([0, 1], [1, 0], { posLabel: 3 }), /posLabel=3 is not a valid label; it should be one of \[0, 1\]/],
    ["bad average", () => sk.precisionScore([0, 1], [0, 1], { average: "samples" as never }), /average must be one of "binary", "micro", "macro", "weighted" or null, got "samples"/],
    ["bad zeroDivision", () => sk.precisionScore([0, 1], [0, 1], { zeroDivision: 2 }), /zeroDivision must be "warn", 0, 1 or NaN, got 2/],
    ["negative weight", () => sk.accuracyScore([0, 1], [0, 1], { sampleWeight: [1, -1] }), /sampleWeight must be ≥ 0, got -1 at index 1/],
    ["weights length", () => sk.accuracyScore([0, 1], [0, 1], { sampleWeight: [1] }), /sampleWeight must have one weight per sample \(2\), got 1/],
    ["tensor with many columns", () => sk.accuracyScore(nn.tensor([[0, 1], [1, 0]]), [0, 1]), /yTrue must have one value per sample \(shape \[n\] or \[n, 1\]\), got shape \[2, 2\]/],
    ["normalize", () => sk.confusionMatrix([0, 1], [0, 1], { normalize: "rows" as never }), /normalize must be "true", "pred", "all" or null, got "rows"/],
    ["labels not in yTrue", () => sk.confusionMatrix([0, 1], [0, 1], { labels: [5] }), /at least one label in labels \[5\] must occur in yTrue/],
    ["duplicate labels", () => sk.confusionMatrix([0, 1], [0, 1], { labels: [0, 0] }), /labels must be distinct/],
    ["roc on multiclass", () => sk.rocCurve([0, 1, 2], [0.1, 0.2, 0.3]), /rocCurve: yTrue has 3 classes \[0, 1, 2\]; this curve needs binary targets/],
    ["roc labels without posLabel", () => sk.rocCurve([2, 5, 5], [0.1, 0.2, 0.3]), /yTrue takes values \[2, 5\] and posLabel is not given/],
    ["auc multiclass needs multiClass", () => sk.rocAucScore([0, 1, 2], [[1, 0, 0], [0, 1, 0], [0, 0, 1]]), /yTrue has 3 classes; pass multiClass: "ovr" or "ovo"/],
    ["auc multiclass not probabilities", () => sk.rocAucScore([0, 1, 2], [[1, 1, 0], [0, 1, 0], [0, 0, 1]], { multiClass: "ovr" }), /must be probabilities that sum to 1 over classes; row 0 sums to 2/],
    ["auc binary with two columns", () => sk.rocAucScore([0, 1], [[0.3, 0.7], [0.6, 0.4]]), /binary yTrue needs one score per sample/],
    ["maxFpr", () => sk.rocAucScore([0, 1], [0.3, 0.7], { maxFpr: 0 }), /maxFpr must be in \(0, 1\], got 0/],
    ["ragged matrix", () => sk.logLoss([0, 1], [[0.3, 0.7], [1]]), /yProba must be a rectangular matrix: row 0 has 2 values but row 1 has 1/],
    ["probability > 1", () => sk.logLoss([0, 1], [0.3, 1.7]), /logLoss: yProba contains values greater than 1 \(1.7\)/],
    ["log loss one class", () => sk.logLoss([1, 1], [0.3, 0.7]), /yTrue contains only one label \(1\); pass all expected class labels with the labels option/],
    ["log loss columns", () => sk.logLoss([0, 1, 2], [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]), /yTrue has 3 classes \[0, 1, 2\] but yProba has 2 columns/],
    ["brier negative", () => sk.brierScoreLoss([0, 1], [-0.1, 0.5]), /brierScoreLoss: yProba contains values less than 0 \(-0.1\)/],
    ["regression outputs", () => sk.meanSquaredError([[1, 2]], [[1]]), /yTrue has 2 outputs but yPred has 1/],
    ["r2 one sample", () => sk.r2Score([1], [1]), /R² is not well-defined with fewer than two samples, got 1/],
    ["multioutput", () => sk.meanAbsoluteError([1, 2], [1, 2], { multioutput: "varianceWeighted" }), /multioutput must be "rawValues", "uniformAverage" or an array of weights, got "varianceWeighted"/],
    ["report names", () => sk.classificationReport([0, 1, 2], [0, 1, 2], { targetNames: ["a", "b"] }), /targetNames has 2 names but there are 3 labels \[0, 1, 2\]; pass labels to choose them/],
    ["auc x not monotonic", () => sk.auc([0, 1, 0.5], [0, 1, 1]), /x is neither increasing nor decreasing/],
    ["fbeta without beta", () => (sk.fbetaScore as (a: number[], b: number[], o: object) => number)([0, 1], [0, 1], {}), /fbetaScore: options.beta is required/],
  ])("%s", (_name, f, message) => {
    const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      expect(f).toThrow(message);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("zero division and warnings (scikit-learn's documented behaviour)", () => {
  it("warns once per ill-defined metric with 'warn', silently uses 0, 1 or NaN otherwise", () => {
    const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    // No sample predicted as 1: precision tp/(tp+fp) = 0/0.
    expect(sk.precisionScore([0, 0, 1, 1], [0, 0, 0, 0])).toBe(0);
    expect(spy).toHaveBeenCalledWith("Precision is ill-defined and being set to 0.0 due to no predicted samples. Use `zeroDivision` to control this behavior.", "UndefinedMetricWarning");
    spy.mockClear();
    expect(sk.precisionScore([0, 0, 1, 1], [0, 0, 0, 0], { zeroDivision: 1 })).toBe(1);
    expect(sk.precisionScore([0, 0, 1, 1], [0, 0, 0, 0], { zeroDivision: NaN })).toBeNaN();
    expect(spy).not.toHaveBeenCalled();
    // macro with NaN leaves the undefined label out: label 0 precision 2/4 only.
    expect(sk.precisionScore([0, 0, 1, 1], [0, 0, 0, 0], { average: "macro", zeroDivision: NaN })).toBe(0.5);
    spy.mockRestore();
  });

  it("inventory worked numbers: AUC 0.75 and Brier 0.158125 for y = [0, 0, 1, 1], p = [0.1, 0.4, 0.35, 0.8]", () => {
    expect(nn.metrics.rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    expect(nn.metrics.brierScoreLoss([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo((0.01 + 0.16 + 0.4225 + 0.04) / 4, 15);
  });

  it("accepts tensors and [n, 1] columns", () => {
    const t = nn.tensor([[0], [1], [1], [0]]);
    const p = nn.tensor([0, 1, 0, 0]);
    expect(sk.accuracyScore(t, p)).toBe(0.75);
    expect(sk.r2Score(nn.tensor([1, 2, 3, 4], { dtype: "float64" }), [1, 2, 3, 5])).toBeCloseTo(1 - 1 / 5, 15);
    expect(sk.meanSquaredError([[1], [2]], [[1], [4]])).toBe(2);
  });
});

describe("classificationReport displays as a table", () => {
  const report = nn.metrics.classificationReport(["<b>cat</b>", "dog", "dog"], ["<b>cat</b>", "dog", "<b>cat</b>"]);

  it("is a MIME bundle with an escaped HTML table and scikit-learn's text", () => {
    const bundle = report[nn.JUPYTER_DISPLAY]();
    expect(bundle["text/plain"]).toBe(String(report));
    const html = bundle["text/html"] as string;
    expect(html).toContain("<table");
    expect(html).toContain("&lt;b&gt;cat&lt;/b&gt;");
    expect(html).not.toContain("<b>cat</b>");
    expect(html).toContain("<td style=\"text-align:right\">0.5000</td>".replace("0.5000", "0.50"));
    expect(html).toContain("accuracy");
     // Scores keep two decimals even when whole, as scikit-learn prints them: cat's recall is
    // 1/1 → "1.00", dog's precision 1/1 → "1.00"; supports stay counts ("1", "2", "3").
    const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells.slice(0, 10)).toEqual(["&lt;b&gt;cat&lt;/b&gt;", "0.50", "1.00", "0.67", "1", "dog", "1.00", "0.50", "0.67", "2"]);
  });

  it("display() goes through the kernel's display host, else prints text", () => {
    const shown: unknown[] = [];
    const key = Symbol.for("nnlab.displayHost");
    (globalThis as Record<symbol, unknown>)[key] = { display: (b: unknown) => shown.push(b), update: () => undefined };
    try {
      report.display();
    } finally {
      delete (globalThis as Record<symbol, unknown>)[key];
    }
    expect(shown).toHaveLength(1);
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    report.display();
    expect(log).toHaveBeenCalledWith(String(report));
    log.mockRestore();
  });

  it("toDict has scikit-learn's keys", () => {
    expect(Object.keys(report.toDict())).toEqual(["<b>cat</b>", "dog", "accuracy", "macro avg", "weighted avg"]);
  });
});
