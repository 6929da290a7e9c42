#pragma once
// The link annotations of report.pdf (about 1,900), each written as one small dictionary object.
// libharu's own link annotation is a dozen objects (the annotation, its /Rect and /Border arrays,
// an indirect destination array, names, numbers, proxies), each its own allocation kept until the
// document is freed: for this report that was a third of the PDF's memory. Here the annotation is
// an empty libharu dictionary whose keys are written, when libharu saves, by its write hook from a
// record kept by this class; the destination is a direct array. The keys and their values are the
// ones libharu writes (docs/LIBRARIES.md).
#include <hpdf.h>

#include <deque>
#include <string>

namespace zorgcap::pdf {

class LinkAnnotations {
 public:
  explicit LinkAnnotations(HPDF_Doc doc) : doc_(doc) {}
  LinkAnnotations(const LinkAnnotations&) = delete;
  LinkAnnotations& operator=(const LinkAnnotations&) = delete;

  // A link from `rect` on `page` to `target`, shown from the height `top` (/FitH).
  void to_page(HPDF_Page page, HPDF_Rect rect, HPDF_Page target, double top);
  // A link from `rect` on `page` to the web address `uri` (a /URI action).
  void to_uri(HPDF_Page page, HPDF_Rect rect, const std::string& uri);

  std::size_t size() const { return records_.size(); }

 private:
  struct Record {
    HPDF_Rect rect;
    HPDF_UINT page_id;
    HPDF_UINT target_id;  // 0 for a web address
    HPDF_REAL top;
    std::string uri;
  };
  static HPDF_STATUS write(HPDF_Dict dict, HPDF_Stream out);
  void add(HPDF_Page page, Record record);

  HPDF_Doc doc_;
  std::deque<Record> records_;  // stable addresses: each annotation's dictionary points at its record
};

}  // namespace zorgcap::pdf
