# SPDX-License-Identifier: MIT
# Installation, the CMake package, pkg-config, CPack (.deb) and the API reference.
# Included at the end of the top-level CMakeLists.txt, once every target exists.
# The layout, and how consumers use it, is described in docs/packaging.md.

include(CMakePackageConfigHelpers)

set(CHC_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/chc CACHE STRING
  "Where the CMake package (chcConfig.cmake) is installed, relative to the prefix")
set(CHC_INSTALL_PKGCONFIGDIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig CACHE STRING
  "Where chc.pc is installed, relative to the prefix")

# ---------------------------------------------------------------------------
# Usage requirements of the installed targets.

# The C++ headers need C++20 (<span>, <compare>); say so, rather than leave
# every consumer to discover it.
target_compile_features(chc_static INTERFACE cxx_std_20)

# libchc.a carries chc_static's private link dependencies as $<LINK_ONLY:...>.
# ICU must stay (consumers link it: chcConfig.cmake finds it); Boost is
# header-only, compiled into chc, and the public headers never include it, so
# it must not reach the exported target (consumers would need Boost::headers).
get_target_property(_chc_static_links chc_static INTERFACE_LINK_LIBRARIES)
if(_chc_static_links)
  set(_chc_links "")
  foreach(_item IN LISTS _chc_static_links)
    if(_item MATCHES "Boost::")
      list(APPEND _chc_links "$<BUILD_INTERFACE:${_item}>")
    else()
      list(APPEND _chc_links "${_item}")
    endif()
  endforeach()
  set_target_properties(chc_static PROPERTIES INTERFACE_LINK_LIBRARIES "${_chc_links}")
  unset(_chc_links)
endif()
unset(_chc_static_links)

# ---------------------------------------------------------------------------
# Files. Components: runtime (libchc.so.1, the chc command), development
# (headers, libchc.a, the libchc.so link, CMake and pkg-config files), docs.

# Two export sets: the shared library needs nothing of its consumers, while
# the static one needs ICU's development files; chcConfig.cmake loads the
# static target only when ICU can be found.
install(TARGETS chc
  EXPORT chcTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(TARGETS chc_static
  EXPORT chcStaticTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)

# The chc command and its manual page (share/man/man1/chc.1): examples/cli/CMakeLists.txt.

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/chc
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT development
  FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")

# The README's links (docs/calendars.md, ...) keep working beside it.
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT docs)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/
  DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
  COMPONENT docs
  FILES_MATCHING PATTERN "*.md")

# ---------------------------------------------------------------------------
# CMake package: find_package(chc CONFIG) gives chc::chc and chc::chc_static.

install(EXPORT chcTargets
  NAMESPACE chc::
  FILE chcTargets.cmake
  DESTINATION ${CHC_INSTALL_CMAKEDIR}
  COMPONENT development)
install(EXPORT chcStaticTargets
  NAMESPACE chc::
  FILE chcStaticTargets.cmake
  DESTINATION ${CHC_INSTALL_CMAKEDIR}
  COMPONENT development)

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/chcConfig.cmake.in
  ${PROJECT_BINARY_DIR}/packaging/chcConfig.cmake
  INSTALL_DESTINATION ${CHC_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/packaging/chcConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMajorVersion)
install(FILES
    ${PROJECT_BINARY_DIR}/packaging/chcConfig.cmake
    ${PROJECT_BINARY_DIR}/packaging/chcConfigVersion.cmake
  DESTINATION ${CHC_INSTALL_CMAKEDIR}
  COMPONENT development)

# ---------------------------------------------------------------------------
# pkg-config. The prefix is found relative to chc.pc (${pcfiledir}), so the
# same file works for `cmake --install --prefix ANYWHERE`, the .deb under /usr
# and a tree unpacked with dpkg-deb -x.

