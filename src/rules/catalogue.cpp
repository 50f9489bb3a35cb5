// SPDX-License-Identifier: MIT
// Provision catalogues (data/provisions/*.json, format chc-provisions/1):
// each Code's sections and provisions, the words its self-assessment quotes.
#include "rules/ruleset_impl.hpp"

#include "core/json_util.hpp"
#include "core/json_writer.hpp"
#include "core/text.hpp"
#include "embedded_data.hpp"

#include <map>
#include <mutex>

namespace chc {

namespace {
constexpr std::string_view catalogue_format = "chc-provisions/1";
}

const Provision* Catalogue::find(std::string_view id) const {
  for (const Provision& p : provisions) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

const Section* Catalogue::section(std::string_view number) const {
  for (const Section& s : sections) {
    if (s.number == number) return &s;
  }
  return nullptr;
}

void write_sections(JsonWriter& w, const Catalogue& c) {
  w.key("sections").begin_array();
  for (const Section& s : c.sections) {
    w.begin_object();
    w.key("number").value(s.number);
    w.key("title").value(s.title);
    w.end_object();
  }
  w.end_array();
}

Catalogue parse_catalogue(std::string_view text, const std::string& what) { return catalogue_from(json::parse(text, what), what); }

Catalogue catalogue_from(const boost::json::value& doc, const std::string& what) {
  const json::Path root(what);
  const auto& o = json::as_object(doc, root);
  json::only_keys(o, root, {"format", "code", "title", "note", "effective_from", "sections", "provisions"});
  const std::string_view format = json::as_string(json::require(o, "format", root), root.key("format"));
  if (format != catalogue_format) {
    json::fail(Errc::schema, root.key("format"), cat("\"", format, "\" is not a catalogue format chc reads (\"", catalogue_format, "\")"));
  }
  Catalogue c;
  c.code = json::as_string(json::require(o, "code", root), root.key("code"));
  c.title = json::as_string(json::require(o, "title", root), root.key("title"));
  const json::Path sp = root.key("sections");
  const auto& sections = json::as_array(json::require(o, "sections", root), sp);
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const auto& so = json::as_object(sections[i], sp.index(i));
    json::only_keys(so, sp.index(i), {"number", "title"});
    Section s{std::string(json::as_string(json::require(so, "number", sp.index(i)), sp.index(i).key("number"))),
              std::string(json::as_string(json::require(so, "title", sp.index(i)), sp.index(i).key("title")))};
    if (c.section(s.number)) json::fail(Errc::schema, sp.index(i), cat("section ", s.number, " is listed twice"));
    c.sections.push_back(std::move(s));
  }
  const json::Path pp = root.key("provisions");
  const auto& list = json::as_array(json::require(o, "provisions", root), pp);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json::Path path = pp.index(i);
    const auto& po = json::as_object(list[i], path);
    json::only_keys(po, path, {"id", "section", "title", "text", "check", "obligation", "items", "sources", "text_status"});
    Provision p;
    p.id = json::as_string(json::require(po, "id", path), path.key("id"));
    p.section = json::as_string(json::require(po, "section", path), path.key("section"));
    p.title = json::as_string(json::require(po, "title", path), path.key("title"));
    p.text = json::as_string(json::require(po, "text", path), path.key("text"));
    p.check = json::as_string(json::require(po, "check", path), path.key("check"));
    if (const auto* ob = json::find(po, "obligation")) p.obligation = json::as_string(*ob, path.key("obligation"));
    if (p.check != "case" && p.check != "policy" && p.check != "evidence") {
      json::fail(Errc::schema, path.key("check"), cat("\"", p.check, "\" is not \"case\", \"policy\" or \"evidence\""));
    }
    if (!c.section(p.section)) json::fail(Errc::schema, path.key("section"), cat("no section ", p.section, " in \"sections\""));
    if (c.find(p.id)) json::fail(Errc::schema, path.key("id"), cat("provision ", p.id, " is listed twice"));
    if (const auto* items = json::find(po, "items")) {
      const json::Path ip = path.key("items");
      const auto& array = json::as_array(*items, ip);
      for (std::size_t k = 0; k < array.size(); ++k) {
        const auto& io = json::as_object(array[k], ip.index(k));
        p.items.emplace_back(json::as_string(json::require(io, "id", ip.index(k)), ip.index(k).key("id")),
                             json::as_string(json::require(io, "text", ip.index(k)), ip.index(k).key("text")));
      }
    }
    c.provisions.push_back(std::move(p));
  }
  return c;
}

std::shared_ptr<const Catalogue> builtin_catalogue(std::string_view name) {
  static const std::map<std::string, std::shared_ptr<const Catalogue>, std::less<>> table = [] {
    std::map<std::string, std::shared_ptr<const Catalogue>, std::less<>> t;
    for (const embedded::File& f : embedded::provisions()) {
      try {
        auto c = std::make_shared<const Catalogue>(parse_catalogue(f.text(), std::string(f.name)));
        if (c->code != f.name) throw Error(Errc::internal, cat("names itself \"", c->code, "\""));
        t.emplace(std::string(f.name), std::move(c));
      } catch (const Error& e) {
        throw Error(Errc::internal, cat("built-in catalogue data/provisions/", f.name, ".json: ", e.what()));
      }
    }
    return t;
  }();
  const auto it = table.find(name);
  if (it == table.end()) throw Error(Errc::unknown_name, cat("no built-in provision catalogue is named \"", name, "\""));
  return it->second;
}

}  // namespace chc
