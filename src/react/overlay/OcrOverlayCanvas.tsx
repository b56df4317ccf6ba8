import type Konva from 'konva';
import { useRef, useSyncExternalStore } from 'react';
import { Layer, Shape, Stage } from 'react-konva/lib/ReactKonvaCore';
import { useIsomorphicLayoutEffect } from '../internal';
import type { OverlayController } from './engine/controller';
import { LAYER_NAMES } from './engine/layers';

/** Bottom to top; each layer holds one shape, `ocr-<part>`. */
const PARTS = ['image', 'boxes', 'marks', 'highlight'] as const;

export interface OcrOverlayCanvasProps {
  /** The engine from `useOcrOverlay(…).controller`. */
  controller: OverlayController<never>;
}

/**
 * The overlay's Konva stage: the image, all boxes in one batched shape, and a small layer for
 * hover and selection, each drawn by the controller's scene functions. Put it inside the
 * element that gets `getSurfaceProps()`. Renders nothing until the image has loaded.
 */
export function OcrOverlayCanvas({ controller }: OcrOverlayCanvasProps) {
  const { hasStage, stage } = useSyncExternalStore(
    controller.subscribe,
    controller.getSnapshot,
    controller.getSnapshot,
  );
  const stageRef = useRef<Konva.Stage>(null);
  // After react-konva's own layout effects, so the stage and its layers exist.
  useIsomorphicLayoutEffect(() => {
    if (!hasStage) return;
    controller.attachStage(stageRef.current);
    return () => controller.attachStage(null);
  }, [controller, hasStage]);
  if (!hasStage) return null;
  const { scenes } = controller;
  return (
    <Stage ref={stageRef} width={stage.width} height={stage.height} listening={false}>
      {PARTS.map((part) => (
        // Only the highlight layer clears itself: the others keep their pixels between draws
        // (see `planFrame`).
        <Layer
          key={part}
          name={LAYER_NAMES[part]}
          listening={false}
          clearBeforeDraw={part === 'highlight'}
        >
          <Shape
            name={`ocr-${part}`}
            sceneFunc={scenes[part]}
            listening={false}
            perfectDrawEnabled={false}
          />
        </Layer>
      ))}
    </Stage>
  );
}
