/* SPDX-License-Identifier: MIT
 *
 * gaz.h -- gazetteers: source rows, the compiled file format, and the
 * loaded (memory-mapped) table that matching reads.
 *
 * Three modules share it: gaz_source.c reads and checks the TSV sources,
 * gaz_compile.c turns rows into the binary format below, and gazetteer.c
 * maps a compiled file (or a buffer compiled in memory) and matches token
 * sequences against it.  The format is read in place: loading checks the
 * header and section bounds (O(1) in the number of entries), and each
 * 64 KiB block is checked against its checksum the first time a lookup
 * touches it, so a corrupted file is detected, never trusted.
 */
#ifndef TEITAG_GAZ_H
#define TEITAG_GAZ_H

#include "inflect.h"
#include "private.h"

/* ---- source rows ---------------------------------------------------------- */

/* Entities of these internal types are lexicon entries, not names to tag:
 * the name rules look them up (given names with their gender). */
enum { TT_GZ_TYPE_GIVEN = 16 };

typedef struct tt_gaz_row {
  uint32_t file;     /* index into the list of source files */
  uint32_t line;     /* 1-based */
  char *id;
  uint32_t id_index; /* IDs are numbered from 0 in the order they first
                        appear; UINT32_MAX for lexicon rows */
  uint8_t type;      /* teitag_type, or TT_GZ_TYPE_GIVEN */
  uint8_t lang;      /* teitag_lang */
  uint8_t gender;    /* lexicon rows: 'm', 'f', 'u' */
  uint8_t flags;     /* lexicon rows: TT_LEX_* */
  char *form;        /* the name as written */
  tt_infl_attrs attrs; /* attrs.stems points into stems_buf */
  char *stems_buf;
} tt_gaz_row;

/* Receives one problem: the file, its 1-based line, and the reason. */
typedef void (*tt_gaz_report_fn)(void *ctx, const char *file, size_t line,
                                 const char *message);

/* Receives one good row.  Its strings belong to the reader and last until
 * the call returns (stems_buf is NULL; attrs.stems points at them too). */
typedef void (*tt_gaz_row_fn)(void *ctx, const tt_gaz_row *row);

/* Reads sources row by row: every bad row is reported, every good one is
 * handed to `on_row` (may be NULL: checking only) and then forgotten.
 * What the reader keeps is one entry per ID, so that one ID with two types
 * is caught across all the files it reads.
 *
 *     tt_gaz_reader *r = tt_gaz_reader_new(on_row, &state, report, ctx);
 *     for (i = 0; i < n; i++) tt_gaz_reader_read(r, paths[i]);
 *     if (tt_gaz_reader_problems(r)) ...;
 *     tt_gaz_reader_free(r);
 */
typedef struct tt_gaz_reader tt_gaz_reader;

tt_gaz_reader *tt_gaz_reader_new(tt_gaz_row_fn on_row, void *row_ctx,
                                 tt_gaz_report_fn report, void *ctx);
void tt_gaz_reader_free(tt_gaz_reader *r); /* NULL is a no-op */

/* Reads a source file, reporting a file that cannot be read as a problem on
 * line 0.  Rows name it by its index among the files this reader has read.
 * Returns the number of problems in it. */
size_t tt_gaz_reader_read(tt_gaz_reader *r, const char *path);

/* The same for a source already in memory, named `file` in reports. */
size_t tt_gaz_reader_parse(tt_gaz_reader *r, const char *file, const char *data,
                           size_t len);

/* Problems found so far in everything read. */
size_t tt_gaz_reader_problems(const tt_gaz_reader *r);

/* Rows kept in memory, for tests and in-memory compiles of small sources. */
typedef struct tt_gaz_rows {
  tt_gaz_row *rows;
  size_t n, cap;
  char **files;      /* source file names (as given) */
  size_t n_files, cap_files;
} tt_gaz_rows;

/* Parses one source file's bytes, appending good rows to `rows` and
 * reporting every bad row.  Returns the number of bad rows.  Conflicting
 * types for one ID are checked across everything parsed so far. */
