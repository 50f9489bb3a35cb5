#include <chc/error.hpp>

namespace chc {

const char* errc_message(Errc code) noexcept {
  switch (code) {
    case Errc::ok: return "success";
    case Errc::null_argument: return "a required pointer argument was NULL";
    case Errc::invalid_argument: return "invalid argument";
    case Errc::json: return "malformed JSON";
    case Errc::date: return "invalid date";
    case Errc::range: return "day outside the supported range (1900-01-01 to 2199-12-31)";
    case Errc::overflow: return "result does not fit in 32 bits";
    case Errc::unknown_name: return "unknown name";
    case Errc::no_memory: return "out of memory";
    case Errc::schema: return "JSON field missing or of the wrong type";
    case Errc::limit: return "input exceeds a documented size limit";
    case Errc::internal: return "internal error in chc";
  }
  return "unknown error code";
}

}  // namespace chc
