/**
 * Works around a tslab 1.0.22 bug: it turns a cell's top-level declarations into properties of
 * its `exports` object and rewrites later references to them, but not references written as
 * shorthand properties, so `const units = 3;` in one cell and `{ units }` in the next throws
 * "units is not defined". Writing each shorthand property out (`{ units: units }`) before tslab
 * sees the cell means the same thing in TypeScript and gets the reference rewritten.
 */

/** The part of tslab's TypeScript (its own 5.0 fork) this needs. */
export interface ShorthandParser {
  createSourceFile(fileName: string, text: string, languageVersion: number, setParentNodes?: boolean, scriptKind?: number): AstNode;
  forEachChild(node: AstNode, visit: (child: AstNode) => void): void;
  isShorthandPropertyAssignment(node: AstNode): boolean;
  ScriptTarget: { Latest: number };
  ScriptKind: { TS: number };
}

/** A node of the parsed cell (only what is read here). */
export interface AstNode {
  readonly name?: AstNode & { readonly text?: string; getEnd(): number };
}

/**
 * `code` with every shorthand property `{ a }` written as `{ a: a }` (also `{ a = 1 }` in
 * destructuring assignments → `{ a: a = 1 }`). Everything else, including positions before the
 * first shorthand, is unchanged.
 */
export function expandShorthandProperties(code: string, ts: ShorthandParser): string {
  if (!code.includes("{")) return code;
  const file = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const inserts: { at: number; text: string }[] = [];
  const visit = (node: AstNode): void => {
    if (ts.isShorthandPropertyAssignment(node) && node.name?.text) {
      inserts.push({ at: node.name.getEnd(), text: `: ${node.name.text}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = code;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}
