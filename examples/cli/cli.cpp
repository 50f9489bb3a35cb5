// SPDX-License-Identifier: MIT
// Argument parsing and the commands. Every answer comes from the public API;
// every JSON answer is the library's own text.
#include "cli.hpp"

#include <chc/calendar.hpp>
#include <chc/chc.h>
#include <chc/error.hpp>
#include <chc/evaluate.hpp>
#include <chc/generator.hpp>
#include <chc/near_miss.hpp>
#include <chc/report.hpp>
#include <chc/rules.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace chc::cli {

namespace {

// --- names --------------------------------------------------------------------

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// "a, b or c"
template <class Strings>
std::string listing(const Strings& items, std::string_view last_joint = " or ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += i == 0 ? "" : i + 1 == items.size() ? std::string(last_joint) : ", ";
    out += items[i];
  }
  return out;
}

// `word` as one of `known`: itself, or the only one it matches ignoring letter
// case ("Scotland"). Otherwise an error naming what was meant (chc::near_miss)
// or listing what there is.
template <class Failure, class Strings>
std::string resolve_name(std::string_view word, const Strings& known, const std::string& unknown_what) {
  std::vector<std::string_view> views(known.begin(), known.end());
  if (std::find(views.begin(), views.end(), word) != views.end()) return std::string(word);
  std::vector<std::string_view> same_letters;
  for (const std::string_view k : views) {
    if (lower(k) == lower(word)) same_letters.push_back(k);
  }
  if (same_letters.size() == 1) return std::string(same_letters.front());
  if (const auto meant = near_miss(word, views)) throw Failure(unknown_what + " " + did_you_mean(word, *meant));
  throw Failure(unknown_what + " \"" + std::string(word) + "\" (" + listing(views) + ")");
}

struct NameError : Error {
  explicit NameError(const std::string& message) : Error(Errc::unknown_name, message) {}
};

const OptionSpec* option_in(const std::vector<OptionSpec>& options, std::string_view name) {
  for (const OptionSpec& o : options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

// The option of this name in any command (the table gives each name one
// meaning of "takes a value"), or a global one.
const OptionSpec* any_option(std::string_view name) {
  if (const OptionSpec* g = option_in(global_options(), name)) return g;
  for (const CommandSpec& c : commands()) {
    if (const OptionSpec* o = option_in(c.options, name)) return o;
  }
  return nullptr;
}

const OptionSpec* short_option(char letter) {
  for (const OptionSpec& g : global_options()) {
    if (g.short_name == letter) return &g;
  }
  for (const CommandSpec& c : commands()) {
    for (const OptionSpec& o : c.options) {
      if (o.short_name == letter) return &o;
    }
  }
  return nullptr;
}

const OptionSpec* command_option(const CommandSpec& command, std::string_view name) {
  if (const OptionSpec* o = option_in(command.options, name)) return o;
  return option_in(global_options(), name);
}

// --- files ----------------------------------------------------------------------

std::string system_reason(int error) { return std::strerror(error); }

std::string read_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw FileError("cannot read '" + path + "': " + system_reason(errno));
  std::string text;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
  const int error = std::ferror(f) ? errno : 0;
  std::fclose(f);
  if (error) throw FileError("cannot read '" + path + "': " + system_reason(error));
  return text;
}

// A file, or standard input for "-".
std::string read_input(const std::string& path) {
  if (path != "-") return read_file(path);
  std::ostringstream text;
  text << std::cin.rdbuf();
  return text.str();
}

void open_input(const std::string& path, std::ifstream& file) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw FileError("cannot read '" + path + "': " + system_reason(EISDIR));
  errno = 0;
  file.open(path, std::ios::binary);
  if (!file) throw FileError("cannot read '" + path + "': " + system_reason(errno ? errno : ENOENT));
}