size_t tt_gaz_parse(tt_gaz_rows *rows, const char *file, const char *data,
                    size_t len, tt_gaz_report_fn report, void *ctx);
void tt_gaz_rows_free(tt_gaz_rows *rows);

/* ---- the compiled format -------------------------------------------------- */

#define TT_GAZ_MAGIC "TEITAGZ\0"
#define TT_GAZ_VERSION 1u
#define TT_GAZ_BYTE_ORDER 0x01020304u
#define TT_GAZ_BLOCK 65536u
#define TT_GAZ_MAX_TOKENS 16

/* Per-token case requirement of a form, 2 bits per token. */
enum {
  TT_GZ_CASE_ANY = 0,      /* a lower-case form word: any case in text */
  TT_GZ_CASE_NOT_LOWER = 1, /* a capitalised word: Title or ALL CAPS */
  TT_GZ_CASE_UPPER = 2,    /* an acronym: ALL CAPS only */
  TT_GZ_CASE_EXACT = 3     /* mixed case (iPhone): exactly as written */
};

/* Key flags. */
enum {
  TT_GZ_INFLECTED = 1u << 0,  /* a generated case form */
  TT_GZ_HAS_EXACT = 1u << 1,  /* `orig` holds the as-written tokens */
  TT_GZ_ABBREVIATED = 1u << 2 /* ... whose type word is abbreviated */
};

/* Slot flags. */
enum {
  TT_GZ_SLOT_PREFIX = 1u << 0 /* a longer key continues this sequence */
};
/* Sequences that only begin longer keys live in a separate set of bare
 * hashes (8 bytes each instead of a 16-byte slot). */

/* All offsets are bytes from the start of the file; all strings are
 * NUL-terminated in the string pool, and offset 0 is the empty string. */
typedef struct tt_gz_header {
  char magic[8];
  uint32_t version;
  uint32_t byte_order;
  uint64_t file_size;
  uint32_t block_size;
  uint32_t n_blocks;
  uint64_t blocks_off;     /* uint64 checksum per block of the payload */
  uint64_t strings_off, strings_size;
  uint64_t entities_off, n_entities;
  uint64_t keys_off, n_keys;
  uint64_t slots_off, n_slots;       /* power of two; full keys */
  uint64_t prefixes_off, n_prefixes; /* power of two; uint64 hashes of
                                        sequences that only prefix keys */
  uint64_t ids_off, n_ids;           /* power of two */
  uint64_t filter_off, filter_bits;  /* power of two; two bitsets */
  uint64_t files_off, n_files;       /* uint32 string offsets */
  uint64_t payload_off;              /* where the checked blocks start */
  uint64_t n_rows;                   /* source rows compiled */
  uint64_t header_checksum;          /* over the header before this field
                                        and the block table */
} tt_gz_header;

/* Flags of lexicon entries. */
enum {
  TT_LEX_COMMON = 1u << 0, /* also an ordinary word (Віра, Mark) */
  TT_LEX_DIMIN = 1u << 1   /* a short or pet form (Сашко, Bill) */
};

typedef struct tt_gz_entity {
  uint32_t id;       /* string */
  uint32_t norm[4];  /* dictionary form per teitag_lang (0: none) */
  uint8_t type;      /* teitag_type, or TT_GZ_TYPE_GIVEN */
  uint8_t gender;    /* lexicon entries: 'm', 'f', 'u' */
  uint8_t flags;     /* lexicon entries: TT_LEX_* */
  uint8_t lang;      /* lexicon entries: teitag_lang */
} tt_gz_entity;

/* Generated (inflected) keys store neither their form nor their folded
 * key: the matched text is the form, and a 64-bit sequence hash with the
 * right token count stands for the key.  As-written forms keep both, for
 * `lookup` and for an exact collision check. */
