// SPDX-License-Identifier: MIT
// The report as one self-contained HTML page for a landlord's governing body
// and website: inline CSS, charts drawn here as inline SVG (each with its
// figures in a table too), nothing fetched from anywhere. Every text taken
// from the JSON is escaped; missing keys and nulls show as "–" or "not computed".
#include "report/number_format.hpp"
#include "report/report_impl.hpp"

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

namespace bj = boost::json;
using namespace report_format;

namespace {

// UTF-8 spelled as bytes so the source compiles the same under any execution charset.
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::string_view kNotComputed = "not computed";

// ---------------------------------------------------------------------------
// Reading the JSON without trusting its shape.

class J {
 public:
  J() = default;
  explicit J(const bj::value* v) : v_(v && !v->is_null() ? v : nullptr), o_(v_ && v_->is_object() ? &v_->get_object() : nullptr) {}
  explicit J(const bj::object& o) : o_(&o) {}

  J operator[](std::string_view key) const {
    if (!o_) return J();
    const auto it = o_->find(key);
    return it == o_->end() ? J() : J(&it->value());
  }
  bool present() const { return v_ || o_; }
  const bj::object* object() const { return o_; }
  const bj::array* array() const { return v_ && v_->is_array() ? &v_->get_array() : nullptr; }
  std::optional<std::string_view> str() const {
    if (v_ && v_->is_string()) return std::string_view(v_->get_string());
    return std::nullopt;
  }
  std::string_view str_or(std::string_view fallback) const { return str().value_or(fallback); }
  // A number; a figure object ({"count": n, ...}) reads as its count.
  std::optional<double> num() const {
    if (o_) return (*this)["count"].num();
    if (!v_) return std::nullopt;
    if (v_->is_int64()) return static_cast<double>(v_->get_int64());
    if (v_->is_uint64()) return static_cast<double>(v_->get_uint64());
    if (v_->is_double()) return std::isfinite(v_->get_double()) ? std::optional<double>(v_->get_double()) : std::nullopt;
    return std::nullopt;
  }

 private:
  const bj::value* v_ = nullptr;
  const bj::object* o_ = nullptr;
};

// ---------------------------------------------------------------------------
// Text: escaping (with invalid UTF-8 and control characters replaced) and numbers.

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
    std::size_t n = 0;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) n = 3;
    else if (c >= 0xF0 && c <= 0xF4) n = 4;
    bool ok = n != 0 && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) ok = false;
    }
    if (ok) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out += kReplacement;
      ++i;
    }
  }
}

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  escape_into(out, s);
  return out;
}

std::string count_of(const J& j) { const auto v = j.num(); return v ? count_text(*v) : std::string(kDash); }
std::string percent_of(const J& j, std::string_view missing = kDash) {
  const auto v = j.num();
  return v ? decimal(*v, 1) + "%" : std::string(missing);
}
std::string money_of(const J& j) {
  const auto v = j.num();
  return v ? money_text(*v) : std::string(kDash);
}

// SVG coordinates.
std::string co(double v) { return fixed(v, 1, false); }

constexpr std::array<std::string_view, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                      "July",    "August",   "September", "October", "November", "December"};

