// SPDX-License-Identifier: MIT
// JSON reading helpers with error messages that name the offending field
// ("calendar.closures[2].date: ..."), so every bad input gets a clear error.
#pragma once

#include <chc/date.hpp>
#include <chc/error.hpp>

#include <boost/json.hpp>

#include <initializer_list>
#include <string>
#include <string_view>

namespace chc::json {

namespace bj = boost::json;

// Maximum nesting depth accepted in any JSON input (deeper documents are
// rejected with Errc::limit instead of recursing without bound).
inline constexpr std::size_t max_depth = 64;

// Parses `text`. Throws Error(Errc::json) naming `what`, the line and column.
bj::value parse(std::string_view text, std::string_view what, bj::storage_ptr storage = {});

std::string type_name(const bj::value& v);

// A JSON number read as a double (1.0, 2e3) that must be a whole int64:
// range first, since converting an out-of-range double is undefined.
enum class WholeNumber { ok, fraction, too_large };
inline WholeNumber to_whole_number(double d, int64_t& out) {
  if (!(d > -9.2e18 && d < 9.2e18)) return WholeNumber::too_large;  // NaN too
  const auto i = static_cast<int64_t>(d);
  if (static_cast<double>(i) != d) return WholeNumber::fraction;
  out = i;
  return WholeNumber::ok;
}

// Throws Error(Errc::json, or Errc::limit for too deep) for a parse that
// failed with `ec` after `consumed` bytes of `text`, naming line and column.
[[noreturn]] void throw_parse_error(std::string_view text, std::size_t consumed, const boost::system::error_code& ec,
                                    std::string_view what);

// "a.b" / "a[3]" path building for messages.
std::string field(std::string_view path, std::string_view key);
std::string element(std::string_view path, std::size_t index);

// Where a value sits in a document, rendered as text only when an error
// names it: hot readers chain Paths on the stack instead of building strings.
class Path {
 public:
  Path(std::string_view root) : root_(root) {}  // NOLINT: implicit by design
  Path(const std::string& root) : root_(root) {}  // NOLINT
  Path(const char* root) : root_(root) {}         // NOLINT
  // The parent must outlive the child (true for temporaries in one expression).
  Path key(std::string_view k) const { return Path(this, k, no_index); }
  Path index(std::size_t i) const { return Path(this, {}, i); }
  std::string str() const;

 private:
  static constexpr std::size_t no_index = static_cast<std::size_t>(-1);
  Path(const Path* parent, std::string_view key, std::size_t index) : parent_(parent), key_(key), index_(index) {}
  const Path* parent_ = nullptr;
  std::string_view root_;
  std::string_view key_;
  std::size_t index_ = no_index;
};

[[noreturn]] void fail(Errc code, const Path& path, std::string_view message);

const bj::object& as_object(const bj::value& v, const Path& path);
const bj::array& as_array(const bj::value& v, const Path& path);
std::string_view as_string(const bj::value& v, const Path& path);
int64_t as_int(const bj::value& v, const Path& path);
bool as_bool(const bj::value& v, const Path& path);
Date as_date(const bj::value& v, const Path& path);

// A document in one of chc's own formats (rule sets, catalogues) may hold
// only the keys its format defines: any other is an error naming it, with
// the known key it was probably meant as.
void only_keys(const bj::object& o, const Path& path, std::initializer_list<std::string_view> known);

// Members that are absent or null give nullptr.
const bj::value* find(const bj::object& o, std::string_view key);
const bj::value& require(const bj::object& o, std::string_view key, const Path& path);

}  // namespace chc::json