// Writes `text` to `path` whole or not at all: into a sibling file, renamed over `path` once complete.
void write_file(const std::string& path, const std::string& text) {
  const std::string partial = path + ".partial";
  std::FILE* f = std::fopen(partial.c_str(), "wb");
  if (!f) throw FileError("cannot write '" + path + "': " + system_reason(errno));
  int error = std::fwrite(text.data(), 1, text.size(), f) == text.size() ? 0 : errno;
  if (std::fclose(f) != 0 && error == 0) error = errno;
  if (error == 0 && std::rename(partial.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    std::remove(partial.c_str());
    throw FileError("cannot write '" + path + "': " + system_reason(error));
  }
}

// --- warnings and --strict ------------------------------------------------------

// The one place --strict is read. Every reader that can warn takes its answer.
Strict strictness(const Args& args) { return args.flag("strict") ? Strict::yes : Strict::no; }

// Warnings about input chc could read but may have misread, each on standard
// error (under --strict the library has made the first one an error instead).
void warn(Io& io, const std::string& where, const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) io.err << "chc: warning: " << where << ": " << w << '\n';
}

// --- arguments ------------------------------------------------------------------

Date date_arg(const std::string& text, const std::string& what) {
  try {
    return Date::parse(text);
  } catch (const Error& e) {
    throw Error(e.code(), what + ": " + e.what());
  }
}

template <class Int>
Int number_arg(const std::string& text, const std::string& what) {
  Int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) {
    throw Error(Errc::overflow, what + ": " + text + " does not fit in " + std::to_string(sizeof(Int) * 8) + " bits");
  }
  if (ec != std::errc() || end != text.data() + text.size()) throw UsageError(what + ": '" + text + "' is not a whole number");
  return value;
}

int32_t int_arg(const std::string& text, const std::string& what) { return number_arg<int32_t>(text, what); }

std::optional<int32_t> positive_arg(const Args& args, std::string_view name) {
  const auto v = args.option(name);
  if (!v) return std::nullopt;
  const std::string what = "--" + std::string(name);
  const int32_t n = int_arg(*v, what);
  if (n <= 0) throw UsageError(what + " must be a positive number, not " + *v);
  return n;
}

std::optional<Date> date_option(const Args& args, std::string_view name) {
  const auto v = args.option(name);
  return v ? std::optional<Date>(date_arg(*v, "--" + std::string(name))) : std::nullopt;
}

void need_one_of(const Args& args, const char* a, const char* b) {
  if (args.option(a) && args.option(b)) throw UsageError(std::string("give --") + a + " or --" + b + ", not both");
}

// --calendar NAME or --calendar-file FILE, when either is given.
std::optional<Calendar> chosen_calendar(const Args& args, Io& io) {
  need_one_of(args, "calendar", "calendar-file");
  if (const auto file = args.option("calendar-file")) {
    const std::string text = read_file(*file);
    try {
      Calendar cal = Calendar::from_json(text, strictness(args));
      warn(io, *file, cal.info().warnings);
      return cal;
    } catch (const Error& e) {
      throw Error(e.code(), *file + ": " + e.what());
    }
  }
  if (const auto name = args.option("calendar")) {
    return Calendar::builtin(resolve_name<NameError>(*name, Calendar::builtin_names(), "unknown calendar"));
  }
  return std::nullopt;
}

Calendar calendar_of(const Args& args, Io& io) {
  if (auto cal = chosen_calendar(args, io)) return *std::move(cal);
  return Calendar::builtin("england-and-wales");
}

RuleSet rules_of(const Args& args) {
  need_one_of(args, "rules", "rules-file");
  // An overlay or rule set with any key chc does not know is refused outright, so it has no warnings to print.
  if (const auto file = args.option("rules-file")) return RuleSet::from_json(read_file(*file));
  return RuleSet::builtin(resolve_name<NameError>(args.option("rules").value_or("hoc"), RuleSet::builtin_names(), "unknown rule set"));
}

