// SPDX-License-Identifier: MIT
#include "cli.hpp"

#include <chc/chc.h>

#include <boost/json.hpp>

#include "calendar/calendar_json.hpp"
#include "core/london_time.hpp"
#include "evaluate/evaluate_impl.hpp"

#include <chc/generator.hpp>

#include <chc/evaluate.hpp>
#include <chc/report.hpp>
#include <chc/rules.hpp>

#include <charconv>
#include <fstream>
#include <iostream>
#include <thread>
#include <sstream>

namespace chc::cli {

namespace {

// Options taking a value; every other --option is a flag.
const std::vector<std::string> valued = {"calendar", "calendar-file", "from", "to", "year", "as-of", "rules", "rules-file",
                                         "count", "seed", "homes", "homes-lcra", "homes-lcho", "evidence", "format",
                                         "output", "threads", "landlord", "extensions", "input-format"};

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
  report     TSM CH01/CH02, the annual performance figures and the Code self-assessment from a register
               chc report register.ndjson --homes 12000 --year 2025 --evidence evidence.json --format html -o report.html
               chc report register.csv --from 2025-04-01 --to 2025-09-30 --format csv
  generate   A synthetic complaint register (one case record per line) for trials and benchmarks
               chc generate --count 5000 --seed 7 --from 2024-04-01 --to 2026-03-31 --as-of 2026-04-30
  check      Evaluate a complaint (a case record, docs/case-format.md) under the Code
               chc check case.json --as-of 2025-03-20
               chc check case.json --rules hoc-2022 --json --explain
  rules      A rule set's deadlines and limits (hoc, hoc-2024, hoc-2022, spso)
               chc rules --rules spso
  provisions The Code's provisions, each with what can show compliance
               chc provisions --rules hoc-2024

Options:
  --calendar NAME       england-and-wales (the default), scotland or northern-ireland
  --calendar-file FILE  a calendar JSON file (a base division plus closures; see docs/calendars.md)
  --rules NAME          hoc (the default: 2024 or 2022 Code by the received date), hoc-2024, hoc-2022, spso
  --rules-file FILE     a landlord overlay JSON file (stricter targets, receipt policy; docs/evaluation.md)
  --as-of DATE          evaluate as of this day (default: today in Europe/London); - reads stdin for FILE
  --explain             with check: list the days each deadline skips
  --year Y              with report: the reporting year 1 April Y to 31 March Y+1 (also 2025/26)
  --homes N             with report: homes owned (CH01 per 1,000 homes); --homes-lcra, --homes-lcho
  --evidence FILE       with report: the landlord's evidence for the self-assessment (docs/reporting.md)
  --format F            with report: json (default), csv, html or text; -o FILE writes it to FILE
  --extensions R        with report: CH02 reading, compliant (default) or original (docs/reporting.md)
  --threads N           with report: threads evaluating cases (default: the machine's cores)
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

RuleSet rules_of(const Args& args) {
  const auto file = args.option("rules-file");
  const auto name = args.option("rules");
  if (file && name) throw UsageError("give --rules or --rules-file, not both");
  if (file) return RuleSet::from_json(read_file(*file));
  return RuleSet::builtin(name.value_or("hoc"));
}

std::string read_input(const std::string& path) {
  if (path != "-") return read_file(path);
  std::ostringstream text;
  text << std::cin.rdbuf();
  return text.str();
}

int cmd_check(const Args& args, std::ostream& out) {
  args.allow({"calendar", "calendar-file", "rules", "rules-file", "as-of", "json", "explain"});
  need_positional(args, 1, "check CASE.json [--as-of DATE] [--rules NAME]");
  const RuleSet rules = rules_of(args);
  std::optional<Calendar> cal;
  if (args.option("calendar") || args.option("calendar-file")) cal = calendar_of(args);
  const Date as_of = args.option("as-of") ? date_arg(*args.option("as-of"), "--as-of") : london_today();
  const std::string text = read_input(args.positional()[0]);
  if (args.flag("json")) {
    EvaluationJsonOptions options;
    options.explain = args.flag("explain");
    out << evaluate_json(rules, cal ? &*cal : nullptr, text, as_of, options) << "\n";
    return 0;
  }
  const Evaluation e = evaluate(rules, cal ? &*cal : nullptr, Case::parse(text), as_of);
  const std::string id = e.id_json.size() > 1 && e.id_json.front() == '"' ? std::string(boost::json::parse(e.id_json).as_string()) : e.id_json;
  out << "Complaint " << id << ": " << case_status_name(e.status) << " at stage " << e.stage << " (" << e.rules << ", "
      << e.calendar << ", as of " << e.as_of.iso() << ")\n";
  out << "Received " << e.received.iso() << "; day 0 " << e.day_zero.iso() << " (" << e.day_zero_rule << ")\n\nDeadlines:\n";
  for (const Deadline& d : e.deadlines) {
    out << "  " << padded(d.name, 24) << padded(d.provision, 14);
    if (!d.due) {
      out << "not started\n";
      continue;
    }
    out << "due " << day_label(*d.due) << (d.provisional ? " (provisional)" : "") << "  ";
    out << deadline_state_name(d.state);
    if (d.met) out << " on " << d.met->iso();
    if (d.working_days_remaining) out << ", " << *d.working_days_remaining << " working days left";
    if (d.extension_working_days) out << ", extended by " << d.extension_working_days;
    if (d.target) out << "; landlord target " << d.target->due.iso() << " " << deadline_state_name(d.target->state);
    out << "\n";
    if (args.flag("explain") && d.from) print_explanation(out, *e.used_calendar, *d.from, *d.due);
  }
  out << "\nFindings:\n";
  for (const Finding& f : e.findings) {
    out << "  " << padded(finding_result_name(f.result), 15) << padded(f.provision, 14) << f.message << "\n";
  }
  if (e.next_action) {
    const NextAction& a = *e.next_action;
    out << "\nNext action: " << a.action << " by " << day_label(a.due);
    if (!a.provision.empty()) out << " (" << a.provision << ")";
    out << (a.overdue ? ", overdue by " + std::to_string(-a.working_days_remaining) + " working days"
                      : ", " + std::to_string(a.working_days_remaining) + " working days left")
        << "\n";
  } else {
    out << "\nNext action: none due\n";
  }
  return 0;
}

int cmd_rules(const Args& args, std::ostream& out) {
  args.allow({"rules", "rules-file", "json"});
  need_positional(args, 0, "rules [--rules NAME | --rules-file FILE]");
  const RuleSet rules = rules_of(args);
  out << rules.info_json() << "\n";
  return 0;
}

int cmd_provisions(const Args& args, std::ostream& out) {
  args.allow({"rules", "rules-file", "json"});
  need_positional(args, 0, "provisions [--rules NAME]");
  const RuleSet rules = rules_of(args);
  if (args.flag("json")) {
    out << rules.provisions_json() << "\n";
    return 0;
  }
  for (const Provision& p : rules.provisions()) out << padded(p.id, 6) << padded(p.check, 10) << p.title << "\n";
  return 0;
}

int cmd_generate(const Args& args, std::ostream& out) {
  args.allow({"count", "seed", "from", "to", "as-of", "calendar"});
  need_positional(args, 0, "generate --count N [--seed S] [--from DATE --to DATE] [--as-of DATE]");
  CaseGeneratorOptions options;
  const int32_t count = int_arg(args.option("count").value_or("1000"), "--count");
  if (count < 0) throw UsageError("--count must not be negative");
  if (const auto s = args.option("seed")) options.seed = static_cast<uint64_t>(int_arg(*s, "--seed"));
  if (const auto f = args.option("from")) options.first_received = date_arg(*f, "--from");
  if (const auto t = args.option("to")) options.last_received = date_arg(*t, "--to");
  options.as_of = args.option("as-of") ? date_arg(*args.option("as-of"), "--as-of") : options.last_received + 30;
  if (options.last_received < options.first_received) throw UsageError("--to is before --from");
  if (const auto c = args.option("calendar")) options.calendar = *c;
  CaseGenerator gen(options);
  std::string line;
  for (int32_t i = 0; i < count; ++i) {
    line.clear();
    gen.next(line);
    out << line << '\n';
  }
  return 0;
}

int cmd_report(const Args& args, std::ostream& out) {
  args.allow({"calendar", "calendar-file", "rules", "rules-file", "year", "from", "to", "homes", "homes-lcra", "homes-lcho", "evidence",
              "format", "output", "threads", "landlord", "extensions", "input-format", "drill-down", "include-withdrawn",
              "exclude-withdrawn", "include-not-accepted"});
  need_positional(args, 1, "report REGISTER.ndjson|REGISTER.csv [--year Y | --from DATE --to DATE] [--homes N]");
  const RuleSet rules = rules_of(args);
  std::optional<Calendar> cal;
  if (args.option("calendar") || args.option("calendar-file")) cal = calendar_of(args);
  ReportOptions options;
  if (const auto year = args.option("year")) {
    if (args.option("from") || args.option("to")) throw UsageError("give --year or --from/--to, not both");
    options = reporting_year(int_arg(year->substr(0, year->find('/')), "--year"));
  } else if (args.option("from") && args.option("to")) {
    options.from = date_arg(*args.option("from"), "--from");
    options.to = date_arg(*args.option("to"), "--to");
  } else {
    throw UsageError("report needs --year or --from and --to");
  }
  auto count_arg = [&](const char* name) -> std::optional<int64_t> {
    const auto v = args.option(name);
    if (!v) return std::nullopt;
    const int32_t n = int_arg(*v, std::string("--") + name);
    if (n <= 0) throw UsageError(std::string("--") + name + " must be a positive number");
    return n;
  };
  options.homes = count_arg("homes");
  options.homes_lcra = count_arg("homes-lcra");
  options.homes_lcho = count_arg("homes-lcho");
  if (const auto e = args.option("evidence")) options.evidence_json = read_file(*e);
  if (const auto l = args.option("landlord")) options.landlord = *l;
  if (const auto x = args.option("extensions")) {
    if (*x != "compliant" && *x != "original") throw UsageError("--extensions is compliant or original");
    options.extensions_count_as_within = *x == "compliant";
  }
  options.drill_down = args.flag("drill-down");
  if (args.flag("exclude-withdrawn")) options.withdrawn_in_ch01 = false;
  if (args.flag("include-not-accepted")) options.not_accepted_in_ch01 = true;
  options.threads = std::max(1u, std::thread::hardware_concurrency());
  if (const auto t = args.option("threads")) options.threads = static_cast<unsigned>(std::max(1, int_arg(*t, "--threads")));
  const std::string format = args.option("format").value_or("json");
  if (format != "json" && format != "csv" && format != "html" && format != "text") throw UsageError("--format is json, csv, html or text");

  const std::string& path = args.positional()[0];
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) throw UsageError("cannot read '" + path + "'");
    in = &file;
  }
  const std::string input_format =
      args.option("input-format").value_or(path.size() > 4 && path.compare(path.size() - 4, 4, ".csv") == 0 ? "csv" : "ndjson");
  Report report(rules, cal ? &*cal : nullptr, options);
  if (input_format == "csv") report.add_csv(*in);
  else if (input_format == "ndjson") report.add_ndjson(*in);
  else throw UsageError("--input-format is ndjson or csv");
  report.finish();
  const std::string text = format == "html" ? report.html() : format == "csv" ? report.csv() : format == "text" ? report.text() : report.json() + "\n";
  if (const auto o = args.option("output")) {
    std::ofstream file_out(*o, std::ios::binary);
    if (!file_out || !(file_out << text)) throw UsageError("cannot write '" + *o + "'");
    std::cerr << "chc: " << report.cases_accepted() << " cases read, " << report.cases_rejected() << " rejected; wrote " << *o << "\n";
  } else {
    out << text;
  }
  return report.cases_accepted() == 0 && report.cases_rejected() > 0 ? 2 : 0;
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
    if (w == "-o") {
      if (i + 1 >= words.size()) throw UsageError("-o needs a value");
      options_.emplace_back("output", words[++i]);
      continue;
    }
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
  if (c == "check") return cmd_check(args, out);
  if (c == "generate") return cmd_generate(args, out);
  if (c == "report") return cmd_report(args, out);
  if (c == "rules") return cmd_rules(args, out);
  if (c == "provisions") return cmd_provisions(args, out);
  throw UsageError("unknown command '" + c + "'");
}

}  // namespace chc::cli
