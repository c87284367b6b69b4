// Every rule id minutes reports, in one table: its severity, the catalogue entries of its messages and
// hints, and where docs/ explains it. `RuleId` is the union of the table's keys, so a report() or
// diagnostic() with any other id does not compile; adding a rule is one entry here (and its row in
// docs/validation.md, which test/rules.test.ts checks).
//
// Messages: a rule's catalogue entries are those whose id is the rule id or starts with "<rule id>.",
// plus those listed in `messages` (entries several rules share, such as the YAML parser's).
import type { MessageId } from "./i18n/messages.js";

export interface RuleEntry {
  /** "error" blocks the build; "warning" does not (unless strict); "either" depends on the case, see the doc. */
  severity: "error" | "warning" | "either";
  /** The page and anchor of docs/ that says what triggers it and how to fix it. */
  doc: `${string}.md#${string}`;
  /** Catalogue entries outside the rule's own ids ("<rule>", "<rule>.…") that its messages and hints use. */
  messages?: readonly MessageId[];
}

const rulesDoc = "validation.md#rules";
const datesDoc = "validation.md#dates";
const filesDoc = "validation.md#files-paths-and-outputs";
const settingsDoc = "validation.md#settings-files-config-and-theme";
const yamlMessages = ["yaml-invalid", "yaml-invalid.hint", "yaml-unreadable", "yaml-unreadable.aliases.hint"] as const;
const readMessages = ["yaml-unreadable", "yaml-unreadable.file.hint"] as const;
const shapeMessages = ["yaml-shape"] as const;
const keyMessages = [
  "unknown-key",
  "unknown-key.hint",
  "unknown-key.suggestion",
  "unknown-key.suggestion.hint",
] as const;
const schemaMessages = ["yaml-missing", "yaml-missing.hint", "yaml-invalid-value.hint"] as const;

/** A value of a settings key that the schema refuses. */
const schemaRule = (doc: RuleEntry["doc"], messages: readonly MessageId[] = []) =>
  ({ severity: "error", doc, messages: [...schemaMessages, ...messages] }) as const;

