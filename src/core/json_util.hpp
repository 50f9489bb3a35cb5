// JSON reading helpers with error messages that name the offending field
// ("calendar.closures[2].date: ..."), so every bad input gets a clear error.
#pragma once

#include <chc/date.hpp>
#include <chc/error.hpp>

#include <boost/json.hpp>

#include <string>
#include <string_view>

namespace chc::json {

namespace bj = boost::json;

// Maximum nesting depth accepted in any JSON input (deeper documents are
// rejected with Errc::limit instead of recursing without bound).
inline constexpr std::size_t max_depth = 64;

// Parses `text`. Throws Error(Errc::json) naming `what`, the line and column.
bj::value parse(std::string_view text, std::string_view what);

std::string type_name(const bj::value& v);

// "a.b" / "a[3]" path building for messages.
std::string field(std::string_view path, std::string_view key);
std::string element(std::string_view path, std::size_t index);

[[noreturn]] void fail(Errc code, std::string_view path, std::string_view message);

const bj::object& as_object(const bj::value& v, std::string_view path);
const bj::array& as_array(const bj::value& v, std::string_view path);
std::string_view as_string(const bj::value& v, std::string_view path);
int64_t as_int(const bj::value& v, std::string_view path);
bool as_bool(const bj::value& v, std::string_view path);
Date as_date(const bj::value& v, std::string_view path);

// Members that are absent or null give nullptr.
const bj::value* find(const bj::object& o, std::string_view key);
const bj::value& require(const bj::object& o, std::string_view key, std::string_view path);

}  // namespace chc::json
