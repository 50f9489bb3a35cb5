// SPDX-License-Identifier: MIT
// The report as one self-contained HTML page for a landlord's governing body
// and website: the style sheet inlined (src/report/report.css, compiled in),
// charts drawn here as inline SVG (each with its figures in a table too),
// nothing fetched from anywhere. It renders the typed report model; every
// word about the Code (its title, sections, stages, the Ombudsman, reasons)
// comes from the rule set, and every text is escaped.
#include "report/number_format.hpp"
#include "report/report_model.hpp"

#include "core/text.hpp"
#include "embedded_data.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chc {

using namespace report_format;

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::string_view kNotComputed = "not computed";

// HTML-escaped, with invalid UTF-8 and control characters replaced.
void escape_into(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) out += kReplacement;
          else out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
}

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  escape_into(out, s);
  return out;
}

std::string count(uint64_t n) { return count_text(static_cast<double>(n)); }
std::string percent(const std::optional<double>& v, std::string_view missing = kDash) {
  return v ? decimal(*v, 1) + "%" : std::string(missing);
}
std::string rate(const std::optional<double>& v) { return v ? decimal(*v, 2) : std::string(kNotComputed); }
std::string days(const std::optional<int32_t>& v) { return v ? count(static_cast<uint64_t>(*v)) : std::string(kDash); }

// SVG coordinates.
std::string co(double v) { return fixed(v, 1, false); }

constexpr std::array<std::string_view, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                      "July",    "August",   "September", "October", "November", "December"};

// 1 April 2025
std::string long_date(Date d) {
  const YearMonthDay ymd = d.ymd();
  return cat(std::to_string(ymd.day), " ", kMonths[static_cast<std::size_t>(ymd.month - 1)], " ", std::to_string(ymd.year));
}

// "2025-04" -> "Apr 2025"
std::string month_label(std::string_view key) {
  int y = 0, m = 0;
  if (key.size() == 7 && std::from_chars(key.data(), key.data() + 4, y).ec == std::errc() &&
      std::from_chars(key.data() + 5, key.data() + 7, m).ec == std::errc() && m >= 1 && m <= 12) {
    return cat(kMonths[static_cast<std::size_t>(m - 1)].substr(0, 3), " ", std::to_string(y));
  }
  return std::string(key);
}

