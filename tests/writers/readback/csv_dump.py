"""Reads a CSV with Python's csv module (as a spreadsheet importer would) and prints it as JSON:
whether it starts with a UTF-8 byte order mark, and its rows as lists of fields.

Usage: csv_dump.py FILE
"""
import csv
import json
import sys


def main(path):
    with open(path, "rb") as f:
        bom = f.read(3) == b"\xef\xbb\xbf"
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    json.dump({"bom": bom, "rows": rows}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
