# Issue 3's styles: the layout's side of the new properties (unit test on hand-built styled
# documents), and end-to-end checks of the bundled styles, the EPUB's stylesheet and the drawn
# properties with real tools (pdfinfo, pdffonts, pdftotext, mutool trace, epubcheck).
add_executable(test_layout_styles ${CMAKE_SOURCE_DIR}/tests/unit/test_layout_styles.c)
target_link_libraries(test_layout_styles PRIVATE sc_layout ${MATH_LIB})
target_compile_definitions(test_layout_styles PRIVATE SAPCHU_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME layout_styles COMMAND test_layout_styles)
set_tests_properties(layout_styles PROPERTIES LABELS "layout;unit;styles")

if(COMMAND sapchu_e2e_test)
  sapchu_e2e_test(e2e_styles_bundled styles_bundled.py)
  sapchu_e2e_test(e2e_styles_epub    styles_epub.py)
  sapchu_e2e_test(e2e_styles_drawn   styles_drawn.py)
  set_tests_properties(e2e_styles_bundled e2e_styles_epub e2e_styles_drawn
                       PROPERTIES LABELS "e2e;styles")
endif()