std::optional<int> digits(std::string_view s) {
  int v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

// "2025-04-01" -> "1 April 2025" (anything else as it is)
std::string long_date(std::string_view iso) {
  if (iso.size() == 10 && iso[4] == '-' && iso[7] == '-') {
    const auto y = digits(iso.substr(0, 4)), m = digits(iso.substr(5, 2)), d = digits(iso.substr(8, 2));
    if (y && m && d && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31) {
      return std::to_string(*d) + " " + std::string(kMonths[static_cast<std::size_t>(*m - 1)]) + " " + std::to_string(*y);
    }
  }
  return std::string(iso);
}

// "2025-04" -> "Apr 2025"
std::string month_label(std::string_view key) {
  if (key.size() >= 7 && key[4] == '-') {
    const auto y = digits(key.substr(0, 4)), m = digits(key.substr(5, 2));
    if (y && m && *m >= 1 && *m <= 12) return std::string(kMonths[static_cast<std::size_t>(*m - 1)].substr(0, 3)) + " " + std::to_string(*y);
  }
  return std::string(key);
}

// "partly_upheld" -> "Partly upheld"
std::string humanise(std::string_view key) {
  std::string s(key);
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string refusal_reason(std::string_view key) {
  if (key == "over_12_months") return "Issue raised more than 12 months after it arose";
  if (key == "legal_proceedings") return "Legal proceedings had started";
  if (key == "previously_considered") return "Matter previously considered under the policy";
  if (key == "other") return "Other reasons";
  return humanise(key);
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

constexpr std::array<std::string_view, 9> kSections = {"Definition of a complaint",
                                                       "Exclusions",
                                                       "Accessibility and awareness",
                                                       "Complaint handling staff",
                                                       "The complaint handling process",
                                                       "Complaints stages",
                                                       "Putting things right",
                                                       "Self-assessment, reporting and compliance",
                                                       "Scrutiny and oversight"};

constexpr std::string_view kStyle = R"CSS(
:root{--ink:#0b0c0c;--muted:#505a5f;--line:#b1b4b6;--soft:#f3f2f1;--accent:#1d4f91;--accent-soft:#e8eef7}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
.page{max-width:1120px;margin:0 auto;padding:0 24px 32px}
.skip{position:absolute;left:-9999px}
.skip:focus{left:8px;top:8px;background:#fd0;color:var(--ink);padding:4px 8px;z-index:1}
header.cover{background:var(--accent);color:#fff;padding:28px 24px 24px;margin:0 -24px 24px}
.cover .kicker{margin:0 0 4px;font-size:.95rem;letter-spacing:.02em;opacity:.9}
.cover h1{margin:0;font-size:2rem;line-height:1.2}
.cover .landlord{margin:8px 0 0;font-size:1.45rem;font-weight:600}
.cover .period{margin:4px 0 0;font-size:1.05rem}
nav.contents{border:1px solid var(--line);background:var(--soft);padding:12px 20px;margin:0 0 8px}
nav.contents h2{font-size:1rem;margin:0 0 4px;border:0;padding:0}
nav.contents ol{margin:0;padding-left:1.4em;columns:2;column-gap:32px}
a{color:var(--accent)}
a:focus{outline:3px solid #fd0;outline-offset:1px}
h2{font-size:1.5rem;line-height:1.25;margin:36px 0 12px;padding-top:12px;border-top:3px solid var(--accent);break-after:avoid}
h3{font-size:1.15rem;margin:24px 0 8px;break-after:avoid}
p,ul,dl{margin:0 0 12px}
.muted,.note{color:var(--muted)}
.note{font-size:.9rem}
dl.facts{display:grid;grid-template-columns:minmax(160px,max-content) 1fr;gap:4px 20px}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:12px;margin:12px 0 20px}
.card{border:1px solid var(--line);border-top:5px solid var(--accent);padding:10px 14px;background:#fff;break-inside:avoid}
.card .label{margin:0;font-weight:600;font-size:.95rem}
.card .value{margin:2px 0 0;font-size:2rem;font-weight:700;line-height:1.15;font-variant-numeric:tabular-nums}
.card .value.na{font-size:1.3rem;line-height:1.3;padding:.35em 0 .3em;color:var(--muted)}
.card .unit{margin:0;font-size:.9rem}
.card .sub{margin:4px 0 0;font-size:.85rem;color:var(--muted)}
.table-wrap{overflow-x:auto;margin:0 0 16px}
.table-wrap:focus{outline:3px solid #fd0}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:0 0 6px;caption-side:top}
th,td{border-bottom:1px solid var(--line);padding:6px 10px;text-align:left;vertical-align:top}
thead th{background:var(--soft);border-bottom:2px solid var(--ink);vertical-align:bottom;font-weight:600}
tbody th{font-weight:400}
th[scope=row]{min-width:6em}
thead th[scope=colgroup]{text-align:center;border-bottom:1px solid var(--line)}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:0 40px;align-items:start}
.grid2 table.narrow{width:100%;min-width:0}
tr.total th,tr.total td{border-top:2px solid var(--ink);font-weight:700}
table.narrow{width:auto;min-width:50%}
.share{display:flex;align-items:center;gap:8px;min-width:160px}
.share .bar{display:inline-block;height:.8em;background:var(--accent);print-color-adjust:exact;-webkit-print-color-adjust:exact}
.share .pc{min-width:3.5em;text-align:right;font-variant-numeric:tabular-nums}
.callout{border-left:6px solid var(--accent);background:var(--accent-soft);padding:10px 16px;margin:12px 0 16px}
.callout .big{font-size:1.6rem;font-weight:700}
figure{margin:16px 0}
figure svg{display:block;width:100%;height:auto;max-height:420px}
figcaption{font-size:.9rem;color:var(--muted);margin-top:6px}
.badge{display:inline-block;padding:1px 8px;border:1px solid;border-radius:3px;font-weight:700;font-size:.85rem;white-space:nowrap;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.badge .mark{display:inline-block;min-width:1em;margin-right:4px;text-align:center}
.c-yes{background:#cce2d8;color:#005a30;border-color:#005a30}
.c-partial{background:#fff2b3;color:#594d00;border-color:#8a7500}
.c-no{background:#f6d7d2;color:#942514;border-color:#942514}
.c-noted{background:#d2e2f1;color:#0c2d4a;border-color:#0c2d4a}
.c-none{background:#f3f2f1;color:#383f43;border-color:#6f777b}
table.sa{table-layout:fixed;font-size:.9rem}
table.sa col.c1{width:13%}
table.sa col.c2{width:32%}
table.sa col.c3{width:15%}
table.sa col.c4{width:22%}
table.sa col.c5{width:18%}
table.sa td,table.sa th{overflow-wrap:break-word}
table.sa .badge{white-space:normal}
table.sa .prov{display:block;font-size:1.05rem}
table.sa .ptitle{display:block;font-weight:400;color:var(--muted);font-size:.85rem}
table.sa .source{display:block;margin-top:4px;font-size:.8rem;color:var(--muted)}
.sa-section{break-inside:auto}
footer{margin-top:40px;padding-top:12px;border-top:1px solid var(--line);font-size:.85rem;color:var(--muted)}
@media screen and (max-width:720px){
 .page{padding:0 12px 24px}
 header.cover{margin:0 -12px 16px;padding:20px 12px}
 .cover h1{font-size:1.5rem}
 nav.contents ol{columns:1}
 dl.facts{grid-template-columns:1fr}
 dl.facts dd{margin-bottom:6px}
 table.sa,table.sa tbody,table.sa tr,table.sa td,table.sa th{display:block;width:auto}
 table.sa colgroup,table.sa thead{display:none}
 table.sa tr{border:1px solid var(--line);margin:0 0 12px;padding:4px 0}
 table.sa td,table.sa th{border:0;padding:4px 10px}
 table.sa td.empty{display:none}
 table.sa td::before{content:attr(data-label);display:block;font-size:.8rem;font-weight:600;color:var(--muted)}
}
@media print{
 @page{size:A4;margin:14mm 12mm}
 html{font-size:12.5px}
 body{font-size:1rem;line-height:1.4}
 .page{max-width:none;padding:0}
 header.cover{margin:0 0 14pt;padding:14pt 12pt;print-color-adjust:exact;-webkit-print-color-adjust:exact}
 nav.contents,.skip{display:none}
 h2{margin-top:18pt}
 #self-assessment{break-before:page}
 .table-wrap{overflow:visible}
 tr,.card,figure{break-inside:avoid}
 thead{display:table-header-group}
 a{color:inherit;text-decoration:none}
 figure svg{max-height:none}
 .grid2{grid-template-columns:1fr 1fr;gap:0 24px}
 .share{min-width:0}
}
)CSS";

// ---------------------------------------------------------------------------

class Page {
 public:
  explicit Page(const bj::object& report) : r_(report) { o_.reserve(256 * 1024); }
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
  void tsm();
  void performance();
  void monthly();
  void monthly_chart(const bj::array& months);
  void self_assessment();
  void summary_chart(const std::vector<std::pair<std::string, double>>& counts, double total);
  void rejected();
  void footer();

  J root() const { return J(r_); }
  std::string period_text() const;

  const bj::object& r_;
  std::string o_;
  std::string landlord_;
  std::string title_;
  std::string period_;
  bool has_rejected_ = false;
};

std::string Page::period_text() const {
  const J p = root()["report"]["period"];
  const auto from = p["from"].str(), to = p["to"].str();
  if (from && to) return long_date(*from) + " to " + long_date(*to);
  return std::string(p["label"].str_or(kDash));
}

void Page::head() {
  raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
  if (const auto g = root()["report"]["generated_by"].str()) {
    raw("<meta name=\"generator\" content=\"");
    text(*g);
    raw("\">\n");
  }
  std::string t = title_;
  if (!period_.empty()) t += " " + period_;
  if (!landlord_.empty()) t += std::string(" ") + std::string(kDash) + " " + landlord_;
  el("title", t);
  raw("\n<style>");
  raw(kStyle);
  raw("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n<div class=\"page\">\n");
}

void Page::cover() {
  raw("<header class=\"cover\">\n");
  el("p", "Annual complaints performance and service improvement report", "class=\"kicker\"");
  raw("\n");
  el("h1", title_);
  raw("\n");
  if (!landlord_.empty()) el("p", landlord_, "class=\"landlord\"");
  raw("\n");
  std::string period = period_.empty() ? period_text() : "Reporting period " + period_ + ": " + period_text();
  el("p", period, "class=\"period\"");
  raw("\n</header>\n");
}

void Page::contents() {
  raw("<nav class=\"contents\" aria-labelledby=\"contents-h\"><h2 id=\"contents-h\">Contents</h2><ol>"
      "<li><a href=\"#about\">About this report</a></li>"
      "<li><a href=\"#tsm\">Tenant Satisfaction Measures</a></li>"
      "<li><a href=\"#performance\">Complaint handling performance</a></li>"
      "<li><a href=\"#monthly\">Monthly volumes and timeliness</a></li>"
      "<li><a href=\"#self-assessment\">Self-assessment against the Code</a></li>");
  if (has_rejected_) raw("<li><a href=\"#rejected\">Register lines not read</a></li>");
  raw("</ol></nav>\n<main id=\"main\">\n");
}

void Page::about() {
  const J rep = root()["report"], in = root()["input"];
  raw("<section id=\"about\" aria-labelledby=\"about-h\">\n<h2 id=\"about-h\">About this report</h2>\n");
  std::string intro = "This report sets out the complaint handling of ";
  intro += landlord_.empty() ? "the landlord" : landlord_;
  intro += " for the period, measured case by case from the complaint register against the Housing Ombudsman's "
           "Complaint Handling Code: the Tenant Satisfaction Measures CH01 and CH02, the annual performance figures, and the "
           "self-assessment against each provision of the Code.";
  el("p", intro);
  raw("\n<dl class=\"facts\">\n");
  el("dt", "Reporting period");
  el("dd", period_text() + (period_.empty() ? "" : " (" + period_ + ")"));
  std::string rules(rep["rules"].str_or(kDash));
  if (const auto v = rep["rules_version"].str()) rules += " (version " + std::string(*v) + ")";
  el("dt", "Rule set");
  el("dd", rules);
  el("dt", "Working-day calendar");
  el("dd", rep["calendar"].str_or(kDash));
  el("dt", "Figures as of");
  el("dd", long_date(rep["as_of"].str_or(kDash)));
  el("dt", "Cases in the register");
  el("dd", count_of(in["cases_read"]) + " read, " + count_of(in["cases_accepted"]) + " accepted, " + count_of(in["cases_rejected"]) +
               " rejected" + (in["cases_in_period"].present() ? "; " + count_of(in["cases_in_period"]) + " with events in the period" : ""));
  if (const auto* by = in["cases_by_rules"].object(); by && !by->empty()) {
    std::string s;
    for (const auto& kv : *by) {
      if (!s.empty()) s += "; ";
      s += std::string(kv.key()) + ": " + count_of(J(&kv.value()));
    }
    el("dt", "Cases by Code version");
    el("dd", s);
  }
  if (root()["data_issues"].present()) {
    el("dt", "Cases with data issues");
    el("dd", count_of(root()["data_issues"]));
  }
  raw("</dl>\n");
  if (const auto* readings = root()["tsm"]["readings"].array(); readings && !readings->empty()) {
    el("h3", "How the measures are read");
    raw("\n<ul class=\"readings\">\n");
    for (const auto& r : *readings) {
      if (r.is_string()) el("li", r.get_string());
      raw("\n");
    }
    raw("</ul>\n");
  }
  if (const auto* warnings = in["warnings"].array(); warnings && !warnings->empty()) {
    el("h3", "Warnings");
    raw("\n<ul class=\"warnings\">\n");
    for (const auto& w : *warnings) {
      if (w.is_string()) el("li", w.get_string());
      raw("\n");
    }
    raw("</ul>\n");
  }
  raw("</section>\n");
}

void Page::tsm() {
  const J t = root()["tsm"];
  const J ch01 = t["CH01"], ch02 = t["CH02"];
  raw("<section id=\"tsm\" aria-labelledby=\"tsm-h\">\n<h2 id=\"tsm-h\">Tenant Satisfaction Measures</h2>\n");
  el("p", "The Regulator of Social Housing's complaint measures: CH01, complaints relative to the size of the landlord, and "
          "CH02, complaints responded to within the Complaint Handling Code's timescales.");
  raw("\n<div class=\"cards\">\n");
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 2> stages = {{{"stage1", "Stage 1"}, {"stage2", "Stage 2"}}};
  for (const auto& [key, name] : stages) {
    const J c = ch01[key];
    raw("<div class=\"card\">");
    el("p", "CH01 " + std::string(name), "class=\"label\"");
    const auto per = c["per_1000_homes"].num();
    el("p", per ? decimal(*per, 2) : std::string(kNotComputed), per ? "class=\"value\"" : "class=\"value na\"");
    el("p", "complaints per 1,000 homes", "class=\"unit\"");
    el("p", count_of(c["count"]) + " complaints" + (c["homes"].present() ? ", " + count_of(c["homes"]) + " homes" : ", no number of homes given"),
       "class=\"sub\"");
    raw("</div>\n");
  }
  for (const auto& [key, name] : stages) {
    const J c = ch02[key];
    raw("<div class=\"card\">");
    el("p", "CH02 " + std::string(name), "class=\"label\"");
    el("p", percent_of(c["percent"], kNotComputed), c["percent"].num() ? "class=\"value\"" : "class=\"value na\"");
    el("p", "responses within timescale", "class=\"unit\"");
    el("p", count_of(c["within_timescale"]) + " of " + count_of(c["responded"]) + " responses", "class=\"sub\"");
    raw("</div>\n");
  }
  raw("</div>\n");

  // CH01.
  bool lcra = false, lcho = false;
  for (const auto& [key, name] : stages) {
    // A column when the key is there at all, even null ("not computed").
    const bj::object* c = ch01[key].object();
    lcra = lcra || (c != nullptr && c->contains("per_1000_lcra_homes"));
    lcho = lcho || (c != nullptr && c->contains("per_1000_lcho_homes"));
  }
  table_open("CH01: complaints received per 1,000 homes", "narrow");
  raw("<thead><tr>");
  th_col("Stage");
  th_col("Complaints received", true);
  th_col("Homes", true);
  th_col("Per 1,000 homes", true);
  if (lcra) th_col("Per 1,000 LCRA homes", true);
  if (lcho) th_col("Per 1,000 LCHO homes", true);
  raw("</tr></thead><tbody>\n");
  for (const auto& [key, name] : stages) {
    const J c = ch01[key];
    raw("<tr>");
    th_row(name);
    td(count_of(c["count"]), true);
    td(count_of(c["homes"]), true);
    const auto per = c["per_1000_homes"].num();
    td(per ? decimal(*per, 2) : std::string(kNotComputed), true);
    if (lcra) {
      const auto v = c["per_1000_lcra_homes"].num();
      td(v ? decimal(*v, 2) : std::string(kNotComputed), true);
    }
    if (lcho) {
      const auto v = c["per_1000_lcho_homes"].num();
      td(v ? decimal(*v, 2) : std::string(kNotComputed), true);
    }
    raw("</tr>\n");
  }
  table_close();

  // CH02, with the other reading beside the reported one.
  table_open("CH02: responses within the Code's timescales");
  raw("<thead><tr>");
  th_col("Stage");
  th_col("Responses issued", true);
  th_col("Within timescale", true);
  th_col("% within timescale (reported)", true);
  th_col("Within the original timescale only", true);
  th_col("Including Code-compliant extensions", true);
  raw("</tr></thead><tbody>\n");
  for (const auto& [key, name] : stages) {
    const J c = ch02[key];
    raw("<tr>");
    th_row(name);
    td(count_of(c["responded"]), true);
    td(count_of(c["within_timescale"]), true);
    td(percent_of(c["percent"], kNotComputed), true);
    td(count_of(c["within_original_timescale"]) + " (" + percent_of(c["percent_within_original_timescale"]) + ")", true);
    td(count_of(c["within_with_code_compliant_extension"]) + " (" + percent_of(c["percent_with_code_compliant_extension"]) + ")", true);
    raw("</tr>\n");
  }
  table_close();
  el("p", "The reported CH02 figure follows the reading set out in \"How the measures are read\"; the figures within the original "
          "timescale and including Code-compliant extensions are both given so either reading can be compared.",
     "class=\"note\"");
  raw("\n</section>\n");
}

void Page::performance() {
  const J perf = root()["performance"];
  const J ch02 = root()["tsm"]["CH02"];
  raw("<section id=\"performance\" aria-labelledby=\"perf-h\">\n<h2 id=\"perf-h\">Complaint handling performance</h2>\n");
  el("p", "The annual complaint handling figures the Code asks landlords to report (Code 8.1(b)), stage by stage.");

  // Per stage: measures down, stages across (fits a portrait page).
  std::vector<J> stages;
  if (const auto* a = perf["stages"].array()) {
    for (const auto& s : *a) {
      if (s.is_object()) stages.emplace_back(&s);
    }
  }
  auto stage_name = [](const J& s) { const auto n = s["stage"].num(); return n ? "Stage " + count_text(*n) : std::string("Stage"); };
  auto ch02_of = [&](const J& s) {
    const auto n = s["stage"].num();
    return n ? ch02["stage" + count_text(*n)] : J();
  };
  if (!stages.empty()) {
    table_open("Complaints by stage", "narrow");
    raw("<thead><tr>");
    th_col("Measure");
    for (const J& s : stages) th_col(stage_name(s), true);
    raw("</tr></thead><tbody>\n");
    struct Measure {
      std::string_view label;
      std::string_view key;
      bool late_response;
    };
    static constexpr std::array<Measure, 10> measures = {{
        {"Complaints received", "received", false},
        {"Acknowledged", "acknowledged", false},
        {"Acknowledged late", "acknowledged_late", false},
        {"Responses issued", "responded", false},
        {"Responded outside timescale", "", true},
        {"Responses with an extension", "extended", false},
        {"Median working days to acknowledge", "median_working_days_to_acknowledge", false},
        {"90th percentile working days to acknowledge", "p90_working_days_to_acknowledge", false},
        {"Median working days to respond", "median_working_days_to_respond", false},
        {"90th percentile working days to respond", "p90_working_days_to_respond", false},
    }};
    for (const Measure& m : measures) {
      raw("<tr>");
      th_row(m.label);
      for (const J& s : stages) td(count_of(m.late_response ? ch02_of(s)["late"] : s[m.key]), true);
      raw("</tr>\n");
    }
    table_close();

    // Outcomes of the responses, by the decisions found.
    std::vector<std::string> decisions;
    for (const J& s : stages) {
      if (const auto* d = s["decisions"].object()) {
        for (const auto& kv : *d) {
          if (std::find(decisions.begin(), decisions.end(), kv.key()) == decisions.end()) decisions.emplace_back(kv.key());
        }
      }
    }
    if (!decisions.empty()) {
      static constexpr std::array<std::string_view, 3> order = {"upheld", "partly_upheld", "not_upheld"};
      std::stable_sort(decisions.begin(), decisions.end(), [](const std::string& a, const std::string& b) {
        const auto ia = std::find(order.begin(), order.end(), a) - order.begin(), ib = std::find(order.begin(), order.end(), b) - order.begin();
        return ia < ib;
      });
      table_open("Outcomes of the responses issued", "narrow");
      raw("<thead><tr>");
      th_col("Outcome");
      for (const J& s : stages) th_col(stage_name(s), true);
      raw("</tr></thead><tbody>\n");
      for (const auto& d : decisions) {
        raw("<tr>");
        th_row(humanise(d));
        for (const J& s : stages) td(s["decisions"].object() ? count_of(s["decisions"][d]) : std::string(kDash), true);
        raw("</tr>\n");
      }
      table_close();
    }
  }

  raw("<div class=\"callout\"><p><span class=\"big\">");
  text(percent_of(perf["escalation_rate_percent"], kNotComputed));
  raw("</span> escalation rate</p>");
  el("p", "Stage 2 complaints received as a share of the stage 1 responses issued in the period.", "class=\"note\"");
  raw("</div>\n");

  // Categories, largest first, with their share; beside them, the complaints not accepted and withdrawn.
  raw("<div class=\"grid2\"><div>\n");
  if (const auto* cats = perf["categories"].object(); cats && !cats->empty()) {
    std::vector<std::pair<std::string, double>> rows;
    double total = 0;
    for (const auto& kv : *cats) {
      const double v = J(&kv.value()).num().value_or(0);
      rows.emplace_back(std::string(kv.key()), v);
      total += v;
    }
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
      td(count_text(v), true);
      const double share = total > 0 ? 100.0 * v / total : 0;
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
  const J refused = perf["refused"];
  if (const auto* by = refused["by_reason"].object(); by && !by->empty()) {
    table_open("Complaints not accepted under the Code's exclusions, by reason", "narrow");
    raw("<thead><tr>");
    th_col("Reason");
    th_col("Complaints", true);
    raw("</tr></thead><tbody>\n");
    for (const auto& kv : *by) {
      raw("<tr>");
      th_row(refusal_reason(kv.key()));
      td(count_of(J(&kv.value())), true);
      raw("</tr>\n");
    }
    raw("<tr class=\"total\">");
    th_row("Total");
    td(count_of(refused["count"]), true);
    raw("</tr>\n");
    table_close();
  } else {
    el("p", "Complaints not accepted under the Code's exclusions: " + count_of(refused["count"]) + ".");
  }
  el("p", "Complaints withdrawn: " + count_of(perf["withdrawn"]) + ".");
  raw("\n</div></div>\n<div class=\"grid2\"><div>\n");

  // Remedies.
  const J rem = perf["remedies"];
  el("h3", "Putting things right: remedies");
  table_open("Remedies offered and completed", "narrow");
  raw("<thead><tr>");
  th_col("Remedies");
  th_col("Cases", true);
  th_col("Amount", true);
  raw("</tr></thead><tbody>\n<tr>");
  th_row("Offered");
  td(count_of(rem["offered"]), true);
  td(money_of(rem["offered_amount"]), true);
  raw("</tr>\n<tr>");
  th_row("Completed");
  td(count_of(rem["completed"]), true);
  td(money_of(rem["completed_amount"]), true);
  raw("</tr>\n");
  if (rem["overdue"].present()) {
    raw("<tr>");
    th_row("Overdue at the period's end");
    td(count_of(rem["overdue"]), true);
    td(kDash, true);
    raw("</tr>\n");
  }
  table_close();
  raw("</div><div>\n");

  // Open cases by age.
  if (const auto* open = perf["open_at_period_end_by_age"].array(); open && !open->empty()) {
    el("h3", "Complaints open at the end of the period");
    table_open("Open complaints by working days since their current stage began", "narrow");
    raw("<thead><tr>");
    th_col("Working days open");
    th_col("Complaints", true);
    raw("</tr></thead><tbody>\n");
    double total = 0;
    for (const auto& row : *open) {
      const J j(&row);
      raw("<tr>");
      std::string band(j["working_days"].str_or(kDash));
      if (const auto dash = band.find('-'); dash != std::string::npos && dash > 0) band.replace(dash, 1, kDash);
      th_row(band);
      td(count_of(j), true);
      raw("</tr>\n");
      total += j.num().value_or(0);
    }
    raw("<tr class=\"total\">");
    th_row("Total");
    td(count_text(total), true);
    raw("</tr>\n");
    table_close();
  }
  raw("</div></div>\n");
  if (const auto* notes = perf["notes"].array(); notes && !notes->empty()) {
    raw("<ul class=\"note\">\n");
    for (const auto& n : *notes) {
      if (n.is_string()) el("li", n.get_string());
      raw("\n");
    }
    raw("</ul>\n");
  }
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

void Page::monthly_chart(const bj::array& months) {
  constexpr double W = 800, H = 350, L = 64, R = 64, T = 52, B = 50;
  constexpr double pw = W - L - R, ph = H - T - B;
  const std::size_t n = months.size();
  std::vector<std::string> labels;
  std::vector<double> received;
  std::vector<std::optional<double>> pct;
  double top = 0;
  for (const auto& m : months) {
    const J j(&m);
    labels.push_back(month_label(j["month"].str_or("")));
    received.push_back(std::max(0.0, j["stage1_received"].num().value_or(0)));
    pct.push_back(j["stage1_percent_within"].num());
    top = std::max(top, received.back());
  }
  const double step = nice_step(top / 5), ymax = 5 * step;
  const double band = pw / static_cast<double>(n), bar = std::min(band * 0.64, 48.0);
  const std::size_t every = (n + 17) / 18;
  const std::string period = period_.empty() ? period_text() : period_;

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
  const bj::array* months = root()["monthly"].array();
  if (!months || months->empty()) {
    el("p", "No monthly figures were computed.");
    raw("\n</section>\n");
    return;
  }
  monthly_chart(*months);
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
  for (const auto& m : *months) {
    const J j(&m);
    raw("<tr>");
    th_row(month_label(j["month"].str_or(kDash)));
    td(count_of(j["stage1_received"]), true);
    td(count_of(j["stage1_responded"]), true);
    td(count_of(j["stage1_within"]), true);
    td(percent_of(j["stage1_percent_within"]), true);
    td(count_of(j["stage2_received"]), true);
    td(count_of(j["stage2_responded"]), true);
    td(count_of(j["stage2_within"]), true);
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

void Page::self_assessment() {
  const J sa = root()["self_assessment"];
  raw("<section id=\"self-assessment\" aria-labelledby=\"sa-h\">\n<h2 id=\"sa-h\">Self-assessment against the Complaint Handling Code</h2>\n");
  std::string intro = "The Code's provisions, one by one, with the evidence for each";
  if (const auto code = sa["code"].str()) intro += " (Code " + std::string(*code) + ")";
  intro += ". The Code requires the self-assessment to be reviewed and approved by the governing body and published with this report.";
  el("p", intro);
  raw("\n");

  // Summary: counts and percentages by answer.
  std::vector<std::pair<std::string, double>> counts;
  std::vector<std::string> percents;
  double total = 0;
  if (const auto* summary = sa["summary"].array()) {
    for (const auto& s : *summary) {
      const J j(&s);
      const auto label = j["comply"].str();
      if (!label) continue;
      const double c = j["count"].num().value_or(0);
      counts.emplace_back(std::string(*label), c);
      percents.push_back(percent_of(j["percent"]));
      total += c;
    }
  }
  const bj::array* rows = sa["rows"].array();
  if (counts.empty() && rows) {  // no summary given: count the rows
    for (const std::string_view label : {"Yes", "Partial", "No", "Noted", "Not assessed"}) {
      double c = 0;
      for (const auto& r : *rows) c += J(&r)["comply"].str_or("Not assessed") == label ? 1 : 0;
      counts.emplace_back(std::string(label), c);
      total += c;
    }
    for (const auto& entry : counts) percents.push_back(total > 0 ? fixed(100.0 * entry.second / total, 1) + "%" : std::string(kDash));
  }
  if (!counts.empty()) {
    el("h3", "Summary of compliance");
    table_open("Provisions of the Code by compliance", "narrow");
    raw("<thead><tr>");
    th_col("Comply");
    th_col("Provisions", true);
    th_col("Percentage", true);
    raw("</tr></thead><tbody>\n");
    for (std::size_t i = 0; i < counts.size(); ++i) {
      raw("<tr><th scope=\"row\">");
      comply_badge(counts[i].first);
      raw("</th>");
      td(count_text(counts[i].second), true);
      td(percents[i], true);
      raw("</tr>\n");
    }
    raw("<tr class=\"total\">");
    th_row("Total");
    td(sa["provisions"].present() ? count_of(sa["provisions"]) : count_text(total), true);
    td(total > 0 ? "100%" : std::string(kDash), true);
    raw("</tr>\n");
    table_close();
    summary_chart(counts, total);
  }
  if (const auto method = sa["method"].str()) {
    el("p", *method, "class=\"note\"");
    raw("\n");
  }
  if (const auto judged = sa["cases_judged_under_code"].num()) {
    el("p", "Cases judged under this Code: " + count_text(*judged) + ".", "class=\"note\"");
    raw("\n");
  }

  if (!rows || rows->empty()) {
    el("p", "No provisions were assessed.");
    raw("\n</section>\n");
    return;
  }
  // Group by the Code's sections, in order; a row's section is its "section", else its provision's first number.
  auto section_of = [](const J& row) -> std::string {
    const J s = row["section"];
    if (const auto str = s.str()) return std::string(*str);
    if (const auto v = s.num()) return count_text(*v);
    const std::string_view p = row["provision"].str_or("");
    return std::string(p.substr(0, p.find('.')));
  };
  std::vector<std::pair<std::string, std::vector<const bj::value*>>> groups;
  for (const auto& r : *rows) {
    const std::string s = section_of(J(&r));
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == s; });
    if (it == groups.end()) {
      groups.emplace_back(s, std::vector<const bj::value*>{});
      it = groups.end() - 1;
    }
    it->second.push_back(&r);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    const auto na = digits(a.first), nb = digits(b.first);
    if (na && nb) return *na < *nb;
    return static_cast<bool>(na) && !nb;
  });
  el("h3", "Provision by provision");
  for (const auto& [section, members] : groups) {
    const auto num = digits(section);
    std::string heading = section.empty() ? std::string("Other provisions") : "Section " + section;
    if (num && *num >= 1 && *num <= 9) heading += ": " + std::string(kSections[static_cast<std::size_t>(*num - 1)]);
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
    for (const bj::value* v : members) {
      const J row(v);
      raw("<tr><th scope=\"row\"><span class=\"prov\">");
      text(row["provision"].str_or(kDash));
      raw("</span>");
      if (const auto t = row["title"].str(); t && !t->empty()) {
        raw("<span class=\"ptitle\">");
        text(*t);
        raw("</span>");
      }
      raw("</th><td data-label=\"Code requirement\">");
      text(row["requirement"].str_or(kDash));
      raw("</td><td data-label=\"Comply\">");
      comply_badge(row["comply"].str_or("Not assessed"));
      raw("</td><td data-label=\"Evidence\">");
      const std::string_view evidence = row["evidence"].str_or("");
      text(evidence.empty() ? kDash : evidence);
      if (const auto src = row["source"].str(); src && *src != "none" && !src->empty()) {
        raw("<span class=\"source\">Source: ");
        text(*src == "register" ? std::string_view("the complaint register")
             : *src == "rules"  ? std::string_view("the rule set")
             : *src == "evidence" ? std::string_view("the landlord's evidence")
                                  : *src);
        raw("</span>");
      }
      const std::string_view commentary = row["commentary"].str_or("");
      raw(commentary.empty() ? "</td><td class=\"empty\" data-label=\"Commentary / explanation\">"
                             : "</td><td data-label=\"Commentary / explanation\">");
      text(commentary);
      raw("</td></tr>\n");
    }
    raw("</tbody></table></div></div>\n");
  }
  raw("</section>\n");
}

void Page::rejected() {
  if (!has_rejected_) return;
  const J in = root()["input"];
  raw("<section id=\"rejected\" aria-labelledby=\"rejected-h\">\n<h2 id=\"rejected-h\">Register lines not read</h2>\n");
  const bj::array* list = in["rejected"].array();
  const std::size_t listed = list ? list->size() : 0;
  const bool one = in["cases_rejected"].num().value_or(0) == 1;
  std::string intro = count_of(in["cases_rejected"]) + (one ? " line of the register could not be read as a case and is" : " lines of the register could not be read as cases and are") +
                      " left out of every figure.";
  if (const auto n = in["cases_rejected"].num(); n && *n > static_cast<double>(listed) && listed > 0) {
    intro += " The first " + count_text(static_cast<double>(listed)) + " are listed.";
  }
  el("p", intro);
  raw("\n");
  if (listed > 0) {
    table_open("Rejected register lines");
    raw("<thead><tr>");
    th_col("Line", true);
    th_col("Reason");
    raw("</tr></thead><tbody>\n");
    for (const auto& r : *list) {
      const J j(&r);
      raw("<tr>");
      el("th", count_of(j["line"]), "scope=\"row\" class=\"num\"");
      td(j["reason"].str_or(kDash));
      raw("</tr>\n");
    }
    table_close();
  }
  raw("</section>\n");
}

void Page::footer() {
  const J rep = root()["report"];
  raw("</main>\n<footer>\n");
  std::string s = "Generated by ";
  s += rep["generated_by"].str_or("chc");
  if (const auto rules = rep["rules"].str()) {
    s += " with the rule set " + std::string(*rules);
    if (const auto v = rep["rules_version"].str()) s += " " + std::string(*v);
  }
  s += ", from the landlord's complaint register";
  if (const auto a = rep["as_of"].str()) s += ", as of " + long_date(*a);
  s += ".";
  el("p", s);
  raw("\n</footer>\n</div>\n</body>\n</html>\n");
}

std::string Page::render() {
  const J rep = root()["report"];
  landlord_ = std::string(rep["landlord"].str_or(""));
  title_ = std::string(rep["title"].str_or("Complaints performance and self-assessment"));
  period_ = std::string(rep["period"]["label"].str_or(""));
  const J in = root()["input"];
  const bj::array* listed = in["rejected"].array();
  has_rejected_ = in["cases_rejected"].num().value_or(0) > 0 || (listed != nullptr && !listed->empty());

  head();
  cover();
  contents();
  about();
  tsm();
  performance();
  monthly();
  self_assessment();
  rejected();
  footer();
  return std::move(o_);
}

}  // namespace

std::string render_html(const bj::object& report) { return Page(report).render(); }

}  // namespace chc
