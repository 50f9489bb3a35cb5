// SPDX-License-Identifier: MIT
// The chc command's subcommands, kept apart from main() so tests can drive them.
#pragma once

#include <chc/calendar.hpp>

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace chc::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// argv split into positional arguments and --options (--name value, --name=value, or a bare --flag).
class Args {
 public:
  Args(int argc, char** argv);
  explicit Args(std::vector<std::string> words);

  const std::string& command() const { return command_; }
  const std::vector<std::string>& positional() const { return positional_; }
  std::optional<std::string> option(const std::string& name) const;
  bool flag(const std::string& name) const;
  // Fails on an option the subcommand does not know.
  void allow(std::initializer_list<const char*> names) const;

 private:
  void parse(std::vector<std::string> words);
  std::string command_;
  std::vector<std::string> positional_;
  std::vector<std::pair<std::string, std::optional<std::string>>> options_;
};

int run(const Args& args, std::ostream& out);

}  // namespace chc::cli
