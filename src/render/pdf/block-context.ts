// Where blocks are drawn: the column, the structure parent, the text style and the list state that
// blocks.ts hands down to lists, tables and code (and lists back to blocks.ts for their items).
import type { TextLine } from "./line-breaker.js";
import type { Tag } from "./page-writer.js";
import type { TextStyle } from "./pdf-styles.js";

export interface BlockContext {
  x: number;
  width: number;
  parent: Tag;
  /** Nesting depth of lists, for bullets and the indentation cap. */
  depth: number;
  text: TextStyle;
  /** Inside a list item: blocks sit closer together. */
  tight: boolean;
  /** A list label waiting for the first line of the item, set beside it. */
  label: { line: TextLine; x: number; tag: Tag } | null;
}
