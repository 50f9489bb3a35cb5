// SPDX-License-Identifier: MIT
// The chc command: its command table, argument parsing and subcommands.
//
// One table (table.cpp) describes every command: name, synopsis, summary,
// description, operands, options with their help, examples and the function
// that runs it. The parser, the option checks, `chc --help`, `chc help
// COMMAND`, `chc COMMAND --help` and the manual page (`chc help --man`) all
// read it, so an option cannot exist without being documented.
//
// The command is a client of the public API only: it includes <chc/...>
// headers and the standard library, and links chc::chc_static.
#pragma once

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chc::cli {

// A mistake in how the command was called: printed with a hint to its --help.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A file that cannot be read or written: printed with the system's reason, no hint.
struct FileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Args;

// Where a command writes: its output, and warnings and summaries.
struct Io {
  std::ostream& out;
  std::ostream& err;
};

struct OptionSpec {
  std::string_view name;   // "calendar" for --calendar
  std::string_view value;  // the value's placeholder ("NAME"); empty for a flag
  std::string_view help;   // one sentence or two, no trailing full stop needed
  std::vector<std::string_view> choices = {};  // the values it takes, when they are few
  char short_name = 0;  // 'o' for -o
};

struct OperandSpec {
  std::string_view name;  // "DATE"; "[COMMAND]" when it may be left out
  std::string_view help;
};

struct ExampleSpec {
  std::string_view command;  // after "chc "
  std::string_view note;     // what it shows
};

struct CommandSpec {
  std::string_view name;
  std::string_view synopsis;     // after "chc "
  std::string_view summary;      // one line, for the list of commands
  std::string_view description;  // paragraphs, separated by blank lines
  std::vector<OperandSpec> operands = {};
  std::vector<OptionSpec> options = {};
  std::vector<ExampleSpec> examples = {};
  int (*run)(const Args&, Io&) = nullptr;
};

// The table (table.cpp).
const std::vector<CommandSpec>& commands();
const std::vector<OptionSpec>& global_options();  // --strict, --help, --version
const CommandSpec* find_command(std::string_view name);
extern const char* const program_summary;    // "UK social-housing complaint rules ..."
extern const char* const program_description;
extern const char* const exit_status_text;
extern const char* const environment_text;
extern const char* const see_also_text;

// Help and the manual page, rendered from the table (help.cpp).
void print_overview(std::ostream& out);
void print_command_help(std::ostream& out, const CommandSpec& command);
void print_man_page(std::ostream& out);

// argv split into the command, its operands and its --options. Whether an
// option takes a value comes from the table; unknown options are kept for
// check() to name.
class Args {
 public:
  Args(int argc, char** argv);
  explicit Args(std::vector<std::string> words);

  const std::string& command() const { return command_; }
  const std::vector<std::string>& positional() const { return positional_; }
  std::optional<std::string> option(std::string_view name) const;
  bool flag(std::string_view name) const;
  std::size_t option_count() const { return options_.size(); }
  // Fails on an option `command` does not take (suggesting the one meant),
  // a value outside an option's choices, or the wrong number of operands.
  void check(const CommandSpec& command) const;

 private:
  void parse(std::vector<std::string> words);
  std::string command_;
  std::vector<std::string> positional_;
  std::vector<std::pair<std::string, std::optional<std::string>>> options_;
};

// Runs the command line; returns the exit status (0, or 2 for input the
// command could not use). Throws UsageError, FileError and chc::Error.
int run(const Args& args, Io& io);

// The commands (cli.cpp), named by the table.
int cmd_holidays(const Args&, Io&);
int cmd_add(const Args&, Io&);
int cmd_count(const Args&, Io&);
int cmd_explain(const Args&, Io&);
int cmd_info(const Args&, Io&);
int cmd_calendars(const Args&, Io&);
int cmd_check(const Args&, Io&);
int cmd_rules(const Args&, Io&);
int cmd_provisions(const Args&, Io&);
int cmd_report(const Args&, Io&);
int cmd_generate(const Args&, Io&);
int cmd_help(const Args&, Io&);

}  // namespace chc::cli