// "partly_upheld" -> "Partly upheld", for words a rule set does not name.
std::string humanise(std::string_view key) {
  std::string s(key);
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

struct ComplyStyle {
  std::string_view css;
  std::string_view mark;
};

ComplyStyle comply_style(std::string_view label) {
  if (label == "Yes") return {"c-yes", "\xE2\x9C\x93"};           // ✓
  if (label == "Partial") return {"c-partial", "\xE2\x97\x90"};   // ◐
  if (label == "No") return {"c-no", "\xE2\x9C\x97"};             // ✗
  if (label == "Noted") return {"c-noted", "i"};
  return {"c-none", "\xE2\x80\x93"};                              // –
}

// The names a report gives the regulator's measures: the TSMs in England.
struct MeasureNames {
  std::string_view section, intro, ch01, ch02;
};
MeasureNames measure_names(RegulatorMeasures m) {
  if (m == RegulatorMeasures::tsm) {
    return {"Tenant Satisfaction Measures",
            "The Regulator of Social Housing's complaint measures: CH01, complaints relative to the size of the landlord, and CH02, "
            "complaints responded to within the Complaint Handling Code's timescales.",
            "CH01", "CH02"};
  }
  return {"Complaint volumes and timeliness",
          "Complaints relative to the size of the landlord, and complaints responded to within the procedure's timescales, computed "
          "as England's Tenant Satisfaction Measures CH01 and CH02 are, for comparison.",
          "Complaints", "Responses"};
}

// ---------------------------------------------------------------------------

class Page {
 public:
  explicit Page(const ReportModel& m) : m_(m) { o_.reserve(256 * 1024); }
  std::string render();

 private:
  void raw(std::string_view s) { o_.append(s); }
  void text(std::string_view s) { escape_into(o_, s); }
  // <tag attrs>escaped text</tag>
  void el(std::string_view tag, std::string_view content, std::string_view attrs = {}) {
    o_ += '<';
    o_.append(tag);
    if (!attrs.empty()) {
      o_ += ' ';
      o_.append(attrs);
    }
    o_ += '>';
    text(content);
    o_ += "</";
    o_.append(tag);
    o_ += '>';
  }
  void th_col(std::string_view label, bool num = false) { el("th", label, num ? "scope=\"col\" class=\"num\"" : "scope=\"col\""); }
  void th_row(std::string_view label) { el("th", label, "scope=\"row\""); }
  void td(std::string_view content, bool num = false) { el("td", content, num ? "class=\"num\"" : ""); }
  void table_open(std::string_view caption, std::string_view cls = {}) {
    raw("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"");
    text(caption);
    raw("\"><table");
    if (!cls.empty()) {
      raw(" class=\"");
      raw(cls);
      raw("\"");
    }
    raw(">");
    el("caption", caption);
  }
  void table_close() { raw("</tbody></table></div>\n"); }
  void list(const std::vector<std::string>& items, std::string_view cls) {
    raw("<ul class=\"");
    raw(cls);
    raw("\">\n");
    for (const std::string& item : items) {
      el("li", item);
      raw("\n");
    }
    raw("</ul>\n");
  }
  void comply_badge(std::string_view label) {
    const ComplyStyle s = comply_style(label);
    raw("<span class=\"badge ");
    raw(s.css);
    raw("\"><span class=\"mark\" aria-hidden=\"true\">");
    raw(s.mark);
    raw("</span>");
    text(label);
    raw("</span>");
  }

  void head();
  void cover();
  void contents();
  void about();
  void measures();
  void performance();
  void monthly();
  void monthly_chart(const std::vector<MonthFigures>& months);
  void self_assessment();
  void summary_chart(const std::vector<std::pair<std::string, double>>& counts, double total);
  void rejected();
  void footer();

  std::string period_text() const { return long_date(m_.from) + " to " + long_date(m_.to); }
  std::string section_heading(const std::string& number) const;

  const ReportModel& m_;
  const Vocabulary& words() const { return m_.code->words; }
  std::string o_;
};

void Page::head() {
  raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
  raw("<meta name=\"generator\" content=\"");
  text(m_.generated_by);
  raw("\">\n");
  std::string t = cat(m_.title, " ", m_.period_label);
  if (!m_.landlord.empty()) t += cat(" ", kDash, " ", m_.landlord);
  el("title", t);
  raw("\n<style>");
  raw(embedded::report_css());
  raw("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n<div class=\"page\">\n");
}

void Page::cover() {
  raw("<header class=\"cover\">\n");
  el("p", words().report_title, "class=\"kicker\"");
  raw("\n");
  el("h1", m_.title);
  raw("\n");
  if (!m_.landlord.empty()) el("p", m_.landlord, "class=\"landlord\"");
  raw("\n");
  el("p", "Reporting period " + m_.period_label + ": " + period_text(), "class=\"period\"");
  raw("\n</header>\n");
}

void Page::contents() {
  raw("<nav class=\"contents\" aria-labelledby=\"contents-h\"><h2 id=\"contents-h\">Contents</h2><ol>"
      "<li><a href=\"#about\">About this report</a></li><li><a href=\"#tsm\">");
  text(measure_names(m_.measures).section);
  raw("</a></li><li><a href=\"#performance\">Complaint handling performance</a></li>"
      "<li><a href=\"#monthly\">Monthly volumes and timeliness</a></li>"
      "<li><a href=\"#self-assessment\">Self-assessment against ");
  text(words().code_short);
  raw("</a></li>");
  if (m_.cases_rejected > 0) raw("<li><a href=\"#rejected\">Register lines not read</a></li>");
  raw("</ol></nav>\n<main id=\"main\">\n");
}

void Page::about() {
  raw("<section id=\"about\" aria-labelledby=\"about-h\">\n<h2 id=\"about-h\">About this report</h2>\n");
  el("p", cat("This report sets out the complaint handling of ", m_.landlord.empty() ? std::string("the landlord") : m_.landlord,
              " for the period, measured case by case from the complaint register against the ", m_.code->title, ": ",
              m_.measures == RegulatorMeasures::tsm ? "the Tenant Satisfaction Measures CH01 and CH02, " : "complaint volumes and timeliness, ",
              "the annual performance figures, and the self-assessment against each provision."));
  raw("\n<dl class=\"facts\">\n");
  el("dt", "Reporting period");
  el("dd", period_text() + " (" + m_.period_label + ")");
  el("dt", "Rule set");
  el("dd", m_.rules + " (version " + m_.rules_version + ")");
  el("dt", "Working-day calendar");
  el("dd", m_.calendar);
  el("dt", "Figures as of");
  el("dd", long_date(m_.to));
  el("dt", "Cases in the register");
  el("dd", cat(count(m_.cases_read), " read, ", count(m_.cases_accepted), " accepted, ", count(m_.cases_rejected), " rejected; ",
               count(m_.cases_in_period), " with events in the period"));
  if (!m_.cases_by_rules.empty()) {
    std::string s;
    for (const auto& [rules, n] : m_.cases_by_rules) s += cat(s.empty() ? "" : "; ", rules, ": ", count(n));
    el("dt", "Cases by Code version");
    el("dd", s);
  }
  el("dt", "Cases with data issues");
  el("dd", count(m_.data_issues.count));
  if (!words().ombudsman_contact.empty()) {
    el("dt", capitalised(words().ombudsman_name));
    el("dd", words().ombudsman_contact);
  }
  raw("</dl>\n");
  if (!m_.readings.empty()) {
    el("h3", "How the measures are read");
    raw("\n");
    list(m_.readings, "readings");
  }
  if (!m_.warnings.empty()) {
    el("h3", "Warnings");
    raw("\n");
    list(m_.warnings, "warnings");
  }
  raw("</section>\n");
}

void Page::measures() {
  const MeasureNames names = measure_names(m_.measures);
  const bool tsm = m_.measures == RegulatorMeasures::tsm;
  raw("<section id=\"tsm\" aria-labelledby=\"tsm-h\">\n<h2 id=\"tsm-h\">");
  text(names.section);
  raw("</h2>\n");
  el("p", names.intro);
  raw("\n<div class=\"cards\">\n");
  for (const Ch01Row& c : m_.ch01) {
    raw("<div class=\"card\">");
    el("p", cat(names.ch01, " Stage ", std::to_string(c.stage)), "class=\"label\"");
    el("p", rate(c.per_1000_homes), c.per_1000_homes ? "class=\"value\"" : "class=\"value na\"");
    el("p", "complaints per 1,000 homes", "class=\"unit\"");
    el("p", cat(count(c.received.count), c.received.count == 1 ? " complaint" : " complaints",
                c.homes ? cat(", ", count(static_cast<uint64_t>(*c.homes)), " homes") : std::string(", no number of homes given")),
       "class=\"sub\"");
    raw("</div>\n");
  }
  for (const Ch02Row& c : m_.ch02) {
    raw("<div class=\"card\">");
    el("p", cat(names.ch02, " Stage ", std::to_string(c.stage)), "class=\"label\"");
    el("p", percent(c.percent, kNotComputed), c.percent ? "class=\"value\"" : "class=\"value na\"");
    el("p", "responses within timescale", "class=\"unit\"");
    el("p", cat(count(c.within), " of ", count(c.responded.count), c.responded.count == 1 ? " response" : " responses"), "class=\"sub\"");
    raw("</div>\n");
  }
  raw("</div>\n");

  const bool lcra = !m_.ch01.empty() && m_.ch01.front().lcra, lcho = !m_.ch01.empty() && m_.ch01.front().lcho;
  table_open(tsm ? "CH01: complaints received per 1,000 homes" : "Complaints received per 1,000 homes", "narrow");
  raw("<thead><tr>");
  th_col("Stage");
  th_col("Complaints received", true);
  th_col("Homes", true);
  th_col("Per 1,000 homes", true);
  if (lcra) th_col("Per 1,000 LCRA homes", true);
  if (lcho) th_col("Per 1,000 LCHO homes", true);
  raw("</tr></thead><tbody>\n");
  for (const Ch01Row& c : m_.ch01) {
    raw("<tr>");
    th_row(cat("Stage ", std::to_string(c.stage)));
    td(count(c.received.count), true);
    td(c.homes ? count(static_cast<uint64_t>(*c.homes)) : std::string(kDash), true);
    td(rate(c.per_1000_homes), true);
    if (lcra) td(rate(c.per_1000_lcra_homes), true);
    if (lcho) td(rate(c.per_1000_lcho_homes), true);
    raw("</tr>\n");
  }
  table_close();

  // CH02, with the other reading beside the reported one.
  table_open(tsm ? "CH02: responses within the Code's timescales" : "Responses within the procedure's timescales");
  raw("<thead><tr>");
  th_col("Stage");
  th_col("Responses issued", true);
  th_col("Within timescale", true);
  th_col("% within timescale (reported)", true);
  th_col("Within the original timescale only", true);
  th_col("Including compliant extensions", true);
  raw("</tr></thead><tbody>\n");
  for (const Ch02Row& c : m_.ch02) {
    raw("<tr>");
    th_row(cat("Stage ", std::to_string(c.stage)));
    td(count(c.responded.count), true);
    td(count(c.within), true);
    td(percent(c.percent, kNotComputed), true);
    td(cat(count(c.within_original), " (", percent(c.percent_within_original), ")"), true);
    td(cat(count(c.within_with_extension), " (", percent(c.percent_with_extension), ")"), true);
    raw("</tr>\n");
  }
  table_close();
  el("p", "The reported figure follows the reading set out in \"How the measures are read\"; the figures within the original "
          "timescale and including compliant extensions are both given so either reading can be compared.",
     "class=\"note\"");
  raw("\n</section>\n");
}

void Page::performance() {
  raw("<section id=\"performance\" aria-labelledby=\"perf-h\">\n<h2 id=\"perf-h\">Complaint handling performance</h2>\n");
  el("p", cat("The annual complaint handling figures ", words().code_short, " asks landlords to report",
              words().performance_provision.empty() ? std::string() : cat(" (", words().performance_provision, ")"), ", stage by stage."));

  // Per stage: measures down, stages across (fits a portrait page).
  if (!m_.stages.empty()) {
    table_open("Complaints by stage", "narrow");
    raw("<thead><tr>");
    th_col("Measure");
    for (const StageFigures& s : m_.stages) th_col(capitalised(s.name), true);
    raw("</tr></thead><tbody>\n");
    auto row = [&](std::string_view label, auto&& value) {
      raw("<tr>");
      th_row(label);
      for (const StageFigures& s : m_.stages) td(value(s), true);
      raw("</tr>\n");
    };
    row("Complaints received", [](const StageFigures& s) { return count(s.received); });
    row("Acknowledged", [](const StageFigures& s) { return count(s.acknowledged); });
    row("Acknowledged late", [](const StageFigures& s) { return count(s.acknowledged_late.count); });
    row("Responses issued", [](const StageFigures& s) { return count(s.responded); });
    row("Responded outside timescale", [](const StageFigures& s) { return count(s.late.count); });
    row("Responses with an extension", [](const StageFigures& s) { return count(s.extended.count); });
    row("Median working days to acknowledge", [](const StageFigures& s) { return days(s.median_to_acknowledge); });
    row("90th percentile working days to acknowledge", [](const StageFigures& s) { return days(s.p90_to_acknowledge); });
    row("Median working days to respond", [](const StageFigures& s) { return days(s.median_to_respond); });
    row("90th percentile working days to respond", [](const StageFigures& s) { return days(s.p90_to_respond); });
    table_close();

    // Outcomes of the responses, in the rule set's order of decisions.
    std::vector<std::string> decisions;
    for (const StageFigures& s : m_.stages) {
      for (const auto& [d, n] : s.decisions) {
        if (std::find(decisions.begin(), decisions.end(), d) == decisions.end()) decisions.push_back(d);
      }
    }
    auto rank = [&](const std::string& d) {
      const auto& known = words().decisions;
      const auto it = std::find_if(known.begin(), known.end(), [&](const Vocabulary::Term& t) { return t.id == d; });
      return it - known.begin();
    };
    std::stable_sort(decisions.begin(), decisions.end(), [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
    if (!decisions.empty()) {
      table_open("Outcomes of the responses issued", "narrow");
      raw("<thead><tr>");
      th_col("Outcome");
      for (const StageFigures& s : m_.stages) th_col(capitalised(s.name), true);
      raw("</tr></thead><tbody>\n");
      for (const std::string& d : decisions) {
        raw("<tr>");
        const Vocabulary::Term* term = Vocabulary::find(words().decisions, d);
        th_row(term ? term->label : humanise(d));
        for (const StageFigures& s : m_.stages) {
          const auto it = std::find_if(s.decisions.begin(), s.decisions.end(), [&](const auto& p) { return p.first == d; });
          td(it == s.decisions.end() ? std::string(kDash) : count(it->second), true);
        }
        raw("</tr>\n");
      }
      table_close();
    }
  }

  raw("<div class=\"callout\"><p><span class=\"big\">");
  text(percent(m_.escalation_rate, kNotComputed));
  raw("</span> escalation rate</p>");
  el("p", "Stage 2 complaints received as a share of the stage 1 responses issued in the period.", "class=\"note\"");
  raw("</div>\n");

  // Categories, largest first, with their share; beside them, the complaints not accepted and withdrawn.
  raw("<div class=\"grid2\"><div>\n");
  if (!m_.categories.empty()) {
    std::vector<std::pair<std::string, uint64_t>> rows = m_.categories;
    double total = 0;
    for (const auto& [name, v] : rows) total += static_cast<double>(v);
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    el("h3", "Complaints by category");
    table_open("Stage 1 complaints received, by category", "narrow");
    raw("<thead><tr>");
    th_col("Category");
    th_col("Complaints", true);
    th_col("Share");
    raw("</tr></thead><tbody>\n");
    for (const auto& [name, v] : rows) {
      raw("<tr>");
      th_row(humanise(name));
      td(count(v), true);
      const double share = total > 0 ? 100.0 * static_cast<double>(v) / total : 0;
      raw("<td><span class=\"share\"><span class=\"pc\">");
      text(fixed(share, 1) + "%");
      raw("</span><span class=\"bar\" aria-hidden=\"true\" style=\"width:");
      raw(fixed(std::max(share, 0.5) * 1.2, 1, false));
      raw("px\"></span></span></td></tr>\n");
    }
    raw("<tr class=\"total\">");
    th_row("Total");
    td(count_text(total), true);
    td(total > 0 ? "100.0%" : std::string(kDash));
    raw("</tr>\n");
    table_close();
  }

  raw("</div><div>\n");
  el("h3", "Complaints not accepted and withdrawn");
  if (!m_.refused.by_reason.empty()) {
    table_open(cat("Complaints not accepted under the exclusions of ", words().code_short, ", by reason"), "narrow");
    raw("<thead><tr>");
    th_col("Reason");
    th_col("Complaints", true);
    raw("</tr></thead><tbody>\n");
    for (const Refusals::Reason& r : m_.refused.by_reason) {
      raw("<tr>");
      th_row(r.label == r.id ? humanise(r.id) : r.label);
      td(count(r.complaints.count), true);
      raw("</tr>\n");
    }
    raw("<tr class=\"total\">");
    th_row("Total");
    td(count(m_.refused.total), true);
    raw("</tr>\n");
    table_close();
  } else {
    el("p", cat("Complaints not accepted under the exclusions of ", words().code_short, ": ", count(m_.refused.total), "."));
  }
  el("p", "Complaints withdrawn: " + count(m_.withdrawn.count) + ".");
  raw("\n</div></div>\n<div class=\"grid2\"><div>\n");

  // Remedies.
  el("h3", "Putting things right: remedies");
  table_open("Remedies offered and completed", "narrow");
  raw("<thead><tr>");
  th_col("Remedies");
  th_col("Cases", true);
  th_col("Amount", true);
  raw("</tr></thead><tbody>\n<tr>");
  th_row("Offered");
  td(count(m_.remedies_offered.count), true);
  td(money_text(m_.remedies_offered_amount), true);
  raw("</tr>\n<tr>");
  th_row("Completed");
  td(count(m_.remedies_completed.count), true);
  td(money_text(m_.remedies_completed_amount), true);
  raw("</tr>\n<tr>");
  th_row("Overdue at the period's end");
  td(count(m_.remedies_overdue.count), true);
  td(kDash, true);
  raw("</tr>\n");
  table_close();
  raw("</div><div>\n");

  // Open cases by age.
  el("h3", "Complaints open at the end of the period");
  table_open("Open complaints by working days since their current stage began", "narrow");
  raw("<thead><tr>");
  th_col("Working days open");
  th_col("Complaints", true);
  raw("</tr></thead><tbody>\n");
  uint64_t total = 0;
  for (const auto& [band, f] : m_.open_by_age) {
    raw("<tr>");
    std::string label(band);
    if (const auto dash = label.find('-'); dash != std::string::npos && dash > 0) label.replace(dash, 1, kDash);
    th_row(label);
    td(count(f.count), true);
    raw("</tr>\n");
    total += f.count;
  }
  raw("<tr class=\"total\">");
  th_row("Total");
  td(count(total), true);
  raw("</tr>\n");
  table_close();
  raw("</div></div>\n");
  list(m_.performance_notes, "note");
  raw("</section>\n");
}

double nice_step(double raw) {
  if (raw <= 1) return 1;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * mag >= raw) return m * mag;
  }
  return 10 * mag;
}

void Page::monthly_chart(const std::vector<MonthFigures>& months) {
  constexpr double W = 800, H = 350, L = 64, R = 64, T = 52, B = 50;
  constexpr double pw = W - L - R, ph = H - T - B;
  const std::size_t n = months.size();
  std::vector<std::string> labels;
  std::vector<double> received;
  std::vector<std::optional<double>> pct;
  double top = 0;
  for (const MonthFigures& m : months) {
    labels.push_back(month_label(m.month));
    received.push_back(static_cast<double>(m.stage1_received));
    pct.push_back(m.stage1_percent_within);
    top = std::max(top, received.back());
  }
  const double step = nice_step(top / 5), ymax = 5 * step;
  const double band = pw / static_cast<double>(n), bar = std::min(band * 0.64, 48.0);
  const std::size_t every = (n + 17) / 18;
  const std::string period = m_.period_label;

  std::string desc = "Bars show the stage 1 complaints received each month (left axis); the line shows the percentage of stage 1 "
                     "responses issued that month within timescale (right axis, 0 to 100%). ";
  for (std::size_t i = 0; i < n; ++i) {
    desc += labels[i] + ": " + count_text(received[i]) + " received, " + (pct[i] ? decimal(*pct[i], 1) + "%" : "no responses") +
            " within timescale" + (i + 1 < n ? "; " : ".");
  }

  raw("<figure>\n<svg viewBox=\"0 0 800 350\" role=\"img\" aria-labelledby=\"chart1-t chart1-d\" focusable=\"false\" "
      "font-size=\"12\" fill=\"#0b0c0c\">\n");
  el("title", "Stage 1 complaints received and responses within timescale by month, " + period, "id=\"chart1-t\"");
  el("desc", desc, "id=\"chart1-d\"");
  raw("\n<rect x=\"0\" y=\"0\" width=\"800\" height=\"350\" fill=\"#fff\"/>\n");
  // Legend.
  raw("<g aria-hidden=\"true\"><rect x=\"" + co(L) + "\" y=\"12\" width=\"14\" height=\"14\" fill=\"#5b8fd0\"/>"
      "<text x=\"" + co(L + 20) + "\" y=\"24\">Stage 1 complaints received (left axis)</text>"
      "<line x1=\"" + co(L + 300) + "\" y1=\"19\" x2=\"" + co(L + 330) + "\" y2=\"19\" stroke=\"#c2410c\" stroke-width=\"2.5\"/>"
      "<circle cx=\"" + co(L + 315) + "\" cy=\"19\" r=\"4\" fill=\"#fff\" stroke=\"#c2410c\" stroke-width=\"2.5\"/>"
      "<text x=\"" + co(L + 338) + "\" y=\"24\">Stage 1 responses within timescale, % (right axis)</text></g>\n");
  // Grid and both axes' labels.
  raw("<g aria-hidden=\"true\">");
  for (int k = 0; k <= 5; ++k) {
    const double y = T + ph - ph * k / 5.0;
    raw("<line x1=\"" + co(L) + "\" y1=\"" + co(y) + "\" x2=\"" + co(W - R) + "\" y2=\"" + co(y) + "\" stroke=\"" +
        (k == 0 ? "#0b0c0c" : "#d8dadb") + "\" stroke-width=\"1\"/>");
    raw("<text x=\"" + co(L - 8) + "\" y=\"" + co(y + 4) + "\" text-anchor=\"end\">" + esc(count_text(step * k)) + "</text>");
    raw("<text x=\"" + co(W - R + 8) + "\" y=\"" + co(y + 4) + "\" text-anchor=\"start\">" + std::to_string(k * 20) + "%</text>");
  }
  raw("<text transform=\"rotate(-90)\" x=\"" + co(-(T + ph / 2)) + "\" y=\"16\" text-anchor=\"middle\" fill=\"#505a5f\">"
      "Complaints received</text>");
  raw("<text transform=\"rotate(90)\" x=\"" + co(T + ph / 2) + "\" y=\"" + co(-(W - 14)) +
      "\" text-anchor=\"middle\" fill=\"#505a5f\">% within timescale</text>");
  raw("</g>\n<g>");
  // Bars.
  for (std::size_t i = 0; i < n; ++i) {
    const double h = ymax > 0 ? ph * received[i] / ymax : 0;
    const double x = L + band * static_cast<double>(i) + (band - bar) / 2;
    raw("<rect x=\"" + co(x) + "\" y=\"" + co(T + ph - h) + "\" width=\"" + co(bar) + "\" height=\"" + co(h) + "\" fill=\"#5b8fd0\">");
    el("title", labels[i] + ": " + count_text(received[i]) + " stage 1 complaints received");
    raw("</rect>");
  }
  raw("</g>\n");
  // Month labels.
  raw("<g text-anchor=\"middle\">");
  for (std::size_t i = 0; i < n; i += every) {
    const double x = L + band * (static_cast<double>(i) + 0.5);
    // "Apr 2025" on two lines: the month over the year.
    const std::string& label = labels[i];
    const std::size_t space = label.find(' ');
    raw("<text x=\"" + co(x) + "\" y=\"" + co(T + ph + 17) + "\">");
    if (space == std::string::npos) {
      text(label);
    } else {
      raw("<tspan x=\"" + co(x) + "\">");
      text(std::string_view(label).substr(0, space));
      raw("</tspan><tspan x=\"" + co(x) + "\" dy=\"14\" fill=\"#505a5f\"> ");
      text(std::string_view(label).substr(space + 1));
      raw("</tspan>");
    }
    raw("</text>");
  }
  raw("</g>\n");
  // The line, broken where a month had no responses.
  std::string d;
  bool pen = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!pct[i]) {
      pen = false;
      continue;
    }
    const double x = L + band * (static_cast<double>(i) + 0.5), y = T + ph - ph * std::clamp(*pct[i], 0.0, 100.0) / 100.0;
    d += (pen ? "L" : "M") + co(x) + " " + co(y);
    pen = true;
  }
  if (!d.empty()) raw("<path d=\"" + d + "\" fill=\"none\" stroke=\"#c2410c\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>\n");
  raw("<g>");
  for (std::size_t i = 0; i < n; ++i) {
    if (!pct[i]) continue;
    const double x = L + band * (static_cast<double>(i) + 0.5), y = T + ph - ph * std::clamp(*pct[i], 0.0, 100.0) / 100.0;
    raw("<circle cx=\"" + co(x) + "\" cy=\"" + co(y) + "\" r=\"4\" fill=\"#fff\" stroke=\"#c2410c\" stroke-width=\"2.5\">");
    el("title", labels[i] + ": " + decimal(*pct[i], 1) + "% of stage 1 responses within timescale");
    raw("</circle>");
    if (n <= 12) {
      raw("<text x=\"" + co(x) + "\" y=\"" + co(y - 10) + "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#9a3412\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\" aria-hidden=\"true\">");
      text(decimal(*pct[i], 1) + "%");
      raw("</text>");
    }
  }
  raw("</g>\n</svg>\n");
  el("figcaption", "Figure 1. Stage 1 complaints received (bars) and the share of stage 1 responses issued within timescale (line), "
                   "by month. The same figures are in the table below.");
  raw("\n</figure>\n");
}

