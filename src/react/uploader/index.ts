export { describeOcrError, describeOcrErrorDetail, type OcrUploaderMessages } from './messages';
export { selectMode } from './mode';
export {
  OcrUploader,
  type OcrUploaderProps,
  type OcrUploaderRenderState,
} from './OcrUploader';
export { type PreparedImage, type PreprocessOptions, prepareImage } from './preprocess';
export { type InputProblem, inputProblemOf, type RejectedMessages } from './problems';
export {
  type OcrImage,
  type OcrInput,
  type OcrStatus,
  type UseOcrOptions,
  type UseOcrResult,
  type UseOcrState,
  useOcr,
} from './useOcr';
