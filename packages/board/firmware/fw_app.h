/* The firmware's parts, each in its own file, called from the protocol loop in fw_main.c. */
#ifndef FW_APP_H
#define FW_APP_H

#include <stddef.h>
#include <stdint.h>
#include "sk_link.h"

/* Sends one frame whose payload the caller wrote at fw_payload(). */
uint8_t *fw_payload(void);
void fw_send(uint8_t type, uint8_t seq, size_t payload_size);
void fw_send_error(uint8_t seq, uint8_t code, uint8_t request, const char *message);
void fw_print(const char *text);

/* fw_model.c: the linked-in model */
size_t fw_hello(uint8_t *out);
/* Runs one inference: input of n bytes; writes ticks and output at out; returns the payload size or 0 with *error set. */
size_t fw_infer(const uint8_t *input, size_t n, uint8_t *out, uint8_t *error, const char **message);
size_t fw_model_input_size(void);
size_t fw_model_output_size(void);
const int8_t *fw_model_output(void);
int8_t *fw_model_input(void);
int fw_model_invoke(void);
const char *fw_model_id(void);

/* fw_stream.c: the built-in signal source in the data-forwarder line format */
int fw_stream_start(const uint8_t *args, size_t n);
uint32_t fw_stream_stop(void);
int fw_streaming(void);
/* Sends the lines that are due by now. */
void fw_stream_poll(void);

/* fw_runner.c: the MLPerf Tiny runner's text commands */
void fw_runner_command(const char *command);
void fw_runner_reset(void);

/* little-endian field writers */
uint8_t *fw_put_u16(uint8_t *p, uint32_t v);
uint8_t *fw_put_u32(uint8_t *p, uint32_t v);

#endif /* FW_APP_H */