void Page::monthly() {
  raw("<section id=\"monthly\" aria-labelledby=\"monthly-h\">\n<h2 id=\"monthly-h\">Monthly volumes and timeliness</h2>\n");
  monthly_chart(m_.months);
  table_open("Complaints by month");
  raw("<thead><tr><th scope=\"col\" rowspan=\"2\">Month</th><th scope=\"colgroup\" colspan=\"4\">Stage 1</th>"
      "<th scope=\"colgroup\" colspan=\"3\">Stage 2</th></tr><tr>");
  th_col("Received", true);
  th_col("Responses", true);
  th_col("Within timescale", true);
  th_col("% within timescale", true);
  th_col("Received", true);
  th_col("Responses", true);
  th_col("Within timescale", true);
  raw("</tr></thead><tbody>\n");
  for (const MonthFigures& x : m_.months) {
    raw("<tr>");
    th_row(month_label(x.month));
    td(count(x.stage1_received), true);
    td(count(x.stage1_responded), true);
    td(count(x.stage1_within), true);
    td(percent(x.stage1_percent_within), true);
    td(count(x.stage2_received), true);
    td(count(x.stage2_responded), true);
    td(count(x.stage2_within), true);
    raw("</tr>\n");
  }
  table_close();
  el("p", "Complaints are counted in the month they were received; responses in the month they were issued. \"" + std::string(kDash) +
              "\" means no stage 1 response was issued that month.",
     "class=\"note\"");
  raw("\n</section>\n");
}

