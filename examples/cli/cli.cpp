#include "cli.hpp"

#include <chc/chc.h>

#include "calendar/calendar_json.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

namespace chc::cli {

namespace {

// Options taking a value; every other --option is a flag.
const std::vector<std::string> valued = {"calendar", "calendar-file", "from", "to", "year"};

const char* const usage = R"(chc: UK social-housing complaint rules from the command line

Usage: chc <command> [arguments] [options]

Commands:
  holidays   Bank holidays and closures in a date range
               chc holidays --calendar scotland --from 2026-01-01 --to 2026-12-31
               chc holidays --year 2027 --json
  add        The working day N working days after a date (the date is day 0)
               chc add 2024-12-20 5 --calendar england-and-wales      -> 2024-12-31
               chc add 2024-12-20 5 --explain
  count      Working days d with FROM < d <= TO
               chc count 2024-12-20 2024-12-31                         -> 5
  explain    Every non-working day in (FROM, TO] and why it is skipped
               chc explain 2024-12-20 2024-12-31 --calendar northern-ireland
  info       A calendar's data version and coverage
               chc info --calendar scotland --json
  calendars  The built-in calendars

Options:
  --calendar NAME       england-and-wales (the default), scotland or northern-ireland
  --calendar-file FILE  a calendar JSON file (a base division plus closures; see docs/calendars.md)
  --json                print JSON (the C API's format) instead of text
  --help, --version

Dates are YYYY-MM-DD. Exit status: 0 success, 2 bad input, 3 internal error.
)";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Calendar calendar_of(const Args& args) {
  const auto file = args.option("calendar-file");
  const auto name = args.option("calendar");
  if (file && name) throw UsageError("give --calendar or --calendar-file, not both");
  if (file) return Calendar::from_json(read_file(*file));
  return Calendar::builtin(name.value_or("england-and-wales"));
}

Date date_arg(const std::string& text, const std::string& what) {
  try {
    return Date::parse(text);
  } catch (const Error& e) {
    throw Error(e.code(), what + ": " + e.what());
  }
}

int32_t int_arg(const std::string& text, const std::string& what) {
  int32_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) throw Error(Errc::overflow, what + ": " + text + " does not fit in 32 bits");
  if (ec != std::errc() || end != text.data() + text.size()) throw UsageError(what + ": '" + text + "' is not a whole number");
  return value;
}

void need_positional(const Args& args, std::size_t count, const char* shape) {
  if (args.positional().size() != count) throw UsageError(std::string("usage: chc ") + shape);
}

// Pads to `width` characters, counting UTF-8 code points (names use curly apostrophes).
std::string padded(const std::string& text, std::size_t width) {
  std::size_t chars = 0;
  for (const char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars >= width ? text + " " : text + std::string(width - chars, ' ');
}

std::string day_label(Date d) { return d.iso() + " " + std::string(weekday_name(d.weekday())).substr(0, 3); }

std::string reason_text(const Holiday& h) {
  std::string text = h.name + " (" + day_kind_name(h.kind);
  if (h.kind != DayKind::weekend) text += std::string(", ") + holiday_source_name(h.source);
  text += ")";
  if (h.substituted_by) text += ": substitute day " + h.substituted_by->iso();
  if (h.substitute_for) text += ": for " + h.substitute_for->iso();
  return text;
}

void print_explanation(std::ostream& out, const Calendar& cal, Date from, Date to) {
  for (const NonWorkingDay& d : cal.explain(from, to)) {
    out << "  " << day_label(d.date) << "  ";
    for (std::size_t i = 0; i < d.reasons.size(); ++i) out << (i ? "; " : "") << reason_text(d.reasons[i]);
    out << "\n";
  }
}

int cmd_holidays(const Args& args, std::ostream& out) {
  args.allow({"calendar", "calendar-file", "from", "to", "year", "json"});
  need_positional(args, 0, "holidays [--from DATE --to DATE | --year YEAR]");
  const Calendar cal = calendar_of(args);
  Date from, to;
  if (const auto year = args.option("year")) {
    if (args.option("from") || args.option("to")) throw UsageError("give --year or --from/--to, not both");
    const int32_t y = int_arg(*year, "--year");
    from = Date::from_ymd(y, 1, 1);
    to = Date::from_ymd(y, 12, 31);
  } else {
    const auto f = args.option("from");
    const auto t = args.option("to");
    if (!f || !t) throw UsageError("holidays needs --from and --to, or --year");
    from = date_arg(*f, "--from");
    to = date_arg(*t, "--to");
  }
  if (args.flag("json")) {
    out << holidays_json(cal, from, to) << "\n";
    return 0;
  }
  const auto list = cal.holidays(from, to);
  out << cal.name() << ": " << list.size() << " bank holidays and closures from " << from.iso() << " to " << to.iso()
      << " (data " << cal.data_version() << ")\n";
  for (const Holiday& h : list) {
    out << "  " << day_label(h.date) << "  " << padded(h.name, 46) << day_kind_name(h.kind);
    if (h.substitute_for) out << " for " << h.substitute_for->iso();
    out << "\n";
  }
  return 0;
}

int cmd_add(const Args& args, std::ostream& out) {
  args.allow({"calendar", "calendar-file", "json", "explain"});
  need_positional(args, 2, "add DATE N");
  const Calendar cal = calendar_of(args);
  const Date start = date_arg(args.positional()[0], "DATE");
  const int32_t n = int_arg(args.positional()[1], "N");
  const Date due = cal.add_working_days(start, n);
  if (args.flag("json")) {
    out << "{\"calendar\":\"" << cal.name() << "\",\"start\":\"" << start.iso() << "\",\"n\":" << n << ",\"result\":\""
        << due.iso() << "\"}\n";
    return 0;
  }
  out << due.iso() << "\n";
  if (args.flag("explain")) {
    out << n << " working days after " << day_label(start) << " on " << cal.name() << " is " << day_label(due)
        << "; skipped:\n";
    print_explanation(out, cal, std::min(start, due), std::max(start, due));
  }
  return 0;
}

int cmd_count(const Args& args, std::ostream& out) {
  args.allow({"calendar", "calendar-file", "json"});
  need_positional(args, 2, "count FROM TO");
  const Calendar cal = calendar_of(args);
  const Date from = date_arg(args.positional()[0], "FROM");
  const Date to = date_arg(args.positional()[1], "TO");
  const int32_t count = cal.count_working_days(from, to);
  if (args.flag("json")) {
    out << "{\"calendar\":\"" << cal.name() << "\",\"from\":\"" << from.iso() << "\",\"to\":\"" << to.iso()
        << "\",\"working_days\":" << count << "}\n";
  } else {
    out << count << "\n";
  }
  return 0;
}

int cmd_explain(const Args& args, std::ostream& out) {
  args.allow({"calendar", "calendar-file", "json"});
  need_positional(args, 2, "explain FROM TO");
  const Calendar cal = calendar_of(args);
  const Date from = date_arg(args.positional()[0], "FROM");
  const Date to = date_arg(args.positional()[1], "TO");
  if (args.flag("json")) {
    out << explain_json(cal, from, to) << "\n";
    return 0;
  }
  out << cal.name() << ": " << cal.count_working_days(from, to) << " working days after " << day_label(from)
      << " up to " << day_label(to) << "; non-working days skipped:\n";
  print_explanation(out, cal, from, to);
  return 0;
}

int cmd_info(const Args& args, std::ostream& out) {
  args.allow({"calendar", "calendar-file", "json"});
  need_positional(args, 0, "info");
  const Calendar cal = calendar_of(args);
  if (args.flag("json")) {
    out << calendar_info_json(cal) << "\n";
    return 0;
  }
  const CalendarInfo info = cal.info();
  out << "calendar:         " << info.name << "\nbase division:    " << info.base << "\ndata version:     "
      << info.data_version << "\nofficial through: " << info.official_through.iso() << "\nsupported range:  "
      << info.first_day.iso() << " to " << info.last_day.iso() << "\n";
  for (const auto& w : info.warnings) out << "warning: " << w << "\n";
  return 0;
}

int cmd_calendars(const Args& args, std::ostream& out) {
  args.allow({});
  for (const auto& name : Calendar::builtin_names()) out << name << "\n";
  return 0;
}

}  // namespace

