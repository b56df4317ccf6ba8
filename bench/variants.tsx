import type Konva from 'konva';
import { Fragment, useState } from 'react';
import { Image as KonvaImage, Layer, Line, Stage, Text } from 'react-konva';
import { defaultColorScale, defaultFormatLabel, type OcrResult, type OcrWord } from '../src/index';

const STROKE = 2;

/**
 * The naive overlay the benchmark compares against: one `<Line>` and one `<Text>` per word, Konva
 * hit graph for hover, React state for the hovered word, zoom via the stage transform.
 */
export function NaiveOverlay({
  image,
  result,
  width,
  height,
  stageRef,
}: {
  image: CanvasImageSource;
  result: OcrResult;
  width: number;
  height: number;
  stageRef: (stage: Konva.Stage | null) => void;
}) {
  const [hover, setHover] = useState<string | null>(null);
  const natural = image as { width: number; height: number };
  const scale = width / natural.width;
  return (
    <Stage ref={stageRef} width={width} height={height} scaleX={scale} scaleY={scale}>
      <Layer>
        <KonvaImage image={image} />
        {result.words.map((word: OcrWord) => (
          <Fragment key={word.id}>
            <Line
              points={word.quad.flatMap((p) => [p.x, p.y])}
              closed
              stroke={hover === word.id ? '#ffffff' : defaultColorScale(word.confidence)}
              strokeWidth={STROKE / scale}
              onMouseEnter={() => setHover(word.id)}
            />
            <Text
              x={word.quad[0].x}
              y={word.quad[0].y - 8}
              text={defaultFormatLabel(word)}
              fontSize={7}
              fill="#111"
              listening={false}
            />
          </Fragment>
        ))}
      </Layer>
    </Stage>
  );
}