void Page::summary_chart(const std::vector<std::pair<std::string, double>>& counts, double total) {
  if (total <= 0) return;
  constexpr double W = 800, L = 0, bh = 30;
  std::string desc = "Of " + count_text(total) + " provisions: ";
  for (std::size_t i = 0; i < counts.size(); ++i) desc += counts[i].first + " " + count_text(counts[i].second) + (i + 1 < counts.size() ? ", " : ".");
  raw("<figure>\n<svg viewBox=\"0 0 800 64\" role=\"img\" aria-labelledby=\"chart2-t chart2-d\" focusable=\"false\" font-size=\"13\">\n");
  el("title", "Self-assessment: provisions by compliance", "id=\"chart2-t\"");
  el("desc", desc, "id=\"chart2-d\"");
  raw("\n");
  struct Colour {
    std::string_view fill, ink;
  };
  auto colour = [](std::string_view label) -> Colour {
    if (label == "Yes") return {"#00703c", "#fff"};
    if (label == "Partial") return {"#ffdd00", "#0b0c0c"};
    if (label == "No") return {"#d4351c", "#fff"};
    if (label == "Noted") return {"#1d70b8", "#fff"};
    return {"#b1b4b6", "#0b0c0c"};
  };
  double x = L;
  for (const auto& [label, v] : counts) {
    if (v <= 0) continue;
    const double w = W * v / total;
    const Colour c = colour(label);
    raw("<rect x=\"" + co(x) + "\" y=\"4\" width=\"" + co(w) + "\" height=\"" + co(bh) + "\" fill=\"" + std::string(c.fill) +
        "\" stroke=\"#fff\" stroke-width=\"1\">");
    el("title", label + ": " + count_text(v));
    raw("</rect>");
    const std::string t = label + " " + count_text(v);
    if (w > 7.5 * static_cast<double>(t.size()) + 8) {
      raw("<text x=\"" + co(x + w / 2) + "\" y=\"" + co(4 + bh / 2 + 5) + "\" text-anchor=\"middle\" font-weight=\"700\" fill=\"" +
          std::string(c.ink) + "\" aria-hidden=\"true\">");
      text(t);
      raw("</text>");
    } else if (w > 7.5 * static_cast<double>(count_text(v).size()) + 6) {
      raw("<text x=\"" + co(x + w / 2) + "\" y=\"" + co(4 + bh / 2 + 5) + "\" text-anchor=\"middle\" font-weight=\"700\" fill=\"" +
          std::string(c.ink) + "\" aria-hidden=\"true\">");
      text(count_text(v));
      raw("</text>");
    }
    x += w;
  }
  // Key under the bar: each label once, left to right.
  double kx = 0;
  raw("<g aria-hidden=\"true\">");
  for (const auto& [label, v] : counts) {
    const Colour c = colour(label);
    raw("<rect x=\"" + co(kx) + "\" y=\"46\" width=\"12\" height=\"12\" fill=\"" + std::string(c.fill) + "\"/>");
    raw("<text x=\"" + co(kx + 17) + "\" y=\"57\">");
    text(label + " (" + count_text(v) + ")");
    raw("</text>");
    kx += 40 + 8.0 * static_cast<double>(label.size() + count_text(v).size());
  }
  raw("</g>\n</svg>\n");
  el("figcaption", "Figure 2. Provisions of the Code by compliance; the counts are in the summary table.");
  raw("\n</figure>\n");
}

