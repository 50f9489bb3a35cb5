// SPDX-License-Identifier: MIT
// Boost.JSON compiled into chc from its header-only sources, so libchc.so
// carries no run-time dependency on libboost_json and exports none of it.
#include <boost/json/src.hpp>
