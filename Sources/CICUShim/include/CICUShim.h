/*
 * CICUShim: the few ICU C functions Santun uses, under stable names and without ICU types.
 *
 * Why a shim: Swift cannot see ICU's version-renamed symbols (ubrk_open_72) through the C
 * macros, and importing the system ICU headers into a module that also imports Foundation
 * clashes with Foundation's own ICU module. The C compiler resolves the renaming here, so the
 * same sources build against any ICU version. UTF-16 code units are uint16_t. Error codes are
 * ICU's UErrorCode values as int32_t: <= 0 means success (ICU warnings count as success).
 */
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sn_brk sn_brk;
typedef struct sn_trans sn_trans;
typedef struct sn_regex sn_regex;

/** The ICU version as "72.1". */
void sn_icu_version(char *out, int32_t capacity);

/* ---- word break iteration ---------------------------------------------------------------- */

/** Compiles break rules. On a syntax error returns NULL and sets *line / *offset. */
sn_brk *sn_brk_open_rules(const uint16_t *rules, int32_t length, int32_t *error, int32_t *line, int32_t *offset);
/** Opens precompiled rules. The data must outlive the iterator (ICU does not copy it). */
sn_brk *sn_brk_open_binary(const uint8_t *data, int32_t length, int32_t *error);
/** Writes the compiled form; returns its size (call with capacity 0 to ask for the size). */
int32_t sn_brk_binary_rules(sn_brk *brk, uint8_t *out, int32_t capacity, int32_t *error);
void sn_brk_close(sn_brk *brk);
/** The text must stay alive and unchanged while iterating. */
void sn_brk_set_text(sn_brk *brk, const uint16_t *text, int32_t length, int32_t *error);
/**
 * Fills up to `capacity` boundaries after the current position, with the rule status of the
 * segment ending at each. Returns how many were written; 0 at the end of the text.
 */
int32_t sn_brk_next_batch(sn_brk *brk, int32_t *ends, int32_t *statuses, int32_t capacity);

/* ---- normalization and transliteration ----------------------------------------------------- */

/** NFKC_Casefold. Returns the output length (may exceed capacity: then call again). */
int32_t sn_nfkc_casefold(const uint16_t *src, int32_t length, uint16_t *out, int32_t capacity, int32_t *error);
/** Opens a forward transliterator such as "Any-Latin; Latin-ASCII". */
sn_trans *sn_trans_open(const uint16_t *id, int32_t length, int32_t *error);
void sn_trans_close(sn_trans *trans);
/** Transliterates in place; *length is updated. Returns the needed length when capacity is short. */
int32_t sn_trans_apply(sn_trans *trans, uint16_t *text, int32_t *length, int32_t capacity, int32_t *error);

/* ---- regular expressions ---------------------------------------------------------------- */

enum { SN_REGEX_CASE_INSENSITIVE = 2, SN_REGEX_MULTILINE = 8 };

/** Compiles a pattern. On error returns NULL and sets *line / *offset (1-based line, 0-based offset). */
sn_regex *sn_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, int32_t *error, int32_t *line, int32_t *offset);
/** A copy that can run on another thread. */
sn_regex *sn_regex_clone(sn_regex *regex, int32_t *error);
void sn_regex_close(sn_regex *regex);
/** Bounds the work of one match (ICU's time limit, in units of roughly a few million steps). */
void sn_regex_set_limits(sn_regex *regex, int32_t time_limit, int32_t stack_limit, int32_t *error);
void sn_regex_set_text(sn_regex *regex, const uint16_t *text, int32_t length, int32_t *error);
/** Limits matching to the UTF-16 range [start, limit) of the text (and resets the search). */
void sn_regex_set_region(sn_regex *regex, int32_t start, int32_t limit, int32_t *error);
/** Finds the next match; returns 1 when found, 0 when not (or on error, see *error). */
int32_t sn_regex_find_next(sn_regex *regex, int32_t *error);
int32_t sn_regex_group_count(sn_regex *regex, int32_t *error);
/** Start and end (UTF-16 indexes) of a group of the last match; -1 when the group did not take part. */
void sn_regex_group_range(sn_regex *regex, int32_t group, int32_t *start, int32_t *end, int32_t *error);

/** 1 when `error` says a match ran out of its time or stack limit. */
int32_t sn_regex_is_limit_error(int32_t error);

/** A short English name of an ICU error code. */
const char *sn_error_name(int32_t error);

#ifdef __cplusplus
}
#endif
#endif
