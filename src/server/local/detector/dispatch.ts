/**
 * How `createLocalOcrHandler` picks and runs its engine: `'auto'` is the detector when its
 * optional packages are installed, else tesseract.js; detector failures become NHN envelopes.
 */
import type { NhnOcrResultBody } from '../../../core/types';
import { envelopeError, LOCAL_RESULT_CODES } from '../../envelope';
import { MissingPackageError } from '../optional-package';
import { resultBody } from '../result';
import { EngineStartError, EngineTimeoutError } from '../worker-pool';
import { createDetectorEngine, DecodeError, type DetectorEngine } from './detector-engine';
import { createKoreanReader, type TesseractLineReader } from './korean';
import {
  DETECTOR_PACKAGES,
  DETECTOR_PURPOSE,
  missingDetectorPackages,
  type PackageResolver,
} from './packages';

/** The `engine` option of `createLocalOcrHandler`. */
export type LocalEngineOption = 'auto' | 'detector' | 'tesseract';
/** The engine that answers. */
export type LocalEngineName = 'detector' | 'tesseract';

export interface EngineChoice {
  engine: LocalEngineName;
  /** Why `'auto'` chose tesseract.js: what to install for the detector. */
  reason?: string;
}

export function chooseEngine(
  requested: LocalEngineOption,
  resolve?: PackageResolver | null,
): EngineChoice {
  if (requested === 'tesseract') return { engine: 'tesseract' };
  if (requested === 'detector') return { engine: 'detector' };
  const missing = missingDetectorPackages(resolve);
  if (missing.length === 0) return { engine: 'detector' };
  return {
    engine: 'tesseract',
    reason: new MissingPackageError(missing, DETECTOR_PURPOSE).message,
  };
}

export interface DetectorDispatchOptions {
  jobTimeoutMs: number;
  threads?: number;
  threadsPerWorker?: number;
  /** tesseract.js for Korean regions; absent when `languages` has no `kor`. */
  tesseract?: TesseractLineReader;
  resolve?: PackageResolver | null;
}

export interface DetectorDispatch {
  recognize(
    bytes: Uint8Array,
    fileType: string,
    cropping: boolean,
    signal?: AbortSignal,
  ): Promise<NhnOcrResultBody>;
  close(): Promise<void>;
}

export function createDetectorDispatch(options: DetectorDispatchOptions): DetectorDispatch {
  const engine: DetectorEngine = createDetectorEngine({
    jobTimeoutMs: options.jobTimeoutMs,
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.threadsPerWorker !== undefined
      ? { threadsPerWorker: options.threadsPerWorker }
      : {}),
    ...(options.tesseract ? { fallback: createKoreanReader(options.tesseract) } : {}),
    ...(options.resolve !== undefined ? { resolve: options.resolve } : {}),
  });
  return {
    async recognize(bytes, fileType, cropping, signal) {
      try {
        const { lines, slices } = await engine.recognize(bytes, cropping, signal);
        return resultBody(lines, fileType, cropping ? slices : undefined);
      } catch (error) {
        if (signal?.aborted) throw error;
        if (error instanceof DecodeError) throw envelopeError(400, 4000002, undefined, error);
        if (error instanceof MissingPackageError || error instanceof EngineStartError) {
          throw envelopeError(500, LOCAL_RESULT_CODES.internal, error.message, error);
        }
        if (error instanceof EngineTimeoutError) {
          throw envelopeError(504, LOCAL_RESULT_CODES.gatewayTimeout, error.message, error);
        }
        throw envelopeError(
          500,
          LOCAL_RESULT_CODES.internal,
          'The local OCR engine failed.',
          error,
        );
      }
    },
    close: () => engine.close(),
  };
}

export { DETECTOR_PACKAGES };
