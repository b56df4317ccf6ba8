// Search and export on 10,000 words, in the same page as the overlay rows.
import { findText, toHocr, toPlainText } from '../src/index';
import { generateResult } from '../stories/support/overlay/generate';
import { now, settle } from './measure';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** findText, toPlainText and toHocr on 10,000 words: the first search builds the folded text. */
export async function core(runs: number) {
  const samples = {
    firstSearch: [] as number[],
    search: [] as number[],
    plain: [] as number[],
    hocr: [] as number[],
  };
  for (let i = 0; i <= runs; i++) {
    const result = generateResult(10_000, 1280, 720, { seed: 100 + i });
    let t = now();
    findText(result, 'coffee');
    const firstSearch = now() - t;
    t = now();
    findText(result, 'thank you');
    const search = now() - t;
    t = now();
    toPlainText(result);
    const plain = now() - t;
    t = now();
    toHocr(result, { width: 1280, height: 720 });
    const hocr = now() - t;
    if (i > 0) {
      samples.firstSearch.push(firstSearch);
      samples.search.push(search);
      samples.plain.push(plain);
      samples.hocr.push(hocr);
    }
    await settle();
  }
  return {
    firstSearch: median(samples.firstSearch),
    search: median(samples.search),
    plain: median(samples.plain),
    hocr: median(samples.hocr),
  };
}
