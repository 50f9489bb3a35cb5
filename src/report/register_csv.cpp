// SPDX-License-Identifier: MIT
// A flat CSV register (one row per complaint, the columns a CRM exports or a
// complaints officer keeps in a spreadsheet) read as case records.
#include "report/report_impl.hpp"

#include <chc/near_miss.hpp>

#include "core/csv.hpp"
#include "core/json_writer.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <functional>
#include <istream>
#include <optional>

namespace chc {

namespace {

// The columns chc reads (docs/reporting.md). Any other column is kept in the
// case record under its own name, so nothing in the spreadsheet is lost.
constexpr std::string_view known_columns[] = {
    "id", "received", "issue_date", "category", "calendar",
    "stage1_acknowledged", "stage1_handler", "stage1_definition", "stage1_extension_date", "stage1_extension_days",
    "stage1_extension_reason", "stage1_ombudsman_details", "stage1_responded", "stage1_decision", "stage1_letter_missing",
    "escalation_requested", "escalation_refused", "escalation_refused_reason",
    "stage2_acknowledged", "stage2_handler", "stage2_definition", "stage2_extension_date", "stage2_extension_days",
    "stage2_extension_reason", "stage2_ombudsman_details", "stage2_responded", "stage2_decision", "stage2_letter_missing",
    "not_accepted", "not_accepted_reason", "not_accepted_explanation_given", "not_accepted_ombudsman_right_given",
    "withdrawn", "remedy_offered", "remedy_what", "remedy_amount", "remedy_due", "remedy_completed"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return s;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// The value of "10" or of a whole-number decimal such as "10.0" (a spreadsheet's
// or pandas' float column writes integers so); nullopt for anything else, "10.5" included.
std::optional<int64_t> whole_number(std::string_view s) {
  const auto point = s.find('.');
  const std::string_view digits = s.substr(0, point);
  if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  if (point != std::string_view::npos && s.find_first_not_of('0', point + 1) != std::string_view::npos) return std::nullopt;
  int64_t n = 0;
  for (const char c : digits) n = n * 10 + (c - '0');
  return n;
}

class Row {
 public:
  Row(const std::vector<std::string>& header, const std::vector<std::string>& values, uint64_t line)
      : header_(header), values_(values), line_(line) {}
  // The trimmed cell of a column, or empty.
  std::string get(std::string_view column) const {
    for (std::size_t i = 0; i < header_.size() && i < values_.size(); ++i) {
      if (header_[i] == column) return trim(values_[i]);
    }
    return {};
  }
  [[noreturn]] void fail(std::string_view column, std::string_view message) const {
    throw Error(Errc::schema, cat("register line ", std::to_string(line_), ", column ", column, ": ", message));
  }
  bool yes_no(std::string_view column) const {
    const std::string v = lower(get(column));
    const auto n = whole_number(v);
    if (v == "yes" || v == "y" || v == "true" || n == 1) return true;
    if (v == "no" || v == "n" || v == "false" || n == 0) return false;
    fail(column, "\"" + get(column) + "\" is not yes or no");
  }
  uint64_t line() const { return line_; }

 private:
  const std::vector<std::string>& header_;
  const std::vector<std::string>& values_;
  uint64_t line_;
};

struct PendingEvent {
  std::string date;
  std::string json;
};

// A header chc would misread is refused once, not row by row: a column given
// twice, or a required one missing (naming the column probably meant); a
// column nearly one of chc's is a warning (under strict, an error).
void check_header(const std::vector<std::string>& header, const std::function<void(std::string_view)>& warn) {
  const std::string_view where = "register CSV header";
  const std::vector<std::string_view> known(std::begin(known_columns), std::end(known_columns));
  std::vector<std::pair<std::string, std::string>> meant;  // column, the known column it nearly is
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i].empty()) continue;
    for (std::size_t j = 0; j < i; ++j) {
      if (header[j] == header[i]) {
        throw Error(Errc::schema, cat(where, ": column \"", header[i], "\" appears twice (columns ", std::to_string(j + 1), " and ",
                                      std::to_string(i + 1), "); which one counts would be a guess"));
      }
    }
    if (std::find(known.begin(), known.end(), header[i]) != known.end()) continue;
    if (const auto guess = near_miss(header[i], known)) meant.emplace_back(header[i], *guess);
  }
  for (const char* required : {"id", "received"}) {
    if (std::find(header.begin(), header.end(), required) != header.end()) continue;
    std::string hint;
    for (const auto& [column, known_column] : meant) {
      if (known_column == required) hint = cat(" (", did_you_mean(column, known_column), ")");
    }
    throw Error(Errc::schema, cat(where, ": no \"", required, "\" column, which every register needs", hint));
  }
  if (!warn) return;
  for (const auto& [column, known_column] : meant) warn(did_you_mean(column, known_column, where));
}

}  // namespace

