import type { FaultFrequencies } from '../contracts.js';

/** A frequency in the envelope spectrum whose energy becomes a feature. */
export interface FaultLine {
  /** feature name, e.g. 'env.bpfo' or 'env.2xbpfi' */
  name: string;
  /** Hz */
  hz: number;
}

const LINE_KINDS = ['bpfo', 'bpfi', 'bsf', 'ftf'] as const;
const HARMONICS = [1, 2] as const;

/** The envelope lines watched for a bearing: BPFO, BPFI, BSF, FTF and their second harmonics, in Hz. */
export function faultLines(frequencies: FaultFrequencies): FaultLine[] {
  const lines: FaultLine[] = [];
  for (const harmonic of HARMONICS) {
    for (const kind of LINE_KINDS) {
      lines.push({ name: `env.${harmonic === 1 ? '' : `${harmonic}x`}${kind}`, hz: harmonic * frequencies[kind] });
    }
  }
  return lines;
}
