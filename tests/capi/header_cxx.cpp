// SPDX-License-Identifier: MIT
// chc.h compiled as C++ under strict warnings (tests/capi/CMakeLists.txt), its macros used as a C++ CRM would.
#include <chc/chc.h>

int main() {
  chc_evaluate_options evaluate = CHC_EVALUATE_OPTIONS_INIT;
  chc_report_options report = CHC_REPORT_OPTIONS_INIT;
  const bool sizes = evaluate.size == sizeof evaluate && report.size == sizeof report && report.landlord == nullptr;
  return sizes && chc_abi_version() == CHC_ABI_VERSION && chc_strerror(CHC_E_DATE) != nullptr ? 0 : 1;
}
