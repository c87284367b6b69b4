// Opens a URL in the user's browser with the platform's own opener (no dependency): `open` on macOS,
// `start` through cmd on Windows, `xdg-open` elsewhere. The URL is the preview's own (http://host:port/…,
// percent-encoded), never a user's string, and it is passed as one argument, not through a shell line.
import { spawn } from "node:child_process";

/** Starts the opener, detached; resolves with the reason when it could not be started. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  const [command, args] =
    platform === "darwin"
      ? ["open", [url]]
      : platform === "win32"
        ? ["cmd", ["/d", "/s", "/c", "start", '""', url.replace(/[&^|<>]/g, "^$&")]]
        : ["xdg-open", [url]];
  return new Promise((done) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: "ignore", windowsHide: true });
      child.once("error", (error) => done(error.message));
      child.once("spawn", () => {
        child.unref();
        done(undefined);
      });
    } catch (error) {
      done((error as Error).message);
    }
  });
}
