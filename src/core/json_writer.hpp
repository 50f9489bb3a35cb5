// A small append-only JSON writer for hot output paths (evaluations, reports),
// where building a boost::json::value first would cost more than the work.
#pragma once

#include <chc/date.hpp>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace chc {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // A member name inside an object; the value follows.
  JsonWriter& key(std::string_view k) {
    separator();
    string_body(k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  JsonWriter& value(std::string_view s) {
    separator();
    string_body(s);
    return *this;
  }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(int64_t n) {
    separator();
    out_ += std::to_string(n);
    return *this;
  }
  JsonWriter& value(int n) { return value(static_cast<int64_t>(n)); }
  JsonWriter& value(bool b) {
    separator();
    out_ += b ? "true" : "false";
    return *this;
  }
  JsonWriter& value(double d) {
    separator();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", d);
    out_ += buf;
    return *this;
  }
  JsonWriter& value(Date d) {
    separator();
    const YearMonthDay ymd = d.ymd();
    if (ymd.year < 0 || ymd.year > 9999) {
      string_body(d.iso());
      return *this;
    }
    const auto digit = [](int v) { return static_cast<char>('0' + v); };
    const char text[12] = {'"', digit(ymd.year / 1000), digit(ymd.year / 100 % 10), digit(ymd.year / 10 % 10), digit(ymd.year % 10),
                           '-', digit(ymd.month / 10), digit(ymd.month % 10), '-', digit(ymd.day / 10), digit(ymd.day % 10), '"'};
    out_.append(text, sizeof text);
    return *this;
  }
  JsonWriter& null() {
    separator();
    out_ += "null";
    return *this;
  }
  // Already-serialised JSON, inserted as a value.
  JsonWriter& raw(std::string_view json) {
    separator();
    out_ += json;
    return *this;
  }

 private:
  JsonWriter& open(char c) {
    separator();
    out_ += c;
    first_ = true;
    return *this;
  }
  JsonWriter& close(char c) {
    out_ += c;
    first_ = false;
    return *this;
  }
  void separator() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) out_ += ',';
    first_ = false;
  }
  void string_body(std::string_view s) {
    out_ += '"';
    // Copy runs that need no escaping in one append.
    std::size_t run = 0;
    std::size_t i = 0;
    // Eight bytes at a time while none is a control character, '"' or '\\'.
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      const uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
      const uint64_t special = ((x - ones * 0x20) | (quote - ones) | (backslash - ones)) & ~x & highs;
      if (special) break;
    }
    for (; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: {
          static constexpr char hex[] = "0123456789abcdef";
          const char escaped[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
          out_.append(escaped, sizeof escaped);
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }

  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace chc
