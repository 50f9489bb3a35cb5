// SPDX-License-Identifier: MIT
// Help text and the manual page, both rendered from the command table.
#include "cli.hpp"

#include <chc/chc.h>

#include <algorithm>
#include <string>

namespace chc::cli {

namespace {

constexpr std::size_t width = 80;
constexpr std::size_t option_column = 26;
constexpr std::size_t command_column = 14;

std::vector<std::string_view> paragraphs(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t at = 0; at <= text.size();) {
    const std::size_t end = std::min(text.find("\n\n", at), text.size());
    out.push_back(text.substr(at, end - at));
    at = end + 2;
  }
  return out;
}

// `text` filled to `width` columns: the first line after `first` (already
// written, of `first_width` columns), the others indented by `indent`.
void fill(std::ostream& out, std::string_view text, std::size_t first_width, std::size_t indent) {
  std::size_t column = first_width;
  bool line_empty = true;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    const std::string_view word = text.substr(at, end - at);
    at = end + 1;
    if (word.empty()) continue;
    if (!line_empty && column + 1 + word.size() > width) {
      out << '\n' << std::string(indent, ' ');
      column = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out << ' ';
      ++column;
    }
    out << word;
    column += word.size();
    line_empty = false;
  }
  out << '\n';
}

std::string option_label(const OptionSpec& o) {
  std::string label;
  if (o.short_name) label += std::string("-") + o.short_name + ", ";
  label += "--" + std::string(o.name);
  if (!o.value.empty()) label += " " + std::string(o.value);
  return label;
}

// "  --name VALUE     help..." with the help in its column, or on the next line when the label is long.
void print_item(std::ostream& out, const std::string& label, std::string_view help, std::size_t column = option_column) {
  out << "  " << label;
  if (label.size() + 2 + 2 > column) {
    out << '\n' << std::string(column, ' ');
  } else {
    out << std::string(column - 2 - label.size(), ' ');
  }
  fill(out, help, column, column);
}

void print_options(std::ostream& out, const std::vector<OptionSpec>& options) {
  for (const OptionSpec& o : options) print_item(out, option_label(o), o.help);
}

// --- roff --------------------------------------------------------------------

// Text for a roff line: backslashes and minus signs escaped, and a leading
// '.' or '\'' kept from reading as a request.
std::string roff(std::string_view text) {
  std::string out;
  if (!text.empty() && (text[0] == '.' || text[0] == '\'')) out += "\\&";
  for (const char c : text) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  return out;
}

void roff_paragraphs(std::ostream& out, std::string_view text) {
  bool first = true;
  for (const std::string_view p : paragraphs(text)) {
    if (!first) out << ".PP\n";
    out << roff(p) << '\n';
    first = false;
  }
}

void roff_option(std::ostream& out, const OptionSpec& o) {
  out << ".TP\n";
  if (o.short_name) out << "\\fB\\-" << o.short_name << "\\fR, ";
  out << "\\fB" << roff("--" + std::string(o.name)) << "\\fR";
  if (!o.value.empty()) out << " \\fI" << roff(o.value) << "\\fR";
  out << '\n' << roff(o.help) << '\n';
}

}  // namespace

void print_overview(std::ostream& out) {
  out << "chc: " << program_summary << "\n\nusage: chc <command> [arguments] [options]\n\nCommands:\n";
  for (const CommandSpec& c : commands()) print_item(out, std::string(c.name), c.summary, command_column);
  out << "\nGlobal options:\n";
  print_options(out, global_options());
  out << '\n';
  fill(out, "Dates are written YYYY-MM-DD. Exit status: 0 success, 2 bad input or usage, 3 internal error.", 0, 0);
  fill(out, "'chc help COMMAND' or 'chc COMMAND --help' gives a command's options and examples; 'man chc' the manual.", 0, 0);
}

void print_command_help(std::ostream& out, const CommandSpec& c) {
  out << "usage: chc ";
  fill(out, c.synopsis, 11, 11);
  out << '\n';
  for (const std::string_view p : paragraphs(c.description)) {
    fill(out, p, 0, 0);
    out << '\n';
  }
  if (!c.operands.empty()) {
    out << "Arguments:\n";
    for (const OperandSpec& o : c.operands) print_item(out, std::string(o.name), o.help);
    out << '\n';
  }
  if (!c.options.empty()) {
    out << "Options:\n";
    print_options(out, c.options);
    out << '\n';
  }
  std::string globals;
  for (const OptionSpec& o : global_options()) {
    globals += (globals.empty() ? "--" : ", --") + std::string(o.name) + (o.short_name ? std::string(" (-") + o.short_name + ")" : "");
  }
  fill(out, "Global options: " + globals + " (chc --help says what they do).", 0, 0);
  if (!c.examples.empty()) {
    out << "\nExamples:\n";
    for (const ExampleSpec& e : c.examples) {
      out << "  chc " << e.command << '\n' << std::string(6, ' ');
      fill(out, e.note, 6, 6);
    }
  }
}

void print_man_page(std::ostream& out) {
  out << ".\\\" The manual page of chc, made by 'chc help --man' from the command table\n"
         ".\\\" (examples/cli/table.cpp): edit the table, not this file.\n"
         ".TH CHC 1 \"\" \"chc "
      << CHC_VERSION_STRING << "\" \"chc manual\"\n";
  out << ".SH NAME\nchc \\- " << roff(program_summary) << '\n';
  out << ".SH SYNOPSIS\n\\fBchc\\fR \\fIcommand\\fR [\\fIarguments\\fR] [\\fIoptions\\fR]\n.br\n"
         "\\fBchc help\\fR [\\fIcommand\\fR]\n.br\n\\fBchc\\fR \\fIcommand\\fR \\fB\\-\\-help\\fR\n";
  out << ".SH DESCRIPTION\n";
  roff_paragraphs(out, program_description);
  out << ".SH COMMANDS\n";
  for (const CommandSpec& c : commands()) {
    out << ".SS " << c.name << "\n\\fBchc " << roff(c.name) << "\\fR" << roff(c.synopsis.substr(c.name.size())) << "\n.PP\n";
    out << roff(c.summary) << ".\n.PP\n";
    roff_paragraphs(out, c.description);
    if (!c.operands.empty()) {
      out << ".PP\nArguments:\n";
      for (const OperandSpec& o : c.operands) out << ".TP\n\\fI" << roff(o.name) << "\\fR\n" << roff(o.help) << '\n';
    }
    if (!c.options.empty()) {
      out << ".PP\nOptions:\n";
      for (const OptionSpec& o : c.options) roff_option(out, o);
    }
    if (!c.examples.empty()) {
      out << ".PP\nExamples:\n";
      for (const ExampleSpec& e : c.examples) {
        out << ".PP\n.RS\n.nf\nchc " << roff(e.command) << "\n.fi\n.RS\n" << roff(e.note) << "\n.RE\n.RE\n";
      }
    }
  }
  out << ".SH GLOBAL OPTIONS\nThese go with any command.\n";
  for (const OptionSpec& o : global_options()) roff_option(out, o);
  out << ".SH EXIT STATUS\n" << roff(exit_status_text) << '\n';
  out << ".SH ENVIRONMENT\n" << roff(environment_text) << '\n';
  out << ".SH SEE ALSO\n" << roff(see_also_text) << '\n';
}

}  // namespace chc::cli
