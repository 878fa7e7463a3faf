# PDF writer: a hand-built display list written with sc_pdf_write, then checked with the real tools
# (qpdf, pdffonts, pdftotext, mutool trace, pdfinfo) by tests/unit/test_pdf_writer_check.py.
find_package(Threads REQUIRED)
add_executable(test_pdf_writer ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_pdf_writer.c)
target_link_libraries(test_pdf_writer PRIVATE sc_pdf Threads::Threads)

set(pdf_writer_out ${CMAKE_CURRENT_BINARY_DIR}/pdf_writer_out)
add_test(NAME pdf_writer_write
         COMMAND test_pdf_writer ${CMAKE_SOURCE_DIR}/fonts ${pdf_writer_out})
set_tests_properties(pdf_writer_write PROPERTIES FIXTURES_SETUP pdf_writer LABELS "pdf;unit")

foreach(check qpdf fonts text glyphs meta repro nav)
  add_test(NAME pdf_writer_${check}
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_pdf_writer_check.py
                   ${check} ${pdf_writer_out})
  set_tests_properties(pdf_writer_${check} PROPERTIES FIXTURES_REQUIRED pdf_writer LABELS "pdf;e2e")
endforeach()

# The CFF road (CIDFontType0 + FontFile3/CIDFontType0C) and characters beyond the BMP, with Latin
# Modern from Debian's fonts-lmodern; skipped (exit 77) where that package is missing.
add_executable(test_pdf_cff ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_pdf_cff.c)
target_link_libraries(test_pdf_cff PRIVATE sc_pdf)
set(lm_dir /usr/share/texmf/fonts/opentype/public)
add_test(NAME pdf_cff_write
         COMMAND test_pdf_cff ${lm_dir}/lm/lmroman10-regular.otf ${lm_dir}/lm-math/latinmodern-math.otf
                 ${pdf_writer_out})
set_tests_properties(pdf_cff_write PROPERTIES FIXTURES_SETUP pdf_cff SKIP_RETURN_CODE 77
                     LABELS "pdf;unit")
foreach(check qpdf fonts text glyphs repro)
  add_test(NAME pdf_cff_${check}
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_pdf_writer_check.py
                   ${check} ${pdf_writer_out} cff)
  set_tests_properties(pdf_cff_${check} PROPERTIES FIXTURES_REQUIRED pdf_cff LABELS "pdf;e2e")
endforeach()
