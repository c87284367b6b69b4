// Vitest setup: on a machine whose locale speaks another language (LANG=fr_FR.UTF-8…), the CLI that
// tests run, in this process or spawned, would print in it and tests that read its English messages
// would fail there. So LC_ALL, LC_MESSAGES and LANG are taken away, and their character set kept in
// LC_CTYPE for the other tools (pdftotext, pandoc, LibreOffice). Elsewhere (C, C.UTF-8, en_*, unset)
// nothing changes. A test that wants another language passes --lang or sets LANG for the child.
import { chooseUiLanguage } from "../../src/i18n/messages.js";

if (chooseUiLanguage(undefined, undefined, process.env) !== "en") {
  process.env.LC_CTYPE = process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG;
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) delete process.env[name];
}
