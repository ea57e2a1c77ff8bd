/**
 * Import time (issue 8 runs ~47 notebooks, each importing nnlab on a fresh kernel): the heavy
 * packages — @faker-js/faker, arquero (+ apache-arrow), vega, vega-lite — must load on first
 * use, never at `import "nnlab"`. Each package is replaced by a factory that records when it
 * is first required and then returns the real module.
 */
const mockLoaded: string[] = [];

jest.mock("@faker-js/faker", () => (mockLoaded.push("@faker-js/faker"), jest.requireActual("@faker-js/faker")));
jest.mock("arquero", () => (mockLoaded.push("arquero"), jest.requireActual("arquero")));
jest.mock("apache-arrow", () => (mockLoaded.push("apache-arrow"), jest.requireActual("apache-arrow")));
jest.mock("vega", () => (mockLoaded.push("vega"), jest.requireActual("vega")));
jest.mock("vega-lite", () => (mockLoaded.push("vega-lite"), jest.requireActual("vega-lite")));

describe("importing nnlab loads no heavy package", () => {
  // require (not import) so the import happens inside the test, after the mocks are registered.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nn = require("nnlab") as typeof import("nnlab");

  test("nothing heavy at import", () => {
    expect(mockLoaded).toEqual([]);
  });

  test("mock data loads faker and arquero on first use, and still works", () => {
    const t = nn.mock.mockRows(3, { a: { type: "int", min: 1, max: 1 } }, { seed: 0 });
    expect(t.objects()).toEqual([{ a: 1 }, { a: 1 }, { a: 1 }]);
    expect(mockLoaded).toEqual(expect.arrayContaining(["@faker-js/faker", "arquero"]));
    expect(mockLoaded).not.toContain("vega");
  });

  test("a plot's SVG loads vega and vega-lite on first use", async () => {
    const plot = nn.plot.bar({ a: 1, b: 2 });
    expect(mockLoaded).not.toContain("vega");
    expect(await plot.toSVG()).toMatch(/^<svg /);
    expect(mockLoaded).toEqual(expect.arrayContaining(["vega", "vega-lite"]));
  });
});
