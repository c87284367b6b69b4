// `minutes schema` prints a JSON Schema generated from the zod schema; the examples' front matter fits it.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { knownKeys } from "../src/parse/front-matter-schema.js";

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  pattern?: string;
  minLength?: number;
  additionalProperties?: boolean;
};

/** Enough of JSON Schema validation for what the generated schema uses. */
function fits(value: unknown, schema: Schema): boolean {
  if (schema.anyOf) return schema.anyOf.some((s) => fits(value, s));
  switch (schema.type) {
    case "string":
      return (
        typeof value === "string" &&
        value.length >= (schema.minLength ?? 0) &&
        (!schema.pattern || new RegExp(schema.pattern).test(value))
      );
    case "array":
      return Array.isArray(value) && (!schema.items || value.every((v) => fits(v, schema.items!)));
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      if (!(schema.required ?? []).every((k) => k in record)) return false;
      return Object.entries(record).every(([k, v]) =>
        schema.properties?.[k] ? fits(v, schema.properties[k]!) : schema.additionalProperties !== false,
      );
    }
    default:
      return true;
  }
}

describe("minutes schema", () => {
  const r = spawnSync(process.execPath, ["bin/minutes.js", "schema"], { encoding: "utf8" });
  const schema = JSON.parse(r.stdout) as Schema & { $schema: string };

  it("prints the JSON Schema of every front-matter key, with title and date required", () => {
    expect(r.status).toBe(0);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema.properties!).sort()).toEqual([...knownKeys].sort());
    expect(schema.required).toEqual(expect.arrayContaining(["title", "date"]));
    expect(schema.properties!.date!.pattern).toBe("^\\d{4}-\\d{2}-\\d{2}$");
  });

  it("accepts the front matter of every example and refuses one without a date", () => {
    for (const name of readdirSync("examples").filter((f) => f.endsWith(".md"))) {
      const yaml = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(`examples/${name}`, "utf8"))![1]!;
      expect(fits(parse(yaml), schema), name).toBe(true);
    }
    expect(fits({ title: "T" }, schema)).toBe(false);
    expect(fits({ title: "T", date: "23/09/2022" }, schema)).toBe(false);
    expect(fits({ title: "T", date: "2022-09-23", attendees: [{ name: "A", rank: 1 }] }, schema)).toBe(false);
  });
});
