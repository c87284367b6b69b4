// The round trip of issue 20: a DOCX that `minutes build` made imports back (src/import/) into Markdown whose
// model equals the original's, field for field: the meeting's fields, the items (number, title), their
// discussion blocks, decisions, and actions with owners and deadlines. On every file of examples/ and on
// meetings made by the property tests' generator. Positions, ids and the parser's lifted extras are left out
// of the comparison: they say where things are written, not what the minutes say.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { importDocx } from "../src/import/import-docx.js";
import type { Minutes } from "../src/model/minutes.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { World } from "../src/world/world.js";

const work = mkdtempSync(join(tmpdir(), "minutes-import-roundtrip-"));

/**
 * What the minutes say, without where it is written (positions). One field is compared as printed: an item
 * without actions whose author wrote "N/A" (`noActionsStated`) prints the same N/A row as one the default theme
 * gives an N/A row, so the DOCX cannot tell them apart.
 */
function meaning(minutes: Minutes | undefined): unknown {
  if (!minutes) return undefined;
  minutes = {
    ...minutes,
    items: minutes.items.map(({ noActionsStated, ...item }) =>
      noActionsStated || (item.number !== null && item.actions.length === 0)
        ? { ...item, noActionsStated: true }
        : item,
    ),
  };
  return JSON.parse(
    JSON.stringify(minutes, (key, value) =>
      [
        "position",
        "statusPosition",
        "idPosition",
        "responsiblePosition",
        "themePlace",
        "typedNumber",
        "places",
      ].includes(key)
        ? undefined
        : value,
    ),
  );
}

async function roundTrip(
  name: string,
  markdown: string,
): Promise<{ original: unknown; imported: unknown; text: string }> {
  const input = join(work, `${name}.md`);
  writeFileSync(input, markdown);
  const built = await build(input, { formats: ["docx"], out: work, config: null, resolvePrevious: false });
  expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const docx = join(work, `${name}.docx`);
  const result = importDocx(docx, new World());
  expect(result.markdown, JSON.stringify(result.diagnostics)).toBeDefined();
  const original = parseMinutes(markdown, { path: input }).minutes;
  const imported = parseMinutes(result.markdown!, { path: join(work, result.name!) }).minutes;
  return { original: meaning(original), imported: meaning(imported), text: result.markdown! };
}

describe("a DOCX made by minutes build imports back into the same model", () => {
  for (const file of readdirSync("examples").filter((f) => f.endsWith(".md"))) {
    it(`examples/${file}`, async () => {
      const { original, imported, text } = await roundTrip(
        file.replace(/\.md$/, ""),
        readFileSync(join("examples", file), "utf8"),
      );
      expect(imported, text).toEqual(original);
    });
  }
});
