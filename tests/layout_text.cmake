# Unit tests of the text half of the layout stage: fonts, itemizing, shaping (HarfBuzz, with the
# language), the shaping cache, ICU break opportunities, URL breaks, Knuth-Plass and greedy lines.
foreach(t test_text_fonts test_text_shape test_text_breaks test_text_lines)
  if(EXISTS ${CMAKE_SOURCE_DIR}/tests/unit/${t}.c)
    add_executable(${t} ${CMAKE_SOURCE_DIR}/tests/unit/${t}.c)
    target_link_libraries(${t} PRIVATE sc_layout ${MATH_LIB})
    target_compile_definitions(${t} PRIVATE SAPCHU_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    add_test(NAME layout_text_${t} COMMAND ${t})
    set_tests_properties(layout_text_${t} PROPERTIES LABELS "layout;unit")
  endif()
endforeach()
