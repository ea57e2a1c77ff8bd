/**
 * A layer called on a list of symbolic tensors with an unknown sequence length keeps it unknown
 * (it used to be recorded as 1, the size of the shape probe), for every layer with a list shape
 * rule: merge layers, multi-head attention and lambda.
 */
import * as nn from "nnlab";

test("concatenate of two variable-length sequences: [null, null, 3 + 5]", () => {
  const a = nn.input({ shape: [null, 3] });
  const b = nn.input({ shape: [null, 5] });
  const joined = nn.layers.concatenate({ axis: -1 }).apply([a, b]) as unknown as nn.SymbolicTensor;
  expect(joined.symbolicShape).toEqual([null, null, 8]);
});

test("self-attention over a variable-length sequence keeps the length unknown, and the model runs on two lengths", () => {
  nn.setSeed(3);
  const x = nn.input({ shape: [null, 8] });
  const attended = nn.layers.multiHeadAttention({ numHeads: 2, keyDim: 4 }).apply([x, x]) as unknown as nn.SymbolicTensor;
  expect(attended.symbolicShape).toEqual([null, null, 8]);
  const model = nn.model({ inputs: x, outputs: attended });
  expect(model.predict(nn.zeros([2, 5, 8])).shape).toEqual([2, 5, 8]);
  expect(model.predict(nn.zeros([1, 9, 8])).shape).toEqual([1, 9, 8]);
});

test("a lambda on a list with an unknown length infers it as unknown", () => {
  const a = nn.input({ shape: [null, 4] });
  const b = nn.input({ shape: [null, 4] });
  const summed = nn.layers.lambda((xs: nn.Tensor[]) => nn.add(xs[0], xs[1])).apply([a, b]) as unknown as nn.SymbolicTensor;
  expect(summed.symbolicShape).toEqual([null, null, 4]);
});
