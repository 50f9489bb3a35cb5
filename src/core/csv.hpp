// An RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and
// line breaks; CRLF or LF line ends. One reader for every CSV chc reads (the
// compiled-in bank-holiday list and landlords' registers).
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace chc {

// Reads record by record from a stream, so a register of any size streams
// through in constant memory.
class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(*in.rdbuf()) {}
  // The next record into `fields`; `line` is the line it starts on (1-based).
  // False at the end of the input.
  bool next(std::vector<std::string>& fields, uint64_t& line) {
    using traits = std::char_traits<char>;
    fields.clear();
    if (traits::eq_int_type(in_.sgetc(), traits::eof())) return false;
    line = line_;
    std::string field;
    bool quoted = false;
    for (auto next = in_.sbumpc(); !traits::eq_int_type(next, traits::eof()); next = in_.sbumpc()) {
      const char c = traits::to_char_type(next);
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
    fields.push_back(std::move(field));
    return true;
  }

 private:
  std::streambuf& in_;
  uint64_t line_ = 1;
};

}  // namespace chc
