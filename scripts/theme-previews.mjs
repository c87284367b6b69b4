// Renders the seed example with each built-in theme and writes the first page of the PDF (pdftoppm) and of
// the DOCX (LibreOffice → PDF → pdftoppm) to docs/img/<theme>-pdf.png and <theme>-docx.png.
// Needs poppler-utils and LibreOffice. Run: node scripts/theme-previews.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const themes = ["compte-rendu", "default"];
const dpi = "60";
const out = "docs/img";
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), "minutes-previews-"));
for (const theme of themes) {
  const dir = join(work, theme);
  // Fonts embedded in the DOCX, so LibreOffice draws it in Noto Sans as the PDF is, whatever is installed.
  execFileSync(
    process.execPath,
    ["bin/minutes.js", "build", "examples/2022-09-23-gtm.md", "--out", dir, "--theme", theme, "--embed-fonts"],
    { stdio: "inherit" },
  );
  const page = (pdf, name) => {
    execFileSync("pdftoppm", ["-png", "-r", dpi, "-f", "1", "-l", "1", "-singlefile", pdf, join(work, name)]);
    renameSync(join(work, `${name}.png`), join(out, `${name}.png`));
  };
  page(join(dir, "2022-09-23-gtm.pdf"), `${theme}-pdf`);
  const lo = join(work, `${theme}-lo`);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${join(work, "lo-profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      lo,
      join(dir, "2022-09-23-gtm.docx"),
    ],
    { stdio: "ignore" },
  );
  page(join(lo, "2022-09-23-gtm.pdf"), `${theme}-docx`);
}
console.log(`wrote ${themes.length * 2} images to ${out}/`);