std::string csv_row_to_case(const std::vector<std::string>& header, const std::vector<std::string>& values, uint64_t line) {
  const Row row(header, values, line);
  std::vector<PendingEvent> events;
  auto event = [&](const std::string& date, const char* type, auto&& fields) {
    if (date.empty()) return;
    events.push_back({date, json_object([&](JsonWriter& w) {
                        w.key("type").value(type);
                        w.key("date").value(date);
                        fields(w);
                      })});
  };
  auto none = [](JsonWriter&) {};

  for (int s = 1; s <= 2; ++s) {
    const std::string p = s == 1 ? "stage1_" : "stage2_";
    event(row.get(p + "acknowledged"), "acknowledged", [&](JsonWriter& w) {
      w.key("stage").value(s);
      if (const auto h = row.get(p + "handler"); !h.empty()) w.key("handler").value(h);
      if (const auto d = row.get(p + "definition"); !d.empty()) {
        const std::string v = lower(d);
        if (v == "yes" || v == "no") w.key("definition").value(v == "yes");
        else w.key("definition").value(d);
      }
    });
    event(row.get(p + "extension_date"), "extension", [&](JsonWriter& w) {
      w.key("stage").value(s);
      const std::string days = row.get(p + "extension_days");
      const auto working_days = whole_number(days);
      if (!working_days) row.fail(p + "extension_days", "\"" + days + "\" is not a whole number of working days");
      w.key("working_days").value(*working_days);
      if (const auto r = row.get(p + "extension_reason"); !r.empty()) w.key("reason").value(r);
      if (!row.get(p + "ombudsman_details").empty()) w.key("ombudsman_details_given").value(row.yes_no(p + "ombudsman_details"));
    });
    event(row.get(p + "responded"), "response", [&](JsonWriter& w) {
      w.key("stage").value(s);
      if (const auto h = row.get(p + "handler"); !h.empty()) w.key("handler").value(h);
      if (const auto d = row.get(p + "decision"); !d.empty()) w.key("decision").value(d);
      const std::string missing_column = p + "letter_missing";
      if (std::find(header.begin(), header.end(), missing_column) != header.end()) {
        // Items the letter lacked, separated by ';' ("" when complete).
        const std::string missing = row.get(missing_column);
        w.key("letter").begin_object();
        for (const char* item : {"stage", "definition", "decision", "reasons", "remedy", "outstanding_actions", "escalation"}) {
          w.key(std::string_view(item)).value((";" + missing + ";").find(";" + std::string(item) + ";") == std::string::npos);
        }
        w.end_object();
      }
    });
    if (s == 1) {
      event(row.get("escalation_requested"), "escalation_requested", none);
      event(row.get("escalation_refused"), "escalation_refused", [&](JsonWriter& w) {
        if (const auto r = row.get("escalation_refused_reason"); !r.empty()) w.key("reason").value(r);
      });
    }
  }
  event(row.get("not_accepted"), "not_accepted", [&](JsonWriter& w) {
    if (const auto r = row.get("not_accepted_reason"); !r.empty()) w.key("reason").value(r);
    if (!row.get("not_accepted_explanation_given").empty()) w.key("explanation_given").value(row.yes_no("not_accepted_explanation_given"));
    if (!row.get("not_accepted_ombudsman_right_given").empty()) {
      w.key("ombudsman_right_given").value(row.yes_no("not_accepted_ombudsman_right_given"));
    }
  });
  event(row.get("withdrawn"), "withdrawn", none);
  event(row.get("remedy_offered"), "remedy_offered", [&](JsonWriter& w) {
    w.key("id").value("R1");
    if (const auto what = row.get("remedy_what"); !what.empty()) w.key("what").value(what);
    if (const auto amount = row.get("remedy_amount"); !amount.empty()) {
      char* end = nullptr;
      const double v = std::strtod(amount.c_str(), &end);
      if (end == amount.c_str() || *end != '\0') row.fail("remedy_amount", "\"" + amount + "\" is not an amount in pounds");
      w.key("amount").value(v);
    }
    if (const auto due = row.get("remedy_due"); !due.empty()) w.key("due").value(due);
  });
  event(row.get("remedy_completed"), "remedy_completed", [&](JsonWriter& w) { w.key("id").value("R1"); });
  // Dates sort as text (YYYY-MM-DD first); equal dates keep the order above.
  std::stable_sort(events.begin(), events.end(), [](const PendingEvent& a, const PendingEvent& b) {
    return a.date.substr(0, 10) < b.date.substr(0, 10);
  });

  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("id").value(row.get("id"));
  w.key("received").value(row.get("received"));
  for (const char* column : {"issue_date", "category", "calendar"}) {
    if (const auto v = row.get(column); !v.empty()) w.key(std::string_view(column)).value(v);
  }
  w.key("events").begin_array();
  for (const auto& e : events) w.raw(e.json);
  w.end_array();
  for (std::size_t i = 0; i < header.size() && i < values.size(); ++i) {
    const std::string& column = header[i];
    if (column.empty() || std::find(std::begin(known_columns), std::end(known_columns), column) != std::end(known_columns)) continue;
    w.key(std::string_view(column)).value(values[i]);
  }
  w.end_object();
  w.finish();
  return out;
}

