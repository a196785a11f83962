import * as tf from '@tensorflow/tfjs';
import { requireOneOf } from '@sensorkit/dsp';

export type BackendPreference = 'auto' | 'node' | 'wasm' | 'cpu';
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

/** The backend that runs, and why it was chosen (what failed before it, if anything). */
export interface BackendChoice {
  backend: BackendName;
  note: string;
}

const PREFERENCES: readonly BackendPreference[] = ['auto', 'node', 'wasm', 'cpu'];

// The fallback chain: tfjs-node only installs where libtensorflow can be downloaded, WASM works
// wherever Node does, and the CPU backend always registers.
const CHAINS: Record<BackendPreference, readonly BackendName[]> = {
  auto: ['tensorflow', 'wasm', 'cpu'],
  node: ['tensorflow', 'wasm', 'cpu'],
  wasm: ['wasm', 'cpu'],
  cpu: ['cpu'],
};

let pending: { preference: BackendPreference; choice: Promise<BackendChoice> } | undefined;
let chosen: BackendChoice | undefined;

/**
 * Picks the TF.js backend once per process: tfjs-node ('tensorflow') when it loads, else WASM, else the
 * plain CPU backend. Calling it again returns the same choice ('auto' never switches a running backend;
 * a different explicit preference does).
 * @example
 * const { backend, note } = await initBackend();
 * console.error(describeBackend());   // "backend: wasm (tfjs-node unavailable: native addon not built)"
 */
export function initBackend(preference: BackendPreference = 'auto'): Promise<BackendChoice> {
  requireOneOf('initBackend', 'preference', preference, PREFERENCES);
  if (pending && (preference === 'auto' || preference === pending.preference)) return pending.choice;
  const choice = selectBackend(preference).then(
    (result) => {
      chosen = result;
      return result;
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  pending = { preference, choice };
  return choice;
}

/** The one line every command prints about the backend, e.g. "backend: wasm (tfjs-node unavailable: ...)". */
export function describeBackend(): string {
  if (!chosen) return 'backend: not initialised (call initBackend first)';
  return `backend: ${chosen.backend} (${chosen.note})`;
}

/** The backend chosen by initBackend, or undefined before it has finished. */
export function currentBackend(): BackendChoice | undefined {
  return chosen;
}

async function selectBackend(preference: BackendPreference): Promise<BackendChoice> {
  const failures: string[] = [];
  for (const backend of CHAINS[preference]) {
    try {
      await activate(backend);
      return { backend, note: choiceNote(preference, backend, failures) };
    } catch (error) {
      failures.push(`${LIBRARY[backend]} unavailable: ${shortReason(error)}`);
    }
  }
  throw new Error(`initBackend: no TF.js backend could start (${failures.join('; ')})`);
}

const LIBRARY: Record<BackendName, string> = { tensorflow: 'tfjs-node', wasm: 'tfjs-backend-wasm', cpu: 'cpu backend' };

function choiceNote(preference: BackendPreference, backend: BackendName, failures: readonly string[]): string {
  const why = failures.join('; ');
  if (preference === 'auto') return failures.length > 0 ? why : backend === 'tensorflow' ? 'tfjs-node, native TensorFlow' : 'auto';
  return failures.length > 0 ? `requested ${preference}; ${why}` : 'requested';
}

async function activate(backend: BackendName): Promise<void> {
  if (backend === 'tensorflow') {
    // A variable specifier keeps TypeScript and bundlers from requiring the optional package to exist.
    const specifier = '@tensorflow/tfjs-node';
    await import(specifier);
    // tfjs-node registers 'tensorflow' on its own copy of tfjs-core; if that copy is not ours, it is of no use.
    if (!tf.findBackendFactory('tensorflow')) throw new Error('loaded, but registered on another tfjs-core instance');
  } else if (backend === 'wasm') {
    // The Node build of the WASM backend finds its .wasm files next to itself, so no setWasmPaths is needed.
    await import('@tensorflow/tfjs-backend-wasm');
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') returned false`);
  await tf.ready();
}

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (package|module)/.test(message)) {
    return 'not installed';
  }
  if (/tfjs_binding\.node/.test(message)) return 'native addon tfjs_binding.node not built (libtensorflow download failed at install)';
  const first = message.split('\n')[0]?.trim() ?? '';
  return first.length > 120 ? `${first.slice(0, 117)}...` : first;
}