// "Section 6: Complaints stages", in the Code's own titles.
std::string Page::section_heading(const std::string& number) const {
  if (number.empty()) return "Other provisions";
  const Section* s = m_.catalogue->section(number);
  return s ? cat("Section ", number, ": ", s->title) : cat("Section ", number);
}

void Page::self_assessment() {
  raw("<section id=\"self-assessment\" aria-labelledby=\"sa-h\">\n<h2 id=\"sa-h\">Self-assessment against ");
  text(words().code_name);
  raw("</h2>\n");
  el("p", cat(capitalised(words().code_short), "'s provisions, one by one, with the evidence for each (", m_.catalogue->title, ").",
              words().self_assessment_note.empty() ? std::string() : cat(" ", words().self_assessment_note)));
  raw("\n");

  // Summary: counts and percentages by answer.
  std::vector<std::pair<std::string, double>> counts;
  const double total = static_cast<double>(m_.assessment.size());
  for (const auto& [comply, n] : m_.assessment_summary) counts.emplace_back(comply, static_cast<double>(n));
  el("h3", "Summary of compliance");
  table_open(cat("Provisions of ", words().code_short, " by compliance"), "narrow");
  raw("<thead><tr>");
  th_col("Comply");
  th_col("Provisions", true);
  th_col("Percentage", true);
  raw("</tr></thead><tbody>\n");
  for (const auto& [label, n] : counts) {
    raw("<tr><th scope=\"row\">");
    comply_badge(label);
    raw("</th>");
    td(count_text(n), true);
    td(total > 0 ? decimal(percent_share(n, total), 1) + "%" : std::string(kDash), true);
    raw("</tr>\n");
  }
  raw("<tr class=\"total\">");
  th_row("Total");
  td(count_text(total), true);
  td(total > 0 ? "100%" : std::string(kDash), true);
  raw("</tr>\n");
  table_close();
  summary_chart(counts, total);
  el("p", m_.assessment_method, "class=\"note\"");
  raw("\n");
  el("p", "Cases judged under this Code: " + count(m_.cases_judged_under_code) + ".", "class=\"note\"");
  raw("\n");

  if (m_.assessment.empty()) {
    el("p", "No provisions were assessed.");
    raw("\n</section>\n");
    return;
  }
  // Grouped by the Code's sections, in the catalogue's order.
  std::vector<std::pair<std::string, std::vector<const AssessmentRow*>>> groups;
  for (const Section& s : m_.catalogue->sections) groups.emplace_back(s.number, std::vector<const AssessmentRow*>{});
  for (const AssessmentRow& row : m_.assessment) {
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == row.provision->section; });
    if (it == groups.end()) it = groups.emplace(groups.end(), row.provision->section, std::vector<const AssessmentRow*>{});
    it->second.push_back(&row);
  }
  el("h3", "Provision by provision");
  for (const auto& [section, members] : groups) {
    if (members.empty()) continue;
    const std::string heading = section_heading(section);
    raw("<div class=\"sa-section\">");
    raw("<h4 id=\"sa-s");
    text(section);
    raw("\">");
    text(heading);
    raw("</h4>\n");
    raw("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"");
    text(heading);
    raw("\"><table class=\"sa\"><colgroup><col class=\"c1\"><col class=\"c2\"><col class=\"c3\"><col class=\"c4\"><col class=\"c5\"></colgroup>");
    raw("<thead><tr><th scope=\"col\">Code provision</th><th scope=\"col\">Code requirement</th><th scope=\"col\">Comply</th>"
        "<th scope=\"col\">Evidence</th><th scope=\"col\">Commentary / explanation</th></tr></thead><tbody>\n");
    for (const AssessmentRow* row : members) {
      const Provision& p = *row->provision;
      raw("<tr><th scope=\"row\"><span class=\"prov\">");
      text(p.id);
      raw("</span>");
      if (!p.title.empty()) {
        raw("<span class=\"ptitle\">");
        text(p.title);
        raw("</span>");
      }
      raw("</th><td data-label=\"Code requirement\">");
      text(p.text);
      raw("</td><td data-label=\"Comply\">");
      comply_badge(row->comply);
      raw("</td><td data-label=\"Evidence\">");
      text(row->evidence.empty() ? kDash : std::string_view(row->evidence));
      if (row->source != "none") {
        raw("<span class=\"source\">Source: ");
        text(row->source == "register" ? std::string_view("the complaint register")
             : row->source == "rules"  ? std::string_view("the rule set")
                                       : std::string_view("the landlord's evidence"));
        raw("</span>");
      }
      raw(row->commentary.empty() ? "</td><td class=\"empty\" data-label=\"Commentary / explanation\">"
                                  : "</td><td data-label=\"Commentary / explanation\">");
      text(row->commentary);
      raw("</td></tr>\n");
    }
    raw("</tbody></table></div></div>\n");
  }
  raw("</section>\n");
}

