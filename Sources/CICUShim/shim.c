#include "CICUShim.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

void sn_icu_version(char *out, int32_t capacity) {
    UVersionInfo info;
    char buffer[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, buffer);
    if (capacity > 0) {
        strncpy(out, buffer, (size_t)capacity - 1);
        out[capacity - 1] = 0;
    }
}

sn_brk *sn_brk_open_rules(const uint16_t *rules, int32_t length, int32_t *error, int32_t *line, int32_t *offset) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    memset(&parse, 0, sizeof parse);
    UBreakIterator *brk = ubrk_openRules((const UChar *)rules, length, NULL, 0, &parse, &status);
    *error = status;
    *line = parse.line;
    *offset = parse.offset;
    return U_FAILURE(status) ? NULL : (sn_brk *)brk;
}

sn_brk *sn_brk_open_binary(const uint8_t *data, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *brk = ubrk_openBinaryRules(data, length, NULL, 0, &status);
    *error = status;
    return U_FAILURE(status) ? NULL : (sn_brk *)brk;
}

int32_t sn_brk_binary_rules(sn_brk *brk, uint8_t *out, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t size = ubrk_getBinaryRules((UBreakIterator *)brk, out, capacity, &status);
    if (capacity == 0 && status == U_BUFFER_OVERFLOW_ERROR) status = U_ZERO_ERROR;
    *error = status;
    return size;
}

void sn_brk_close(sn_brk *brk) { ubrk_close((UBreakIterator *)brk); }

void sn_brk_set_text(sn_brk *brk, const uint16_t *text, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)brk, (const UChar *)text, length, &status);
    *error = status;
}

int32_t sn_brk_next_batch(sn_brk *brk, int32_t *ends, int32_t *statuses, int32_t capacity) {
    UBreakIterator *it = (UBreakIterator *)brk;
    int32_t count = 0;
    while (count < capacity) {
        int32_t end = ubrk_next(it);
        if (end == UBRK_DONE) break;
        ends[count] = end;
        statuses[count] = ubrk_getRuleStatus(it);
        count++;
    }
    return count;
}

int32_t sn_nfkc_casefold(const uint16_t *src, int32_t length, uint16_t *out, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *norm = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) { *error = status; return 0; }
    int32_t size = unorm2_normalize(norm, (const UChar *)src, length, (UChar *)out, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    *error = status;
    return size;
}

sn_trans *sn_trans_open(const uint16_t *id, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UTransliterator *trans = utrans_openU((const UChar *)id, length, UTRANS_FORWARD, NULL, 0, NULL, &status);
    *error = status;
    return U_FAILURE(status) ? NULL : (sn_trans *)trans;
}

void sn_trans_close(sn_trans *trans) { utrans_close((UTransliterator *)trans); }

int32_t sn_trans_apply(sn_trans *trans, uint16_t *text, int32_t *length, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t limit = *length;
    int32_t textLength = *length;
    utrans_transUChars((const UTransliterator *)trans, (UChar *)text, &textLength, capacity, 0, &limit, &status);
    if (status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    *error = status;
    *length = textLength;
    return textLength;
}

sn_regex *sn_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, int32_t *error, int32_t *line, int32_t *offset) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    memset(&parse, 0, sizeof parse);
    URegularExpression *re = uregex_open((const UChar *)pattern, length, flags, &parse, &status);
    *error = status;
    *line = parse.line;
    *offset = parse.offset;
    return U_FAILURE(status) ? NULL : (sn_regex *)re;
}

sn_regex *sn_regex_clone(sn_regex *regex, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone((const URegularExpression *)regex, &status);
    *error = status;
    return U_FAILURE(status) ? NULL : (sn_regex *)re;
}

void sn_regex_close(sn_regex *regex) { uregex_close((URegularExpression *)regex); }

void sn_regex_set_limits(sn_regex *regex, int32_t time_limit, int32_t stack_limit, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    uregex_setTimeLimit((URegularExpression *)regex, time_limit, &status);
    if (U_SUCCESS(status)) uregex_setStackLimit((URegularExpression *)regex, stack_limit, &status);
    *error = status;
}

void sn_regex_set_text(sn_regex *regex, const uint16_t *text, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText((URegularExpression *)regex, (const UChar *)text, length, &status);
    *error = status;
}

int32_t sn_regex_find_next(sn_regex *regex, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBool found = uregex_findNext((URegularExpression *)regex, &status);
    *error = status;
    return (U_SUCCESS(status) && found) ? 1 : 0;
}

int32_t sn_regex_group_count(sn_regex *regex, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t count = uregex_groupCount((URegularExpression *)regex, &status);
    *error = status;
    return count;
}

void sn_regex_group_range(sn_regex *regex, int32_t group, int32_t *start, int32_t *end, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    *start = uregex_start((URegularExpression *)regex, group, &status);
    if (U_SUCCESS(status)) *end = uregex_end((URegularExpression *)regex, group, &status);
    *error = status;
}

const char *sn_error_name(int32_t error) { return u_errorName((UErrorCode)error); }

int32_t sn_regex_is_limit_error(int32_t error) {
    return (error == U_REGEX_TIME_OUT || error == U_REGEX_STACK_OVERFLOW) ? 1 : 0;
}

void sn_regex_set_region(sn_regex *regex, int32_t start, int32_t limit, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    uregex_setRegion((URegularExpression *)regex, start, limit, &status);
    *error = status;
}
