// SPDX-License-Identifier: MIT
#include "rules/ruleset_impl.hpp"

#include "core/json_util.hpp"
#include "embedded_data.hpp"

#include <map>
#include <mutex>

namespace chc {

namespace {

std::vector<Provision> parse_catalogue(std::string_view text, const std::string& what) {
  const auto doc = json::parse(text, what);
  const auto& root = json::as_object(doc, what);
  std::vector<Provision> out;
  const auto& list = json::as_array(json::require(root, "provisions", what), "provisions");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = json::element("provisions", i);
    const auto& o = json::as_object(list[i], path);
    Provision p;
    p.id = json::as_string(json::require(o, "id", path), json::field(path, "id"));
    p.section = json::as_string(json::require(o, "section", path), json::field(path, "section"));
    p.title = json::as_string(json::require(o, "title", path), json::field(path, "title"));
    p.text = json::as_string(json::require(o, "text", path), json::field(path, "text"));
    p.check = json::as_string(json::require(o, "check", path), json::field(path, "check"));
    if (const auto* items = json::find(o, "items")) {
      for (const auto& item : json::as_array(*items, json::field(path, "items"))) {
        const auto& io = json::as_object(item, json::field(path, "items"));
        p.items.emplace_back(json::as_string(json::require(io, "id", path), path), json::as_string(json::require(io, "text", path), path));
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

const std::vector<Provision>& provision_catalogue(const std::string& name) {
  static const std::vector<Provision> hoc2024 = parse_catalogue(embedded::provisions_hoc_2024(), "hoc-2024 catalogue");
  static const std::vector<Provision> hoc2022 = parse_catalogue(embedded::provisions_hoc_2022(), "hoc-2022 catalogue");
  if (name == "hoc-2024") return hoc2024;
  if (name == "hoc-2022") return hoc2022;
  throw Error(Errc::internal, "no provision catalogue named " + name);
}

}  // namespace chc
