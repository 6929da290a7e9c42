#!/usr/bin/python3
"""Reads tables.docx back with python-docx and prints what it holds as JSON, for docx_writer_test.

Usage: docx_dump.py FILE.docx

{"parts_ok": true,                      # zip intact, every XML part well formed
 "body": [{"paragraph": {"style": "Caption", "text": "…"}} | {"table": {...}}, …],
 "footnotes": [{"id": "1", "text": "…", "links": ["https://…"]}, …]}
A table: {"columns": N, "rows": [{"header": bool, "cells": [{"text": "…", "marks": [[style, text], …],
          "notes": ["71"], "span": k, "merge": "restart"|"continue"|""}, …]}, …]}
A cell's "text" leaves out the runs of the mark and footnote reference styles; python-docx gives
a span's slots the text of the cell that owns them.
"""
import json
import sys
import zipfile

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MARK_STYLES = {"ProvenanceMark", "DeviationMark", "FootnoteReference"}


def q(tag):
    return "{%s}%s" % (W, tag)


def run_style(r):
    rpr = r.find(q("rPr"))
    s = rpr.find(q("rStyle")) if rpr is not None else None
    return s.get(q("val")) if s is not None else ""


def run_text(r):
    out = ""
    for child in r:
        if child.tag == q("t"):
            out += child.text or ""
        elif child.tag == q("br"):
            out += "\n"
        elif child.tag == q("tab"):
            out += "\t"
    return out


def cell_dump(tc):
    text, marks, notes = [], [], []
    for p in tc.iter(q("p")):
        line = ""
        for r in p.iter(q("r")):
            style = run_style(r)
            if r.find(q("footnoteReference")) is not None:
                notes.append(run_text(r))
            elif style in MARK_STYLES:
                marks.append([style, run_text(r)])
            else:
                line += run_text(r)
        text.append(line)
    tcpr = tc.find(q("tcPr"))
    span = tcpr.find(q("gridSpan")) if tcpr is not None else None
    merge = tcpr.find(q("vMerge")) if tcpr is not None else None
    return {"text": "\n".join(text), "marks": marks, "notes": notes,
            "span": int(span.get(q("val"))) if span is not None else 1,
            "merge": "" if merge is None else (merge.get(q("val")) or "continue")}


def table_dump(table):
    rows = []
    for row in table.rows:
        trpr = row._tr.find(q("trPr"))
        header = trpr is not None and trpr.find(q("tblHeader")) is not None
        # python-docx's own view of the grid: one cell per grid column, spans resolved.
        slots = [c.text for c in row.cells]
        rows.append({"header": header, "cells": [cell_dump(tc) for tc in row._tr.findall(q("tc"))],
                     "slots": slots})
    return {"columns": len(table.columns), "rows": rows}


def main(path):
    with zipfile.ZipFile(path) as z:
        parts_ok = z.testzip() is None
        names = z.namelist()
        dates = sorted({"%04d-%02d-%02d %02d:%02d:%02d" % i.date_time for i in z.infolist()})
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))  # raises on malformed XML
        notes_xml = etree.fromstring(z.read("word/footnotes.xml"))
        rels = {}
        if "word/_rels/footnotes.xml.rels" in z.namelist():
            for rel in etree.fromstring(z.read("word/_rels/footnotes.xml.rels")):
                rels[rel.get("Id")] = rel.get("Target")
    d = docx.Document(path)
    body = []
    for child in d.element.body.iterchildren():
        if child.tag == q("p"):
            p = Paragraph(child, d)
            body.append({"paragraph": {"style": p.style.name, "text": p.text}})
        elif child.tag == q("tbl"):
            body.append({"table": table_dump(Table(child, d))})
    footnotes = []
    for fn in notes_xml.findall(q("footnote")):
        if int(fn.get(q("id"))) <= 0:
            continue
        text = "".join(run_text(r) for r in fn.iter(q("r")))
        links = [rels.get(h.get("{%s}id" % R)) for h in fn.iter(q("hyperlink"))]
        footnotes.append({"id": fn.get(q("id")), "text": text, "links": links})
    json.dump({"parts_ok": parts_ok, "names": names, "dates": dates, "body": body, "footnotes": footnotes}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
