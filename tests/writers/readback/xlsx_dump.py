"""Reads an XLSX with openpyxl (the real client) and prints what a user would see as JSON.

Usage: xlsx_dump.py FILE. For every sheet: its cells (type, value, number format, link, comment,
fill), merged ranges, autofilter, print fit and row heights. Exit 2 when openpyxl cannot load it.
"""
import json
import sys

import openpyxl


def main(path):
    try:
        wb = openpyxl.load_workbook(path)
    except Exception as e:  # an ill-formed file: the point of some tests
        print("openpyxl cannot load %s: %s" % (path, e), file=sys.stderr)
        return 2
    out = {"sheets": []}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and c.comment is None:
                    continue
                d = {"t": c.data_type, "v": c.value, "f": c.number_format}
                if c.hyperlink is not None:
                    d["link"] = c.hyperlink.target or ("#" + (c.hyperlink.location or ""))
                if c.comment is not None:
                    d["comment"] = c.comment.text
                if c.fill is not None and c.fill.fgColor is not None and c.fill.fill_type:
                    d["fill"] = c.fill.fgColor.rgb
                cells[c.coordinate] = d
        out["sheets"].append({
            "name": ws.title,
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "autofilter": ws.auto_filter.ref,
            "fit_to_page": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            # absent attributes take the OOXML defaults (1 page wide, 1 page high)
            "fit_width": 1 if ws.page_setup.fitToWidth is None else ws.page_setup.fitToWidth,
            "fit_height": 1 if ws.page_setup.fitToHeight is None else ws.page_setup.fitToHeight,
            "heights": {str(r): d.height for r, d in ws.row_dimensions.items() if d.height is not None},
        })
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
