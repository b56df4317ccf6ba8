import type { NhnOcrResponse } from '../../../src/core/types';

/** A line of text drawn on a generated image. */
export interface TextLine {
  text: string;
  x: number;
  y: number;
  /** Font size in pixels. @default 32 */
  size?: number;
}

/**
 * Draws text lines on white with canvas `fillText` and returns the JPEG together with the NHN
 * response a perfect OCR engine would give for it (one box per word, measured with
 * `measureText`), so stories can show boxes that really line up with the letters.
 */
export async function textImage(
  width: number,
  height: number,
  lines: readonly TextLine[],
  name = 'text.jpg',
): Promise<{ file: File; response: NhnOcrResponse }> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#111';
  context.textBaseline = 'alphabetic';
  const listOfInferTexts: NhnOcrResponse['result']['listOfInferTexts'] = [];
  const listOfBoundingBoxes: NhnOcrResponse['result']['listOfBoundingBoxes'] = [];
  for (const line of lines) {
    // Named, not the browser's `sans-serif` (Liberation Sans on one machine, DejaVu Sans on
    // another): the same pixels everywhere, so the engine reads the same words everywhere.
    context.font = `${line.size ?? 32}px "DejaVu Sans", sans-serif`;
    const inferTexts = [];
    const boundingBoxes = [];
    let x = line.x;
    for (const word of line.text.split(' ')) {
      const metrics = context.measureText(word);
      context.fillText(word, x, line.y);
      const top = Math.round(line.y - metrics.actualBoundingBoxAscent - 2);
      const bottom = Math.round(line.y + metrics.actualBoundingBoxDescent + 2);
      const right = Math.round(x + metrics.width);
      const left = Math.round(x);
      inferTexts.push({ value: word, conf: 0.9 + ((word.length * 7) % 10) / 100 });
      boundingBoxes.push({
        x1: left,
        y1: top,
        x2: right,
        y2: top,
        x3: right,
        y3: bottom,
        x4: left,
        y4: bottom,
      });
      x += metrics.width + context.measureText(' ').width;
    }
    listOfInferTexts.push({ inferTexts });
    listOfBoundingBoxes.push({ boundingBoxes });
  }
  const blob = await new Promise<Blob>((resolve) =>
    canvas.toBlob((out) => resolve(out!), 'image/jpeg', 0.92),
  );
  return {
    file: new File([blob], name, { type: 'image/jpeg' }),
    response: {
      header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
      result: { fileType: 'jpg', listOfInferTexts, listOfBoundingBoxes },
    },
  };
}

/** A fetched fixture as a `File`, as if picked from disk. */
export async function fileFrom(url: string, name: string, type = 'image/jpeg'): Promise<File> {
  const blob = await (await fetch(url)).blob();
  return new File([blob], name, { type });
}

/**
 * Drops files on the uploader inside `canvas` the way a browser does (dragenter, then a moment
 * later dragover and drop) and returns the uploader's root.
 */
export async function dropOn(canvas: HTMLElement, files: File[]): Promise<HTMLElement> {
  const root = canvas.querySelector<HTMLElement>('[data-state]')!;
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  const fire = (type: string) =>
    root.dispatchEvent(
      new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
    );
  fire('dragenter');
  await new Promise((resolve) => setTimeout(resolve, 20));
  fire('dragover');
  fire('drop');
  return root;
}

/** Korean receipt lines. */
export const KOREAN_RECEIPT: readonly TextLine[] = [
  { text: '영수증', x: 40, y: 70, size: 44 },
  { text: '아메리카노 4,500원', x: 40, y: 140 },
  { text: '카페라떼 5,000원', x: 40, y: 190 },
  { text: '합계 9,500원', x: 40, y: 260, size: 36 },
  { text: '감사합니다', x: 40, y: 330 },
];

/** A long till receipt: 3.5 times taller than wide. */
export function tallReceipt(): TextLine[] {
  const items = ['COFFEE', 'BAGEL', 'JUICE', 'MUFFIN', 'WATER', 'TEA', 'COOKIE', 'SALAD'];
  const lines: TextLine[] = [{ text: 'CORNER CAFE', x: 60, y: 70, size: 40 }];
  items.forEach((item, i) => {
    lines.push({ text: `${item} ${(2 + i * 0.75).toFixed(2)}`, x: 40, y: 150 + i * 110 });
  });
  lines.push({ text: 'TOTAL 30.00', x: 40, y: 1320, size: 40 });
  return lines;
}
