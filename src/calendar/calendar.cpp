// SPDX-License-Identifier: MIT
#include "calendar/calendar_impl.hpp"

#include "calendar/batch.hpp"
#include "core/enum_names.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <mutex>
#include <type_traits>
#include <unordered_map>

namespace chc {

namespace {
constexpr auto day_kinds = enum_names<DayKind>("standing", "substitute", "one_off", "weekend", "landlord_closure");
constexpr auto holiday_sources = enum_names<HolidaySource>("rules", "official", "imported", "landlord");
}  // namespace

const char* day_kind_name(DayKind kind) noexcept { return day_kinds(kind); }
const char* holiday_source_name(HolidaySource source) noexcept { return holiday_sources(source); }

namespace {

constexpr int first_year = 1900;

bool in_range(int64_t serial) {
  return serial >= Calendar::first_supported_day().serial() && serial <= Calendar::last_supported_day().serial();
}

// A Date is a standard-layout wrapper of its int32 serial, so an array of
// Dates is read and written as the serials the batch loops work on.
static_assert(sizeof(Date) == sizeof(int32_t) && alignof(Date) == alignof(int32_t) && std::is_standard_layout_v<Date>);
const int32_t* serials(const Date* d) { return reinterpret_cast<const int32_t*>(d); }
int32_t* serials(Date* d) { return reinterpret_cast<int32_t*>(d); }

// Bank holidays sort before landlord closures on the same day: the first reason is the main one.
int kind_rank(DayKind k) { return k == DayKind::landlord_closure ? 1 : 0; }

[[noreturn]] void raise_out_of_range(Date day, const char* what) {
  throw Error(Errc::range, std::string(what) + ": " + day.iso() + " is outside the supported range " +
                               Calendar::first_supported_day().iso() + " to " + Calendar::last_supported_day().iso());
}

}  // namespace

namespace detail {

void check_day(Date day, const char* what) {
  if (!in_range(day.serial())) [[unlikely]]
    raise_out_of_range(day, what);
}

void check_serial(int64_t serial, const char* what) {
  if (serial < std::numeric_limits<int32_t>::min() || serial > std::numeric_limits<int32_t>::max()) [[unlikely]] {
    throw Error(Errc::range, std::string(what) + ": day number " + std::to_string(serial) +
                                 " is outside the supported range " + Calendar::first_supported_day().iso() + " to " +
                                 Calendar::last_supported_day().iso());
  }
  check_day(Date(static_cast<int32_t>(serial)), what);
}

void throw_add_beyond(const Calendar::Impl& cal, Date start, int64_t n, const std::string& what) {
  // The result does not exist in the table. Where it would lie, at this
  // calendar's average number of days per working day, says whether it is
  // merely outside the supported range or beyond any 32-bit day number.
  if (cal.total_working_days() == 0) {
    throw Error(Errc::range, what + ": the calendar has no working days between " + Calendar::first_supported_day().iso() +
                                 " and " + Calendar::last_supported_day().iso());
  }
  const double days_per_working_day = static_cast<double>(Calendar::Impl::day_count) / cal.total_working_days();
  const double estimate = static_cast<double>(start.serial()) + static_cast<double>(n) * days_per_working_day;
  if (estimate > std::numeric_limits<int32_t>::max() || estimate < std::numeric_limits<int32_t>::min()) {
    throw Error(Errc::overflow, what + ": " + std::to_string(n) + " working days from " + start.iso() +
                                    " lies beyond any 32-bit day number");
  }
  throw Error(Errc::range, what + ": " + std::to_string(n) + " working days from " + start.iso() + " falls outside the supported range " +
                               Calendar::first_supported_day().iso() + " to " + Calendar::last_supported_day().iso());
}

}  // namespace detail

uint16_t Calendar::Impl::intern(const std::string& s, std::unordered_map<std::string, uint16_t>& index) {
  const auto it = index.find(s);
  if (it != index.end()) return it->second;
  if (strings_.size() >= std::numeric_limits<uint16_t>::max()) {
    throw Error(Errc::limit, "calendar: more than 65535 distinct holiday names and notes");
  }
  strings_.push_back(s);
  const auto id = static_cast<uint16_t>(strings_.size() - 1);
  index.emplace(s, id);
  return id;
}

std::shared_ptr<const Calendar::Impl> Calendar::Impl::build(CalendarSpec spec) {
  if ((spec.working_week & 0x7f) == 0) throw Error(Errc::invalid_argument, "working_week: a calendar needs at least one working weekday");
  auto impl = std::make_shared<Impl>();
  Impl& c = *impl;
  c.name_ = std::move(spec.name);
  c.base_ = std::move(spec.base);
  c.data_version_ = std::move(spec.data_version);
  c.official_through_ = spec.official_through;
  c.working_week_ = spec.working_week & 0x7f;
  c.warnings_ = std::move(spec.warnings);
  c.imports_ = std::move(spec.imports);
  std::sort(spec.removed.begin(), spec.removed.end());
  spec.removed.erase(std::unique(spec.removed.begin(), spec.removed.end()), spec.removed.end());
  c.removed_ = std::move(spec.removed);
  std::unordered_map<std::string, uint16_t> string_index;
  c.intern(std::string(), string_index);  // index 0: the empty string

  auto to_record = [&](const detail::BankHoliday& h) {
    return Record{h.date.serial(), h.substitute_for ? h.substitute_for->serial() : no_date, no_date,
                  c.intern(h.name, string_index), c.intern(h.notes, string_index), c.intern(h.reference, string_index),
                  h.kind, h.source};
  };
  // The bank-holiday layer: records shared with a base calendar (already
  // interned: the common case of a landlord calendar over a division), or the spec's list.
  std::vector<Record> bank;
  if (spec.bank_holidays_from) {
    const Impl& base = *spec.bank_holidays_from;
    for (const auto& str : base.strings_) c.intern(str, string_index);  // same indices as the base
    bank.reserve(base.records_.size());
    for (const auto* list : {&base.records_, &base.removed_records_}) {
      for (const Record& r : *list) {
        if (r.substituted_by == no_date && r.source != HolidaySource::landlord) bank.push_back(r);
      }
    }
    if (!base.removed_records_.empty()) std::stable_sort(bank.begin(), bank.end(), [](const Record& a, const Record& b) { return a.date < b.date; });
  } else {
    bank.reserve(spec.bank_holidays.size());
    for (const auto& h : spec.bank_holidays) {
      if (in_range(h.date.serial())) bank.push_back(to_record(h));
    }
  }
  const auto removed = [&](int32_t day) { return std::binary_search(c.removed_.begin(), c.removed_.end(), Date(day)); };
  c.records_.reserve(bank.size() + spec.closures.size() + 64);
  for (const Record& r : bank) {
    if (removed(r.date)) {
      c.removed_records_.push_back(r);
      continue;
    }
    c.records_.push_back(r);
    // The standing date a substitute replaces is kept as a reason of its own:
    // explain() names it, and a calendar working that weekend day closes on it too.
    if (r.substitute_for != no_date && in_range(r.substitute_for) && !removed(r.substitute_for)) {
      c.records_.push_back(Record{r.substitute_for, no_date, r.date, r.name, 0, r.reference, DayKind::standing, r.source});
    }
  }
  for (const auto& h : spec.closures) {
    if (!in_range(h.date.serial())) continue;
    (removed(h.date.serial()) ? c.removed_records_ : c.records_).push_back(to_record(h));
  }
  std::stable_sort(c.records_.begin(), c.records_.end(), [](const Record& a, const Record& b) {
    return a.date != b.date ? a.date < b.date : kind_rank(a.kind) < kind_rank(b.kind);
  });
  c.records_.shrink_to_fit();

  const int32_t first = Calendar::first_supported_day().serial();
  std::size_t next = 0;
  for (int year = first_year; year <= first_year + 300; ++year) {
    const int32_t jan1 = static_cast<int32_t>(serial_from_civil(year, 1, 1));
    while (next < c.records_.size() && c.records_[next].date < jan1) ++next;
    c.year_start_[static_cast<std::size_t>(year - first_year)] = static_cast<int32_t>(next);
  }

  // Which days are worked: the weekly pattern, closed by every record, reopened by every removed day.
  std::vector<uint8_t> works(static_cast<std::size_t>(day_count));
  unsigned weekday_bit = static_cast<unsigned>(Date(first).weekday()) - 1u;  // Monday is bit 0
  const unsigned week = c.working_week_;
  for (auto& w : works) {
    w = static_cast<uint8_t>((week >> weekday_bit) & 1u);
    weekday_bit = weekday_bit == 6 ? 0 : weekday_bit + 1;
  }
  for (const Record& r : c.records_) works[static_cast<std::size_t>(r.date - first)] = 0;
  for (const Date d : c.removed_) {
    if (in_range(d.serial())) works[static_cast<std::size_t>(d.serial() - first)] = 1;
  }
  // The running count and its inverse, as 32-bit bases per block of 64
  // entries plus small offsets (see detail::DayTables).
  const auto days = static_cast<std::size_t>(day_count);
  c.before_base_.resize(days / 64 + 1);
  c.before_offset_.resize(days + 1);
  int32_t total = 0;
  for (const uint8_t w : works) total += w;
  c.total_working_days_ = total;
  c.day_base_.resize(static_cast<std::size_t>(total) / 64 + 1);
  c.day_offset_.resize(static_cast<std::size_t>(total) + 1);
  int32_t count = 0;
  for (std::size_t i = 0; i <= days; ++i) {
    if (i % 64 == 0) c.before_base_[i / 64] = count;
    c.before_offset_[i] = static_cast<uint8_t>(count - c.before_base_[i / 64]);
    if (i == days || !works[i]) continue;
    const auto k = static_cast<std::size_t>(++count);
    const int32_t day = first + static_cast<int32_t>(i);
    if (k % 64 == 0 || k == 1) c.day_base_[k / 64] = k % 64 == 0 ? day : first - 1;
    const int64_t offset = static_cast<int64_t>(day) - c.day_base_[k / 64];
    if (offset > 0xffff) throw Error(Errc::limit, "calendar: more than 65535 days between working days in one block of 64");
    c.day_offset_[k] = static_cast<uint16_t>(offset);
  }
  c.day_offset_[0] = 0;
  return impl;
}

CalendarSpec Calendar::Impl::spec() const {
  CalendarSpec s;
  s.name = name_;
  s.base = base_;
  s.data_version = data_version_;
  s.official_through = official_through_;
  s.working_week = working_week_;
  s.removed = removed_;
  s.warnings = warnings_;
  s.imports = imports_;
  auto to_bank_holiday = [&](const Record& r) {
    detail::BankHoliday h;
    h.date = Date(r.date);
    h.kind = r.kind;
    h.source = r.source;
    h.name = strings_[r.name];
    h.notes = strings_[r.notes];
    h.reference = strings_[r.reference];
    if (r.substitute_for != no_date) h.substitute_for = Date(r.substitute_for);
    return h;
  };
  // Landlord records (closures, extra bank holidays) are one layer; every
  // other record except the derived weekend dates is the bank-holiday layer.
  for (const auto* list : {&records_, &removed_records_}) {
    for (const Record& r : *list) {
      if (r.substituted_by != no_date) continue;
      (r.source == HolidaySource::landlord ? s.closures : s.bank_holidays).push_back(to_bank_holiday(r));
    }
  }
  if (!removed_records_.empty()) {
    auto by_date = [](const detail::BankHoliday& a, const detail::BankHoliday& b) { return a.date < b.date; };
    std::stable_sort(s.bank_holidays.begin(), s.bank_holidays.end(), by_date);
    std::stable_sort(s.closures.begin(), s.closures.end(), by_date);
  }
  return s;
}

Holiday Calendar::Impl::to_holiday(const Record& r) const {
  Holiday h{Date(r.date), r.kind, r.source, strings_[r.name], strings_[r.notes], std::nullopt, std::nullopt, strings_[r.reference]};
  if (r.substitute_for != no_date) h.substitute_for = Date(r.substitute_for);
  if (r.substituted_by != no_date) {
    h.substituted_by = Date(r.substituted_by);
    h.notes = std::string("Falls on a ") + weekday_name(Date(r.date).weekday()) + "; the substitute day is " +
              Date(r.substituted_by).iso();
  }
  return h;
}

CalendarInfo Calendar::Impl::info() const {
  return CalendarInfo{name_,      base_,     data_version_,          official_through_, Calendar::first_supported_day(),
                      Calendar::last_supported_day(), working_week_, warnings_, detail::verified_from(), imports_};
}

std::size_t Calendar::Impl::memory_bytes() const {
  std::size_t bytes = sizeof(Impl) + (before_base_.capacity() + day_base_.capacity()) * sizeof(int32_t) +
                      before_offset_.capacity() + day_offset_.capacity() * sizeof(uint16_t) +
                      (records_.capacity() + removed_records_.capacity()) * sizeof(Record) +
                      removed_.capacity() * sizeof(Date);
  for (const auto& s : strings_) bytes += sizeof(std::string) + (s.size() > 15 ? s.capacity() : 0);
  for (const auto& s : warnings_) bytes += sizeof(std::string) + s.capacity();
  bytes += imports_.capacity() * sizeof(GovukImport);
  return bytes;
}

// ---------------------------------------------------------------------------

Calendar Calendar::builtin(std::string_view division) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Impl>, std::less<>> cache;
  std::lock_guard lock(mutex);
  if (const auto it = cache.find(division); it != cache.end()) return Calendar(it->second);
  auto bank_holidays = detail::builtin_bank_holidays(division);  // throws unknown_name
  CalendarSpec spec;
  spec.name = std::string(division);
  spec.base = std::string(division);
  spec.data_version = detail::builtin_data_version();
  spec.official_through = detail::builtin_official_through();
  spec.bank_holidays = std::move(bank_holidays);
  auto impl = Impl::build(std::move(spec));
  cache.emplace(std::string(division), impl);
  return Calendar(std::move(impl));
}

