import * as aq from "arquero";
import * as nn from "nnlab";

const { tableToTensor, tensorToTable } = nn.datasets;

describe("tableToTensor", () => {
  const table = aq.table({ cgpa: [6.8, 5.9, 7.4], iq: [123, 106, 140], placed: [true, false, true], name: ["a", "b", "c"] });

  it("converts numeric columns to [rows, columns] in the default dtype, booleans as 0/1", () => {
    const t = tableToTensor(table, { columns: ["cgpa", "iq", "placed"] });
    expect(t.shape).toEqual([3, 3]);
    expect(t.dtype).toBe("float32");
    expect(Array.from(t.data)).toEqual([Math.fround(6.8), 123, 1, Math.fround(5.9), 106, 0, Math.fround(7.4), 140, 1]);
  });

  it("takes columns in the order asked, in float64 when asked", () => {
    const t = tableToTensor(table, { columns: ["iq", "cgpa"], dtype: "float64" });
    expect(t.dtype).toBe("float64");
    expect(Array.from(t.data)).toEqual([123, 6.8, 106, 5.9, 140, 7.4]);
  });

  it("takes every column by default, and follows an arquero filter and order", () => {
    const numeric = table.select("cgpa", "iq");
    expect(Array.from(tableToTensor(numeric, { dtype: "float64" }).data)).toEqual([6.8, 123, 5.9, 106, 7.4, 140]);
    const filtered = numeric.filter("d => d.iq > 110").orderby(aq.desc("iq"));
    const t = tableToTensor(filtered, { dtype: "float64" });
    expect(t.shape).toEqual([2, 2]);
    expect(Array.from(t.data)).toEqual([7.4, 140, 6.8, 123]);
  });

  it("converts plain row objects; columns are every key in order of first appearance", () => {
    const rows = [{ a: 1, b: 2 }, { b: 4, a: 3, c: 5 }];
    expect(Array.from(tableToTensor(rows, { columns: ["a", "b"], dtype: "float64" }).data)).toEqual([1, 2, 3, 4]);
    expect(() => tableToTensor(rows)).toThrow('tableToTensor: column "c" has a missing value (undefined) at row 0; fill it first (nn.preprocessing.simpleImputer) or pass { allowMissing: true } to get NaN');
    const t = tableToTensor(rows, { allowMissing: true, dtype: "float64" });
    expect(t.shape).toEqual([2, 3]);
    expect(Array.from(t.data)).toEqual([1, 2, NaN, 3, 4, 5]);
  });

  it("turns null and NaN into NaN only with allowMissing", () => {
    const t = aq.table({ x: [1, null, NaN] });
    expect(() => tableToTensor(t)).toThrow('tableToTensor: column "x" has a missing value (null) at row 1');
    expect(Array.from(tableToTensor(t, { allowMissing: true }).data)).toEqual([1, NaN, NaN]);
  });

  it("refuses a text column, naming it and suggesting the encoders", () => {
    const attrition = nn.mock.mockRows(5, nn.mock.attritionSchema, { seed: 1 });
    expect(() => tableToTensor(attrition)).toThrow(/^tableToTensor: column "gender" is not numeric \(row 0 holds the string "(Male|Female)"\); encode it first with nn\.preprocessing\.oneHotEncoder or ordinalEncoder, or leave it out with \{ columns: \[\.\.\.\] \}$/);
    expect(tableToTensor(attrition, { columns: ["years_of_service", "performance_rating"] }).shape).toEqual([5, 2]);
    expect(() => tableToTensor([{ d: new Date(0) }])).toThrow('tableToTensor: column "d" is not numeric (row 0 holds a Date)');
    expect(() => tableToTensor([{ n: 1 }, { n: "2" }])).toThrow('tableToTensor: column "n" is not numeric (row 1 holds the string "2")');
  });

  it("refuses infinite values", () => {
    expect(() => tableToTensor([{ x: 1 }, { x: -Infinity }])).toThrow('tableToTensor: column "x" holds -Infinity at row 1; only finite numbers convert');
  });

  it("names an unknown column and lists the table's columns", () => {
    expect(() => tableToTensor(table, { columns: ["cgpa", "IQ"] })).toThrow('tableToTensor: unknown column "IQ"; the table has "cgpa", "iq", "placed", "name"');
    expect(() => tableToTensor([], { columns: ["a"] })).toThrow('tableToTensor: unknown column "a"; the table has no columns');
  });

  it("refuses bad tables, rows and options", () => {
    expect(() => tableToTensor(table, { columns: [] })).toThrow("tableToTensor: no columns to convert (the table has none, or columns is empty)");
    expect(() => tableToTensor(table, { columns: "cgpa" as any })).toThrow("tableToTensor: columns must be an array of column names, got string");
    expect(() => tableToTensor(table, { column: ["cgpa"] } as any)).toThrow('tableToTensor: unknown option "column"; valid options are columns, dtype, allowMissing');
    expect(() => tableToTensor(table, { dtype: "int32" as any })).toThrow('tableToTensor: dtype must be one of float32, float64, got "int32"');
    expect(() => tableToTensor("a,b" as any)).toThrow("tableToTensor: table must be an arquero table or an array of row objects, got string");
    expect(() => tableToTensor([[1, 2]] as any)).toThrow("tableToTensor: row 0 must be an object of column values ({ name: value }), got an array (use nn.tensor for nested number arrays)");
    expect(() => tableToTensor([{ a: 1 }, 5] as any)).toThrow("tableToTensor: row 1 must be an object of column values ({ name: value }), got number 5");
  });
});

describe("tensorToTable", () => {
  it("names the columns of a 2-D tensor and keeps the values", () => {
    const t = tensorToTable(nn.tensor([[1, 2], [3, 4], [5, 6]]), ["a", "b"]);
    expect(t.columnNames()).toEqual(["a", "b"]);
    expect(t.objects()).toEqual([{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: 6 }]);
  });

  it("defaults to scikit-learn's names x0, x1, … and takes a 1-D tensor as one column", () => {
    expect(tensorToTable(nn.tensor([[1, 2, 3]])).columnNames()).toEqual(["x0", "x1", "x2"]);
    const one = tensorToTable(nn.tensor([7, 8]), ["y"]);
    expect(one.objects()).toEqual([{ y: 7 }, { y: 8 }]);
  });

  it("round-trips with tableToTensor", () => {
    const x = nn.tensor([[0.1, -2.5], [3e-7, 4]], { dtype: "float64" });
    const back = tableToTensor(tensorToTable(x, ["p", "q"]), { dtype: "float64" });
    expect(back.shape).toEqual([2, 2]);
    expect(Array.from(back.data)).toEqual([0.1, -2.5, 3e-7, 4]);
  });

  it("refuses bad tensors and names", () => {
    expect(() => tensorToTable([[1, 2]] as any)).toThrow("tensorToTable: t must be a tensor, got an array (wrap it with nn.tensor)");
    expect(() => tensorToTable(nn.zeros([2, 2, 2]))).toThrow("tensorToTable: t must be 1-D or 2-D [rows, columns], got shape [2, 2, 2]");
    expect(() => tensorToTable(nn.zeros([2, 3]), ["a", "b"])).toThrow("tensorToTable: columnNames has 2 names but the tensor of shape [2, 3] has 3 columns");
    expect(() => tensorToTable(nn.zeros([2, 2]), ["a", "a"])).toThrow('tensorToTable: column name "a" appears twice; names must be unique');
    expect(() => tensorToTable(nn.zeros([2, 2]), ["a", 1] as any)).toThrow("tensorToTable: columnNames must be an array of strings");
  });
});