void Page::rejected() {
  if (m_.cases_rejected == 0) return;
  raw("<section id=\"rejected\" aria-labelledby=\"rejected-h\">\n<h2 id=\"rejected-h\">Register lines not read</h2>\n");
  const std::size_t listed = m_.rejected->size();
  std::string intro = count(m_.cases_rejected) + (m_.cases_rejected == 1 ? " line of the register could not be read as a case and is"
                                                                           : " lines of the register could not be read as cases and are") +
                      " left out of every figure.";
  if (m_.cases_rejected > listed && listed > 0) intro += " The first " + count(listed) + " are listed.";
  el("p", intro);
  raw("\n");
  if (listed > 0) {
    table_open("Rejected register lines");
    raw("<thead><tr>");
    th_col("Line", true);
    th_col("Reason");
    raw("</tr></thead><tbody>\n");
    for (const Rejected& r : *m_.rejected) {
      raw("<tr>");
      el("th", count(r.line), "scope=\"row\" class=\"num\"");
      td(r.reason);
      raw("</tr>\n");
    }
    table_close();
  }
  raw("</section>\n");
}

void Page::footer() {
  raw("</main>\n<footer>\n");
  el("p", cat("Generated by ", m_.generated_by, " with the rule set ", m_.rules, " ", m_.rules_version,
              ", from the landlord's complaint register, as of ", long_date(m_.to), "."));
  raw("\n</footer>\n</div>\n</body>\n</html>\n");
}

std::string Page::render() {
  head();
  cover();
  contents();
  about();
  measures();
  performance();
  monthly();
  self_assessment();
  rejected();
  footer();
  return std::move(o_);
}

}  // namespace

std::string render_html(const ReportModel& m) { return Page(m).render(); }

}  // namespace chc
