# Tables and images (issue 4): the picture probe and path rules (unit), then real outputs:
# tables over pages with their header repeated, column alignment and widths (pdftotext -bbox,
# mutool trace); pictures scaled and turned (mutool trace, pdfimages, pdftoppm), alt-text boxes for
# pictures that cannot be drawn, remote and escaping paths refused; EPUB packaging (epubcheck).
add_executable(test_images_probe ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_images_probe.c)
target_link_libraries(test_images_probe PRIVATE sc_base z)
add_test(NAME images_probe
         COMMAND test_images_probe ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/images
                 ${CMAKE_CURRENT_BINARY_DIR}/images_probe_work)
set_tests_properties(images_probe PROPERTIES LABELS "unit;images")

sapchu_e2e_test(e2e_tables_pages tables_pages.py)
sapchu_e2e_test(e2e_images_pdf   images_pdf.py)
sapchu_e2e_test(e2e_images_epub  images_epub.py)

# Layout of hand-built documents: column/row spans, content-based column widths, figures from a
# document resource, the alt-text box of a missing picture.
add_executable(test_tables_layout ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_tables_layout.c)
target_link_libraries(test_tables_layout PRIVATE sc_layout z ${MATH_LIB})
target_compile_definitions(test_tables_layout PRIVATE SAPCHU_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME layout_tables_images COMMAND test_tables_layout)
set_tests_properties(layout_tables_images PROPERTIES LABELS "unit;images")
sapchu_e2e_test(e2e_tables_html  tables_html.py)
sapchu_e2e_test(e2e_images_fit   images_fit.py)