void read_csv_register(std::istream& in, const std::function<void(uint64_t line, std::string_view case_json, std::string_view error)>& row,
                       const std::function<void(std::string_view warning)>& warn) {
  CsvReader csv(in, max_case_bytes);
  std::vector<std::string> header, fields;
  uint64_t line = 0;
  if (!csv.next(header, line)) return;
  if (csv.oversized()) throw Error(Errc::limit, cat("register CSV: the header row is longer than the limit of ", std::to_string(max_case_bytes), " bytes"));
  for (auto& h : header) h = lower(trim(h));
  if (!header.empty() && header[0].rfind("\xEF\xBB\xBF", 0) == 0) header[0].erase(0, 3);  // a spreadsheet's byte-order mark
  check_header(header, warn);
  while (csv.next(fields, line)) {
    if (csv.oversized()) {
      row(line, {}, cat("the row is longer than the limit of ", std::to_string(max_case_bytes), " bytes (an unclosed quote?)"));
      continue;
    }
    if (fields.size() == 1 && trim(fields[0]).empty()) continue;
    std::string json;
    try {
      json = csv_row_to_case(header, fields, line);
    } catch (const Error& e) {
      row(line, {}, e.what());
      continue;
    }
    row(line, json, {});
  }
}

std::string csv_register_json(std::istream& in) {
  std::string json;
  JsonWriter w(json);
  std::vector<std::string> warnings;
  w.begin_object().key("rows").begin_array();
  read_csv_register(
      in,
      [&w](uint64_t line, std::string_view case_json, std::string_view error) {
        w.begin_object().key("line").value(static_cast<int64_t>(line));
        if (error.empty()) w.key("case").raw(case_json);
        else w.key("error").value(error);
        w.end_object();
      },
      [&warnings](std::string_view warning) { warnings.emplace_back(warning); });
  w.end_array().key("warnings").begin_array();
  for (const std::string& warning : warnings) w.value(warning);
  w.end_array().end_object();
  w.finish();
  return json;
}

void Report::add_csv(std::istream& in) {
  if (impl_->finished) throw Error(Errc::invalid_argument, "report: cases added after finish()");
  Impl& r = *impl_;
  read_csv_register(
      in,
      [&r](uint64_t line, std::string_view case_json, std::string_view error) {
        if (!error.empty()) {
          ++r.total.cases_read;
          r.total.reject(line, std::string(error));
          return;
        }
        r.add(case_json, line, r.total, r.calendars);
      },
      [&r](std::string_view warning) { r.warn(std::string(warning)); });
}

}  // namespace chc
