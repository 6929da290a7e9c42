#include "writers/pdf_deflate.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace zorgcap::pdf {

namespace {

// libharu writes a stream dictionary's /Filter from its filter flags and compresses when they say
// so; a stream compressed already is written with no flags, and this adds the key it then lacks.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); }

}  // namespace

HPDF_Dict page_contents(HPDF_Page page) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (!attr || !attr->contents) throw std::runtime_error("PDF: a page without a content stream");
  return attr->contents;
}

namespace {

void check_memory_stream(HPDF_Dict stream) {
  if (!stream || !stream->stream || stream->stream->type != HPDF_STREAM_MEMORY)
    throw std::runtime_error("PDF: only a stream held in memory can be compressed");
  if (stream->write_fn && stream->write_fn != write_flate_filter)
    throw std::runtime_error("PDF: the stream is written by libharu's own function");
}

// Deflates the pieces handed to `feed` (each call: one piece) into one zlib stream.
template <class Feed>
std::string deflate_pieces(Feed feed) {
  z_stream z{};
  if (deflateInit(&z, kContentDeflateLevel) != Z_OK) throw std::runtime_error("PDF: zlib cannot start");
  std::string out;
  char buf[16384];
  auto pump = [&](int flush) {
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      int rc = deflate(&z, flush);
      if (rc == Z_STREAM_ERROR) {
        deflateEnd(&z);
        throw std::runtime_error("PDF: zlib failed on a content stream");
      }
      out.append(buf, sizeof buf - z.avail_out);
    } while (z.avail_out == 0);
  };
  feed([&](const HPDF_BYTE* data, std::size_t length) {
    z.next_in = const_cast<Bytef*>(data);
    z.avail_in = static_cast<uInt>(length);
    pump(Z_NO_FLUSH);
  });
  z.next_in = nullptr;
  z.avail_in = 0;
  pump(Z_FINISH);
  deflateEnd(&z);
  return out;
}

std::string deflate_bytes(std::string_view raw) {
  return deflate_pieces([&](auto&& piece) {
    if (!raw.empty()) piece(reinterpret_cast<const HPDF_BYTE*>(raw.data()), raw.size());
  });
}

// Replaces the stream's data by `packed` and has libharu write it as it is, with its /Filter.
void store(HPDF_Dict stream, const std::string& packed) {
  HPDF_MemStream_FreeData(stream->stream);
  if (HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                        static_cast<HPDF_UINT>(packed.size())) != HPDF_OK)
    throw std::runtime_error("PDF: libharu cannot hold a compressed content stream");
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = write_flate_filter;
}

}  // namespace

void deflate_now(HPDF_Dict stream) {
  check_memory_stream(stream);
  if (stream->write_fn == write_flate_filter) return;  // compressed already
  const std::string packed = deflate_pieces([&](auto&& piece) {
    const HPDF_UINT chunks = HPDF_MemStream_GetBufCount(stream->stream);
    for (HPDF_UINT i = 0; i < chunks; ++i) {
      HPDF_UINT length = 0;
      HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(stream->stream, i, &length);
      if (data && length > 0) piece(data, length);
    }
  });
  store(stream, packed);
}

// --- PageCache

std::string PageCache::deflate(std::size_t index, std::string raw) {
  std::shared_ptr<const Page> known;
  {
    std::lock_guard<std::mutex> lock(m_);
    if (index < pages_.size()) known = pages_[index];
  }
  if (known && known->raw == raw) {
    std::lock_guard<std::mutex> lock(m_);
    ++hits_;
    return known->packed;
  }
  auto page = std::make_shared<Page>();
  page->packed = deflate_bytes(raw);
  page->raw = std::move(raw);
  std::string packed = page->packed;
  std::lock_guard<std::mutex> lock(m_);
  if (pages_.size() <= index) pages_.resize(index + 1);
  pages_[index] = std::move(page);
  return packed;
}

std::size_t PageCache::hits() const {
  std::lock_guard<std::mutex> lock(m_);
  return hits_;
}

// --- PageCompressor

namespace {

std::string compress(PageCache* cache, std::size_t index, std::string raw) {
  return cache ? cache->deflate(index, std::move(raw)) : deflate_bytes(raw);
}

}  // namespace

struct PageCompressor::Job {
  HPDF_Dict stream;
  std::size_t index;
  std::string raw;     // until the thread takes it
  std::string packed;  // once done
  bool done = false;
};

struct PageCompressor::State {
  static constexpr std::size_t kMaxWaiting = 4;  // pages painted but not yet compressed
  std::mutex m;
  std::condition_variable cv;
  std::deque<Job> jobs;   // in order; the done ones at the front are stored by the owner
  std::size_t taken = 0;  // jobs[0, taken) were taken by the thread
  bool stop = false;
  std::exception_ptr error;
  PageCache* cache = nullptr;
  std::thread worker;

  void run() {
    std::unique_lock<std::mutex> lock(m);
    for (;;) {
      cv.wait(lock, [&] { return stop || taken < jobs.size(); });
      if (stop) return;
      Job& job = jobs[taken++];  // a deque keeps references to its elements when it grows
      std::string raw = std::move(job.raw);
      const std::size_t index = job.index;
      lock.unlock();
      std::string packed;
      std::exception_ptr failed;
      try {
        packed = compress(cache, index, std::move(raw));
      } catch (...) {
        failed = std::current_exception();
      }
      lock.lock();
      job.packed = std::move(packed);
      job.done = true;
      if (failed && !error) error = failed;
      cv.notify_all();
    }
  }
};

PageCompressor::PageCompressor(bool threaded, PageCache* cache) : state_(threaded ? new State : nullptr), cache_(cache) {
  if (!state_) return;
  state_->cache = cache;
  state_->worker = std::thread([s = state_] { s->run(); });
}

PageCompressor::~PageCompressor() {
  if (!state_) return;
  {
    std::lock_guard<std::mutex> lock(state_->m);
    state_->stop = true;
  }
  state_->cv.notify_all();
  state_->worker.join();
  delete state_;
}

void PageCompressor::store_done() {
  std::vector<Job> done;
  {
    std::lock_guard<std::mutex> lock(state_->m);
    if (state_->error) std::rethrow_exception(state_->error);
    while (!state_->jobs.empty() && state_->jobs.front().done) {
      done.push_back(std::move(state_->jobs.front()));
      state_->jobs.pop_front();
      --state_->taken;
    }
  }
  for (const Job& j : done) store(j.stream, j.packed);
}

void PageCompressor::add(HPDF_Dict stream, std::string raw, std::size_t index) {
  check_memory_stream(stream);
  if (stream->write_fn == write_flate_filter || HPDF_Stream_Size(stream->stream) != 0)
    throw std::runtime_error("PDF: the stream has content already");
  if (!state_) {
    store(stream, compress(cache_, index, std::move(raw)));
    return;
  }
  store_done();
  {
    std::unique_lock<std::mutex> lock(state_->m);
    state_->cv.wait(lock, [&] { return state_->error || state_->jobs.size() - state_->taken < State::kMaxWaiting; });
    state_->jobs.push_back(Job{stream, index, std::move(raw), {}, false});
  }
  state_->cv.notify_all();
}

void PageCompressor::finish() {
  if (!state_) return;
  {
    std::unique_lock<std::mutex> lock(state_->m);
    state_->cv.wait(lock, [&] {
      if (state_->error) return true;
      for (const Job& j : state_->jobs)
        if (!j.done) return false;
      return true;
    });
  }
  store_done();
}

}  // namespace zorgcap::pdf
