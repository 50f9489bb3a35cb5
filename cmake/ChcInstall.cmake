# SPDX-License-Identifier: MIT
# Installation, the CMake package, pkg-config and the API reference.
# Included at the end of the top-level CMakeLists.txt, once every target exists.
# The layout, how consumers use it and the Debian packages (debian/) built
# from it are described in docs/packaging.md.

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

# What the C++ compiler links that the C compiler does not (g++: stdc++ and
# m). libchc.a needs it, so a C program, or a CMake project with only
# LANGUAGES C, links it explicitly: the exported target and Libs.private carry it.
set(CHC_CXX_RUNTIME_LIBRARIES ${CMAKE_CXX_IMPLICIT_LINK_LIBRARIES})
list(REMOVE_DUPLICATES CHC_CXX_RUNTIME_LIBRARIES)
list(REMOVE_ITEM CHC_CXX_RUNTIME_LIBRARIES ${CMAKE_C_IMPLICIT_LINK_LIBRARIES})
target_link_libraries(chc_static PRIVATE ${CHC_CXX_RUNTIME_LIBRARIES})

# libchc.a carries chc_static's private link dependencies as $<LINK_ONLY:...>.
# ICU and the C++ runtime must stay (consumers link them: chcConfig.cmake
# finds ICU); Boost is header-only, compiled into chc, and the public headers
# never include it, so it must not reach the exported target (consumers would
# need Boost::headers).
get_target_property(_chc_static_links chc_static INTERFACE_LINK_LIBRARIES)
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
# pkg-config. Installed under /usr (the Debian packages), chc.pc names
# /usr/include and the libdir outright, so pkg-config recognises and drops
# them as system directories. Under any other prefix its paths are relative
# to chc.pc (${pcfiledir}), so `cmake --install --prefix ANYWHERE` and a tree
# moved or unpacked elsewhere keep working. Both files are written now; the
# install step picks one by the prefix it installs to.

# libchc.a's own needs (Libs.private); ICU comes through Requires.private.
list(TRANSFORM CHC_CXX_RUNTIME_LIBRARIES PREPEND "-l" OUTPUT_VARIABLE CHC_PC_LIBS_PRIVATE)
list(JOIN CHC_PC_LIBS_PRIVATE " " CHC_PC_LIBS_PRIVATE)

if(IS_ABSOLUTE "${CHC_INSTALL_PKGCONFIGDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}"
   OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  # Absolute directories leave nothing to relocate.
  set(CHC_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(CHC_PC_LIBDIR "${CMAKE_INSTALL_FULL_LIBDIR}")
  set(CHC_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
  configure_file(${CMAKE_CURRENT_LIST_DIR}/chc.pc.in ${PROJECT_BINARY_DIR}/packaging/chc-usr.pc @ONLY)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/chc.pc.in ${PROJECT_BINARY_DIR}/packaging/chc-relocatable.pc @ONLY)
else()
  set(CHC_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  set(CHC_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
  set(CHC_PC_PREFIX "/usr")
  configure_file(${CMAKE_CURRENT_LIST_DIR}/chc.pc.in ${PROJECT_BINARY_DIR}/packaging/chc-usr.pc @ONLY)
  file(RELATIVE_PATH _chc_pc_up "/chc-prefix/${CHC_INSTALL_PKGCONFIGDIR}" "/chc-prefix")
  string(REGEX REPLACE "/$" "" _chc_pc_up "${_chc_pc_up}")
  set(CHC_PC_PREFIX "\${pcfiledir}/${_chc_pc_up}")
  configure_file(${CMAKE_CURRENT_LIST_DIR}/chc.pc.in ${PROJECT_BINARY_DIR}/packaging/chc-relocatable.pc @ONLY)
  unset(_chc_pc_up)
endif()
if(IS_ABSOLUTE "${CHC_INSTALL_PKGCONFIGDIR}")
  set(_chc_pc_dest "${CHC_INSTALL_PKGCONFIGDIR}")
else()
  set(_chc_pc_dest "\${CMAKE_INSTALL_PREFIX}/${CHC_INSTALL_PKGCONFIGDIR}")
endif()
install(CODE "
  if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
    set(_chc_pc \"${PROJECT_BINARY_DIR}/packaging/chc-usr.pc\")
  else()
    set(_chc_pc \"${PROJECT_BINARY_DIR}/packaging/chc-relocatable.pc\")
  endif()
  file(INSTALL DESTINATION \"${_chc_pc_dest}\" TYPE FILE RENAME chc.pc FILES \"\${_chc_pc}\")"
  COMPONENT development)
unset(_chc_pc_dest)

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