// --- text -------------------------------------------------------------------------

std::string plural(int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 || n == -1 ? one : many);
}

std::string working_days(int64_t n) { return plural(n, "working day", "working days"); }

// "3 working days left", "due today", "95 working days overdue".
std::string time_left(int32_t remaining, bool overdue) {
  if (overdue) return remaining < 0 ? working_days(-static_cast<int64_t>(remaining)) + " overdue" : "overdue";
  return remaining <= 0 ? "due today" : working_days(remaining) + " left";
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

// A case id for people: a plain string without its quotes, anything else as the JSON it is.
std::string shown_id(const std::string& id_json) {
  const bool plain = id_json.size() >= 2 && id_json.front() == '"' && id_json.back() == '"' &&
                     id_json.find('\\') == std::string::npos;
  return plain ? id_json.substr(1, id_json.size() - 2) : id_json;
}

// The report format a file name implies, if its extension names one.
std::optional<std::string> format_of_file(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  const auto dot = name.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  const std::string ext = lower(name.substr(dot + 1));
  if (ext == "html" || ext == "htm") return "html";
  if (ext == "csv" || ext == "json") return ext;
  if (ext == "txt") return "text";
  return std::nullopt;
}

}  // namespace

// --- Args ---------------------------------------------------------------------------

Args::Args(int argc, char** argv) {
  std::vector<std::string> words;
  for (int i = 1; i < argc; ++i) words.emplace_back(argv[i]);
  parse(std::move(words));
}

Args::Args(std::vector<std::string> words) { parse(std::move(words)); }

void Args::parse(std::vector<std::string> words) {
  bool options_end = false;
  auto value_for = [&](std::size_t& i, const OptionSpec& spec, const std::string& given) {
    if (i + 1 >= words.size()) throw UsageError(given + " needs a value (" + std::string(spec.value) + ")");
    return words[++i];
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const bool dashed = !options_end && w.size() > 1 && w[0] == '-' && !(w[1] >= '0' && w[1] <= '9');
    if (!dashed) {
      if (command_.empty()) {
        command_ = w;
      } else {
        positional_.push_back(w);
      }
      continue;
    }
    if (w == "--") {
      options_end = true;
    } else if (w[1] == '-') {
      std::string name = w.substr(2);
      std::optional<std::string> value;
      if (const auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name.resize(eq);
      } else if (const OptionSpec* spec = any_option(name); spec && !spec->value.empty()) {
        value = value_for(i, *spec, w);
      }
      options_.emplace_back(std::move(name), std::move(value));
    } else if (const OptionSpec* spec = short_option(w[1]); spec && (w.size() == 2 || !spec->value.empty())) {
      std::optional<std::string> value;
      if (!spec->value.empty()) value = w.size() > 2 ? w.substr(2) : value_for(i, *spec, w);
      options_.emplace_back(std::string(spec->name), std::move(value));
    } else if (any_option(w.substr(1))) {
      throw UsageError("unknown option " + did_you_mean(w, "-" + w));
    } else {
      throw UsageError("unknown option \"" + w + "\"");
    }
  }
}

std::optional<std::string> Args::option(std::string_view name) const {
  for (const auto& [n, v] : options_) {
    if (n != name) continue;
    if (!v) throw UsageError("--" + n + " needs a value");
    // An option with a few values: the one given, in its own spelling.
    const CommandSpec* command = find_command(lower(command_));
    const OptionSpec* spec = command ? command_option(*command, name) : nullptr;
    if (spec && !spec->choices.empty()) return resolve_name<UsageError>(*v, spec->choices, "--" + n + ": unknown value");
    return v;
  }
  return std::nullopt;
}

bool Args::flag(std::string_view name) const {
  return std::any_of(options_.begin(), options_.end(), [&](const auto& o) { return o.first == name; });
}

