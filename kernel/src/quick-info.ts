/** A piece of TypeScript's display text (ts.SymbolDisplayPart). */
interface DisplayPart {
  text: string;
  kind: string;
}

/** What tslab's executor returns for an inspect request (ts.QuickInfo, the parts used here). */
export interface QuickInfoLike {
  displayParts?: DisplayPart[];
  documentation?: DisplayPart[];
  tags?: { name: string; text?: DisplayPart[] }[];
}

/**
 * Documentation parts as one text. TypeScript splits `{@link Name}` into separate parts
 * ("link", "linkName", "link"); tslab prints each part on its own line, which breaks the
 * sentence apart. Here a link is shown as its name (or its own text, `{@link Name | text}`).
 */
function partsText(parts: DisplayPart[] = []): string {
  let out = "";
  for (const part of parts) {
    if (part.kind === "link") continue; // the `{@link ` and `}` delimiters
    out += part.text;
  }
  return out;
}

/**
 * The hover text of an inspect_reply: the signature, the doc comment as written, then its tags
 * (`@param name text`, `@returns text`, `@example …`).
 */
export function formatQuickInfo(info: QuickInfoLike): string {
  const signature = partsText(info.displayParts);
  const sections = [signature];
  const doc = partsText(info.documentation).trim();
  if (doc) sections.push(doc);
  const tags = (info.tags ?? []).map((tag) => `@${tag.name} ${partsText(tag.text)}`.trim());
  if (tags.length > 0) sections.push(tags.join("\n"));
  return sections.filter((s) => s !== "").join("\n\n");
}
