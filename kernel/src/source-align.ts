/**
 * Maps positions in the JavaScript that tslab runs for a cell back to the TypeScript the user
 * wrote, by aligning the two token streams.
 *
 * Why not source maps: tslab compiles a cell twice (TypeScript → ES module → CommonJS) with
 * compiler options it builds inside its converter, and neither pass can be asked for a source
 * map from outside (tslab's TypeScript fork exports read-only bindings). The emitted JavaScript
 * keeps the cell's identifiers, keywords, literals and punctuation in order, with type syntax
 * removed and module glue added, so a longest common subsequence of the two token streams
 * pairs almost every runtime token with the token it came from.
 */

/** The parts of TypeScript's scanner this module uses (tslab's TypeScript 5.0 fork provides them). */
export interface ScannerApi {
  createScanner(languageVersion: number, skipTrivia: boolean, languageVariant?: number, textInitial?: string): {
    scan(): number;
    getTokenPos(): number;
    getTokenText(): string;
  };
  ScriptTarget: { Latest: number };
  SyntaxKind: { EndOfFileToken: number };
}

interface Token {
  text: string;
  pos: number;
}

/** Above this many DP cells (token pairs) the alignment is greedy instead of exact LCS. */
const MAX_LCS_CELLS = 6_000_000;

function tokenize(ts: ScannerApi, text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, 0, text);
  const tokens: Token[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    tokens.push({ text: scanner.getTokenText(), pos: scanner.getTokenPos() });
    if (tokens.length > 200_000) break;
  }
  return tokens;
}

/** For each token of `a`, the index of the token of `b` it is paired with, or -1. */
function align(a: Token[], b: Token[]): Int32Array {
  const pair = new Int32Array(a.length).fill(-1);
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_LCS_CELLS) {
    // Greedy: pair each token with the next equal one in `b` within a short look-ahead.
    let j = 0;
    for (let i = 0; i < n && j < m; i++) {
      for (let k = j; k < Math.min(m, j + 64); k++) {
        if (a[i]!.text === b[k]!.text) {
          pair[i] = k;
          j = k + 1;
          break;
        }
      }
    }
    return pair;
  }
  // lcs[i][j] = LCS length of a[i:] and b[j:], row-major in one array.
  const w = m + 1;
  const lcs = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i]!.text === b[j]!.text ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i]!.text === b[j]!.text) {
      pair[i] = j;
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) i++;
    else j++;
  }
  return pair;
}

/** 0-based offsets at which each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Maps (line, column) of the generated JavaScript to the cell's TypeScript. */
export class SourceAlignment {
  private readonly js: Token[];
  private readonly ts: Token[];
  private readonly jsLines: number[];
  private readonly tsLines: number[];
  private pairs: Int32Array | undefined;

  constructor(
    scanner: ScannerApi,
    readonly jsText: string,
    readonly tsText: string,
  ) {
    this.js = tokenize(scanner, jsText);
    this.ts = tokenize(scanner, tsText);
    this.jsLines = lineStarts(jsText);
    this.tsLines = lineStarts(tsText);
  }

  /**
   * The cell position of the JavaScript token at (line, column), or undefined when that code
   * is module glue with no counterpart in the cell (e.g. the wrapper that calls the cell).
   */
  toCell(line: number, column: number): Position | undefined {
    const start = this.jsLines[line - 1];
    if (start === undefined) return undefined;
    const offset = start + column - 1;
    // The token that starts at the offset, else the last one before it.
    let i = this.js.findIndex((t) => t.pos > offset) - 1;
    if (i === -2) i = this.js.length - 1;
    if (i < 0) return undefined;
    this.pairs ??= align(this.js, this.ts);
    // Glue tokens (e.g. `(0, m.f)(` before a call) have no partner: use the next paired token on the same line.
    const lineEnd = this.jsLines[line] ?? Number.POSITIVE_INFINITY;
    for (let k = i; k < this.js.length && this.js[k]!.pos < lineEnd; k++) {
      const p = this.pairs[k]!;
      if (p >= 0) return this.position(this.ts[p]!.pos);
    }
    return undefined;
  }

  private position(offset: number): Position {
    let line = 0;
    while (line + 1 < this.tsLines.length && this.tsLines[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - this.tsLines[line]! + 1 };
  }
}
