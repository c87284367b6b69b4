// One render of the seed meeting in memory (JSON, DOCX and PDF; nothing written): the startup snapshot runs it
// while it is made, so that the heap it saves holds compiled modules, parsed fonts and shaped words, and the
// build server runs it a few times once it listens, so that the code a build runs is compiled by then.
import { existsSync } from "node:fs";
import { check } from "../build.js";
import { layoutMinutes } from "../layout/layout-minutes.js";
import { renderFormat } from "../render/renderers.js";

export async function warmUp(root: string): Promise<void> {
  const seed = `${root}/examples/2022-09-23-gtm.md`;
  if (!existsSync(seed)) return;
  const checked = await check(seed, { config: null });
  if (!checked.minutes || !checked.theme) return;
  const options = { theme: checked.theme, timestamp: new Date(0) };
  const document = { minutes: checked.minutes, layout: layoutMinutes(checked.minutes, checked.theme) };
  for (const format of ["json", "docx", "pdf"] as const) await renderFormat(format, document, options);
}
