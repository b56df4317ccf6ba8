/**
 * The code one detector thread runs: it loads the ONNX models with onnxruntime-node and runs
 * them, so inference (which blocks the calling thread) never runs on the request thread.
 *
 * `detectorThreadMain` is started from its own source text (`detectorThreadSource()`), so it
 * works the same from TypeScript sources under a test runner, from the built package and from
 * a user's server bundle. It must stay self-contained: no imports, no outside names.
 */

export interface ThreadInit {
  /** Resolved path of onnxruntime-node's entry. */
  runtimePath: string;
  models: { detection: string; recognition: string };
  /** ONNX Runtime intra-op threads for this thread's sessions. */
  threads: number;
}

export type ThreadRequest =
  /** `rgb` is `height × width × 3` bytes. */
  | { id: number; kind: 'detect'; rgb: Uint8Array; width: number; height: number }
  /** `batch` is `count × 3 × height × width`, already normalised to −1..1. */
  | ({ id: number; kind: 'recognize' } & CropBatchRequest);

export interface CropBatchRequest {
  batch: Float32Array;
  count: number;
  height: number;
  width: number;
}

export type ThreadReply =
  | { id: 0; kind: 'ready' }
  | { id: number; kind: 'error'; message: string }
  | { id: number; kind: 'detect'; map: Float32Array; width: number; height: number }
  /** Per item and time step: the best class and its probability (`count × steps`). */
  | { id: number; kind: 'recognize'; best: Int32Array; probability: Float32Array; steps: number };

/** The part of onnxruntime-node's API this thread uses (types only; erased at run time). */
interface OrtTensor {
  data: Float32Array;
  dims: readonly number[];
}
interface OrtSession {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, OrtTensor>>;
}
interface OrtModule {
  InferenceSession: { create(path: string, options: object): Promise<OrtSession> };
  Tensor: new (type: 'float32', data: Float32Array, dims: number[]) => unknown;
}
interface ThreadPort {
  postMessage(message: ThreadReply, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (request: ThreadRequest) => void): void;
}

export function detectorThreadMain(require: (id: string) => unknown): void {
  const threads = require('node:worker_threads') as {
    parentPort: ThreadPort;
    workerData: ThreadInit;
  };
  const parentPort = threads.parentPort;
  const init = threads.workerData;
  const ort = require(init.runtimePath) as OrtModule;
  const options = {
    intraOpNumThreads: init.threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    executionProviders: ['cpu'],
    // Idle ONNX Runtime threads spin by default, burning a core another request could use.
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  };
  const sessions = Promise.all([
    ort.InferenceSession.create(init.models.detection, options),
    ort.InferenceSession.create(init.models.recognition, options),
  ]);

  // PaddleOCR's detector normalisation: ImageNet mean and deviation per channel of the image
  // as OpenCV reads it (blue, green, red), so channel c of the input is byte 2 − c of a pixel.
  const MEAN = [0.485, 0.456, 0.406];
  const STD = [0.229, 0.224, 0.225];

  async function detect(session: OrtSession, rgb: Uint8Array, width: number, height: number) {
    const plane = width * height;
    const input = new Float32Array(3 * plane);
    for (let channel = 0; channel < 3; channel += 1) {
      const scale = 1 / (255 * STD[channel]!);
      const shift = MEAN[channel]! / STD[channel]!;
      const offset = channel * plane;
      for (let index = 0; index < plane; index += 1) {
        input[offset + index] = rgb[index * 3 + 2 - channel]! * scale - shift;
      }
    }
    const feeds = {
      [session.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, height, width]),
    };
    const output = (await session.run(feeds))[session.outputNames[0]!]!;
    return new Float32Array(output.data);
  }

  async function run(
    session: OrtSession,
    batch: Float32Array,
    count: number,
    height: number,
    width: number,
  ) {
    const feeds = {
      [session.inputNames[0]!]: new ort.Tensor('float32', batch, [count, 3, height, width]),
    };
    return (await session.run(feeds))[session.outputNames[0]!]!;
  }

  async function recognize(
    session: OrtSession,
    batch: Float32Array,
    count: number,
    height: number,
    width: number,
  ) {
    const output = await run(session, batch, count, height, width);
    const steps = output.dims[1]!;
    const classes = output.dims[2]!;
    const data = output.data;
    const best = new Int32Array(count * steps);
    const probability = new Float32Array(count * steps);
    for (let row = 0; row < count * steps; row += 1) {
      const offset = row * classes;
      let top = 0;
      let topValue = data[offset]!;
      for (let index = 1; index < classes; index += 1) {
        const value = data[offset + index]!;
        if (value > topValue) {
          topValue = value;
          top = index;
        }
      }
      best[row] = top;
      probability[row] = topValue;
    }
    return { best, probability, steps: steps };
  }

  sessions.then(
    () => parentPort.postMessage({ id: 0, kind: 'ready' }),
    (error: unknown) => parentPort.postMessage({ id: 0, kind: 'error', message: String(error) }),
  );

  parentPort.on('message', async (request: ThreadRequest) => {
    try {
      const [detector, recogniser] = await sessions;
      if (request.kind === 'detect') {
        const map = await detect(detector, request.rgb, request.width, request.height);
        parentPort.postMessage(
          { id: request.id, kind: 'detect', map, width: request.width, height: request.height },
          [map.buffer],
        );
      } else {
        const reply = await recognize(
          recogniser,
          request.batch,
          request.count,
          request.height,
          request.width,
        );
        parentPort.postMessage({ id: request.id, kind: 'recognize', ...reply }, [
          reply.best.buffer,
          reply.probability.buffer,
        ]);
      }
    } catch (error) {
      parentPort.postMessage({ id: request.id, kind: 'error', message: String(error) });
    }
  });
}

/** Source text for `new Worker(…, { eval: true })`. */
export function detectorThreadSource(): string {
  return `(${detectorThreadMain.toString()})(require);`;
}