typedef struct tt_gz_key {
  uint32_t entity;
  uint32_t form;     /* the form as written, or 0 for a generated form */
  uint32_t key;      /* token keys joined by 0x1F, or 0 */
  uint32_t orig;     /* as-written tokens joined by 0x1F, or 0 */
  uint32_t casemask; /* TT_GZ_CASE_* per token, 2 bits each */
  uint32_t line;     /* source line */
  uint16_t file;     /* source file index */
  uint8_t lang;
  uint8_t flags;     /* TT_GZ_INFLECTED, TT_GZ_HAS_EXACT, TT_GZ_ABBREVIATED */
  uint8_t n_tokens;
  uint8_t case_id;   /* for inflected keys: which case */
  uint8_t pad[2];
} tt_gz_key;

typedef struct tt_gz_slot {
  uint64_t hash;     /* of the token sequence; 0 means empty */
  uint32_t first;    /* first key with this sequence hash */
  uint16_t n_keys;   /* 0 when only a prefix */
  uint16_t flags;    /* TT_GZ_SLOT_PREFIX */
} tt_gz_slot;

typedef struct tt_gz_id_slot {
  uint64_t hash;     /* of the ID string; 0 means empty */
  uint32_t entity;
  uint32_t pad;
} tt_gz_id_slot;

/* Hash of a token sequence: start with the first token's key hash, then
 * fold in each further token's.  Never 0, which marks an empty slot. */
static inline uint64_t tt_gz_seq_start(uint64_t tok_hash) {
  uint64_t h = tt_hash_mix(0x7465697461677aULL, tok_hash);
  return h ? h : 1;
}
static inline uint64_t tt_gz_seq_next(uint64_t seq, uint64_t tok_hash) {
  uint64_t h = tt_hash_mix(seq, tok_hash);
  return h ? h : 1;
}

/* A fast 64-bit checksum of a block (word-wise multiply-xor). */
uint64_t tt_gz_checksum(const unsigned char *p, size_t len);

/* ---- compiling -------------------------------------------------------------- */

/* A compile in progress.  Rows go in as they are read and are only logged
 * (so nothing is compiled from sources with a bad row); building compiles
 * them and sorts the keys, writing puts the image out section by section.
 * Keys that outgrow memory are sorted in runs kept in a temporary file in
 * the output's directory, unlinked as soon as it is created.
 *
 *     tt_gaz_compiler *c = tt_gaz_compiler_new(paths, n, out_path, report, ctx);
 *     ... tt_gaz_compiler_add(c, row) for each row a tt_gaz_reader hands on ...
 *     st = tt_gaz_compiler_build(c, diag);
 *     if (st == TEITAG_OK) st = tt_gaz_compiler_write(c, fd, NULL, &size, diag);
 *     tt_gaz_compiler_free(c);
 */
typedef struct tt_gaz_compiler tt_gaz_compiler;

/* Starts a compile of rows from `files` (the names rows index, as given;
 * the image keeps their base names; later files win).  With `out_path`
 * NULL everything stays in memory (for small sources compiled on the fly);
 * otherwise it names the output, for temporary files and messages.
 * `report` receives rows the compiler refuses. */
tt_gaz_compiler *tt_gaz_compiler_new(const char *const *files, size_t n_files,
                                     const char *out_path,
                                     tt_gaz_report_fn report, void *ctx);
void tt_gaz_compiler_free(tt_gaz_compiler *c); /* NULL is a no-op */

/* For tests: sorts keys `key_run` and prefixes `prefix_run` at a time,
 * and moves the temporary stores to files beyond `mem_limit` bytes (when
 * compiling to a file), so that small inputs take the paths of big ones.
 * Call before adding rows. */
void tt_gaz_compiler_limits(tt_gaz_compiler *c, size_t key_run,
                            size_t prefix_run, size_t mem_limit);

/* Logs one row, copied; rows count in the order they come.  The row must
 * come from a tt_gaz_reader (or tt_gaz_parse), which numbers its ID. */
void tt_gaz_compiler_add(tt_gaz_compiler *c, const tt_gaz_row *row);

/* Rows added so far. */
size_t tt_gaz_compiler_rows(const tt_gaz_compiler *c);

