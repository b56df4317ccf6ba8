import type { BrowserCommand } from 'vitest/node';

interface Point {
  x: number;
  y: number;
}

/**
 * Page coordinates of a point given in the test frame's client coordinates: the frame sits at
 * an offset in the page and is scaled to fit it.
 */
async function toPage(context: Parameters<BrowserCommand>[0], point: Point): Promise<Point> {
  if (!('frame' in context)) throw new Error('mouseDrag needs the playwright provider');
  const frame = await context.frame();
  const box = await (await frame.frameElement()).boundingBox();
  if (!box) throw new Error('the test frame is not on the page');
  const width = await frame.evaluate(() => window.innerWidth);
  const scale = width > 0 ? box.width / width : 1;
  return { x: box.x + point.x * scale, y: box.y + point.y * scale };
}

/**
 * A real mouse drag through `points` (client coordinates of the test frame): press at the
 * first, move through the others in small steps, release at the last. Unlike dispatched events
 * it drives the browser's own behaviour, text selection included.
 */
export const mouseDrag: BrowserCommand<[points: Point[]]> = async (context, points) => {
  if (!('page' in context)) throw new Error('mouseDrag needs the playwright provider');
  const [first, ...rest] = points;
  if (!first) return;
  const start = await toPage(context, first);
  await context.page.mouse.move(start.x, start.y);
  await context.page.mouse.down();
  for (const point of rest) {
    const to = await toPage(context, point);
    await context.page.mouse.move(to.x, to.y, { steps: 8 });
  }
  await context.page.mouse.up();
};

/** Lets the page read and write the system clipboard (for real Ctrl+C tests). */
export const allowClipboard: BrowserCommand<[]> = async (context) => {
  if (!('context' in context)) throw new Error('allowClipboard needs the playwright provider');
  await context.context.grantPermissions(['clipboard-read', 'clipboard-write']);
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    mouseDrag: (points: Point[]) => Promise<void>;
    allowClipboard: () => Promise<void>;
  }
}
