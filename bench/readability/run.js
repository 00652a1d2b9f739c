// Runs Mozilla Readability (with jsdom, as its README recommends for Node) over every DIR/ID.html and prints
// "docs N seconds S" for the parse+extract loop alone, like `worldwire extract --batch`, so the two compare.
// Usage: node run.js DIR [--repeat N] [--out OUT.json]
"use strict";
const fs = require("fs");
const path = require("path");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const args = process.argv.slice(2);
if (args.length < 1) {
  console.error("usage: node run.js DIR [--repeat N] [--out OUT.json]");
  process.exit(2);
}
const dir = args[0];
let repeat = 1;
let out = null;
for (let i = 1; i < args.length; i++) {
  if (args[i] === "--repeat") repeat = parseInt(args[++i], 10);
  else if (args[i] === "--out") out = args[++i];
}
const ids = fs.readdirSync(dir).filter((f) => f.endsWith(".html")).sort();
const pages = ids.map((f) => fs.readFileSync(path.join(dir, f)));
// jsdom would otherwise print every CSS parse complaint of every page.
const quiet = new VirtualConsole();
const results = {};
const start = process.hrtime.bigint();
for (let pass = 0; pass < repeat; pass++) {
  for (let i = 0; i < pages.length; i++) {
    let text = "";
    try {
      const dom = new JSDOM(pages[i], { virtualConsole: quiet });
      const article = new Readability(dom.window.document).parse();
      text = article && article.textContent ? article.textContent : "";
      dom.window.close();
    } catch (e) {
      text = "";
    }
    results[ids[i].slice(0, -5)] = text;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
if (out) fs.writeFileSync(out, JSON.stringify(results));
console.log(`docs ${pages.length * repeat} seconds ${seconds.toFixed(3)}`);
