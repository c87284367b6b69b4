// Each file in test/fixtures/rules/ is a small meeting that breaks one rule; the .expected.json beside
// it lists every message it must give (line, column, severity, rule id, text), and no others. The rule
// table (src/rules.ts) is checked against the documentation, the catalogue and the schemas.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../src/config/config.js";
import { catalogue } from "../src/i18n/messages.js";
import { frontMatterSchema } from "../src/parse/front-matter-schema.js";
import { parseMinutes } from "../src/parse/parse-minutes.js";
import { keyRule, rules, type RuleEntry, type RuleId } from "../src/rules.js";
import { themeSchema } from "../src/theme/theme-schema.js";

const dir = join(import.meta.dirname, "fixtures/rules");
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".md"));
const docs = join(import.meta.dirname, "../docs");
const ruleIds = Object.keys(rules) as RuleId[];

interface Expected {
  line: number;
  column: number;
  severity: "error" | "warning";
  rule: string;
  message: string;
  hintIncludes?: string;
}

/** Whether `text` is one of the rule's catalogue entries: "<rule>", "<rule>.…", or listed in its `messages`. */
function ownsMessage(id: string, text: string): boolean {
  const listed: readonly string[] = (rules[id as RuleId] as RuleEntry | undefined)?.messages ?? [];
  return text === id || text.startsWith(`${id}.`) || listed.includes(text);
}

/** The `{ … }` around `index` in `source` (the object a report() or diagnostic() is given). */
function enclosingObject(source: string, index: number): string {
  let start = index;
  for (let depth = 0; start > 0; ) {
    const c = source[--start];
    if (c === "}") depth++;
    else if (c === "{" && depth-- === 0) break;
  }
  let end = index;
  for (let depth = 0; end < source.length; end++) {
    const c = source[end];
    if (c === "{") depth++;
    else if (c === "}" && depth-- === 0) break;
  }
  return source.slice(start, end + 1);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(folder, entry.name)]
        : [],
  );
}

/** GitHub's anchor of a Markdown heading. */
const anchor = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");

