# Hyphenation and spacing quality (issue 4): libhyphen points, Knuth-Plass / greedy hard rules
# (unit), hyphenated English and unhyphenated Vietnamese PDFs, and the interword-spacing figures of
# justified text measured by bench/spacing (end to end).
if(EXISTS ${CMAKE_SOURCE_DIR}/tests/unit/test_hyphenation.c)
  add_executable(test_hyphenation ${CMAKE_SOURCE_DIR}/tests/unit/test_hyphenation.c)
  target_link_libraries(test_hyphenation PRIVATE sc_layout ${MATH_LIB})
  target_compile_definitions(test_hyphenation PRIVATE SAPCHU_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  add_test(NAME layout_hyphenation COMMAND test_hyphenation)
  set_tests_properties(layout_hyphenation PROPERTIES LABELS "layout;unit")
endif()

# End to end (sapchu_e2e_test comes from e2e.cmake, included before this file).
if(COMMAND sapchu_e2e_test)
  sapchu_e2e_test(e2e_hyphenation hyphenation.py)
  sapchu_e2e_test(e2e_spacing     spacing.py)
endif()