void Args::check(const CommandSpec& command) const {
  const std::string who = std::string(command.name);
  for (std::size_t i = 0; i < options_.size(); ++i) {
    const auto& [name, value] = options_[i];
    const OptionSpec* spec = command_option(command, name);
    if (!spec) {
      std::vector<std::string_view> known;
      for (const auto* list : {&command.options, &global_options()}) {
        for (const OptionSpec& o : *list) known.push_back(o.name);
      }
      if (const auto meant = near_miss(name, known)) {
        throw UsageError(who + ": unknown option " + did_you_mean("--" + name, "--" + *meant));
      }
      std::vector<std::string> others;
      for (const CommandSpec& c : commands()) {
        if (option_in(c.options, name)) others.emplace_back(c.name);
      }
      throw UsageError(who + ": unknown option \"--" + name + "\"" +
                       (others.empty() ? "" : " (an option of " + listing(others, " and ") + ")"));
    }
    if (spec->value.empty() && value) throw UsageError("--" + name + " takes no value");
    for (std::size_t j = 0; j < i; ++j) {
      if (options_[j].first == name) throw UsageError("--" + name + " is given twice");
    }
    if (!spec->choices.empty()) option(name);  // throws for a value it does not take
  }
  std::size_t required = 0;
  for (const OperandSpec& o : command.operands) required += o.name.front() != '[';
  if (positional_.size() < required || positional_.size() > command.operands.size()) {
    throw UsageError("usage: chc " + std::string(command.synopsis));
  }
}

// --- the commands -------------------------------------------------------------------

int cmd_holidays(const Args& args, Io& io) {
  const Calendar cal = calendar_of(args, io);
  Date from, to;
  if (const auto year = args.option("year")) {
    if (args.option("from") || args.option("to")) throw UsageError("give --year or --from and --to, not both");
    const int32_t y = int_arg(*year, "--year");
    from = Date::from_ymd(y, 1, 1);
    to = Date::from_ymd(y, 12, 31);
  } else {
    const auto f = date_option(args, "from"), t = date_option(args, "to");
    if (!f || !t) throw UsageError("holidays needs --from and --to, or --year");
    from = *f;
    to = *t;
  }
  if (args.flag("json")) {
    io.out << holidays_json(cal, from, to) << "\n";
    return 0;
  }
  const auto list = cal.holidays(from, to);
  io.out << cal.name() << ": " << plural(static_cast<int64_t>(list.size()), "bank holiday or closure", "bank holidays and closures")
         << " from " << from.iso() << " to " << to.iso() << " (data " << cal.data_version() << ")\n";
  for (const Holiday& h : list) {
    io.out << "  " << day_label(h.date) << "  " << padded(h.name, 46) << day_kind_name(h.kind);
    if (h.substitute_for) io.out << " for " << h.substitute_for->iso();
    io.out << "\n";
  }
  return 0;
}

int cmd_add(const Args& args, Io& io) {
  const Calendar cal = calendar_of(args, io);
  const Date start = date_arg(args.positional()[0], "DATE");
  const int32_t n = int_arg(args.positional()[1], "N");
  if (args.flag("json")) {
    if (args.flag("explain")) throw UsageError("--explain has no JSON form here: chc explain DATE RESULT --json lists the days skipped");
    io.out << add_working_days_json(cal, start, n) << "\n";
    return 0;
  }
  const Date due = cal.add_working_days(start, n);
  io.out << due.iso() << "\n";
  if (args.flag("explain")) {
    io.out << working_days(n < 0 ? -static_cast<int64_t>(n) : n) << (n < 0 ? " before " : " after ") << day_label(start) << " on "
           << cal.name() << " is " << day_label(due) << "; skipped:\n";
    print_explanation(io.out, cal, std::min(start, due), std::max(start, due));
  }
  return 0;
}

