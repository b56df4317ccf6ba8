import { act, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  OcrOverlayCanvas,
  type OcrOverlayOptions,
  useOcrOverlay,
} from '../../../src/react/overlay';
import {
  greyImageBlob,
  greyImageUrl,
  layerCanvas,
  makeResult,
  makeWord,
  pixelAt,
  rotatedQuad,
  waitForState,
} from './helpers';

const image = greyImageUrl(400, 300);
const left = makeWord('left', rotatedQuad(100, 150, 120, 40, 0), 0.9, 'alpha', 0, 0);
const right = makeWord('right', rotatedQuad(300, 150, 120, 40, 0), 0.6, 'beta', 0, 1);
const result = makeResult([left, right]);

/** The README's custom view: your own markup, the engine's behaviour. */
function CustomView(props: OcrOverlayOptions & { onRender?: () => void; showHover?: boolean }) {
  const { onRender, showHover, ...options } = props;
  const overlay = useOcrOverlay(options);
  onRender?.();
  return (
    <section {...overlay.getRootProps({ 'aria-label': 'Receipt', className: 'mine' })}>
      <div {...overlay.getSurfaceProps()}>
        <OcrOverlayCanvas controller={overlay.controller} />
      </div>
      <p data-testid="selected">{overlay.selectedWord?.text ?? 'nothing selected'}</p>
      {showHover ? <p data-testid="hovered">{overlay.hoveredId ?? 'none'}</p> : null}
      <button type="button" onClick={() => overlay.controller.fit()}>
        Fit
      </button>
      <output>{overlay.words.length} words</output>
    </section>
  );
}

const rootOf = (container: HTMLElement) =>
  container.querySelector<HTMLElement>('[data-ocr-overlay]')!;
const surfaceOf = (container: HTMLElement) =>
  container.querySelector<HTMLElement>('[data-ocr-surface]')!;

describe('useOcrOverlay with your own markup', () => {
  test('gets the same drawing, state and selection as <OcrOverlay>', async () => {
    const onSelectedIdChange = vi.fn();
    const view = render(
      <CustomView
        image={image}
        result={result}
        width={400}
        onSelectedIdChange={onSelectedIdChange}
      />,
    );
    const root = rootOf(view.container);
    await waitForState(root);
    expect(root.tagName).toBe('SECTION');
    expect(root.className).toBe('mine');
    expect(root.getAttribute('aria-label')).toBe('Receipt');
    expect(screen.getByText('2 words')).toBeTruthy();
    await userEvent.click(surfaceOf(view.container), { position: { x: 300, y: 150 } });
    expect(onSelectedIdChange).toHaveBeenLastCalledWith('right', right);
    expect(screen.getByTestId('selected').textContent).toBe('beta');
    const stage = (await import('konva/lib/Core')).default.stages.at(-1)!;
    expect(pixelAt(layerCanvas(stage, 'ocr-highlight-layer'), 300, 150)[3]).toBeGreaterThan(0);
    root.focus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByTestId('selected').textContent).toBe('alpha');
  });

  test('hover re-renders only a view that reads hoveredId', async () => {
    let renders = 0;
    const view = render(
      <Profiler id="custom" onRender={() => renders++}>
        <CustomView image={image} result={result} width={400} />
      </Profiler>,
    );
    await waitForState(rootOf(view.container));
    const surface = surfaceOf(view.container);
    const before = renders;
    await userEvent.hover(surface, { position: { x: 100, y: 150 } });
    await userEvent.hover(surface, { position: { x: 300, y: 150 } });
    expect(renders).toBe(before);

    view.unmount();
    const tracked = render(<CustomView image={image} result={result} width={400} showHover />);
    await waitForState(rootOf(tracked.container));
    await userEvent.hover(surfaceOf(tracked.container), { position: { x: 300, y: 150 } });
    expect(screen.getByTestId('hovered').textContent).toBe('right');
    await userEvent.hover(surfaceOf(tracked.container), { position: { x: 200, y: 20 } });
    expect(screen.getByTestId('hovered').textContent).toBe('none');
  });

  test('the controller drives the view imperatively: zoomToWord, fit, select', async () => {
    let controller!: ReturnType<typeof useOcrOverlay>['controller'];
    function Exposed(props: OcrOverlayOptions) {
      const overlay = useOcrOverlay(props);
      controller = overlay.controller;
      return (
        <div {...overlay.getRootProps()}>
          <div {...overlay.getSurfaceProps()}>
            <OcrOverlayCanvas controller={overlay.controller} />
          </div>
          <p data-testid="selected">{overlay.selectedId ?? 'none'}</p>
        </div>
      );
    }
    const view = render(<Exposed image={image} result={result} width={400} />);
    await waitForState(rootOf(view.container));
    const stage = controller.getStage()!;
    act(() => {
      expect(controller.zoomToWord('right')).toBe(true);
    });
    expect(stage.scaleX()).toBeGreaterThan(1);
    expect(controller.viewport.fitted).toBe(false);
    act(() => controller.fit());
    expect(stage.scaleX()).toBe(1);
    expect(controller.select('missing')).toBe(false);
    act(() => {
      controller.select('left');
    });
    expect(screen.getByTestId('selected').textContent).toBe('left');
  });
});

describe('StrictMode', () => {
  test('double-mounted effects still load a Blob image, draw it, and release it on unmount', async () => {
    const { OcrOverlay } = await import('../../../src/react/overlay');
    const { StrictMode } = await import('react');
    const Konva = (await import('konva/lib/Core')).default;
    const create = vi.spyOn(URL, 'createObjectURL');
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const blob = await greyImageBlob(40, 30);
    const stagesBefore = Konva.stages.length;
    const view = render(
      <StrictMode>
        <OcrOverlay image={blob} result={result} />
      </StrictMode>,
    );
    const root = rootOf(view.container);
    await waitForState(root);
    const stage = Konva.stages.at(-1)!;
    expect(stage.width()).toBeGreaterThan(0);
    expect(root.querySelectorAll('canvas').length).toBe(4);
    view.unmount();
    expect(Konva.stages.length).toBe(stagesBefore);
    const created = create.mock.results.map((entry) => entry.value as string);
    expect(created.length).toBeGreaterThan(0);
    expect(revoke.mock.calls.map((call) => call[0]).sort()).toEqual([...created].sort());
    create.mockRestore();
    revoke.mockRestore();
  });
});
