#include "document/wording.h"

namespace zorgcap::wording {

std::string footnotes_suffix(const std::vector<int>& footnotes) {
  if (footnotes.empty()) return "";
  std::string out = " (voetnoot";
  for (std::size_t i = 0; i < footnotes.size(); ++i) out += (i ? ", " : " ") + std::to_string(footnotes[i]);
  return out + ")";
}

}  // namespace zorgcap::wording