std::vector<std::string> Calendar::builtin_names() { return detail::division_names(); }

Calendar::Calendar(std::shared_ptr<const Impl> impl)
    : impl_(std::move(impl)), tables_(impl_->tables()) {}

void Calendar::throw_out_of_range(Date day, const char* what) { raise_out_of_range(day, what); }

void Calendar::throw_beyond(Date start, int32_t n) const { detail::throw_add_beyond(*impl_, start, n, "n"); }

namespace {
// The sizes an array call needs: `out` as long as the days, `n` as long or one.
void check_sizes(const char* what, std::size_t days, std::size_t n, std::size_t out, bool n_may_be_one) {
  if (days != out || !(n == days || (n_may_be_one && n == 1))) {
    throw Error(Errc::invalid_argument, cat(what, ": ", std::to_string(days), " days, ", std::to_string(n), n_may_be_one ? " counts" : " ends",
                                            " and ", std::to_string(out), " results: the results must be as many as the days, and the ",
                                            n_may_be_one ? "counts as many or one" : "ends as many"));
  }
}
}  // namespace

void Calendar::add_working_days(std::span<const Date> start, std::span<const int32_t> n, std::span<Date> out) const {
  check_sizes("add_working_days", start.size(), n.size(), out.size(), true);
  detail::add_working_days_batch(*impl_, start.size(), serials(start.data()), n.data(), n.size() == start.size() ? 1 : 0,
                                 serials(out.data()));
}

