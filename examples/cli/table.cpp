// SPDX-License-Identifier: MIT
// The command table: every command, operand, option and example of chc, with
// its help. Help, the manual page and the option checks are all made from it.
// Plain ASCII, so the manual page renders anywhere.
#include "cli.hpp"

#include <chc/error.hpp>

#include <string>

namespace chc::cli {

const char* const program_summary = "UK social-housing complaint rules from the command line";

const char* const program_description =
    "chc encodes the rules UK social landlords follow when they handle complaints: the Housing Ombudsman's "
    "Complaint Handling Code (2024 and 2022), the SPSO model procedure, and the bank-holiday calendars of "
    "England and Wales, Scotland and Northern Ireland. The chc command answers from the same library a CRM "
    "embeds: working-day deadlines and why they fall where they do, one complaint's standing under the Code, "
    "and a year's published figures from a complaint register.\n\n"
    "Dates are written YYYY-MM-DD. A working-day deadline counts the event day as day 0: \"within N working "
    "days\" means on or before the N-th working day strictly after it. Every command prints text for people or, "
    "with --json, the JSON the C API returns. Errors go to standard error as one line starting \"chc: \", "
    "warnings as lines starting \"chc: warning: \".";

const char* const exit_status_text =
    "0 on success. 2 for bad input or a mistake in how chc was called (the message says what, and where), "
    "for a warning under --strict, and for a report in which no case could be read. 3 for an internal "
    "error: a bug in chc, to be reported.";

const char* const environment_text =
    "chc reads no environment variables. Today (the default --as-of of check) is the date in Europe/London, "
    "whatever TZ says, by ICU's time-zone data.";

const char* const see_also_text =
    "The documentation installed beside the library (share/doc/chc): README.md; docs/calendars.md (calendar "
    "files), docs/case-format.md (case records), docs/evaluation.md (deadlines and findings), docs/reporting.md "
    "(registers, reports and their options), docs/bad-input.md (errors and warnings). The C API is "
    "include/chc/chc.h, the C++ API include/chc/*.hpp.";

namespace {

const OptionSpec calendar{"calendar", "NAME",
                          "a built-in calendar: england-and-wales (the default), scotland or northern-ireland "
                          "(chc calendars lists them; case does not matter)"};
const OptionSpec calendar_for_cases{"calendar", "NAME",
                                    "a built-in calendar for every case (default: each case's \"calendar\" field, "
                                    "else the rule set's: england-and-wales for hoc, scotland for spso)"};
const OptionSpec calendar_file{"calendar-file", "FILE",
                               "a calendar JSON file: a base division plus the landlord's closures, removed days, "
                               "working week or a GOV.UK import (docs/calendars.md); its warnings go to standard error"};
const OptionSpec rules{"rules", "NAME",
                       "a built-in rule set: hoc (the default: the 2024 or 2022 Code by the received date), "
                       "hoc-2024, hoc-2022 or spso"};
const OptionSpec rules_file{"rules-file", "FILE",
                            "a landlord overlay JSON file: stricter targets and a receipt policy on a base rule set "
                            "(docs/evaluation.md)"};

std::vector<OptionSpec> calendar_options(std::vector<OptionSpec> more) {
  std::vector<OptionSpec> all = {calendar, calendar_file};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

const std::vector<CommandSpec> table = {
    {
        .name = "holidays",
        .synopsis = "holidays (--year YEAR | --from DATE --to DATE) [--calendar NAME | --calendar-file FILE] [--json]",
        .summary = "Bank holidays and closures in a date range",
        .description = "Lists the bank holidays, and a landlord calendar's closures, on the days from the first to the "
                       "last inclusive, each with its kind: standing (on its usual date), substitute (moved off a "
                       "weekend, with the date it replaces), one_off or landlord_closure. Weekends are not listed: "
                       "chc explain gives every non-working day.",
        .options = calendar_options({
            {"year", "YEAR", "the calendar year YEAR, 1 January to 31 December"},
            {"from", "DATE", "the first day of the range (with --to)"},
            {"to", "DATE", "the last day of the range, inclusive"},
            {"json", "", "print {calendar, data_version, from, to, holidays: [...]} as JSON"},
        }),
        .examples = {{"holidays --calendar scotland --from 2026-01-01 --to 2026-12-31",
                      "Scotland's bank holidays in 2026, the World Cup bank holiday of 15 June among them"},
                     {"holidays --year 2027 --json", "England and Wales in 2027, as JSON"}},
        .run = cmd_holidays,
    },
    {
        .name = "add",
        .synopsis = "add DATE N [--calendar NAME | --calendar-file FILE] [--explain | --json]",
        .summary = "The working day N working days after DATE (DATE is day 0)",
        .description = "Prints the N-th working day strictly after DATE, whatever DATE is: a complaint received on "
                       "Friday 20 December 2024 with 5 working days to acknowledge it is due on Tuesday 31 December "
                       "2024. A negative N counts back; N = 0 gives DATE when it is a working day, else the next one.",
        .operands = {{"DATE", "the event day, day 0"}, {"N", "working days: a whole number, negative to count back"}},
        .options = calendar_options({
            {"explain", "", "also list every non-working day skipped, and why"},
            {"json", "", "print {calendar, data_version, start, n, result} as JSON"},
        }),
        .examples = {{"add 2024-12-20 5", "2024-12-31: Christmas Day, Boxing Day and two weekends are skipped"},
                     {"add 2024-12-31 10 --calendar scotland --explain",
                      "2025-01-16, and the days skipped, 2 January (a Scottish bank holiday) among them"}},
        .run = cmd_add,
    },
    {
        .name = "count",
        .synopsis = "count FROM TO [--calendar NAME | --calendar-file FILE] [--json]",
        .summary = "Working days d with FROM < d <= TO",
        .description = "Counts the working days after FROM up to and including TO: the count a deadline uses, so "
                       "that counting from DATE to chc add DATE N gives N. Negative when TO is before FROM.",
        .operands = {{"FROM", "the day counted from (day 0, not itself counted)"}, {"TO", "the last day counted"}},
        .options = calendar_options({{"json", "", "print {calendar, data_version, from, to, working_days} as JSON"}}),
        .examples = {{"count 2024-12-20 2024-12-31", "5"},
                     {"count 2025-04-14 2025-04-25", "7: Good Friday and Easter Monday are not working days"}},
        .run = cmd_count,
    },
    {
        .name = "explain",
        .synopsis = "explain FROM TO [--calendar NAME | --calendar-file FILE] [--json]",
        .summary = "Every non-working day in (FROM, TO] and why it is skipped",
        .description = "Lists each day after FROM, up to and including TO, that is not a working day, with every "
                       "reason for it (a landlord's closure can fall on a bank holiday), and the number of working "
                       "days in the range.",
        .operands = {{"FROM", "the day counted from"}, {"TO", "the last day"}},
        .options = calendar_options({{"json", "", "print {calendar, data_version, from, to, working_days, skipped: [...]} as JSON"}}),
        .examples = {{"explain 2024-12-20 2024-12-31 --calendar northern-ireland",
                      "the weekends, Christmas Day and Boxing Day, each with its source"}},
        .run = cmd_explain,
    },
    {
        .name = "info",
        .synopsis = "info [--calendar NAME | --calendar-file FILE] [--json]",
        .summary = "A calendar's data version and coverage",
        .description = "Shows a calendar's name, base division, data version (stamp it on any deadline you store), "
                       "the last day official data covers and the supported range. A calendar file's warnings go to "
                       "standard error, as for every command, and are listed in the JSON.",
        .options = calendar_options({{"json", "", "print the calendar's information and warnings as JSON"}}),
        .examples = {{"info --calendar scotland", "official data through 2028-12-31"},
                     {"info --calendar-file landlord.json --strict", "fails if the file draws any warning"}},
        .run = cmd_info,
    },
    {
        .name = "calendars",
        .synopsis = "calendars",
        .summary = "The built-in calendars",
        .description = "Prints the names --calendar takes, one a line.",
        .examples = {{"calendars", "england-and-wales, scotland and northern-ireland"}},
        .run = cmd_calendars,
    },
    {
        .name = "check",
        .synopsis = "check CASE [--as-of DATE] [--rules NAME | --rules-file FILE] [--calendar NAME | --calendar-file FILE] "
                    "[--explain] [--json]",
        .summary = "Where a complaint stands under the Code",
        .description = "Evaluates one complaint's case record (docs/case-format.md) as of a day: its status and "
                       "stage, every deadline with the provision it comes from, each provision met or broken with a "
                       "one-line reason, inconsistencies in the log, and the next action due. Events after that day "
                       "are left out.",
        .operands = {{"CASE", "a case record (a JSON file), or - for standard input"}},
        .options = {{"as-of", "DATE", "the day to evaluate as of (default: today in Europe/London)"},
                    rules,
                    rules_file,
                    calendar_for_cases,
                    calendar_file,
                    {"explain", "", "also list the days each deadline skips"},
                    {"json", "", "print the evaluation as JSON (docs/evaluation.md): the text of the C API's chc_evaluate"}},
        .examples = {{"check examples/data/complaint.json --as-of 2025-05-01",
                      "awaiting the stage 2 response, due 2025-05-22, 14 working days left"},
                     {"check case.json --rules hoc-2022 --json --explain", "under the 2022 Code, as JSON with the skipped days"},
                     {"check - --as-of 2025-03-20 < case.json", "the case record on standard input"}},
        .run = cmd_check,
    },
    {
        .name = "rules",
        .synopsis = "rules [--rules NAME | --rules-file FILE] [--json]",
        .summary = "A rule set's deadlines and limits, as JSON",
        .description = "Prints a rule set as data: for each Code it holds, every deadline (working days, the event "
                       "its clock starts from, the provision), the extension limits and the response letter's items; "
                       "for an overlay, its targets and receipt policy.",
        .options = {rules, rules_file, {"json", "", "accepted for symmetry: rules always prints JSON"}},
        .examples = {{"rules --rules spso", "the SPSO model complaints handling procedure"}},
        .run = cmd_rules,
    },
    {
        .name = "provisions",
        .synopsis = "provisions [--rules NAME | --rules-file FILE] [--json]",
        .summary = "The Code's provisions, each with what can show compliance",
        .description = "Lists the provision catalogue of the Code a rule set encodes: each provision's number, how "
                       "compliance is shown (case: chc checks it case by case; policy or evidence: the landlord's "
                       "evidence file, for the self-assessment) and its title.",
        .options = {rules, rules_file, {"json", "", "print the catalogue, with the Code's words, as JSON"}},
        .examples = {{"provisions --rules hoc-2024", "the 2024 Code's provisions"}},
        .run = cmd_provisions,
    },
    {
        .name = "report",
        .synopsis = "report REGISTER (--year YEAR | --from DATE --to DATE) [--homes N] [--evidence FILE] "
                    "[--format FORMAT] [-o FILE] [options]",
        .summary = "TSM CH01/CH02, the annual performance figures and the self-assessment from a register",
        .description = "Reads a complaint register, newline-delimited case records or a flat CSV export "
                       "(docs/reporting.md), evaluates every case as of the period's last day, and writes the Tenant "
                       "Satisfaction Measures CH01 and CH02, the annual complaints performance figures (Code 8.1(b)) "
                       "and the provision-by-provision self-assessment.\n\n"
                       "A line that cannot be read is not fatal: it is counted as rejected, listed in the report with "
                       "its line number and reason, and reported as a warning; every good line still counts. With -o, "
                       "a summary on standard error gives the cases read, accepted and rejected: the counts of the "
                       "report's own input section.",
        .operands = {{"REGISTER", "the register: a file (.csv is read as CSV, anything else as NDJSON), or - for standard input"}},
        .options = {{"year", "YEAR", "the reporting year 1 April YEAR to 31 March YEAR+1 (2025, or 2025/26)"},
                    {"from", "DATE", "the first day of the period (with --to)"},
                    {"to", "DATE", "the last day of the period, inclusive: every case is evaluated as of this day"},
                    {"homes", "N", "homes owned at the period's end: CH01's denominator (complaints per 1,000 homes)"},
                    {"homes-lcra", "N", "low-cost rental accommodation homes, when reported separately"},
                    {"homes-lcho", "N", "low-cost home ownership homes, when reported separately"},
                    {"evidence", "FILE", "the landlord's evidence for the self-assessment (docs/reporting.md)"},
                    {"landlord", "NAME", "the landlord's name, for the report's title"},
                    {"format", "FORMAT",
                     "json (the default), csv, html or text; with -o the file's extension chooses it, and a --format "
                     "that contradicts the extension is an error",
                     {"json", "csv", "html", "text"}},
                    {"output", "FILE",
                     "write the report to FILE instead of standard output (.html or .htm, .csv, .json and .txt choose "
                     "the format); FILE is replaced only once the report is complete",
                     {},
                     'o'},
                    {"input-format", "FORMAT",
                     "read REGISTER as ndjson or csv (default: csv for a .csv file, else ndjson; give it for "
                     "standard input)",
                     {"ndjson", "csv"}},
                    {"extensions", "READING",
                     "CH02's reading: compliant (the default: a response within a Code-compliant extension is "
                     "within timescale) or original (only the original timescale counts)",
                     {"compliant", "original"}},
                    {"exclude-withdrawn", "", "leave complaints withdrawn after receipt out of CH01 (by default they count)"},
                    {"include-not-accepted", "",
                     "count complaints not accepted under the Code's exclusions (section 2) in CH01 (by default they do not)"},
                    {"drill-down", "", "keep the case ids behind every figure, not only behind the exceptions"},
                    {"threads", "N", "worker threads evaluating cases (default: one per core)"},
                    rules,
                    rules_file,
                    calendar_for_cases,
                    calendar_file},
        .examples = {{"report examples/data/register.ndjson --year 2025 --homes 12000 --format text",
                      "the headline figures for 2025/26"},
                     {"report register.ndjson --year 2025 --homes 12000 --evidence evidence.json -o report.html",
                      "the whole report as one self-contained HTML page"},
                     {"report register.csv --from 2025-04-01 --to 2025-09-30 -o half-year.csv",
                      "half a year from a CSV export, as titled tables for a spreadsheet"},
                     {"report - --input-format csv --year 2025 < register.csv", "a CSV register on standard input"}},
        .run = cmd_report,
    },
    {
        .name = "generate",
        .synopsis = "generate [--count N] [--seed S] [--from DATE --to DATE] [--as-of DATE] [--calendar NAME]",
        .summary = "A synthetic complaint register, for trials and benchmarks",
        .description = "Prints case records, one a line (NDJSON), with a realistic mix of stages, extensions, "
                       "breaches, exclusions, withdrawals and remedies, made from a seed: the same options give the "
                       "same register, byte for byte, so chc can be tried at scale without residents' data.",
        .options = {{"count", "N", "how many case records (default 1000)"},
                    {"seed", "S", "the random seed, a whole number from 0 to 18446744073709551615 (default 1)"},
                    {"from", "DATE", "the earliest received date (default 2024-04-01)"},
                    {"to", "DATE", "the latest received date (default 2026-03-31)"},
                    {"as-of", "DATE", "leave out events after this day (default: 30 days after --to)"},
                    {"calendar", "NAME", "the calendar the events' working days follow (default england-and-wales)"}},
        .examples = {{"generate --count 4000 --seed 7 --from 2024-04-01 --to 2026-03-31 --as-of 2026-04-30 > register.ndjson",
                      "the sample register examples/data/register.ndjson"}},
        .run = cmd_generate,
    },
    {
        .name = "help",
        .synopsis = "help [COMMAND] [--man]",
        .summary = "This overview, a command's help, or the manual page",
        .description = "With no command, lists the commands; with one, prints its help, as chc COMMAND --help does.",
        .operands = {{"[COMMAND]", "the command to describe"}},
        .options = {{"man", "", "print the manual page, chc(1), in roff (installed with chc: man chc)"}},
        .examples = {{"help report", "the same as chc report --help"},
                     {"help --man | man -l -", "read the manual page without installing it"}},
        .run = cmd_help,
    },
};

const std::vector<OptionSpec> globals = {
    {"strict", "",
     "treat every warning as an error (exit status 2): a calendar file's unknown fields or closures that change "
     "nothing, a register's lines that cannot be read"},
    {"help", "", "print the command's help (or, before any command, the overview) and exit", {}, 'h'},
    {"version", "", "print chc's version and its C ABI's, and exit"},
};

// The parser reads "takes a value" by option name, before it knows the
// command, so a name must mean the same everywhere; and a command lists each
// option once. A table that breaks this fails every run (exit status 3).
bool consistent() {
  for (const CommandSpec& c : table) {
    for (std::size_t i = 0; i < c.options.size(); ++i) {
      const OptionSpec& o = c.options[i];
      for (std::size_t j = 0; j < i; ++j) {
        if (c.options[j].name == o.name) {
          throw Error(Errc::internal, "command table: " + std::string(c.name) + " lists --" + std::string(o.name) + " twice");
        }
      }
      for (const OptionSpec& g : globals) {
        if (g.name == o.name) throw Error(Errc::internal, "command table: --" + std::string(o.name) + " is also a global option");
      }
      for (const CommandSpec& other : table) {
        for (const OptionSpec& p : other.options) {
          if (p.name == o.name && p.value.empty() != o.value.empty()) {
            throw Error(Errc::internal, "command table: --" + std::string(o.name) + " takes a value in one command and not in another");
          }
        }
      }
    }
  }
  return true;
}

}  // namespace

const std::vector<CommandSpec>& commands() {
  static const bool checked = consistent();
  (void)checked;
  return table;
}
const std::vector<OptionSpec>& global_options() { return globals; }

const CommandSpec* find_command(std::string_view name) {
  for (const CommandSpec& c : table) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace chc::cli
