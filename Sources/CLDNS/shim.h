#ifndef DANECHECK_CLDNS_SHIM_H
#define DANECHECK_CLDNS_SHIM_H
/* ldns/common.h redefines bool as signed char unless stdbool.h came first. */
#include <stdbool.h>
#include <stdlib.h>
#include <ldns/ldns.h>

/* Free a C string returned by an ldns *2str function. */
static inline void cldns_free_string(char *s) { free(s); }
#endif
