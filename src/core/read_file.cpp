#include "core/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace zorgcap {

std::optional<std::string> read_regular_file(const std::string& path, std::size_t max_bytes, std::string& error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    error = errno == ENOENT ? std::string("cannot open the file") : "cannot open the file: " + std::string(std::strerror(errno));
    return std::nullopt;
  }
  struct stat st {};
  std::optional<std::string> text;
  if (::fstat(fd, &st) != 0) {
    error = std::strerror(errno);
  } else if (S_ISDIR(st.st_mode)) {
    error = "is a folder, not a file";
  } else if (!S_ISREG(st.st_mode)) {
    error = "is not a regular file (a FIFO, socket or device)";
  } else if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
    error = "file is " + std::to_string(st.st_size) + " bytes; zorgcap reads input files up to " +
            std::to_string(max_bytes) + " bytes";
  } else {
    std::string buf(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    bool ok = true;
    while (got < buf.size()) {
      ssize_t n = ::read(fd, buf.data() + got, buf.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = "cannot read the file: " + std::string(std::strerror(errno));
        ok = false;
        break;
      }
      if (n == 0) break;  // the file shrank while it was read
      got += static_cast<std::size_t>(n);
    }
    if (ok) {
      buf.resize(got);
      text = std::move(buf);
    }
  }
  ::close(fd);
  return text;
}

}  // namespace zorgcap
