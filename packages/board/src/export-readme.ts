import type { ModelSources } from './export-c.js';
import type { FeatureSources } from './export-features.js';
import { RUNTIME_SOURCES } from './runtime-files.js';

/** The README of an exported folder: how to build it into firmware and call the model. */
export function exportReadme(s: ModelSources, features?: FeatureSources): string {
  const upper = s.name.toUpperCase();
  return `# ${s.name}: int8 model for a microcontroller

\`\`\`c
#include <string.h>
#include "${s.header.file}"

static int8_t arena[${upper}_ARENA_SIZE];   /* the only RAM the model uses */

int classify(const int8_t features[${upper}_INPUT_SIZE], int8_t scores[${upper}_OUTPUT_SIZE]) {
  memcpy(sk_input(&${s.name}_model, arena), features, ${upper}_INPUT_SIZE);
  sk_status status = sk_invoke(&${s.name}_model, arena, sizeof arena);
  if (status != SK_OK) return -(int)status;   /* sk_status_name(status) says why */
  memcpy(scores, sk_output(&${s.name}_model, arena), ${upper}_OUTPUT_SIZE);
  return 0;
}
\`\`\`

Written by \`sensorkit export\`. Add every \`.c\` file of this folder to your firmware build
(\`${[s.source.file, ...RUNTIME_SOURCES].join('`, `')}\`) and put the folder on the include path. Plain
C99: no dynamic allocation, no floating point in the kernels, no library beyond \`<stdint.h>\` /
\`<stddef.h>\`; checked with \`-Wall -Wextra -Werror\` on the host (also under AddressSanitizer and
UBSan) and for Cortex-M4 (\`arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -O2\`).

| | |
| --- | --- |
| input | ${s.inputSize} int8 values, laid out [rows][columns][channels] |
| output | ${s.outputSize} int8 values |
| arena (RAM) | ${s.footprint.arenaBytes} bytes |
| weights (flash) | ${s.footprint.weightBytes} bytes |
| biases, requantization, tables (flash) | ${s.footprint.quantizationBytes} bytes |
| parameters | ${s.footprint.parameters} |

**Quantization.** Real input values become int8 as \`q = round(x / scale) + zero_point\` (saturated to
-128..127), and outputs read back as \`x = scale * (q - zero_point)\`; the scales and zero points are
in \`${s.header.file}\` and in the \`tensors\` table of \`${s.source.file}\`. A classifier's softmax output has scale
1/256 and zero point -128, so \`q + 128\` is the probability in 256ths.

${features ? featureSection(features) : ''}**Exactness.** The outputs are bit for bit those of the TypeScript int8 interpreter of
\`@sensorkit/ml\` (\`runInt8\`), which is the definition of this model: the tests of
\`@sensorkit/board\` run every test input through both and compare.
`;
}

function featureSection(f: FeatureSources): string {
  const upper = f.name.toUpperCase();
  return `**Features on the board.** \`${f.source.file}\` holds the front end's tables (window, FFT twiddles, mel
filterbank, DCT: ${f.tableBytes} bytes), made by the same \`@sensorkit/dsp\` plan the host uses; add
\`sk_mfcc.c\` and \`sk_fft.c\` to the build. \`sk_mfcc_window(&${f.name}_features, samples, count, scratch, out)\`
turns raw samples at ${upper}_FEATURES_SAMPLE_RATE Hz into ${f.width} values per frame (float; scratch:
${upper}_FEATURES_SCRATCH floats). Normalise them as the model was trained and quantize them with the input
scale and zero point above before \`sk_invoke\`. The C features match the TypeScript ones to float32
rounding (the tests hold them to an SNR floor), not bit for bit: quantized inputs can differ by one step
where a value falls on a rounding edge.

`;
}
