// Every generated page, public and internal, of the demo agency and of the
// second example agency (a supervision service), and the stylesheet are
// valid for the Nu Html Checker (vnu.jar, from npm, run by Debian's Java),
// and so is the receiver's error page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allPages, SITES } from "./a11y.js";
import { receiverOrigin, siteDir } from "./browser.js";

const vnu = String(createRequire(import.meta.url)("vnu-jar"));

function htmlFiles(dir) {
  if (!dir) return [];
  return allPages(dir).map((path) => join(dir, path.endsWith("/") ? path + "index.html" : path));
}

/** vnu's errors for `files` ("file":line.col: error: message), or "" when there are none. */
function check(files, extra = []) {
  try {
    execFileSync("java", ["-jar", vnu, "--errors-only", "--format", "gnu", ...extra, ...files],
                 { stdio: ["ignore", "pipe", "pipe"] });
    return "";
  } catch (error) {
    return String(error.stderr) + String(error.stdout);
  }
}

test("every page of both sites, of their internal output and of the region's portal is valid HTML", () => {
  // One run of vnu for all of them: starting Java costs more than checking a page.
  const files = SITES.flatMap((site) => [...htmlFiles(site.dir), ...htmlFiles(site.internal)]);
  assert.equal(SITES.length, 3, "run.sh builds both sites and the region");
  assert.ok(files.length > 400, `only ${files.length} pages`);
  assert.equal(check(files), "");
});

test("the stylesheet is valid CSS", () => {
  assert.equal(check([join(siteDir, "assets/style.css")], ["--also-check-css"]), "");
});

test("the receiver's error page is valid HTML", async () => {
  const response = await fetch(`${receiverOrigin}/surveys/service-satisfaction`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "_revision=2&service=housing-subsidy",
  });
  assert.equal(response.status, 400);
  const dir = mkdtempSync(join(tmpdir(), "otklik-vnu-"));
  const file = join(dir, "error.html");
  writeFileSync(file, await response.text());
  const errors = check([file]);
  rmSync(dir, { recursive: true });
  assert.equal(errors, "");
});
