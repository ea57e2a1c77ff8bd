import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execSync } from "child_process";
import * as ts from "typescript";
import * as nn from "nnlab";
import { expectClose, sklearnFixture } from "../helpers";

// Reference values recorded by test/fixtures/sklearn/datasets.py from scikit-learn's own loaders.
const fx = sklearnFixture("datasets");
const { loadIris, loadDigits, loadBreastCancer, loadWine, loadDiabetes } = nn.datasets;

type Loader = (o?: { dtype?: "float32" | "float64" }) => nn.datasets.RealDataset;
const cases: [string, Loader, any][] = [
  ["iris", loadIris, fx.iris],
  ["digits", loadDigits, fx.digits],
  ["breastCancer", loadBreastCancer, fx.breastCancer],
  ["wine", loadWine, fx.wine],
  ["diabetes (scaled, sklearn's default)", loadDiabetes, fx.diabetesScaled],
  ["diabetes (scaled: false)", (o) => loadDiabetes({ ...o, scaled: false }), fx.diabetes],
];

function row(t: nn.Tensor, i: number): number[] {
  const k = t.shape[1];
  return Array.from(t.data.subarray(i * k, (i + 1) * k));
}

function columnSums(t: nn.Tensor): number[] {
  const [n, k] = t.shape;
  const sums = new Array(k).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) sums[j] += t.data[i * k + j];
  return sums;
}

