import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '@sensorkit/dsp';
import { writeAtomic } from '../model-folder/file-handler.js';
import { INT8_FORMAT, INT8_VERSION, type Int8Model, type Int8Op } from './int8-model.js';

/** The int8 model inside a model folder: `<dir>/int8/model.json`. */
export const INT8_DIR = 'int8';
export const INT8_MODEL_JSON = 'model.json';

type Typed = Int8Array | Int32Array | Float32Array;
const TYPED: Record<string, new (buffer: ArrayBuffer) => Typed> = { i8: Int8Array, i32: Int32Array, f32: Float32Array };

/**
 * The int8 model as JSON: shapes and quantization parameters as numbers, every typed array as
 * { dtype, base64 } (little-endian), so one readable file holds the whole model.
 */
export function int8ModelToJson(model: Int8Model): string {
  return `${JSON.stringify(model, (_key, value: unknown) => {
    if (value instanceof Int8Array) return { dtype: 'i8', base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
    if (value instanceof Int32Array) return { dtype: 'i32', base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
    if (value instanceof Float32Array) return { dtype: 'f32', base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
    return value;
  })}\n`;
}

/** Parses int8ModelToJson's text; `where` names the source in errors. */
export function int8ModelFromJson(text: string, where = 'int8 model'): Int8Model {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (_key, value: unknown) => {
      if (typeof value === 'object' && value !== null && 'dtype' in value && 'base64' in value) {
        const { dtype, base64 } = value as { dtype: string; base64: string };
        const Type = TYPED[dtype];
        if (!Type) throw new Error(`unknown dtype ${JSON.stringify(dtype)}`);
        const bytes = Buffer.from(base64, 'base64');
        const copy = new ArrayBuffer(bytes.length);
        new Uint8Array(copy).set(bytes);
        return new Type(copy);
      }
      return value;
    });
  } catch (error) {
    throw new InputError('loadInt8Model', `${where}: ${(error as Error).message}`);
  }
  const model = parsed as Partial<Int8Model>;
  if (model.format !== INT8_FORMAT || model.version !== INT8_VERSION) {
    throw new InputError('loadInt8Model', `${where}: format ${JSON.stringify(model.format)} version ${JSON.stringify(model.version)}; expected "${INT8_FORMAT}" version ${INT8_VERSION}`);
  }
  if (!Array.isArray(model.tensors) || !Array.isArray(model.ops) || model.tensors.length !== model.ops.length + 1) {
    throw new InputError('loadInt8Model', `${where}: expected one more tensor than ops`);
  }
  model.ops.forEach((op: Int8Op, k) => {
    if (!['dense', 'conv2d', 'depthwise_conv2d', 'avg_pool2d', 'max_pool2d', 'softmax'].includes(op.op)) {
      throw new InputError('loadInt8Model', `${where}: op ${k} is ${JSON.stringify(op.op)}; no int8 kernel`);
    }
  });
  return model as Int8Model;
}

/** Writes `<dir>/int8/model.json`. */
export async function saveInt8Model(dir: string, model: Int8Model): Promise<string> {
  await mkdir(join(dir, INT8_DIR), { recursive: true });
  const path = join(dir, INT8_DIR, INT8_MODEL_JSON);
  await writeAtomic(path, int8ModelToJson(model));
  return path;
}

/** Reads `<dir>/int8/model.json` (written by `sensorkit quantize`). */
export async function loadInt8Model(dir: string): Promise<Int8Model> {
  const path = join(dir, INT8_DIR, INT8_MODEL_JSON);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError('loadInt8Model', code === 'ENOENT' ? `${path} not found; run sensorkit quantize --model ${dir} first` : `${path}: ${(error as Error).message}`);
  }
  return int8ModelFromJson(text, path);
}
