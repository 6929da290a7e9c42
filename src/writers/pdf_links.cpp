#include "writers/pdf_links.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <stdexcept>
#include <utility>

namespace zorgcap::pdf {

namespace {

HPDF_UINT object_number(HPDF_Dict object) { return object->header.obj_id & 0x00FFFFFF; }

// Writes the pieces one after another, stopping at the first failure (libharu's status).
struct Writer {
  HPDF_Stream out;
  HPDF_STATUS status = HPDF_OK;
  Writer& str(const char* s) {
    if (status == HPDF_OK) status = HPDF_Stream_WriteStr(out, s);
    return *this;
  }
  Writer& real(HPDF_REAL v) {
    if (status == HPDF_OK) status = HPDF_Stream_WriteReal(out, v);
    return *this;
  }
  Writer& uint(HPDF_UINT v) {
    if (status == HPDF_OK) status = HPDF_Stream_WriteUInt(out, v);
    return *this;
  }
  Writer& text(const std::string& s) {  // a PDF string, escaped as libharu escapes it
    if (status == HPDF_OK) status = HPDF_Stream_WriteEscapeText(out, s.c_str());
    return *this;
  }
};

}  // namespace

HPDF_STATUS LinkAnnotations::write(HPDF_Dict dict, HPDF_Stream out) {
  const Record& r = *static_cast<const Record*>(dict->attr);
  Writer w{out};
  w.str("/Rect [ ").real(r.rect.left).str(" ").real(r.rect.bottom).str(" ").real(r.rect.right).str(" ");
  w.real(r.rect.top).str(" ]\012/Type /Annot\012/Subtype /Link\012");
  if (r.target_id != 0)
    w.str("/Dest [ ").uint(r.target_id).str(" 0 R /FitH ").real(r.top).str(" ]\012");
  else
    w.str("/A <<\012/Type /Action\012/S /URI\012/URI ").text(r.uri).str("\012>>\012");
  w.str("/P ").uint(r.page_id).str(" 0 R\012/Border [ 0 0 0 ]\012");
  return w.status;
}

void LinkAnnotations::add(HPDF_Page page, Record record) {
  if (record.rect.top < record.rect.bottom) std::swap(record.rect.top, record.rect.bottom);  // as libharu does
  record.page_id = object_number(page);
  records_.push_back(std::move(record));

  HPDF_Dict annot = HPDF_Dict_New(doc_->mmgr);
  if (!annot) throw std::runtime_error("PDF: out of memory for a link");
  if (HPDF_Xref_Add(doc_->xref, annot) != HPDF_OK)  // frees annot on failure
    throw std::runtime_error("PDF: libharu cannot add a link object");
  annot->attr = &records_.back();
  annot->write_fn = write;

  auto annots = static_cast<HPDF_Array>(HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY));
  if (!annots) {
    annots = HPDF_Array_New(doc_->mmgr);
    if (!annots || HPDF_Dict_Add(page, "Annots", annots) != HPDF_OK)
      throw std::runtime_error("PDF: libharu cannot give a page its links");
  }
  if (HPDF_Array_Add(annots, annot) != HPDF_OK) throw std::runtime_error("PDF: libharu cannot add a link to a page");
}

void LinkAnnotations::to_page(HPDF_Page page, HPDF_Rect rect, HPDF_Page target, double top) {
  Record r{rect, 0, object_number(target), static_cast<HPDF_REAL>(top), {}};
  if (r.target_id == 0) throw std::runtime_error("PDF: a link to a page that is not in the document");
  add(page, std::move(r));
}

void LinkAnnotations::to_uri(HPDF_Page page, HPDF_Rect rect, const std::string& uri) {
  add(page, Record{rect, 0, 0, 0, uri});
}

}  // namespace zorgcap::pdf
