import type { InputHost, InputSurface, KeyInput, OverlayInput, PointerInput } from './input';

/**
 * The handlers a view wires to the overlay's root and surface, stable from the first render.
 * They reach `OverlayInput` once the controller has loaded it (see `deferred.ts`); until then,
 * which is before the overlay is `ready`, there is nothing drawn to act on and events pass by.
 */
export class LazyInput<E> {
  #input: OverlayInput<E> | null = null;
  #surface: InputSurface | null = null;

  /** Hands the surface to the loaded input, and every event after it. */
  start(Input: typeof OverlayInput, host: InputHost<E>): void {
    if (this.#input) return;
    this.#input = new Input<E>(host);
    this.#input.attach(this.#surface);
  }

  attach(surface: InputSurface | null): void {
    this.#surface = surface;
    this.#input?.attach(surface);
  }

  readonly pointerDown = (event: PointerInput): void => this.#input?.pointerDown(event);
  readonly pointerMove = (event: PointerInput): void => this.#input?.pointerMove(event);
  readonly pointerUp = (event: PointerInput & E): void => this.#input?.pointerUp(event);
  readonly pointerCancel = (event: PointerInput): void => this.#input?.pointerCancel(event);
  readonly pointerLeave = (): void => this.#input?.pointerLeave();
  readonly doubleClick = (event: { target: EventTarget | null }): void =>
    this.#input?.doubleClick(event);
  readonly keyDown = (event: KeyInput & E): void => this.#input?.keyDown(event);
}
