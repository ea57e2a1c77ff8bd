import * as nn from "nnlab";
import * as aq from "arquero";

describe("mock data (faker, seeded)", () => {
  it("the notes' attrition schema: 50 rows, ranges, reproducible", () => {
    const t = nn.mock.mockRows(50, nn.mock.attritionSchema, { seed: 42 });
    expect(t.numRows()).toBe(50);
    expect(t.columnNames()).toEqual(["employee_id", "gender", "years_of_service", "market_salary_percentile", "performance_rating", "attrition_status"]);
    const col = (c: string) => Array.from(t.array(c) as ArrayLike<any>);
    for (const id of col("employee_id")) expect(Number.isInteger(id) && id >= 0 && id <= 99999).toBe(true);
    for (const g of col("gender")) expect(["Male", "Female"]).toContain(g);
    for (const v of col("years_of_service")) expect(Number.isInteger(v) && v >= 0 && v <= 30).toBe(true);
    for (const v of col("market_salary_percentile")) expect(v >= 0 && v <= 1 && Math.round(v * 100) / 100 === v).toBe(true);
    for (const v of col("performance_rating")) expect([1, 2, 3, 4, 5]).toContain(v);
    for (const v of col("attrition_status")) expect([0, 1]).toContain(v);
    expect(nn.mock.mockRows(50, nn.mock.attritionSchema, { seed: 42 }).objects()).toEqual(t.objects());
    expect(nn.mock.mockRows(50, nn.mock.attritionSchema, { seed: 43 }).objects()).not.toEqual(t.objects());
  });

  it("custom fields use the seeded faker", () => {
    const t = nn.mock.mockRows(3, { name: (f) => f.person.firstName() }, { seed: 1 });
    expect(t.objects()).toEqual(nn.mock.mockRows(3, { name: (f) => f.person.firstName() }, { seed: 1 }).objects());
  });

  it("errors", () => {
    expect(() => nn.mock.mockRows(-1)).toThrow("mockRows: n must be a whole number ≥ 0, got -1");
    expect(() => nn.mock.mockRows(1, {})).toThrow("mockRows: schema must name at least one column");
    expect(() => nn.mock.mockRows(1, { a: { type: "randomNumber", digits: 0 } })).toThrow('mockRows: column "a": digits must be a whole number in 1..15, got 0');
    expect(() => nn.mock.mockRows(1, { a: { type: "choice", values: [] } })).toThrow('mockRows: column "a": values must be a non-empty list');
    expect(() => nn.mock.mockRows(1, { a: { type: "int", min: 3, max: 1 } })).toThrow('mockRows: column "a": int needs whole numbers min ≤ max, got 3..1');
    expect(() => nn.mock.mockRows(1, { a: { type: "float", min: 3, max: 1 } })).toThrow('mockRows: column "a": float needs min ≤ max, got 3..1');
    expect(() => nn.mock.mockRows(1, { a: { type: "date" } as any })).toThrow('mockRows: column "a": unknown field type "date"');
  });
});

describe("augmentBySampling", () => {
  const table = aq.table({ x: [1.5, 2.5, 3.5], n: [10, 20, 30], cat: ["a", "b", "c"], label: [0, 1, 0] });

  it("n rows; numeric cells within 5σ of their source row; categories and excluded labels resampled unchanged", () => {
    const out = nn.resampling.augmentBySampling(table, 50, { noise: 0.01, exclude: ["label"], seed: 0 });
    expect(out.numRows()).toBe(50);
    for (const r of out.objects() as any[]) {
      const i = ["a", "b", "c"].indexOf(r.cat);
      expect(Math.abs(r.x - [1.5, 2.5, 3.5][i])).toBeLessThan(0.05);
      expect(r.n).toBe([10, 20, 30][i]);
      expect(r.label).toBe([0, 1, 0][i]);
    }
    expect(out.objects()).toEqual(nn.resampling.augmentBySampling(table, 50, { noise: 0.01, exclude: ["label"], seed: 0 }).objects());
  });

  it("errors", () => {
    expect(() => nn.resampling.augmentBySampling({} as any, 1)).toThrow("augmentBySampling: table must be an arquero table");
    expect(() => nn.resampling.augmentBySampling(table, 1.5)).toThrow("augmentBySampling: n must be a whole number ≥ 0, got 1.5");
    expect(() => nn.resampling.augmentBySampling(aq.table({ a: [] }), 1)).toThrow("augmentBySampling: table has no rows to sample from");
    expect(() => nn.resampling.augmentBySampling(table, 1, { noise: -1 })).toThrow("augmentBySampling: noise must be a finite number ≥ 0, got -1");
    expect(() => nn.resampling.augmentBySampling(table, 1, { exclude: ["y"] })).toThrow('augmentBySampling: exclude names column "y" which the table does not have (columns: x, n, cat, label)');
  });
});
