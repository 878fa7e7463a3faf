# The page builder's book features (issue 4, issue 3's margin boxes): unit tests on hand-built
# documents, and end-to-end checks of real PDFs (footnotes per page, contents, page labels,
# running heads, internal links, outline, short blocks kept whole).
foreach(t test_pages_features)
  if(EXISTS ${CMAKE_SOURCE_DIR}/tests/unit/${t}.c)
    add_executable(${t} ${CMAKE_SOURCE_DIR}/tests/unit/${t}.c)
    target_link_libraries(${t} PRIVATE sc_layout ${MATH_LIB})
    target_compile_definitions(${t} PRIVATE SAPCHU_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    add_test(NAME pages_${t} COMMAND ${t})
  endif()
endforeach()
if(COMMAND sapchu_e2e_test)
  sapchu_e2e_test(e2e_pages_book pages_book.py)
endif()
