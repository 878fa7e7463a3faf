# DOCX and ODT readers: unit tests on the fixtures in tests/fixtures/office (written by pandoc, and
# hand-made by make-fixtures.py: legacy fonts, Word features, broken packages) and on hostile
# packages made in memory; end to end, the fixtures converted to PDF and EPUB by the real binary.
add_executable(test_readers_office ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_readers_office.c)
target_link_libraries(test_readers_office PRIVATE sc_readers)
add_test(NAME readers_office COMMAND test_readers_office ${CMAKE_SOURCE_DIR}/tests/fixtures)
set_tests_properties(readers_office PROPERTIES LABELS "readers")
if(COMMAND sapchu_e2e_test)
  sapchu_e2e_test(e2e_office_inputs office_inputs.py)
endif()
