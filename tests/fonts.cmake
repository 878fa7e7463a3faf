# Fonts of the user's choice: font folders (TrueType and CFF), @font-face, installed fonts through
# fontconfig, the character fallback, --list-fonts. The unit test drives the layout stage's fontset
# directly; the e2e scripts check real PDFs (pdffonts, qpdf, pdftotext, mutool trace, hb-shape).
# They need fonts-sil-charis, fonts-lmodern and fonts-dejavu-core (scripts/debian-packages.txt).
if(EXISTS ${CMAKE_SOURCE_DIR}/tests/unit/test_fonts.c)
  add_executable(test_fonts ${CMAKE_SOURCE_DIR}/tests/unit/test_fonts.c)
  target_link_libraries(test_fonts PRIVATE sc_layout Threads::Threads ${MATH_LIB})
  target_compile_definitions(test_fonts PRIVATE SAPCHU_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  add_test(NAME fonts_test_fonts COMMAND test_fonts)
  set_tests_properties(fonts_test_fonts PROPERTIES LABELS "layout;unit;fonts")
endif()

if(COMMAND sapchu_e2e_test)
  sapchu_e2e_test(e2e_fonts_user     fonts_user.py)
  sapchu_e2e_test(e2e_fonts_fallback fonts_fallback.py)
  sapchu_e2e_test(e2e_fonts_face     fonts_face.py)
endif()