void Calendar::add_working_days(std::span<const int64_t> start, std::span<const int64_t> n, std::span<int64_t> out) const {
  check_sizes("add_working_days", start.size(), n.size(), out.size(), true);
  detail::add_working_days_batch(*impl_, start.size(), start.data(), n.data(), n.size() == start.size() ? 1 : 0, out.data());
}

void Calendar::count_working_days(std::span<const Date> from, std::span<const Date> to, std::span<int32_t> out) const {
  check_sizes("count_working_days", from.size(), to.size(), out.size(), false);
  detail::count_working_days_batch(*impl_, from.size(), serials(from.data()), serials(to.data()), out.data());
}

void Calendar::count_working_days(std::span<const int64_t> from, std::span<const int64_t> to, std::span<int32_t> out) const {
  check_sizes("count_working_days", from.size(), to.size(), out.size(), false);
  detail::count_working_days_batch(*impl_, from.size(), from.data(), to.data(), out.data());
}

std::vector<Holiday> Calendar::holidays(Date from, Date to) const {
  detail::check_day(from, "from");
  detail::check_day(to, "to");
  std::vector<Holiday> out;
  if (to < from) return out;
  const auto& records = impl_->records();
  const auto& year_start = impl_->year_start();
  for (auto i = static_cast<std::size_t>(year_start[static_cast<std::size_t>(from.year() - first_year)]);
       i < records.size() && records[i].date <= to.serial(); ++i) {
    const auto& r = records[i];
    if (r.date < from.serial()) continue;
    // The standing date of a substituted holiday is a reason, not a holiday,
    // unless it is a weekend this calendar works (then it closes too).
    if (r.substituted_by != Impl::no_date && !(Date(r.date).is_weekend() && in_working_week(impl_->working_week(), Date(r.date)))) {
      continue;
    }
    out.push_back(impl_->to_holiday(r));
  }
  return out;
}

