#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace zorgcap {

// Reads a whole regular file without ever blocking on it: the file is opened with O_NONBLOCK (a
// FIFO or device opens at once instead of waiting for a writer) and its type is checked on the
// open descriptor (fstat), so a file swapped between a check and the open cannot slip through.
// On failure returns nullopt and sets `error` to a reason without the path: "is a folder, not a
// file", "is not a regular file (a FIFO, socket or device)", "file is N bytes; ...", or the
// system's reason ("cannot open the file: Too many levels of symbolic links"; a missing file is
// "cannot open the file").
std::optional<std::string> read_regular_file(const std::string& path, std::size_t max_bytes, std::string& error);

}  // namespace zorgcap
