// SPDX-License-Identifier: MIT
// The report as CSV for spreadsheets: titled tables separated by blank lines.
#include "report/report_model.hpp"

#include "core/text.hpp"

#include <charconv>

namespace chc {

namespace {

// Numbers as the JSON writes them, so a spreadsheet and a system read the same figures.
std::string cell(uint64_t n) { return std::to_string(n); }
std::string cell(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}
template <class T>
std::string cell(const std::optional<T>& v) {
  if (!v) return "";
  if constexpr (std::is_floating_point_v<T>) return cell(static_cast<double>(*v));
  else return std::to_string(*v);
}

class CsvTable {
 public:
  CsvTable(std::string& out, const char* title, std::initializer_list<const char*> header) : out_(out) {
    if (!out_.empty()) out_ += "\r\n";
    row({title});
    row(std::vector<std::string>(header.begin(), header.end()));
  }
  void row(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) out_ += ',';
      const std::string& f = fields[i];
      if (f.find_first_of(",\"\r\n") == std::string::npos) {
        out_ += f;
      } else {
        out_ += '"';
        for (const char c : f) out_ += c == '"' ? std::string("\"\"") : std::string(1, c);
        out_ += '"';
      }
    }
    out_ += "\r\n";
  }

 private:
  std::string& out_;
};

}  // namespace

std::string render_csv(const ReportModel& m) {
  std::string out;
  {
    CsvTable t(out, m.measures == RegulatorMeasures::tsm ? "Tenant Satisfaction Measures" : "Complaint volumes and timeliness",
               {"measure", "stage", "complaints", "homes", "per 1,000 homes", "responded", "within timescale", "percent"});
    for (const Ch01Row& c : m.ch01) {
      t.row({"CH01", cat("stage", std::to_string(c.stage)), cell(c.received.count), cell(c.homes), cell(c.per_1000_homes), "", "", ""});
    }
    for (const Ch02Row& c : m.ch02) {
      t.row({"CH02", cat("stage", std::to_string(c.stage)), "", "", "", cell(c.responded.count), cell(c.within), cell(c.percent)});
    }
  }
  {
    CsvTable t(out, "Performance by stage", {"stage", "received", "acknowledged", "acknowledged late", "responded", "extended",
                                              "median working days to acknowledge", "90th percentile to acknowledge",
                                              "median working days to respond", "90th percentile to respond"});
    for (const StageFigures& s : m.stages) {
      t.row({std::to_string(s.stage), cell(s.received), cell(s.acknowledged), cell(s.acknowledged_late.count), cell(s.responded),
             cell(s.extended.count), cell(s.median_to_acknowledge), cell(s.p90_to_acknowledge), cell(s.median_to_respond),
             cell(s.p90_to_respond)});
    }
  }
  {
    CsvTable t(out, "Complaints by category (stage 1 received)", {"category", "complaints"});
    for (const auto& [k, v] : m.categories) t.row({k, cell(v)});
  }
  {
    CsvTable t(out, "Complaints not accepted, by reason", {"reason", "complaints"});
    for (const Refusals::Reason& r : m.refused.by_reason) t.row({r.id, cell(r.complaints.count)});
  }
  {
    CsvTable t(out, "Monthly", {"month", "stage 1 received", "stage 1 responded", "stage 1 within timescale", "stage 1 percent within",
                                "stage 2 received", "stage 2 responded", "stage 2 within timescale"});
    for (const MonthFigures& x : m.months) {
      t.row({x.month, cell(x.stage1_received), cell(x.stage1_responded), cell(x.stage1_within), cell(x.stage1_percent_within),
             cell(x.stage2_received), cell(x.stage2_responded), cell(x.stage2_within)});
    }
  }
  {
    CsvTable t(out, "Summary of compliance", {"comply", "provisions", "percent"});
    for (const auto& [comply, n] : m.assessment_summary) {
      t.row({comply, cell(n), cell(percent_share(static_cast<double>(n), static_cast<double>(m.assessment.size())))});
    }
  }
  {
    CsvTable t(out, "Self-assessment", {"Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"});
    for (const AssessmentRow& row : m.assessment) t.row({row.provision->id, row.provision->text, row.comply, row.evidence, row.commentary});
  }
  return out;
}

}  // namespace chc
