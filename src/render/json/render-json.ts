// The model as JSON: for tests, debugging and other tools.
import type { Minutes } from "../../model/minutes.js";

export async function renderJson(minutes: Minutes): Promise<Uint8Array> {
  return new TextEncoder().encode(`${JSON.stringify(minutes, null, 2)}\n`);
}
