"""Reads the link annotations of a PDF with pypdf (python3-pypdf), as a viewer resolves them, and
prints them as JSON: per page its links, each with its rectangle, border, the page it names as its
parent (/P), and either its destination (target page number, view, top) or its web address.

Usage: pdf_links_dump.py FILE
"""
import json
import sys

from pypdf import PdfReader


def main(path):
    reader = PdfReader(path)
    number = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)}
    pages = []
    for p in reader.pages:
        links = []
        for ref in p.get("/Annots") or []:
            a = ref.get_object()
            link = {
                "indirect": hasattr(ref, "idnum"),
                "type": str(a.get("/Type")),
                "subtype": str(a.get("/Subtype")),
                "rect": [float(x) for x in a["/Rect"]],
                "border": [float(x) for x in a.get("/Border", [])],
                "parent": number.get(a.raw_get("/P").idnum) if "/P" in a else None,
            }
            if "/Dest" in a:
                d = a["/Dest"]
                d = d.get_object() if hasattr(d, "get_object") else d
                link["dest"] = [number[d[0].idnum], str(d[1])] + [float(x) for x in d[2:]]
            if "/A" in a:
                action = a["/A"]
                link["action"] = {"type": str(action.get("/Type")), "s": str(action["/S"]), "uri": str(action["/URI"])}
            links.append(link)
        pages.append(links)
    json.dump({"pages": pages}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
