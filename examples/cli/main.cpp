// SPDX-License-Identifier: MIT
// chc: the command-line front door to the library.
//
// Every command prints plain text for people or, with --json, the JSON the C
// API returns. Bad input prints one line "chc: <what was wrong>" to stderr and
// exits 2 (a mistake in the call adds a line pointing at the command's
// --help); internal failures exit 3.
#include "cli.hpp"

#include <chc/error.hpp>

#include <exception>
#include <iostream>
#include <string>

namespace {

// The command named on the line, for the usage hint (even when parsing failed).
std::string command_named(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (chc::cli::find_command(argv[i])) return argv[i];
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  int status = 0;
  try {
    chc::cli::Io io{std::cout, std::cerr};
    status = chc::cli::run(chc::cli::Args(argc, argv), io);
  } catch (const chc::cli::UsageError& e) {
    const std::string command = command_named(argc, argv);
    std::cerr << "chc: " << e.what() << "\nTry 'chc " << (command.empty() ? "" : command + " ") << "--help' for more information.\n";
    return 2;
  } catch (const chc::cli::FileError& e) {
    std::cerr << "chc: " << e.what() << "\n";
    return 2;
  } catch (const chc::Error& e) {
    std::cerr << "chc: " << e.what() << "\n";
    return e.code() == chc::Errc::internal ? 3 : 2;
  } catch (const std::exception& e) {
    std::cerr << "chc: internal error: " << e.what() << "\n";
    return 3;
  }
  if (!std::cout.flush()) {
    std::cerr << "chc: cannot write to standard output\n";
    return 2;
  }
  return status;
}