export const rules = {
  // The front matter.
  "front-matter-yaml": { severity: "error", doc: rulesDoc, messages: yamlMessages },
  "front-matter-shape": { severity: "error", doc: rulesDoc, messages: [...shapeMessages, "front-matter-shape.hint"] },
  "front-matter-unclosed": { severity: "error", doc: rulesDoc },
  "front-matter-unknown-key": {
    severity: "warning",
    doc: "validation.md#keys-misspellings-and-other-languages",
    messages: keyMessages,
  },
  "front-matter-title": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-subtitle": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-organisation": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  // A date that reads one way but is not YYYY-MM-DD is a warning (kept, `check --fix`); the others are errors.
  "front-matter-date": { ...schemaRule(datesDoc), severity: "either" },
  "front-matter-time": { severity: "either", doc: rulesDoc, messages: schemaMessages },
  "front-matter-location": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-language": schemaRule(rulesDoc),
  "front-matter-attendees": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-absent": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-guests": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-excused": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-chair": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-secretary": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-next_meeting": { ...schemaRule(datesDoc, ["front-matter-date.hint"]), severity: "either" },
  "front-matter-previous": { severity: "either", doc: rulesDoc, messages: [...schemaMessages, "path-problem"] },
  "front-matter-theme": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  // An unknown status word is a warning (front-matter-status.*); a value that is not text, an error.
  "front-matter-status": { ...schemaRule(rulesDoc, ["front-matter.schema.hint"]), severity: "either" },
  // The meeting cycle's keys (docs/meeting-cycle.md): approval, items held in camera, the convocation.
  "front-matter-approved": schemaRule(rulesDoc, ["front-matter.schema.hint", "front-matter-date.hint"]),
  "front-matter-approves": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-confidential": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-invitees": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-documents": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "front-matter-reply_by": schemaRule(datesDoc, ["front-matter-date.hint"]),
  "front-matter-agenda": schemaRule(rulesDoc, ["front-matter.schema.hint"]),
  "placeholder-left": { severity: "warning", doc: "validation.md#placeholders-left" },
  // Dates read from the text.
  "date-from-timestamp": { severity: "warning", doc: datesDoc },
  "date-sources-disagree": { severity: "warning", doc: datesDoc, messages: ["date-source.with-date"] },
  "date-year-inferred": { severity: "warning", doc: datesDoc },
  "date-weekday-mismatch": { severity: "warning", doc: datesDoc },
  // The body.
  "empty-document": { severity: "error", doc: rulesDoc },
  "nesting-too-deep": { severity: "error", doc: rulesDoc },
  "emphasis-too-dense": { severity: "error", doc: rulesDoc },
  "structure-no-items": { severity: "warning", doc: rulesDoc },
  "structure-several-meetings": { severity: "warning", doc: rulesDoc },
  "split-one-meeting": { severity: "error", doc: rulesDoc },
  // minutes import (src/import/): a file that is not a .docx, and what the importer was unsure of.
  "import-not-docx": {
    severity: "error",
    doc: "import.md#messages",
    messages: [
      "read.missing",
      "read.missing.hint",
      "read.device",
      "read.device.hint",
      "read.too-large",
      "read.too-large.hint",
      "read.error",
      "read.error.hint",
    ],
  },
  "import-no-date": { severity: "warning", doc: "import.md#messages" },
  "import-no-items": { severity: "warning", doc: "import.md#messages" },
  "import-unplaced": { severity: "warning", doc: "import.md#messages" },
  "import-summary-unmatched": { severity: "warning", doc: "import.md#messages" },
  "import-action-no-owner": { severity: "warning", doc: "import.md#messages" },
  "agenda-number": { severity: "warning", doc: rulesDoc },
  "agenda-duplicate-title": { severity: "warning", doc: rulesDoc },
  "agenda-empty-item": { severity: "warning", doc: rulesDoc },
  "agenda-declared": { severity: "warning", doc: rulesDoc },
  "section-label-unknown": { severity: "warning", doc: rulesDoc },
  "link-unsafe": { severity: "warning", doc: rulesDoc },
  "action-table-columns": { severity: "warning", doc: rulesDoc },
  "action-bullet-unrecognised": { severity: "warning", doc: rulesDoc },
  "action-text-missing": { severity: "error", doc: rulesDoc },
  "action-responsible-missing": { severity: "warning", doc: rulesDoc },
  "action-responsible-unknown": { severity: "warning", doc: rulesDoc },
  "action-deadline-format": { severity: "error", doc: rulesDoc },
  "action-deadline-past": { severity: "warning", doc: rulesDoc },
  "action-id-format": { severity: "error", doc: rulesDoc },
  "action-id-duplicate": { severity: "error", doc: rulesDoc },
  "action-status": { severity: "warning", doc: rulesDoc },
  "follow-up-id-missing": { severity: "error", doc: rulesDoc },
  "follow-up-unknown-id": { severity: "error", doc: rulesDoc },
  // Decisions, votes, attendance and quorum (docs/meeting-cycle.md).
  "decision-id-format": { severity: "error", doc: rulesDoc },
  "decision-id-duplicate": { severity: "error", doc: rulesDoc },
  "vote-unreadable": { severity: "warning", doc: rulesDoc },
  "vote-exceeds-present": { severity: "warning", doc: rulesDoc },
  "vote-named-count": {
    severity: "warning",
    doc: rulesDoc,
    messages: ["vote.kind.for", "vote.kind.against", "vote.kind.abstentions"],
  },
  "vote-voter-unknown": { severity: "warning", doc: rulesDoc },
  "decision-without-quorum": { severity: "warning", doc: rulesDoc },
  "attendance-no-members": { severity: "error", doc: rulesDoc },
  "action-responsible-not-member": { severity: "warning", doc: rulesDoc, messages: ["vote-voter-unknown.hint"] },
  // Convocation, items held in camera, approval (docs/meeting-cycle.md).
  "item-duration": { severity: "warning", doc: rulesDoc },
  "confidential-unknown": { severity: "warning", doc: rulesDoc },
  "agenda-only": { severity: "either", doc: rulesDoc },
  "approves-no-previous": { severity: "error", doc: rulesDoc },
  "approval-pending": { severity: "warning", doc: rulesDoc },
  "approve-nothing": { severity: "error", doc: rulesDoc },
  // Files, paths and outputs.
  read: { severity: "error", doc: rulesDoc },
  "no-input": { severity: "error", doc: filesDoc, messages: ["import.no-input", "import.no-input.hint"] },
  "path-outside-project": { severity: "error", doc: filesDoc, messages: ["path-problem"] },
  "path-remote": { severity: "error", doc: filesDoc, messages: ["path-problem"] },
  template: { severity: "error", doc: filesDoc },
  "output-exists": {
    severity: "error",
    doc: filesDoc,
    messages: ["split.output-exists.hint", "write-output.new-meeting"],
  },
  "output-overwrites-input": { severity: "error", doc: filesDoc },
  "output-clash": { severity: "error", doc: filesDoc },
  "write-output": { severity: "error", doc: filesDoc, messages: ["output-exists", "output-exists.hint"] },
  "not-written": { severity: "error", doc: filesDoc },
  "jobs-capped": { severity: "warning", doc: filesDoc },
  "preview-listen": { severity: "error", doc: filesDoc },
  "font-missing-glyphs": { severity: "either", doc: rulesDoc },
  internal: { severity: "error", doc: filesDoc },
  // The config file.
  "config-yaml": { severity: "error", doc: settingsDoc, messages: yamlMessages },
  "config-read": { severity: "error", doc: settingsDoc, messages: readMessages },
  "config-shape": { severity: "error", doc: settingsDoc, messages: shapeMessages },
  "config-unknown-key": { severity: "warning", doc: settingsDoc, messages: keyMessages },
  "config-theme": schemaRule(settingsDoc),
  "config-strict": schemaRule(settingsDoc),
  "config-language": schemaRule(settingsDoc),
  "config-formats": schemaRule(settingsDoc),
  "config-template": schemaRule(settingsDoc),
  "config-meetings": schemaRule(settingsDoc),
  "config-organisation": schemaRule(settingsDoc),
  "config-pdfStandard": schemaRule(settingsDoc),
  "config-out": schemaRule(settingsDoc),
  "config-jobs": schemaRule(settingsDoc),
  "config-members": schemaRule(settingsDoc),
  "config-quorum": schemaRule(settingsDoc, ["schema.quorum"]),
  "config-publish": schemaRule(settingsDoc),
  // Themes.
  "theme-yaml": { severity: "error", doc: settingsDoc, messages: yamlMessages },
  "theme-read": { severity: "error", doc: settingsDoc, messages: readMessages },
  "theme-shape": { severity: "error", doc: settingsDoc, messages: shapeMessages },
  "theme-unknown-key": { severity: "warning", doc: settingsDoc, messages: keyMessages },
  "theme-path": { severity: "error", doc: settingsDoc },
  "theme-file": {
    severity: "error",
    doc: settingsDoc,
    messages: [
      "path-problem",
      "logo-svg-fallback",
      "logo-svg-fallback.hint",
      "logo-fallback-not-bitmap",
      "logo-fallback-not-bitmap.hint",
    ],
  },
  "theme-unknown-label": { severity: "warning", doc: settingsDoc },
  "logo-svg-cleaned": { severity: "warning", doc: settingsDoc },
  "theme-name": schemaRule(settingsDoc),
  "theme-description": schemaRule(settingsDoc),
  "theme-page": schemaRule(settingsDoc),
  "theme-fonts": schemaRule(settingsDoc),
  "theme-sizes": schemaRule(settingsDoc),
  "theme-colors": schemaRule(settingsDoc),
  "theme-organisation": schemaRule(settingsDoc),
  "theme-logo": schemaRule(settingsDoc),
  "theme-header": schemaRule(settingsDoc),
  "theme-footer": schemaRule(settingsDoc),
  "theme-layout": schemaRule(settingsDoc),
  "theme-labels": schemaRule(settingsDoc),
  "theme-draft": schemaRule(settingsDoc),
  "theme-signatures": schemaRule(settingsDoc),
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof rules;

export function isRuleId(id: string | null | undefined): id is RuleId {
  return typeof id === "string" && Object.hasOwn(rules, id);
}

/** The settings files and front matter whose keys each have a rule "<area>-<key>". */
export type RuleArea = "front-matter" | "config" | "theme";

/**
 * The rule of a schema issue at `key` of `area`'s YAML: "<area>-<key>" (front-matter-date, config-jobs,
 * theme-colors), or "<area>-shape" for a key with no rule of its own (test/rules.test.ts checks that
 * every key of the three schemas has one).
 */
export function keyRule(area: RuleArea, key: string | number | undefined): RuleId {
  const id = `${area}-${String(key ?? "shape")}`;
  return isRuleId(id) ? id : `${area}-shape`;
}