Args::Args(int argc, char** argv) {
  std::vector<std::string> words;
  for (int i = 1; i < argc; ++i) words.emplace_back(argv[i]);
  parse(std::move(words));
}

Args::Args(std::vector<std::string> words) { parse(std::move(words)); }

void Args::parse(std::vector<std::string> words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.size() > 2 && w.compare(0, 2, "--") == 0) {
      std::string name = w.substr(2);
      std::optional<std::string> value;
      if (const auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name.resize(eq);
      } else if (std::find(valued.begin(), valued.end(), name) != valued.end()) {
        if (i + 1 >= words.size()) throw UsageError("--" + name + " needs a value");
        value = words[++i];
      }
      options_.emplace_back(std::move(name), std::move(value));
    } else if (command_.empty() && !(w.size() > 1 && w[0] == '-' && (w[1] < '0' || w[1] > '9'))) {
      command_ = w;
    } else if (w.size() > 1 && w[0] == '-' && (w[1] < '0' || w[1] > '9')) {
      throw UsageError("unknown option '" + w + "'");
    } else {
      positional_.push_back(w);
    }
  }
}

std::optional<std::string> Args::option(const std::string& name) const {
  for (const auto& [n, v] : options_) {
    if (n == name) {
      if (!v) throw UsageError("--" + name + " needs a value");
      return v;
    }
  }
  return std::nullopt;
}

bool Args::flag(const std::string& name) const {
  for (const auto& [n, v] : options_) {
    if (n == name) return true;
  }
  return false;
}

void Args::allow(std::initializer_list<const char*> names) const {
  for (const auto& [n, v] : options_) {
    if (std::find_if(names.begin(), names.end(), [&](const char* a) { return n == a; }) == names.end()) {
      throw UsageError("'" + command_ + "' has no option --" + n);
    }
  }
}

int run(const Args& args, std::ostream& out) {
  if (args.flag("version")) {
    out << "chc " << chc_version() << " (ABI " << chc_abi_version() << ")\n";
    return 0;
  }
  if (args.command().empty() || args.command() == "help" || args.flag("help")) {
    out << usage;
    return 0;
  }
  const std::string& c = args.command();
  if (c == "holidays") return cmd_holidays(args, out);
  if (c == "add") return cmd_add(args, out);
  if (c == "count") return cmd_count(args, out);
  if (c == "explain") return cmd_explain(args, out);
  if (c == "info") return cmd_info(args, out);
  if (c == "calendars") return cmd_calendars(args, out);
  throw UsageError("unknown command '" + c + "'");
}

}  // namespace chc::cli
