#!/usr/bin/env node
/**
 * After `next build` (`npm run build` runs it before scripts/standalone.mjs): makes the prerendered
 * anonymous pages (app/(anonymous)/prerendered/…) servable under a CSP without a nonce (decision 067).
 *
 * For each page's HTML it adds `integrity` (SHA-256) to every script file and its preload, so that
 * under 'strict-dynamic' the files are allowed by hash as the inline scripts are, and records in
 * .next/gatehouse-prerendered.json, per URL, the hashes of all its scripts and the fingerprint of
 * the settings it was built with (the <meta name="gatehouse-settings"> the layout writes). proxy.ts
 * serves a page from there only while both still hold. A page built as a 404 (its feature off)
 * carries no fingerprint and is left out: the page at the real URL answers it.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const PREFIX = "prerendered";
const META = /<meta name="gatehouse-settings" content="([^"]+)"\/?>/;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const PRELOAD = /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="script")([^>]*)\/?>/g;

const root = process.cwd();
// The bench's build has its own folder (next.config.mjs, GATEHOUSE_BENCH_ROUTES=1).
const distDir = process.env.GATEHOUSE_BENCH_ROUTES === "1" ? ".next-bench" : ".next";
const sha256 = (bytes) => `sha256-${createHash("sha256").update(bytes).digest("base64")}`;

function htmlFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return entry.endsWith(".html") ? [full] : [];
  });
}

/** The build's file for a script URL (/_next/static/chunks/x.js?dpl=… → .next/static/chunks/x.js). */
function assetIntegrity(src) {
  const pathname = new URL(src, "http://build.invalid").pathname;
  if (!pathname.startsWith("/_next/static/")) throw new Error(`a prerendered page loads a script from outside the build: ${src}`);
  return sha256(readFileSync(path.join(root, distDir, "static", pathname.slice("/_next/static/".length))));
}

const attribute = (attrs, name) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/** The page with integrity added, and every script's hash source. */
function processPage(html) {
  const hashes = new Set();
  const withIntegrity = (tag, attrs, urlAttribute) => {
    const url = attribute(attrs, urlAttribute);
    if (!url) return tag;
    const integrity = attribute(attrs, "integrity") ?? assetIntegrity(url);
    if (tag.includes("<script")) hashes.add(`'${integrity}'`);
    return attribute(attrs, "integrity") ? tag : tag.replace(/^<(script|link)\b/, `<$1 integrity="${integrity}"`);
  };
  const out = html
    .replace(SCRIPT, (tag, attrs, body) => {
      if (attribute(attrs, "src")) return withIntegrity(tag, attrs, "src");
      hashes.add(`'${sha256(Buffer.from(body, "utf8"))}'`);
      return tag;
    })
    .replace(PRELOAD, (tag, attrs) => withIntegrity(tag, attrs, "href"));
  return { html: out, hashes: [...hashes] };
}

const pages = {};
for (const build of [path.join(root, distDir), path.join(root, distDir, "standalone", ".next")]) {
  const appDir = path.join(build, "server", "app");
  const folder = path.join(appDir, PREFIX);
  if (!existsSync(path.join(build, "server"))) continue;
  for (const file of [path.join(appDir, `${PREFIX}.html`), ...htmlFiles(folder)].filter(existsSync)) {
    const original = readFileSync(file, "utf8");
    const fingerprint = META.exec(original)?.[1];
    if (!fingerprint) continue;
    const { html, hashes } = processPage(original);
    if (html !== original) writeFileSync(file, html);
    const url = `/${path
      .relative(folder, file)
      .replace(/\.html$/, "")
      .split(path.sep)
      .join("/")}`;
    pages[url] = { fingerprint, scriptHashes: hashes };
  }
  writeFileSync(path.join(build, "gatehouse-prerendered.json"), `${JSON.stringify({ pages }, null, 2)}\n`);
}
console.log(`prerendered pages: ${Object.keys(pages).join(", ") || "none"}`);
