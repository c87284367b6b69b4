// Attributes at the end of an item's heading, in pandoc's syntax (issue 22):
//   ## 2. Budget 2025 {presenter="J. Dupont" duration=20}
//   ## Personnel {.confidential}
// Classes: .confidential (also .in-camera, .huis-clos), .unnumbered (or a lone -). Keys: presenter, duration
// (minutes: 20, "20 min", "1h30", "1 h"). Unknown attributes are kept out of the title and ignored.

export interface HeadingAttributes {
  confidential?: boolean;
  unnumbered?: boolean;
  presenter?: string;
  duration?: number;
  /** The duration as written when it could not be read. */
  badDuration?: string;
}

const BLOCK = /\s*\{([^{}]*)\}\s*$/;
const PART = /([.#]?[\w-]+)(?:=("([^"]*)"|'([^']*)'|[^\s"']+))?/g;
const CONFIDENTIAL = new Set([".confidential", ".in-camera", ".incamera", ".huis-clos", ".closed"]);

/** The title without its trailing `{…}` and what the braces say; `undefined` attributes when there are none. */
export function splitHeadingAttributes(title: string): { title: string; attributes?: HeadingAttributes } {
  const match = BLOCK.exec(title);
  if (!match) return { title };
  const inside = match[1]!.trim();
  // `{#id}` alone is an id marker, which other readers own (decisions); braces with no attribute syntax stay.
  if (
    !/^(?:-|[.#]?[\w-]+(?:=(?:"[^"]*"|'[^']*'|[^\s"']+))?)(?:\s+(?:-|[.#]?[\w-]+(?:=(?:"[^"]*"|'[^']*'|[^\s"']+))?))*$/.test(
      inside,
    )
  )
    return { title };
  const attributes: HeadingAttributes = {};
  let known = false;
  for (const part of inside.matchAll(PART)) {
    const name = part[1]!.toLowerCase();
    const value = part[3] ?? part[4] ?? part[2];
    if (CONFIDENTIAL.has(name)) attributes.confidential = known = true;
    else if (name === ".unnumbered" || name === "-") attributes.unnumbered = known = true;
    else if ((name === "presenter" || name === "by") && value) {
      attributes.presenter = value.trim();
      known = true;
    } else if (name === "duration" && value) {
      known = true;
      const minutes = readDuration(value);
      if (minutes === undefined) attributes.badDuration = value;
      else attributes.duration = minutes;
    }
  }
  if (!known) return { title };
  return { title: title.slice(0, match.index).trim(), attributes };
}

/** "20", "20 min", "20min", "1h30", "1 h", "90m" → minutes. */
export function readDuration(value: string): number | undefined {
  const text = value.trim().toLowerCase();
  let m = /^(\d{1,3})\s*(?:m|min|mins|minutes?|minutos?|minuten)?$/.exec(text);
  if (m) return Number(m[1]);
  m = /^(\d{1,2})\s*h\s*(\d{1,2})?(?:\s*(?:m|min))?$/.exec(text);
  if (m) return Number(m[1]) * 60 + Number(m[2] ?? 0);
  return undefined;
}
