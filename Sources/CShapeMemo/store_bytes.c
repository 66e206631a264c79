// Bytes for the store (shape_store.c, store_saved.c): a hash for its table, a growing
// buffer and a bounded reader of variable-length integers (7 bits a byte, low first; signed
// ones zigzagged).
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

uint64_t store_hash_bytes(uint64_t h, const uint8_t *bytes, size_t count) {
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        uint64_t word;
        memcpy(&word, bytes + i, 8);
        h = (h ^ word) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    for (; i < count; i++) h = (h ^ bytes[i]) * 0x100000001B3ull;
    return h ^ (h >> 32);
}

uint64_t store_entry_hash(const uint8_t *key, uint32_t key_length, const uint8_t *text, uint32_t text_length) {
    return store_hash_bytes(store_hash_bytes(0xCBF29CE484222325ull, key, key_length), text, text_length);
}

void store_append(byte_buffer *b, const void *bytes, size_t count) {
    if (b->failed) return;
    if (b->length + count > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 4096;
        while (capacity < b->length + count) capacity *= 2;
        uint8_t *data = realloc(b->data, capacity);
        if (!data) {
            b->failed = true;
            return;
        }
        b->data = data;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, bytes, count);
    b->length += count;
}

void store_append_uvarint(byte_buffer *b, uint64_t value) {
    uint8_t bytes[10];
    int n = 0;
    do {
        uint8_t byte = value & 0x7F;
        value >>= 7;
        bytes[n++] = byte | (value ? 0x80 : 0);
    } while (value);
    store_append(b, bytes, (size_t)n);
}

void store_append_signed(byte_buffer *b, int64_t value) {
    store_append_uvarint(b, ((uint64_t)value << 1) ^ (uint64_t)(value >> 63));
}

uint64_t store_read_uvarint(byte_reader *r) {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->offset >= r->length) break;
        uint8_t byte = r->bytes[r->offset++];
        value |= (uint64_t)(byte & 0x7F) << shift;
        if (!(byte & 0x80)) return value;
    }
    r->failed = true;
    return 0;
}

int64_t store_read_signed(byte_reader *r) {
    uint64_t value = store_read_uvarint(r);
    return (int64_t)(value >> 1) ^ -(int64_t)(value & 1);
}

const uint8_t *store_read_bytes(byte_reader *r, uint64_t count) {
    if (r->failed || count > r->length - r->offset) {
        r->failed = true;
        return NULL;
    }
    const uint8_t *bytes = r->bytes + r->offset;
    r->offset += (size_t)count;
    return bytes;
}

void store_put32(uint8_t **p, uint32_t value) {
    memcpy(*p, &value, 4);
    *p += 4;
}
