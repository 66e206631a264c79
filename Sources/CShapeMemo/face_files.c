// The font file of each face Pango makes, for the store's keys (shape_store.c): Pango 1.50
// (pangofc-fontmap.c) makes a face with hb_blob_create_from_file and hb_face_create. Both are
// defined here, in the executable, ahead of HarfBuzz's (the linker exports them because
// libpangoft2 refers to them); they call HarfBuzz's (found with dlsym(RTLD_NEXT)) and tag the
// blob with the file's path and the face with the path and its index, as HarfBuzz user data,
// which dies with the object: a face made another way, or a later face at a freed one's
// address, has no tag and is never keyed.
#define _GNU_SOURCE
#include "store_internal.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef hb_blob_t *(*blob_from_file_function)(const char *);
typedef hb_face_t *(*face_create_function)(hb_blob_t *, unsigned int);
static blob_from_file_function real_blob_from_file;
static face_create_function real_face_create;
static pthread_once_t resolved = PTHREAD_ONCE_INIT;
static hb_user_data_key_t blob_path_key, face_file_key;

static void resolve(void) {
    real_blob_from_file = (blob_from_file_function)dlsym(RTLD_NEXT, "hb_blob_create_from_file");
    real_face_create = (face_create_function)dlsym(RTLD_NEXT, "hb_face_create");
}

static void free_face_file(void *pointer) {
    face_file *file = pointer;
    free(file->path);
    free(file);
}

hb_blob_t *hb_blob_create_from_file(const char *file_name) {
    pthread_once(&resolved, resolve);
    hb_blob_t *blob = real_blob_from_file(file_name);
    char *path = file_name ? strdup(file_name) : NULL;
    if (path && !hb_blob_set_user_data(blob, &blob_path_key, path, free, true)) free(path);
    return blob;
}

hb_face_t *hb_face_create(hb_blob_t *blob, unsigned int index) {
    pthread_once(&resolved, resolve);
    hb_face_t *face = real_face_create(blob, index);
    const char *path = blob ? hb_blob_get_user_data(blob, &blob_path_key) : NULL;
    if (path) {
        face_file *file = malloc(sizeof *file);
        if (file) {
            file->path = strdup(path);
            file->index = index;
            if (!file->path || !hb_face_set_user_data(face, &face_file_key, file, free_face_file, true)) {
                free(file->path);
                free(file);
            }
        }
    }
    return face;
}

const face_file *store_face_file(hb_face_t *face) { return hb_face_get_user_data(face, &face_file_key); }