if(IS_ABSOLUTE "${CHC_INSTALL_PKGCONFIGDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}"
   OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(CHC_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(CHC_PC_LIBDIR "${CMAKE_INSTALL_FULL_LIBDIR}")
  set(CHC_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
else()
  file(RELATIVE_PATH _chc_pc_up "/chc-prefix/${CHC_INSTALL_PKGCONFIGDIR}" "/chc-prefix")
  string(REGEX REPLACE "/$" "" _chc_pc_up "${_chc_pc_up}")
  set(CHC_PC_PREFIX "\${pcfiledir}/${_chc_pc_up}")
  set(CHC_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  set(CHC_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
  unset(_chc_pc_up)
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/chc.pc.in ${PROJECT_BINARY_DIR}/packaging/chc.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/packaging/chc.pc
  DESTINATION ${CHC_INSTALL_PKGCONFIGDIR}
  COMPONENT development)

# ---------------------------------------------------------------------------
# CPack: `cpack -G DEB` in the build directory, or `cmake --build <build> --target package`,
# writes chc_<version>_<arch>.deb installing under /usr. One package holds every
# component; its Depends come from dpkg-shlibdeps (Debian package dpkg-dev).

set(CHC_PACKAGE_MAINTAINER "chc maintainers <maintainers@users.noreply.b-seed-dac4e403.example>"
  CACHE STRING "Maintainer field of the .deb")

set(CPACK_PACKAGE_NAME chc)
set(CPACK_PACKAGE_VENDOR "chc")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "${CHC_PACKAGE_MAINTAINER}")
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build/" "/__pycache__/" "\\\\.pyc$")

set(CPACK_DEBIAN_PACKAGE_NAME chc)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CHC_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The synopsis line is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "chc encodes the rules UK social landlords follow when they handle complaints:
the Housing Ombudsman's Complaint Handling Code (2024 and 2022) and the sister
procedures of Scotland, Wales and Northern Ireland, with working-day calendars
for every UK division compiled in.
.
This package holds the shared library libchc.so.1 (stable C ABI), the static
library libchc.a (C and C++ APIs), the headers, CMake and pkg-config files,
the chc command and the documentation. Building against the headers and
libraries needs libicu-dev (the CMake package and chc.pc refer to ICU).")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libicu-dev, pkg-config")

include(CPack)

# ---------------------------------------------------------------------------
# API reference: `cmake --build <build> --target docs` writes <build>/docs/html.

find_package(Doxygen QUIET)
if(DOXYGEN_FOUND)
  set(CHC_DOCS_DIR ${PROJECT_BINARY_DIR}/docs)
  # The headers use plain // and /* comments; this filter shows them to
  # Doxygen as documentation comments (the files themselves are untouched).
  file(WRITE ${CHC_DOCS_DIR}/doxygen-filter.sed [==[
# Line 1: the file's own description.
1s#^// \(.*\)$#/// \1 @file#
1s#^/\*$#/** @file#
# Section banners and closing braces keep plain comments.
/^[[:space:]]*\/\* *-\{4,\}/b
/^[[:space:]]*\/\* [^*]*[^ *]  \+\*\/$/b
/^[[:space:]]*}/b
# Comments on lines of their own document what follows.
s#^\([[:space:]]*\)//\( \|$\)#\1///\2#
s#^\([[:space:]]*\)/\*\( \|$\)#\1/**\2#
# Trailing comments document the member, enumerator or macro on their line.
s#\([;,}]\)\([[:space:]]*\)// #\1\2///< #
s#^\(\#[[:space:]]*define[[:space:]].*[^[:space:]]\)\([[:space:]]\+\)/\* #\1\2/**< #
]==])
  configure_file(${CMAKE_CURRENT_LIST_DIR}/Doxyfile.in ${CHC_DOCS_DIR}/Doxyfile @ONLY)
  add_custom_target(docs
    COMMAND Doxygen::doxygen ${CHC_DOCS_DIR}/Doxyfile
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "API reference (Doxygen): ${CHC_DOCS_DIR}/html/index.html"
    VERBATIM)
endif()
