// SPDX-License-Identifier: MIT
#include "calendar/easter.hpp"

namespace chc {

// The anonymous Gregorian algorithm (Meeus, Jones, Butcher): the Paschal full
// moon from the Metonic cycle with the solar and lunar century corrections,
// then the following Sunday.
Date easter_sunday(int year) {
  const int golden = year % 19;
  const int century = year / 100;
  const int year_in_century = year % 100;
  const int leap_centuries = century / 4;
  const int century_rest = century % 4;
  const int lunar_correction = (century + 8) / 25;
  const int solar_correction = (century - lunar_correction + 1) / 3;
  const int epact = (19 * golden + century - leap_centuries - solar_correction + 15) % 30;
  const int leap_years = year_in_century / 4;
  const int year_rest = year_in_century % 4;
  const int weekday_shift = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7;
  const int correction = (golden + 11 * epact + 22 * weekday_shift) / 451;
  const int month_day = epact + weekday_shift - 7 * correction + 114;
  return Date(static_cast<int32_t>(serial_from_civil(year, month_day / 31, month_day % 31 + 1)));
}

}  // namespace chc
