# HTML/XHTML and EPUB readers: unit tests on small inputs and on the fixtures (pages and books
# written by pandoc, hand-made broken, legacy-encoded and hostile ones) in tests/fixtures/.
foreach(t test_readers_html test_readers_epub)
  add_executable(${t} ${CMAKE_CURRENT_SOURCE_DIR}/unit/${t}.c)
  target_link_libraries(${t} PRIVATE sc_readers)
endforeach()
add_test(NAME readers_html COMMAND test_readers_html)
add_test(NAME readers_epub COMMAND test_readers_epub ${CMAKE_SOURCE_DIR}/tests/fixtures)
set_tests_properties(readers_html readers_epub PROPERTIES LABELS "readers")
# End to end: the fixtures converted by the real binary, checked against pandoc's reading of them.
if(COMMAND sapchu_e2e_test)
  sapchu_e2e_test(e2e_html_inputs html_inputs.py)
  sapchu_e2e_test(e2e_epub_inputs epub_inputs.py)
endif()
