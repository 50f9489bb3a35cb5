// SPDX-License-Identifier: MIT
// crm_example.cpp: the same CRM task as examples/c/crm_example.c, through the
// C++ API (include/chc/*.hpp, the static library): errors are exceptions,
// objects are values, results are structs.
//
//   crm_example_cpp [case.json] [as-of YYYY-MM-DD]
#include <chc/calendar.hpp>
#include <chc/evaluate.hpp>
#include <chc/rules.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  try {
    const chc::Calendar cal = chc::Calendar::builtin("england-and-wales");
    const chc::RuleSet rules = chc::RuleSet::builtin("hoc");

    const chc::Date received = chc::Date::parse("2024-12-20");
    const chc::Date due = cal.add_working_days(received, 5);  // Code 6.2
    std::cout << "received " << received.iso() << ": acknowledge by " << due.iso() << "\n";
    for (const chc::NonWorkingDay& day : cal.explain(received, due)) {
      std::cout << "  skipped " << day.date.iso() << " " << day.reasons.front().name << "\n";
    }

    std::string text =
        R"({"id": "CRM-77", "received": "2024-12-20T16:05:00Z", "events": [
             {"type": "acknowledged", "date": "2024-12-23", "handler": "P. Patel", "definition": true}]})";
    if (argc > 1) {
      std::ifstream in(argv[1], std::ios::binary);
      if (!in) throw std::runtime_error(std::string("cannot read ") + argv[1]);
      std::ostringstream s;
      s << in.rdbuf();
      text = s.str();
    }
    const chc::Date as_of = chc::Date::parse(argc > 2 ? argv[2] : "2025-01-06");
    const chc::Evaluation e = chc::evaluate(rules, &cal, chc::Case::parse(text), as_of);
    std::cout << "status " << chc::case_status_name(e.status) << " at stage " << e.stage << " under " << e.rules << "\n";
    for (const chc::Deadline& d : e.deadlines) {
      if (!d.due) continue;
      std::cout << "  " << d.name << " (" << d.provision << ") due " << d.due->iso() << ": " << chc::deadline_state_name(d.state)
                << (d.provisional ? " (provisional)" : "") << "\n";
    }
    for (const chc::Finding& f : e.findings) {
      std::cout << "  " << chc::finding_result_name(f.result) << " " << f.provision << ": " << f.message << "\n";
    }

    try {
      chc::Case::parse(R"({"id": "X", "received": "2025-02-30", "events": []})");
      return 1;  // a bad date must not be accepted
    } catch (const chc::Error& bad) {
      std::cout << "a bad case: " << bad.what() << "\n";
    }
    return 0;
  } catch (const chc::Error& e) {
    std::cerr << "chc error " << static_cast<int>(e.code()) << ": " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
}
