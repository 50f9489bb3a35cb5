// SPDX-License-Identifier: MIT
// A C++ consumer of the installed chc, linked against libchc.a (chc::chc_static).
// Every public C++ header is included: they must be self-contained and need
// nothing but the C++20 standard library (no Boost).
#include <chc/calendar.hpp>
#include <chc/date.hpp>
#include <chc/error.hpp>
#include <chc/evaluate.hpp>
#include <chc/rules.hpp>

#include <chc/chc.h>

#include <iostream>
#include <string>

int main() {
  try {
    const auto cal = chc::Calendar::builtin("england-and-wales");
    const chc::Date due = cal.add_working_days(chc::Date::parse("2024-12-20"), 5);
    std::cout << due.iso() << "\n";
    return due == chc::Date::parse("2024-12-31") && std::string(chc_version()) == CHC_VERSION_STRING ? 0 : 1;
  } catch (const chc::Error& e) {
    std::cerr << "consumer: chc: " << e.what() << "\n";
    return 1;
  }
}
