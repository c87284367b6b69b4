// Splits a responsible cell into owners. Separators: ", " ";" " / " " & " " + " " et " " and " " und " " y "
// and line breaks.
// A slash or dash without spaces stays inside a name, so "SP/CCM - OIM" and "GIZ/APM" stay whole.
const SEPARATORS = /\s*[,;\n]\s*|\s+[/&+]\s+|\s+(?:et|and|und|y)\s+/i;

export function splitOwners(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== "" && !/^(n\/a|-|—|\/\/\/)$/i.test(s));
}
