/**
 * `react-ocr-overlay`: React components and hooks for OCR results, with the framework-free core
 * re-exported. The server handlers live in `react-ocr-overlay/server` and are never part of this
 * entry.
 */
export * from './core/index';
