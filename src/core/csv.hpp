// SPDX-License-Identifier: MIT
// An RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and
// line breaks; CRLF or LF line ends. One reader for every CSV chc reads (the
// compiled-in bank-holiday list and landlords' registers).
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace chc {

// Reads record by record from a stream, so a register of any size streams
// through in constant memory: a record longer than max_record_bytes (an
// unterminated quote swallows the rest of the file) is skipped, not held.
class CsvReader {
 public:
  explicit CsvReader(std::istream& in, std::size_t max_record_bytes = SIZE_MAX)
      : in_(*in.rdbuf()), max_record_bytes_(max_record_bytes) {}
  // The next record into `fields`; `line` is the line it starts on (1-based).
  // False at the end of the input. After an oversized record, `fields` is
  // empty and oversized() is true.
  bool next(std::vector<std::string>& fields, uint64_t& line) {
    using traits = std::char_traits<char>;
    fields.clear();
    oversized_ = false;
    if (traits::eq_int_type(in_.sgetc(), traits::eof())) return false;
    line = line_;
    std::string field;
    bool quoted = false;
    std::size_t record_bytes = 0;
    for (auto next = in_.sbumpc(); !traits::eq_int_type(next, traits::eof()); next = in_.sbumpc()) {
      const char c = traits::to_char_type(next);
      if (++record_bytes > max_record_bytes_ && !oversized_) {
        oversized_ = true;
        fields.clear();
        field.clear();
        field.shrink_to_fit();
      }
      if (oversized_) {
        // Still track quotes and lines, so the next record starts where it should.
        if (c == '"') quoted = !quoted;
        else if (c == '\n' && quoted) ++line_;
        else if (c == '\n') {
          ++line_;
          break;
        }
        continue;
      }
      if (quoted) {
        if (c == '"' && traits::eq_int_type(in_.sgetc(), traits::to_int_type('"'))) {
          field += '"';
          in_.sbumpc();
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') ++line_;
          field += c;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.push_back(std::move(field));
        field.clear();
      } else if (c == '\n') {
        ++line_;
        break;
      } else if (c != '\r') {
        field += c;
      }
    }
    if (!oversized_) fields.push_back(std::move(field));
    return true;
  }
  bool oversized() const { return oversized_; }

 private:
  std::streambuf& in_;
  std::size_t max_record_bytes_;
  uint64_t line_ = 1;
  bool oversized_ = false;
};

}  // namespace chc
