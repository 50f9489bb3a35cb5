// SPDX-License-Identifier: MIT
// A small append-only JSON writer for hot output paths (evaluations, reports),
// where building a boost::json::value first would cost more than the work.
#pragma once

#include <chc/date.hpp>

#include <cstdint>
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace chc {

class JsonWriter {
 public:
  // Appends to `out` when finished (finish() or the destructor). Until then
  // the text goes into the writer's own uninitialised buffer, on the stack
  // while it fits, so a write is a bounds check and a copy, never a library
  // call or a zero-fill.
  explicit JsonWriter(std::string& out) : out_(out) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter() { finish(); }
  void finish() {
    out_.append(buf_, size_);
    size_ = 0;
  }

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // A member name chc chooses (a literal needing no escaping); the value follows.
  template <std::size_t N>
  JsonWriter& key(const char (&name)[N]) {
    char text[N + 3];  // ,"name":
    text[0] = ',';
    text[1] = '"';
    std::memcpy(text + 2, name, N - 1);
    text[N + 1] = '"';
    text[N + 2] = ':';
    put_after_comma(text);
    after_key_ = true;
    return *this;
  }
  // A member name from input data: escaped like any string.
  JsonWriter& key(std::string_view name) {
    quoted(name);
    put(":", 1);
    after_key_ = true;
    return *this;
  }
  JsonWriter& value(std::string_view s) {
    quoted(s);
    return *this;
  }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(int64_t n) {
    char buf[24];
    char* end = buf + sizeof buf;
    char* p = end;
    uint64_t u = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    do {
      *--p = static_cast<char>('0' + u % 10);
      u /= 10;
    } while (u);
    if (n < 0) *--p = '-';
    return token(std::string_view(p, static_cast<std::size_t>(end - p)));
  }
  JsonWriter& value(int n) { return value(static_cast<int64_t>(n)); }
  JsonWriter& value(bool b) { return token(b ? std::string_view("true") : std::string_view("false")); }
  JsonWriter& value(double d) {
    char buf[32];
    const int len = std::snprintf(buf, sizeof buf, "%.15g", d);
    return token(std::string_view(buf, static_cast<std::size_t>(len)));
  }
  JsonWriter& value(Date d) {
    char text[13] = {',', '"'};
    if (!d.iso_digits(text + 2)) return value(d.iso());
    text[12] = '"';
    put_after_comma(text);
    return *this;
  }
  JsonWriter& null() { return token("null"); }
  // Already-serialised JSON, inserted as a value.
  JsonWriter& raw(std::string_view json) { return token(json); }

 private:
  void reserve(std::size_t extra) {
    if (size_ + extra <= capacity_) [[likely]]
      return;
    const std::size_t capacity = std::max(capacity_ * 2, size_ + extra);
    auto grown = std::make_unique_for_overwrite<char[]>(capacity);
    std::memcpy(grown.get(), buf_, size_);
    heap_ = std::move(grown);
    buf_ = heap_.get();
    capacity_ = capacity;
  }
  void put(const char* p, std::size_t n) {
    reserve(n);
    char* at = buf_ + size_;
    if (n <= 16) {
      for (std::size_t i = 0; i < n; ++i) at[i] = p[i];  // short pieces: no library call
    } else {
      std::memcpy(at, p, n);
    }
    size_ += n;
  }
  // `text` is a token led by a comma: writes it with or without the comma, as
  // the position needs. Both cases copy the same fixed M - 1 bytes (a few
  // moves, no loop or call) and then the last byte, which in the comma-less
  // case lands one past the end, inside the reserved room, and is overwritten.
  template <std::size_t M>
  void put_after_comma(const char (&text)[M]) {
    const bool comma = needs_comma();
    reserve(M);
    std::memcpy(buf_ + size_, text + (comma ? 0 : 1), M - 1);
    buf_[size_ + M - 1] = text[M - 1];
    size_ += comma ? M : M - 1;
  }
  // Whether a comma goes before the next item; resets the state for it.
  bool needs_comma() {
    const bool comma = !first_ && !after_key_;
    first_ = false;
    after_key_ = false;
    return comma;
  }
  JsonWriter& token(std::string_view text) {
    if (needs_comma()) put(",", 1);
    put(text.data(), text.size());
    return *this;
  }
  JsonWriter& open(char c) {
    const char text[2] = {',', c};
    put_after_comma(text);
    first_ = true;
    return *this;
  }
  JsonWriter& close(char c) {
    put(&c, 1);
    first_ = false;
    return *this;
  }
  void quoted(std::string_view s) {
    const bool comma = needs_comma();
    const std::size_t n = s.size();
    // Room for every byte unescaped and both quotes; an escape re-reserves for the rest.
    reserve(n + 3);
    char* out = buf_ + size_;
    if (comma) *out++ = ',';
    *out++ = '"';
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const char* p = s.data();
    const char* const end = p + n;
    while (p < end) {
      // Eight bytes at a time while none is a control character, '"' or '\\'.
      for (; end - p >= 8; p += 8, out += 8) {
        uint64_t x;
        std::memcpy(&x, p, 8);
        const uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
        if (((x - ones * 0x20) | (quote - ones) | (backslash - ones)) & ~x & highs) break;
        std::memcpy(out, &x, 8);
      }
      // Then byte by byte to the end of this block (or the string).
      for (const char* stop = p + std::min<std::ptrdiff_t>(end - p, 8); p < stop; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\') {
          *out++ = static_cast<char>(c);
          continue;
        }
        size_ = static_cast<std::size_t>(out - buf_);
        reserve(static_cast<std::size_t>(end - p) + 8);  // this escape (at most 6) and the rest unescaped
        out = buf_ + size_;
        switch (c) {
          case '"': out = copy(out, "\\\"", 2); break;
          case '\\': out = copy(out, "\\\\", 2); break;
          case '\n': out = copy(out, "\\n", 2); break;
          case '\r': out = copy(out, "\\r", 2); break;
          case '\t': out = copy(out, "\\t", 2); break;
          default: {
            static constexpr char hex[] = "0123456789abcdef";
            const char escaped[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out = copy(out, escaped, sizeof escaped);
          }
        }
      }
    }
    *out++ = '"';
    size_ = static_cast<std::size_t>(out - buf_);
  }
  static char* copy(char* out, const char* p, std::size_t n) {
    std::memcpy(out, p, n);
    return out + n;
  }

  std::string& out_;
  char stack_[8192];  // uninitialised on purpose; room for a typical evaluation
  char* buf_ = stack_;
  std::size_t capacity_ = sizeof stack_;
  std::size_t size_ = 0;
  std::unique_ptr<char[]> heap_;
  bool first_ = true;
  bool after_key_ = false;
};

// One JSON object as text; `members(writer)` writes its members.
template <class Members>
std::string json_object(Members&& members) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  members(w);
  w.end_object();
  w.finish();
  return out;
}

}  // namespace chc
