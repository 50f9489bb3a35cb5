# SPDX-License-Identifier: MIT
# Sanitizer and fuzzing builds (docs/reliability.md). Included before any
# target is defined, so every chc object, test and tool is instrumented alike.
#
#   CHC_SANITIZE=address,undefined   the asan preset: the whole test suite runs under ASan and UBSan
#   CHC_SANITIZE=thread              the tsan preset: the concurrency stress test runs under TSan
#   CHC_FUZZ=ON                      the fuzz preset (clang): libFuzzer harnesses under ASan and UBSan
set(CHC_SANITIZE "" CACHE STRING "Sanitizers for every target (address,undefined or thread; empty for none)")
option(CHC_FUZZ "Build the libFuzzer harnesses in fuzz/ (clang only)" OFF)

if(CHC_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CHC_FUZZ needs clang (cmake --preset fuzz sets CC=clang CXX=clang++)")
  endif()
  if(NOT CHC_SANITIZE)
    set(CHC_SANITIZE "address,undefined" CACHE STRING "" FORCE)
  endif()
  # Coverage instrumentation for libFuzzer on every object; the harnesses link its main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(CHC_SANITIZE)
  # Abort on the first UBSan report too, so a test fails rather than prints and passes.
  add_compile_options(-fsanitize=${CHC_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${CHC_SANITIZE})
  # GCC's flow analysis sees through the instrumentation poorly: warnings are the ci preset's job.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
  if(CHC_SANITIZE MATCHES "address")
    # Where Python tests find the runtime to preload (an instrumented libchc.so in an uninstrumented interpreter).
    # The C++ runtime too: ASan finds the real __cxa_throw only if libstdc++ is loaded before it starts.
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so
                    OUTPUT_VARIABLE CHC_ASAN_LIBRARY OUTPUT_STRIP_TRAILING_WHITESPACE)
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libstdc++.so
                    OUTPUT_VARIABLE CHC_CXX_RUNTIME OUTPUT_STRIP_TRAILING_WHITESPACE)
    set(CHC_ASAN_RUNTIME "${CHC_ASAN_LIBRARY}:${CHC_CXX_RUNTIME}")
  endif()
endif()