std::vector<Holiday> Calendar::reasons(Date day) const {
  detail::check_day(day, "day");
  std::vector<Holiday> out;
  if (is_working_day(day)) return out;
  const auto& records = impl_->records();
  const auto& year_start = impl_->year_start();
  std::vector<Holiday> weekend_dates;
  for (auto i = static_cast<std::size_t>(year_start[static_cast<std::size_t>(day.year() - first_year)]);
       i < records.size() && records[i].date <= day.serial(); ++i) {
    const auto& r = records[i];
    if (r.date != day.serial()) continue;
    (r.substituted_by != Impl::no_date ? weekend_dates : out).push_back(impl_->to_holiday(r));
  }
  if (!in_working_week(impl_->working_week(), day)) {
    const auto source = impl_->working_week() == 0x1f ? HolidaySource::rules : HolidaySource::landlord;
    out.push_back(Holiday{day, DayKind::weekend, source, weekday_name(day.weekday()), {}, std::nullopt, std::nullopt, {}});
  }
  for (auto& h : weekend_dates) out.push_back(std::move(h));
  return out;
}

std::vector<NonWorkingDay> Calendar::explain(Date from, Date to) const {
  detail::check_day(from, "from");
  detail::check_day(to, "to");
  if (to < from) std::swap(from, to);
  std::vector<NonWorkingDay> out;
  for (Date d = from + 1; d <= to; d = d + 1) {
    if (!is_working_day(d)) out.push_back(NonWorkingDay{d, reasons(d)});
  }
  return out;
}

std::vector<std::string> Calendar::range_warnings(Date from, Date to) const {
  detail::check_day(from, "from");
  detail::check_day(to, "to");
  const Date first = std::min(from, to);
  const Date verified = detail::verified_from();
  if (first >= verified) return {};
  return {"calendar: " + first.iso() + " is before " + verified.iso() + ": bank holidays of earlier years come from the rules and " +
          "the sourced history in chc's data, not from a published list, and are not verified (docs/calendars.md)"};
}

CalendarInfo Calendar::info() const { return impl_->info(); }
const std::string& Calendar::name() const { return impl_->name(); }
const std::string& Calendar::data_version() const { return impl_->data_version(); }
std::size_t Calendar::memory_bytes() const { return impl_->memory_bytes(); }

}  // namespace chc