int cmd_count(const Args& args, Io& io) {
  const Calendar cal = calendar_of(args, io);
  const Date from = date_arg(args.positional()[0], "FROM");
  const Date to = date_arg(args.positional()[1], "TO");
  if (args.flag("json")) {
    io.out << count_working_days_json(cal, from, to) << "\n";
  } else {
    io.out << cal.count_working_days(from, to) << "\n";
  }
  return 0;
}

int cmd_explain(const Args& args, Io& io) {
  const Calendar cal = calendar_of(args, io);
  const Date from = date_arg(args.positional()[0], "FROM");
  const Date to = date_arg(args.positional()[1], "TO");
  if (args.flag("json")) {
    io.out << explain_json(cal, from, to) << "\n";
    return 0;
  }
  io.out << cal.name() << ": " << working_days(cal.count_working_days(from, to)) << " after " << day_label(from) << " up to "
         << day_label(to) << "; non-working days skipped:\n";
  print_explanation(io.out, cal, from, to);
  return 0;
}

int cmd_info(const Args& args, Io& io) {
  const Calendar cal = calendar_of(args, io);
  if (args.flag("json")) {
    io.out << calendar_info_json(cal) << "\n";
    return 0;
  }
  const CalendarInfo info = cal.info();
  io.out << "calendar:         " << info.name << "\nbase division:    " << info.base << "\ndata version:     " << info.data_version
         << "\nofficial through: " << info.official_through.iso() << "\nsupported range:  " << info.first_day.iso() << " to "
         << info.last_day.iso() << "\nwarnings:         "
         << (info.warnings.empty() ? "none" : std::to_string(info.warnings.size()) + " (on standard error)") << "\n";
  return 0;
}

int cmd_calendars(const Args&, Io& io) {
  for (const auto& name : Calendar::builtin_names()) io.out << name << "\n";
  return 0;
}

int cmd_check(const Args& args, Io& io) {
  const RuleSet rules = rules_of(args);
  const std::optional<Calendar> cal = chosen_calendar(args, io);
  const Date as_of = date_option(args, "as-of").value_or(london_today());
  const std::string text = read_input(args.positional()[0]);
  const std::string source = args.positional()[0] == "-" ? std::string("standard input") : args.positional()[0];
  if (args.flag("json")) {
    EvaluationJsonOptions options;
    options.explain = args.flag("explain");
    options.strict = strictness(args);
    io.out << evaluate_json(rules, cal ? &*cal : nullptr, text, as_of, options) << "\n";  // its "warnings" say what stderr would
    return 0;
  }
  const Evaluation e = evaluate(rules, cal ? &*cal : nullptr, Case::parse(text), as_of, strictness(args));
  warn(io, source, e.warnings);
  std::ostream& out = io.out;
  out << "Complaint " << shown_id(e.id_json) << ": " << case_status_name(e.status) << " at stage " << e.stage << " (" << e.rules
      << ", " << e.calendar << ", as of " << e.as_of.iso() << ")\n";
  out << "Received " << e.received.iso() << "; day 0 " << e.day_zero.iso() << " (" << e.day_zero_rule << ")\n\nDeadlines:\n";
  for (const Deadline& d : e.deadlines) {
    out << "  " << padded(d.name, 24) << padded(d.provision, 14);
    if (!d.due) {
      out << "not started\n";
      continue;
    }
    out << "due " << day_label(*d.due) << (d.provisional ? " (provisional)" : "") << "  " << deadline_state_name(d.state);
    if (d.met) out << " on " << d.met->iso();
    if (d.working_days_remaining) out << ", " << time_left(*d.working_days_remaining, d.state == DeadlineState::overdue);
    if (d.extension_working_days) out << ", extended by " << working_days(d.extension_working_days);
    if (d.target) out << "; landlord target " << d.target->due.iso() << " " << deadline_state_name(d.target->state);
    out << "\n";
    if (args.flag("explain") && d.from) print_explanation(out, *e.used_calendar, *d.from, *d.due);
  }
  out << "\nFindings:\n";
  for (const Finding& f : e.findings) out << "  " << padded(finding_result_name(f.result), 15) << padded(f.provision, 14) << f.message << "\n";
  if (e.next_action) {
    const NextAction& a = *e.next_action;
    out << "\nNext action: " << a.action << " by " << day_label(a.due);
    if (!a.provision.empty()) out << " (" << a.provision << ")";
    out << ", " << time_left(a.working_days_remaining, a.overdue) << "\n";
  } else {
    out << "\nNext action: none due\n";
  }
  return 0;
}

