// SPDX-License-Identifier: MIT
// chc: the command-line front door to the library.
//
// Every subcommand prints plain text for people or, with --json, the same JSON
// the C API returns. Bad input prints one line starting "chc: error:" to
// stderr and exits 2; internal failures exit 3.
#include "cli.hpp"

#include <chc/chc.h>

#include <cstdio>
#include <exception>
#include <iostream>

int main(int argc, char** argv) {
  try {
    return chc::cli::run(chc::cli::Args(argc, argv), std::cout);
  } catch (const chc::cli::UsageError& e) {
    std::cerr << "chc: error: " << e.what() << "\n(run 'chc --help' for usage)\n";
    return 2;
  } catch (const chc::Error& e) {
    std::cerr << "chc: error: " << e.what() << "\n";
    return e.code() == chc::Errc::internal ? 3 : 2;
  } catch (const std::exception& e) {
    std::cerr << "chc: internal error: " << e.what() << "\n";
    return 3;
  }
}
