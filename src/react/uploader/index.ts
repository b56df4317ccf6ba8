export {
  describeOcrError,
  describeOcrErrorDetail,
  type InputProblem,
  inputProblemOf,
  type OcrUploaderMessages,
  ocrUploaderMessages,
} from './messages';
export {
  OcrUploader,
  type OcrUploaderProps,
  type OcrUploaderRenderState,
} from './OcrUploader';
export {
  type PreparedImage,
  type PreprocessOptions,
  prepareImage,
  selectMode,
} from './preprocess';
export {
  type OcrImage,
  type OcrInput,
  type OcrStatus,
  type UseOcrOptions,
  type UseOcrResult,
  type UseOcrState,
  useOcr,
} from './useOcr';
