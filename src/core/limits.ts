/**
 * NHN Cloud General OCR's published limits, in one place for the uploader (which picks the route
 * and refuses oversize files before sending) and the server (which enforces them).
 */

/** Largest image NHN accepts, in bytes (20 MB). */
export const NHN_MAX_BYTES = 20 * 1024 * 1024;

/**
 * NHN recommends the cropping endpoint for images longer than 1 : 2.5 (long side ÷ short side);
 * the local engine's cropping route slices tall images beyond it.
 */
export const CROPPING_ASPECT_RATIO = 2.5;

/**
 * NHN refuses General OCR (code 4000505) for images longer than 1 : 10; the cropping route takes
 * them. The local engine cuts wide images only beyond it.
 */
export const GENERAL_MAX_ASPECT_RATIO = 10;
