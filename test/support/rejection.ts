import { expect } from 'vitest';
import { OcrError } from '../../src/core/errors';

/** The rejection of `promise`, which must be an `OcrError`. */
export async function rejectionOf(promise: Promise<unknown>): Promise<OcrError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the promise to reject, but it resolved');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(OcrError);
  return error as OcrError;
}
