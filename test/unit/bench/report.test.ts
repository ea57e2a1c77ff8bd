/**
 * The benchmark runner's pure parts (bench/report.cjs): median, ratios, issue 9's goal verdicts,
 * table formatting and the README section replacement. No timing: every number is hand-made.
 */
import * as path from "path";

interface Entry {
  status: string;
  median?: number;
  peakRSSMiB?: number;
  reason?: string;
}
interface Workload {
  title: string;
  unit: string;
  better: "higher" | "lower";
  training: boolean;
  reps: number;
  libraries: Record<string, Entry>;
}
interface Goal {
  goal: string;
  value: number | null;
  met: boolean | null;
  note: string;
}
interface ReportModule {
  median(xs: number[]): number;
  speedRatio(mine: number, theirs: number, better: "higher" | "lower"): number | null;
  bestNnlab(w: Workload): { name: string; entry: Entry } | null;
  evaluateGoals(ws: Record<string, Workload>): Goal[];
  formatValue(x: number): string;
  formatRatio(r: number | null): string;
  markdownTable(headers: string[], rows: string[][]): string;
  renderTables(report: { workloads: Record<string, Workload> }): string;
  replaceSection(readme: string, content: string): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const report = require(path.join(__dirname, "..", "..", "..", "bench", "report.cjs")) as ReportModule;

const ok = (median: number, peakRSSMiB?: number): Entry => ({ status: "ok", median, peakRSSMiB });

function workload(over: Partial<Workload> & { libraries: Record<string, Entry> }): Workload {
  return { title: "w", unit: "samples/s", better: "higher", training: false, reps: 3, ...over };
}

describe("bench report: median and ratios", () => {
  test("median of odd and even counts, unsorted input", () => {
    expect(report.median([5, 1, 3])).toBe(3);
    expect(report.median([4, 1, 3, 2])).toBe(2.5);
  });

  test("median of an empty list is a clear error", () => {
    expect(() => report.median([])).toThrow("median: needs a non-empty list of numbers, got []");
  });

  test("speed ratio: mine ÷ theirs when higher is better, theirs ÷ mine when lower is better", () => {
    expect(report.speedRatio(300, 100, "higher")).toBe(3);
    expect(report.speedRatio(0.5, 2, "lower")).toBe(4); // 0.5 ms vs 2 ms: 4× faster
    expect(report.speedRatio(0, 100, "higher")).toBeNull();
  });

  test("nnlab's best backend is the higher median for throughput, the lower for latency", () => {
    const libs = { "nnlab-ts": ok(10), "nnlab-wasm": ok(40), "tfjs-cpu": ok(1000) };
    expect(report.bestNnlab(workload({ libraries: libs }))?.name).toBe("nnlab-wasm");
    expect(report.bestNnlab(workload({ better: "lower", libraries: libs }))?.name).toBe("nnlab-ts");
  });

  test("a failed or unsupported nnlab backend is never the best", () => {
    const libs = { "nnlab-ts": ok(10), "nnlab-wasm": { status: "unsupported", reason: "no wasm" } };
    expect(report.bestNnlab(workload({ libraries: libs }))?.name).toBe("nnlab-ts");
  });
});

describe("bench report: goals", () => {
  const workloads: Record<string, Workload> = {
    mlp: workload({ title: "MLP", training: true, libraries: { "nnlab-ts": ok(3000, 120), "tfjs-cpu": ok(1000, 200), "tfjs-wasm": ok(2500, 90) } }),
    cnn: workload({ title: "CNN", training: true, libraries: { "nnlab-ts": ok(400, 100), "tfjs-cpu": ok(30, 100), "tfjs-wasm": { status: "unsupported", reason: "Kernel 'Conv2DBackpropFilter' not registered" } } }),
  };
  const goals = report.evaluateGoals(workloads);
  const find = (text: string) => goals.find((g) => g.goal === text);

  test("speed goal not met: 3000 ÷ 2500 = 1.2 < 1.5", () => {
    const g = find("MLP: nnlab ≥ 1.5× tfjs-wasm");
    expect(g?.value).toBeCloseTo(1.2, 12);
    expect(g?.met).toBe(false);
  });

  test("speed goal met: 400 ÷ 30 ≈ 13.3 ≥ 10", () => {
    const g = find("CNN: nnlab ≥ 10× tfjs-cpu");
    expect(g?.value).toBeCloseTo(400 / 30, 12);
    expect(g?.met).toBe(true);
  });

  test("memory goal: 120 ÷ 200 = 0.6 met; 120 ÷ 90 ≈ 1.33 not met", () => {
    expect(find("MLP: peak RSS ≤ 1.2× tfjs-cpu")?.met).toBe(true);
    const wasm = find("MLP: peak RSS ≤ 1.2× tfjs-wasm");
    expect(wasm?.value).toBeCloseTo(120 / 90, 12);
    expect(wasm?.met).toBe(false);
  });

  test("a goal against an unsupported peer is n/a with the peer's reason", () => {
    const g = find("CNN: peak RSS ≤ 1.2× tfjs-wasm");
    expect(g?.met).toBeNull();
    expect(g?.note).toBe("tfjs-wasm unsupported: Kernel 'Conv2DBackpropFilter' not registered");
  });

  test("goals of workloads not run are not listed", () => {
    expect(goals).toHaveLength(2 + 4); // mlp and cnn speed goals, two memory goals each
  });
});

describe("bench report: formatting", () => {
  test("values keep three significant digits without exponents", () => {
    expect(report.formatValue(5234.4)).toBe("5234");
    expect(report.formatValue(27.345)).toBe("27.3");
    expect(report.formatValue(0.0592)).toBe("0.0592");
    expect(report.formatValue(NaN)).toBe("—");
  });

  test("ratios: two decimals below 10, one above", () => {
    expect(report.formatRatio(1.4849)).toBe("1.48×");
    expect(report.formatRatio(48.24)).toBe("48.2×");
    expect(report.formatRatio(null)).toBe("—");
  });

  test("a Markdown table has a header, a rule and one line per row", () => {
    expect(report.markdownTable(["a", "b"], [["1", "2"]])).toBe("| a | b |\n| --- | --- |\n| 1 | 2 |");
  });

  test("the medians table shows each library's median or its status, and nnlab-best's ratios", () => {
    const text = report.renderTables({
      workloads: { mlp: workload({ title: "MLP", libraries: { "nnlab-ts": ok(3000), "tfjs-cpu": ok(1000), torch: { status: "skipped", reason: "torch not installed" } } }) },
    });
    expect(text).toContain("| workload | unit | reps | nnlab-ts | tfjs-cpu | torch | nnlab best | best ÷ tfjs-cpu | best ÷ torch |");
    expect(text).toContain("| MLP | samples/s | 3 | 3000 | 1000 | skipped | nnlab-ts | 3.00× | — |");
    expect(text).toContain("- MLP, torch: skipped: torch not installed");
  });
});

describe("bench report: README section", () => {
  const START = "<!-- bench:results:start -->";
  const END = "<!-- bench:results:end -->";

  test("replaces only the text between the markers", () => {
    const readme = `# Bench\n\nintro\n\n${START}\nold table\n${END}\n\n## After\n`;
    expect(report.replaceSection(readme, "new table\n")).toBe(`# Bench\n\nintro\n\n${START}\nnew table\n${END}\n\n## After\n`);
  });

  test("appends a marked section when there is none", () => {
    expect(report.replaceSection("# Bench\n\n", "table")).toBe(`# Bench\n\n${START}\ntable\n${END}\n`);
  });

  test("a lone or misordered marker is an error naming both markers", () => {
    expect(() => report.replaceSection(`${END}\n${START}`, "x")).toThrow(`bench README: expected "${START}" before "${END}", found start at 27, end at 0`);
    expect(() => report.replaceSection(`${START} only`, "x")).toThrow("found start at 0, end at -1");
  });
});