int cmd_rules(const Args& args, Io& io) {
  io.out << rules_of(args).info_json() << "\n";
  return 0;
}

int cmd_provisions(const Args& args, Io& io) {
  const RuleSet rules = rules_of(args);
  if (args.flag("json")) {
    io.out << rules.provisions_json() << "\n";
    return 0;
  }
  for (const Provision& p : rules.provisions()) io.out << padded(p.id, 6) << padded(p.check, 10) << p.title << "\n";
  return 0;
}

int cmd_generate(const Args& args, Io& io) {
  CaseGeneratorOptions options;
  const int32_t count = int_arg(args.option("count").value_or("1000"), "--count");
  if (count < 0) throw UsageError("--count must not be negative");
  if (const auto s = args.option("seed")) options.seed = number_arg<uint64_t>(*s, "--seed");
  if (const auto f = date_option(args, "from")) options.first_received = *f;
  if (const auto t = date_option(args, "to")) options.last_received = *t;
  if (options.last_received < options.first_received) throw UsageError("--to is before --from");
  options.as_of = date_option(args, "as-of").value_or(options.last_received + 30);
  if (const auto c = args.option("calendar")) options.calendar = resolve_name<NameError>(*c, Calendar::builtin_names(), "unknown calendar");
  CaseGenerator generator(options);
  std::string line;
  for (int32_t i = 0; i < count; ++i) {
    line.clear();
    generator.next(line);
    io.out << line << '\n';
  }
  return 0;
}

