import { InputError, ParameterError } from '@sensorkit/dsp';
import { loadGestureData, loadGestureModel, GESTURE_MODEL_KIND } from '@sensorkit/gesture';
import { applyNormalizer, KWS_MODEL_KIND, loadKwsModel, readKeywordDataset, windowFeatures } from '@sensorkit/kws';
import { loadModelFolder, readFloatGraph, sizeOf, type tf } from '@sensorkit/ml';
import { readSamples, type Sample } from './samples-file.js';

/** A classifier's network, labels, and how to turn the user's data paths into network inputs. */
export interface ClassifierQuantizeData {
  network: tf.LayersModel;
  labels: string[] | undefined;
  /** labelled network inputs from the given paths, for calibration or for the test */
  samples(paths: readonly string[], role: 'calibration' | 'test'): Promise<Sample[]>;
  /** what the paths should be, for messages */
  dataHelp: string;
}

/**
 * Classifier data for quantize. Gesture models read gesture recordings (the app's CSV folders, with its
 * preprocessing: resampled to the model's length, normalised per channel); any other model folder with a
 * network reads samples files (JSON lines of network inputs), which any app can write.
 */
export async function classifierQuantizeData(dir: string, kind: string): Promise<ClassifierQuantizeData> {
  if (kind === GESTURE_MODEL_KIND) {
    const { model } = await loadGestureModel(dir);
    return {
      network: model.network,
      labels: model.config.labels,
      dataHelp: 'gesture recordings (files or folders, as sensorkit gesture eval reads them)',
      async samples(paths) {
        const data = await loadGestureData(paths);
        if (data.sampleRate !== model.config.sampleRate || data.channels !== model.config.channels) {
          throw new InputError('quantize', `${paths.join(', ')}: ${data.channels} axes at ${data.sampleRate} Hz; the model takes ${model.config.channels} at ${model.config.sampleRate} Hz`);
        }
        return data.segments.map((s) => ({ input: model.prepare(s.samples), label: s.label }));
      },
    };
  }
  if (kind === KWS_MODEL_KIND) {
    const kws = await loadKwsModel(dir);
    return {
      network: kws.model,
      labels: [...kws.labels],
      dataHelp: 'keyword dataset folders (sensorkit kws generate): --calibration uses their train split, --test their test split',
      async samples(paths, role) {
        const out: Sample[] = [];
        for (const path of paths) {
          const data = await readKeywordDataset(path);
          const split = role === 'calibration' ? 'train' : 'test';
          for (const clip of data.clips.filter((c) => c.split === split)) {
            out.push({ input: applyNormalizer(kws.normalizer, windowFeatures(kws.frontEnd, await data.readSamples(clip))), label: clip.label });
          }
        }
        if (out.length === 0) throw new InputError('quantize', `${paths.join(', ')}: no clips in the ${role === 'calibration' ? 'train' : 'test'} split`);
        return out;
      },
    };
  }
  const { model: network, metadata } = await loadModelFolder(dir);
  if (!network) throw new InputError('quantize', `${dir}: no model.json; only a model with a TF.js network can be quantized`);
  const inputSize = sizeOf(readFloatGraph(network).inputShape);
  return {
    network,
    labels: metadata.labels,
    dataHelp: `samples files (JSON lines {"input": [${inputSize} numbers], "label": ...})`,
    async samples(paths) {
      return (await Promise.all(paths.map((p) => readSamples(p, inputSize)))).flat();
    },
  };
}

/** The user's paths for an option, or a usage error saying what the model needs. */
export function requirePaths(option: string, value: unknown, data: ClassifierQuantizeData, kind: string): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new ParameterError('quantize', option, value, `${data.dataHelp} for a "${kind}" model`);
  return value as string[];
}
