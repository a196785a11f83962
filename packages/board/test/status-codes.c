/* sk_invoke refuses what it cannot run, with the status that says why (built against an exported model). */
#include <stdio.h>
#include "sk_runtime.h"

extern const sk_model SK_MODEL;
static int8_t arena[SK_ARENA_SIZE];

int main(void) {
  sk_model broken = SK_MODEL;
  int failures = 0;
#define EXPECT(call, status)                                                                    \
  if ((call) != (status)) {                                                                     \
    fprintf(stderr, "%s: %s, expected %s\n", #call, sk_status_name(call), sk_status_name(status)); \
    failures++;                                                                                 \
  }
  EXPECT(sk_invoke(NULL, arena, sizeof arena), SK_ERR_NULL);
  EXPECT(sk_invoke(&SK_MODEL, NULL, sizeof arena), SK_ERR_NULL);
  EXPECT(sk_invoke(&SK_MODEL, arena, sizeof arena - 1), SK_ERR_ARENA_TOO_SMALL);
  broken.arena_size = 1;
  EXPECT(sk_invoke(&broken, arena, sizeof arena), SK_ERR_BAD_MODEL);
  broken = SK_MODEL;
  broken.op_count = 0;
  EXPECT(sk_invoke(&broken, arena, sizeof arena), SK_ERR_BAD_MODEL);
  EXPECT(sk_invoke(&SK_MODEL, arena, sizeof arena), SK_OK);
  return failures == 0 ? 0 : 1;
}
