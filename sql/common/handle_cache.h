// SPDX-License-Identifier: MIT
// A small least-recently-used cache of chc handles (calendars, rule sets)
// keyed by bytes: a built-in name, or a JSON document's bytes. The SQL
// extensions keep one per kind of key, so the same calendar named on a million
// rows is built once, and a session that names ever new landlord calendars
// holds at most CHC_HANDLE_CACHE_SIZE of them. Plain malloc, no callbacks into
// the database: an insert either takes the handle or frees it, so nothing
// leaks whatever the caller does next (PostgreSQL's ereport unwinds by longjmp).
#ifndef CHC_SQL_HANDLE_CACHE_H
#define CHC_SQL_HANDLE_CACHE_H

#include <chc/chc.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHC_HANDLE_CACHE_SIZE 8

typedef void (*chc_handle_free_fn)(void *handle);

typedef struct chc_handle_cache_entry {
  unsigned char *key; /* malloc'd copy; NULL for an empty slot */
  size_t len;
  void *handle;
  uint64_t used; /* the cache's tick when last found */
} chc_handle_cache_entry;

typedef struct chc_handle_cache {
  chc_handle_cache_entry entries[CHC_HANDLE_CACHE_SIZE];
  uint64_t tick;
  chc_handle_free_fn free_handle;
} chc_handle_cache;

/* The handle cached under key, or NULL. */
static inline void *chc_handle_cache_find(chc_handle_cache *cache, const void *key, size_t len) {
  for (int i = 0; i < CHC_HANDLE_CACHE_SIZE; ++i) {
    chc_handle_cache_entry *e = &cache->entries[i];
    if (e->key != NULL && e->len == len && memcmp(e->key, key, len) == 0) {
      e->used = ++cache->tick;
      return e->handle;
    }
  }
  return NULL;
}

/* Caches handle under key, evicting (and freeing) the least recently used
 * entry when full. Returns CHC_OK, or CHC_E_NOMEM after freeing handle. */
static inline int chc_handle_cache_put(chc_handle_cache *cache, const void *key, size_t len, void *handle) {
  unsigned char *copy = (unsigned char *)malloc(len > 0 ? len : 1);
  chc_handle_cache_entry *victim = &cache->entries[0];
  if (copy == NULL) {
    cache->free_handle(handle);
    return CHC_E_NOMEM;
  }
  memcpy(copy, key, len);
  for (int i = 0; i < CHC_HANDLE_CACHE_SIZE && victim->key != NULL; ++i) {
    chc_handle_cache_entry *e = &cache->entries[i];
    if (e->key == NULL || e->used < victim->used) victim = e;
  }
  if (victim->key != NULL) {
    cache->free_handle(victim->handle);
    free(victim->key);
  }
  victim->key = copy;
  victim->len = len;
  victim->handle = handle;
  victim->used = ++cache->tick;
  return CHC_OK;
}

/* Frees every cached handle and key. */
static inline void chc_handle_cache_clear(chc_handle_cache *cache) {
  for (int i = 0; i < CHC_HANDLE_CACHE_SIZE; ++i) {
    chc_handle_cache_entry *e = &cache->entries[i];
    if (e->key != NULL) {
      cache->free_handle(e->handle);
      free(e->key);
      e->key = NULL;
    }
  }
}

static inline void chc_handle_free_calendar(void *handle) { chc_calendar_free((chc_calendar *)handle); }
static inline void chc_handle_free_ruleset(void *handle) { chc_ruleset_free((chc_ruleset *)handle); }

/* What a cache holds, and so how a handle is built from its text. */
enum chc_handle_kind { CHC_CALENDAR_NAMED, CHC_CALENDAR_JSON, CHC_RULES_NAMED, CHC_RULES_JSON, CHC_HANDLE_KINDS };

/* Builds the handle of `kind` from text (a NUL-terminated name, or len bytes
 * of JSON) and caches it under key. Returns CHC_OK with *out set, or the
 * error code with chc_last_error() saying why; nothing is left to free. */
static inline int chc_handle_cache_build(chc_handle_cache *cache, int kind, const void *key, size_t key_len,
                                         const char *text, size_t len, void **out) {
  chc_calendar *cal = NULL;
  chc_ruleset *rules = NULL;
  void *handle;
  int rc;
  switch (kind) {
    case CHC_CALENDAR_NAMED: rc = chc_calendar_builtin(&cal, text); break;
    case CHC_CALENDAR_JSON: rc = chc_calendar_from_json(&cal, text, len); break;
    case CHC_RULES_NAMED: rc = chc_ruleset_builtin(&rules, text); break;
    default: rc = chc_ruleset_from_json(&rules, text, len); break;
  }
  if (rc != CHC_OK) return rc;
  handle = cal != NULL ? (void *)cal : (void *)rules;
  rc = chc_handle_cache_put(cache, key, key_len, handle);
  if (rc == CHC_OK) *out = handle;
  return rc;
}

/* The cached handle keyed by its own text, built on first use. */
static inline int chc_handle_cache_lookup(chc_handle_cache *cache, int kind, const char *text, size_t len, void **out) {
  void *found = chc_handle_cache_find(cache, text, len);
  if (found != NULL) {
    *out = found;
    return CHC_OK;
  }
  return chc_handle_cache_build(cache, kind, text, len, text, len, out);
}

/* Empty caches, one per kind, freeing what each kind holds. */
static inline void chc_handle_caches_init(chc_handle_cache caches[CHC_HANDLE_KINDS]) {
  memset(caches, 0, sizeof(chc_handle_cache) * CHC_HANDLE_KINDS);
  caches[CHC_CALENDAR_NAMED].free_handle = caches[CHC_CALENDAR_JSON].free_handle = chc_handle_free_calendar;
  caches[CHC_RULES_NAMED].free_handle = caches[CHC_RULES_JSON].free_handle = chc_handle_free_ruleset;
}

#endif /* CHC_SQL_HANDLE_CACHE_H */