describe("the rule table", () => {
  const validation = readFileSync(join(docs, "validation.md"), "utf8");

  it("is documented: docs/validation.md names every rule id", () => {
    expect(ruleIds.filter((id) => !validation.includes(`\`${id}\``))).toEqual([]);
  });

  it("points each rule at a section that exists", () => {
    const broken = ruleIds.filter((id) => {
      const [page, section] = rules[id].doc.split("#") as [string, string];
      const headings = readFileSync(join(docs, page), "utf8").match(/^#+ .+$/gm) ?? [];
      return !headings.some((h) => anchor(h.replace(/^#+ /, "")) === section);
    });
    expect(broken).toEqual([]);
  });

  it("gives every rule a message of the catalogue", () => {
    const ids = Object.keys(catalogue);
    const silent = ruleIds.filter((id) => {
      const listed: readonly string[] = (rules[id] as RuleEntry).messages ?? [];
      return listed.length === 0 && !ids.some((m) => m === id || m.startsWith(`${id}.`));
    });
    expect(silent).toEqual([]);
  });

  it("lists the messages of each rule: a report() or diagnostic() in src/ uses its rule's entries only", () => {
    const foreign: string[] = [];
    for (const file of sourceFiles(join(import.meta.dirname, "../src"))) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/\brule: ((?:[\w.]+ \? )?"[a-z0-9-]+"(?: : "[a-z0-9-]+")?)/g)) {
        // (A YAML area, rule: "config", is no rule id: its rules are named by keyRule.)
        const ids = [...match[1]!.matchAll(/"([a-z0-9-]+)"/g)].map((m) => m[1]!).filter((id) => id in rules);
        for (const text of [...enclosingObject(source, match.index).matchAll(/\btext\("([^"]+)"/g)].map((m) => m[1]!)) {
          for (const id of ids)
            if (!ownsMessage(id, text))
              foreign.push(`${relative(join(import.meta.dirname, ".."), file)}: ${id} says ${text}`);
        }
      }
    }
    expect(foreign).toEqual([]);
  });

  it("finds a message that its rule does not list", () => {
    const call =
      'report(file, { severity: "error", rule: "action-status", message: text("agenda-number"), hint: text("action-status.hint") });';
    const at = call.indexOf("rule:");
    const texts = [...enclosingObject(call, at).matchAll(/\btext\("([^"]+)"/g)].map((m) => m[1]!);
    expect(texts.filter((text) => !ownsMessage("action-status", text))).toEqual(["agenda-number"]);
  });

  it("has a rule for every key of the front matter, the config and the theme", () => {
    const missing = [
      ...Object.keys(frontMatterSchema.shape).map((key) => ["front-matter", key] as const),
      ...Object.keys(configSchema.shape).map((key) => ["config", key] as const),
      ...Object.keys(themeSchema.shape).map((key) => ["theme", key] as const),
    ].filter(([area, key]) => keyRule(area, key) !== `${area}-${key}`);
    expect(missing).toEqual([]);
  });
});

describe("validation rules", () => {
  it("has a fixture for each of these rules, and gives only ids of the table", () => {
    const covered = new Set(
      fixtures.flatMap((name) =>
        (JSON.parse(readFileSync(join(dir, name.replace(/\.md$/, ".expected.json")), "utf8")) as Expected[]).map(
          (e) => e.rule,
        ),
      ),
    );
    expect([...covered].filter((id) => !(id in rules))).toEqual([]);
    const mustCover: RuleId[] = [
      "action-bullet-unrecognised",
      "action-deadline-format",
      "action-deadline-past",
      "action-id-duplicate",
      "action-id-format",
      "action-responsible-missing",
      "action-responsible-unknown",
      "action-status",
      "action-table-columns",
      "action-text-missing",
      "agenda-declared",
      "agenda-duplicate-title",
      "agenda-empty-item",
      "agenda-number",
      "approves-no-previous",
      "confidential-unknown",
      "decision-id-duplicate",
      "empty-document",
      "follow-up-id-missing",
      "item-duration",
      "front-matter-date",
      "front-matter-language",
      "front-matter-next_meeting",
      "front-matter-status",
      "front-matter-time",
      "front-matter-title",
      "front-matter-unknown-key",
      "front-matter-yaml",
      "link-unsafe",
      "placeholder-left",
      "section-label-unknown",
      "structure-no-items",
      "vote-exceeds-present",
      "vote-named-count",
      "vote-unreadable",
    ];
    expect(mustCover.filter((id) => !covered.has(id))).toEqual([]);
  });

  it("gives each message the severity the table says", () => {
    const disagreeing = fixtures
      .flatMap(
        (name) => JSON.parse(readFileSync(join(dir, name.replace(/\.md$/, ".expected.json")), "utf8")) as Expected[],
      )
      .filter((e) => e.rule in rules && ![e.severity, "either"].includes(rules[e.rule as RuleId].severity))
      .map((e) => `${e.rule}: ${e.severity}`);
    expect(disagreeing).toEqual([]);
  });

  for (const name of fixtures) {
    it(name, () => {
      const expected = JSON.parse(
        readFileSync(join(dir, name.replace(/\.md$/, ".expected.json")), "utf8"),
      ) as Expected[];
      const { minutes, file } = parseMinutes(readFileSync(join(dir, name), "utf8"), { path: name });
      const got = file.messages.map((m) => ({
        line: m.line,
        column: m.column,
        severity: m.fatal ? "error" : "warning",
        rule: m.ruleId,
        message: m.reason,
      }));
      expect(got).toEqual(expected.map(({ hintIncludes: _, ...e }) => e));
      for (const [i, e] of expected.entries())
        if (e.hintIncludes) expect(file.messages[i]!.note).toContain(e.hintIncludes);
      // Errors and only errors leave the document unbuildable; every message has a place and a hint.
      if (expected.some((e) => e.severity === "error")) expect(file.messages.some((m) => m.fatal)).toBe(true);
      else expect(minutes).toBeDefined();
      for (const m of file.messages) expect(m.note, m.reason).toBeTruthy();
    });
  }
});
