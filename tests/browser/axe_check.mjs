// Open an HTML file in headless Chromium, run axe-core with the WCAG 2.1 A and AA rules,
// save a full-page screenshot, and print the violations as JSON.
// Usage: node axe_check.mjs PAGE.html SCREENSHOT.png [CHROMIUM]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const [page_path, screenshot, chromium = "/usr/bin/chromium"] = process.argv.slice(2);
const axe_source = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  await page.goto(pathToFileURL(page_path).href, { waitUntil: "load" });
  await page.evaluate(axe_source);
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  );
  await page.screenshot({ path: screenshot, fullPage: true });
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
  const images = await page.evaluate(() =>
    [...document.images].map((img) => ({ alt: img.alt, width: img.naturalWidth })),
  );
  console.log(
    JSON.stringify({ violations, passes: results.passes.length, images, axe: results.testEngine.version }),
  );
} finally {
  await browser.close();
}
