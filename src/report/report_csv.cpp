// SPDX-License-Identifier: MIT
// The report as CSV for spreadsheets: titled tables separated by blank lines.
#include "core/json_util.hpp"
#include "report/report_impl.hpp"

namespace chc {

namespace bj = boost::json;

namespace {

std::string cell(const bj::value& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return std::string(v.get_string());
  return json::serialize(v);
}

class CsvTable {
 public:
  CsvTable(std::string& out, const char* title, std::initializer_list<const char*> header) : out_(out) {
    if (!out_.empty()) out_ += "\r\n";
    row({title});
    std::vector<std::string> h(header.begin(), header.end());
    row(h);
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

std::string render_csv(const bj::object& r) {
  std::string out;
  const auto& tsm = r.at("tsm").as_object();
  {
    CsvTable t(out, "Tenant Satisfaction Measures", {"measure", "stage", "complaints", "homes", "per 1,000 homes", "responded",
                                                      "within timescale", "percent"});
    for (const char* stage : {"stage1", "stage2"}) {
      const auto& c = tsm.at("CH01").at(stage).as_object();
      t.row({"CH01", stage, cell(c.at("count")), cell(c.at("homes")), cell(c.at("per_1000_homes")), "", "", ""});
    }
    for (const char* stage : {"stage1", "stage2"}) {
      const auto& c = tsm.at("CH02").at(stage).as_object();
      t.row({"CH02", stage, "", "", "", cell(c.at("responded").at("count")), cell(c.at("within_timescale")), cell(c.at("percent"))});
    }
  }
  {
    CsvTable t(out, "Performance by stage", {"stage", "received", "acknowledged", "acknowledged late", "responded", "extended",
                                              "median working days to acknowledge", "90th percentile to acknowledge",
                                              "median working days to respond", "90th percentile to respond"});
    for (const auto& s : r.at("performance").at("stages").as_array()) {
      const auto& o = s.as_object();
      t.row({cell(o.at("stage")), cell(o.at("received")), cell(o.at("acknowledged")), cell(o.at("acknowledged_late").at("count")),
             cell(o.at("responded")), cell(o.at("extended").at("count")), cell(o.at("median_working_days_to_acknowledge")),
             cell(o.at("p90_working_days_to_acknowledge")), cell(o.at("median_working_days_to_respond")),
             cell(o.at("p90_working_days_to_respond"))});
    }
  }
  {
    CsvTable t(out, "Complaints by category (stage 1 received)", {"category", "complaints"});
    for (const auto& kv : r.at("performance").at("categories").as_object()) t.row({std::string(kv.key()), cell(kv.value())});
  }
  {
    CsvTable t(out, "Complaints not accepted, by reason", {"reason", "complaints"});
    for (const auto& kv : r.at("performance").at("refused").at("by_reason").as_object()) {
      t.row({std::string(kv.key()), cell(kv.value().at("count"))});
    }
  }
  {
    CsvTable t(out, "Monthly", {"month", "stage 1 received", "stage 1 responded", "stage 1 within timescale", "stage 1 percent within",
                                "stage 2 received", "stage 2 responded", "stage 2 within timescale"});
    for (const auto& m : r.at("monthly").as_array()) {
      const auto& o = m.as_object();
      t.row({cell(o.at("month")), cell(o.at("stage1_received")), cell(o.at("stage1_responded")), cell(o.at("stage1_within")),
             cell(o.at("stage1_percent_within")), cell(o.at("stage2_received")), cell(o.at("stage2_responded")),
             cell(o.at("stage2_within"))});
    }
  }
  const auto& sa = r.at("self_assessment").as_object();
  {
    CsvTable t(out, "Summary of compliance", {"comply", "provisions", "percent"});
    for (const auto& s : sa.at("summary").as_array()) t.row({cell(s.at("comply")), cell(s.at("count")), cell(s.at("percent"))});
  }
  {
    CsvTable t(out, "Self-assessment", {"Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"});
    for (const auto& row : sa.at("rows").as_array()) {
      const auto& o = row.as_object();
      t.row({cell(o.at("provision")), cell(o.at("requirement")), cell(o.at("comply")), cell(o.at("evidence")), cell(o.at("commentary"))});
    }
  }
  return out;
}

}  // namespace chc
