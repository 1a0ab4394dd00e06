// Generate site/sw.js with Workbox: the offline copy of the guide, Python runtime included,
// so the guide and its calculators work offline after one visit.
//
// What it holds: every page, the theme's and the guide's assets, the runtime folder, the
// search index; not what the guide never loads (Material's search languages other than
// English, sitemaps for crawlers, source maps, the link-preview images in assets/social/,
// which only chat tools fetch).
//
// Files whose address carries their content hash (runtime/<hash>/..., Material's
// *.<hash>.min.js|css) are kept without a revision and fetched with the browser's normal
// cache rules, so the copy fills from what the page has just downloaded instead of
// downloading it again; the worker also puts the runtime files it fetched straight into
// this precache (docs/javascripts/offline-copy.mjs), and Workbox skips any file already
// there. Other files (pages, the guide's own scripts) carry a revision, so a new build
// replaces them; Workbox drops what an older build had cached.
//
// A new build's worker installs beside the old one and waits (no skipWaiting) until a
// page's Reload sends it Workbox's SKIP_WAITING message (docs/javascripts/update-notice.mjs):
// until then the open pages of the old build keep their own copy, pages and runtime, and
// the new copy is dropped into place only when the reader asks for it. The first install
// takes over the page that registered it (clientsClaim), which has nothing to replace.
//
// Usage: node scripts/service-worker.mjs [SITE_DIR]
import { generateSW } from "workbox-build";

const site = process.argv[2] || "site";
const MiB = 1024 * 1024;

const { count, size, warnings } = await generateSW({
  globDirectory: site,
  globPatterns: ["**/*.{html,css,js,mjs,json,wasm,zip,whl,svg,png,ico,xml}"],
  globIgnores: [
    "sw.js",
    "**/*.map",
    "sitemap.xml.gz",
    "assets/javascripts/lunr/**",
    "assets/social/**",
  ],
  dontCacheBustURLsMatching: /^runtime\/[0-9a-f]{12}\/|\.[0-9a-f]{8}\.min\.(js|css)$/,
  swDest: `${site}/sw.js`,
  cacheId: "tune-or-prompt", // docs/javascripts/offline-copy.mjs fills this precache too
  maximumFileSizeToCacheInBytes: 16 * MiB, // Workbox skips files over 2 MiB by default
  ignoreURLParametersMatching: [/.*/], // ?calculator.field=value links open cached pages
  directoryIndex: "index.html",
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  skipWaiting: false, // waits for the message { type: "SKIP_WAITING" } (see above)
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
});
for (const warning of warnings) console.warn(`service worker: ${warning}`);
if (warnings.length) process.exit(1);
console.log(`service worker: ${count} files precached, ${(size / MiB).toFixed(1)} MiB`);