/* Compiles the rows and sizes every section.  Returns TEITAG_OK;
 * TEITAG_ESYNTAX after reporting rows whose form has too many tokens; or
 * TEITAG_EIO (with `diag`) when the temporary file fails. */
teitag_status tt_gaz_compiler_build(tt_gaz_compiler *c, teitag_diag *diag);

/* After a successful build, writes the image to `fd` (at its offsets from
 * 0; the caller syncs and closes it) or, with fd < 0, into `mem`.  Stores
 * its size in `*size` (may be NULL).  Returns TEITAG_OK or TEITAG_EIO
 * (with `diag`, naming the output). */
teitag_status tt_gaz_compiler_write(tt_gaz_compiler *c, int fd, tt_buf *mem,
                                    uint64_t *size, teitag_diag *diag);

/* Compiles rows into the binary format in `out`, in memory.  Returns
 * TEITAG_OK, or TEITAG_ESYNTAX after reporting rows whose form has too
 * many tokens. */
teitag_status tt_gaz_compile(const tt_gaz_rows *rows, tt_buf *out,
                             tt_gaz_report_fn report, void *ctx);

/* ---- a loaded gazetteer ------------------------------------------------------- */

typedef struct tt_gaz {
  char *path;                /* where it came from */
  const unsigned char *base; /* the compiled bytes */
  size_t size;
  int mapped;                /* base is an mmap (else a malloc) */
  const tt_gz_header *h;
  const char *strings;
  const tt_gz_entity *entities;
  const tt_gz_key *keys;
  const tt_gz_slot *slots;
  const uint64_t *prefixes;
  const tt_gz_id_slot *ids;
  const uint64_t *filter;    /* [0 .. bits/64): first tokens of any case;
                                [bits/64 .. 2*bits/64): capitalised only */
  const uint32_t *files;
  uint32_t *verified;        /* one bit per checked block (atomic) */
  int corrupt;               /* set when a block failed its checksum */
} tt_gaz;

/* Takes a compiled image: validates the header and sections.  On success
 * the gazetteer owns `data` (freed or unmapped by tt_gaz_free). */
teitag_status tt_gaz_open_image(const unsigned char *data, size_t size,
                                int mapped, const char *path, tt_gaz **out,
                                teitag_diag *diag);
/* Maps a compiled file, or compiles a .tsv source in memory. */
teitag_status tt_gaz_load(const char *path, tt_gaz **out, teitag_diag *diag);
void tt_gaz_free(tt_gaz *g);

/* Checks (once) that bytes [off, off+len) lie in the file and their
 * blocks match their checksums; returns 0 when they cannot be trusted. */
int tt_gaz_trust_blocks(tt_gaz *g, uint64_t off, uint64_t len);

/* The same, with the common case inline: a piece inside one block that
 * was checked before (every key and entity read asks this). */
static inline int tt_gaz_trust(tt_gaz *g, uint64_t off, uint64_t len) {
  uint64_t payload = g->h->payload_off;
  if (len && off >= payload && off <= g->size && len <= g->size - off) {
    uint64_t b = (off - payload) / TT_GAZ_BLOCK;
    if (b == (off + len - 1 - payload) / TT_GAZ_BLOCK &&
        (__atomic_load_n(&g->verified[b / 32], __ATOMIC_ACQUIRE) & (1u << (b % 32))))
      return 1;
  }
  return tt_gaz_trust_blocks(g, off, len);
}

/* String at `off` of the pool ("" when out of range). */
const char *tt_gaz_str(const tt_gaz *g, uint32_t off);

/* The entity with ID `id`, or NULL. */
const tt_gz_entity *tt_gaz_find_id(tt_gaz *g, const char *id);

/* Is a token a given name in some loaded lexicon?  Stores the gender
 * ('m', 'f', 'u'; 'u' also when entries disagree), TT_LEX_* flags and a
 * bitmask of languages (1 << teitag_lang), and returns 1. */
int tt_pipeline_given_name(const teitag_pipeline *p, const teitag_doc *doc,
                           size_t tok, char *gender, unsigned *flags,
                           unsigned *langs);

#endif
