#!/usr/bin/env python3
"""Reads report.html back with Python's HTML parser and prints, as JSON, what a reader of each
table cell and footnote sees: the cell's text, its links (href, class, text) and its superscripts,
and each row id of the Verantwoording table. Usage: html_cells.py report.html"""
import json
import sys
from html.parser import HTMLParser


class Cells(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cells, self.notes, self.rows = {}, {}, []
        self.stack = []  # open elements that collect text: (kind, id)
        self.link = None
        self.in_sup = False

    def current(self):
        for kind, key in reversed(self.stack):
            return self.cells[key] if kind == "cell" else self.notes[key]
        return None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("td", "th") and a.get("id"):
            self.cells[a["id"]] = {"text": "", "links": [], "sups": []}
            self.stack.append(("cell", a["id"]))
        elif tag == "p" and a.get("class") == "footnote":
            self.notes[a["id"]] = {"text": "", "links": [], "sups": []}
            self.stack.append(("note", a["id"]))
        elif tag == "tr" and a.get("id"):
            self.rows.append(a["id"])
        elif tag == "a" and self.current() is not None:
            self.link = {"href": a.get("href", ""), "class": a.get("class", ""), "text": ""}
            self.current()["links"].append(self.link)
        elif tag == "sup" and self.current() is not None:
            self.current()["sups"].append("")
            self.in_sup = True

    def handle_endtag(self, tag):
        if tag == "a":
            self.link = None
        if tag == "sup":
            self.in_sup = False
        if tag in ("td", "th") and self.stack and self.stack[-1][0] == "cell":
            self.stack.pop()
        if tag == "p" and self.stack and self.stack[-1][0] == "note":
            self.stack.pop()

    def handle_data(self, data):
        c = self.current()
        if c is None:
            return
        c["text"] += data
        if self.link is not None:
            self.link["text"] += data
        if self.in_sup:
            c["sups"][-1] += data


p = Cells()
with open(sys.argv[1], encoding="utf-8") as f:
    p.feed(f.read())
json.dump({"cells": p.cells, "notes": p.notes, "rows": p.rows}, sys.stdout, ensure_ascii=False)
