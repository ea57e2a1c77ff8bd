/** Importing nnlab registers the TypeScript backend, which ops reach through `nn.backend()`. */
import * as nn from "nnlab";
import { tsBackend } from "../../../src/backend/ts-backend";

test("the TypeScript backend is registered on import and used by matmul", () => {
  expect(nn.backend()).toBe(tsBackend);
  expect(nn.backend().name).toBe("ts");
  // [[1, 2], [3, 4]] · [[5], [6]] = [[17], [39]]
  expect(Array.from(nn.matmul(nn.tensor([[1, 2], [3, 4]]), nn.tensor([[5], [6]])).data)).toEqual([17, 39]);
});
