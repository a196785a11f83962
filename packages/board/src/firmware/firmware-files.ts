import { fileURLToPath } from 'node:url';

/** The firmware's shared sources (protocol loop, link framing, model glue, streaming, MLPerf runner). */
export const FIRMWARE_DIR = fileURLToPath(new URL('../../firmware/', import.meta.url));
export const FIRMWARE_SOURCES = ['sk_link.c', 'fw_main.c', 'fw_model.c', 'fw_stream.c', 'fw_runner.c'] as const;

/** The targets `sensorkit board build` knows. */
export const FIRMWARE_TARGETS = ['host', 'qemu-mps2-an386'] as const;
export type FirmwareTarget = (typeof FIRMWARE_TARGETS)[number];

/** One port: its sources (in firmware/ports/<target>/), compiler and flags. */
export interface TargetBuild {
  compiler: string;
  sources: string[];
  flags: string[];
  /** flags for the link step only */
  linkFlags: string[];
  /** the file produced (an ELF for QEMU, an executable for the host) */
  output: string;
}

const port = (target: string, file: string): string => fileURLToPath(new URL(`../../firmware/ports/${target}/${file}`, import.meta.url));

export function targetBuild(target: FirmwareTarget): TargetBuild {
  switch (target) {
    case 'host':
      return { compiler: 'gcc', sources: [port('host', 'board_host.c')], flags: ['-O2', '-g'], linkFlags: [], output: 'firmware-host' };
    case 'qemu-mps2-an386':
      return {
        compiler: 'arm-none-eabi-gcc',
        sources: [port('qemu-mps2-an386', 'startup.c'), port('qemu-mps2-an386', 'board_mps2.c')],
        flags: ['-mcpu=cortex-m4', '-mthumb', '-mfloat-abi=hard', '-mfpu=fpv4-sp-d16', '-O2', '-g', '-ffunction-sections', '-fdata-sections'],
        linkFlags: ['--specs=nano.specs', '--specs=nosys.specs', '-nostartfiles', '-Wl,--gc-sections', `-T${port('qemu-mps2-an386', 'mps2-an386.ld')}`],
        output: 'firmware.elf',
      };
  }
}
