/** Python-style indexing: x.index("0, 1:3") reads like x[0, 1:3]. Expected values are Python's slice semantics on arange(24). */
import * as nn from "nnlab";

const x = () => nn.tensor(Float64Array.from({ length: 24 }, (_, i) => i), { shape: [2, 3, 4] });

const cases: [string, number[], nn.NestedArray][] = [
  ["0, 1:3", [2, 4], [[4, 5, 6, 7], [8, 9, 10, 11]]],
  ["..., -1", [2, 3], [[3, 7, 11], [15, 19, 23]]],
  ["1, ::2, 1::2", [2, 2], [[13, 15], [21, 23]]],
  ["-1, -2:", [2, 4], [[16, 17, 18, 19], [20, 21, 22, 23]]],
  ["..., ::-2", [2, 3, 2], [[[3, 1], [7, 5], [11, 9]], [[15, 13], [19, 17], [23, 21]]]],
  ["1:, ..., 3", [1, 3], [[15, 19, 23]]],
  ["0, 5:, 0", [0], []],
];

test.each(cases)("x[%s]", (spec, shape, values) => {
  const y = x().index(spec);
  expect(y.shape).toEqual(shape);
  expect(y.toArray()).toEqual(values);
});

test("reversing along axis 0 and an empty index", () => {
  expect(nn.index(x(), "::-1").toArray()).toEqual(nn.concat([x().index("1:2"), x().index("0:1")]).toArray());
  expect(nn.index(x(), "").toArray()).toEqual(x().toArray());
});

test("gradients reach exactly the picked elements", () => {
  const r = nn.checkGrad((t) => t.index("..., ::-2").square(), [x()]);
  expect(r.passed).toBe(true);
  const t = nn.tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
  t.index("1, ::-1").mul(nn.tensor([1, 10, 100])).sum().backward();
  expect(t.grad!.toArray()).toEqual([[0, 0, 0], [100, 10, 1]]);
});

test("clear errors", () => {
  expect(() => x().index("0, 0, 0, 0")).toThrow('index: "0, 0, 0, 0" indexes 4 axes but the tensor has rank 3 (shape [2, 3, 4])');
  expect(() => x().index("2")).toThrow("index: index 2 is out of range for axis 0 of size 2 (shape [2, 3, 4])");
  expect(() => x().index("::0")).toThrow('index: slice step cannot be zero ("::0" in "::0")');
  expect(() => x().index("a:2")).toThrow('index: "a:2" in "a:2" is not an integer, a start:stop:step slice or "..."');
  expect(() => x().index("..., 0, ...")).toThrow('index: "..., 0, ..." has more than one "..."');
  expect(() => x().index("1:2:3:4")).toThrow('index: "1:2:3:4" in "1:2:3:4" has more than two colons');
  expect(() => x().index("0,,1")).toThrow('index: empty entry in "0,,1"');
  expect(() => nn.index(x(), 0 as unknown as string)).toThrow('index: expected an index string like "0, 1:3", got number');
});
