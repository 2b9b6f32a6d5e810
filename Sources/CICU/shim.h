#ifndef ACCORD_CICU_SHIM_H
#define ACCORD_CICU_SHIM_H
// ICU's C functions carry a version suffix (ubrk_open_72); including the headers through
// this shim lets urename.h map the plain names, so Swift code never names the version.
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#endif
