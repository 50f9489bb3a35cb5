// SPDX-License-Identifier: MIT
#include "core/json_util.hpp"

#include <chc/near_miss.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace chc::json {

bj::value parse(std::string_view text, std::string_view what, bj::storage_ptr storage) {
  bj::parse_options options;
  options.max_depth = max_depth;
  // The parser's own working stack starts in this buffer, not on the heap.
  unsigned char scratch[4096];
  bj::stream_parser parser({}, options, scratch, sizeof scratch);
  parser.reset(std::move(storage));  // the parsed value lives in `storage`
  boost::system::error_code ec;
  std::size_t consumed = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) throw_parse_error(text, consumed, ec, what);
  return parser.release();
}

void throw_parse_error(std::string_view text, std::size_t consumed, const boost::system::error_code& ec, std::string_view what) {
  if (ec == bj::error::too_deep) {
    throw Error(Errc::limit, std::string(what) + ": JSON nesting depth exceeds the limit of " + std::to_string(max_depth) + " levels");
  }
  if (consumed > text.size()) consumed = text.size();
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < consumed; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  const std::string at = text.empty() ? std::string(" (the input is empty)")
                                      : " at line " + std::to_string(line) + ", column " + std::to_string(column);
  throw Error(Errc::json, std::string(what) + ": malformed JSON" + at + ": " + ec.message());
}

namespace {
// A number as people write it (75, 0.5, 1e+28), for messages that quote one.
std::string number_text(double d) {
  char buf[32];
  const auto result = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, result.ptr);
}
}  // namespace

std::string type_name(const bj::value& v) {
  switch (v.kind()) {
    case bj::kind::null: return "null";
    case bj::kind::bool_: return "a boolean";
    case bj::kind::int64:
    case bj::kind::uint64: return "an integer";
    case bj::kind::double_: return "a number";
    case bj::kind::string: return "a string";
    case bj::kind::array: return "an array";
    case bj::kind::object: return "an object";
  }
  return "a value";
}

// The eager forms of a Path, for readers that keep paths as strings: one renderer.
std::string field(std::string_view path, std::string_view key) { return Path(path).key(key).str(); }
std::string element(std::string_view path, std::size_t index) { return Path(path).index(index).str(); }

std::string Path::str() const {
  if (!parent_) return std::string(root_);
  std::string out = parent_->str();
  if (index_ != no_index) return out + "[" + std::to_string(index_) + "]";
  if (!out.empty()) out += '.';
  out += key_;
  return out;
}

void fail(Errc code, const Path& path, std::string_view message) {
  throw Error(code, path.str() + ": " + std::string(message));
}

const bj::object& as_object(const bj::value& v, const Path& path) {
  if (!v.is_object()) fail(Errc::schema, path, "expected an object, found " + type_name(v));
  return v.get_object();
}

const bj::array& as_array(const bj::value& v, const Path& path) {
  if (!v.is_array()) fail(Errc::schema, path, "expected an array, found " + type_name(v));
  return v.get_array();
}

std::string_view as_string(const bj::value& v, const Path& path) {
  if (!v.is_string()) fail(Errc::schema, path, "expected a string, found " + type_name(v));
  const auto& s = v.get_string();
  return {s.data(), s.size()};
}

int64_t as_int(const bj::value& v, const Path& path) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64()) {
    if (v.get_uint64() > static_cast<uint64_t>(INT64_MAX)) fail(Errc::overflow, path, "integer too large");
    return static_cast<int64_t>(v.get_uint64());
  }
  if (v.is_double()) {
    int64_t whole = 0;
    switch (to_whole_number(v.get_double(), whole)) {
      case WholeNumber::ok: return whole;
      case WholeNumber::too_large: fail(Errc::overflow, path, "integer too large: " + number_text(v.get_double()));
      case WholeNumber::fraction: fail(Errc::schema, path, "expected a whole number, found " + number_text(v.get_double()));
    }
  }
  fail(Errc::schema, path, "expected an integer, found " + type_name(v));
}

bool as_bool(const bj::value& v, const Path& path) {
  if (!v.is_bool()) fail(Errc::schema, path, "expected true or false, found " + type_name(v));
  return v.get_bool();
}

Date as_date(const bj::value& v, const Path& path) {
  const std::string_view text = as_string(v, path);
  try {
    return Date::parse(text);
  } catch (const Error& e) {
    fail(e.code(), path, e.what());
  }
}

const bj::value* find(const bj::object& o, std::string_view key) {
  const auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

const bj::value& require(const bj::object& o, std::string_view key, const Path& path) {
  const bj::value* v = find(o, key);
  if (!v) fail(Errc::schema, path.key(key), "required field is missing");
  return *v;
}

void only_keys(const bj::object& o, const Path& path, std::initializer_list<std::string_view> known) {
  for (const auto& member : o) {
    const std::string_view key = member.key();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    fail(Errc::schema, path.key(key), "unknown field" + did_you_mean_suffix(key, std::vector<std::string_view>(known)));
  }
}

}  // namespace chc::json
