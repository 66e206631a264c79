// Pango 1.50 (pangofc-fontmap.c, pango_fc_patterns_new) starts two threads for every font
// pattern a font map sees for the first time: "[pango] FcFontSetMatch" runs FcFontSetMatch and
// "[pango] FcFontSetSort" runs FcFontSetSort, each storing its result in the pattern's record
// under the record's mutex and signalling its condition, and the thread that asked waits for
// the match at once (pango_fc_patterns_get_font_pattern). With Dossier's few pinned fonts both
// take microseconds, far less than making and ending a thread; a prose edit made 44 of them,
// one pair per font size and style a typesetter loads.
//
// g_thread_new is defined here, in the executable, ahead of GLib's (the linker exports it
// because libpangoft2 refers to it): for those two names it runs the function on the calling
// thread before returning, which is what Pango did before 1.50 (the same fontconfig calls on
// the same copied pattern, configuration and font set; the record's mutex is free, as Pango
// takes it only inside the functions and the waiting call, which comes later), and returns a
// reference to the calling thread's GThread, which Pango only unreferences. Every other
// thread, Pango's "[pango] FcInit" among them (started while Pango holds the mutex its
// function takes), goes to GLib's g_thread_new (found with dlsym(RTLD_NEXT)).
#define _GNU_SOURCE
#include "font_match_inline.h"

#include <dlfcn.h>
#include <glib.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

typedef GThread *(*thread_new_function)(const gchar *, GThreadFunc, gpointer);
static thread_new_function real_thread_new;
static pthread_once_t resolved = PTHREAD_ONCE_INIT;
static atomic_long inlined;

static void resolve(void) { real_thread_new = (thread_new_function)dlsym(RTLD_NEXT, "g_thread_new"); }

static int runs_inline(const gchar *name) {
    return name && (strcmp(name, "[pango] FcFontSetMatch") == 0 || strcmp(name, "[pango] FcFontSetSort") == 0);
}

GThread *g_thread_new(const gchar *name, GThreadFunc func, gpointer data) {
    if (runs_inline(name) && dossier_font_match_inline_enabled()) {
        func(data);
        atomic_fetch_add_explicit(&inlined, 1, memory_order_relaxed);
        return g_thread_ref(g_thread_self());
    }
    pthread_once(&resolved, resolve);
    return real_thread_new(name, func, data);
}

static atomic_int disabled;

int dossier_font_match_inline_enabled(void) { return !atomic_load_explicit(&disabled, memory_order_relaxed); }

void dossier_font_match_inline_set_enabled(int enabled) {
    atomic_store_explicit(&disabled, !enabled, memory_order_relaxed);
}

long dossier_font_match_inlined(void) { return atomic_load_explicit(&inlined, memory_order_relaxed); }
