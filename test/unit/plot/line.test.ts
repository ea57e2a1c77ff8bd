/**
 * nn.plot.line: the spec's data and encodings, the rendered geometry against hand-computed
 * pixel positions (linear and log axes), markers, non-finite values, errors and escaping.
 */
import * as nn from "nnlab";
import { VEGALITE_MIME } from "../../../src/display/mime";

type Encoding = { [channel: string]: { [key: string]: unknown } };
const encodingOf = (plot: nn.plot.Plot) => plot.spec.encoding as Encoding;
const rowsOf = (plot: nn.plot.Plot) => (plot.spec.data as { values: { x: number; y: number; series: string }[] }).values;
/** The `d` attribute of every line mark in an SVG. */
const linePaths = (svg: string) => [...svg.matchAll(/aria-roledescription="line mark" d="([^"]*)"/g)].map((m) => m[1]);

describe("nn.plot.line", () => {
  test("one series: the line's pixels are where the hand-computed scales put them", async () => {
    // x and y domains [0, 2] (already "nice") map onto [0, 100]; the y axis points down in SVG.
    const plot = nn.plot.line([0, 1, 2], [0, 1, 2], { width: 100, height: 100 });
    // Before rendering: vega tags the inline rows with a symbol id when it draws them.
    expect(rowsOf(plot)).toEqual([{ x: 0, y: 0, series: "y" }, { x: 1, y: 1, series: "y" }, { x: 2, y: 2, series: "y" }]);
    expect(linePaths(await plot.toSVG())).toEqual(["M0,100L50,50L100,0"]);
    expect(encodingOf(plot).color).toEqual({ value: "#4c78a8" });
    expect(plot.description).toBe("Line chart — 1 series over 3 x values from 0 to 2");
  });

  test("log axes: y = 10^x and x = 10^k are straight, evenly spaced lines", async () => {
    const logY = nn.plot.line([0, 1, 2], [1, 10, 100], { logY: true, width: 100, height: 100 });
    expect(encodingOf(logY).y.scale).toEqual({ type: "log" });
    expect(linePaths(await logY.toSVG())).toEqual(["M0,100L50,50L100,0"]);
    const logX = nn.plot.line([1, 10, 100], [0, 1, 2], { logX: true, width: 100, height: 100 });
    expect(encodingOf(logX).x.scale).toEqual({ type: "log" });
    expect(linePaths(await logX.toSVG())).toEqual(["M0,100L50,50L100,0"]);
  });

  test("named series: one line each, legend in the given order, bundle like every nn.plot chart", async () => {
    const x = [1, 2, 3, 4];
    const plot = nn.plot.line(x, { train: [4, 3, 2, 1], validation: nn.tensor([[4], [3.5], [3], [3.2]]) }, { title: "Loss", xTitle: "epoch", yTitle: "loss" });
    expect(rowsOf(plot).filter((r) => r.series === "validation").map((r) => r.y)).toEqual([4, 3.5, 3, 3.200000047683716]); // float32 tensor
    expect(encodingOf(plot).color).toMatchObject({ field: "series", sort: ["train", "validation"] });
    expect(encodingOf(plot).x.title).toBe("epoch");
    expect(encodingOf(plot).y.title).toBe("loss");
    expect(plot.spec.title).toBe("Loss");
    const bundle = await plot.bundle();
    expect(Object.keys(bundle).sort()).toEqual([VEGALITE_MIME, "image/svg+xml", "text/plain"].sort());
    expect(bundle[VEGALITE_MIME]).toBe(plot.spec);
    const svg = bundle["image/svg+xml"] as string;
    expect(svg).not.toMatch(/<script/i);
    expect(linePaths(svg)).toHaveLength(2);
    for (const text of ["train", "validation", "epoch", "loss", "Loss"]) expect(svg).toContain(`>${text}<`);
    expect(bundle["text/plain"]).toBe("Line chart: Loss — 2 series (train, validation) over 4 x values from 1 to 4");
  });

  test("x values of a plain array keep float64 precision", () => {
    const x = [0.005, 0.0151, 0.0252];
    expect(rowsOf(nn.plot.line(x, [1, 2, 3])).map((r) => r.x)).toEqual(x);
  });

  test("points: a marker on every value", async () => {
    const plot = nn.plot.line([0, 1, 2], { a: [0, 1, 0], b: [1, 0, 1] }, { points: true });
    expect((await plot.toSVG()).match(/aria-roledescription="point"/g)).toHaveLength(6);
    expect((await nn.plot.line([0, 1, 2], [0, 1, 0]).toSVG()).includes('aria-roledescription="point"')).toBe(false);
  });

  test("non-finite values are left out of the line and counted in the text", () => {
    const plot = nn.plot.line([0, 1, 2, 3], { loss: [1, NaN, Infinity, 0.5] });
    expect(rowsOf(plot).map((r) => r.x)).toEqual([0, 3]);
    expect(plot.description).toBe("Line chart — 1 series (loss) over 4 x values from 0 to 3; 2 non-finite values left out");
  });

  test("text from the user is escaped in the SVG", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const svg = await nn.plot.line([0, 1], { [hostile]: [0, 1] }, { title: hostile, xTitle: hostile }).toSVG();
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  test("bad input: clear errors naming the argument, the expected and the actual", () => {
    expect(() => nn.plot.line([0, 1, 2], { a: [1, 2] })).toThrow('nn.plot.line: series "a" must have 3 values (one per x), got 2');
    expect(() => nn.plot.line([0, 1, 2], nn.tensor([[1, 2, 3]]))).toThrow("nn.plot.line: series must have shape [3] or [3, 1], got [1, 3]");
    expect(() => nn.plot.line(nn.tensor([[0, 1], [2, 3]]), [1, 2])).toThrow("nn.plot.line: x must have shape [n] or [n, 1], got [2, 2]");
    expect(() => nn.plot.line([], [])).toThrow("nn.plot.line: x is empty; give at least one x value");
    expect(() => nn.plot.line([0, NaN], [1, 2])).toThrow("nn.plot.line: x must be finite numbers, got NaN at index 1");
    expect(() => nn.plot.line([1, 0], [1, 2], { logX: true })).toThrow("nn.plot.line: x must be finite numbers > 0 (logX), got 0 at index 1");
    expect(() => nn.plot.line([1, 2], { mse: [0.5, 0] }, { logY: true })).toThrow('nn.plot.line: logY needs values > 0, but series "mse" has 0 at index 1 (x = 2)');
    expect(() => nn.plot.line([1, 2], {})).toThrow("nn.plot.line: series must be an array of y values or { name: values }, got an empty object");
    expect(() => nn.plot.line([1, 2], null as never)).toThrow("nn.plot.line: series must be an array of y values or { name: values }, got null");
    expect(() => nn.plot.line([1, 2], { a: ["p", "q"] as never })).toThrow(/nn\.plot\.line: series "a": /);
    expect(() => nn.plot.line([1, 2], [1, 2], { width: 0 })).toThrow("nn.plot.line: width must be an integer in [20, 4000], got 0");
    expect(() => nn.plot.line([1, 2], [1, 2], { height: 2.5 })).toThrow("nn.plot.line: height must be an integer in [20, 4000], got 2.5");
    expect(() => nn.plot.line([1, 2], [1, 2], { logy: true } as never)).toThrow('nn.plot.line: unknown option "logy"; valid options: title, xTitle, yTitle, logX, logY, points, width, height');
  });
});
