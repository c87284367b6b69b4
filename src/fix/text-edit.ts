// A fix a diagnostic can carry: replace the text between two places of the file (1-based line and column,
// the end excluded) by other text on the same line. `minutes check --fix` applies the ones that lose nothing.
export interface TextEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What to write in place of the range; never a line break, so every line keeps its number. */
  text: string;
}
