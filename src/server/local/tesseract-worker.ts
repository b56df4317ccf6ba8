import { importOptional } from './optional-package';

/** The part of a tesseract.js word we read. */
export interface TesseractWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/** The part of a tesseract.js page we read (`blocks` output). */
export interface TesseractPage {
  blocks: Array<{ paragraphs: Array<{ lines: Array<{ words: TesseractWord[] }> }> }> | null;
}

/** The part of a tesseract.js worker we use. */
export interface TesseractWorker {
  recognize(
    image: Uint8Array,
    options: Record<string, never>,
    output: { blocks?: boolean; text?: boolean; imageGrey?: boolean },
  ): Promise<{ data: TesseractPage & { imageGrey?: string | null } }>;
  terminate(): Promise<unknown>;
}

/**
 * Starts one tesseract.js worker holding every language. tesseract.js is loaded with a dynamic
 * import on the first call, so importing the server entry never loads it.
 */
export async function startTesseractWorker(
  languages: readonly string[],
  langPath: () => Promise<string>,
): Promise<TesseractWorker> {
  const path = await langPath();
  const tesseract = await importOptional(
    'tesseract.js',
    'The local tesseract.js engine',
    () => import('tesseract.js'),
  );
  const createWorker = tesseract.createWorker ?? tesseract.default.createWorker;
  return (await createWorker([...languages], 1 /* OEM.LSTM_ONLY */, {
    langPath: path,
    gzip: true,
    // The data is local already; without this tesseract.js writes copies into the cwd.
    cacheMethod: 'none',
    // Without a handler tesseract.js rethrows job errors from its message listener,
    // which would be an uncaught exception; the job's promise still rejects.
    errorHandler: () => {},
  })) as unknown as TesseractWorker;
}
