/** nn.plot.heatmap: cells where the matrix puts them, a colour scale centred on 0 for signed data, escaped labels, clear errors. */
import * as nn from "nnlab";
import { VEGALITE_MIME } from "../../../src/display/mime";

type Cell = { row: string; column: string; value: number };
type Layer = { mark: { type: string }; encoding: Record<string, { scale?: { scheme: string; domain?: number[] }; format?: string }> };

function cellsOf(plot: nn.plot.Plot): Cell[] {
  return (plot.spec.data as { values: Cell[] }).values;
}
function layersOf(plot: nn.plot.Plot): Layer[] {
  return plot.spec.layer as Layer[];
}

test("row i, column j holds values[i][j]; row 0 is drawn at the top (sorted as given)", () => {
  const plot = nn.plot.heatmap([[1, 2, 3], [4, 5, 6]], { xLabels: ["a", "b", "c"], yLabels: ["top", "bottom"], title: "t" });
  expect(cellsOf(plot)).toEqual([
    { row: "top", column: "a", value: 1 },
    { row: "top", column: "b", value: 2 },
    { row: "top", column: "c", value: 3 },
    { row: "bottom", column: "a", value: 4 },
    { row: "bottom", column: "b", value: 5 },
    { row: "bottom", column: "c", value: 6 },
  ]);
  const encoding = plot.spec.encoding as { y: { sort: string[] }; x: { sort: string[] } };
  expect(encoding.y.sort).toEqual(["top", "bottom"]);
  expect(encoding.x.sort).toEqual(["a", "b", "c"]);
  expect(plot.description).toBe('Heatmap 2×3 "t", values from 1.000 to 6.000');
});

test("values of both signs get a diverging scheme centred on 0; one sign a sequential one", () => {
  const signed = layersOf(nn.plot.heatmap([[-1, 0.5], [3, 0]]))[0].encoding.color.scale;
  expect(signed).toEqual({ scheme: "blueorange", domain: [-3, 3] });
  const positive = layersOf(nn.plot.heatmap([[1, 2]]))[0].encoding.color.scale;
  expect(positive).toEqual({ scheme: "blues" });
  expect(layersOf(nn.plot.heatmap([[-1, 2]], { scheme: "viridis" }))[0].encoding.color.scale).toEqual({ scheme: "viridis" });
});

test("values are written in small matrices only, unless asked", () => {
  expect(layersOf(nn.plot.heatmap([[1, 2], [3, 4]])).map((l) => l.mark.type)).toEqual(["rect", "text"]);
  const big = nn.zeros([21, 21]);
  expect(layersOf(nn.plot.heatmap(big)).map((l) => l.mark.type)).toEqual(["rect"]);
  expect(layersOf(nn.plot.heatmap(big, { annotate: true })).map((l) => l.mark.type)).toEqual(["rect", "text"]);
  expect(layersOf(nn.plot.heatmap([[1]], { format: "d" }))[1].encoding.text.format).toBe("d");
});

test("renders to SVG with the labels, hostile labels escaped", async () => {
  const hostile = "<img src=x onerror=alert(1)>";
  const plot = nn.plot.heatmap(nn.tensor([[0.1, 0.9], [0.7, 0.3]]), { xLabels: ["key 1", hostile], yLabels: ["q1", "q2"], xTitle: "key", yTitle: "query" });
  const bundle = await plot.bundle();
  expect(Object.keys(bundle).sort()).toEqual([VEGALITE_MIME, "image/svg+xml", "text/plain"].sort());
  const svg = bundle["image/svg+xml"] as string;
  expect(svg).toMatch(/^<svg /);
  expect(svg).toContain("key 1");
  expect(svg).toContain("query");
  expect(svg).not.toContain("<img");
  expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
  // Four cells, four written values.
  for (const text of ["0.10", "0.90", "0.70", "0.30"]) expect(svg).toContain(`>${text}<`);
});

test("errors name the argument, the expected and the actual", () => {
  expect(() => nn.plot.heatmap([1, 2, 3])).toThrow("nn.plot.heatmap: values must have shape [n, d], got [3]");
  expect(() => nn.plot.heatmap([[1, 2]], { xLabels: ["a"] })).toThrow("nn.plot.heatmap: xLabels must have 2 names (one per column), got 1");
  expect(() => nn.plot.heatmap([[1, 2]], { yLabels: ["a", "b"] })).toThrow("nn.plot.heatmap: yLabels must have 1 name (one per row), got 2");
  expect(() => nn.plot.heatmap([[1, 2]], { xLabels: ["a", "a"] })).toThrow('nn.plot.heatmap: xLabels must be distinct (cells with the same name would overlap), got ["a","a"]');
  expect(() => nn.plot.heatmap([[1, NaN], [0, 0]])).toThrow("nn.plot.heatmap: values must be finite, got NaN at row 0, column 1");
  expect(() => nn.plot.heatmap(nn.zeros([0, 3]))).toThrow("nn.plot.heatmap: values must have at least one row and one column, got shape [0, 3]");
  expect(() => nn.plot.confusionMatrix([0, 1], [0, 1], { classNames: ["x", "x"] })).toThrow('nn.plot.confusionMatrix: classNames must be distinct, got ["x","x"]');
});
