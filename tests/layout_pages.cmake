# Unit tests of the block and page half of the layout stage (blocks, lists, tables, footnotes,
# pages, folios). They lay out hand-built styled documents with the bundled fonts.
foreach(t test_pages_flow test_pages_lineskip test_pages_blocks)
  if(EXISTS ${CMAKE_SOURCE_DIR}/tests/unit/${t}.c)
    add_executable(${t} ${CMAKE_SOURCE_DIR}/tests/unit/${t}.c)
    target_link_libraries(${t} PRIVATE sc_layout ${MATH_LIB})
    target_compile_definitions(${t} PRIVATE SAPCHU_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    add_test(NAME layout_pages_${t} COMMAND ${t})
  endif()
endforeach()
