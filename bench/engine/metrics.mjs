/**
 * Scores one engine answer against NHN-format ground truth (`*.nhn.json`), by rasterising
 * quads on the image's pixel grid. Definitions (printed with the table):
 *
 * - detection: one word of the answer (one quad).
 * - precision: detections with at least half their area on ground-truth text, over detections
 *   that are not mostly on a `###` (ignore) region.
 * - covered: ground-truth texts (not `###`) with at least half their area under detections.
 * - read: ground-truth texts with real text (WildReceipt) spelled exactly, ignoring case and
 *   spaces, by the detections assigned to them in order along the text. Each detection goes to
 *   one ground-truth text: of those containing its centre, the one whose midline is nearest
 *   (ground-truth boxes are upright rectangles around slanted lines and overlap neighbours).
 */

/** Quads of an NHN result as `{ text, points: [{x, y} × 4] }`. */
export function quadsOf(result) {
  return result.listOfInferTexts.flatMap((group, line) =>
    group.inferTexts.map((word, index) => {
      const box = result.listOfBoundingBoxes[line].boundingBoxes[index];
      return {
        text: word.value,
        points: [1, 2, 3, 4].map((n) => ({ x: box[`x${n}`], y: box[`y${n}`] })),
      };
    }),
  );
}

/** Calls `visit(index)` for each pixel whose centre is inside the polygon (even-odd rule). */
function rasterise(points, width, height, visit) {
  const ys = points.map((p) => p.y);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)));
  for (let y = y0; y <= y1; y += 1) {
    const cy = y + 0.5;
    const xs = [];
    for (let i = 0; i < points.length; i += 1) {
      const a = points[i];
      const b = points[(i + 1) % points.length];
      if (a.y <= cy !== b.y <= cy) xs.push(a.x + ((cy - a.y) / (b.y - a.y)) * (b.x - a.x));
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k] - 0.5));
      const to = Math.min(width - 1, Math.floor(xs[k + 1] - 0.5));
      for (let x = from; x <= to; x += 1) visit(y * width + x);
    }
  }
}

function inside(point, points) {
  let hit = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const a = points[i];
    const b = points[j];
    if (
      a.y > point.y !== b.y > point.y &&
      point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x
    )
      hit = !hit;
  }
  return hit;
}

const centreOf = (points) =>
  points.reduce((s, p) => ({ x: s.x + p.x / 4, y: s.y + p.y / 4 }), { x: 0, y: 0 });

/** Index of the real-text ground truth containing `point` whose midline is nearest it, or −1. */
function nearestText(gt, point) {
  let best = -1;
  let bestDistance = Infinity;
  gt.forEach((item, index) => {
    if (item.text === '###' || !inside(point, item.points)) return;
    const [a, b] = item.points;
    const c = centreOf(item.points);
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const distance = Math.abs(
      ((point.x - c.x) * (b.y - a.y) - (point.y - c.y) * (b.x - a.x)) / length,
    );
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}

const normalise = (text) => text.replace(/\s+/g, '').toLowerCase();

/** Scores `answer` (NHN result body) against `truth` (NHN result body) on a width × height image. */
export function score(answer, truth, width, height, { realText }) {
  const detections = quadsOf(answer);
  const gt = quadsOf(truth);
  const textMask = new Uint8Array(width * height);
  const ignoreMask = new Uint8Array(width * height);
  const detectionMask = new Uint8Array(width * height);
  for (const item of gt) {
    const mask = item.text === '###' ? ignoreMask : textMask;
    rasterise(item.points, width, height, (index) => {
      mask[index] = 1;
    });
  }
  const assigned = gt.map(() => []);
  let truePositives = 0;
  let falsePositives = 0;
  for (const detection of detections) {
    let area = 0;
    let onText = 0;
    let onIgnore = 0;
    rasterise(detection.points, width, height, (index) => {
      area += 1;
      onText += textMask[index];
      onIgnore += ignoreMask[index] & (1 - textMask[index]);
      detectionMask[index] = 1;
    });
    const best = nearestText(gt, centreOf(detection.points));
    if (best >= 0) assigned[best].push(detection);
    if (area > 0 && onText >= area / 2) truePositives += 1;
    else if (area > 0 && onIgnore >= area / 2) continue;
    else falsePositives += 1;
  }
  let texts = 0;
  let covered = 0;
  let read = 0;
  let readable = 0;
  const misread = [];
  for (const [index, item] of gt.entries()) {
    if (item.text === '###') continue;
    texts += 1;
    let area = 0;
    let under = 0;
    rasterise(item.points, width, height, (index) => {
      area += 1;
      under += detectionMask[index];
    });
    if (area > 0 && under >= area / 2) covered += 1;
    if (!realText) continue;
    readable += 1;
    const [a, b] = item.points;
    const along = { x: b.x - a.x, y: b.y - a.y };
    const centred = assigned[index]
      .map((detection) => {
        const c = centreOf(detection.points);
        return { detection, t: c.x * along.x + c.y * along.y };
      })
      .sort((p, q) => p.t - q.t);
    const spelled = normalise(centred.map(({ detection }) => detection.text).join(''));
    if (normalise(item.text) !== '' && spelled === normalise(item.text)) read += 1;
    else
      misread.push({
        truth: item.text,
        answer: centred.map(({ detection }) => detection.text).join(' '),
      });
  }
  return {
    detections: detections.length,
    truePositives,
    falsePositives,
    texts,
    covered,
    read,
    readable,
    misread,
  };
}