/** Bitwise equality of two float arrays of the same type (fast on the 115,008 digit pixels, unlike toEqual). */
function sameBytes(a: Float32Array | Float64Array, b: Float32Array | Float64Array): boolean {
  return a.constructor === b.constructor && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function counts(target: ArrayLike<number>): number[] {
  const c: number[] = [];
  for (const t of Array.from(target)) c[t] = (c[t] ?? 0) + 1;
  return c;
}

describe.each(cases)("%s", (_name, load, ref) => {
  const ds = load({ dtype: "float64" });

  it("has scikit-learn's shape, names and description", () => {
    expect(ds.data.shape).toEqual(ref.shape);
    expect(ds.data.dtype).toBe("float64");
    expect(ds.target.shape).toEqual([ref.shape[0]]);
    expect(ds.featureNames).toEqual(ref.featureNames);
    expect(ds.targetNames).toEqual(ref.targetNames);
    expect(ds.description.trim().split("\n")[0]).toBe(ref.descriptionFirstLine);
    expect(ds.source).toMatch(/sklearn\.datasets\.load_/);
  });

  it("has scikit-learn's first and last rows and column sums", () => {
    if (ref === fx.diabetesScaled) {
      // Computed here (standardise, then ÷√n) rather than stored: equal to sklearn up to rounding.
      expectClose(row(ds.data, 0), ref.firstRow, 1e-15);
      expectClose(row(ds.data, ref.shape[0] - 1), ref.lastRow, 1e-15);
    } else {
      expect(row(ds.data, 0)).toEqual(ref.firstRow);
      expect(row(ds.data, ref.shape[0] - 1)).toEqual(ref.lastRow);
    }
    // numpy sums pairwise, we sum in order: equal to 1e-12 relative.
    expectClose(columnSums(ds.data), ref.columnSums, 1e-12);
  });

  it("has scikit-learn's targets and class counts", () => {
    const t = Array.from(ds.target.data);
    expect(t.slice(0, 5)).toEqual(ref.targetFirst);
    expect(t.slice(-5)).toEqual(ref.targetLast);
    expect(t.reduce((a, b) => a + b, 0)).toBe(ref.targetSum);
    if (ref.classCounts) expect(counts(t)).toEqual(ref.classCounts);
  });

  it("uses the default dtype (float32) unless told otherwise", () => {
    const d32 = load();
    expect(d32.data.dtype).toBe("float32");
    expect(d32.target.dtype).toBe("float32");
    expect(row(d32.data, 0)).toEqual(Array.from(Float32Array.from(row(ds.data, 0))));
  });
});

describe("loadIris", () => {
  it("has the three species, 50 each", () => {
    const { target, targetNames } = loadIris();
    expect(targetNames).toEqual(["setosa", "versicolor", "virginica"]);
    expect(counts(target.data)).toEqual([50, 50, 50]);
  });
});

describe("loadDigits", () => {
  it("has 1,797 images 8×8 with values 0–16, equal to sklearn's images and to the flat data", () => {
    const { images, data } = loadDigits({ dtype: "float64" });
    expect(images.shape).toEqual([1797, 8, 8]);
    expect(Array.from(images.data.subarray(0, 64))).toEqual(fx.digits.image0.flat());
    expect(Array.from(images.data.subarray(1796 * 64))).toEqual(fx.digits.imageLast.flat());
    expect(sameBytes(images.data, data.data)).toBe(true);
    const pixels = Float64Array.from(data.data);
    expect(pixels.reduce((a, b) => Math.min(a, b))).toBe(0);
    expect(pixels.reduce((a, b) => Math.max(a, b))).toBe(16);
    expect(images.data).not.toBe(data.data);
  });

  it("nClass keeps the first classes only, as sklearn's n_class", () => {
    const ref = fx.digitsNClass5;
    const ds = loadDigits({ nClass: 5, dtype: "float64" });
    expect(ds.data.shape).toEqual(ref.shape);
    expect(ds.images.shape).toEqual([ref.shape[0], 8, 8]);
    expect(row(ds.data, 0)).toEqual(ref.firstRow);
    expect(row(ds.data, ref.shape[0] - 1)).toEqual(ref.lastRow);
    expectClose(columnSums(ds.data), ref.columnSums, 1e-12);
    expect(counts(ds.target.data)).toEqual(ref.classCounts);
    expect(ds.targetNames).toEqual(ref.targetNames);
  });

  it("parses the file once and returns fresh tensors on every load", async () => {
    const { readShippedCsv, shippedDatasets } = await import("../../../src/data/shipped-files");
    const file = shippedDatasets().digits.file;
    const parsed = readShippedCsv(file);
    expect(readShippedCsv(file)).toBe(parsed);
    const first = loadDigits();
    first.data.data[0] = 99;
    first.images.data[0] = 99;
    const again = loadDigits();
    expect(again.data.data[0]).toBe(0);
    expect(again.images.data[0]).toBe(0);
    expect(parsed.values[0]).toBe(0);
  });
});

describe("asFrame", () => {
  type Load = (o: { asFrame?: boolean; dtype?: "float64" }) => any;
  const loaders: [string, Load][] = [
    ["iris", loadIris],
    ["digits", loadDigits],
    ["breastCancer", loadBreastCancer],
    ["wine", loadWine],
    ["diabetes", (o) => loadDiabetes({ ...o, scaled: false })],
  ];

  it.each(loaders)("%s: frame has sklearn's columns (features, then target) and the tensors' values", (name, load) => {
    const f: nn.datasets.FrameDataset = load({ asFrame: true });
    const ref = fx[name];
    expect(f.frame.columnNames()).toEqual(fx.frameColumns[name]);
    expect(f.data.columnNames()).toEqual(ref.featureNames);
    expect(f.frame.numRows()).toBe(ref.shape[0]);
    expect(f.data.numRows()).toBe(ref.shape[0]);
    expect(f.target).toHaveLength(ref.shape[0]);
    expect(f.target.slice(0, 5)).toEqual(ref.targetFirst);
    const first = f.frame.object(0) as Record<string, number>;
    expect(ref.featureNames.map((c: string) => first[c])).toEqual(ref.firstRow);
    expect(first.target).toBe(ref.targetFirst[0]);
    const tensors: nn.datasets.RealDataset = load({ dtype: "float64" });
    expect(sameBytes(nn.datasets.tableToTensor(f.data, { dtype: "float64" }).data, tensors.data.data)).toBe(true);
    expect(f.target).toEqual(Array.from(tensors.target.data));
  });

  it("is typed by the option: tables with asFrame: true, tensors otherwise (checked by tsc -p test)", () => {
    const tables = loadIris({ asFrame: true });
    const rows: number = tables.frame.numRows();
    const first: number = tables.target[0];
    const tensors = loadDigits({ nClass: 3 });
    const images: nn.Tensor = tensors.images;
    const diabetes: nn.Tensor = loadDiabetes({ scaled: false }).data;
    expect([rows, first, images.shape[0], diabetes.shape[0]]).toEqual([150, 0, fx.digits.classCounts.slice(0, 3).reduce((a: number, b: number) => a + b), 442]);
  });

  it("digits as a frame keeps its images tensor", () => {
    const f = loadDigits({ asFrame: true, nClass: 2 });
    expect(f.images.shape).toEqual([fx.digits.classCounts[0] + fx.digits.classCounts[1], 8, 8]);
    expect(f.frame.columnNames()).toHaveLength(65);
  });
});

describe("loader errors", () => {
  it("refuses unknown options, naming the loader and the valid ones", () => {
    expect(() => loadIris({ as_frame: true } as any)).toThrow('loadIris: unknown option "as_frame"; valid options are asFrame, dtype');
    expect(() => loadDigits({ n_class: 3 } as any)).toThrow('loadDigits: unknown option "n_class"; valid options are asFrame, dtype, nClass');
    expect(() => loadWine(null as any)).toThrow("loadWine: options must be an object, got null");
  });

  it("refuses a bad dtype, asFrame, nClass or scaled", () => {
    expect(() => loadBreastCancer({ dtype: "int32" as any })).toThrow('loadBreastCancer: dtype must be one of float32, float64, got "int32"');
    expect(() => loadIris({ asFrame: "yes" } as any)).toThrow('loadIris: asFrame must be true or false, got "yes"');
    expect(() => loadDigits({ nClass: 0 })).toThrow("loadDigits: nClass must be a whole number in 1..10, got 0");
    expect(() => loadDigits({ nClass: 11 })).toThrow("loadDigits: nClass must be a whole number in 1..10, got 11");
    expect(() => loadDigits({ nClass: 2.5 })).toThrow("loadDigits: nClass must be a whole number in 1..10, got 2.5");
    expect(() => loadDiabetes({ scaled: 1 } as any)).toThrow("loadDiabetes: scaled must be true or false, got 1");
  });
});

describe("shipped files in the built package", () => {
  const srcDir = path.join(__dirname, "..", "..", "..", "src");
  let pkg: string;

  beforeAll(() => {
    // A package directory laid out as the build leaves it: data/files in the sources, and
    // dist/data/shipped-files.js compiled from the TypeScript (it imports only Node modules).
    pkg = fs.mkdtempSync(path.join(os.tmpdir(), "nnlab-build-"));
    fs.cpSync(path.join(srcDir, "data", "files"), path.join(pkg, "data", "files"), { recursive: true });
    const source = fs.readFileSync(path.join(srcDir, "data", "shipped-files.ts"), "utf8");
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
    fs.mkdirSync(path.join(pkg, "dist", "data"), { recursive: true });
    fs.writeFileSync(path.join(pkg, "dist", "data", "shipped-files.js"), js);
  });

  afterAll(() => fs.rmSync(pkg, { recursive: true, force: true }));

  function runBuilt(code: string): string {
    const script = `const m = require(${JSON.stringify(path.join(pkg, "dist", "data", "shipped-files.js"))}); ${code}`;
    return execSync(`${JSON.stringify(process.execPath)} -e ${JSON.stringify(script)}`, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  }

  it("without the build's copy step, the built module reports the missing file and how to fix it", () => {
    expect(() => runBuilt("m.shippedDatasets()")).toThrow(/the shipped data file datasets\.json is missing from .*dist.data.files; the package is incomplete \(a build must copy src\/data\/files to dist\/data\/files/);
  });

  it("the build script copies the files next to the compiled module, which then reads them", () => {
    const build: string = JSON.parse(fs.readFileSync(path.join(srcDir, "package.json"), "utf8")).scripts.build;
    const steps = build.split("&&").map((s) => s.trim());
    expect(steps).toContain("tsc -p tsconfig.json");
    // The step that ships the data files (others compile the WebAssembly kernels and copy them).
    const copy = steps.filter((s) => s.includes("data/files"));
    expect(copy).toHaveLength(1);
    expect(steps.indexOf(copy[0])).toBeGreaterThan(steps.indexOf("tsc -p tsconfig.json"));
    execSync(copy[0], { cwd: pkg });
    for (const f of fs.readdirSync(path.join(srcDir, "data", "files"))) {
      expect(fs.readFileSync(path.join(pkg, "dist", "data", "files", f))).toEqual(fs.readFileSync(path.join(srcDir, "data", "files", f)));
    }
    const out = JSON.parse(runBuilt("const d = m.readShippedCsv(m.shippedDatasets().digits.file); console.log(JSON.stringify({ dir: m.SHIPPED_FILES_DIR, rows: d.rows, cols: d.columns.length, first: Array.from(d.values.subarray(0, 64)) }))"));
    expect(out.dir).toBe(path.join(pkg, "dist", "data", "files"));
    expect([out.rows, out.cols]).toEqual([1797, 65]);
    expect(out.first).toEqual(fx.digits.firstRow);
  });
});

describe("parseNumericCsv", () => {
  it("names the file, line and column of a bad value, and a short line", async () => {
    const { parseNumericCsv } = await import("../../../src/data/shipped-files");
    expect(parseNumericCsv("a,b\n1,2\n3,4\n", "t.csv")).toEqual({ columns: ["a", "b"], rows: 2, values: Float64Array.from([1, 2, 3, 4]) });
    expect(() => parseNumericCsv("a,b\n1,x\n", "t.csv")).toThrow('nn.datasets: t.csv line 2, column "b" holds "x", not a number');
    expect(() => parseNumericCsv("a,b\n1,2\n3\n", "t.csv")).toThrow("nn.datasets: t.csv line 3 has 1 values, expected 2");
    expect(() => parseNumericCsv("", "t.csv")).toThrow("nn.datasets: t.csv is empty");
  });
});
