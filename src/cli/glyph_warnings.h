#pragma once
#include <string>
#include <utility>
#include <vector>

namespace zorgcap {

// Warnings for the characters report.pdf had to draw as U+FFFD (render_pdf's `replaced`): for
// each, "file:line:column: warning: …" at its first occurrence in the files the run read (inputs
// and templates), or without a place when none of them holds it (text zorgcap made itself).
std::string glyph_warnings(const std::vector<char32_t>& replaced,
                           const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace zorgcap