int cmd_report(const Args& args, Io& io) {
  const RuleSet rules = rules_of(args);
  const std::optional<Calendar> cal = chosen_calendar(args, io);
  ReportOptions options;
  if (const auto year = args.option("year")) {
    if (args.option("from") || args.option("to")) throw UsageError("give --year or --from and --to, not both");
    const auto slash = year->find('/');
    const int32_t first = int_arg(year->substr(0, slash), "--year");
    if (slash != std::string::npos) {
      const std::string second = year->substr(slash + 1);
      const bool next = (second.size() == 2 && int_arg(second, "--year") == (first + 1) % 100) ||
                        (second.size() == 4 && int_arg(second, "--year") == first + 1);
      if (!next) throw UsageError("--year: '" + *year + "' is not a reporting year (write " + std::to_string(first) + " or " +
                                  std::to_string(first) + "/" + std::to_string((first + 1) % 100) + ")");
    }
    options = reporting_year(first);
  } else {
    const auto from = date_option(args, "from"), to = date_option(args, "to");
    if (!from || !to) throw UsageError("report needs --year, or --from and --to");
    options.from = *from;
    options.to = *to;
  }
  options.homes = positive_arg(args, "homes");
  options.homes_lcra = positive_arg(args, "homes-lcra");
  options.homes_lcho = positive_arg(args, "homes-lcho");
  if (const auto e = args.option("evidence")) options.evidence_json = read_file(*e);
  if (const auto l = args.option("landlord")) options.landlord = *l;
  if (const auto x = args.option("extensions")) options.extensions_count_as_within = *x == "compliant";
  options.drill_down = args.flag("drill-down");
  options.strict = strictness(args);
  if (args.flag("exclude-withdrawn")) options.withdrawn_in_ch01 = false;
  if (args.flag("include-not-accepted")) options.not_accepted_in_ch01 = true;
  options.threads = std::max(1u, std::thread::hardware_concurrency());
  if (const auto t = positive_arg(args, "threads")) options.threads = static_cast<unsigned>(*t);

  // The output's format: --format, or the extension of -o FILE; never two answers.
  const auto output = args.option("output");
  std::optional<std::string> format = args.option("format");
  if (output && *output != "-") {
    if (const auto implied = format_of_file(*output)) {
      if (format && *format != *implied) {
        throw UsageError("--format " + *format + " contradicts -o " + *output + ", whose name says " + *implied +
                         ": drop --format or rename the file");
      }
      format = implied;
    }
  }
  const std::string& path = args.positional()[0];
  const std::string input_format =
      args.option("input-format").value_or(path != "-" && format_of_file(path) == std::optional<std::string>("csv") ? "csv" : "ndjson");

  std::ifstream file;
  if (path != "-") open_input(path, file);
  std::istream& in = path == "-" ? std::cin : file;
  Report report(rules, cal ? &*cal : nullptr, options);
  if (input_format == "csv") {
    report.add_csv(in);
  } else {
    report.add_ndjson(in);
  }
  if (in.bad()) throw FileError("cannot read '" + path + "': " + system_reason(errno ? errno : EIO));
  report.finish();

  // The report's own counts: it reads every line it is given as one case, accepted or rejected.
  const uint64_t accepted = report.cases_accepted(), rejected = report.cases_rejected(), read = report.cases_read();
  warn(io, path == "-" ? std::string("standard input") : path, report.warnings());
  if (rejected > 0) {
    const std::string w = plural(static_cast<int64_t>(rejected), "case", "cases") + " of " + std::to_string(read) +
                          " could not be read; the report lists each with its line and reason";
    if (strictness(args) == Strict::yes) throw Error(Errc::schema, path + ": " + w + " (--strict makes this warning an error)");
    warn(io, path, {w});
  }
  const std::string f = format.value_or("json");
  const std::string text = f == "html" ? report.html() : f == "csv" ? report.csv() : f == "text" ? report.text() : report.json() + "\n";
  if (output && *output != "-") {
    write_file(*output, text);
    io.err << "chc: " << plural(static_cast<int64_t>(read), "case", "cases") << " read, " << accepted << " accepted, " << rejected
           << " rejected; wrote " << *output << "\n";
  } else {
    io.out << text;
  }
  return accepted == 0 && rejected > 0 ? 2 : 0;
}

int cmd_help(const Args& args, Io& io) {
  if (args.flag("man")) {
    if (!args.positional().empty()) throw UsageError("--man prints the whole manual page: give no command");
    print_man_page(io.out);
  } else if (args.positional().empty()) {
    print_overview(io.out);
  } else {
    std::vector<std::string_view> names;
    for (const CommandSpec& c : commands()) names.push_back(c.name);
    print_command_help(io.out, *find_command(resolve_name<UsageError>(args.positional()[0], names, "unknown command")));
  }
  return 0;
}

int run(const Args& args, Io& io) {
  if (args.flag("version")) {
    io.out << "chc " << chc_version() << " (ABI " << chc_abi_version() << ")\n";
    return 0;
  }
  if (args.command().empty()) {
    if (args.flag("help")) {
      print_overview(io.out);
      return 0;
    }
    if (args.option_count() > 0) throw UsageError("no command given: the options follow a command, as in chc add 2024-12-20 5 --calendar scotland");
    print_overview(io.out);
    return 2;
  }
  std::vector<std::string_view> names;
  for (const CommandSpec& c : commands()) names.push_back(c.name);
  const CommandSpec& command = *find_command(resolve_name<UsageError>(args.command(), names, "unknown command"));
  if (args.flag("help")) {
    print_command_help(io.out, command);
    return 0;
  }
  args.check(command);
  return command.run(args, io);
}

}  // namespace chc::cli
