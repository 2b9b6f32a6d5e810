#ifndef ACCORD_CICU_SHIM_H
#define ACCORD_CICU_SHIM_H
// The few ICU (icu-uc) functions accord needs, for word breaks, NFC and display width.
//
// ICU's C functions carry a version suffix (ubrk_open_72); uvernum.h's renaming macro adds
// it here, so Swift calls only the accord_ wrappers below and never names the version.
//
// The ICU headers themselves are deliberately NOT included: Foundation on Linux ships its
// own copy of ICU's headers (module _FoundationICU, a newer release), and a Swift module
// that imports Foundation and the system's <unicode/utypes.h> fails to build because the
// two define UErrorCode differently. So the entry points are declared below with plain C
// types; the values used match ICU's stable C ABI (UChar is a 16-bit unit, enums are int).
#include <stdbool.h>
#include <stdint.h>
#include <unicode/uvernum.h>

struct accord_icu_breaks;
struct accord_icu_normalizer;

#define ACCORD_ICU(name) U_ICU_ENTRY_POINT_RENAME(name)
enum {
    accord_icu_zero_error = 0,              // U_ZERO_ERROR
    accord_icu_buffer_overflow = 15,        // U_BUFFER_OVERFLOW_ERROR
    accord_icu_break_word = 1,              // UBRK_WORD
    accord_icu_word_none_limit = 100,       // UBRK_WORD_NONE_LIMIT
    accord_icu_check_yes = 1,               // UNORM_YES
    accord_icu_east_asian_width = 0x1004,   // UCHAR_EAST_ASIAN_WIDTH
    accord_icu_width_fullwidth = 3,         // U_EA_FULLWIDTH
    accord_icu_width_wide = 5,              // U_EA_WIDE
};
extern struct accord_icu_breaks *ACCORD_ICU(ubrk_open)(int type, const char *locale,
    const uint16_t *text, int32_t length, int *status);
extern void ACCORD_ICU(ubrk_close)(struct accord_icu_breaks *breaks);
extern void ACCORD_ICU(ubrk_setText)(struct accord_icu_breaks *breaks, const uint16_t *text, int32_t length,
    int *status);
extern int32_t ACCORD_ICU(ubrk_first)(struct accord_icu_breaks *breaks);
extern int32_t ACCORD_ICU(ubrk_next)(struct accord_icu_breaks *breaks);
extern int32_t ACCORD_ICU(ubrk_getRuleStatus)(struct accord_icu_breaks *breaks);
extern const struct accord_icu_normalizer *ACCORD_ICU(unorm2_getNFCInstance)(int *status);
extern int32_t ACCORD_ICU(u_getIntPropertyValue)(int32_t c, int which);
extern int32_t ACCORD_ICU(unorm2_normalize)(const struct accord_icu_normalizer *normalizer,
    const uint16_t *text, int32_t length, uint16_t *destination, int32_t capacity, int *status);
extern int ACCORD_ICU(unorm2_quickCheck)(const struct accord_icu_normalizer *normalizer,
    const uint16_t *text, int32_t length, int *status);

/// A word break iterator over UTF-16 text with the root locale's rules (Khmer, Lao, Myanmar
/// and Thai are segmented by ICU's dictionaries whatever the locale), or NULL on failure.
static inline struct accord_icu_breaks *accord_word_breaks_open(const uint16_t *text, int32_t length) {
    int status = accord_icu_zero_error;
    struct accord_icu_breaks *breaks = ACCORD_ICU(ubrk_open)(accord_icu_break_word, "", text, length, &status);
    if (status > accord_icu_zero_error) {
        if (breaks) ACCORD_ICU(ubrk_close)(breaks);
        return 0;
    }
    return breaks;
}
/// Points an open iterator at new text (which must outlive its use), keeping the rules it
/// loaded; false on failure.
static inline bool accord_breaks_set_text(struct accord_icu_breaks *breaks, const uint16_t *text, int32_t length) {
    int status = accord_icu_zero_error;
    ACCORD_ICU(ubrk_setText)(breaks, text, length, &status);
    return status <= accord_icu_zero_error;
}
static inline void accord_breaks_close(struct accord_icu_breaks *breaks) { ACCORD_ICU(ubrk_close)(breaks); }
static inline int32_t accord_breaks_first(struct accord_icu_breaks *breaks) { return ACCORD_ICU(ubrk_first)(breaks); }
/// The next boundary, or a negative value (UBRK_DONE) after the last.
static inline int32_t accord_breaks_next(struct accord_icu_breaks *breaks) { return ACCORD_ICU(ubrk_next)(breaks); }
/// True when the segment ending at the current boundary is a word (letters, digits, kana,
/// ideographs or dictionary words) rather than spaces or punctuation.
static inline bool accord_breaks_is_word(struct accord_icu_breaks *breaks) {
    return ACCORD_ICU(ubrk_getRuleStatus)(breaks) >= accord_icu_word_none_limit;
}

/// True when a terminal gives the code point two cells: East Asian Width Wide or Fullwidth.
static inline bool accord_is_wide(uint32_t scalar) {
    int32_t width = ACCORD_ICU(u_getIntPropertyValue)((int32_t)scalar, accord_icu_east_asian_width);
    return width == accord_icu_width_wide || width == accord_icu_width_fullwidth;
}

/// True when the text is certainly in NFC already (a quick check; "maybe" counts as no).
static inline bool accord_is_nfc(const uint16_t *text, int32_t length) {
    int status = accord_icu_zero_error;
    const struct accord_icu_normalizer *nfc = ACCORD_ICU(unorm2_getNFCInstance)(&status);
    if (status > accord_icu_zero_error) return false;
    int result = ACCORD_ICU(unorm2_quickCheck)(nfc, text, length, &status);
    return status <= accord_icu_zero_error && result == accord_icu_check_yes;
}

/// Writes the NFC form of `text` to `destination` and returns its length, or -1 on
/// failure. A result larger than `capacity` means: call again with a buffer that large.
static inline int32_t accord_nfc(const uint16_t *text, int32_t length, uint16_t *destination, int32_t capacity) {
    int status = accord_icu_zero_error;
    const struct accord_icu_normalizer *nfc = ACCORD_ICU(unorm2_getNFCInstance)(&status);
    if (status > accord_icu_zero_error) return -1;
    int32_t written = ACCORD_ICU(unorm2_normalize)(nfc, text, length, destination, capacity, &status);
    if (status == accord_icu_buffer_overflow) return written > capacity ? written : capacity + 1;
    return status > accord_icu_zero_error ? -1 : written;
}
#endif
